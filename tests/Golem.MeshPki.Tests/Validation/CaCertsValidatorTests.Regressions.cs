using System.Security.Cryptography;
using Golem.MeshPki.Packaging;
using Golem.MeshPki.Rules;
using Golem.MeshPki.Tests.TestSupport;
using Golem.MeshPki.Validation;

namespace Golem.MeshPki.Tests.Validation;

/// <summary>
/// Regressions, each named after the bug it pins. One problem is one finding: a root is in both cert-chain.pem and
/// root-cert.pem (CaCertsValidator.Deduplicate says "keep one"), and the loader and the validator both look at the key.
/// </summary>
public sealed partial class CaCertsValidatorTests
{
    private static readonly DateTimeOffset SoonEnd = new(2026, 3, 20, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// CheckExpiryHorizon de-duplicates with DistinctBy(entry => entry.Certificate), but DerCertificate compares by
    /// reference and cert-chain.pem and root-cert.pem are parsed separately: the root was reported twice.
    /// </summary>
    [Fact]
    public void RootExpiringSoon_InCertChainAndRootCert_IsOneMpki1015()
    {
        MeshCa root = MeshCa.Root(RootSpec with { NotAfter = SoonEnd });
        MeshCa ca = MeshCa.Issue(CaSpec with { NotAfter = SoonEnd }, root);

        CaCertsValidationResult result = Validate(TwoLevel(ca, root));

        Assert.Single(result.Findings, finding => finding.Id == RuleIdentifiers.CertificateExpiresSoon && finding.Subject == RootSubject);
        Assert.Single(result.Findings, finding => finding.Id == RuleIdentifiers.CertificateExpiresSoon && finding.Subject == CaSubject);
    }

    /// <summary>
    /// CheckRootBundle reports the expired root (root-cert.pem#1) and the path validation reports the same trust anchor
    /// (cert-chain.pem#2, another message); Deduplicate keys on (Id, Source, Message), so both stayed.
    /// </summary>
    [Fact]
    public void ExpiredRoot_InCertChainAndRootCert_IsOneMpki1007()
    {
        MeshCa root = MeshCa.Root(RootSpec with { NotAfter = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) });
        MeshCa ca = MeshCa.Issue(CaSpec, root);

        CaCertsValidationResult result = Validate(TwoLevel(ca, root));

        Assert.Single(result.Findings, finding => finding.Id == RuleIdentifiers.CertificateOutsideValidity && finding.Subject == RootSubject);
    }

    /// <summary>
    /// The loader reports an encrypted ca-key.pem (MPKI1013, ca-key.pem#1) and CheckPrivateKey reports it again
    /// (MPKI1013, ca-key.pem#1, another message): one problem, two errors.
    /// </summary>
    [Fact]
    public void EncryptedKey_IsOneMpki1013()
    {
        string encrypted = CaKey.ECDsa!.ExportEncryptedPkcs8PrivateKeyPem(
            "changeit", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000)) + "\n";

        CaCertsValidationResult result = Validate(TwoLevel().With(CaCertsFileNames.CaKey, encrypted));

        Finding finding = Assert.Single(result.Findings, finding => finding.Id == RuleIdentifiers.BundleMaterialMissingOrUnreadable);
        Assert.Equal("cacerts/ca-key.pem#1", finding.Source);
    }

    /// <summary>
    /// RFC 5280 4.1.2.5: validity is in whole seconds and notAfter is inclusive, as PathChecks implements (it
    /// truncates the evaluation time to the second). CheckRootBundle compares the raw time, so half a second after
    /// notAfter the root was "expired" (an error) while the chain through it was valid.
    /// </summary>
    [Fact]
    public void RootAtItsNotAfterSecond_IsNotExpired()
    {
        MeshCa root = MeshCa.Root(RootSpec with { NotAfter = SoonEnd });
        MeshCa ca = MeshCa.Issue(CaSpec with { NotAfter = SoonEnd }, root);

        CaCertsValidationResult result = Validate(TwoLevel(ca, root), new CaCertsValidationOptions { ValidationTime = SoonEnd.AddMilliseconds(500) });

        AssertNo(result, RuleIdentifiers.CertificateOutsideValidity);
        Assert.True(result.IsValid);
    }
}
