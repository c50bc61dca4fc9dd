using System.Security.Cryptography.X509Certificates;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Tests.TestCertificates;
using BouncyCastleGeneralName = Org.BouncyCastle.Asn1.X509.GeneralName;

namespace Golem.MeshPki.Tests.Certificates;

/// <summary>
/// Tests of <see cref="DerCertificate"/>, split by topic: <c>.Fields</c> (every TBS field and the
/// spans), <c>.Names</c> (RFC 4514), <c>.Extensions</c>, <c>.StrictDer</c> (defects rejected with
/// the right offset and field) and <c>.Tolerated</c> (odd but real certificates that must be read).
/// </summary>
/// <remarks>
/// Inputs are certificates written by .NET or BouncyCastle (see <see cref="TestCertificate"/>) and,
/// for defects and oddities, their DER edited through <see cref="EditableCertificate"/>: the
/// expected offset of a defect is where the edit put it, never a number typed in by hand.
/// </remarks>
public partial class DerCertificateTests
{
    /// <summary>An unknown extension identifier under the test arc.</summary>
    private const string UnknownExtensionOid = TestExtensions.PrivateArc + ".1";

    private static readonly byte[] IssuerName = Der.SimpleName(("2.5.4.10", Der.Utf8("Golem Test")), ("2.5.4.3", Der.Utf8("Golem Test Issuing CA")));

    private static readonly byte[] CaKeyIdentifier = [0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D];

    /// <summary>A P-256 intermediate with every extension kind the reader decodes, plus one it does not: the base of most edits.</summary>
    private static readonly Lazy<TestCertificate> LazyFullCertificate = new(() => TestCertificate.Issue(new CertificateSpec
    {
        Issuer = IssuerName,
        Extensions =
        [
            TestExtensions.BasicConstraints(certificateAuthority: true, pathLength: 0),
            TestExtensions.KeyUsage(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign),
            TestExtensions.ExtendedKeyUsage(TestExtensions.ServerAuth, TestExtensions.ClientAuth),
            TestExtensions.SubjectKeyIdentifier(TestExtensions.KeyIdentifierOf(TestKeys.P256)),
            TestExtensions.AuthorityKeyIdentifier(CaKeyIdentifier),
            TestExtensions.SubjectAlternativeName(static san =>
            {
                san.AddDnsName("istiod.istio-system.svc");
                san.AddUri(new Uri(TestExtensions.SleepSpiffeId));
                san.AddIpAddress(System.Net.IPAddress.Parse("10.1.2.3"));
            }),
            TestExtensions.NameConstraints(
                [new BouncyCastleGeneralName(BouncyCastleGeneralName.DnsName, ".cluster.local"), new BouncyCastleGeneralName(BouncyCastleGeneralName.IPAddress, "10.0.0.0/8")],
                [new BouncyCastleGeneralName(BouncyCastleGeneralName.DnsName, "evil.example")]),
            TestExtensions.CertificatePolicies("2.23.140.1.2.1", TestExtensions.PrivateArc + ".7"),
            TestExtensions.CrlDistributionPoints("http://crl.golem.test/ca.crl"),
            TestExtensions.Raw(UnknownExtensionOid, Der.Utf8("golem"), critical: false),
        ],
    }));

    private static TestCertificate FullCertificate => LazyFullCertificate.Value;

    private static DerCertificate Read(byte[] der) => DerCertificate.Parse(der);

    private static CertificateFormatException ReadFails(byte[] der) => Assert.Throws<CertificateFormatException>(() => DerCertificate.Parse(der));

    private static List<string> Strings(GeneralNameEnumerator names)
    {
        var list = new List<string>();
        foreach (GeneralName name in names)
        {
            list.Add(name.ToString());
        }

        return list;
    }

    private static List<string> Strings(ObjectIdentifierEnumerator identifiers)
    {
        var list = new List<string>();
        foreach (ObjectIdentifier identifier in identifiers)
        {
            list.Add(identifier.ToString());
        }

        return list;
    }

    private static List<CertificateExtension> Extensions(DerCertificate certificate)
    {
        var list = new List<CertificateExtension>();
        foreach (CertificateExtension extension in certificate.GetExtensions())
        {
            list.Add(extension);
        }

        return list;
    }
}
