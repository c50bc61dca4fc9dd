namespace Golem.MeshPki.Cli.Tests.TestSupport;

/// <summary>
/// A plugged-in CA made with the openssl CLI the way istio's tools/certs Makefiles make one (Makefile.selfsigned.mk,
/// common.mk): a self-signed root with CA:TRUE and keyCertSign, an intermediate with basicConstraints critical
/// CA:TRUE, pathlen:0 and keyCertSign, signed by the root. Validity windows are fixed (openssl ca -startdate/-enddate)
/// so that the tests do not age: root 2025-01-01..2035-01-01, intermediate 2025-01-01..2030-01-01. Also the
/// runbook's mistake 2, the same intermediate key issued as CA:FALSE (Vault sign/&lt;role&gt; ignores isCA: true),
/// and a stray key for key-mismatch cases. Made once per test class (RSA key generation is slow).
/// </summary>
public sealed class OpenSslCaCerts : IDisposable
{
    /// <summary>The intermediate's (the CA certificate's) notAfter.</summary>
    public static readonly DateTimeOffset IntermediateNotAfter = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const string Config = """
        [ ca ]
        default_ca = CA_default
        [ CA_default ]
        dir = .
        database = $dir/index.txt
        new_certs_dir = $dir/newcerts
        serial = $dir/serial
        default_md = sha256
        policy = policy_any
        unique_subject = no
        email_in_dn = no
        [ policy_any ]
        organizationName = optional
        commonName = supplied
        # istio tools/certs root-ca.conf
        [ root_ext ]
        basicConstraints = critical, CA:true
        keyUsage = critical, digitalSignature, nonRepudiation, keyEncipherment, keyCertSign
        subjectKeyIdentifier = hash
        # istio tools/certs intermediate.conf
        [ intermediate_ext ]
        basicConstraints = critical, CA:true, pathlen:0
        keyUsage = critical, digitalSignature, nonRepudiation, keyEncipherment, keyCertSign
        subjectKeyIdentifier = hash
        authorityKeyIdentifier = keyid:always
        subjectAltName = DNS:istiod.istio-system.svc
        # Vault pki/sign/<role>: a leaf profile whatever the CSR asks for
        [ role_ext ]
        basicConstraints = critical, CA:false
        keyUsage = critical, digitalSignature, keyEncipherment
        subjectKeyIdentifier = hash
        authorityKeyIdentifier = keyid:always
        """;

    private readonly TempDirectory _directory = new();

    /// <summary>Makes the PKI with openssl.</summary>
    public OpenSslCaCerts()
    {
        string dir = _directory.Path;
        Directory.CreateDirectory(Path.Join(dir, "newcerts"));
        _directory.Write("ca.conf", Config.Replace("dir = .", "dir = " + dir, StringComparison.Ordinal) + "\n");
        _directory.Write("index.txt", string.Empty);
        _directory.Write("serial", "1000\n");
        string config = Path.Join(dir, "ca.conf");

        OpenSslCli.Run("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", Path.Join(dir, "root-key.pem"),
            "-subj", "/O=Istio/CN=Root CA", "-out", Path.Join(dir, "root.csr"));
        OpenSslCli.Run("ca", "-batch", "-config", config, "-selfsign", "-keyfile", Path.Join(dir, "root-key.pem"),
            "-in", Path.Join(dir, "root.csr"), "-out", Path.Join(dir, "root-cert.pem"), "-notext",
            "-startdate", "20250101000000Z", "-enddate", "20350101000000Z", "-extensions", "root_ext");

        OpenSslCli.Run("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", Path.Join(dir, "ca-key.pem"),
            "-subj", "/O=Istio/CN=Intermediate CA", "-out", Path.Join(dir, "ca.csr"));
        Sign("ca.csr", "ca-cert.pem", "intermediate_ext");
        Sign("ca.csr", "non-ca-cert.pem", "role_ext");

        OpenSslCli.Run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", Path.Join(dir, "other-key.pem"));

        RootCertPem = File.ReadAllText(Path.Join(dir, "root-cert.pem"));
        CaCertPem = File.ReadAllText(Path.Join(dir, "ca-cert.pem"));
        CaKeyPem = File.ReadAllText(Path.Join(dir, "ca-key.pem"));
        NonCaCertPem = File.ReadAllText(Path.Join(dir, "non-ca-cert.pem"));
        OtherKeyPem = File.ReadAllText(Path.Join(dir, "other-key.pem"));

        // "sha256 Fingerprint=AB:CD:..." (openssl 3) or "SHA256 Fingerprint=..." (1.1).
        RootFingerprint = OpenSslCli.Run("x509", "-in", Path.Join(dir, "root-cert.pem"), "-noout", "-fingerprint", "-sha256").Split('=')[1].Trim();

        void Sign(string csr, string output, string extensions) =>
            OpenSslCli.Run("ca", "-batch", "-config", config, "-cert", Path.Join(dir, "root-cert.pem"), "-keyfile", Path.Join(dir, "root-key.pem"),
                "-in", Path.Join(dir, csr), "-out", Path.Join(dir, output), "-notext",
                "-startdate", "20250101000000Z", "-enddate", "20300101000000Z", "-extensions", extensions);
    }

    /// <summary>root-cert.pem.</summary>
    public string RootCertPem { get; }

    /// <summary>ca-cert.pem: the intermediate, a CA with pathlen 0.</summary>
    public string CaCertPem { get; }

    /// <summary>ca-key.pem: the intermediate's key, unencrypted PKCS #8.</summary>
    public string CaKeyPem { get; }

    /// <summary>The intermediate's key issued as CA:FALSE, as Vault's sign/&lt;role&gt; does (runbook mistake 2).</summary>
    public string NonCaCertPem { get; }

    /// <summary>An RSA key that belongs to no certificate.</summary>
    public string OtherKeyPem { get; }

    /// <summary>cert-chain.pem: the intermediate, then the root.</summary>
    public string CertChainPem => CaCertPem + RootCertPem;

    /// <summary>The root's SHA-256 fingerprint as openssl prints it: upper-case hex with colons.</summary>
    public string RootFingerprint { get; }

    /// <summary>The base64 lines of the CA key's PEM body, which no output may contain.</summary>
    public IReadOnlyList<string> CaKeyBase64Lines => [.. CaKeyPem.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith("-----", StringComparison.Ordinal))];

    /// <summary>The files of istio's layout, as tools/certs writes them into cluster1/.</summary>
    /// <param name="caCert">ca-cert.pem (and the first block of cert-chain.pem).</param>
    /// <param name="caKey">ca-key.pem.</param>
    /// <returns>The files by name.</returns>
    public Dictionary<string, string> IstioFiles(string? caCert = null, string? caKey = null) => new(StringComparer.Ordinal)
    {
        ["ca-cert.pem"] = caCert ?? CaCertPem,
        ["ca-key.pem"] = caKey ?? CaKeyPem,
        ["cert-chain.pem"] = (caCert ?? CaCertPem) + RootCertPem,
        ["root-cert.pem"] = RootCertPem,
    };

    /// <summary>The files of a kubernetes.io/tls Secret as cert-manager writes it.</summary>
    /// <returns>The files by name.</returns>
    public Dictionary<string, string> CertManagerFiles() => new(StringComparer.Ordinal)
    {
        ["tls.crt"] = CaCertPem,
        ["tls.key"] = CaKeyPem,
        ["ca.crt"] = RootCertPem,
    };

    /// <summary>Writes <paramref name="files"/> into a new directory <c>cacerts</c> under <paramref name="parent"/>.</summary>
    /// <param name="parent">Where to create it.</param>
    /// <param name="files">The files by name.</param>
    /// <returns>The directory's path.</returns>
    internal static string WriteDirectory(TempDirectory parent, IReadOnlyDictionary<string, string> files)
    {
        string directory = Path.Join(parent.Path, "cacerts");
        Directory.CreateDirectory(directory);
        foreach ((string name, string content) in files)
        {
            File.WriteAllText(Path.Join(directory, name), content);
        }

        return directory;
    }

    /// <summary>The Secret manifest <c>kubectl get secret NAME -n istio-system -o yaml</c> prints for <paramref name="files"/>.</summary>
    /// <param name="files">The data keys and values.</param>
    /// <param name="name">metadata.name.</param>
    /// <returns>The YAML.</returns>
    public static string SecretYaml(IReadOnlyDictionary<string, string> files, string name = "cacerts") =>
        SecretManifests.Yaml(name, [.. files.Select(file => (file.Key, file.Value))]);

    /// <inheritdoc />
    public void Dispose() => _directory.Dispose();
}
