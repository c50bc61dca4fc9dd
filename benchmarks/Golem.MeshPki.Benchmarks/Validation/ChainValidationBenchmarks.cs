using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Validation;

namespace Golem.MeshPki.Benchmarks.Validation;

/// <summary>
/// Validates 10,000 P-256 workload leaves (SPIFFE URI SAN, serverAuth + clientAuth, 24 h) issued by one Istio-style
/// intermediate (pathlen 0) under one root, with the issuer key cached, against the bare cost of the one ECDSA
/// verification each validation needs (.NET <c>ECDsa.VerifyData</c> with the intermediate's key imported once).
/// Target (issue 3): per leaf within 1.2x of the bare verification.
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "BenchmarkDotNet owns the lifetime: [GlobalCleanup] releases the keys, and benchmark classes cannot be sealed.")]
public class ChainValidationBenchmarks
{
    private const int LeafCount = 10_000;

    private static readonly DateTimeOffset IssuedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ValidationTime = IssuedAt.AddHours(12);

    private DerCertificate[] _leaves = [];
    private DerCertificate _intermediate = null!;
    private DerCertificate[] _intermediates = [];
    private ECDsa _intermediateKey = null!;
    private CertificatePathValidator _validator = null!;

    /// <summary>Issues the root, the intermediate and the leaves, and checks that every leaf validates.</summary>
    [GlobalSetup]
    public void IssueMesh()
    {
        using ECDsa rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rootRequest = new CertificateRequest("O=Golem Trust,CN=Golem Trust Root CA", rootKey, HashAlgorithmName.SHA256);
        AddCaExtensions(rootRequest, pathLength: null);
        using X509Certificate2 root = rootRequest.CreateSelfSigned(IssuedAt.AddDays(-1), IssuedAt.AddYears(10));

        ECDsa intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var intermediateRequest = new CertificateRequest("O=Golem Trust,CN=Golem Trust Istio CA", intermediateKey, HashAlgorithmName.SHA256);
        AddCaExtensions(intermediateRequest, pathLength: 0);
        intermediateRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        using X509Certificate2 intermediate = intermediateRequest.Create(root, IssuedAt.AddDays(-1), IssuedAt.AddDays(30), [1, 2, 3, 4]);
        using X509Certificate2 intermediateWithKey = intermediate.CopyWithPrivateKey(intermediateKey);

        // Signature verification does not depend on the leaf's own key, so the leaves share one.
        using ECDsa leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leaves = new DerCertificate[LeafCount];
        for (int i = 0; i < LeafCount; i++)
        {
            var request = new CertificateRequest(string.Empty, leafKey, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ExtendedKeyUsages.ServerAuthentication), new Oid(ExtendedKeyUsages.ClientAuthentication)], false));
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(intermediate, includeKeyIdentifier: true, includeIssuerAndSerial: false));
            var san = new SubjectAlternativeNameBuilder();
            san.AddUri(new Uri($"spiffe://cluster.local/ns/payments-{i % 50}/sa/workload-{i}"));
            request.CertificateExtensions.Add(san.Build(critical: true));
            byte[] serial = BitConverter.GetBytes(i + 1);
            Array.Reverse(serial);
            using X509Certificate2 leaf = request.Create(intermediateWithKey, IssuedAt.AddMinutes(-2), IssuedAt.AddHours(24), [0x01, .. serial]);
            leaves[i] = DerCertificate.Parse(leaf.RawData);
        }

        _leaves = leaves;
        _intermediate = DerCertificate.Parse(intermediate.RawData);
        _intermediates = [_intermediate];
        _intermediateKey = ECDsa.Create();
        _intermediateKey.ImportSubjectPublicKeyInfo(_intermediate.SubjectPublicKeyInfo.Span, out _);
        _validator = new CertificatePathValidator(
            [DerCertificate.Parse(root.RawData)],
            new ChainValidationPolicy { RequiredExtendedKeyUsages = [ExtendedKeyUsages.ClientAuthentication] });

        if (BareEcdsaVerify() != LeafCount || ValidateWorkloadLeaves() != LeafCount)
        {
            throw new InvalidOperationException("Not every leaf verifies: the benchmark would measure failures.");
        }
    }

    /// <summary>Releases the keys.</summary>
    [GlobalCleanup]
    public void ReleaseKeys()
    {
        _intermediateKey?.Dispose();
        _validator?.Dispose();
    }

    /// <summary>The floor: one ECDSA P-256 verification per leaf with the intermediate's key imported once.</summary>
    /// <returns>How many signatures verified.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = LeafCount)]
    public int BareEcdsaVerify()
    {
        int verified = 0;
        foreach (DerCertificate leaf in _leaves)
        {
            if (_intermediateKey.VerifyData(leaf.TbsCertificate.Span, leaf.Signature.Span, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
            {
                verified++;
            }
        }

        return verified;
    }

    /// <summary>Full path validation of each leaf (building, signature, every RFC 5280 and policy check) with the key cached.</summary>
    /// <returns>How many leaves are valid.</returns>
    [Benchmark(OperationsPerInvoke = LeafCount)]
    public int ValidateWorkloadLeaves()
    {
        int valid = 0;
        foreach (DerCertificate leaf in _leaves)
        {
            if (_validator.Validate(leaf, _intermediates, ValidationTime).IsValid)
            {
                valid++;
            }
        }

        return valid;
    }

    private static void AddCaExtensions(CertificateRequest request, int? pathLength)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, pathLength.HasValue, pathLength ?? 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
    }
}
