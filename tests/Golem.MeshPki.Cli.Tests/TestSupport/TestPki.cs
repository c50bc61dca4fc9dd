using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Golem.MeshPki.Cli.Tests.TestSupport;

/// <summary>
/// A small mesh PKI made with .NET's CertificateRequest, with fixed validity windows so that the
/// tests do not age: an RSA root (2025-01-01..2035-01-01), an EC P-384 intermediate with path length 0,
/// a P-256 workload leaf with a SPIFFE ID, and a leaf that has expired. Built once per test run (RSA key
/// generation is slow).
/// </summary>
internal sealed class TestPki
{
    /// <summary>The clock the tests judge validity at.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The SPIFFE ID of the leaf's workload.</summary>
    public const string SpiffeId = "spiffe://cluster.local/ns/default/sa/sleep";

    private static readonly Lazy<TestPki> Instance = new(() => new TestPki());

    private TestPki()
    {
        RootKey = RSA.Create(2048);
        var rootRequest = new CertificateRequest("CN=Golem Test Root CA, O=Golem", RootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        rootRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(rootRequest.PublicKey, false));
        Root = rootRequest.CreateSelfSigned(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2035, 1, 1, 0, 0, 0, TimeSpan.Zero));

        IntermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var intermediateRequest = new CertificateRequest("CN=Golem Test Intermediate CA, O=Golem", IntermediateKey, HashAlgorithmName.SHA256);
        intermediateRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        intermediateRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        intermediateRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(intermediateRequest.PublicKey, false));
        intermediateRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Root, true, false));
        // The RSA root signs an EC key: the signature generator says how (sha256WithRSAEncryption).
        using (X509Certificate2 signed = intermediateRequest.Create(
            Root.SubjectName,
            X509SignatureGenerator.CreateForRSA(RootKey, RSASignaturePadding.Pkcs1),
            new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), [0x10, 0x00]))
        {
            Intermediate = signed.CopyWithPrivateKey(IntermediateKey);
        }

        LeafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Leaf = CreateLeaf(LeafKey, "CN=sleep.default.svc.cluster.local, O=Golem", new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero), new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), LeafSerial);

        ExpiredLeafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        ExpiredLeaf = CreateLeaf(ExpiredLeafKey, "CN=expired.default.svc.cluster.local", new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2025, 2, 1, 0, 0, 0, TimeSpan.Zero), [0x05]);
    }

    /// <summary>The leaf's serial: the high bit is set, so DER adds a 00 octet that the JSON must not show.</summary>
    public static byte[] LeafSerial => [0xAB, 0xCD, 0xEF, 0x01];

    /// <summary>The shared instance.</summary>
    public static TestPki Shared => Instance.Value;

    /// <summary>The root's key.</summary>
    public RSA RootKey { get; }

    /// <summary>The self-signed RSA root, 2025-01-01..2035-01-01.</summary>
    public X509Certificate2 Root { get; }

    /// <summary>The intermediate's key.</summary>
    public ECDsa IntermediateKey { get; }

    /// <summary>The P-384 intermediate with path length 0, 2025-01-01..2030-01-01, serial 1000.</summary>
    public X509Certificate2 Intermediate { get; }

    /// <summary>The leaf's key.</summary>
    public ECDsa LeafKey { get; }

    /// <summary>The P-256 workload leaf, 2025-06-01..2026-06-01: 92 days left at <see cref="Now"/>.</summary>
    public X509Certificate2 Leaf { get; }

    /// <summary>The expired leaf's key.</summary>
    public ECDsa ExpiredLeafKey { get; }

    /// <summary>A leaf that expired 2025-02-01: 393 days before <see cref="Now"/>.</summary>
    public X509Certificate2 ExpiredLeaf { get; }

    /// <summary>Leaf, intermediate and root as one PEM bundle (cert-chain.pem order).</summary>
    public string ChainPem => Leaf.ExportCertificatePem() + "\n" + Intermediate.ExportCertificatePem() + "\n" + Root.ExportCertificatePem() + "\n";

    private X509Certificate2 CreateLeaf(ECDsa key, string subject, DateTimeOffset notBefore, DateTimeOffset notAfter, byte[] serial)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddUri(new Uri(SpiffeId));
        names.AddDnsName("sleep.default.svc.cluster.local");
        names.AddIpAddress(IPAddress.Parse("10.1.2.3"));
        request.CertificateExtensions.Add(names.Build(false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Intermediate, true, false));
        return request.Create(Intermediate, notBefore, notAfter, serial);
    }
}
