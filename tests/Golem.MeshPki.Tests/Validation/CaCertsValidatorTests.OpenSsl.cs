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
/// The Makefiles use <c>openssl x509 -days</c>, so the validity starts when the test runs (OpenSSL 3.0 has no fixed
/// start for <c>x509 -req</c>); the evaluation time is therefore taken from the certificates (their notBefore plus one
/// day), explicit and independent of the clock, so the tests never age.
/// </remarks>
public sealed partial class CaCertsValidatorTests
{
    private const string RootCaConf = """
        [ req ]
        encrypt_key = no
        prompt = no
        utf8 = yes
        default_md = sha256
        default_bits = 4096
        req_extensions = req_ext
        x509_extensions = req_ext
        distinguished_name = req_dn
        [ req_ext ]
        subjectKeyIdentifier = hash
        basicConstraints = critical, CA:true
        keyUsage = critical, keyCertSign, cRLSign
        [ req_dn ]
        O = Istio
        CN = Root CA
        """;

    private static string IntermediateConf(string basicConstraints) => $"""
        [ req ]
        encrypt_key = no
        prompt = no
        utf8 = yes
        default_md = sha256
        default_bits = 4096
        req_extensions = req_ext
        x509_extensions = req_ext
        distinguished_name = req_dn
        [ req_ext ]
        subjectKeyIdentifier = hash
        basicConstraints = {basicConstraints}
        keyUsage = critical, digitalSignature, nonRepudiation, keyEncipherment, keyCertSign
        subjectAltName=@san
        [ san ]
        DNS.1 = istiod.istio-system.svc
        [ req_dn ]
        O = Istio
        CN = Intermediate CA
        L = cluster1
        """;

    /// <summary>
    /// root-ca then cluster1-cacerts, as common.mk does: genrsa, req, x509 -req -signkey for the root; genrsa, req,
    /// x509 -req -CA for the intermediate; cert-chain.pem = ca-cert.pem + root-cert.pem. Returns the cluster1 directory.
    /// istio's intermediate.conf names no authorityKeyIdentifier: OpenSSL 3 <c>x509 -CA</c> adds it (keyid of the root).
    /// The Makefiles use 4096-bit keys; <paramref name="keyBits"/> is smaller only where the key size does not matter.
    /// </summary>
    private static string MakeIstioCaCerts(TempDirectory directory, string intermediateBasicConstraints = "critical, CA:true, pathlen:0", string keyBits = "4096")
    {
        string root = directory.Path;
        File.WriteAllText(directory.File("root-ca.conf"), RootCaConf + "\n");
        OpenSslCli.Run(root, "genrsa", "-out", "root-key.pem", keyBits);
        OpenSslCli.Run(root, "req", "-sha256", "-new", "-key", "root-key.pem", "-config", "root-ca.conf", "-out", "root-cert.csr");
        OpenSslCli.Run(root, "x509", "-req", "-sha256", "-days", "3650", "-signkey", "root-key.pem", "-extensions", "req_ext", "-extfile", "root-ca.conf", "-in", "root-cert.csr", "-out", "root-cert.pem");

        string cluster = Directory.CreateDirectory(directory.File("cluster1")).FullName;
        File.WriteAllText(Path.Join(cluster, "intermediate.conf"), IntermediateConf(intermediateBasicConstraints) + "\n");
        OpenSslCli.Run(cluster, "genrsa", "-out", "ca-key.pem", keyBits);
        OpenSslCli.Run(cluster, "req", "-sha256", "-new", "-config", "intermediate.conf", "-key", "ca-key.pem", "-out", "cluster-ca.csr");
        OpenSslCli.Run(cluster, "x509", "-req", "-sha256", "-days", "730", "-CA", "../root-cert.pem", "-CAkey", "../root-key.pem", "-CAcreateserial",
            "-extensions", "req_ext", "-extfile", "intermediate.conf", "-in", "cluster-ca.csr", "-out", "ca-cert.pem");
        File.Copy(directory.File("root-cert.pem"), Path.Join(cluster, "root-cert.pem"));
        File.WriteAllText(Path.Join(cluster, "cert-chain.pem"), File.ReadAllText(Path.Join(cluster, "ca-cert.pem")) + File.ReadAllText(directory.File("root-cert.pem")));

        // Only the four cacerts files stay, as `kubectl create secret generic cacerts --from-file=...` takes them.
        File.Delete(Path.Join(cluster, "intermediate.conf"));
        File.Delete(Path.Join(cluster, "cluster-ca.csr"));
        return cluster;
    }

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
