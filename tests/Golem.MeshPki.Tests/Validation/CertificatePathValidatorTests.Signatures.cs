using Golem.MeshPki.Rules;
using Golem.MeshPki.Tests.TestCertificates;
using Golem.MeshPki.Validation;

namespace Golem.MeshPki.Tests.Validation;

/// <summary>Links whose signature does not verify (MPKI1005), and every supported algorithm through a whole path.</summary>
public partial class CertificatePathValidatorTests
{
    public static TheoryData<string, string> VerifiableSignatures => SignatureAlgorithmCases.Verifiable;

    [Theory]
    [MemberData(nameof(VerifiableSignatures))]
    public void Path_signed_with_each_supported_algorithm_is_valid(string keyName, string algorithmName)
    {
        SigningKey key = SignatureAlgorithmCases.Key(keyName);
        TestSignatureAlgorithm algorithm = SignatureAlgorithmCases.Algorithm(algorithmName, key);
        ChainCertificate root = TestPki.Root("Root CA", new CertificateOptions { Key = key, Algorithm = algorithm });
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root, new CertificateOptions { Key = key, Algorithm = algorithm });
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate, new CertificateOptions { Algorithm = algorithm });

        PathValidationResult result = Validate(root, leaf, intermediate);

        AssertValid(result);
        AssertPath(result, leaf, intermediate, root);
    }

    [Theory]
    [MemberData(nameof(VerifiableSignatures))]
    public void Leaf_with_a_tampered_TBS_byte_breaks_the_link_whatever_the_algorithm(string keyName, string algorithmName)
    {
        SigningKey key = SignatureAlgorithmCases.Key(keyName);
        TestSignatureAlgorithm algorithm = SignatureAlgorithmCases.Algorithm(algorithmName, key);
        ChainCertificate root = TestPki.Root("Root CA", new CertificateOptions { Key = key, Algorithm = algorithm });
        ChainCertificate leaf = TestPki.Tampered(TestPki.Leaf("workload", root, new CertificateOptions { Algorithm = algorithm }), FlipLastSerialBit);

        PathValidationResult result = Validate(root, leaf);

        PathValidationFailure failure = AssertFails(result, RuleIdentifiers.ChainLinkBroken, leaf);
        Assert.Contains($"'{root.Subject}'", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, failure.PathIndex);
        AssertFails(result, RuleIdentifiers.ChainDoesNotReachTrustedRoot, leaf);
    }

    [Fact]
    public void Intermediate_with_a_tampered_TBS_byte_breaks_its_link_to_the_root()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate genuine = TestPki.Intermediate("Issuing CA", root);
        ChainCertificate tampered = TestPki.Tampered(genuine, FlipLastSerialBit);
        ChainCertificate leaf = TestPki.Leaf("workload", genuine);

        PathValidationResult result = Validate(root, leaf, tampered);

        PathValidationFailure failure = AssertFails(result, RuleIdentifiers.ChainLinkBroken, tampered);
        Assert.Equal(1, failure.PathIndex);
        Assert.Contains("does not verify", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tampered_signature_value_breaks_the_link()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate leaf = TestPki.Tampered(
            TestPki.Leaf("workload", root, new CertificateOptions { Key = SigningKey.From(TestKeys.Rsa2048) }),
            static e => e.SignatureValue.Contents = [.. e.SignatureValue.Contents[..^1], (byte)(e.SignatureValue.Contents[^1] ^ 0x01)]);

        AssertFails(Validate(root, leaf), RuleIdentifiers.ChainLinkBroken, leaf);
    }

    [Fact]
    public void Leaf_signed_by_another_key_under_the_issuers_name_breaks_the_link()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root);

        // Same issuer name and authorityKeyIdentifier: only the signature tells the impostor apart.
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate, new CertificateOptions { SignedBy = SigningKey.NewP256() });

        PathValidationResult result = Validate(root, leaf, intermediate);

        PathValidationFailure failure = AssertFails(result, RuleIdentifiers.ChainLinkBroken, leaf);
        Assert.Contains($"'{intermediate.Subject}'", failure.Message, StringComparison.Ordinal);
        Assert.Null(result.TrustAnchor);
    }

    [Fact]
    public void Intermediate_signed_by_another_key_under_the_roots_name_breaks_the_link()
    {
        ChainCertificate root = TestPki.Root("Root CA", new CertificateOptions { Key = SigningKey.From(TestKeys.Rsa2048) });
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root, new CertificateOptions { SignedBy = SigningKey.From(TestKeys.Rsa4096) });
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate);

        PathValidationResult result = Validate(root, leaf, intermediate);

        AssertFails(result, RuleIdentifiers.ChainLinkBroken, intermediate);
    }

    [Fact]
    public void Signature_algorithm_of_another_key_type_breaks_the_link()
    {
        // An ECDSA signature claimed under an RSA issuer.
        ChainCertificate root = TestPki.Root("Root CA", new CertificateOptions { Key = SigningKey.From(TestKeys.Rsa2048) });
        ChainCertificate leaf = TestPki.Leaf("workload", root, new CertificateOptions { SignedBy = SigningKey.From(TestKeys.P256), Algorithm = TestSignatureAlgorithm.EcdsaSha256 });

        AssertFails(Validate(root, leaf), RuleIdentifiers.ChainLinkBroken, leaf);
    }

    [Fact]
    public void Issuer_key_of_an_unknown_algorithm_breaks_the_link_and_says_why()
    {
        const string UnknownKeyAlgorithm = TestExtensions.PrivateArc + ".9";
        ChainCertificate root = TestPki.Root("Root CA", new CertificateOptions
        {
            Edit = static e => e.Replace(e.SubjectPublicKeyInfo, DerNode.Parse(Der.Seq(Der.Seq(Der.Oid(UnknownKeyAlgorithm)), Der.Bits([0x01, 0x02, 0x03])))),
        });
        ChainCertificate leaf = TestPki.Leaf("workload", root);

        PathValidationResult result = Validate(root, leaf);

        PathValidationFailure failure = AssertFails(result, RuleIdentifiers.ChainLinkBroken, leaf);
        Assert.Contains(UnknownKeyAlgorithm, failure.Message, StringComparison.Ordinal);
    }

    private static void FlipLastSerialBit(EditableCertificate certificate)
    {
        byte[] serial = certificate.SerialNumber.Contents;
        certificate.SerialNumber.Contents = [.. serial[..^1], (byte)(serial[^1] ^ 0x01)];
    }
}
