using Golem.MeshPki.Rules;
using Golem.MeshPki.Tests.TestCertificates;
using Golem.MeshPki.Tests.TestSupport;
using Golem.MeshPki.Validation;

namespace Golem.MeshPki.Tests.Validation;

/// <summary>MPKI1012 (weak keys and signatures), MPKI1016 (unprocessed critical extensions).</summary>
public sealed partial class CaCertsValidatorTests
{
    private static readonly Lazy<TestKey> LazyRsa1024 = new(() => TestKey.CreateRsa(1024));

    [Fact]
    public void Rsa1024Intermediate_IsMpki1012OnTheChainEntry()
    {
        MeshCa intermediate = MeshCa.Issue(IntermediateSpec with { Key = LazyRsa1024.Value }, StandardRoot);
        MeshCa ca = MeshCa.Issue(CaSpec, intermediate);

        CaCertsValidationResult result = Validate(ThreeLevel(ca, intermediate));

        Finding finding = AssertSingle(result, RuleIdentifiers.WeakCryptography, RuleSeverity.Error, "cert-chain.pem#2", IntermediateSubject);
        Assert.Contains("1024", finding.Message, StringComparison.Ordinal);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Rsa2048Intermediate_IsNotMpki1012()
    {
        MeshCa intermediate = MeshCa.Issue(IntermediateSpec with { Key = TestKeys.Rsa2048 }, StandardRoot);
        MeshCa ca = MeshCa.Issue(CaSpec, intermediate);

        AssertNoFindings(Validate(ThreeLevel(ca, intermediate)));
    }

    [Fact]
    public void CaCertificateSignedWithSha1_IsMpki1012OnTheCaCertificate()
    {
        MeshCa root = MeshCa.Root(RootSpec with { Key = TestKeys.Rsa2048 });
        MeshCa ca = MeshCa.Issue(CaSpec with { SignatureAlgorithm = "SHA1WITHRSA" }, root);

        CaCertsValidationResult result = Validate(TwoLevel(ca, root));

        Finding finding = AssertSingle(result, RuleIdentifiers.WeakCryptography, RuleSeverity.Error, "ca-cert.pem#1", CaSubject);
        Assert.Contains("SHA-1", finding.Message, StringComparison.Ordinal);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void CaCertificateSignedWithSha1_IsNotMpki1012WhenThePolicyAllowsIt()
    {
        MeshCa root = MeshCa.Root(RootSpec with { Key = TestKeys.Rsa2048 });
        MeshCa ca = MeshCa.Issue(CaSpec with { SignatureAlgorithm = "SHA1WITHRSA" }, root);

        CaCertsValidationResult result = Validate(
            TwoLevel(ca, root),
            new CaCertsValidationOptions { ValidationTime = Now, Policy = new ChainValidationPolicy { AllowSha1Signatures = true } });

        AssertNoFindings(result);
    }

    [Fact]
    public void CaCertificateSignedWithSha256_IsNotMpki1012()
    {
        MeshCa root = MeshCa.Root(RootSpec with { Key = TestKeys.Rsa2048 });
        MeshCa ca = MeshCa.Issue(CaSpec with { SignatureAlgorithm = "SHA256WITHRSA" }, root);

        AssertNoFindings(Validate(TwoLevel(ca, root)));
    }

    [Fact]
    public void UnknownCriticalExtensionOnTheIntermediate_IsMpki1016OnTheChainEntry()
    {
        MeshCa intermediate = MeshCa.Issue(
            IntermediateSpec with { ExtraExtensions = [TestExtensions.Raw(TestExtensions.PrivateArc + ".1016", Der.Utf8("bank policy"), critical: true)] },
            StandardRoot);
        MeshCa ca = MeshCa.Issue(CaSpec, intermediate);

        CaCertsValidationResult result = Validate(ThreeLevel(ca, intermediate));

        AssertSingle(result, RuleIdentifiers.UnprocessedCriticalExtension, RuleSeverity.Error, "cert-chain.pem#2", IntermediateSubject);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void UnknownNonCriticalExtensionOnTheIntermediate_IsNotMpki1016()
    {
        MeshCa intermediate = MeshCa.Issue(
            IntermediateSpec with { ExtraExtensions = [TestExtensions.Raw(TestExtensions.PrivateArc + ".1016", Der.Utf8("bank policy"), critical: false)] },
            StandardRoot);
        MeshCa ca = MeshCa.Issue(CaSpec, intermediate);

        AssertNoFindings(Validate(ThreeLevel(ca, intermediate)));
    }
}
