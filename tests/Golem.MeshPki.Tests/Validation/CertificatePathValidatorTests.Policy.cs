using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Rules;
using Golem.MeshPki.Tests.TestCertificates;
using Golem.MeshPki.Validation;

namespace Golem.MeshPki.Tests.Validation;

/// <summary><see cref="ChainValidationPolicy"/>: key sizes and curves, signature hashes, path length, key usages, CA as end entity.</summary>
public partial class CertificatePathValidatorTests
{
    private const string Secp256k1Oid = "1.3.132.0.10";

    [Fact]
    public void Default_policy_is_the_documented_one()
    {
        ChainValidationPolicy policy = ChainValidationPolicy.Default;

        Assert.Equal(8, policy.MaximumIntermediates);
        Assert.Equal(2048, policy.MinimumRsaKeySize);
        Assert.Equal(["1.2.840.10045.3.1.7", "1.3.132.0.34", "1.3.132.0.35"], policy.AllowedCurves);
        Assert.True(policy.AllowEdDsa);
        Assert.False(policy.AllowSha1Signatures);
        Assert.Empty(policy.RequiredExtendedKeyUsages);
        Assert.Equal(KeyUsageFlags.None, policy.RequiredKeyUsages);
        Assert.False(policy.AllowCertificateAuthorityAsEndEntity);
        Assert.Equal(256, policy.MaximumCandidateChecks);
    }

    [Theory]
    [InlineData("RSA 2048")]
    [InlineData("RSA 3072")]
    [InlineData("RSA 4096")]
    [InlineData("P-256")]
    [InlineData("P-384")]
    [InlineData("P-521")]
    [InlineData("Ed25519")]
    [InlineData("Ed448")]
    public void Leaf_key_the_default_policy_accepts(string keyName)
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate leaf = TestPki.Leaf("workload", root, new CertificateOptions { Key = SignatureAlgorithmCases.Key(keyName) });

        AssertValid(Validate(root, leaf));
    }

    [Theory]
    [InlineData("RSA 1024", "1024 bits")]
    [InlineData("RSA 2049", "not a multiple of 8")]
    [InlineData("P-192", "P-192")]
    [InlineData("secp256k1", "secp256k1")]
    public void Leaf_key_the_default_policy_rejects_as_weak(string keyName, string quoted)
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate leaf = TestPki.Leaf("workload", root, new CertificateOptions { Key = SignatureAlgorithmCases.Key(keyName) });

        PathValidationFailure failure = AssertFails(Validate(root, leaf), RuleIdentifiers.WeakCryptography, leaf);

        Assert.Contains(quoted, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Weak_key_on_the_trust_anchor_is_reported_on_the_anchor()
    {
        ChainCertificate root = TestPki.Root("Root CA", new CertificateOptions { Key = SignatureAlgorithmCases.Key("RSA 1024") });
        ChainCertificate leaf = TestPki.Leaf("workload", root);

        PathValidationResult result = Validate(root, leaf);

        PathValidationFailure failure = AssertFails(result, RuleIdentifiers.WeakCryptography, root);
        Assert.Equal(1, failure.PathIndex);
        Assert.Single(result.Failures);
    }

    [Fact]
    public void Weak_curve_on_an_intermediate_is_reported_on_the_intermediate()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root, new CertificateOptions { Key = SignatureAlgorithmCases.Key("secp256k1") });
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate);

        PathValidationResult result = Validate(root, leaf, intermediate);

        AssertFails(result, RuleIdentifiers.WeakCryptography, intermediate);
        Assert.Single(result.Failures);
    }

    [Fact]
    public void Curve_the_policy_allows_is_accepted_on_leaf_and_intermediate()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root, new CertificateOptions { Key = SignatureAlgorithmCases.Key("secp256k1") });
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate, new CertificateOptions { Key = SigningKey.NewEC("secp256k1") });

        PathValidationResult result = Validate(new ChainValidationPolicy { AllowedCurves = [.. ChainValidationPolicy.NistCurves, Secp256k1Oid] }, root, leaf, intermediate);

        AssertValid(result);
    }

    [Fact]
    public void Smaller_minimum_RSA_size_accepts_RSA_1024()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate leaf = TestPki.Leaf("workload", root, new CertificateOptions { Key = SignatureAlgorithmCases.Key("RSA 1024") });

        AssertValid(Validate(new ChainValidationPolicy { MinimumRsaKeySize = 1024 }, root, leaf));
    }

    [Theory]
    [InlineData("Ed25519")]
    [InlineData("Ed448")]
    public void EdDSA_keys_are_rejected_when_the_policy_disallows_them(string keyName)
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate leaf = TestPki.Leaf("workload", root, new CertificateOptions { Key = SignatureAlgorithmCases.Key(keyName) });

        AssertFails(Validate(new ChainValidationPolicy { AllowEdDsa = false }, root, leaf), RuleIdentifiers.WeakCryptography, leaf);
    }

    [Theory]
    [InlineData("sha1WithRSAEncryption", "RSA 2048")]
    [InlineData("ecdsa-with-SHA1", "P-256")]
    public void SHA1_signature_on_the_leaf_is_weak_unless_the_policy_allows_it(string algorithmName, string issuerKeyName)
    {
        (ChainCertificate root, ChainCertificate leaf) = LeafSignedWith(algorithmName, issuerKeyName);

        PathValidationFailure failure = AssertFails(Validate(root, leaf), RuleIdentifiers.WeakCryptography, leaf);
        Assert.Contains(algorithmName, failure.Message, StringComparison.Ordinal);
        AssertValid(Validate(new ChainValidationPolicy { AllowSha1Signatures = true }, root, leaf));
    }

    [Fact]
    public void MD5_signature_on_the_leaf_is_weak_even_when_SHA1_is_allowed()
    {
        (ChainCertificate root, ChainCertificate leaf) = LeafSignedWith("md5WithRSAEncryption", "RSA 2048");

        AssertFails(Validate(root, leaf), RuleIdentifiers.WeakCryptography, leaf);
        AssertFails(Validate(new ChainValidationPolicy { AllowSha1Signatures = true }, root, leaf), RuleIdentifiers.WeakCryptography, leaf);
    }

    [Fact]
    public void SHA1_signature_on_an_intermediate_is_weak()
    {
        ChainCertificate root = TestPki.Root("Root CA", new CertificateOptions { Key = SigningKey.From(TestKeys.Rsa2048) });
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root, new CertificateOptions { Algorithm = TestSignatureAlgorithm.RsaPkcs1Sha1 });
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate);

        PathValidationResult result = Validate(root, leaf, intermediate);

        AssertFails(result, RuleIdentifiers.WeakCryptography, intermediate);
        Assert.Single(result.Failures);
    }

    [Theory]
    [InlineData("sha1WithRSAEncryption", "RSA 2048")]
    [InlineData("ecdsa-with-SHA1", "P-256")]
    public void SHA1_self_signature_on_the_trust_anchor_is_fine(string algorithmName, string keyName)
    {
        SigningKey key = SignatureAlgorithmCases.Key(keyName);
        ChainCertificate root = TestPki.Root("Root CA", new CertificateOptions { Key = key, Algorithm = SignatureAlgorithmCases.Algorithm(algorithmName, key) });
        ChainCertificate leaf = TestPki.Leaf("workload", root, new CertificateOptions { Algorithm = key.DefaultAlgorithm });

        Assert.Equal(algorithmName, root.Certificate.SignatureAlgorithmName);
        AssertValid(Validate(root, leaf));
    }

    [Fact]
    public void MaximumIntermediates_allows_a_path_with_that_many()
    {
        (ChainCertificate root, ChainCertificate policyCa, ChainCertificate issuingCa, ChainCertificate leaf) = TwoIntermediates();

        AssertValid(Validate(new ChainValidationPolicy { MaximumIntermediates = 2 }, root, leaf, issuingCa, policyCa));
    }

    [Fact]
    public void MaximumIntermediates_zero_allows_a_leaf_issued_by_the_anchor()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate leaf = TestPki.Leaf("workload", root);

        AssertValid(Validate(new ChainValidationPolicy { MaximumIntermediates = 0 }, root, leaf));
    }

    [Fact]
    public void Self_issued_intermediates_do_not_count_towards_MaximumIntermediates()
    {
        (ChainCertificate root, ChainCertificate oldKey, ChainCertificate newKey, ChainCertificate leaf) = KeyRollover();

        PathValidationResult result = Validate(new ChainValidationPolicy { MaximumIntermediates = 1 }, root, leaf, newKey, oldKey);

        AssertValid(result);
        AssertPath(result, leaf, newKey, oldKey, root);
    }

    [Fact]
    public void RequiredExtendedKeyUsages_are_met_by_a_leaf_that_lists_them()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate leaf = TestPki.Leaf("workload", root);

        AssertValid(Validate(ServerAuthRequired, root, leaf));
    }

    [Fact]
    public void RequiredExtendedKeyUsages_fail_a_leaf_without_extendedKeyUsage()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate leaf = TestPki.Leaf("workload", root, new CertificateOptions { Omit = [TestExtensions.ExtendedKeyUsageOid] });

        PathValidationFailure failure = AssertFails(Validate(ServerAuthRequired, root, leaf), RuleIdentifiers.UsageNotAllowed, leaf);
        Assert.Contains("serverAuth", failure.Message, StringComparison.Ordinal);

        // Without a requirement, the same leaf is fine.
        AssertValid(Validate(root, leaf));
    }

    [Fact]
    public void RequiredExtendedKeyUsages_fail_a_leaf_with_another_usage()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate leaf = TestPki.Leaf("workload", root, new CertificateOptions { Extensions = [TestExtensions.ExtendedKeyUsage(TestExtensions.ClientAuth)] });

        PathValidationFailure failure = AssertFails(Validate(ServerAuthRequired, root, leaf), RuleIdentifiers.UsageNotAllowed, leaf);
        Assert.Contains("serverAuth", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RequiredExtendedKeyUsages_fail_a_leaf_with_anyExtendedKeyUsage(bool alsoServerAuth)
    {
        ChainCertificate root = TestPki.Root("Root CA");
        string[] usages = alsoServerAuth ? [TestExtensions.ServerAuth, ExtendedKeyUsages.Any] : [ExtendedKeyUsages.Any];
        ChainCertificate leaf = TestPki.Leaf("workload", root, new CertificateOptions { Extensions = [TestExtensions.ExtendedKeyUsage(usages)] });

        PathValidationResult result = Validate(ServerAuthRequired, root, leaf);

        AssertFails(result, RuleIdentifiers.UsageNotAllowed, leaf);
        Assert.Contains(result.Failures, f => f.Message.Contains("anyExtendedKeyUsage", StringComparison.Ordinal));
    }

    [Fact]
    public void RequiredExtendedKeyUsages_fail_a_leaf_whose_extendedKeyUsage_is_critical()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate leaf = TestPki.Leaf("workload", root, new CertificateOptions
        {
            Extensions = [new X509EnhancedKeyUsageExtension(new OidCollection { new Oid(TestExtensions.ServerAuth) }, critical: true)],
        });

        AssertFails(Validate(ServerAuthRequired, root, leaf), RuleIdentifiers.CertificateProfileViolation, leaf);
    }

    [Theory]
    [InlineData(TestExtensions.ServerAuth)]
    [InlineData(TestExtensions.ServerAuth + " " + TestExtensions.ClientAuth)]
    [InlineData(ExtendedKeyUsages.Any)]
    public void Intermediate_extendedKeyUsage_that_includes_the_required_usage_or_any_is_fine(string usages)
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root, new CertificateOptions { Extensions = [TestExtensions.ExtendedKeyUsage(usages.Split(' '))] });
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate);

        AssertValid(Validate(ServerAuthRequired, root, leaf, intermediate));
    }

    [Fact]
    public void Intermediate_extendedKeyUsage_that_excludes_the_required_usage_fails_on_the_intermediate()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root, new CertificateOptions { Extensions = [TestExtensions.ExtendedKeyUsage(TestExtensions.ClientAuth)] });
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate);

        PathValidationResult result = Validate(ServerAuthRequired, root, leaf, intermediate);

        PathValidationFailure failure = AssertFails(result, RuleIdentifiers.UsageNotAllowed, intermediate);
        Assert.Equal(1, failure.PathIndex);
        Assert.Single(result.Failures);

        // The intermediate's restriction matters only when a usage is required.
        AssertValid(Validate(root, leaf, intermediate));
    }

    [Theory]
    [InlineData(KeyUsageFlags.DigitalSignature)]
    [InlineData(KeyUsageFlags.DigitalSignature | KeyUsageFlags.KeyEncipherment)]
    public void RequiredKeyUsages_are_met_by_a_leaf_whose_keyUsage_has_them(KeyUsageFlags required)
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate leaf = TestPki.Leaf("workload", root, new CertificateOptions
        {
            Extensions = [TestExtensions.KeyUsage(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment)],
        });

        AssertValid(Validate(new ChainValidationPolicy { RequiredKeyUsages = required }, root, leaf));
    }

    [Fact]
    public void RequiredKeyUsages_fail_a_leaf_whose_keyUsage_lacks_one()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate leaf = TestPki.Leaf("workload", root);

        PathValidationResult result = Validate(new ChainValidationPolicy { RequiredKeyUsages = KeyUsageFlags.DigitalSignature | KeyUsageFlags.KeyEncipherment }, root, leaf);

        PathValidationFailure failure = AssertFails(result, RuleIdentifiers.UsageNotAllowed, leaf);
        Assert.Contains("KeyEncipherment", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiredKeyUsages_accept_a_leaf_without_keyUsage()
    {
        // RFC 5280 4.2.1.3: no keyUsage extension means the key is not restricted.
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate leaf = TestPki.Leaf("workload", root, new CertificateOptions { Omit = [TestExtensions.KeyUsageOid] });

        AssertValid(Validate(new ChainValidationPolicy { RequiredKeyUsages = KeyUsageFlags.DigitalSignature }, root, leaf));
    }

    [Fact]
    public void CA_certificate_as_end_entity_fails_by_default()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root);

        PathValidationResult result = Validate(root, intermediate);

        AssertFails(result, RuleIdentifiers.UsageNotAllowed, intermediate);
        Assert.Single(result.Failures);
    }

    [Fact]
    public void CA_certificate_as_end_entity_is_valid_when_the_policy_allows_it()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root);

        PathValidationResult result = Validate(new ChainValidationPolicy { AllowCertificateAuthorityAsEndEntity = true }, root, intermediate);

        AssertValid(result);
        AssertPath(result, intermediate, root);
    }

    [Fact]
    public void End_entity_with_keyCertSign_but_not_a_CA_violates_the_profile()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate leaf = TestPki.Leaf("workload", root, new CertificateOptions
        {
            Extensions = [TestExtensions.KeyUsage(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign)],
        });

        AssertFails(Validate(root, leaf), RuleIdentifiers.CertificateProfileViolation, leaf);
    }

    private static ChainValidationPolicy ServerAuthRequired { get; } = new() { RequiredExtendedKeyUsages = [ExtendedKeyUsages.ServerAuthentication] };

    private static (ChainCertificate Root, ChainCertificate Leaf) LeafSignedWith(string algorithmName, string issuerKeyName)
    {
        SigningKey key = SignatureAlgorithmCases.Key(issuerKeyName);
        ChainCertificate root = TestPki.Root("Root CA", new CertificateOptions { Key = key });
        ChainCertificate leaf = TestPki.Leaf("workload", root, new CertificateOptions { Algorithm = SignatureAlgorithmCases.Algorithm(algorithmName, key) });
        Assert.Equal(algorithmName, leaf.Certificate.SignatureAlgorithmName);
        return (root, leaf);
    }

    private static (ChainCertificate Root, ChainCertificate PolicyCa, ChainCertificate IssuingCa, ChainCertificate Leaf) TwoIntermediates()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate policyCa = TestPki.Intermediate("Policy CA", root);
        ChainCertificate issuingCa = TestPki.Intermediate("Issuing CA", policyCa);
        return (root, policyCa, issuingCa, TestPki.Leaf("workload", issuingCa));
    }

    /// <summary>
    /// A CA key rollover (RFC 4210 4.4): the issuing CA's new key is certified by its old key in a self-issued
    /// certificate, and the leaf is signed with the new key. Path: leaf, new key (self-issued), old key, root.
    /// </summary>
    internal static (ChainCertificate Root, ChainCertificate OldKey, ChainCertificate NewKey, ChainCertificate Leaf) KeyRollover()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate oldKey = TestPki.Intermediate("Issuing CA", root);
        ChainCertificate newKey = TestPki.Intermediate("Issuing CA", oldKey);
        Assert.True(newKey.Certificate.IsSelfIssued);
        return (root, oldKey, newKey, TestPki.Leaf("workload", newKey));
    }
}
