using Golem.MeshPki.Packaging;
using Golem.MeshPki.Rules;
using Golem.MeshPki.Tests.TestSupport;
using Golem.MeshPki.Validation;

namespace Golem.MeshPki.Tests.Validation;

/// <summary>MPKI1009 (root bundle entries), MPKI1010 (pinned roots), MPKI1018 (several roots).</summary>
public sealed partial class CaCertsValidatorTests
{
    [Fact]
    public void IntermediateInRootCertPem_IsMpki1009OnThatEntry()
    {
        CaCertsFiles files = ThreeLevel().With(CaCertsFileNames.RootCert, CaCertsFiles.Concat([StandardRoot, StandardIntermediate]));

        CaCertsValidationResult result = Validate(files);

        AssertSingle(result, RuleIdentifiers.RootBundleEntryNotSelfSignedCa, RuleSeverity.Error, "root-cert.pem#2", IntermediateSubject);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void SelfSignedNonCaInRootCertPem_IsMpki1009OnThatEntry()
    {
        MeshCa selfSignedLeaf = MeshCa.Root(RootSpec with { CommonName = "Not A CA", Key = OtherKey, IsCertificateAuthority = false, KeyUsage = null });
        CaCertsFiles files = TwoLevel().With(CaCertsFileNames.RootCert, CaCertsFiles.Concat([StandardRoot, selfSignedLeaf]));

        CaCertsValidationResult result = Validate(files);

        AssertSingle(result, RuleIdentifiers.RootBundleEntryNotSelfSignedCa, RuleSeverity.Error, "root-cert.pem#2", "CN=Not A CA,O=Golem Bank");
        Assert.False(result.IsValid);
    }

    [Fact]
    public void SelfSignedCaRoots_AreNotMpki1009()
    {
        AssertNo(Validate(TwoLevel()), RuleIdentifiers.RootBundleEntryNotSelfSignedCa);
    }

    [Theory]
    [InlineData("lower")]
    [InlineData("upper")]
    [InlineData("colons")]
    [InlineData("colons lower")]
    [InlineData("spaces around")]
    public void PinnedFingerprintOfTheRoot_InAnyForm_IsNotMpki1010(string form)
    {
        string hex = StandardRoot.Sha256Fingerprint;
        string pin = form switch
        {
            "lower" => hex.ToLowerInvariant(),
            "upper" => hex,
            "colons" => string.Join(':', hex.Chunk(2).Select(pair => new string(pair))),
            "colons lower" => string.Join(':', hex.Chunk(2).Select(pair => new string(pair))).ToLowerInvariant(),
            _ => "  " + hex + " ",
        };
        MeshCa otherRoot = MeshCa.Root(RootSpec with { CommonName = "Other Root CA", Key = OtherKey });

        CaCertsValidationResult result = Validate(TwoLevel(), new CaCertsValidationOptions { ValidationTime = Now, PinnedRootFingerprints = [otherRoot.Sha256Fingerprint, pin] });

        AssertNoFindings(result);
    }

    [Fact]
    public void PinnedFingerprintsOfOtherRoots_IsMpki1010OnTheRoot()
    {
        MeshCa otherRoot = MeshCa.Root(RootSpec with { CommonName = "Other Root CA", Key = OtherKey });

        CaCertsValidationResult result = Validate(TwoLevel(), new CaCertsValidationOptions { ValidationTime = Now, PinnedRootFingerprints = [otherRoot.Sha256Fingerprint] });

        Finding finding = AssertSingle(result, RuleIdentifiers.RootNotPinned, RuleSeverity.Error, "cert-chain.pem#2", RootSubject);
        Assert.Contains(StandardRoot.Sha256Fingerprint.ToLowerInvariant(), finding.Message, StringComparison.Ordinal);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void UnpinnedSecondRootInTheBundle_IsMpki1010OnThatEntry_EvenThoughTheChainEndsAtThePinnedRoot()
    {
        // Every root of root-cert.pem is distributed to and trusted by every workload, used by this chain or not.
        MeshCa strayRoot = MeshCa.Root(RootSpec with { CommonName = "Stray Root CA", Key = OtherKey });
        CaCertsFiles files = TwoLevel().With(CaCertsFileNames.RootCert, CaCertsFiles.Concat([StandardRoot, strayRoot]));

        CaCertsValidationResult result = Validate(files, new CaCertsValidationOptions { ValidationTime = Now, PinnedRootFingerprints = [StandardRoot.Sha256Fingerprint] });

        Finding finding = AssertSingle(result, RuleIdentifiers.RootNotPinned, RuleSeverity.Error, "root-cert.pem#2", strayRoot.Subject);
        Assert.Contains("not pinned", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoPinnedFingerprints_IsNotMpki1010()
    {
        AssertNo(Validate(TwoLevel(), new CaCertsValidationOptions { ValidationTime = Now, PinnedRootFingerprints = [] }), RuleIdentifiers.RootNotPinned);
    }

    [Fact]
    public void TwoRootsInRootCertPem_IsMpki1018InformationAndValid()
    {
        MeshCa newRoot = MeshCa.Root(RootSpec with { CommonName = "Golem Root CA 2", Key = OtherKey });
        CaCertsFiles files = TwoLevel().With(CaCertsFileNames.RootCert, CaCertsFiles.Concat([StandardRoot, newRoot]));

        CaCertsValidationResult result = Validate(files);

        Finding finding = AssertSingle(result, RuleIdentifiers.SeveralRootsInBundle, RuleSeverity.Info, "root-cert.pem#1", null);
        Assert.Contains(RootSubject, finding.Message, StringComparison.Ordinal);
        Assert.Contains("CN=Golem Root CA 2,O=Golem Bank", finding.Message, StringComparison.Ordinal);
        Assert.Single(result.Findings);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void OneRoot_IsNotMpki1018()
    {
        AssertNo(Validate(TwoLevel()), RuleIdentifiers.SeveralRootsInBundle);
    }
}
