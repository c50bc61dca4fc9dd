using Golem.MeshPki.Certificates;
using Golem.MeshPki.Rules;
using Golem.MeshPki.Validation;

namespace Golem.MeshPki.Tests.Validation;

/// <summary>
/// Tests of <see cref="CertificatePathValidator"/> and the checks it runs (<c>PathChecks</c>), split by topic:
/// <c>.PathBuilding</c> (finding the path: order, anchors, cross-signing, cycles, budget), <c>.Signatures</c>
/// (links that do not verify, every algorithm through a whole path), <c>.Policy</c> (<see cref="ChainValidationPolicy"/>),
/// <c>.Profile</c> (RFC 5280 and web PKI profile), <c>.Constraints</c> (pathLenConstraint), <c>.Time</c> (validity),
/// <c>.Result</c> (the shape of <see cref="PathValidationResult"/>) and <c>.OpenSsl</c> (verdicts against <c>openssl verify</c>).
/// </summary>
/// <remarks>
/// Every certificate is written by <see cref="TestPki"/> with real keys, signed by its issuer's key, in a fixed
/// 2025..2035 window; every validation names its instant. A failing case asserts the rule id, the certificate
/// the failure is tied to, and that the message quotes that certificate's subject.
/// </remarks>
public partial class CertificatePathValidatorTests
{
    private static PathValidationResult Validate(ChainCertificate root, ChainCertificate leaf, params ChainCertificate[] intermediates) =>
        Validate([root], leaf, intermediates);

    private static PathValidationResult Validate(IEnumerable<ChainCertificate> anchors, ChainCertificate leaf, IEnumerable<ChainCertificate> intermediates, ChainValidationPolicy? policy = null, DateTimeOffset? at = null)
    {
        using var validator = new CertificatePathValidator(anchors.Select(static a => a.Certificate), policy);
        return validator.Validate(leaf.Certificate, intermediates.Select(static i => i.Certificate), at ?? TestPki.ValidationTime);
    }

    private static PathValidationResult Validate(ChainValidationPolicy policy, ChainCertificate root, ChainCertificate leaf, params ChainCertificate[] intermediates) =>
        Validate([root], leaf, intermediates, policy);

    private static void AssertValid(PathValidationResult result) =>
        Assert.True(result.IsValid, "Expected a valid path, got: " + Describe(result));

    /// <summary>Asserts that <paramref name="result"/> has a failure of <paramref name="ruleId"/> tied to <paramref name="certificate"/>, whose message names it.</summary>
    private static PathValidationFailure AssertFails(PathValidationResult result, string ruleId, ChainCertificate certificate)
    {
        Assert.False(result.IsValid, $"Expected {ruleId} for '{certificate.Subject}', but the path is valid.");
        PathValidationFailure? failure = result.Failures.FirstOrDefault(f => f.Rule.Id == ruleId && f.Certificate is { } c && c.RawData.Span.SequenceEqual(certificate.Der));
        Assert.True(failure is not null, $"Expected {ruleId} for '{certificate.Subject}', got: {Describe(result)}");
        Assert.Contains($"'{certificate.Subject}'", failure.Message, StringComparison.Ordinal);
        Assert.Same(RuleCatalog.Find(ruleId), failure.Rule);
        Assert.EndsWith(".", failure.Message, StringComparison.Ordinal);
        return failure;
    }

    /// <summary>Asserts that no failure has rule <paramref name="ruleId"/>.</summary>
    private static void AssertNoFailure(PathValidationResult result, string ruleId) =>
        Assert.True(result.Failures.All(f => f.Rule.Id != ruleId), $"Expected no {ruleId}, got: {Describe(result)}");

    /// <summary>Asserts that the path is exactly <paramref name="expected"/>, end entity first.</summary>
    private static void AssertPath(PathValidationResult result, params ChainCertificate[] expected) =>
        Assert.Equal(expected.Select(static c => c.ToString()), result.Path.Select(static c => c.ToString()));

    private static bool SameCertificate(DerCertificate? actual, ChainCertificate expected) =>
        actual is not null && actual.RawData.Span.SequenceEqual(expected.Der);

    private static string Describe(PathValidationResult result) =>
        result.IsValid ? result.ToString() : string.Join(" | ", result.Failures.Select(static f => f.ToString()));
}
