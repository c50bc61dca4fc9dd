using Golem.MeshPki.Certificates;
using Golem.MeshPki.Rules;
using Golem.MeshPki.Tests.TestCertificates;
using Golem.MeshPki.Validation;

namespace Golem.MeshPki.Tests.Validation;

/// <summary>Path building: intermediates in any order, several anchors, cross-signing, cycles, the search budget.</summary>
public partial class CertificatePathValidatorTests
{
    [Fact]
    public void Root_intermediate_leaf_is_valid()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root);
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate);

        PathValidationResult result = Validate(root, leaf, intermediate);

        AssertValid(result);
        AssertPath(result, leaf, intermediate, root);
    }

    [Fact]
    public void Leaf_issued_directly_by_the_trust_anchor_is_valid_without_intermediates()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate leaf = TestPki.Leaf("workload", root);

        PathValidationResult result = Validate([root], leaf, []);

        AssertValid(result);
        AssertPath(result, leaf, root);
    }

    [Theory]
    [InlineData(new[] { 0, 1, 2 })]
    [InlineData(new[] { 2, 1, 0 })]
    [InlineData(new[] { 1, 0, 2 })]
    [InlineData(new[] { 2, 0, 1 })]
    public void Intermediates_are_found_in_any_order_among_unrelated_ones(int[] order)
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate policyCa = TestPki.Intermediate("Policy CA", root);
        ChainCertificate issuingCa = TestPki.Intermediate("Issuing CA", policyCa);
        ChainCertificate leaf = TestPki.Leaf("workload", issuingCa);
        ChainCertificate otherRoot = TestPki.Root("Other Root CA");
        ChainCertificate unrelated = TestPki.Intermediate("Unrelated CA", otherRoot);
        ChainCertificate[] chain = [policyCa, issuingCa, unrelated];

        PathValidationResult result = Validate([root], leaf, [otherRoot, .. order.Select(i => chain[i]), TestPki.Leaf("other workload", unrelated)]);

        AssertValid(result);
        AssertPath(result, leaf, issuingCa, policyCa, root);
    }

    [Fact]
    public void Duplicated_intermediates_are_used_once()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root);
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate);
        var copy = new ChainCertificate(intermediate.Der, intermediate.Key);

        PathValidationResult result = Validate(root, leaf, intermediate, copy, intermediate);

        AssertValid(result);
        AssertPath(result, leaf, intermediate, root);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Either_of_two_trust_anchors_ends_the_path(int issuingRoot)
    {
        ChainCertificate[] roots = [TestPki.Root("Root CA 2025"), TestPki.Root("Root CA 2030")];
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", roots[issuingRoot]);
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate);

        PathValidationResult result = Validate(roots, leaf, [intermediate]);

        AssertValid(result);
        AssertPath(result, leaf, intermediate, roots[issuingRoot]);
        Assert.Same(result.Path[^1], result.TrustAnchor);
    }

    [Fact]
    public void Two_trust_anchors_with_the_same_name_the_one_whose_key_signed_is_used()
    {
        // A root rotation keeps the name and changes the key: both roots are in the bundle.
        ChainCertificate oldRoot = TestPki.Root("Root CA");
        ChainCertificate newRoot = TestPki.Root("Root CA");
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", newRoot, new CertificateOptions { Omit = [TestExtensions.AuthorityKeyIdentifierOid] });
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate);

        PathValidationResult result = Validate([oldRoot, newRoot], leaf, [intermediate]);

        // Without authorityKeyIdentifier the old root is tried too: its signature check fails and the search goes on.
        AssertPath(result, leaf, intermediate, newRoot);
        AssertFails(result, RuleIdentifiers.CertificateProfileViolation, intermediate);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Cross_signed_intermediate_the_one_issued_by_the_trusted_root_is_found_whatever_the_order(bool untrustedFirst)
    {
        SigningKey intermediateKey = SigningKey.NewP256();
        ChainCertificate trustedRoot = TestPki.Root("Trusted Root CA");
        ChainCertificate untrustedRoot = TestPki.Root("Untrusted Root CA");
        ChainCertificate bySomeoneElse = TestPki.Intermediate("Issuing CA", untrustedRoot, new CertificateOptions { Key = intermediateKey });
        ChainCertificate byTrustedRoot = TestPki.Intermediate("Issuing CA", trustedRoot, new CertificateOptions { Key = intermediateKey });
        ChainCertificate leaf = TestPki.Leaf("workload", byTrustedRoot);
        ChainCertificate[] pool = untrustedFirst ? [bySomeoneElse, untrustedRoot, byTrustedRoot] : [byTrustedRoot, untrustedRoot, bySomeoneElse];

        PathValidationResult result = Validate([trustedRoot], leaf, pool);

        AssertValid(result);
        AssertPath(result, leaf, byTrustedRoot, trustedRoot);
    }

    [Fact]
    public void Cross_signed_intermediate_issued_only_by_an_untrusted_root_does_not_reach_the_anchor()
    {
        SigningKey intermediateKey = SigningKey.NewP256();
        ChainCertificate trustedRoot = TestPki.Root("Trusted Root CA");
        ChainCertificate untrustedRoot = TestPki.Root("Untrusted Root CA");
        ChainCertificate bySomeoneElse = TestPki.Intermediate("Issuing CA", untrustedRoot, new CertificateOptions { Key = intermediateKey });
        ChainCertificate leaf = TestPki.Leaf("workload", bySomeoneElse);

        PathValidationResult result = Validate([trustedRoot], leaf, [bySomeoneElse, untrustedRoot]);

        AssertFails(result, RuleIdentifiers.ChainDoesNotReachTrustedRoot, leaf);
        Assert.Null(result.TrustAnchor);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Expired_cross_signed_branch_does_not_hide_a_valid_one(bool expiredFirst)
    {
        SigningKey intermediateKey = SigningKey.NewP256();
        ChainCertificate oldRoot = TestPki.Root("Old Root CA");
        ChainCertificate newRoot = TestPki.Root("New Root CA");
        ChainCertificate expired = TestPki.Intermediate("Issuing CA", oldRoot, new CertificateOptions { Key = intermediateKey, NotAfter = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero) });
        ChainCertificate current = TestPki.Intermediate("Issuing CA", newRoot, new CertificateOptions { Key = intermediateKey });
        ChainCertificate leaf = TestPki.Leaf("workload", current);

        PathValidationResult result = Validate([oldRoot, newRoot], leaf, expiredFirst ? [expired, current] : [current, expired]);

        AssertValid(result);
        AssertPath(result, leaf, current, newRoot);
    }

    [Fact]
    public void Expired_cross_signed_branch_alone_is_reported_as_expired()
    {
        SigningKey intermediateKey = SigningKey.NewP256();
        ChainCertificate oldRoot = TestPki.Root("Old Root CA");
        ChainCertificate expired = TestPki.Intermediate("Issuing CA", oldRoot, new CertificateOptions { Key = intermediateKey, NotAfter = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero) });
        ChainCertificate leaf = TestPki.Leaf("workload", expired);

        PathValidationResult result = Validate([oldRoot], leaf, [expired]);

        AssertFails(result, RuleIdentifiers.CertificateOutsideValidity, expired);
        AssertPath(result, leaf, expired, oldRoot);
    }

    [Fact]
    public void Cycle_of_two_CAs_that_sign_each_other_terminates_and_fails()
    {
        // A signs B and B signs A; neither is trusted, and the trusted root has nothing to do with them.
        SigningKey keyA = SigningKey.NewP256();
        SigningKey keyB = SigningKey.NewP256();
        ChainCertificate bootstrapA = TestPki.Root("CA A", new CertificateOptions { Key = keyA });
        ChainCertificate b = TestPki.Intermediate("CA B", bootstrapA, new CertificateOptions { Key = keyB });
        ChainCertificate aSignedByB = TestPki.Intermediate("CA A", b, new CertificateOptions { Key = keyA });
        ChainCertificate leaf = TestPki.Leaf("workload", aSignedByB);

        PathValidationResult result = Validate([TestPki.Root("Root CA")], leaf, [aSignedByB, b]);

        AssertFails(result, RuleIdentifiers.ChainDoesNotReachTrustedRoot, leaf);
        Assert.Equal([leaf.ToString()], result.Path.Select(static c => c.ToString()));
    }

    [Fact]
    public void Cycle_with_a_way_out_to_the_trust_anchor_is_valid()
    {
        SigningKey keyA = SigningKey.NewP256();
        SigningKey keyB = SigningKey.NewP256();
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate bootstrapA = TestPki.Root("CA A", new CertificateOptions { Key = keyA });
        ChainCertificate b = TestPki.Intermediate("CA B", bootstrapA, new CertificateOptions { Key = keyB });
        ChainCertificate aSignedByB = TestPki.Intermediate("CA A", b, new CertificateOptions { Key = keyA });
        ChainCertificate bSignedByRoot = TestPki.Intermediate("CA B", root, new CertificateOptions { Key = keyB });
        ChainCertificate leaf = TestPki.Leaf("workload", aSignedByB);

        PathValidationResult result = Validate([root], leaf, [aSignedByB, b, bootstrapA, bSignedByRoot]);

        AssertValid(result);
        AssertPath(result, leaf, aSignedByB, bSignedByRoot, root);
    }

    [Fact]
    public void Pool_of_60_certificates_with_one_subject_and_key_fails_on_the_search_budget()
    {
        // Every one of them verifies as the issuer of every other: a complete graph the search must not walk.
        SigningKey key = SigningKey.NewP256();
        ChainCertificate[] pool = [.. Enumerable.Range(0, 60).Select(_ => TestPki.Root("Pathological CA", new CertificateOptions { Key = key }))];
        ChainCertificate leaf = TestPki.Leaf("workload", pool[0]);
        var policy = new ChainValidationPolicy();
        using var validator = new CertificatePathValidator([TestPki.Root("Root CA").Certificate], policy);

        PathValidationResult result = validator.Validate(leaf.Certificate, pool.Select(static c => c.Certificate), TestPki.ValidationTime);

        AssertFails(result, RuleIdentifiers.ChainDoesNotReachTrustedRoot, leaf);
        Assert.Contains(result.Failures, f => f.Rule.Id == RuleIdentifiers.ChainDoesNotReachTrustedRoot && f.Message.Contains($"within {policy.MaximumCandidateChecks} issuer candidates", StringComparison.Ordinal));
        Assert.InRange(validator.Verifier.VerificationCount, 1, policy.MaximumCandidateChecks);
    }

    [Fact]
    public void Pool_of_60_certificates_with_one_subject_and_key_is_valid_when_one_of_them_is_trusted()
    {
        SigningKey key = SigningKey.NewP256();
        ChainCertificate[] pool = [.. Enumerable.Range(0, 60).Select(_ => TestPki.Root("Pathological CA", new CertificateOptions { Key = key }))];
        ChainCertificate leaf = TestPki.Leaf("workload", pool[0]);

        PathValidationResult result = Validate([pool[59]], leaf, pool);

        AssertValid(result);
        AssertPath(result, leaf, pool[59]);
    }

    [Fact]
    public void Smaller_candidate_budget_fails_a_path_that_needs_more_checks()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root);
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate);

        PathValidationResult withOne = Validate([root], leaf, [intermediate], new ChainValidationPolicy { MaximumCandidateChecks = 1 });
        PathValidationResult withTwo = Validate([root], leaf, [intermediate], new ChainValidationPolicy { MaximumCandidateChecks = 2 });

        Assert.Contains(withOne.Failures, f => f.Rule.Id == RuleIdentifiers.ChainDoesNotReachTrustedRoot && f.Message.Contains("within 1 issuer candidates", StringComparison.Ordinal));
        AssertValid(withTwo);
    }

    [Fact]
    public void Missing_intermediate_fails_naming_the_leaf_and_the_issuer_not_found()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root);
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate);

        PathValidationResult result = Validate(root, leaf);

        PathValidationFailure failure = AssertFails(result, RuleIdentifiers.ChainDoesNotReachTrustedRoot, leaf);
        Assert.Contains($"'{intermediate.Subject}'", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, failure.PathIndex);
        Assert.Null(result.TrustAnchor);
        AssertPath(result, leaf);
    }

    [Fact]
    public void Missing_upper_intermediate_names_the_deepest_issuer_not_found()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate policyCa = TestPki.Intermediate("Policy CA", root);
        ChainCertificate issuingCa = TestPki.Intermediate("Issuing CA", policyCa);
        ChainCertificate leaf = TestPki.Leaf("workload", issuingCa);

        PathValidationResult result = Validate(root, leaf, issuingCa);

        PathValidationFailure failure = AssertFails(result, RuleIdentifiers.ChainDoesNotReachTrustedRoot, leaf);
        Assert.Contains($"'{policyCa.Subject}'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Intermediate_that_is_also_a_trust_anchor_is_used_as_the_anchor()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root);
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate);

        // The root is not trusted, only the intermediate; the intermediate is in the pool too.
        PathValidationResult result = Validate([intermediate], leaf, [intermediate, root]);

        AssertValid(result);
        AssertPath(result, leaf, intermediate);
        Assert.True(SameCertificate(result.TrustAnchor, intermediate));
    }

    [Fact]
    public void Intermediate_anchor_is_checked_like_an_anchor_expired_fails()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root, new CertificateOptions { NotAfter = new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.Zero) });
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate);

        PathValidationResult result = Validate([intermediate], leaf, [intermediate, root]);

        AssertFails(result, RuleIdentifiers.CertificateOutsideValidity, intermediate);
    }

    [Fact]
    public void Candidate_whose_subject_key_identifier_differs_from_the_authority_key_identifier_is_not_tried()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root);
        ChainCertificate sameNameOtherKey = TestPki.Intermediate("Issuing CA", root);
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate);
        using var validator = new CertificatePathValidator([root.Certificate]);

        PathValidationResult result = validator.Validate(leaf.Certificate, [sameNameOtherKey.Certificate, intermediate.Certificate], TestPki.ValidationTime);

        AssertValid(result);
        AssertPath(result, leaf, intermediate, root);

        // leaf <- intermediate, intermediate <- root, and the root's own signature (it has no authorityKeyIdentifier,
        // which only a self-signed certificate may omit): the other key's signature was never checked.
        Assert.Equal(3, validator.Verifier.VerificationCount);
    }

    [Fact]
    public void Candidate_with_the_right_key_but_a_mismatched_subject_key_identifier_is_excluded()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        SigningKey key = SigningKey.NewP256();
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root, new CertificateOptions
        {
            Key = key,
            Extensions = [TestExtensions.SubjectKeyIdentifier([0x01, 0x02, 0x03, 0x04])],
        });

        // The leaf's authorityKeyIdentifier is the key's real identifier, not the one the intermediate claims.
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate);

        PathValidationResult result = Validate(root, leaf, intermediate);

        // MPKI1005 (key ids do not chain) says why the certificate of that name was not used.
        AssertFails(result, RuleIdentifiers.ChainDoesNotReachTrustedRoot, leaf);
        PathValidationFailure link = AssertFails(result, RuleIdentifiers.ChainLinkBroken, leaf);
        Assert.Contains("authorityKeyIdentifier", link.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Candidate_without_subject_key_identifier_is_tried()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root, new CertificateOptions { Omit = [TestExtensions.SubjectKeyIdentifierOid] });
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate);

        PathValidationResult result = Validate(root, leaf, intermediate);

        // Found (the path is built), then reported: a CA must carry subjectKeyIdentifier.
        AssertPath(result, leaf, intermediate, root);
        AssertFails(result, RuleIdentifiers.CertificateProfileViolation, intermediate);
        AssertNoFailure(result, RuleIdentifiers.ChainDoesNotReachTrustedRoot);
    }

    [Fact]
    public void Trust_anchors_are_kept_once_each()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate other = TestPki.Root("Other Root CA");

        using var validator = new CertificatePathValidator([root.Certificate, other.Certificate, DerCertificateCopy(root), root.Certificate]);

        Assert.Equal([root.ToString(), other.ToString()], validator.TrustAnchors.Select(static c => c.ToString()));
        Assert.Same(ChainValidationPolicy.Default, validator.Policy);
    }

    private static DerCertificate DerCertificateCopy(ChainCertificate certificate) => DerCertificate.Parse(certificate.Der.ToArray());
}
