using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using Golem.MeshPki.Packaging;
using Golem.MeshPki.Validation;

namespace Golem.MeshPki.Benchmarks.Validation;

/// <summary>
/// Checks one <c>cacerts</c> bundle as istio's tools/certs Makefiles make it (RSA-4096 root, RSA-4096 intermediate with
/// pathlen 0, cert-chain.pem = intermediate + root, the intermediate's PKCS #8 key): reading the four files and every
/// MPKI check, against .NET's <see cref="X509Chain"/> building the same path from the same PEM (load, custom root
/// trust, no revocation), which checks far less (no key match, no pathlen with the workload, no pins, no trust domain).
/// </summary>
[MemoryDiagnoser]
public class CaCertsValidationBenchmarks
{
    private static readonly DateTimeOffset ValidationTime = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private Dictionary<string, ReadOnlyMemory<byte>> _files = [];
    private CaCertsValidationOptions _options = null!;

    /// <summary>Issues the bundle and checks that both variants accept it.</summary>
    [GlobalSetup]
    public void IssueBundle()
    {
        using RSA rootKey = RSA.Create(4096);
        var rootRequest = new CertificateRequest("O=Istio,CN=Root CA", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        rootRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(rootRequest.PublicKey, false));
        using X509Certificate2 root = rootRequest.CreateSelfSigned(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2036, 1, 1, 0, 0, 0, TimeSpan.Zero));

        using RSA caKey = RSA.Create(4096);
        var caRequest = new CertificateRequest("O=Istio,CN=Intermediate CA,L=cluster1", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        caRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        using X509Certificate2 ca = caRequest.Create(root, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.Zero), [0x10, 0x01]);

        string caPem = ca.ExportCertificatePem() + "\n";
        string rootPem = root.ExportCertificatePem() + "\n";
        _files = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal)
        {
            [CaCertsFileNames.CaCert] = System.Text.Encoding.ASCII.GetBytes(caPem),
            [CaCertsFileNames.CaKey] = System.Text.Encoding.ASCII.GetBytes(caKey.ExportPkcs8PrivateKeyPem() + "\n"),
            [CaCertsFileNames.CertChain] = System.Text.Encoding.ASCII.GetBytes(caPem + rootPem),
            [CaCertsFileNames.RootCert] = System.Text.Encoding.ASCII.GetBytes(rootPem),
        };
        _options = new CaCertsValidationOptions { ValidationTime = ValidationTime, PinnedRootFingerprints = [Convert.ToHexStringLower(SHA256.HashData(root.RawData))] };

        if (GolemMeshPki() != 0 || !DotNetX509Chain())
        {
            throw new InvalidOperationException("The bundle does not validate: the benchmark would measure failures.");
        }
    }

    /// <summary>.NET: load the PEM, build the chain with the root as the only trust anchor.</summary>
    /// <returns>Whether the chain builds.</returns>
    [Benchmark(Baseline = true)]
    public bool DotNetX509Chain()
    {
        using X509Certificate2 ca = X509Certificate2.CreateFromPem(System.Text.Encoding.ASCII.GetString(_files[CaCertsFileNames.CaCert].Span));
        var intermediates = new X509Certificate2Collection();
        intermediates.ImportFromPem(System.Text.Encoding.ASCII.GetString(_files[CaCertsFileNames.CertChain].Span));
        var roots = new X509Certificate2Collection();
        roots.ImportFromPem(System.Text.Encoding.ASCII.GetString(_files[CaCertsFileNames.RootCert].Span));
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.ExtraStore.AddRange(intermediates);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = ValidationTime.UtcDateTime;
        bool built = chain.Build(ca);
        foreach (X509Certificate2 certificate in intermediates.Concat(roots))
        {
            certificate.Dispose();
        }

        return built;
    }

    /// <summary>Golem.MeshPki: read the bundle (PEM, DER, key identity) and run every cacerts check.</summary>
    /// <returns>The number of error findings (0 for this bundle).</returns>
    [Benchmark]
    public int GolemMeshPki()
    {
        CaCertsBundle bundle = CaCertsBundle.FromFiles(_files, "cacerts");
        CaCertsValidationResult result = CaCertsValidator.Validate(bundle, _options);
        return result.Findings.Count(finding => finding.Severity == Rules.RuleSeverity.Error);
    }
}
