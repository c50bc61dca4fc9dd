using System.Diagnostics;
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
    public void OpenSSL_Ed25519_certificate_is_self_signed_and_its_key_is_named_but_not_matched()
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

    private static string OpenSsl(params string[] args)
    {
        var start = new ProcessStartInfo("openssl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"openssl {string.Join(' ', args)} failed: {stderr.Result}");
        return stdout;
    }
}
