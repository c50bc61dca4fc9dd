using System.Collections;
using System.Reflection;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Tests.TestCertificates;
using Golem.MeshPki.Validation.Signatures;

namespace Golem.MeshPki.Tests.Validation.Signatures;

/// <summary>
/// Tests of <see cref="SignatureVerifier"/>: every supported algorithm verifies and rejects a changed byte,
/// and issuer keys and verdicts are cached (an issuer key is imported once, a repeated pair is not verified again).
/// </summary>
public partial class SignatureVerifierTests
{
    public static TheoryData<string, string> VerifiableSignatures => SignatureAlgorithmCases.Verifiable;

    [Theory]
    [MemberData(nameof(VerifiableSignatures))]
    public void Signature_made_by_the_issuer_key_is_valid(string keyName, string algorithmName)
    {
        (ChainCertificate issuer, ChainCertificate leaf) = IssuerAndLeaf(keyName, algorithmName);
        using var verifier = new SignatureVerifier();

        Assert.Equal(SignatureStatus.Valid, verifier.Verify(leaf.Certificate, issuer.Certificate));
        Assert.Null(verifier.GetUnusableKeyReason(issuer.Certificate));
    }

    [Theory]
    [MemberData(nameof(VerifiableSignatures))]
    public void Signature_over_a_changed_TBS_is_invalid(string keyName, string algorithmName)
    {
        (ChainCertificate issuer, ChainCertificate leaf) = IssuerAndLeaf(keyName, algorithmName);
        ChainCertificate tampered = TestPki.Tampered(leaf, static e => e.NotAfter.Contents = [.. e.NotAfter.Contents[..^2], (byte)'1', (byte)'Z']);
        using var verifier = new SignatureVerifier();

        Assert.NotEqual(leaf.Certificate.NotAfter, tampered.Certificate.NotAfter);
        Assert.Equal(SignatureStatus.Invalid, verifier.Verify(tampered.Certificate, issuer.Certificate));
    }

    [Theory]
    [MemberData(nameof(VerifiableSignatures))]
    public void Signature_checked_against_another_key_of_the_same_kind_is_invalid(string keyName, string algorithmName)
    {
        (ChainCertificate issuer, ChainCertificate leaf) = IssuerAndLeaf(keyName, algorithmName);
        SigningKey otherKey = keyName switch
        {
            "Ed25519" => SigningKey.From(TestKey.CreateEd25519(0x07)),
            "Ed448" => SigningKey.Ed448(0x07),
            "P-256" => SigningKey.NewP256(),
            "P-384" or "P-521" => SigningKey.NewEC(keyName),
            _ => SigningKey.From(keyName == "RSA 2048" ? TestKeys.Rsa4096 : TestKeys.Rsa2048),
        };
        ChainCertificate impostor = TestPki.Root("Issuer", new CertificateOptions { Key = otherKey });
        using var verifier = new SignatureVerifier();

        Assert.NotEqual(SignatureStatus.Valid, verifier.Verify(leaf.Certificate, impostor.Certificate));
        Assert.Equal(SignatureStatus.Valid, verifier.Verify(leaf.Certificate, issuer.Certificate));
    }

    [Theory]
    [InlineData("sha1WithRSAEncryption", "RSA 2048")]
    [InlineData("ecdsa-with-SHA1", "P-256")]
    [InlineData("rsassaPss SHA-1 default parameters", "RSA 2048")]
    public void SHA1_signatures_verify_policy_rejects_them_elsewhere(string algorithmName, string keyName)
    {
        (ChainCertificate issuer, ChainCertificate leaf) = IssuerAndLeaf(keyName, algorithmName);
        using var verifier = new SignatureVerifier();

        Assert.Equal(SignatureStatus.Valid, verifier.Verify(leaf.Certificate, issuer.Certificate));
    }

    [Fact]
    public void PSS_signature_with_a_salt_other_than_the_one_declared_is_invalid()
    {
        SigningKey key = SigningKey.From(TestKeys.Rsa2048);
        ChainCertificate issuer = TestPki.Root("Issuer", new CertificateOptions { Key = key });
        ChainCertificate leaf = TestPki.Leaf("workload", issuer, new CertificateOptions
        {
            Algorithm = TestSignatureAlgorithm.RsaPss(System.Security.Cryptography.HashAlgorithmName.SHA256, 32),
        });

        // Declare salt 20 (by omitting it, its default) over a signature made with salt 32.
        byte[] declaredSalt20 = TestSignatureAlgorithm.RsaPss(System.Security.Cryptography.HashAlgorithmName.SHA256, 20).Identifier;
        ChainCertificate relabelled = TestPki.Tampered(leaf, e =>
        {
            e.Replace(e.TbsSignature, DerNode.Parse(declaredSalt20));
            e.Replace(e.SignatureAlgorithm, DerNode.Parse(declaredSalt20));
        });
        using var verifier = new SignatureVerifier();

        Assert.Equal(SignatureStatus.Valid, verifier.Verify(leaf.Certificate, issuer.Certificate));
        Assert.Equal(SignatureStatus.Invalid, verifier.Verify(relabelled.Certificate, issuer.Certificate));
    }

    [Fact]
    public void Unknown_signature_algorithm_is_unsupported_and_not_counted()
    {
        (ChainCertificate issuer, ChainCertificate leaf) = IssuerAndLeaf("P-256", "ecdsa-with-SHA256");
        byte[] unknown = Der.Seq(Der.Oid(TestExtensions.PrivateArc + ".77"));
        ChainCertificate relabelled = TestPki.Tampered(leaf, e =>
        {
            e.Replace(e.TbsSignature, DerNode.Parse(unknown));
            e.Replace(e.SignatureAlgorithm, DerNode.Parse(unknown));
        });
        using var verifier = new SignatureVerifier();

        Assert.Equal(SignatureStatus.Unsupported, verifier.Verify(relabelled.Certificate, issuer.Certificate));
        Assert.Equal(0, verifier.VerificationCount);
        Assert.Equal(SignatureStatus.Valid, verifier.Verify(leaf.Certificate, issuer.Certificate));
        Assert.Equal(1, verifier.VerificationCount);
    }

    [Fact]
    public void Issuer_key_of_an_unknown_algorithm_is_unusable_with_a_reason()
    {
        ChainCertificate issuer = TestPki.Root("Issuer", new CertificateOptions
        {
            Edit = static e => e.Replace(e.SubjectPublicKeyInfo, DerNode.Parse(Der.Seq(Der.Seq(Der.Oid(TestExtensions.PrivateArc + ".9")), Der.Bits([0x01])))),
        });
        ChainCertificate leaf = TestPki.Leaf("workload", issuer);
        using var verifier = new SignatureVerifier();

        Assert.Equal(SignatureStatus.Unsupported, verifier.Verify(leaf.Certificate, issuer.Certificate));
        Assert.Contains(TestExtensions.PrivateArc + ".9", verifier.GetUnusableKeyReason(issuer.Certificate), StringComparison.Ordinal);
    }

    [Fact]
    public void Three_leaves_of_one_issuer_import_the_issuer_key_once()
    {
        ChainCertificate issuer = TestPki.Root("Issuer", new CertificateOptions { Key = SigningKey.From(TestKeys.Rsa2048) });
        ChainCertificate[] leaves = [TestPki.Leaf("one", issuer), TestPki.Leaf("two", issuer), TestPki.Leaf("three", issuer)];
        using var verifier = new SignatureVerifier();

        foreach (ChainCertificate leaf in leaves)
        {
            Assert.Equal(SignatureStatus.Valid, verifier.Verify(leaf.Certificate, issuer.Certificate));
        }

        Assert.Equal(3, verifier.VerificationCount);
        Assert.Equal(1, ImportedKeyCount(verifier));
    }

    [Fact]
    public void Copies_of_one_issuer_certificate_share_the_imported_key()
    {
        // Keys are cached by SubjectPublicKeyInfo bytes, not by certificate instance.
        ChainCertificate issuer = TestPki.Root("Issuer");
        ChainCertificate leaf = TestPki.Leaf("workload", issuer);
        using var verifier = new SignatureVerifier();

        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(SignatureStatus.Valid, verifier.Verify(leaf.Certificate, DerCertificate.Parse(issuer.Der.ToArray())));
        }

        Assert.Equal(3, verifier.VerificationCount);
        Assert.Equal(1, ImportedKeyCount(verifier));
    }

    [Fact]
    public void Issuers_with_different_keys_each_import_their_own()
    {
        ChainCertificate first = TestPki.Root("Issuer");
        ChainCertificate second = TestPki.Root("Issuer");
        using var verifier = new SignatureVerifier();

        Assert.Equal(SignatureStatus.Valid, verifier.Verify(TestPki.Leaf("one", first).Certificate, first.Certificate));
        Assert.Equal(SignatureStatus.Valid, verifier.Verify(TestPki.Leaf("two", second).Certificate, second.Certificate));

        Assert.Equal(2, ImportedKeyCount(verifier));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Repeated_leaf_and_issuer_pair_is_verified_again_with_the_cached_key(bool genuine)
    {
        ChainCertificate issuer = TestPki.Root("Issuer");
        ChainCertificate leaf = TestPki.Leaf("workload", issuer, genuine ? null : new CertificateOptions { SignedBy = SigningKey.NewP256() });
        SignatureStatus expected = genuine ? SignatureStatus.Valid : SignatureStatus.Invalid;
        using var verifier = new SignatureVerifier();

        Assert.Equal(expected, verifier.Verify(leaf.Certificate, issuer.Certificate));
        Assert.Equal(expected, verifier.Verify(leaf.Certificate, issuer.Certificate));
        Assert.Equal(expected, verifier.Verify(leaf.Certificate, issuer.Certificate));

        // End-entity verdicts are not remembered: each leaf is usually validated once, and remembering them would
        // only grow the cache (CA-link verdicts are: see CertificatePathValidatorTests.Validator_can_be_reused_for_several_leaves).
        Assert.Equal(3, verifier.VerificationCount);
        Assert.Equal(1, verifier.KeyImportCount);
    }

    [Fact]
    public void Dispose_releases_every_imported_key()
    {
        ChainCertificate issuer = TestPki.Root("Issuer");
        ChainCertificate leaf = TestPki.Leaf("workload", issuer);
        var verifier = new SignatureVerifier();
        Assert.Equal(SignatureStatus.Valid, verifier.Verify(leaf.Certificate, issuer.Certificate));

        verifier.Dispose();

        Assert.Equal(0, ImportedKeyCount(verifier));
    }

    /// <summary>Builds an issuer with <paramref name="keyName"/> and a P-256 leaf it signs with <paramref name="algorithmName"/>.</summary>
    private static (ChainCertificate Issuer, ChainCertificate Leaf) IssuerAndLeaf(string keyName, string algorithmName)
    {
        SigningKey key = SignatureAlgorithmCases.Key(keyName);
        TestSignatureAlgorithm algorithm = SignatureAlgorithmCases.Algorithm(algorithmName, key);
        ChainCertificate issuer = TestPki.Root("Issuer", new CertificateOptions { Key = key, Algorithm = algorithm });
        ChainCertificate leaf = TestPki.Leaf("workload", issuer, new CertificateOptions { Algorithm = algorithm });
        Assert.Equal(algorithm.Identifier, leaf.Certificate.EncodedSignatureAlgorithm.ToArray());
        return (issuer, leaf);
    }

    /// <summary>
    /// How many issuer keys the verifier holds. SignatureVerifier exposes verdict counts but not imports, so this
    /// reads its private key cache; a rename fails here with a message rather than passing silently.
    /// </summary>
    private static int ImportedKeyCount(SignatureVerifier verifier)
    {
        FieldInfo? field = typeof(SignatureVerifier).GetField("_keys", BindingFlags.NonPublic | BindingFlags.Instance);
        Assert.True(field is not null, "SignatureVerifier no longer has its _keys cache; update this test to the new way to count imported keys.");
        return ((ICollection)field.GetValue(verifier)!).Count;
    }
}
