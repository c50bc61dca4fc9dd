using System.Security.Cryptography;
using System.Text.Json;
using Golem.MeshPki.Cli.Tests.TestSupport;
using Org.BouncyCastle.Crypto;

namespace Golem.MeshPki.Cli.Tests.Commands;

public sealed partial class InspectCommandTests
{
    private static readonly PbeParameters KeyEncryption = new(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000);

    public static TheoryData<string, string> MatchingKeyEncodings => new()
    {
        { "PKCS #8 EC", "pkcs8-ec" },
        { "SEC 1 EC", "sec1-ec" },
        { "PKCS #8 RSA", "pkcs8-rsa" },
        { "PKCS #1 RSA", "pkcs1-rsa" },
    };

    [Theory]
    [MemberData(nameof(MatchingKeyEncodings))]
    public void Private_key_is_matched_to_its_certificate(string description, string encoding)
    {
        (string certificatePem, string keyPem, string algorithm) = encoding switch
        {
            "pkcs8-ec" => (Pki.Leaf.ExportCertificatePem(), Pki.LeafKey.ExportPkcs8PrivateKeyPem(), "EC"),
            "sec1-ec" => (Pki.Leaf.ExportCertificatePem(), Pki.LeafKey.ExportECPrivateKeyPem(), "EC"),
            "pkcs8-rsa" => (Pki.Root.ExportCertificatePem(), Pki.RootKey.ExportPkcs8PrivateKeyPem(), "RSA"),
            _ => (Pki.Root.ExportCertificatePem(), Pki.RootKey.ExportRSAPrivateKeyPem(), "RSA"),
        };
        using var directory = new TempDirectory();

        // The key comes first and the matching certificate second, after an unrelated one.
        string path = directory.Write("bundle.pem", keyPem + "\n" + Pki.Intermediate.ExportCertificatePem() + "\n" + certificatePem + "\n");

        JsonElement key = Assert.Single(InspectJson(path).GetProperty("privateKeys").EnumerateArray());

        Assert.True(algorithm == key.GetProperty("keyAlgorithm").GetString(), description);
        Assert.Equal(path + "#0", key.GetProperty("source").GetString());
        Assert.Equal(path + "#1", key.GetProperty("matchesCertificate").GetString());
    }

    [Theory]
    [InlineData("Ed25519", "Ed25519")]
    [InlineData("Ed448", "1.3.101.113")]
    public void EdDsa_private_key_is_matched_to_its_certificate(string algorithm, string jsonName)
    {
        Func<AsymmetricCipherKeyPair> generate = algorithm == "Ed25519" ? BouncyCastleCertificates.Ed25519Keys : BouncyCastleCertificates.Ed448Keys;
        AsymmetricCipherKeyPair keys = generate();
        string other = BouncyCastleCertificates.CertificatePem(BouncyCastleCertificates.SelfSigned("CN=Other", generate(), algorithm));
        string certificate = BouncyCastleCertificates.CertificatePem(BouncyCastleCertificates.SelfSigned("CN=EdDSA Root", keys, algorithm));
        using var directory = new TempDirectory();

        // The key first, then a certificate with another key of the same algorithm, then its own.
        string path = directory.Write("bundle.pem", BouncyCastleCertificates.Pkcs8Pem(keys.Private) + "\n" + other + "\n" + certificate + "\n");

        JsonElement json = InspectJson(path);

        JsonElement key = Assert.Single(json.GetProperty("privateKeys").EnumerateArray());
        Assert.Equal(jsonName, key.GetProperty("keyAlgorithm").GetString());
        Assert.Equal(path + "#1", key.GetProperty("matchesCertificate").GetString());
        Assert.All(json.GetProperty("certificates").EnumerateArray(), cert => Assert.True(cert.GetProperty("selfSigned").GetBoolean()));
    }

    [Theory]
    [InlineData("OPENSSH PRIVATE KEY", "unknown", "OpenSSH")]
    [InlineData("DSA PRIVATE KEY", "1.2.840.10040.4.1", "DSA")]
    public void Private_key_blocks_meshpki_does_not_read_are_named_but_not_matched(string label, string jsonName, string textName)
    {
        using var directory = new TempDirectory();
        string path = directory.Write("id.pem", new string(PemEncoding.Write(label, new byte[48])) + "\n");

        CliRun json = CliRun.Of("inspect", path, "--json");
        CliRun human = CliRun.Of("inspect", path);

        Assert.Equal(0, json.ExitCode);
        using JsonDocument document = JsonDocument.Parse(json.Stdout);
        JsonElement key = Assert.Single(document.RootElement.GetProperty("privateKeys").EnumerateArray());
        Assert.Equal(jsonName, key.GetProperty("keyAlgorithm").GetString());
        Assert.Equal(JsonValueKind.Null, key.GetProperty("matchesCertificate").ValueKind);
        Assert.Contains($"  {path}#0  {textName}  not matched: ", human.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Private_key_in_another_file_is_matched_to_the_certificate()
    {
        using var directory = new TempDirectory();
        string certificate = directory.Write("tls.crt", Pki.Leaf.ExportCertificatePem());
        string key = directory.Write("tls.key", Pki.LeafKey.ExportPkcs8PrivateKeyPem());

        JsonElement json = InspectJson(certificate, key);

        Assert.Equal(certificate + "#0", json.GetProperty("privateKeys")[0].GetProperty("matchesCertificate").GetString());
    }

    [Fact]
    public void Private_key_without_its_certificate_matches_null()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("bundle.pem", Pki.Leaf.ExportCertificatePem() + "\n" + Pki.ExpiredLeafKey.ExportPkcs8PrivateKeyPem());

        CliRun json = CliRun.Of("inspect", path, "--json");
        CliRun human = CliRun.Of("inspect", path);

        Assert.Equal(0, json.ExitCode);
        using JsonDocument document = JsonDocument.Parse(json.Stdout);
        JsonElement key = Assert.Single(document.RootElement.GetProperty("privateKeys").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, key.GetProperty("matchesCertificate").ValueKind);
        Assert.Contains($"  {path}#0  EC  matches no certificate", human.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 certificate, 1 private key, 0 errors", human.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Encrypted_private_key_is_listed_as_encrypted_and_not_matched()
    {
        using var directory = new TempDirectory();
        string path = directory.Write(
            "bundle.pem",
            Pki.Leaf.ExportCertificatePem() + "\n" + Pki.LeafKey.ExportEncryptedPkcs8PrivateKeyPem("changeit", KeyEncryption));

        CliRun run = CliRun.Of("inspect", path, "--json");
        CliRun human = CliRun.Of("inspect", path);

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        JsonElement key = Assert.Single(json.RootElement.GetProperty("privateKeys").EnumerateArray());
        Assert.Equal("encrypted", key.GetProperty("keyAlgorithm").GetString());
        Assert.Equal(JsonValueKind.Null, key.GetProperty("matchesCertificate").ValueKind);
        Assert.Contains($"  {path}#0  encrypted  not matched: the key is encrypted", human.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_private_key_is_an_error_that_names_the_block()
    {
        using var directory = new TempDirectory();
        byte[] truncated = Pki.LeafKey.ExportPkcs8PrivateKey()[..40];
        string path = directory.Write(
            "bundle.pem",
            Pki.Leaf.ExportCertificatePem() + new string(PemEncoding.Write("PRIVATE KEY", truncated)) + "\n");

        CliRun run = CliRun.Of("inspect", path, "--json");

        Assert.Equal(1, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(0, json.RootElement.GetProperty("privateKeys").GetArrayLength());
        JsonElement error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(path + "#0", error.GetProperty("source").GetString());
        int line = Pki.Leaf.ExportCertificatePem().Split('\n').Length;
        Assert.Equal($"PRIVATE KEY at line {line}: not a valid private key of that kind.", error.GetProperty("message").GetString());
    }

    public static TheoryData<string> LeakScenarios => ["pkcs8", "sec1", "pkcs1", "encrypted", "truncated", "bad-base64", "secret-yaml", "secret-bad-base64", "der-secret", "key-file-der"];

    /// <summary>
    /// CONVENTIONS.md: a private key never appears in output. Feeds keys in every form the inspector
    /// reads, and broken ones that take the error paths, and looks for any base64 line of the key's
    /// PEM and any 16-byte window of its DER in hex, in stdout and stderr, human and JSON.
    /// </summary>
    [Theory]
    [MemberData(nameof(LeakScenarios))]
    public void Private_key_material_never_appears_in_any_output(string scenario)
    {
        using var directory = new TempDirectory();
        byte[] der = scenario switch
        {
            "sec1" => Pki.LeafKey.ExportECPrivateKey(),
            "pkcs1" => Pki.RootKey.ExportRSAPrivateKey(),
            "encrypted" => Pki.LeafKey.ExportEncryptedPkcs8PrivateKey("changeit", KeyEncryption),
            _ => Pki.LeafKey.ExportPkcs8PrivateKey(),
        };
        string label = scenario switch
        {
            "sec1" => "EC PRIVATE KEY",
            "pkcs1" => "RSA PRIVATE KEY",
            "encrypted" => "ENCRYPTED PRIVATE KEY",
            _ => "PRIVATE KEY",
        };
        string keyPem = new(PemEncoding.Write(label, scenario == "truncated" ? der[..(der.Length / 2)] : der));
        string certificates = Pki.Leaf.ExportCertificatePem() + "\n";
        string path = scenario switch
        {
            // A bad character in the key's body: the PEM reader rejects the whole input.
            "bad-base64" => directory.Write("bundle.pem", certificates + InsertBadCharacter(keyPem)),
            "secret-yaml" => directory.Write("tls.yaml", SecretManifests.Yaml("tls", ("tls.crt", certificates), ("tls.key", keyPem))),
            "secret-bad-base64" => directory.Write(
                "tls.yaml",
                CorruptSecretValue(SecretManifests.Yaml("tls", ("tls.key", keyPem)), "tls.key: ")),
            "der-secret" => directory.Write("tls.yaml", SecretManifests.Yaml("tls", ("tls.key", der))),
            "key-file-der" => directory.Write("tls.key", der),
            _ => directory.Write("bundle.pem", certificates + keyPem + "\n"),
        };

        CliRun human = CliRun.Of("inspect", path);
        CliRun json = CliRun.Of("inspect", path, "--json");
        CliRun stdin = CliRun.WithStdin(File.ReadAllBytes(path), "inspect", "-", "--json");

        foreach (CliRun run in new[] { human, json, stdin })
        {
            Assert.True(run.ExitCode is 0 or 1, run.Stderr);
            AssertNoKeyMaterial(run.AllOutput, keyPem, der);

            // A Secret's data value is the base64 of the PEM text: that is the key too.
            AssertNoBase64Windows(run.AllOutput, System.Text.Encoding.UTF8.GetBytes(keyPem));
        }
    }

    /// <summary>Puts <c>$$</c> into the middle of a base64 data value, so that the manifest reader rejects it.</summary>
    private static string CorruptSecretValue(string yaml, string keyPrefix)
    {
        int start = yaml.IndexOf(keyPrefix, StringComparison.Ordinal) + keyPrefix.Length;
        return yaml[..(start + 40)] + "$$" + yaml[(start + 40)..];
    }

    private static string InsertBadCharacter(string pem)
    {
        string[] lines = pem.Split('\n');
        lines[2] = lines[2][..10] + "!" + lines[2][11..];
        return string.Join('\n', lines);
    }

    private static void AssertNoKeyMaterial(string output, string keyPem, byte[] der)
    {
        foreach (string line in keyPem.Split('\n'))
        {
            if (line.StartsWith("-----", StringComparison.Ordinal) || line.Length < 16)
            {
                continue;
            }

            Assert.False(output.Contains(line, StringComparison.Ordinal), "A base64 line of the private key was printed.");
        }

        string hex = Convert.ToHexStringLower(der);
        for (int i = 0; i + 32 <= hex.Length; i += 2)
        {
            string window = hex.Substring(i, 32);
            Assert.False(output.Contains(window, StringComparison.OrdinalIgnoreCase), $"16 bytes of the private key (from byte {i / 2}) were printed in hex.");
        }

        AssertNoBase64Windows(output, der);
    }

    private static void AssertNoBase64Windows(string output, byte[] bytes)
    {
        string base64 = Convert.ToBase64String(bytes);
        for (int i = 0; i + 24 <= base64.Length; i += 4)
        {
            Assert.False(output.Contains(base64.Substring(i, 24), StringComparison.Ordinal), "18 bytes of the private key were printed in base64.");
        }
    }
}
