using Golem.MeshPki.Certificates;
using Golem.MeshPki.Tests.TestCertificates;
using Golem.MeshPki.Validation;

namespace Golem.MeshPki.Tests.Validation;

/// <summary>
/// Tests of <see cref="ExtensionShapes"/>: which fields an authorityKeyIdentifier carries (CA/B Forum BR 7.1.2.11.1)
/// and whether authorityInfoAccess is well formed (RFC 5280 4.2.2.1).
/// </summary>
public class ExtensionShapesTests
{
    private static readonly byte[] KeyId = [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08];

    /// <summary>authorityKeyIdentifier values, by the fields they carry, and <c>AuthorityKeyIdentifierFields.ToString()</c> of what must be read.</summary>
    public static TheoryData<string, string> AuthorityKeyIdentifiers => new()
    {
        { "keyIdentifier", "KeyIdentifier" },
        { "authorityCertIssuer and authorityCertSerialNumber", "AuthorityCertIssuer, AuthorityCertSerialNumber" },
        { "all three", "KeyIdentifier, AuthorityCertIssuer, AuthorityCertSerialNumber" },
        { "none", "None" },
    };

    [Theory]
    [MemberData(nameof(AuthorityKeyIdentifiers))]
    public void AuthorityKeyIdentifier_fields_are_read(string shape, string expected)
    {
        byte[] keyIdentifier = Der.Tlv(Der.ContextPrimitive(0), KeyId);
        byte[] issuer = Der.Constructed(Der.ContextConstructed(1), Der.Constructed(Der.ContextConstructed(4), TestPki.Name("Root CA")));
        byte[] serial = Der.Tlv(Der.ContextPrimitive(2), [0x01]);
        byte[] value = shape switch
        {
            "keyIdentifier" => Der.Seq(keyIdentifier),
            "authorityCertIssuer and authorityCertSerialNumber" => Der.Seq(issuer, serial),
            "all three" => Der.Seq(keyIdentifier, issuer, serial),
            _ => Der.Seq(),
        };
        DerCertificate certificate = DerCertificate.Parse(TestCertificate.Issue(TestExtensions.Raw(TestExtensions.AuthorityKeyIdentifierOid, value, critical: false)).Der);

        Assert.True(ExtensionShapes.TryGet(certificate, CertificateExtensionKind.AuthorityKeyIdentifier, out CertificateExtension extension));

        Assert.Equal(expected, ExtensionShapes.ReadAuthorityKeyIdentifierFields(extension).ToString());
    }

    [Fact]
    public void TryGet_finds_present_extensions_only()
    {
        DerCertificate certificate = DerCertificate.Parse(TestCertificate.Issue(TestExtensions.SubjectKeyIdentifier(KeyId)).Der);

        Assert.True(ExtensionShapes.TryGet(certificate, CertificateExtensionKind.SubjectKeyIdentifier, out CertificateExtension found));
        Assert.Equal(CertificateExtensionKind.SubjectKeyIdentifier, found.Kind);
        Assert.False(ExtensionShapes.TryGet(certificate, CertificateExtensionKind.AuthorityKeyIdentifier, out _));
    }

    /// <summary>authorityInfoAccess values (extnValue DER, hex) and whether they are well formed.</summary>
    public static TheoryData<string, string, bool> AuthorityInfoAccessValues => new()
    {
        { "caIssuers URI", Convert.ToHexString(Der.Seq(Description("1.3.6.1.5.5.7.48.2", Uri("http://pki.golem.test/ca.cer")))), true },
        { "OCSP and caIssuers", Convert.ToHexString(Der.Seq(Description("1.3.6.1.5.5.7.48.1", Uri("http://ocsp.golem.test")), Description("1.3.6.1.5.5.7.48.2", Uri("http://pki.golem.test/ca.cer")))), true },
        { "directoryName location", Convert.ToHexString(Der.Seq(Description("1.3.6.1.5.5.7.48.2", Der.Constructed(Der.ContextConstructed(4), TestPki.Name("dir"))))), true },
        { "empty SEQUENCE", Convert.ToHexString(Der.Seq()), false },
        { "trailing bytes", Convert.ToHexString([.. Der.Seq(Description("1.3.6.1.5.5.7.48.2", Uri("http://pki.golem.test/ca.cer"))), 0x05, 0x00]), false },
        { "location not a GeneralName", Convert.ToHexString(Der.Seq(Der.Seq(Der.Oid("1.3.6.1.5.5.7.48.2"), Der.Ia5("http://pki.golem.test/ca.cer")))), false },
        { "location with tag [9]", Convert.ToHexString(Der.Seq(Description("1.3.6.1.5.5.7.48.2", Der.Tlv(Der.ContextPrimitive(9), [0x01])))), false },
        { "location missing", Convert.ToHexString(Der.Seq(Der.Seq(Der.Oid("1.3.6.1.5.5.7.48.2")))), false },
        { "two locations in one description", Convert.ToHexString(Der.Seq(Der.Seq(Der.Oid("1.3.6.1.5.5.7.48.2"), Uri("http://a.golem.test"), Uri("http://b.golem.test")))), false },
        { "method not an OID", Convert.ToHexString(Der.Seq(Der.Seq(Der.Utf8("caIssuers"), Uri("http://pki.golem.test/ca.cer")))), false },
        { "not a SEQUENCE", Convert.ToHexString(Der.Octets([0x01])), false },
    };

    [Theory]
    [MemberData(nameof(AuthorityInfoAccessValues))]
    public void AuthorityInfoAccess_shape_is_checked(string description, string valueHex, bool wellFormed)
    {
        Assert.True(
            wellFormed == ExtensionShapes.IsWellFormedAuthorityInfoAccess(Convert.FromHexString(valueHex)),
            $"{description}: expected {(wellFormed ? "well formed" : "malformed")}.");
    }

    private static byte[] Description(string method, byte[] location) => Der.Seq(Der.Oid(method), location);

    private static byte[] Uri(string uri) => Der.Tlv(Der.ContextPrimitive(6), System.Text.Encoding.ASCII.GetBytes(uri));
}
