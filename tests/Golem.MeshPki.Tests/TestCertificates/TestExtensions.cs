using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1.X509;
using BouncyCastleGeneralName = Org.BouncyCastle.Asn1.X509.GeneralName;
using X509Extension = System.Security.Cryptography.X509Certificates.X509Extension;

namespace Golem.MeshPki.Tests.TestCertificates;

/// <summary>Extensions for <see cref="CertificateSpec.Extensions"/>, written by .NET where it can and by BouncyCastle or by hand where it cannot.</summary>
public static class TestExtensions
{
    public const string BasicConstraintsOid = "2.5.29.19";
    public const string KeyUsageOid = "2.5.29.15";
    public const string ExtendedKeyUsageOid = "2.5.29.37";
    public const string SubjectKeyIdentifierOid = "2.5.29.14";
    public const string AuthorityKeyIdentifierOid = "2.5.29.35";
    public const string SubjectAltNameOid = "2.5.29.17";
    public const string NameConstraintsOid = "2.5.29.30";
    public const string CertificatePoliciesOid = "2.5.29.32";
    public const string CrlDistributionPointsOid = "2.5.29.31";

    /// <summary>A private-enterprise arc for made-up identifiers (1.3.6.1.4.1.55555 is not assigned to anyone we depend on).</summary>
    public const string PrivateArc = "1.3.6.1.4.1.55555";

    public const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    public const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    public static X509Extension BasicConstraints(bool certificateAuthority, int? pathLength = null, bool critical = true) =>
        new X509BasicConstraintsExtension(certificateAuthority, pathLength.HasValue, pathLength ?? 0, critical);

    public static X509Extension KeyUsage(X509KeyUsageFlags flags, bool critical = true) => new X509KeyUsageExtension(flags, critical);

    public static X509Extension ExtendedKeyUsage(params string[] oids)
    {
        var collection = new OidCollection();
        foreach (string oid in oids)
        {
            collection.Add(new Oid(oid));
        }

        return new X509EnhancedKeyUsageExtension(collection, critical: false);
    }

    public static X509Extension SubjectKeyIdentifier(byte[] keyIdentifier) => new X509SubjectKeyIdentifierExtension(keyIdentifier, critical: false);

    public static X509Extension AuthorityKeyIdentifier(byte[] keyIdentifier) => X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(keyIdentifier);

    /// <summary>A subjectAltName built by .NET's <see cref="SubjectAlternativeNameBuilder"/>.</summary>
    public static X509Extension SubjectAlternativeName(Action<SubjectAlternativeNameBuilder> build, bool critical = false)
    {
        ArgumentNullException.ThrowIfNull(build);
        var builder = new SubjectAlternativeNameBuilder();
        build(builder);
        return builder.Build(critical);
    }

    /// <summary>The SPIFFE identity Istio gives the <c>sleep</c> sample workload.</summary>
    public const string SleepSpiffeId = "spiffe://cluster.local/ns/default/sa/sleep";

    /// <summary>
    /// A nameConstraints extension (RFC 5280 4.2.1.10) written by BouncyCastle, whose
    /// <c>GeneralName</c> takes IP ranges as <c>10.0.0.0/8</c>.
    /// </summary>
    public static X509Extension NameConstraints(IEnumerable<BouncyCastleGeneralName>? permitted, IEnumerable<BouncyCastleGeneralName>? excluded, bool critical = true)
    {
        static GeneralSubtrees? Subtrees(IEnumerable<BouncyCastleGeneralName>? names) => names is null ? null : new GeneralSubtrees(names.Select(static n => new GeneralSubtree(n)).ToArray());
        var constraints = new NameConstraints(Subtrees(permitted), Subtrees(excluded));
        return new X509Extension(NameConstraintsOid, constraints.GetDerEncoded(), critical);
    }

    /// <summary>certificatePolicies with one PolicyInformation per identifier; the first carries a CPS qualifier, as public CAs write.</summary>
    public static X509Extension CertificatePolicies(params string[] policyOids)
    {
        ArgumentNullException.ThrowIfNull(policyOids);
        IEnumerable<byte[]> policies = policyOids.Select(static (oid, index) => index == 0
            ? Der.Seq(Der.Oid(oid), Der.Seq(Der.Seq(Der.Oid("1.3.6.1.5.5.7.2.1"), Der.Ia5("https://pki.example/cps"))))
            : Der.Seq(Der.Oid(oid)));
        return new X509Extension(CertificatePoliciesOid, Der.Seq(policies), critical: false);
    }

    /// <summary>cRLDistributionPoints with one distribution point per URI.</summary>
    public static X509Extension CrlDistributionPoints(params string[] uris)
    {
        ArgumentNullException.ThrowIfNull(uris);
        IEnumerable<byte[]> points = uris.Select(static uri => Der.Seq(
            Der.Constructed(Der.ContextConstructed(0), Der.Constructed(Der.ContextConstructed(0), Der.Tlv(Der.ContextPrimitive(6), System.Text.Encoding.ASCII.GetBytes(uri))))));
        return new X509Extension(CrlDistributionPointsOid, Der.Seq(points), critical: false);
    }

    /// <summary>
    /// A subjectAltName with one name of each of the nine GeneralName kinds (RFC 5280 4.2.1.6), in tag order:
    /// otherName (a UPN), rfc822Name, dNSName, x400Address, directoryName, ediPartyName, URI, iPAddress, registeredID.
    /// </summary>
    public static X509Extension SubjectAlternativeNameOfEveryKind(bool critical = false)
    {
        byte[] value = Der.Seq(
            Der.Constructed(Der.ContextConstructed(0), Der.Oid("1.3.6.1.4.1.311.20.2.3"), Der.Constructed(Der.ContextConstructed(0), Der.Utf8("upn@golem.test"))),
            Der.Tlv(Der.ContextPrimitive(1), "mail@golem.test"u8),
            Der.Tlv(Der.ContextPrimitive(2), "golem.test"u8),
            Der.Constructed(Der.ContextConstructed(3), Der.Seq()),
            Der.Constructed(Der.ContextConstructed(4), Der.SimpleName(("2.5.4.10", Der.Utf8("Golem Test")), ("2.5.4.3", Der.Utf8("dir")))),
            Der.Constructed(Der.ContextConstructed(5), Der.Constructed(Der.ContextConstructed(1), Der.Utf8("edi party"))),
            Der.Tlv(Der.ContextPrimitive(6), "spiffe://golem.test/ns/a/sa/b"u8),
            Der.Tlv(Der.ContextPrimitive(7), [192, 0, 2, 1]),
            Der.Tlv(Der.ContextPrimitive(8), Der.OidContents(PrivateArc + ".5")));
        return new X509Extension(SubjectAltNameOid, value, critical);
    }

    /// <summary>Any extension, from its identifier and the DER of its value.</summary>
    public static X509Extension Raw(string oid, byte[] value, bool critical) => new(oid, value, critical);

    /// <summary>A key identifier as RFC 5280 4.2.1.2 method (1) computes it: SHA-1 of the subjectPublicKey bits.</summary>
    public static byte[] KeyIdentifierOf(TestKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        byte[] spki = key.Ed25519 is not null
            ? Org.BouncyCastle.X509.SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(key.BouncyCastle.Public).GetDerEncoded()
            : ((AsymmetricAlgorithm?)key.Rsa ?? key.ECDsa!).ExportSubjectPublicKeyInfo();
        DerNode bits = DerNode.Parse(spki)[1];
#pragma warning disable CA5350 // RFC 5280 4.2.1.2 names SHA-1 for key identifiers; no security depends on it here.
        return SHA1.HashData(bits.Contents.AsSpan(1));
#pragma warning restore CA5350
    }
}
