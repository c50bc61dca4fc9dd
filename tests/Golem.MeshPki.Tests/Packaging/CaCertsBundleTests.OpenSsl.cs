using Golem.MeshPki.Certificates;
using Golem.MeshPki.Packaging;
using Golem.MeshPki.Tests.TestSupport;

namespace Golem.MeshPki.Tests.Packaging;

/// <summary>
/// A bundle made with the openssl CLI exactly as istio's tools/certs Makefiles make it
/// (istio/istio tools/certs/common.mk and Makefile.selfsigned.mk: <c>make -f Makefile.selfsigned.mk root-ca</c>
/// then <c>cluster1-cacerts</c>), read as a directory and as the Secret <c>kubectl create secret generic
/// cacerts --from-file=...</c> makes of it.
/// </summary>
public sealed partial class CaCertsBundleTests : IClassFixture<CaCertsBundleTests.OpenSslCacerts>
{
    private readonly OpenSslCacerts _openSsl;

    public CaCertsBundleTests(OpenSslCacerts openSsl) => _openSsl = openSsl;

    [Fact]
    public void BundleMadeByIstiosCertsMakefilesWithOpenSsl_ReadsWithoutFindings()
    {
        string cluster = _openSsl.Cluster;

        CaCertsBundle bundle = CaCertsBundle.LoadDirectory(cluster);

        Assert.Empty(bundle.Findings);
        Assert.Equal(CaCertsLayout.Istio, bundle.Layout);
        DerCertificate caCertificate = bundle.CaCertificate!.Certificate;
        Assert.Equal("L=cluster1,CN=Intermediate CA,O=Istio", caCertificate.Subject.ToString());
        Assert.Equal("CN=Root CA,O=Istio", caCertificate.Issuer.ToString());
        Assert.True(caCertificate.IsCertificateAuthority);
        Assert.Equal(0, caCertificate.PathLengthConstraint);
        Assert.Equal(4096, caCertificate.KeySize);

        // cert-chain.pem is `cat ca-cert.pem root-cert.pem`; root-cert.pem is copied in.
        Assert.Equal([cluster + "/cert-chain.pem#1", cluster + "/cert-chain.pem#2"], bundle.CertificateChain.Select(c => c.Source));
        Assert.Equal(caCertificate.RawData.ToArray(), bundle.CertificateChain[0].Certificate.RawData.ToArray());
        DerCertificate root = Assert.Single(bundle.Roots).Certificate;
        Assert.Equal(root.RawData.ToArray(), bundle.CertificateChain[1].Certificate.RawData.ToArray());
        Assert.True(root.IsSelfIssued);
        Assert.True(root.IsCertificateAuthority);
        Assert.Null(root.PathLengthConstraint);

        // openssl 3 `genrsa` writes PKCS #8 ("PRIVATE KEY").
        CaPrivateKey key = bundle.CaPrivateKey!;
        Assert.Equal(PublicKeyAlgorithm.Rsa, key.Algorithm);
        Assert.Equal(KeyMatch.Matches, key.MatchesCertificate(caCertificate));
        Assert.Equal(KeyMatch.DoesNotMatch, key.MatchesCertificate(root));
        AssertNoKeyMaterial(bundle, File.ReadAllText(Path.Join(cluster, "ca-key.pem")));
    }

    [Fact]
    public void BundleMadeByIstiosCertsMakefiles_ReadsTheSameAsTheSecretKubectlMakesOfIt()
    {
        string cluster = _openSsl.Cluster;
        string[] keys = ["ca-cert.pem", "ca-key.pem", "root-cert.pem", "cert-chain.pem"];
        Dictionary<string, string> files = keys.ToDictionary(key => key, key => File.ReadAllText(Path.Join(cluster, key)), StringComparer.Ordinal);

        CaCertsBundle fromDirectory = CaCertsBundle.LoadDirectory(cluster);
        CaCertsBundle fromSecret = CaCertsBundle.FromSecret(ReadSecret(SecretYamlWithData("cacerts", files)));

        Assert.Empty(fromSecret.Findings);
        Assert.Equal(
            fromDirectory.CertificateChain.Concat(fromDirectory.Roots).Select(c => (c.Key, c.BlockIndex, c.Line, Convert.ToHexString(c.Certificate.RawData.Span))),
            fromSecret.CertificateChain.Concat(fromSecret.Roots).Select(c => (c.Key, c.BlockIndex, c.Line, Convert.ToHexString(c.Certificate.RawData.Span))));
        Assert.Equal(KeyMatch.Matches, fromSecret.CaPrivateKey!.MatchesCertificate(fromDirectory.CaCertificate!.Certificate));
    }

    private static string MakeCacertsWithOpenSsl(TempDirectory work)
    {
        string cluster = IstioCertsMakefile.MakeCacerts(work);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(Path.Join(cluster, "ca-key.pem")), StringComparison.Ordinal);
        Assert.Contains("Intermediate CA", OpenSslCli.Run(work.Path, "x509", "-in", "cluster1/ca-cert.pem", "-noout", "-subject"), StringComparison.Ordinal);
        return cluster;
    }

    /// <summary>The openssl-made bundle, made once for the tests that use it (4096-bit keys take seconds) and deleted after them.</summary>
    public sealed class OpenSslCacerts : IDisposable
    {
        private readonly TempDirectory _work = new();
        private readonly Lazy<string> _cluster;

        public OpenSslCacerts() => _cluster = new Lazy<string>(() => MakeCacertsWithOpenSsl(_work));

        /// <summary>The cluster1 directory; made on first use.</summary>
        public string Cluster => _cluster.Value;

        /// <inheritdoc />
        public void Dispose() => _work.Dispose();
    }
}
