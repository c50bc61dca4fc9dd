using Golem.MeshPki.Rules;
using Golem.MeshPki.Tests.TestCertificates;
using Golem.MeshPki.Validation;

namespace Golem.MeshPki.Tests.Validation;

/// <summary>The shape of <see cref="PathValidationResult"/> and <see cref="PathValidationFailure"/>: order, anchor, summaries, every failure.</summary>
public partial class CertificatePathValidatorTests
{
    [Fact]
    public void Valid_result_has_the_path_leaf_first_and_anchor_last()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root);
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate);

        PathValidationResult result = Validate(root, leaf, intermediate);

        Assert.True(result.IsValid);
        Assert.Empty(result.Failures);
        Assert.Same(leaf.Certificate, result.Path[0]);
        Assert.Same(intermediate.Certificate, result.Path[1]);
        Assert.Same(root.Certificate, result.Path[2]);
        Assert.Same(root.Certificate, result.TrustAnchor);
        Assert.Equal("valid (3 certificates)", result.ToString());
    }

    [Fact]
    public void Invalid_result_summarises_with_its_first_failure()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate leaf = TestPki.Leaf("workload", root, new CertificateOptions { NotAfter = new DateTimeOffset(2029, 1, 1, 0, 0, 0, TimeSpan.Zero) });

        PathValidationResult result = Validate(root, leaf);

        Assert.False(result.IsValid);
        PathValidationFailure failure = Assert.Single(result.Failures);
        Assert.Equal(failure.ToString(), result.ToString());
        Assert.Equal("MPKI1007: End-entity certificate 'CN=workload,O=Golem Test' expired at 2029-01-01T00:00:00Z; the evaluation time is 2030-01-01T00:00:00Z.", result.ToString());
    }

    [Fact]
    public void Invalid_result_keeps_the_path_closest_to_valid_and_its_anchor()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root, new CertificateOptions { NotAfter = new DateTimeOffset(2029, 1, 1, 0, 0, 0, TimeSpan.Zero) });
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate);

        PathValidationResult result = Validate(root, leaf, intermediate);

        Assert.False(result.IsValid);
        AssertPath(result, leaf, intermediate, root);
        Assert.Same(root.Certificate, result.TrustAnchor);
    }

    [Fact]
    public void Every_failure_is_reported_not_only_the_first()
    {
        // Expired and RSA-1024, both on the leaf.
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate leaf = TestPki.Leaf("workload", root, new CertificateOptions
        {
            Key = SignatureAlgorithmCases.Key("RSA 1024"),
            NotAfter = new DateTimeOffset(2029, 1, 1, 0, 0, 0, TimeSpan.Zero),
        });

        PathValidationResult result = Validate(root, leaf);

        AssertFails(result, RuleIdentifiers.CertificateOutsideValidity, leaf);
        AssertFails(result, RuleIdentifiers.WeakCryptography, leaf);
        Assert.Equal(2, result.Failures.Count);
    }

    [Fact]
    public void Failures_on_several_certificates_are_each_tied_to_their_certificate()
    {
        ChainCertificate root = TestPki.Root("Root CA", new CertificateOptions { Extensions = [TestExtensions.Raw(UnknownExtensionOid, Der.Utf8("golem"), critical: true)] });
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root, new CertificateOptions { Omit = [TestExtensions.SubjectKeyIdentifierOid] });
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate, new CertificateOptions { NotBefore = new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero) });

        PathValidationResult result = Validate(root, leaf, intermediate);

        Assert.Equal(0, AssertFails(result, RuleIdentifiers.CertificateOutsideValidity, leaf).PathIndex);
        Assert.Equal(1, AssertFails(result, RuleIdentifiers.CertificateProfileViolation, intermediate).PathIndex);
        Assert.Equal(2, AssertFails(result, RuleIdentifiers.UnprocessedCriticalExtension, root).PathIndex);
        Assert.All(result.Failures, f => Assert.Same(result.Path[f.PathIndex], f.Certificate));
        Assert.Equal(3, result.Failures.Count);
    }

    [Fact]
    public void Failure_carries_the_catalogue_rule()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate leaf = TestPki.Leaf("workload", root, new CertificateOptions { SignedBy = SigningKey.NewP256() });

        PathValidationFailure failure = AssertFails(Validate(root, leaf), RuleIdentifiers.ChainLinkBroken, leaf);

        Assert.Same(RuleCatalog.ChainLinkBroken, failure.Rule);
        Assert.Same(leaf.Certificate, failure.Certificate);
        Assert.StartsWith("MPKI1005: 'CN=workload,O=Golem Test' names 'CN=Root CA,O=Golem Test' as its issuer", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_can_be_reused_for_several_leaves()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root);
        ChainCertificate good = TestPki.Leaf("good", intermediate);
        ChainCertificate forged = TestPki.Leaf("forged", intermediate, new CertificateOptions { SignedBy = SigningKey.NewP256() });
        using var validator = new CertificatePathValidator([root.Certificate]);

        AssertValid(validator.Validate(good.Certificate, [intermediate.Certificate], TestPki.ValidationTime));
        AssertFails(validator.Validate(forged.Certificate, [intermediate.Certificate], TestPki.ValidationTime), RuleIdentifiers.ChainLinkBroken, forged);
        AssertValid(validator.Validate(good.Certificate, [intermediate.Certificate], TestPki.ValidationTime));

        // good <- intermediate twice, forged <- intermediate, and once each (CA verdicts are remembered)
        // intermediate <- root and the root's self-signature (it omits authorityKeyIdentifier, as only self-signed may).
        Assert.Equal(5, validator.Verifier.VerificationCount);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        using var validator = new CertificatePathValidator([root.Certificate]);

        Assert.Throws<ArgumentNullException>(() => new CertificatePathValidator(null!));
        Assert.Throws<ArgumentNullException>(() => new CertificatePathValidator([null!]));
        Assert.Throws<ArgumentNullException>(() => validator.Validate(null!, null, TestPki.ValidationTime));
        AssertValid(validator.Validate(TestPki.Leaf("workload", root).Certificate, null, TestPki.ValidationTime));
    }
}
