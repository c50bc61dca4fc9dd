using System.Net;
using System.Security.Cryptography.X509Certificates;
using BouncyCastleGeneralName = Org.BouncyCastle.Asn1.X509.GeneralName;

namespace Golem.MeshPki.Tests.TestCertificates;

/// <summary>
/// A named set of generated certificates covering what a mesh PKI meets: RSA and EC roots and
/// intermediates, SPIFFE workload certificates, Ed25519, name constraints, awkward names and the
/// odd-but-real cases. Each is written once per test run, on first use; validity windows are fixed.
/// </summary>
public static class SampleCertificates
{
    private static readonly byte[] RootName = Der.SimpleName(("2.5.4.6", Der.Printable("DE")), ("2.5.4.10", Der.Utf8("Golem Test")), ("2.5.4.3", Der.Utf8("Golem Test Root CA")));
    private static readonly byte[] IntermediateName = Der.SimpleName(("2.5.4.10", Der.Utf8("Golem Test")), ("2.5.4.11", Der.Utf8("istio-system")), ("2.5.4.3", Der.Utf8("Golem Test Intermediate CA")));

    private static readonly Dictionary<string, Lazy<byte[]>> Certificates = new()
    {
        ["rsa2048-root-ca"] = Issue(() => new CertificateSpec
        {
            Key = TestKeys.Rsa2048,
            Subject = RootName,
            SerialNumber = [0x01],
            NotAfter = new DateTimeOffset(2045, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Extensions =
            [
                TestExtensions.BasicConstraints(certificateAuthority: true),
                TestExtensions.KeyUsage(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign),
                TestExtensions.SubjectKeyIdentifier(TestExtensions.KeyIdentifierOf(TestKeys.Rsa2048)),
            ],
        }),
        ["rsa4096-root-ca-sha384"] = Issue(() => new CertificateSpec
        {
            Key = TestKeys.Rsa4096,
            Scheme = SignatureScheme.RsaPkcs1Sha384,
            Subject = RootName,
            SerialNumber = [0x02],
            Extensions =
            [
                TestExtensions.BasicConstraints(certificateAuthority: true, pathLength: 1),
                TestExtensions.KeyUsage(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature),
                TestExtensions.SubjectKeyIdentifier(TestExtensions.KeyIdentifierOf(TestKeys.Rsa4096)),
            ],
        }),
        ["rsa2048-pss-intermediate-ca"] = Issue(() => new CertificateSpec
        {
            Key = TestKeys.Rsa2048,
            Scheme = SignatureScheme.RsaPssSha256,
            Subject = IntermediateName,
            Issuer = RootName,
            SerialNumber = [0x03, 0x33],
            Extensions =
            [
                TestExtensions.BasicConstraints(certificateAuthority: true, pathLength: 0),
                TestExtensions.KeyUsage(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign),
                TestExtensions.SubjectKeyIdentifier(TestExtensions.KeyIdentifierOf(TestKeys.Rsa2048)),
                TestExtensions.AuthorityKeyIdentifier(TestExtensions.KeyIdentifierOf(TestKeys.Rsa4096)),
                TestExtensions.CertificatePolicies("2.23.140.1.2.1", TestExtensions.PrivateArc + ".7"),
                TestExtensions.CrlDistributionPoints("http://crl.golem.test/root.crl", "ldap://ldap.golem.test/cn=root"),
            ],
        }),
        ["p256-spiffe-workload"] = Issue(() => new CertificateSpec
        {
            Key = TestKeys.P256,
            Subject = Der.Seq(),
            Issuer = IntermediateName,
            SerialNumber = [0x7E, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF],
            NotAfter = new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero),
            Extensions =
            [
                TestExtensions.KeyUsage(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment),
                TestExtensions.ExtendedKeyUsage(TestExtensions.ServerAuth, TestExtensions.ClientAuth),
                TestExtensions.BasicConstraints(certificateAuthority: false),
                TestExtensions.AuthorityKeyIdentifier(TestExtensions.KeyIdentifierOf(TestKeys.Rsa2048)),
                TestExtensions.SubjectAlternativeName(
                    static san =>
                    {
                        san.AddUri(new Uri(TestExtensions.SleepSpiffeId));
                        san.AddDnsName("sleep.default.svc.cluster.local");
                        san.AddIpAddress(IPAddress.Parse("10.244.1.7"));
                        san.AddIpAddress(IPAddress.Parse("fd00:10:244::7"));
                        san.AddEmailAddress("sleep@cluster.local");
                    },
                    critical: true),
            ],
        }),
        ["p384-istio-intermediate-ca"] = Issue(() => new CertificateSpec
        {
            Key = TestKeys.P384,
            Subject = IntermediateName,
            Issuer = RootName,
            SerialNumber = [0x04, 0x44],
            Extensions =
            [
                TestExtensions.BasicConstraints(certificateAuthority: true, pathLength: 0),
                TestExtensions.KeyUsage(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature),
                TestExtensions.SubjectKeyIdentifier(TestExtensions.KeyIdentifierOf(TestKeys.P384)),
                TestExtensions.SubjectAlternativeName(static san => san.AddUri(new Uri("spiffe://cluster.local/ns/istio-system/sa/istiod"))),
                TestExtensions.CrlDistributionPoints("http://crl.golem.test/intermediate.crl"),
                TestExtensions.Raw(TestExtensions.PrivateArc + ".1", Der.Utf8("golem"), critical: false),
            ],
        }),
        ["p521-leaf-custom-eku"] = Issue(() => new CertificateSpec
        {
            Key = TestKeys.P521,
            Issuer = IntermediateName,
            SerialNumber = [0x05],
            Extensions =
            [
                TestExtensions.ExtendedKeyUsage(TestExtensions.ClientAuth, TestExtensions.PrivateArc + ".2.1"),
                TestExtensions.KeyUsage((X509KeyUsageFlags)0x80FF, critical: false),
            ],
        }),
        ["ed25519-root-ca"] = Issue(() => new CertificateSpec
        {
            Key = TestKeys.Ed25519,
            Subject = RootName,
            SerialNumber = [0x06],
            Extensions =
            [
                TestExtensions.BasicConstraints(certificateAuthority: true),
                TestExtensions.KeyUsage(X509KeyUsageFlags.KeyCertSign),
                TestExtensions.SubjectKeyIdentifier(TestExtensions.KeyIdentifierOf(TestKeys.Ed25519)),
            ],
        }),
        ["ed25519-spiffe-workload"] = Issue(() => new CertificateSpec
        {
            Key = TestKeys.Ed25519,
            Issuer = RootName,
            SerialNumber = [0x07],
            Extensions =
            [
                TestExtensions.SubjectAlternativeName(static san => san.AddUri(new Uri(TestExtensions.SleepSpiffeId))),
                TestExtensions.ExtendedKeyUsage(TestExtensions.ServerAuth, TestExtensions.ClientAuth),
                TestExtensions.AuthorityKeyIdentifier(TestExtensions.KeyIdentifierOf(TestKeys.Ed25519)),
            ],
        }),
        ["name-constraints-ca"] = Issue(() => new CertificateSpec
        {
            Writer = CertificateWriter.BouncyCastle,
            Key = TestKeys.P256,
            Subject = IntermediateName,
            Issuer = RootName,
            SerialNumber = [0x08],
            Extensions =
            [
                TestExtensions.BasicConstraints(certificateAuthority: true, pathLength: 0),
                TestExtensions.NameConstraints(
                    [
                        new BouncyCastleGeneralName(BouncyCastleGeneralName.DnsName, ".cluster.local"),
                        new BouncyCastleGeneralName(BouncyCastleGeneralName.UniformResourceIdentifier, ".cluster.local"),
                        new BouncyCastleGeneralName(BouncyCastleGeneralName.IPAddress, "10.0.0.0/8"),
                        new BouncyCastleGeneralName(BouncyCastleGeneralName.IPAddress, "fd00::/8"),
                        new BouncyCastleGeneralName(BouncyCastleGeneralName.Rfc822Name, "cluster.local"),
                        new BouncyCastleGeneralName(BouncyCastleGeneralName.DirectoryName, "O=Golem Test"),
                    ],
                    [
                        new BouncyCastleGeneralName(BouncyCastleGeneralName.DnsName, "evil.example"),
                        new BouncyCastleGeneralName(BouncyCastleGeneralName.IPAddress, "192.168.0.0/16"),
                    ]),
            ],
        }),
        ["awkward-names"] = Issue(() => new CertificateSpec
        {
            Subject = Der.Name(
                [Der.Attribute("2.5.4.6", Der.Printable("DE"))],
                [Der.Attribute("2.5.4.10", Der.Utf8("Golem, \"Test\" + Co; <x>"))],
                [Der.Attribute("2.5.4.11", Der.Utf8("#mesh")), Der.Attribute("2.5.4.3", Der.Utf8(" spaced "))],
                [Der.Attribute("2.5.4.7", Der.Bmp("Zürich Ωmega"))],
                [Der.Attribute("2.5.4.8", Der.Utf8("東京"))],
                [Der.Attribute("1.2.840.113549.1.9.1", Der.Ia5("ca@golem.test"))],
                [Der.Attribute("0.9.2342.19200300.100.1.25", Der.Ia5("golem"))],
                [Der.Attribute(TestExtensions.PrivateArc + ".3", Der.Utf8("custom"))],
                [Der.Attribute("2.5.4.9", Der.Tlv(Der.TeletexStringTag, [0x63, 0x61, 0x66, 0xE9]))],
                [Der.Attribute("2.5.4.17", Der.Tlv(Der.UniversalStringTag, [0, 0, 0, 0x31, 0, 0, 0, 0x32]))],
                [Der.Attribute("2.5.4.5", Der.Tlv(0x12, "0042"u8))]),
            Issuer = RootName,
            SerialNumber = [0x09],
        }),
        ["san-every-general-name-kind"] = Issue(() => new CertificateSpec
        {
            Key = TestKeys.P256,
            Issuer = IntermediateName,
            SerialNumber = [0x0C],
            Extensions = [TestExtensions.SubjectAlternativeNameOfEveryKind()],
        }),
        ["serial-zero"] = Issue(() => new CertificateSpec { SerialNumber = [0x00], Subject = RootName }),
        ["serial-32-octets"] = Issue(() => new CertificateSpec { SerialNumber = [.. Enumerable.Range(1, 32).Select(static i => (byte)(0x30 + i))], Subject = RootName }),
        ["negative-serial"] = new(static () =>
        {
            TestCertificate certificate = TestCertificate.Issue(new CertificateSpec { Subject = RootName });
            EditableCertificate edit = certificate.Edit();
            edit.SerialNumber.Contents = [0xFE, 0xDC, 0xBA];
            return certificate.Resign(edit);
        }),
        ["explicit-critical-false"] = new(static () =>
        {
            TestCertificate certificate = TestCertificate.Issue(new CertificateSpec
            {
                Extensions = [TestExtensions.ExtendedKeyUsage(TestExtensions.ServerAuth), TestExtensions.BasicConstraints(certificateAuthority: false, critical: false)],
            });
            EditableCertificate edit = certificate.Edit();
            foreach (DerNode extension in edit.Extensions.Children)
            {
                extension.Children.Insert(1, DerNode.Parse(Der.Bool(false)));
            }

            return certificate.Resign(edit);
        }),
        ["version1-rsa"] = Issue(() => new CertificateSpec { Version1 = true, Key = TestKeys.Rsa2048, Subject = RootName, SerialNumber = [0x0A] }),
        ["validity-1950-to-2050"] = Issue(() => new CertificateSpec
        {
            NotBefore = new DateTimeOffset(1950, 1, 1, 0, 0, 0, TimeSpan.Zero),
            NotAfter = new DateTimeOffset(2050, 1, 1, 0, 0, 0, TimeSpan.Zero),
            SerialNumber = [0x0B],
        }),
    };

    /// <summary>The names of every sample, in a stable order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Certificates.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The DER of sample <paramref name="name"/>, written on first use.</summary>
    public static byte[] Get(string name) => Certificates[name].Value;

    private static Lazy<byte[]> Issue(Func<CertificateSpec> spec) => new(() => TestCertificate.Issue(spec()).Der);
}
