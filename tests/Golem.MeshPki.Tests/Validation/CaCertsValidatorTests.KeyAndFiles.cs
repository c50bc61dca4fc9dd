using System.Security.Cryptography;
using Golem.MeshPki.Packaging;
using Golem.MeshPki.Rules;
using Golem.MeshPki.Tests.TestSupport;
using Golem.MeshPki.Validation;

namespace Golem.MeshPki.Tests.Validation;

/// <summary>MPKI1001 (key), MPKI1013 (missing or unreadable material), MPKI1014 (both layouts).</summary>
public sealed partial class CaCertsValidatorTests
{
    [Fact]
    public void KeyOfAnotherCertificate_IsMpki1001OnTheKeyFile()
    {
        CaCertsValidationResult result = Validate(TwoLevel().With(CaCertsFileNames.CaKey, MeshCa.KeyPem(OtherKey)));

        AssertSingle(result, RuleIdentifiers.CaKeyDoesNotMatchCertificate, RuleSeverity.Error, "ca-key.pem#1", CaSubject);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void KeyOfTheCaCertificate_IsNotMpki1001()
    {
        CaCertsValidationResult result = Validate(TwoLevel().With(CaCertsFileNames.CaKey, MeshCa.KeyPem(CaKey)));

        AssertNo(result, RuleIdentifiers.CaKeyDoesNotMatchCertificate);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void EncryptedKey_IsMpki1013OnTheKeyFile()
    {
        string encrypted = CaKey.ECDsa!.ExportEncryptedPkcs8PrivateKeyPem(
            "changeit", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000)) + "\n";

        CaCertsValidationResult result = Validate(TwoLevel().With(CaCertsFileNames.CaKey, encrypted));

        // Reported by the loader (no subject) and again by the validator (with the CA subject): see
        // EncryptedKey_IsOneMpki1013 for the duplicate. Both name the key file.
        Finding[] findings = result.Findings.Where(finding => finding.Id == RuleIdentifiers.BundleMaterialMissingOrUnreadable).ToArray();
        Assert.NotEmpty(findings);
        Assert.All(findings, finding =>
        {
            Assert.True(finding.Subject is null or CaSubject, finding.Subject);
            AssertFinding(finding, RuleIdentifiers.BundleMaterialMissingOrUnreadable, RuleSeverity.Error, "ca-key.pem#1", finding.Subject);
            Assert.Contains("encrypted", finding.Message, StringComparison.Ordinal);
        });
        AssertNo(result, RuleIdentifiers.CaKeyDoesNotMatchCertificate);
        Assert.False(result.IsValid);
    }

    [Theory]
    [InlineData(CaCertsFileNames.CaKey)]
    [InlineData(CaCertsFileNames.CertChain)]
    [InlineData(CaCertsFileNames.RootCert)]
    public void MissingFile_IsMpki1013OnThatFile(string file)
    {
        CaCertsValidationResult result = Validate(TwoLevel().Without(file));

        AssertSingle(result, RuleIdentifiers.BundleMaterialMissingOrUnreadable, RuleSeverity.Error, file, null);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void MissingCaCertificate_IsMpki1013AndTheChainIsEmpty()
    {
        CaCertsValidationResult result = Validate(TwoLevel().Without(CaCertsFileNames.CaCert));

        AssertSingle(result, RuleIdentifiers.BundleMaterialMissingOrUnreadable, RuleSeverity.Error, CaCertsFileNames.CaCert, null);
        Assert.Empty(result.Chain);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void MissingCertManagerRoot_IsMpki1013OnCaCrt()
    {
        CaCertsValidationResult result = Validate(CaCertsFiles.CertManager(StandardCa, [], StandardRoot).Without(CaCertsFileNames.CaCrt));

        AssertSingle(result, RuleIdentifiers.BundleMaterialMissingOrUnreadable, RuleSeverity.Error, CaCertsFileNames.CaCrt, null);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void CompleteBundle_HasNoMpki1013()
    {
        CaCertsValidationResult result = Validate(TwoLevel());

        AssertNo(result, RuleIdentifiers.BundleMaterialMissingOrUnreadable);
    }

    [Fact]
    public void IstioLayoutWithALeftoverTlsKey_IsMpki1014WarningAndValid()
    {
        CaCertsValidationResult result = Validate(TwoLevel().With(CaCertsFileNames.TlsKey, MeshCa.KeyPem(CaKey)));

        Assert.Equal(CaCertsLayout.Istio, result.Bundle.Layout);
        AssertSingle(result, RuleIdentifiers.BothLayoutsPresent, RuleSeverity.Warning, string.Empty, null);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void CertManagerLayoutWithLeftoverIstioKeys_IsMpki1014WarningAndUsesTlsCrt()
    {
        CaCertsFiles files = CaCertsFiles.CertManager(StandardCa, [], StandardRoot)
            .With(CaCertsFileNames.CaCert, StandardCa.Pem)
            .With(CaCertsFileNames.RootCert, StandardRoot.Pem);

        CaCertsValidationResult result = Validate(files);

        Assert.Equal(CaCertsLayout.CertManager, result.Bundle.Layout);
        Finding finding = Assert.Single(result.Findings);
        Assert.Equal(RuleIdentifiers.BothLayoutsPresent, finding.Id);
        Assert.Equal(RuleSeverity.Warning, finding.Severity);
        Assert.Equal(CaCertsFiles.SourceName, finding.Source);
        Assert.Null(finding.Subject);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void OneLayout_HasNoMpki1014()
    {
        AssertNo(Validate(TwoLevel()), RuleIdentifiers.BothLayoutsPresent);
        AssertNo(Validate(CaCertsFiles.CertManager(StandardCa, [], StandardRoot)), RuleIdentifiers.BothLayoutsPresent);
    }
}
