using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Golem.MeshPki.Cli.Tests.TestSupport;

namespace Golem.MeshPki.Cli.Tests.Commands;

/// <summary>The CA key never appears in any output, and certificate text cannot drive the terminal.</summary>
public sealed partial class VerifyCommandTests
{
    [Fact]
    public void Private_key_appears_in_no_output_human_or_json_success_or_failure()
    {
        using var temp = new TempDirectory();
        var runs = new List<CliRun>();
        int index = 0;
        string Directory(Dictionary<string, string> files)
        {
            string path = Path.Join(temp.Path, (index++).ToString(System.Globalization.CultureInfo.InvariantCulture));
            System.IO.Directory.CreateDirectory(path);
            foreach ((string name, string content) in files)
            {
                File.WriteAllText(Path.Join(path, name), content);
            }

            return path;
        }

        Dictionary<string, string> noRoot = _pki.IstioFiles();
        noRoot.Remove("root-cert.pem");
        Dictionary<string, string> keyInChain = _pki.IstioFiles();
        keyInChain["cert-chain.pem"] = _pki.CaCertPem + _pki.CaKeyPem + _pki.RootCertPem;
        Dictionary<string, string> keyAsCertificate = _pki.IstioFiles();
        keyAsCertificate["ca-cert.pem"] = _pki.CaKeyPem;
        Dictionary<string, string> twoKeys = _pki.IstioFiles(caKey: _pki.CaKeyPem + _pki.OtherKeyPem);
        Dictionary<string, string> truncatedKey = _pki.IstioFiles(caKey: _pki.CaKeyPem[..(_pki.CaKeyPem.Length / 2)] + "\n-----END PRIVATE KEY-----\n");
        string[] paths =
        [
            Directory(_pki.IstioFiles()),
            Directory(_pki.IstioFiles(caCert: _pki.NonCaCertPem)),
            Directory(_pki.IstioFiles(caKey: _pki.OtherKeyPem)),
            Directory(noRoot),
            Directory(keyInChain),
            Directory(keyAsCertificate),
            Directory(twoKeys),
            Directory(truncatedKey),
            Directory(_pki.CertManagerFiles()),
            temp.Write("cacerts.yaml", OpenSslCaCerts.SecretYaml(_pki.IstioFiles())),
            temp.Write("bad.yaml", OpenSslCaCerts.SecretYaml(keyAsCertificate)),
            temp.Write("ca-key.pem", _pki.CaKeyPem),
        ];
        foreach (string path in paths)
        {
            runs.Add(Verify(path));
            runs.Add(Verify(path, "--json"));
            runs.Add(Verify(path, "--json", "--at", "2031-01-01T00:00:00Z", "--root-fingerprint", new string('c', 64)));
        }

        byte[] manifest = CliRun.Utf8(OpenSslCaCerts.SecretYaml(keyAsCertificate));
        runs.Add(CliRun.WithStdin(manifest, "verify", "-"));
        runs.Add(CliRun.WithStdin(manifest, "verify", "-", "--json"));
        runs.Add(CliRun.WithStdin(CliRun.Utf8(OpenSslCaCerts.SecretYaml(_pki.IstioFiles(), "a") + "---\n" + OpenSslCaCerts.SecretYaml(_pki.IstioFiles(), "b")), "verify", "-"));

        Assert.Contains(runs, run => run.ExitCode == 0);
        Assert.Contains(runs, run => run.ExitCode == 1);
        Assert.Contains(runs, run => run.ExitCode == 2);

        // The PEM body line by line, and the key file as a Secret's data value holds it (base64 of the PEM text).
        string secretValue = Convert.ToBase64String(Encoding.UTF8.GetBytes(_pki.CaKeyPem));
        string[] forbidden =
        [
            .. _pki.CaKeyBase64Lines.Where(line => line.Length >= 32),
            .. Enumerable.Range(0, (secretValue.Length - 40) / 48).Select(i => secretValue.Substring((i * 48) + 40, 48)),
        ];
        Assert.True(forbidden.Length >= 40, "The key's body should give many lines to look for.");
        foreach (CliRun run in runs)
        {
            foreach (string secret in forbidden)
            {
                Assert.False(run.AllOutput.Contains(secret, StringComparison.Ordinal), "The CA key appeared in the output:\n" + run.AllOutput);
            }
        }
    }

    [Fact]
    public void Terminal_controls_in_a_subject_are_escaped_in_the_human_report()
    {
        using RSA key = RSA.Create(2048);
        var request = new CertificateRequest(new X500DistinguishedName("CN=Evil\u001b[2J\u202eRoot"), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using X509Certificate2 root = request.CreateSelfSigned(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2035, 1, 1, 0, 0, 0, TimeSpan.Zero));
        string pem = root.ExportCertificatePem() + "\n";
        using var temp = new TempDirectory();
        string directory = OpenSslCaCerts.WriteDirectory(temp, new Dictionary<string, string>
        {
            ["ca-cert.pem"] = pem,
            ["ca-key.pem"] = key.ExportPkcs8PrivateKeyPem() + "\n",
            ["cert-chain.pem"] = pem,
            ["root-cert.pem"] = pem,
        });

        CliRun run = Verify(directory);

        Assert.DoesNotContain('\u001b', run.AllOutput);
        Assert.DoesNotContain('\u202e', run.AllOutput);
        Assert.Contains("CN=Evil", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("[2J", run.Stdout, StringComparison.Ordinal);

        // A self-signed CA certificate is its own root: one entry in the chain, not two.
        Assert.Single(Json(Verify(directory, "--json")).GetProperty("chain").EnumerateArray());
    }
}
