using Golem.MeshPki.Certificates;
using Golem.MeshPki.Validation.Names;

namespace Golem.MeshPki.Validation;

/// <summary>
/// What a path must satisfy beyond RFC 5280 section 6, with safe defaults: RSA of 2048 bits or more,
/// the NIST curves P-256, P-384 and P-521, no SHA-1 or MD5 signatures, at most 8 intermediates.
/// </summary>
/// <remarks>
/// The defaults follow the web PKI profile (CA/Browser Forum Baseline Requirements) where it is stricter
/// than RFC 5280, because Envoy (BoringSSL) and Go, which a mesh runs on, enforce much of it.
/// </remarks>
public sealed class ChainValidationPolicy
{
    /// <summary>The NIST curves by OID: P-256, P-384, P-521 (RFC 5480 2.1.1.1).</summary>
    public static readonly IReadOnlyList<string> NistCurves = ["1.2.840.10045.3.1.7", "1.3.132.0.34", "1.3.132.0.35"];

    /// <summary>The policy with every default.</summary>
    public static ChainValidationPolicy Default { get; } = new();

    /// <summary>
    /// The most intermediates a path may have, not counting self-issued ones (a CA's key rollover
    /// certificates, RFC 5280 6.1.4 (l)). Default 8; 0 means the end entity is signed by a trust anchor.
    /// </summary>
    public int MaximumIntermediates { get; init; } = 8;

    /// <summary>The smallest RSA modulus accepted, in bits. Default 2048 (NIST SP 800-131A, CA/B Forum BR 6.1.5).</summary>
    public int MinimumRsaKeySize { get; init; } = 2048;

    /// <summary>The named curves accepted for EC keys, as dotted OIDs. Default <see cref="NistCurves"/>.</summary>
    public IReadOnlyList<string> AllowedCurves { get; init; } = NistCurves;

    /// <summary>Whether Ed25519 and Ed448 keys are accepted. Default true (the mesh may use them; the web PKI does not).</summary>
    public bool AllowEdDsa { get; init; } = true;

    /// <summary>Whether SHA-1 signatures are accepted on certificates below the trust anchor. Default false; MD5 never is.</summary>
    public bool AllowSha1Signatures { get; init; }

    /// <summary>
    /// Extended key usages the end-entity certificate must have (dotted OIDs, see <see cref="ExtendedKeyUsages"/>).
    /// When any is required, the certificate must carry extendedKeyUsage listing each one (anyExtendedKeyUsage does not
    /// stand in for them), and an intermediate that carries extendedKeyUsage must list them too. Default none.
    /// </summary>
    public IReadOnlyList<string> RequiredExtendedKeyUsages { get; init; } = [];

    /// <summary>Key usages the end-entity certificate must allow when it has a keyUsage extension. Default none.</summary>
    public KeyUsageFlags RequiredKeyUsages { get; init; }

    /// <summary>
    /// Whether a CA certificate (basicConstraints cA TRUE) may be the end entity. Default false: the web PKI
    /// profile forbids it (CA/B Forum BR 7.1.2.7.8) and a mesh never presents its CA as a workload.
    /// </summary>
    public bool AllowCertificateAuthorityAsEndEntity { get; init; }

    /// <summary>
    /// The most issuer candidates the path builder may try for one validation. Past it, validation fails
    /// rather than searching on: a bound against pathological pools (cycles, many certificates with one subject).
    /// </summary>
    public int MaximumCandidateChecks { get; init; } = 256;

    /// <summary>
    /// The public suffix list, so that a wildcard over a public suffix (<c>*.com</c>, <c>*.co.uk</c>) is refused when
    /// matching peer names; null to skip that check. See <see cref="PublicSuffixList.DefaultPath"/>.
    /// </summary>
    public PublicSuffixList? PublicSuffixes { get; init; }

    /// <summary>
    /// CRLs to check the path against (istiod reads <c>ca-crl.pem</c>). A CRL applies to the certificates whose issuer
    /// signed it; a CRL that applies but is not valid (signature, cRLSign, CRL number, time, unknown critical
    /// extensions) fails the path, as does a revoked certificate. Default none.
    /// </summary>
    public IReadOnlyList<DerCertificateRevocationList> CertificateRevocationLists { get; init; } = [];
}
