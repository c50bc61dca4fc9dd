using Golem.MeshPki.Rules;
using Golem.MeshPki.Tests.TestSupport;
using Golem.MeshPki.Validation;

namespace Golem.MeshPki.Tests.Validation;

/// <summary>MPKI1007 (outside validity), MPKI1011 (outlives its issuer), MPKI1015 (expires within the horizon).</summary>
public sealed partial class CaCertsValidatorTests
{
    [Fact]
    public void IntermediateExpiredAtTheEvaluationTime_IsMpki1007OnTheChainEntry()
    {
        MeshCa intermediate = MeshCa.Issue(IntermediateSpec with { NotAfter = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) }, StandardRoot);
        MeshCa ca = MeshCa.Issue(CaSpec with { NotAfter = new(2025, 12, 1, 0, 0, 0, TimeSpan.Zero) }, intermediate);

        CaCertsValidationResult result = Validate(ThreeLevel(ca, intermediate));

        AssertHas(result, RuleIdentifiers.CertificateOutsideValidity, RuleSeverity.Error, "cert-chain.pem#2", IntermediateSubject);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void IntermediateValidAtTheEvaluationTime_IsNotMpki1007()
    {
        MeshCa intermediate = MeshCa.Issue(IntermediateSpec with { NotAfter = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) }, StandardRoot);
        MeshCa ca = MeshCa.Issue(CaSpec with { NotAfter = new(2025, 12, 1, 0, 0, 0, TimeSpan.Zero) }, intermediate);

        CaCertsValidationResult result = Validate(ThreeLevel(ca, intermediate), new CaCertsValidationOptions { ValidationTime = new(2025, 7, 1, 0, 0, 0, TimeSpan.Zero) });

        AssertNoFindings(result);
    }

    [Fact]
    public void CaCertificateNotYetValid_IsMpki1007OnTheCaCertificate()
    {
        CaCertsValidationResult result = Validate(TwoLevel(), new CaCertsValidationOptions { ValidationTime = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero) });

        AssertSingle(result, RuleIdentifiers.CertificateOutsideValidity, RuleSeverity.Error, "ca-cert.pem#1", CaSubject);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void ExpiredRootInTheRootBundle_IsMpki1007OnTheRootBundleEntry()
    {
        DateTimeOffset rootEnd = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        MeshCa root = MeshCa.Root(RootSpec with { NotAfter = rootEnd });
        MeshCa ca = MeshCa.Issue(CaSpec, root);

        CaCertsValidationResult result = Validate(TwoLevel(ca, root));

        AssertHas(result, RuleIdentifiers.CertificateOutsideValidity, RuleSeverity.Error, "root-cert.pem#1", RootSubject);
        Assert.All(result.Findings.Where(finding => finding.Id == RuleIdentifiers.CertificateOutsideValidity), finding => Assert.Equal(RootSubject, finding.Subject));
        Assert.False(result.IsValid);
    }

    [Fact]
    public void ExpiredSecondRootInTheRootBundle_IsMpki1007OnlyForIt()
    {
        MeshCa oldRoot = MeshCa.Root(RootSpec with { CommonName = "Golem Old Root CA", Key = OtherKey, NotAfter = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) });
        CaCertsFiles files = TwoLevel().With(Golem.MeshPki.Packaging.CaCertsFileNames.RootCert, CaCertsFiles.Concat([StandardRoot, oldRoot]));

        CaCertsValidationResult result = Validate(files);

        AssertSingle(result, RuleIdentifiers.CertificateOutsideValidity, RuleSeverity.Error, "root-cert.pem#2", "CN=Golem Old Root CA,O=Golem Bank");
        Assert.False(result.IsValid);
    }

    [Fact]
    public void EveryCertificateValid_IsNotMpki1007()
    {
        AssertNo(Validate(ThreeLevel()), RuleIdentifiers.CertificateOutsideValidity);
    }

    [Fact]
    public void IntermediateOutlivingItsRoot_IsMpki1011WarningAndValid()
    {
        MeshCa intermediate = MeshCa.Issue(IntermediateSpec with { NotAfter = new(2036, 1, 1, 0, 0, 0, TimeSpan.Zero) }, StandardRoot);
        MeshCa ca = MeshCa.Issue(CaSpec, intermediate);

        CaCertsValidationResult result = Validate(ThreeLevel(ca, intermediate));

        Finding finding = AssertSingle(result, RuleIdentifiers.CertificateOutlivesIssuer, RuleSeverity.Warning, "cert-chain.pem#2", IntermediateSubject);
        Assert.Contains("2036-01-01T00:00:00Z", finding.Message, StringComparison.Ordinal);
        Assert.Contains("2035-01-01T00:00:00Z", finding.Message, StringComparison.Ordinal);
        Assert.Single(result.Findings);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void CaCertificateOutlivingItsIssuer_IsMpki1011OnTheCaCertificate()
    {
        MeshCa ca = MeshCa.Issue(CaSpec with { NotAfter = new(2031, 1, 1, 0, 0, 0, TimeSpan.Zero) }, StandardIntermediate);

        CaCertsValidationResult result = Validate(ThreeLevel(ca));

        AssertSingle(result, RuleIdentifiers.CertificateOutlivesIssuer, RuleSeverity.Warning, "ca-cert.pem#1", CaSubject);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void CertificateEndingWithItsIssuer_IsNotMpki1011()
    {
        MeshCa intermediate = MeshCa.Issue(IntermediateSpec with { NotAfter = Golem.MeshPki.Tests.TestCertificates.CertificateSpec.DefaultNotAfter }, StandardRoot);
        MeshCa ca = MeshCa.Issue(CaSpec, intermediate);

        AssertNoFindings(Validate(ThreeLevel(ca, intermediate)));
    }

    [Fact]
    public void CaCertificateExpiringWithin30Days_IsMpki1015Warning()
    {
        // 2026-03-01 + 20 days.
        MeshCa ca = MeshCa.Issue(CaSpec with { NotAfter = new(2026, 3, 21, 0, 0, 0, TimeSpan.Zero) }, StandardRoot);

        CaCertsValidationResult result = Validate(TwoLevel(ca));

        Finding finding = AssertSingle(result, RuleIdentifiers.CertificateExpiresSoon, RuleSeverity.Warning, "ca-cert.pem#1", CaSubject);
        Assert.Contains("2026-03-21T00:00:00Z", finding.Message, StringComparison.Ordinal);
        Assert.Single(result.Findings);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void IntermediateExpiringWithin30Days_IsMpki1015OnTheChainEntry()
    {
        MeshCa intermediate = MeshCa.Issue(IntermediateSpec with { NotAfter = new(2026, 3, 25, 0, 0, 0, TimeSpan.Zero) }, StandardRoot);
        MeshCa ca = MeshCa.Issue(CaSpec with { NotAfter = new(2026, 3, 25, 0, 0, 0, TimeSpan.Zero) }, intermediate);

        CaCertsValidationResult result = Validate(ThreeLevel(ca, intermediate));

        AssertHas(result, RuleIdentifiers.CertificateExpiresSoon, RuleSeverity.Warning, "cert-chain.pem#2", IntermediateSubject);
        AssertHas(result, RuleIdentifiers.CertificateExpiresSoon, RuleSeverity.Warning, "ca-cert.pem#1", CaSubject);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void CaCertificateExpiringIn40Days_IsNotMpki1015ByDefault_ButIsWithinA60DayHorizon()
    {
        MeshCa ca = MeshCa.Issue(CaSpec with { NotAfter = new(2026, 4, 10, 0, 0, 0, TimeSpan.Zero) }, StandardRoot);

        CaCertsValidationResult byDefault = Validate(TwoLevel(ca));
        CaCertsValidationResult wider = Validate(TwoLevel(ca), new CaCertsValidationOptions { ValidationTime = Now, ExpiryWarningHorizon = TimeSpan.FromDays(60) });

        AssertNoFindings(byDefault);
        AssertSingle(wider, RuleIdentifiers.CertificateExpiresSoon, RuleSeverity.Warning, "ca-cert.pem#1", CaSubject);
        Assert.True(wider.IsValid);
    }

    [Fact]
    public void CaCertificateExpiringIn20Days_IsNotMpki1015WithinA10DayHorizon()
    {
        MeshCa ca = MeshCa.Issue(CaSpec with { NotAfter = new(2026, 3, 21, 0, 0, 0, TimeSpan.Zero) }, StandardRoot);

        CaCertsValidationResult result = Validate(TwoLevel(ca), new CaCertsValidationOptions { ValidationTime = Now, ExpiryWarningHorizon = TimeSpan.FromDays(10) });

        AssertNoFindings(result);
    }

    [Fact]
    public void ExpiredCaCertificate_IsMpki1007NotMpki1015()
    {
        MeshCa ca = MeshCa.Issue(CaSpec with { NotAfter = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero) }, StandardRoot);

        CaCertsValidationResult result = Validate(TwoLevel(ca));

        AssertSingle(result, RuleIdentifiers.CertificateOutsideValidity, RuleSeverity.Error, "ca-cert.pem#1", CaSubject);
        AssertNo(result, RuleIdentifiers.CertificateExpiresSoon);
    }
}
