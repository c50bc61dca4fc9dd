using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Tests.TestCertificates;

namespace Golem.MeshPki.Tests.Validation.Names;

/// <summary>
/// Certificates and GeneralNames for the name tests, written byte by byte with <see cref="Der"/>
/// so that malformed names (a wildcard in a constraint, two '@' in a mailbox) can be written too.
/// Signatures are real but irrelevant: name checks never verify them.
/// </summary>
internal static class NameCertificates
{
    public const string CommonName = "2.5.4.3";
    public const string Organization = "2.5.4.10";
    public const string Country = "2.5.4.6";
    public const string EmailAddress = "1.2.840.113549.1.9.1";

    /// <summary>The subject of <see cref="Root"/>.</summary>
    public static readonly byte[] RootName = Name("Golem Test Root");

    /// <summary>A subject without a commonName, so that CABF BR 7.1.4.3 stays out of tests about something else.</summary>
    public static readonly byte[] LeafName = Der.SimpleName((Organization, Der.Utf8("Golem Test Workloads")));

    /// <summary>A Name with one commonName in a UTF8String.</summary>
    public static byte[] Name(string commonName) => Der.SimpleName((CommonName, Der.Utf8(commonName)));

    /// <summary>dNSName [2] with the text as given, Latin-1 bytes (so non-ASCII input stays one byte per character).</summary>
    public static byte[] Dns(string name) => Der.Tlv(Der.ContextPrimitive(2), Encoding.Latin1.GetBytes(name));

    /// <summary>rfc822Name [1].</summary>
    public static byte[] Email(string mailbox) => Der.Tlv(Der.ContextPrimitive(1), Encoding.Latin1.GetBytes(mailbox));

    /// <summary>uniformResourceIdentifier [6].</summary>
    public static byte[] Uri(string uri) => Der.Tlv(Der.ContextPrimitive(6), Encoding.Latin1.GetBytes(uri));

    /// <summary>iPAddress [7] of an address in .NET's text syntax.</summary>
    public static byte[] IP(string address) => Der.Tlv(Der.ContextPrimitive(7), IPAddress.Parse(address).GetAddressBytes());

    /// <summary>iPAddress [7] with any octets (a constraint's address and mask, or a defect).</summary>
    public static byte[] IPOctets(params byte[] octets) => Der.Tlv(Der.ContextPrimitive(7), octets);

    /// <summary>iPAddress [7] constraint of a CIDR range such as <c>192.0.2.0/24</c>, address and mask.</summary>
    public static byte[] IPRange(string cidr)
    {
        string[] parts = cidr.Split('/');
        byte[] address = IPAddress.Parse(parts[0]).GetAddressBytes();
        int prefix = int.Parse(parts[1], CultureInfo.InvariantCulture);
        byte[] mask = new byte[address.Length];
        for (int bit = 0; bit < prefix; bit++)
        {
            mask[bit / 8] |= (byte)(0x80 >> (bit % 8));
        }

        return IPOctets([.. address, .. mask]);
    }

    /// <summary>directoryName [4] EXPLICIT Name.</summary>
    public static byte[] DirectoryName(byte[] name) => Der.Constructed(Der.ContextConstructed(4), name);

    /// <summary>otherName [0] { type-id, [0] EXPLICIT value }.</summary>
    public static byte[] OtherName(string typeId, byte[] value) => Der.Constructed(Der.ContextConstructed(0), Der.Oid(typeId), Der.Constructed(Der.ContextConstructed(0), value));

    /// <summary>registeredID [8].</summary>
    public static byte[] RegisteredId(string oid) => Der.Tlv(Der.ContextPrimitive(8), Der.OidContents(oid));

    /// <summary>A subjectAltName extension of the given GeneralNames.</summary>
    public static X509Extension SubjectAltName(params byte[][] names) => SubjectAltName(critical: false, names);

    /// <summary>A subjectAltName extension of the given GeneralNames and criticality.</summary>
    public static X509Extension SubjectAltName(bool critical, params byte[][] names) =>
        TestExtensions.Raw(TestExtensions.SubjectAltNameOid, Der.Seq(names), critical);

    /// <summary>GeneralSubtree ::= SEQUENCE { base, minimum [0] DEFAULT 0, maximum [1] OPTIONAL }.</summary>
    public static byte[] Subtree(byte[] generalName, int? minimum = null, int? maximum = null)
    {
        var fields = new List<byte[]> { generalName };
        if (minimum is { } min)
        {
            fields.Add(Der.Tlv(Der.ContextPrimitive(0), [(byte)min]));
        }

        if (maximum is { } max)
        {
            fields.Add(Der.Tlv(Der.ContextPrimitive(1), [(byte)max]));
        }

        return Der.Seq(fields);
    }

    /// <summary>A nameConstraints extension of the given GeneralNames (each in a plain subtree); null leaves a list out.</summary>
    public static X509Extension NameConstraints(byte[][]? permitted = null, byte[][]? excluded = null, bool critical = true) =>
        NameConstraintsOfSubtrees(permitted?.Select(static n => Subtree(n)).ToArray(), excluded?.Select(static n => Subtree(n)).ToArray(), critical);

    /// <summary>A nameConstraints extension of ready-made GeneralSubtree encodings.</summary>
    public static X509Extension NameConstraintsOfSubtrees(byte[][]? permitted, byte[][]? excluded, bool critical = true)
    {
        var lists = new List<byte[]>();
        if (permitted is not null)
        {
            lists.Add(Der.Constructed(Der.ContextConstructed(0), permitted));
        }

        if (excluded is not null)
        {
            lists.Add(Der.Constructed(Der.ContextConstructed(1), excluded));
        }

        return TestExtensions.Raw(TestExtensions.NameConstraintsOid, Der.Seq(lists), critical);
    }

    /// <summary>A self-signed root CA with the given extensions besides basicConstraints.</summary>
    public static DerCertificate Root(params X509Extension[] extensions) => Ca(RootName, RootName, extensions);

    /// <summary>A CA certificate (basicConstraints cA TRUE) with the given names and extensions.</summary>
    public static DerCertificate Ca(byte[] subject, byte[] issuer, params X509Extension[] extensions) =>
        Issue(subject, issuer, [TestExtensions.BasicConstraints(certificateAuthority: true), .. extensions]);

    /// <summary>An end-entity certificate issued by <see cref="Root"/>, subject <see cref="LeafName"/>.</summary>
    public static DerCertificate Leaf(params X509Extension[] extensions) => Issue(LeafName, RootName, extensions);

    /// <summary>An end-entity certificate with the given subject, issued by <see cref="Root"/>.</summary>
    public static DerCertificate Leaf(byte[] subject, params X509Extension[] extensions) => Issue(subject, RootName, extensions);

    /// <summary>Any certificate: subject, issuer and extensions exactly as given.</summary>
    public static DerCertificate Issue(byte[] subject, byte[] issuer, params X509Extension[] extensions) =>
        DerCertificate.Parse(TestCertificate.Issue(new CertificateSpec { Subject = subject, Issuer = issuer, Extensions = extensions }).Der);
}
