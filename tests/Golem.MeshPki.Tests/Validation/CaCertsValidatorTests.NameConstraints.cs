using Golem.MeshPki.Rules;
using Golem.MeshPki.Tests.TestCertificates;
using Golem.MeshPki.Tests.TestSupport;
using Golem.MeshPki.Validation;
using BouncyCastleGeneralName = Org.BouncyCastle.Asn1.X509.GeneralName;

namespace Golem.MeshPki.Tests.Validation;

/// <summary>MPKI1017: name constraints must let the CA sign spiffe://&lt;trust domain&gt;/ns/.../sa/... URIs.</summary>
public sealed partial class CaCertsValidatorTests
{
    private static BouncyCastleGeneralName Uri(string host) => new(BouncyCastleGeneralName.UniformResourceIdentifier, host);

    private static MeshCa IntermediateWithUriConstraints(string[]? permitted, string[]? excluded) => MeshCa.Issue(
        IntermediateSpec with { ExtraExtensions = [TestExtensions.NameConstraints(permitted?.Select(Uri), excluded?.Select(Uri))] },
        StandardRoot);

    private static CaCertsFiles ThreeLevelUnder(MeshCa intermediate) => ThreeLevel(MeshCa.Issue(CaSpec, intermediate), intermediate);

    [Fact]
    public void PermittedUriOtherDomain_IsMpki1017OnTheIntermediate()
    {
        CaCertsValidationResult result = Validate(ThreeLevelUnder(IntermediateWithUriConstraints(["other.domain"], null)));

        Finding finding = AssertSingle(result, RuleIdentifiers.NameConstraintsRejectTrustDomain, RuleSeverity.Error, "cert-chain.pem#2", IntermediateSubject);
        Assert.Contains("spiffe://cluster.local/", finding.Message, StringComparison.Ordinal);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void PermittedUriClusterLocal_IsValid()
    {
        AssertNoFindings(Validate(ThreeLevelUnder(IntermediateWithUriConstraints(["cluster.local"], null))));
    }

    [Fact]
    public void PermittedUriClusterLocalAmongOthers_IsValid()
    {
        AssertNoFindings(Validate(ThreeLevelUnder(IntermediateWithUriConstraints(["other.domain", "cluster.local"], null))));
    }

    [Fact]
    public void ExcludedUriClusterLocal_IsMpki1017OnTheIntermediate()
    {
        CaCertsValidationResult result = Validate(ThreeLevelUnder(IntermediateWithUriConstraints(null, ["cluster.local"])));

        AssertSingle(result, RuleIdentifiers.NameConstraintsRejectTrustDomain, RuleSeverity.Error, "cert-chain.pem#2", IntermediateSubject);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void ExcludedUriOtherDomain_IsValid()
    {
        AssertNoFindings(Validate(ThreeLevelUnder(IntermediateWithUriConstraints(null, ["other.domain"]))));
    }

    /// <summary>RFC 5280 4.2.1.10: a URI constraint starting with a period matches every host below it.</summary>
    [Fact]
    public void PermittedUriSubtreeDotLocal_IsValid()
    {
        AssertNoFindings(Validate(ThreeLevelUnder(IntermediateWithUriConstraints([".local"], null))));
    }

    [Fact]
    public void PermittedUriClusterLocal_IsMpki1017ForTheTrustDomainOption()
    {
        CaCertsFiles files = ThreeLevelUnder(IntermediateWithUriConstraints(["cluster.local"], null));

        CaCertsValidationResult result = Validate(files, new CaCertsValidationOptions { ValidationTime = Now, TrustDomain = "mesh.golem-bank.example" });

        Finding finding = AssertSingle(result, RuleIdentifiers.NameConstraintsRejectTrustDomain, RuleSeverity.Error, "cert-chain.pem#2", IntermediateSubject);
        Assert.Contains("spiffe://mesh.golem-bank.example/", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PermittedUriOtherDomain_IsValidForThatTrustDomain()
    {
        CaCertsFiles files = ThreeLevelUnder(IntermediateWithUriConstraints(["other.domain"], null));

        AssertNoFindings(Validate(files, new CaCertsValidationOptions { ValidationTime = Now, TrustDomain = "other.domain" }));
    }

    [Fact]
    public void PermittedUriOnTheCaCertificateItself_IsMpki1017OnTheCaCertificate()
    {
        MeshCa ca = MeshCa.Issue(CaSpec with { ExtraExtensions = [TestExtensions.NameConstraints([Uri("other.domain")], null)] }, StandardRoot);

        CaCertsValidationResult result = Validate(TwoLevel(ca));

        AssertSingle(result, RuleIdentifiers.NameConstraintsRejectTrustDomain, RuleSeverity.Error, "ca-cert.pem#1", CaSubject);
    }

    [Fact]
    public void DnsConstraintsOnly_AreNotMpki1017()
    {
        MeshCa intermediate = MeshCa.Issue(
            IntermediateSpec with { ExtraExtensions = [TestExtensions.NameConstraints([new BouncyCastleGeneralName(BouncyCastleGeneralName.DnsName, "golem-bank.example")], null)] },
            StandardRoot);

        AssertNo(Validate(ThreeLevelUnder(intermediate)), RuleIdentifiers.NameConstraintsRejectTrustDomain);
    }
}
