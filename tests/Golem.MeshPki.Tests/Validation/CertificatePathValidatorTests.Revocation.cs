using System.Security.Cryptography.X509Certificates;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Rules;
using Golem.MeshPki.Tests.TestCertificates;
using Golem.MeshPki.Validation;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.X509;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Golem.MeshPki.Tests.Validation;

/// <summary>CRLs given in the policy (istiod reads ca-crl.pem): RFC 5280 6.3.3 as far as the validator goes.</summary>
public partial class CertificatePathValidatorTests
{
    private static readonly DateTimeOffset CrlThisUpdate = TestPki.ValidationTime.AddDays(-1);

    [Fact]
    public void Leaf_on_its_issuers_CRL_is_revoked_MPKI1024()
    {
        (ChainCertificate root, ChainCertificate intermediate, ChainCertificate leaf) = RevocationChain();
        DerCertificateRevocationList crl = Crl(intermediate, revoked: [leaf]);

        PathValidationFailure failure = AssertFails(ValidateWithCrls(root, intermediate, leaf, crl), RuleIdentifiers.CertificateRevoked, leaf);

        Assert.Contains("keyCompromise", failure.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Leaf_not_on_the_CRL_and_a_CRL_of_another_issuer_are_fine()
    {
        (ChainCertificate root, ChainCertificate intermediate, ChainCertificate leaf) = RevocationChain();
        ChainCertificate otherCa = TestPki.Intermediate("Other CA", root);
        ChainCertificate otherLeaf = TestPki.Leaf("other", otherCa, new CertificateOptions { Serial = SerialOf(leaf) });

        AssertValid(ValidateWithCrls(root, intermediate, leaf, Crl(intermediate, revoked: []), Crl(otherCa, revoked: [otherLeaf])));
    }

    [Fact]
    public void Intermediate_on_the_roots_CRL_is_revoked()
    {
        (ChainCertificate root, ChainCertificate intermediate, ChainCertificate leaf) = RevocationChain();

        AssertFails(ValidateWithCrls(root, intermediate, leaf, Crl(root, revoked: [intermediate])), RuleIdentifiers.CertificateRevoked, intermediate);
    }

    public static TheoryData<string, string> UnusableCrls => new()
    {
        { "no cRLNumber", "no cRLNumber" },
        { "critical cRLNumber", "critical" },
        { "signed by another key", "signature does not verify" },
        { "stale", "stale" },
        { "not yet valid", "not valid before" },
    };

    [Theory]
    [MemberData(nameof(UnusableCrls))]
    public void A_CRL_that_applies_but_cannot_be_trusted_fails_the_path_MPKI1025(string defect, string messagePart)
    {
        (ChainCertificate root, ChainCertificate intermediate, ChainCertificate leaf) = RevocationChain();
        DerCertificateRevocationList crl = defect switch
        {
            "no cRLNumber" => Crl(intermediate, revoked: [], crlNumber: false),
            "critical cRLNumber" => Crl(intermediate, revoked: [], crlNumberCritical: true),
            "signed by another key" => Crl(intermediate, revoked: [], signer: SigningKey.NewP256()),
            "stale" => Crl(intermediate, revoked: [], thisUpdate: TestPki.ValidationTime.AddDays(-10), nextUpdate: TestPki.ValidationTime.AddDays(-3)),
            _ => Crl(intermediate, revoked: [], thisUpdate: TestPki.ValidationTime.AddDays(1), nextUpdate: TestPki.ValidationTime.AddDays(8)),
        };

        PathValidationFailure failure = AssertFails(ValidateWithCrls(root, intermediate, leaf, crl), RuleIdentifiers.CrlProblem, leaf);

        Assert.Contains(messagePart, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CRL_issuer_whose_keyUsage_lacks_cRLSign_cannot_sign_CRLs_MPKI1025()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root, new CertificateOptions { Extensions = [TestExtensions.KeyUsage(X509KeyUsageFlags.KeyCertSign)] });
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate);

        PathValidationFailure failure = AssertFails(ValidateWithCrls(root, intermediate, leaf, Crl(intermediate, revoked: [])), RuleIdentifiers.CrlProblem, leaf);

        Assert.Contains("cRLSign", failure.Message, StringComparison.Ordinal);
    }

    private static (ChainCertificate Root, ChainCertificate Intermediate, ChainCertificate Leaf) RevocationChain()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root);
        return (root, intermediate, TestPki.Leaf("workload", intermediate));
    }

    private static PathValidationResult ValidateWithCrls(ChainCertificate root, ChainCertificate intermediate, ChainCertificate leaf, params DerCertificateRevocationList[] crls) =>
        Validate([root], leaf, [intermediate], new ChainValidationPolicy { CertificateRevocationLists = crls });

    private static byte[] SerialOf(ChainCertificate certificate)
    {
        ReadOnlySpan<byte> serial = certificate.Certificate.SerialNumber.Span;
        return (serial.Length > 1 && serial[0] == 0 ? serial[1..] : serial).ToArray();
    }

    /// <summary>A v2 CRL by <paramref name="issuer"/> (BouncyCastle's generator), revoking <paramref name="revoked"/> for keyCompromise.</summary>
    private static DerCertificateRevocationList Crl(
        ChainCertificate issuer,
        ChainCertificate[] revoked,
        bool crlNumber = true,
        bool crlNumberCritical = false,
        SigningKey? signer = null,
        DateTimeOffset? thisUpdate = null,
        DateTimeOffset? nextUpdate = null)
    {
        var generator = new X509V2CrlGenerator();
        generator.SetIssuerDN(X509Name.GetInstance(Asn1Object.FromByteArray(issuer.Certificate.Subject.Encoded.ToArray())));
        generator.SetThisUpdate((thisUpdate ?? CrlThisUpdate).UtcDateTime);
        generator.SetNextUpdate((nextUpdate ?? CrlThisUpdate.AddDays(7)).UtcDateTime);
        foreach (ChainCertificate certificate in revoked)
        {
            generator.AddCrlEntry(new BcBigInteger(1, certificate.Certificate.SerialNumber.ToArray()), CrlThisUpdate.UtcDateTime, Org.BouncyCastle.Asn1.X509.CrlReason.KeyCompromise);
        }

        if (crlNumber)
        {
            generator.AddExtension(X509Extensions.CrlNumber, crlNumberCritical, new CrlNumber(BcBigInteger.One));
        }

        SigningKey key = signer ?? issuer.Key;
        byte[] der = generator.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", key.Private)).GetEncoded();
        return DerCertificateRevocationList.Parse(der);
    }
}
