using Golem.MeshPki.Lifetimes;

namespace Golem.MeshPki.Linting;

/// <summary>
/// Facts <see cref="LifetimeLint"/> cannot read from manifests: the root's NotAfter and the Vault mount's max TTL
/// (MPKI2009 is checked only against the limits given here), and the Istio release when istiod's Deployment is not
/// among the manifests.
/// </summary>
public sealed class LifetimeLintOptions
{
    /// <summary>Gets the NotAfter of the root the intermediate chains to, when known (MPKI2009); requires <see cref="EvaluationTime"/>.</summary>
    public DateTimeOffset? RootNotAfter { get; init; }

    /// <summary>Gets the Vault PKI mount's (or role's) max TTL, when known (MPKI2009): Vault silently caps a longer TTL.</summary>
    public TimeSpan? VaultMaxTtl { get; init; }

    /// <summary>Gets the time an intermediate issued now would start at, for the comparison with <see cref="RootNotAfter"/>.</summary>
    public DateTimeOffset? EvaluationTime { get; init; }

    /// <summary>Gets the Istio release to assume; when <see langword="null"/>, the tag of istiod's image among the manifests, if any.</summary>
    public IstioVersion? IstioVersion { get; init; }
}
