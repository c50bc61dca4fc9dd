using Golem.MeshPki.Packaging;
using Golem.MeshPki.Rules;
using Golem.MeshPki.Tests.TestSupport;
using Golem.MeshPki.Validation;

namespace Golem.MeshPki.Tests.Validation;

/// <summary>
/// Bundles written by the real openssl CLI the way istio's tools/certs Makefiles write them (common.mk:
/// <c>make -f Makefile.selfsigned.mk root-ca cluster1-cacerts</c>), read back with <see cref="CaCertsBundle.LoadDirectory"/>.
/// </summary>
/// <remarks>
/// The evaluation time is taken from the certificates (their notBefore plus one day), explicit and independent of the
/// clock, so the tests never age (see <see cref="IstioCertsMakefile"/>).
/// </remarks>
public sealed partial class CaCertsValidatorTests
{
    private static string MakeIstioCaCerts(TempDirectory directory, string intermediateBasicConstraints = IstioCertsMakefile.IntermediateBasicConstraints, string keyBits = "4096") =>
        IstioCertsMakefile.MakeCacerts(directory, intermediateBasicConstraints, keyBits);

    private static CaCertsValidationOptions OptionsFor(CaCertsBundle bundle) =>
        new() { ValidationTime = bundle.CaCertificate!.Certificate.NotBefore.AddDays(1) };

    [Fact]
    public void OpenSslIstioMakefileBundle_LoadedFromADirectory_IsValidWithoutFindings()
    {
        using var directory = new TempDirectory();
        string cluster = MakeIstioCaCerts(directory);

        // openssl itself accepts the chain: the bundle is what istio's Makefiles produce, not a test artefact.
        Assert.Contains("OK", OpenSslCli.Run(cluster, "verify", "-CAfile", "root-cert.pem", "-untrusted", "cert-chain.pem", "ca-cert.pem"), StringComparison.Ordinal);

        CaCertsBundle bundle = CaCertsBundle.LoadDirectory(cluster);
        CaCertsValidationResult result = Validate(bundle, OptionsFor(bundle));

        Assert.Equal(CaCertsLayout.Istio, bundle.Layout);
        Assert.Equal(4096, bundle.CaCertificate!.Certificate.KeySize);
        Assert.Equal(0, bundle.CaCertificate.Certificate.PathLengthConstraint);
        Assert.Equal(bundle.Roots[0].Certificate.SubjectKeyIdentifier.ToArray(), bundle.CaCertificate.Certificate.AuthorityKeyIdentifier.ToArray());
        AssertNoFindings(result);
        Assert.Equal(["L=cluster1,CN=Intermediate CA,O=Istio", "CN=Root CA,O=Istio"], Subjects(result));
        Assert.Equal(Path.Join(cluster, "ca-cert.pem") + "#1", result.Chain[0].Source);
        Assert.Equal(Path.Join(cluster, "cert-chain.pem") + "#2", result.Chain[1].Source);
    }

    [Fact]
    public void OpenSslIstioMakefileBundle_WithACaFalseIntermediate_IsMpki1002()
    {
        using var directory = new TempDirectory();
        string cluster = MakeIstioCaCerts(directory, "critical, CA:false", keyBits: "2048");

        CaCertsBundle bundle = CaCertsBundle.LoadDirectory(cluster);
        CaCertsValidationResult result = Validate(bundle, OptionsFor(bundle));

        Finding finding = Assert.Single(result.Findings, finding => finding.Id == RuleIdentifiers.SigningCertificateIsNotCa);
        Assert.Equal(RuleSeverity.Error, finding.Severity);
        Assert.Equal(Path.Join(cluster, "ca-cert.pem") + "#1", finding.Source);
        Assert.Equal("L=cluster1,CN=Intermediate CA,O=Istio", finding.Subject);
        Assert.False(result.IsValid);
    }
}
