using Golem.MeshPki.Rules;
using Golem.MeshPki.Validation;

namespace Golem.MeshPki.Tests.Validation;

/// <summary>Validity (RFC 5280 4.1.2.5, 6.1.3 (a)(2)): both ends inclusive, whole seconds, every certificate of the path.</summary>
public partial class CertificatePathValidatorTests
{
    private static readonly DateTimeOffset LeafNotBefore = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LeafNotAfter = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Offsets from the leaf's notBefore or notAfter, in milliseconds, and whether the leaf is valid then.</summary>
    public static TheoryData<string, int, bool> ValidityEdges => new()
    {
        { "notBefore", -1000, false },
        { "notBefore", -1, false },
        { "notBefore", 0, true },
        { "notBefore", 1, true },
        { "notAfter", -1, true },
        { "notAfter", 0, true },
        { "notAfter", 500, true }, // still the same whole second
        { "notAfter", 999, true },
        { "notAfter", 1000, false },
        { "notAfter", 1001, false },
    };

    [Theory]
    [MemberData(nameof(ValidityEdges))]
    public void Leaf_validity_is_inclusive_at_second_granularity(string edge, int offsetMilliseconds, bool valid)
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate leaf = TestPki.Leaf("workload", root, new CertificateOptions { NotBefore = LeafNotBefore, NotAfter = LeafNotAfter });
        DateTimeOffset at = (edge == "notBefore" ? LeafNotBefore : LeafNotAfter).AddMilliseconds(offsetMilliseconds);

        PathValidationResult result = Validate([root], leaf, [], at: at);

        if (valid)
        {
            AssertValid(result);
        }
        else
        {
            PathValidationFailure failure = AssertFails(result, RuleIdentifiers.CertificateOutsideValidity, leaf);
            Assert.Contains(edge == "notBefore" ? "is not valid before 2026-03-01T08:00:00Z" : "expired at 2026-03-02T08:00:00Z", failure.Message, StringComparison.Ordinal);
            Assert.Single(result.Failures);
        }
    }

    [Fact]
    public void Validation_time_in_another_offset_is_the_same_instant()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate leaf = TestPki.Leaf("workload", root, new CertificateOptions { NotBefore = LeafNotBefore, NotAfter = LeafNotAfter });
        TimeSpan zurich = TimeSpan.FromHours(1);

        AssertValid(Validate([root], leaf, [], at: LeafNotAfter.ToOffset(zurich)));
        AssertFails(Validate([root], leaf, [], at: LeafNotAfter.AddSeconds(1).ToOffset(zurich)), RuleIdentifiers.CertificateOutsideValidity, leaf);
    }

    [Theory]
    [InlineData("intermediate", true)]
    [InlineData("intermediate", false)]
    [InlineData("trust anchor", true)]
    [InlineData("trust anchor", false)]
    public void Every_certificate_of_the_path_must_be_valid(string position, bool expired)
    {
        CertificateOptions window = expired
            ? new CertificateOptions { NotAfter = TestPki.ValidationTime.AddSeconds(-1) }
            : new CertificateOptions { NotBefore = TestPki.ValidationTime.AddSeconds(1) };
        (ChainCertificate root, ChainCertificate intermediate, ChainCertificate leaf) = ChainWith(position, window);

        PathValidationResult result = Validate(root, leaf, intermediate);

        PathValidationFailure failure = AssertFails(result, RuleIdentifiers.CertificateOutsideValidity, At(position, root, intermediate, leaf));
        Assert.Contains(expired ? "expired at" : "is not valid before", failure.Message, StringComparison.Ordinal);
        Assert.Contains("the evaluation time is 2030-01-01T00:00:00Z", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Path_that_is_valid_today_is_not_valid_after_the_root_expires()
    {
        ChainCertificate root = TestPki.Root("Root CA", new CertificateOptions { NotAfter = new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero) });
        ChainCertificate leaf = TestPki.Leaf("workload", root);

        AssertValid(Validate([root], leaf, [], at: new DateTimeOffset(2030, 12, 31, 23, 59, 59, TimeSpan.Zero)));
        AssertFails(Validate([root], leaf, [], at: new DateTimeOffset(2031, 1, 1, 0, 0, 1, TimeSpan.Zero)), RuleIdentifiers.CertificateOutsideValidity, root);
    }
}
