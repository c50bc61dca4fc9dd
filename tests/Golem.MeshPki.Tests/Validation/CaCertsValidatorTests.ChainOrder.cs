using Golem.MeshPki.Packaging;
using Golem.MeshPki.Rules;
using Golem.MeshPki.Tests.TestSupport;
using Golem.MeshPki.Validation;

namespace Golem.MeshPki.Tests.Validation;

/// <summary>MPKI1004 (order of cert-chain.pem), MPKI1005 (broken link), MPKI1006 (root not in the root bundle).</summary>
public sealed partial class CaCertsValidatorTests
{
    [Fact]
    public void CertManagerCaCrtRepeatingTheTopIntermediate_IsNotCalledABrokenLink()
    {
        // Vault's issuing_ca is the intermediate when the mount is not the root's: cert-manager writes it to ca.crt, so
        // the chain istiod builds (tls.crt + ca.crt) repeats it. Redundant, not broken; the root bundle is the problem.
        CaCertsFiles files = CaCertsFiles.CertManager(StandardCaUnderIntermediate, [StandardIntermediate], StandardIntermediate);

        CaCertsValidationResult result = Validate(files);

        Assert.DoesNotContain(result.Findings, finding => finding.Id == RuleIdentifiers.ChainLinkBroken && finding.Message.Contains("which the chain does not contain", StringComparison.Ordinal));
        AssertHas(result, RuleIdentifiers.RootBundleEntryNotSelfSignedCa, RuleSeverity.Error, "ca.crt#1", IntermediateSubject);
    }

    [Fact]
    public void CertChainStartingWithTheRoot_IsMpki1004OnItsFirstBlock()
    {
        CaCertsFiles files = TwoLevel().With(CaCertsFileNames.CertChain, CaCertsFiles.Concat([StandardRoot, StandardCa]));

        CaCertsValidationResult result = Validate(files);

        AssertSingle(result, RuleIdentifiers.ChainNotOrdered, RuleSeverity.Error, "cert-chain.pem#1", RootSubject);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void CertChainWithoutTheCaCertificate_IsMpki1004OnItsFirstBlock()
    {
        CaCertsFiles files = ThreeLevel().With(CaCertsFileNames.CertChain, CaCertsFiles.Concat([StandardIntermediate, StandardRoot]));

        CaCertsValidationResult result = Validate(files);

        AssertSingle(result, RuleIdentifiers.ChainNotOrdered, RuleSeverity.Error, "cert-chain.pem#1", IntermediateSubject);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void CertChainWithTheRootBeforeTheIntermediate_IsMpki1004OnTheMisplacedBlock()
    {
        CaCertsFiles files = ThreeLevel().With(CaCertsFileNames.CertChain, CaCertsFiles.Concat([StandardCaUnderIntermediate, StandardRoot, StandardIntermediate]));

        CaCertsValidationResult result = Validate(files);

        AssertSingle(result, RuleIdentifiers.ChainNotOrdered, RuleSeverity.Error, "cert-chain.pem#2", RootSubject);
        AssertNo(result, RuleIdentifiers.ChainLinkBroken);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void CertChainInOrder_IsNotMpki1004()
    {
        AssertNo(Validate(TwoLevel()), RuleIdentifiers.ChainNotOrdered);
        AssertNo(Validate(ThreeLevel()), RuleIdentifiers.ChainNotOrdered);
    }

    /// <summary>An intermediate named as if the root issued it, with the root's key identifier, but signed by another key.</summary>
    [Fact]
    public void IntermediateSignedByAnotherKeyWithTheRootsName_IsMpki1005OnTheIntermediate()
    {
        MeshCa forged = MeshCa.Issue(IntermediateSpec with { SigningKey = OtherKey }, StandardRoot);
        MeshCa ca = MeshCa.Issue(CaSpec, forged);

        CaCertsValidationResult result = Validate(ThreeLevel(ca, forged));

        AssertSingle(result, RuleIdentifiers.ChainLinkBroken, RuleSeverity.Error, "cert-chain.pem#2", IntermediateSubject);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void CaCertificateSignedByAnotherKeyWithTheRootsName_IsMpki1005OnTheCaCertificate()
    {
        MeshCa forged = MeshCa.Issue(CaSpec with { SigningKey = OtherKey }, StandardRoot);

        CaCertsValidationResult result = Validate(TwoLevel(forged));

        AssertSingle(result, RuleIdentifiers.ChainLinkBroken, RuleSeverity.Error, "ca-cert.pem#1", CaSubject);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void CertChainMissingTheIntermediate_IsMpki1005OnTheBlockAfterTheGap()
    {
        CaCertsFiles files = ThreeLevel().With(CaCertsFileNames.CertChain, CaCertsFiles.Concat([StandardCaUnderIntermediate, StandardRoot]));

        CaCertsValidationResult result = Validate(files);

        AssertSingle(result, RuleIdentifiers.ChainLinkBroken, RuleSeverity.Error, "cert-chain.pem#2", RootSubject);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void EveryLinkSignedByItsIssuer_IsNotMpki1005()
    {
        AssertNo(Validate(TwoLevel()), RuleIdentifiers.ChainLinkBroken);
        AssertNo(Validate(ThreeLevel()), RuleIdentifiers.ChainLinkBroken);
    }

    [Fact]
    public void ChainEndingAtARootNotInRootCertPem_IsMpki1006()
    {
        MeshCa otherRoot = MeshCa.Root(RootSpec with { CommonName = "Other Root CA", Key = OtherKey });
        CaCertsFiles files = TwoLevel().With(CaCertsFileNames.RootCert, otherRoot.Pem);

        CaCertsValidationResult result = Validate(files);

        AssertSingle(result, RuleIdentifiers.ChainDoesNotReachTrustedRoot, RuleSeverity.Error, "ca-cert.pem#1", CaSubject);
        Assert.False(result.IsValid);
        Assert.Equal([CaSubject], Subjects(result));
    }

    [Fact]
    public void ChainEndingAtARootInRootCertPem_IsNotMpki1006()
    {
        AssertNo(Validate(TwoLevel()), RuleIdentifiers.ChainDoesNotReachTrustedRoot);
    }
}
