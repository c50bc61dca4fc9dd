namespace Golem.MeshPki.Validation;

/// <summary>What a <c>cacerts</c> bundle is checked against: the time, the bank's pinned roots, the trust domain and the policy.</summary>
public sealed class CaCertsValidationOptions
{
    /// <summary>The instant the bundle must be valid at (explicit; the CLI passes the clock's now or <c>--at</c>).</summary>
    public required DateTimeOffset ValidationTime { get; init; }

    /// <summary>
    /// SHA-256 fingerprints (hex, any case, colons allowed) of the roots the chain may end at: the bank's audited
    /// roots (MPKI1010). Empty: any root of the root bundle.
    /// </summary>
    public IReadOnlyList<string> PinnedRootFingerprints { get; init; } = [];

    /// <summary>The mesh's SPIFFE trust domain, whose workload IDs the CA must be allowed to sign (MPKI1017). Default <c>cluster.local</c>.</summary>
    public string TrustDomain { get; init; } = "cluster.local";

    /// <summary>How long before expiry a certificate is reported (MPKI1015, warning). Default 30 days.</summary>
    public TimeSpan ExpiryWarningHorizon { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Key and algorithm policy for every certificate of the bundle (MPKI1012). Default <see cref="ChainValidationPolicy.Default"/>.</summary>
    public ChainValidationPolicy Policy { get; init; } = ChainValidationPolicy.Default;
}
