using System.Text.Json;
using Golem.MeshPki.Cli.Tests.TestSupport;

namespace Golem.MeshPki.Cli.Tests.Commands;

/// <summary>Certificates and keys made by the openssl CLI, which CI installs (.ci/run, Debian package openssl).</summary>
public sealed partial class InspectCommandTests
{
    [Fact]
    public void OpenSSL_EC_certificate_and_key_agree_with_openssl_x509()
    {
        using var directory = new TempDirectory();
        string certificate = Path.Join(directory.Path, "cert.pem");
        string key = Path.Join(directory.Path, "key.pem");
        OpenSsl(
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
            "-keyout", key, "-out", certificate, "-days", "30", "-subj", "/O=Golem/CN=openssl workload",
            "-addext", "subjectAltName=DNS:httpbin.default.svc,URI:spiffe://cluster.local/ns/default/sa/httpbin",
            "-addext", "extendedKeyUsage=serverAuth");

        JsonElement json = InspectJson(directory.Path);

        JsonElement inspected = Assert.Single(json.GetProperty("certificates").EnumerateArray());
        string fingerprint = OpenSsl("x509", "-in", certificate, "-noout", "-fingerprint", "-sha256").Split('=')[1].Trim();
        string serial = OpenSsl("x509", "-in", certificate, "-noout", "-serial").Split('=')[1].Trim();
        Assert.Equal(fingerprint.Replace(":", string.Empty, StringComparison.Ordinal).ToLowerInvariant(), inspected.GetProperty("sha256Fingerprint").GetString());
        Assert.Equal(serial.ToLowerInvariant(), inspected.GetProperty("serialNumber").GetString());
        Assert.Equal("CN=openssl workload,O=Golem", inspected.GetProperty("subject").GetString());
        Assert.Equal("ecdsa-with-SHA256", inspected.GetProperty("signatureAlgorithm").GetString());
        Assert.Equal(["DNS:httpbin.default.svc", "URI:spiffe://cluster.local/ns/default/sa/httpbin"], inspected.GetProperty("subjectAlternativeNames").EnumerateArray().Select(name => name.GetString()));
        Assert.True(inspected.GetProperty("selfSigned").GetBoolean());
        JsonElement privateKey = Assert.Single(json.GetProperty("privateKeys").EnumerateArray());
        Assert.Equal("EC", privateKey.GetProperty("keyAlgorithm").GetString());
        Assert.Equal(certificate + "#0", privateKey.GetProperty("matchesCertificate").GetString());
    }

    [Fact]
    public void OpenSSL_Ed25519_certificate_is_self_signed_and_its_key_matches_it()
    {
        using var directory = new TempDirectory();
        string key = Path.Join(directory.Path, "ed25519-key.pem");
        string certificate = Path.Join(directory.Path, "ed25519.pem");
        OpenSsl("genpkey", "-algorithm", "ed25519", "-out", key);
        OpenSsl("req", "-x509", "-key", key, "-out", certificate, "-days", "30", "-subj", "/CN=ed25519 root");

        JsonElement json = InspectJson(directory.Path);

        JsonElement inspected = Assert.Single(json.GetProperty("certificates").EnumerateArray());
        Assert.Equal("Ed25519", inspected.GetProperty("keyAlgorithm").GetString());
        Assert.Equal("ED25519", inspected.GetProperty("signatureAlgorithm").GetString());
        Assert.Equal(JsonValueKind.Null, inspected.GetProperty("curve").ValueKind);
        Assert.True(inspected.GetProperty("selfSigned").GetBoolean());
        JsonElement privateKey = Assert.Single(json.GetProperty("privateKeys").EnumerateArray());
        Assert.Equal("Ed25519", privateKey.GetProperty("keyAlgorithm").GetString());
        Assert.Equal(certificate + "#0", privateKey.GetProperty("matchesCertificate").GetString());
    }

    public static TheoryData<string, string[], string, string?, string, bool> OpenSslKeyAlgorithms => new()
    {
        // Description, openssl req -newkey arguments, JSON keyAlgorithm and curve, text "Key" line, selfSigned.
        { "RSASSA-PSS key", ["-newkey", "rsa-pss", "-pkeyopt", "rsa_keygen_bits:2048", "-sigopt", "rsa_pss_saltlen:digest"], "1.2.840.113549.1.1.10", null, "RSASSA-PSS 2048 bits", true },
        { "Ed448 key", ["-newkey", "ed448"], "1.3.101.113", null, "Ed448", true },
        { "EC key on secp256k1", ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:secp256k1"], "EC", "1.3.132.0.10", "EC secp256k1", true },
        { "EC key on P-384", ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384"], "EC", "P-384", "EC P-384", true },
        { "DSA key", ["-newkey", "dsa:{dsaparam}"], "1.2.840.10040.4.1", null, "DSA 2048 bits", true },

        // openssl's default PSS salt is as long as the key allows (.NET's own PSS verifies only salts as long as the hash).
        { "RSASSA-PSS key with openssl's maximum salt", ["-newkey", "rsa-pss", "-pkeyopt", "rsa_keygen_bits:2048"], "1.2.840.113549.1.1.10", null, "RSASSA-PSS 2048 bits", true },
    };

    [Theory]
    [MemberData(nameof(OpenSslKeyAlgorithms))]
    public void OpenSSL_key_algorithms_are_named_by_the_JSON_vocabulary_and_keys_match(
        string description, string[] newKey, string keyAlgorithm, string? curve, string keyLine, bool selfSigned)
    {
        using var directory = new TempDirectory();
        string key = Path.Join(directory.Path, "tls.key");
        string certificate = Path.Join(directory.Path, "tls.crt");
        if (newKey.Any(arg => arg.Contains("{dsaparam}", StringComparison.Ordinal)))
        {
            string parameters = Path.Join(directory.Path, "dsaparam.pem");
            OpenSsl("dsaparam", "-out", parameters, "2048");
            newKey = [.. newKey.Select(arg => arg.Replace("{dsaparam}", parameters, StringComparison.Ordinal))];
        }

        OpenSsl(["req", "-x509", .. newKey, "-nodes", "-keyout", key, "-out", certificate, "-days", "30", "-subj", "/CN=" + description]);

        JsonElement json = InspectJson(certificate, key);
        CliRun human = CliRun.Of("inspect", certificate, key);

        JsonElement inspected = Assert.Single(json.GetProperty("certificates").EnumerateArray());
        Assert.True(keyAlgorithm == inspected.GetProperty("keyAlgorithm").GetString(), description);
        Assert.Equal(curve, inspected.GetProperty("curve").GetString());
        Assert.Equal(selfSigned, inspected.GetProperty("selfSigned").GetBoolean());
        JsonElement privateKey = Assert.Single(json.GetProperty("privateKeys").EnumerateArray());
        Assert.Equal(keyAlgorithm, privateKey.GetProperty("keyAlgorithm").GetString());
        Assert.Equal(certificate + "#0", privateKey.GetProperty("matchesCertificate").GetString());
        Assert.Contains("  Key          " + keyLine + "\n", human.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenSSL_X25519_key_is_named_by_its_OID_and_not_matched()
    {
        using var directory = new TempDirectory();
        string key = Path.Join(directory.Path, "x25519.key");
        OpenSsl("genpkey", "-algorithm", "x25519", "-out", key);

        JsonElement json = InspectJson(key);

        JsonElement privateKey = Assert.Single(json.GetProperty("privateKeys").EnumerateArray());
        Assert.Equal("1.3.101.110", privateKey.GetProperty("keyAlgorithm").GetString());
        Assert.Equal(JsonValueKind.Null, privateKey.GetProperty("matchesCertificate").ValueKind);
    }

    [Fact]
    public void OpenSSL_legacy_encrypted_RSA_key_is_listed_as_encrypted()
    {
        using var directory = new TempDirectory();
        string plain = Path.Join(directory.Path, "plain.key");
        string encrypted = Path.Join(directory.Path, "legacy.pem");
        OpenSsl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", plain);
        OpenSsl("rsa", "-in", plain, "-aes128", "-passout", "pass:changeit", "-traditional", "-out", encrypted);
        Assert.Contains("Proc-Type: 4,ENCRYPTED", File.ReadAllText(encrypted), StringComparison.Ordinal);

        JsonElement json = InspectJson(encrypted);

        JsonElement privateKey = Assert.Single(json.GetProperty("privateKeys").EnumerateArray());
        Assert.Equal("encrypted", privateKey.GetProperty("keyAlgorithm").GetString());
        Assert.Equal(JsonValueKind.Null, privateKey.GetProperty("matchesCertificate").ValueKind);
    }

    private static string OpenSsl(params string[] args) => OpenSslCli.Run(args);
}
