using Golem.MeshPki.Packaging;
using Golem.MeshPki.Rules;
using Golem.MeshPki.Validation;

namespace Golem.MeshPki.Cli.Verification;

/// <summary>
/// What <c>meshpki verify</c> reports: the bundle's layout, the chain istiod would use (CA certificate first),
/// the roots it distributes, and every finding, judged at one instant.
/// </summary>
/// <param name="BundleName">The bundle's name in sources (directory or <c>manifest:secret</c>); <see langword="null"/> when nothing could be read.</param>
/// <param name="Layout">The layout istiod would read; <see langword="null"/> when nothing could be read.</param>
/// <param name="Chain">The chain from the CA certificate up to its root, as far as it could be built.</param>
/// <param name="Roots">The root bundle.</param>
/// <param name="Findings">Every finding, in the order found.</param>
/// <param name="ValidationTime">The instant the bundle was judged at.</param>
internal sealed record VerifyReport(
    string? BundleName,
    CaCertsLayout? Layout,
    IReadOnlyList<BundleCertificate> Chain,
    IReadOnlyList<BundleCertificate> Roots,
    IReadOnlyList<Finding> Findings,
    DateTimeOffset ValidationTime)
{
    /// <summary>True when no finding is an error (warnings and information allowed).</summary>
    public bool IsValid => !Findings.Any(finding => finding.Severity == RuleSeverity.Error);

    /// <summary>The report of a validated bundle.</summary>
    /// <param name="result">The validator's result.</param>
    /// <param name="validationTime">The instant it was judged at.</param>
    /// <returns>The report.</returns>
    public static VerifyReport From(CaCertsValidationResult result, DateTimeOffset validationTime) =>
        new(result.Bundle.SourceName, result.Bundle.Layout, WithoutRepeats(result.Chain), result.Bundle.Roots, result.Findings, validationTime);

    /// <summary>
    /// The chain without a certificate repeated next to itself: for a self-signed CA certificate (Istio's self-signed
    /// mode) the validator returns the CA certificate twice, once as the path and once as its trust anchor.
    /// </summary>
    private static List<BundleCertificate> WithoutRepeats(IReadOnlyList<BundleCertificate> chain)
    {
        var result = new List<BundleCertificate>(chain.Count);
        foreach (BundleCertificate certificate in chain)
        {
            if (result.Count == 0 || !result[^1].Certificate.RawData.Span.SequenceEqual(certificate.Certificate.RawData.Span))
            {
                result.Add(certificate);
            }
        }

        return result;
    }

    /// <summary>The report when the input could not be read as a bundle at all (MPKI1013).</summary>
    /// <param name="unreadable">The finding that says why.</param>
    /// <param name="validationTime">The instant it would have been judged at.</param>
    /// <returns>The report.</returns>
    public static VerifyReport Unreadable(Finding unreadable, DateTimeOffset validationTime) =>
        new(null, null, [], [], [unreadable], validationTime);
}
