using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Golem.MeshPki.Packaging;
using Golem.MeshPki.Rules;
using Golem.MeshPki.Tests.TestCertificates;

namespace Golem.MeshPki.Tests.Packaging;

/// <summary>ca-crl.pem: kept as DER with its source; istiod parses every block of it as a CRL.</summary>
public sealed partial class CaCertsBundleTests
{
    private static readonly DateTimeOffset CrlThisUpdate = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void CaCrlPem_EveryCrlIsKeptWithItsSource()
    {
        byte[] rootCrl = CreateCrl();
        byte[] intermediateCrl = CreateCrl(issuer: Intermediate, ecdsa: TestKeys.P256.ECDsa!);
        Dictionary<string, string> files = IstioFiles();
        files["ca-crl.pem"] = CrlPem(rootCrl) + CrlPem(intermediateCrl);

        CaCertsBundle bundle = FromFiles(files);

        Assert.Empty(bundle.Findings);
        Assert.Equal([rootCrl, intermediateCrl], bundle.Crls.Select(crl => crl.Data.ToArray()));
        Assert.Equal(["mem/ca-crl.pem#1", "mem/ca-crl.pem#2"], bundle.Crls.Select(crl => crl.Source));
        Assert.All(bundle.Crls, crl => Assert.Equal("ca-crl.pem", crl.Key));
        Assert.Equal([1, 2], bundle.Crls.Select(crl => crl.BlockIndex));
        Assert.Equal(1, bundle.Crls[0].Line);
        Assert.Equal($"mem/ca-crl.pem#1 (X509 CRL, {rootCrl.Length} bytes)", bundle.Crls[0].ToString());
    }

    [Fact]
    public void EmptyCaCrlPem_MeansNoCrl()
    {
        // keycertbundle.go: a CRL is verified only when the file has bytes.
        Dictionary<string, string> files = IstioFiles();
        files["ca-crl.pem"] = string.Empty;

        CaCertsBundle bundle = FromFiles(files);

        Assert.Empty(bundle.Findings);
        Assert.Empty(bundle.Crls);
    }

    [Fact]
    public void CaCrlPem_WithACertificateBlock_IsAnError()
    {
        Dictionary<string, string> files = IstioFiles();
        files["ca-crl.pem"] = CrlPem(CreateCrl()) + RootPem;

        CaCertsBundle bundle = FromFiles(files);

        Assert.Single(bundle.Crls);
        Finding finding = SingleFinding(bundle, RuleIdentifiers.BundleMaterialMissingOrUnreadable);
        Assert.Equal(RuleSeverity.Error, finding.Severity);
        Assert.Equal("mem/ca-crl.pem#2", finding.Source);
        Assert.Equal(
            $"Block 2 of key 'ca-crl.pem' of bundle 'mem' is a 'CERTIFICATE' block at line {LineCount(CrlPem(CreateCrl())) + 1}, not an 'X509 CRL'; istiod fails to load a CRL file with other blocks.",
            finding.Message);
    }

    /// <summary>A CRL signed by the root (or <paramref name="issuer"/>), revoking one serial, with fixed dates.</summary>
    private static byte[] CreateCrl(TestCertificate? issuer = null, ECDsa? ecdsa = null)
    {
        var builder = new CertificateRevocationListBuilder();
        builder.AddEntry([0x0A, 0x0B], CrlThisUpdate.AddDays(-1), X509RevocationReason.KeyCompromise);
        using X509Certificate2 certificate = (issuer ?? Root).ToX509Certificate2();
        using X509Certificate2 withKey = ecdsa is null ? certificate.CopyWithPrivateKey(TestKeys.Rsa2048.Rsa!) : certificate.CopyWithPrivateKey(ecdsa);
        return builder.Build(withKey, BigInteger.One, CrlThisUpdate.AddDays(30), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, CrlThisUpdate);
    }

    private static string CrlPem(byte[] der) => PemEncoding.WriteString("X509 CRL", der) + "\n";

    /// <summary>The number of lines of a text that ends with a newline.</summary>
    private static int LineCount(string text) => text.Count(c => c == '\n');
}
