using Golem.MeshPki.Packaging;
using Golem.MeshPki.Rules;
using Golem.MeshPki.Tests.TestSupport;

namespace Golem.MeshPki.Tests.Packaging;

/// <summary>Which layout istiod uses (pilot/pkg/bootstrap/istio_ca.go, detectSigningCABundle), and MPKI1014.</summary>
public sealed partial class CaCertsBundleTests
{
    [Fact]
    public void BothLayouts_TlsCrtWins_AndMpki1014SaysWhichKeysAreIgnored()
    {
        Dictionary<string, string> files = IstioFiles();
        foreach ((string key, string value) in CertManagerFiles())
        {
            files[key] = value;
        }

        // The Istio files hold another CA: if they were read, the CA certificate would be the second root.
        files["ca-cert.pem"] = CertificatePem(SecondRoot.Der);

        CaCertsBundle bundle = FromFiles(files);

        Assert.Equal(CaCertsLayout.CertManager, bundle.Layout);
        Assert.Equal("mem/tls.crt#1", bundle.CaCertificate!.Source);
        Assert.Equal(Intermediate.Der, bundle.CaCertificate.Certificate.RawData.ToArray());
        Finding finding = Assert.Single(bundle.Findings);
        Assert.Equal(RuleIdentifiers.BothLayoutsPresent, finding.Id);
        Assert.Equal(RuleSeverity.Warning, finding.Severity);
        Assert.Equal("mem", finding.Source);
        Assert.Equal(
            "Bundle 'mem' has keys of both layouts: istiod uses the cert-manager layout (tls.crt, tls.key, ca.crt) because 'tls.crt' is present, and ignores 'ca-cert.pem', 'ca-key.pem', 'cert-chain.pem', 'root-cert.pem'.",
            finding.Message);
    }

    [Fact]
    public void EmptyTlsCrt_StillSelectsTheCertManagerLayout_AsIstiodsStatDoes()
    {
        Dictionary<string, string> files = IstioFiles();
        files["tls.crt"] = string.Empty;

        CaCertsBundle bundle = FromFiles(files);

        Assert.Equal(CaCertsLayout.CertManager, bundle.Layout);
        Assert.Null(bundle.CaCertificate);
        Assert.Contains("istiod uses the cert-manager layout", SingleFinding(bundle, RuleIdentifiers.BothLayoutsPresent).Message, StringComparison.Ordinal);
        Assert.Equal(
            ["mem/tls.crt", "mem/tls.key", "mem/ca.crt"],
            bundle.Findings.Where(f => f.Id == RuleIdentifiers.BundleMaterialMissingOrUnreadable).Select(f => f.Source));
        Assert.Equal(
            "Key 'tls.crt' of bundle 'mem' is empty; it must hold the CA certificate and its intermediates in PEM.",
            bundle.Findings.Single(f => f.Source == "mem/tls.crt").Message);
        AssertWellFormed(bundle);
    }

    [Fact]
    public void IstioLayout_WithStrayCertManagerKeys_IgnoresThemWithMpki1014()
    {
        Dictionary<string, string> files = IstioFiles();
        files["ca.crt"] = CertificatePem(SecondRoot.Der);
        files["tls.key"] = IntermediateKeyPem;

        CaCertsBundle bundle = FromFiles(files);

        Assert.Equal(CaCertsLayout.Istio, bundle.Layout);
        Assert.Equal(Root.Der, Assert.Single(bundle.Roots).Certificate.RawData.ToArray());
        Finding finding = Assert.Single(bundle.Findings);
        Assert.Equal(
            "Bundle 'mem' has keys of both layouts: istiod uses the Istio layout (ca-cert.pem, ca-key.pem, cert-chain.pem, root-cert.pem) because 'tls.crt' is absent, and ignores 'tls.key', 'ca.crt'.",
            finding.Message);
    }

    [Fact]
    public void CertManagerLayout_IgnoresCaCrlPem_AsIstiodLooksForCrlsOnlyInTheIstioLayout()
    {
        Dictionary<string, string> files = CertManagerFiles();
        files["ca-crl.pem"] = CrlPem(CreateCrl());

        CaCertsBundle bundle = FromFiles(files);

        Assert.Empty(bundle.Crls);
        Assert.EndsWith("and ignores 'ca-crl.pem'.", Assert.Single(bundle.Findings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SecretWithBothLayouts_NamesTheSecretInMpki1014()
    {
        Dictionary<string, string> files = CertManagerFiles();
        files["root-cert.pem"] = RootPem;

        CaCertsBundle bundle = CaCertsBundle.FromSecret(ReadSecret(SecretYamlWithData("cacerts", files)));

        Finding finding = SingleFinding(bundle, RuleIdentifiers.BothLayoutsPresent);
        Assert.StartsWith("Secret 'istio-system/cacerts' in 'cacerts.yaml' has keys of both layouts:", finding.Message, StringComparison.Ordinal);
        Assert.Equal("cacerts.yaml:cacerts", finding.Source);
    }

    [Fact]
    public void EmptyDirectory_IsTheIstioLayoutWithEveryFileMissing()
    {
        using var directory = new TempDirectory();

        CaCertsBundle bundle = CaCertsBundle.LoadDirectory(directory.Path);

        Assert.Equal(CaCertsLayout.Istio, bundle.Layout);
        Assert.Null(bundle.CaCertificate);
        Assert.Null(bundle.CaPrivateKey);
        Assert.Empty(bundle.CertificateChain);
        Assert.Empty(bundle.Roots);
        Assert.Equal(
            ["ca-cert.pem", "ca-key.pem", "cert-chain.pem", "root-cert.pem"],
            bundle.Findings.Select(f => f.Source![(directory.Path.Length + 1)..]));
        Assert.All(bundle.Findings, f => Assert.Equal(RuleIdentifiers.BundleMaterialMissingOrUnreadable, f.Id));
        AssertWellFormed(bundle);
    }
}
