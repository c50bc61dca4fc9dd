using Golem.MeshPki.Rules;
using Golem.MeshPki.Tests.TestCertificates;
using Golem.MeshPki.Validation;

namespace Golem.MeshPki.Tests.Validation;

/// <summary>
/// Bugs found while writing these tests, each pinned by a test named after it. They state the correct
/// behaviour and fail until the engine is fixed; they are kept in their own file and commit.
/// </summary>
public partial class CertificatePathValidatorTests
{
    /// <summary>A named-curve OID no platform implements: .NET's ECDsa import throws PlatformNotSupportedException for it.</summary>
    private const string UnimplementedCurveOid = TestExtensions.PrivateArc + ".2";

    [Fact]
    public void MaximumIntermediates_exceeded_is_reported_as_ChainTooLong_not_as_an_unreachable_root()
    {
        (ChainCertificate root, ChainCertificate policyCa, ChainCertificate issuingCa, ChainCertificate leaf) = TwoIntermediates();

        PathValidationResult result = Validate(new ChainValidationPolicy { MaximumIntermediates = 1 }, root, leaf, issuingCa, policyCa);

        // MPKI1019 is a path-level failure (no certificate, index -1) that quotes the count and the maximum.
        Assert.False(result.IsValid);
        PathValidationFailure? tooLong = result.Failures.FirstOrDefault(static f => f.Rule.Id == RuleIdentifiers.ChainTooLong);
        Assert.True(tooLong is not null, "Expected MPKI1019, got: " + Describe(result));
        Assert.Null(tooLong.Certificate);
        Assert.Equal(-1, tooLong.PathIndex);
        Assert.Contains("2 intermediates; at most 1", tooLong.Message, StringComparison.Ordinal);

        // Whatever else is reported must not claim that the issuing CA, which is in the pool, is missing.
        Assert.DoesNotContain(result.Failures, f => f.Message.Contains($"no trusted or intermediate certificate named '{issuingCa.Subject}'", StringComparison.Ordinal));
    }

    [Fact]
    public void MaximumIntermediates_exceeded_next_to_a_self_issued_certificate_is_reported_as_ChainTooLong()
    {
        (ChainCertificate root, ChainCertificate oldKey, ChainCertificate newKey, ChainCertificate leaf) = KeyRollover();

        PathValidationResult result = Validate(new ChainValidationPolicy { MaximumIntermediates = 0 }, root, leaf, newKey, oldKey);

        Assert.False(result.IsValid);
        Assert.True(result.Failures.Any(static f => f.Rule.Id == RuleIdentifiers.ChainTooLong), "Expected MPKI1019, got: " + Describe(result));
    }

    [Fact]
    public void RSASSA_PSS_with_SHA1_on_the_leaf_is_weak_like_any_SHA1_signature()
    {
        // RFC 4055 3.1 default parameters: SHA-1 for the content, MGF1 with SHA-1.
        ChainCertificate root = TestPki.Root("Root CA", new CertificateOptions { Key = SigningKey.From(TestKeys.Rsa2048) });
        ChainCertificate leaf = TestPki.Leaf("workload", root, new CertificateOptions { Algorithm = TestSignatureAlgorithm.RsaPssSha1DefaultParameters });

        PathValidationFailure failure = AssertFails(Validate(root, leaf), RuleIdentifiers.WeakCryptography, leaf);
        Assert.Contains("SHA-1", failure.Message, StringComparison.Ordinal);
        AssertValid(Validate(new ChainValidationPolicy { AllowSha1Signatures = true }, root, leaf));
    }

    [Fact]
    public void Self_issued_certificate_that_is_not_self_signed_needs_authorityKeyIdentifier()
    {
        // RFC 5280 4.2.1.1 exempts self-signed certificates only; a key rollover certificate is self-issued but
        // signed by the old key, and its authorityKeyIdentifier is what tells the two keys apart.
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate oldKey = TestPki.Intermediate("Issuing CA", root);
        ChainCertificate newKey = TestPki.Intermediate("Issuing CA", oldKey, new CertificateOptions { Omit = [TestExtensions.AuthorityKeyIdentifierOid] });
        ChainCertificate leaf = TestPki.Leaf("workload", newKey);

        PathValidationResult result = Validate(root, leaf, newKey, oldKey);

        AssertPath(result, leaf, newKey, oldKey, root);
        PathValidationFailure failure = AssertFails(result, RuleIdentifiers.CertificateProfileViolation, newKey);
        Assert.Contains("authorityKeyIdentifier", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trust_anchor_validated_as_its_own_end_entity_appears_once_in_the_path()
    {
        // "A certificate never appears twice in a path" (CertificatePathValidator remarks); Go and openssl verify
        // give a one-certificate chain here.
        ChainCertificate root = TestPki.Root("Root CA");

        PathValidationResult result = Validate(new ChainValidationPolicy { AllowCertificateAuthorityAsEndEntity = true }, root, root);

        AssertValid(result);
        AssertPath(result, root);
        Assert.Same(root.Certificate, result.TrustAnchor);
    }

    [Fact]
    public void Intermediate_used_as_trust_anchor_may_carry_extendedKeyUsage()
    {
        // CA/B Forum BR 7.1.2.1.2 forbids extKeyUsage in root CA certificates; subordinate CAs carry it
        // (BR 7.1.2.2), and an intermediate trusted as the anchor is still not a root.
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root, new CertificateOptions
        {
            Extensions = [TestExtensions.ExtendedKeyUsage(TestExtensions.ServerAuth, TestExtensions.ClientAuth)],
        });
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate);

        PathValidationResult result = Validate([intermediate], leaf, [intermediate, root]);

        AssertValid(result);
        AssertPath(result, leaf, intermediate);
    }

    [Fact]
    public void End_entity_with_an_empty_subject_and_no_subjectAltName_violates_the_profile()
    {
        // RFC 5280 4.1.2.6: with an empty subject, the names are in subjectAltName, which MUST then be present
        // and critical. PathChecks checks the criticality of a subjectAltName that is there, not its absence.
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate leaf = TestPki.Issue(Der.Seq(), root, CertificateRole.EndEntity, new CertificateOptions { Omit = [TestExtensions.SubjectAltNameOid] });

        PathValidationFailure failure = AssertFails(Validate(root, leaf), RuleIdentifiers.CertificateProfileViolation, leaf);
        Assert.Contains("empty subject", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Untrusted_intermediate_whose_key_the_platform_cannot_import_is_reported_not_thrown()
    {
        // Anyone who can hand over intermediates (a peer's chain) must not be able to make Validate throw.
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root, new CertificateOptions { Edit = static e => e.Replace(e.SubjectPublicKeyInfo, UnimplementedCurveKey()) });
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate);
        var validator = new CertificatePathValidator([root.Certificate]);

        PathValidationResult? result = null;
        Exception? thrown = Record.Exception(() => result = validator.Validate(leaf.Certificate, [intermediate.Certificate], TestPki.ValidationTime));

        Assert.True(thrown is null, $"Validate threw {thrown?.GetType().Name}: {thrown?.Message}");
        PathValidationFailure failure = AssertFails(result!, RuleIdentifiers.ChainLinkBroken, leaf);
        Assert.Contains("curve this platform cannot verify with", failure.Message, StringComparison.Ordinal);
        validator.Dispose();
    }

    [Fact]
    public void Forged_link_is_not_valid_when_validated_again_after_the_issuer_key_import_failed()
    {
        // The verdict cache is filled with default(SignatureStatus) == Valid before the verification runs; an
        // exception from the key import leaves that default behind, and the next validation trusts the forged link.
        ChainCertificate root = TestPki.Root("Root CA", new CertificateOptions { Edit = static e => e.Replace(e.SubjectPublicKeyInfo, UnimplementedCurveKey()) });
        ChainCertificate forged = TestPki.Leaf("workload", root, new CertificateOptions { SignedBy = SigningKey.NewP256() });
        var policy = new ChainValidationPolicy { AllowedCurves = [.. ChainValidationPolicy.NistCurves, UnimplementedCurveOid] };
        var validator = new CertificatePathValidator([root.Certificate], policy);

        Exception? firstThrew = Record.Exception(() => validator.Validate(forged.Certificate, [], TestPki.ValidationTime));
        PathValidationResult second = validator.Validate(forged.Certificate, [], TestPki.ValidationTime);

        AssertFails(second, RuleIdentifiers.ChainLinkBroken, forged);
        Assert.True(firstThrew is null, $"The first Validate threw {firstThrew?.GetType().Name}: {firstThrew?.Message}");
        validator.Dispose();
    }

    [Fact]
    public void Dispose_after_an_issuer_key_import_failed_does_not_throw()
    {
        ChainCertificate root = TestPki.Root("Root CA", new CertificateOptions { Edit = static e => e.Replace(e.SubjectPublicKeyInfo, UnimplementedCurveKey()) });
        ChainCertificate leaf = TestPki.Leaf("workload", root);
        var validator = new CertificatePathValidator([root.Certificate]);
        _ = Record.Exception(() => validator.Validate(leaf.Certificate, [], TestPki.ValidationTime));

        Exception? thrown = Record.Exception(validator.Dispose);

        Assert.True(thrown is null, $"Dispose threw {thrown?.GetType().Name}: {thrown?.Message}");
    }

    /// <summary>An EC SubjectPublicKeyInfo on <see cref="UnimplementedCurveOid"/> (with a P-256 point: the curve is what matters).</summary>
    private static DerNode UnimplementedCurveKey()
    {
        byte[] point = DerNode.Parse(SigningKey.From(TestKeys.P256).SubjectPublicKeyInfo)[1].Contents[1..];
        return DerNode.Parse(Der.Seq(Der.Seq(Der.Oid("1.2.840.10045.2.1"), Der.Oid(UnimplementedCurveOid)), Der.Bits(point)));
    }
}
