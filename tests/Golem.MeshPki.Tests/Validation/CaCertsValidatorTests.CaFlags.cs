using System.Security.Cryptography.X509Certificates;
using Golem.MeshPki.Rules;
using Golem.MeshPki.Tests.TestCertificates;
using Golem.MeshPki.Tests.TestSupport;
using Golem.MeshPki.Validation;

namespace Golem.MeshPki.Tests.Validation;

/// <summary>MPKI1002 (not a CA), MPKI1003 (no keyCertSign), MPKI1008 (pathLenConstraint with the workload certificate).</summary>
public sealed partial class CaCertsValidatorTests
{
    /// <summary>
    /// The runbook's mistake 2 (DOMAIN.md): a cert-manager Certificate with isCA: true issued through Vault's
    /// sign/&lt;role&gt; comes back as a leaf: CA:FALSE, digitalSignature and keyEncipherment, server and client auth.
    /// </summary>
    [Fact]
    public void VaultSignRoleResult_CaFalse_IsMpki1002OnTheCaCertificate()
    {
        MeshCa leafLike = MeshCa.Issue(
            CaSpec with
            {
                IsCertificateAuthority = false,
                KeyUsage = X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment,
                ExtraExtensions = [TestExtensions.ExtendedKeyUsage(TestExtensions.ServerAuth, TestExtensions.ClientAuth)],
            },
            StandardRoot);

        CaCertsValidationResult result = Validate(TwoLevel(leafLike));

        AssertSingle(result, RuleIdentifiers.SigningCertificateIsNotCa, RuleSeverity.Error, "ca-cert.pem#1", CaSubject);
        AssertSingle(result, RuleIdentifiers.SigningCertificateLacksKeyCertSign, RuleSeverity.Error, "ca-cert.pem#1", CaSubject);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void CaCertificateWithoutBasicConstraints_IsMpki1002()
    {
        MeshCa ca = MeshCa.Issue(CaSpec with { HasBasicConstraints = false }, StandardRoot);

        CaCertsValidationResult result = Validate(TwoLevel(ca));

        AssertSingle(result, RuleIdentifiers.SigningCertificateIsNotCa, RuleSeverity.Error, "ca-cert.pem#1", CaSubject);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void IntermediateWithoutBasicConstraints_IsMpki1002OnTheChainEntry()
    {
        MeshCa intermediate = MeshCa.Issue(IntermediateSpec with { HasBasicConstraints = false }, StandardRoot);
        MeshCa ca = MeshCa.Issue(CaSpec, intermediate);

        CaCertsValidationResult result = Validate(ThreeLevel(ca, intermediate));

        AssertSingle(result, RuleIdentifiers.SigningCertificateIsNotCa, RuleSeverity.Error, "cert-chain.pem#2", IntermediateSubject);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void IntermediateWithCaFalse_IsMpki1002OnTheChainEntry()
    {
        MeshCa intermediate = MeshCa.Issue(IntermediateSpec with { IsCertificateAuthority = false }, StandardRoot);
        MeshCa ca = MeshCa.Issue(CaSpec, intermediate);

        CaCertsValidationResult result = Validate(ThreeLevel(ca, intermediate));

        AssertSingle(result, RuleIdentifiers.SigningCertificateIsNotCa, RuleSeverity.Error, "cert-chain.pem#2", IntermediateSubject);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void CaTrueEverywhere_IsNotMpki1002()
    {
        AssertNo(Validate(TwoLevel()), RuleIdentifiers.SigningCertificateIsNotCa);
        AssertNo(Validate(ThreeLevel()), RuleIdentifiers.SigningCertificateIsNotCa);
    }

    [Fact]
    public void CaCertificateKeyUsageWithoutKeyCertSign_IsMpki1003()
    {
        MeshCa ca = MeshCa.Issue(CaSpec with { KeyUsage = X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.CrlSign }, StandardRoot);

        CaCertsValidationResult result = Validate(TwoLevel(ca));

        AssertSingle(result, RuleIdentifiers.SigningCertificateLacksKeyCertSign, RuleSeverity.Error, "ca-cert.pem#1", CaSubject);
        AssertNo(result, RuleIdentifiers.SigningCertificateIsNotCa);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void IntermediateKeyUsageWithoutKeyCertSign_IsMpki1003OnTheChainEntry()
    {
        MeshCa intermediate = MeshCa.Issue(IntermediateSpec with { KeyUsage = X509KeyUsageFlags.CrlSign }, StandardRoot);
        MeshCa ca = MeshCa.Issue(CaSpec, intermediate);

        CaCertsValidationResult result = Validate(ThreeLevel(ca, intermediate));

        AssertSingle(result, RuleIdentifiers.SigningCertificateLacksKeyCertSign, RuleSeverity.Error, "cert-chain.pem#2", IntermediateSubject);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void KeyUsageWithKeyCertSign_OrNoKeyUsage_IsNotMpki1003()
    {
        MeshCa withoutKeyUsage = MeshCa.Issue(CaSpec with { KeyUsage = null }, StandardRoot);

        AssertNo(Validate(TwoLevel()), RuleIdentifiers.SigningCertificateLacksKeyCertSign);
        AssertNo(Validate(TwoLevel(withoutKeyUsage)), RuleIdentifiers.SigningCertificateLacksKeyCertSign);
    }

    /// <summary>
    /// The CA certificate signs workload certificates, so it is an intermediate of every workload path: a root
    /// with pathlen:0 directly above it forbids every workload certificate.
    /// </summary>
    [Fact]
    public void RootPathLengthZeroAboveTheCaCertificate_IsMpki1008OnTheRoot()
    {
        MeshCa root = MeshCa.Root(RootSpec with { PathLength = 0 });
        MeshCa ca = MeshCa.Issue(CaSpec, root);

        CaCertsValidationResult result = Validate(TwoLevel(ca, root));

        AssertSingle(result, RuleIdentifiers.PathLengthConstraintViolated, RuleSeverity.Error, "cert-chain.pem#2", RootSubject);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void RootPathLengthOneAboveTheCaCertificate_IsValid()
    {
        MeshCa root = MeshCa.Root(RootSpec with { PathLength = 1 });
        MeshCa ca = MeshCa.Issue(CaSpec, root);

        AssertNoFindings(Validate(TwoLevel(ca, root)));
    }

    [Fact]
    public void CaCertificateWithPathLengthZero_IsValid()
    {
        MeshCa ca = MeshCa.Issue(CaSpec with { PathLength = 0 }, StandardRoot);

        AssertNoFindings(Validate(TwoLevel(ca)));
    }

    [Theory]
    [InlineData(null, 0, "cert-chain.pem#2", IntermediateSubject)]
    [InlineData(1, null, "cert-chain.pem#3", RootSubject)]
    [InlineData(0, null, "cert-chain.pem#3", RootSubject)]
    public void ThreeLevels_PathLengthThatLeavesNoRoomForTheCaCertificate_IsMpki1008(int? rootPathLength, int? intermediatePathLength, string source, string subject)
    {
        MeshCa root = MeshCa.Root(RootSpec with { PathLength = rootPathLength });
        MeshCa intermediate = MeshCa.Issue(IntermediateSpec with { PathLength = intermediatePathLength }, root);
        MeshCa ca = MeshCa.Issue(CaSpec, intermediate);

        CaCertsValidationResult result = Validate(ThreeLevel(ca, intermediate, root));

        AssertSingle(result, RuleIdentifiers.PathLengthConstraintViolated, RuleSeverity.Error, source, subject);
        Assert.False(result.IsValid);
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(null, 1)]
    [InlineData(2, null)]
    public void ThreeLevels_PathLengthsThatAllowTheCaCertificate_AreValid(int? rootPathLength, int? intermediatePathLength)
    {
        MeshCa root = MeshCa.Root(RootSpec with { PathLength = rootPathLength });
        MeshCa intermediate = MeshCa.Issue(IntermediateSpec with { PathLength = intermediatePathLength }, root);
        MeshCa ca = MeshCa.Issue(CaSpec with { PathLength = 0 }, intermediate);

        AssertNoFindings(Validate(ThreeLevel(ca, intermediate, root)));
    }
}
