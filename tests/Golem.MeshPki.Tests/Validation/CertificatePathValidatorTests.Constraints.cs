using Golem.MeshPki.Rules;
using Golem.MeshPki.Validation;

namespace Golem.MeshPki.Tests.Validation;

/// <summary>pathLenConstraint (RFC 5280 4.2.1.9, 6.1.4 (l) and (m)): on intermediates and the anchor, self-issued certificates not counted.</summary>
public partial class CertificatePathValidatorTests
{
    [Fact]
    public void PathLength_0_on_the_issuing_intermediate_allows_the_leaf_below_it()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root, new CertificateOptions { PathLength = 0 });
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate);

        AssertValid(Validate(root, leaf, intermediate));
    }

    [Fact]
    public void PathLength_0_on_an_intermediate_with_one_intermediate_below_fails_on_it()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate policyCa = TestPki.Intermediate("Policy CA", root, new CertificateOptions { PathLength = 0 });
        ChainCertificate issuingCa = TestPki.Intermediate("Issuing CA", policyCa);
        ChainCertificate leaf = TestPki.Leaf("workload", issuingCa);

        PathValidationResult result = Validate(root, leaf, issuingCa, policyCa);

        PathValidationFailure failure = AssertFails(result, RuleIdentifiers.PathLengthConstraintViolated, policyCa);
        Assert.Equal(2, failure.PathIndex);
        Assert.Contains("pathLenConstraint 0 but 1 intermediate(s)", failure.Message, StringComparison.Ordinal);
        Assert.Single(result.Failures);
    }

    [Theory]
    [InlineData(0, 1, false)]
    [InlineData(1, 1, true)]
    [InlineData(1, 2, false)]
    [InlineData(2, 2, true)]
    [InlineData(0, 0, true)]
    public void PathLength_on_the_trust_anchor_is_enforced(int pathLength, int intermediates, bool valid)
    {
        ChainCertificate root = TestPki.Root("Root CA", new CertificateOptions { PathLength = pathLength });
        List<ChainCertificate> chain = [];
        ChainCertificate issuer = root;
        for (int i = 0; i < intermediates; i++)
        {
            issuer = TestPki.Intermediate($"CA {i}", issuer);
            chain.Add(issuer);
        }

        ChainCertificate leaf = TestPki.Leaf("workload", issuer);

        PathValidationResult result = Validate([root], leaf, chain);

        if (valid)
        {
            AssertValid(result);
        }
        else
        {
            AssertFails(result, RuleIdentifiers.PathLengthConstraintViolated, root);
            Assert.Single(result.Failures);
        }
    }

    [Fact]
    public void Self_issued_intermediates_do_not_count_for_pathLength()
    {
        // Root (pathLen 1) -> old key (pathLen 0) -> new key (self-issued) -> leaf.
        ChainCertificate root = TestPki.Root("Root CA", new CertificateOptions { PathLength = 1 });
        ChainCertificate oldKey = TestPki.Intermediate("Issuing CA", root, new CertificateOptions { PathLength = 0 });
        ChainCertificate newKey = TestPki.Intermediate("Issuing CA", oldKey);
        ChainCertificate leaf = TestPki.Leaf("workload", newKey);

        PathValidationResult result = Validate(root, leaf, newKey, oldKey);

        AssertValid(result);
        AssertPath(result, leaf, newKey, oldKey, root);
    }

    [Fact]
    public void Intermediate_that_is_not_self_issued_counts_for_pathLength_where_a_self_issued_one_would_not()
    {
        // The same shape as the key rollover, but the middle CA has a name of its own.
        ChainCertificate root = TestPki.Root("Root CA", new CertificateOptions { PathLength = 1 });
        ChainCertificate upper = TestPki.Intermediate("Issuing CA", root, new CertificateOptions { PathLength = 0 });
        ChainCertificate lower = TestPki.Intermediate("Issuing CA 2", upper);
        ChainCertificate leaf = TestPki.Leaf("workload", lower);

        PathValidationResult result = Validate(root, leaf, lower, upper);

        // Two intermediates below the root (pathLen 1) and one below the upper CA (pathLen 0): both are broken.
        AssertFails(result, RuleIdentifiers.PathLengthConstraintViolated, upper);
        AssertFails(result, RuleIdentifiers.PathLengthConstraintViolated, root);
        Assert.Equal(2, result.Failures.Count);
    }
}
