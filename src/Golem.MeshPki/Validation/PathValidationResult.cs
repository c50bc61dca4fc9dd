using Golem.MeshPki.Certificates;

namespace Golem.MeshPki.Validation;

/// <summary>
/// The outcome of validating an end-entity certificate: the path that was built (end entity first, trust anchor
/// last) and, when it is not valid, every reason found on the best path tried.
/// </summary>
public sealed class PathValidationResult
{
    internal PathValidationResult(IReadOnlyList<DerCertificate> path, IReadOnlyList<PathValidationFailure> failures)
    {
        Path = path;
        Failures = failures;
    }

    /// <summary>Whether a valid path to a trust anchor was found.</summary>
    public bool IsValid => Failures.Count == 0;

    /// <summary>
    /// The valid path, or the path closest to valid, end entity first and trust anchor last; only the end entity
    /// when no path reached a trust anchor.
    /// </summary>
    public IReadOnlyList<DerCertificate> Path { get; }

    /// <summary>The trust anchor the path ends at, or null when none was reached.</summary>
    public DerCertificate? TrustAnchor { get; internal init; }

    /// <summary>Why the path is not valid; empty when it is.</summary>
    public IReadOnlyList<PathValidationFailure> Failures { get; }

    /// <summary>Returns <c>valid</c> or the first failure.</summary>
    /// <returns>A one-line summary.</returns>
    public override string ToString() => IsValid ? "valid (" + Path.Count + " certificates)" : Failures[0].ToString();
}
