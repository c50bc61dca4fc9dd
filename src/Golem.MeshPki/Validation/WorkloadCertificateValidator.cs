using Golem.MeshPki.Certificates;
using Golem.MeshPki.Rules;
using Golem.MeshPki.Validation.Names;

namespace Golem.MeshPki.Validation;

/// <summary>
/// Checks a workload certificate the way a peer Envoy does in Istio mutual TLS: the path from the workload through
/// the CA certificate (and the rest of cert-chain.pem) to a root of the root bundle, validity, extended key usage
/// for both directions of mTLS, and the one SPIFFE identity <c>spiffe://&lt;trust domain&gt;/ns/&lt;namespace&gt;/sa/&lt;service account&gt;</c>.
/// </summary>
/// <remarks>Not thread-safe (issuer keys are cached per instance); the rotation planner creates one per simulation thread.</remarks>
public sealed class WorkloadCertificateValidator : IDisposable
{
    private readonly CertificatePathValidator _validator;
    private readonly IReadOnlyList<DerCertificate> _chain;

    /// <summary>Creates a validator for workloads of <paramref name="trustDomain"/> issued under <paramref name="chain"/>.</summary>
    /// <param name="roots">The root bundle the peers trust (root-cert.pem).</param>
    /// <param name="chain">The CA certificate and the intermediates above it (cert-chain.pem), sent by the workload with its certificate.</param>
    /// <param name="trustDomain">The mesh's trust domain, e.g. <c>cluster.local</c>.</param>
    /// <param name="policy">Key and algorithm policy; extended key usages are set here (serverAuth and clientAuth).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="trustDomain"/> is empty.</exception>
    public WorkloadCertificateValidator(IEnumerable<DerCertificate> roots, IEnumerable<DerCertificate> chain, string trustDomain, ChainValidationPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentException.ThrowIfNullOrEmpty(trustDomain);
        TrustDomain = trustDomain;
        _chain = chain.ToList();
        ChainValidationPolicy basis = policy ?? ChainValidationPolicy.Default;

        // Istio workload certificates serve both ends of mutual TLS (security/pkg/pki/util/generate_cert.go sets both).
        _validator = new CertificatePathValidator(roots, new ChainValidationPolicy
        {
            MaximumIntermediates = basis.MaximumIntermediates,
            MinimumRsaKeySize = basis.MinimumRsaKeySize,
            AllowedCurves = basis.AllowedCurves,
            AllowEdDsa = basis.AllowEdDsa,
            AllowSha1Signatures = basis.AllowSha1Signatures,
            MaximumCandidateChecks = basis.MaximumCandidateChecks,
            CertificateRevocationLists = basis.CertificateRevocationLists,
            RequiredExtendedKeyUsages = [ExtendedKeyUsages.ServerAuthentication, ExtendedKeyUsages.ClientAuthentication],
        });
    }

    /// <summary>The trust domain workload identities must belong to.</summary>
    public string TrustDomain { get; }

    /// <summary>Validates <paramref name="workload"/> at <paramref name="validationTime"/>.</summary>
    /// <param name="workload">The workload certificate.</param>
    /// <param name="validationTime">The instant of the handshake.</param>
    /// <returns>The path and every failure (path failures and identity failures).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="workload"/> is null.</exception>
    public PathValidationResult Validate(DerCertificate workload, DateTimeOffset validationTime)
    {
        ArgumentNullException.ThrowIfNull(workload);
        PathValidationResult path = _validator.Validate(workload, _chain, validationTime);
        string? identityProblem = CheckIdentity(workload);
        if (identityProblem is null)
        {
            return path;
        }

        var failures = new List<PathValidationFailure>(path.Failures)
        {
            new(RuleCatalog.PeerNameMismatch, $"Workload certificate '{workload.Subject}' {identityProblem}", workload, 0),
        };
        return new PathValidationResult(path.Path, failures) { TrustAnchor = path.TrustAnchor };
    }

    /// <summary>Releases the cached issuer keys.</summary>
    public void Dispose() => _validator.Dispose();

    private string? CheckIdentity(DerCertificate workload)
    {
        // Istio: exactly one URI SAN, the workload's SPIFFE ID (security/pkg/pki/util/san.go); Envoy authorises on it.
        var spiffeIds = new List<string>();
        foreach (GeneralName name in workload.GetSubjectAlternativeNames())
        {
            if (name.Kind == GeneralNameKind.Uri && name.IsSpiffeId)
            {
                spiffeIds.Add(name.GetText() ?? string.Empty);
            }
        }

        if (spiffeIds.Count != 1)
        {
            return spiffeIds.Count == 0
                ? "has no SPIFFE ID (URI subjectAltName spiffe://...): peers cannot authorise it."
                : $"has {spiffeIds.Count} SPIFFE IDs ({string.Join(", ", spiffeIds)}); a workload has exactly one identity.";
        }

        if (!SpiffeId.TryParse(spiffeIds[0], out SpiffeId id))
        {
            return $"has a malformed SPIFFE ID '{spiffeIds[0]}'.";
        }

        if (!string.Equals(id.TrustDomain, TrustDomain, StringComparison.Ordinal))
        {
            return $"belongs to trust domain '{id.TrustDomain}', not '{TrustDomain}': peers of this mesh reject it.";
        }

        return SpiffeId.IsIstioWorkloadId(id, out _, out _)
            ? null
            : $"has SPIFFE ID '{id}', not of Istio's form spiffe://{TrustDomain}/ns/<namespace>/sa/<service account>.";
    }
}
