namespace Golem.MeshPki.Tests.TestSupport;

/// <summary>
/// Runs the openssl commands of istio's tools/certs Makefiles (istio/istio tools/certs/common.mk and
/// Makefile.selfsigned.mk: <c>make -f Makefile.selfsigned.mk root-ca cluster1-cacerts</c>), so that tests check
/// the bundles operators really make. One implementation for every test that needs such a bundle.
/// </summary>
/// <remarks>
/// The Makefiles use <c>openssl x509 -days</c>, so the validity starts when the test runs (OpenSSL 3.0 has no fixed
/// start for <c>x509 -req</c>): tests take their evaluation time from the certificates. istio's intermediate.conf
/// names no authorityKeyIdentifier; OpenSSL 3 <c>x509 -CA</c> adds it (the root's key id).
/// </remarks>
public static class IstioCertsMakefile
{
    /// <summary>The intermediate's basicConstraints in intermediate.conf.</summary>
    public const string IntermediateBasicConstraints = "critical, CA:true, pathlen:0";

    /// <summary>common.mk, target root-ca.conf (ROOTCA_ORG Istio, ROOTCA_CN Root CA).</summary>
    public const string RootCaConf = """
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
        keyUsage = critical, digitalSignature, nonRepudiation, keyEncipherment, keyCertSign
        [ req_dn ]
        O = Istio
        CN = Root CA

        """;

    /// <summary>common.mk, target %/intermediate.conf for cluster1 (INTERMEDIATE_ORG Istio, INTERMEDIATE_CN Intermediate CA).</summary>
    /// <param name="basicConstraints">The basicConstraints line; another value makes the runbook's mistakes (CA:false).</param>
    /// <returns>The configuration text.</returns>
    public static string IntermediateConf(string basicConstraints = IntermediateBasicConstraints) => $"""
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
    /// root-ca then cluster1-cacerts in <paramref name="work"/>: genrsa, req, x509 -req -signkey for the root (3650 days);
    /// genrsa, req, x509 -req -CA for the intermediate (730 days); cert-chain.pem = ca-cert.pem + root-cert.pem; root-cert.pem
    /// copied in. Returns the cluster1 directory, which also keeps the Makefile's by-products (intermediate.conf, cluster-ca.csr).
    /// </summary>
    /// <param name="work">The directory to run in.</param>
    /// <param name="intermediateBasicConstraints">The intermediate's basicConstraints line.</param>
    /// <param name="keyBits">RSA key size; the Makefiles use 4096, smaller only where the key size does not matter.</param>
    /// <returns>The cluster1 directory.</returns>
    public static string MakeCacerts(TempDirectory work, string intermediateBasicConstraints = IntermediateBasicConstraints, string keyBits = "4096")
    {
        ArgumentNullException.ThrowIfNull(work);
        string dir = work.Path;
        work.Write("root-ca.conf", RootCaConf);
        OpenSslCli.Run(dir, "genrsa", "-out", "root-key.pem", keyBits);
        OpenSslCli.Run(dir, "req", "-sha256", "-new", "-key", "root-key.pem", "-config", "root-ca.conf", "-out", "root-cert.csr");
        OpenSslCli.Run(dir, "x509", "-req", "-sha256", "-days", "3650", "-signkey", "root-key.pem", "-extensions", "req_ext", "-extfile", "root-ca.conf", "-in", "root-cert.csr", "-out", "root-cert.pem");

        string cluster = Path.Join(dir, "cluster1");
        Directory.CreateDirectory(cluster);
        File.WriteAllText(Path.Join(cluster, "intermediate.conf"), IntermediateConf(intermediateBasicConstraints));
        OpenSslCli.Run(dir, "genrsa", "-out", "cluster1/ca-key.pem", keyBits);
        OpenSslCli.Run(dir, "req", "-sha256", "-new", "-config", "cluster1/intermediate.conf", "-key", "cluster1/ca-key.pem", "-out", "cluster1/cluster-ca.csr");
        OpenSslCli.Run(
            dir, "x509", "-req", "-sha256", "-days", "730", "-CA", "root-cert.pem", "-CAkey", "root-key.pem", "-CAcreateserial",
            "-extensions", "req_ext", "-extfile", "cluster1/intermediate.conf", "-in", "cluster1/cluster-ca.csr", "-out", "cluster1/ca-cert.pem");

        // %/cert-chain.pem: cat ca-cert.pem root-cert.pem > cert-chain.pem; cp root-cert.pem cluster1/.
        byte[] chain = [.. File.ReadAllBytes(Path.Join(cluster, "ca-cert.pem")), .. File.ReadAllBytes(Path.Join(dir, "root-cert.pem"))];
        File.WriteAllBytes(Path.Join(cluster, "cert-chain.pem"), chain);
        File.Copy(Path.Join(dir, "root-cert.pem"), Path.Join(cluster, "root-cert.pem"));
        return cluster;
    }
}
