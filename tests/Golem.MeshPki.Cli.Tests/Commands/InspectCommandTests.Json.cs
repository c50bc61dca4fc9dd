using System.Security.Cryptography;
using System.Text.Json;
using Golem.MeshPki.Cli.Tests.TestSupport;

namespace Golem.MeshPki.Cli.Tests.Commands;

public sealed partial class InspectCommandTests
{
    private static readonly string[] CertificateFields =
    [
        "source", "subject", "issuer", "serialNumber", "notBefore", "notAfter", "sha256Fingerprint", "isCa", "pathLength",
        "keyAlgorithm", "keySize", "curve", "signatureAlgorithm", "keyUsage", "extendedKeyUsage", "subjectAlternativeNames", "selfSigned",
    ];

    [Fact]
    public void Json_is_one_document_with_certificates_privateKeys_and_errors_in_that_order()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("cert-chain.pem", Pki.ChainPem);

        CliRun run = CliRun.Of("inspect", path, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(["certificates", "privateKeys", "errors"], json.RootElement.EnumerateObject().Select(property => property.Name));
        Assert.Equal(3, json.RootElement.GetProperty("certificates").GetArrayLength());
        Assert.Equal(0, json.RootElement.GetProperty("privateKeys").GetArrayLength());
        Assert.Equal(0, json.RootElement.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public void Json_describes_a_workload_leaf_field_by_field()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("cert-chain.pem", Pki.ChainPem);

        JsonElement leaf = InspectJson(path).GetProperty("certificates")[0];

        Assert.Equal(CertificateFields, leaf.EnumerateObject().Select(property => property.Name));
        AssertString(path + "#0", leaf, "source");
        AssertString("CN=sleep.default.svc.cluster.local,O=Golem", leaf, "subject");
        AssertString("CN=Golem Test Intermediate CA,O=Golem", leaf, "issuer");

        // The serial's high bit is set: DER writes 00 abcdef01, the value is abcdef01.
        AssertString("abcdef01", leaf, "serialNumber");
        AssertString("2025-06-01T00:00:00Z", leaf, "notBefore");
        AssertString("2026-06-01T00:00:00Z", leaf, "notAfter");
        AssertString(Convert.ToHexStringLower(SHA256.HashData(Pki.Leaf.RawData)), leaf, "sha256Fingerprint");
        Assert.Equal(JsonValueKind.False, leaf.GetProperty("isCa").ValueKind);
        Assert.Equal(JsonValueKind.Null, leaf.GetProperty("pathLength").ValueKind);
        AssertString("EC", leaf, "keyAlgorithm");
        Assert.Equal(JsonValueKind.Number, leaf.GetProperty("keySize").ValueKind);
        Assert.Equal(256, leaf.GetProperty("keySize").GetInt32());
        AssertString("P-256", leaf, "curve");
        AssertString("ecdsa-with-SHA256", leaf, "signatureAlgorithm");
        Assert.Equal(["digitalSignature", "keyEncipherment"], Strings(leaf, "keyUsage"));
        Assert.Equal(["serverAuth", "clientAuth"], Strings(leaf, "extendedKeyUsage"));
        Assert.Equal(["URI:" + TestPki.SpiffeId, "DNS:sleep.default.svc.cluster.local", "IP:10.1.2.3"], Strings(leaf, "subjectAlternativeNames"));
        Assert.Equal(JsonValueKind.False, leaf.GetProperty("selfSigned").ValueKind);
    }

    [Fact]
    public void Json_describes_an_intermediate_with_path_length_zero()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("cert-chain.pem", Pki.ChainPem);

        JsonElement intermediate = InspectJson(path).GetProperty("certificates")[1];

        Assert.Equal(CertificateFields, intermediate.EnumerateObject().Select(property => property.Name));
        AssertString(path + "#1", intermediate, "source");
        AssertString("CN=Golem Test Root CA,O=Golem", intermediate, "issuer");
        AssertString("1000", intermediate, "serialNumber");
        Assert.Equal(JsonValueKind.True, intermediate.GetProperty("isCa").ValueKind);
        Assert.Equal(JsonValueKind.Number, intermediate.GetProperty("pathLength").ValueKind);
        Assert.Equal(0, intermediate.GetProperty("pathLength").GetInt32());
        AssertString("EC", intermediate, "keyAlgorithm");
        Assert.Equal(384, intermediate.GetProperty("keySize").GetInt32());
        AssertString("P-384", intermediate, "curve");
        AssertString("sha256WithRSAEncryption", intermediate, "signatureAlgorithm");
        Assert.Equal(["digitalSignature", "keyCertSign", "cRLSign"], Strings(intermediate, "keyUsage"));
        Assert.Empty(Strings(intermediate, "extendedKeyUsage"));
        Assert.Empty(Strings(intermediate, "subjectAlternativeNames"));
        Assert.Equal(JsonValueKind.False, intermediate.GetProperty("selfSigned").ValueKind);
    }

    [Fact]
    public void Json_describes_a_self_signed_RSA_root()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("cert-chain.pem", Pki.ChainPem);

        JsonElement root = InspectJson(path).GetProperty("certificates")[2];

        AssertString(path + "#2", root, "source");
        AssertString("CN=Golem Test Root CA,O=Golem", root, "subject");
        AssertString("CN=Golem Test Root CA,O=Golem", root, "issuer");
        AssertString("2025-01-01T00:00:00Z", root, "notBefore");
        AssertString("2035-01-01T00:00:00Z", root, "notAfter");
        Assert.Equal(JsonValueKind.True, root.GetProperty("isCa").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("pathLength").ValueKind);
        AssertString("RSA", root, "keyAlgorithm");
        Assert.Equal(2048, root.GetProperty("keySize").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("curve").ValueKind);
        AssertString("sha256WithRSAEncryption", root, "signatureAlgorithm");
        Assert.Equal(["keyCertSign", "cRLSign"], Strings(root, "keyUsage"));
        Assert.Equal(JsonValueKind.True, root.GetProperty("selfSigned").ValueKind);
    }

    [Fact]
    public void Json_private_keys_and_errors_have_their_fields_in_order()
    {
        using var directory = new TempDirectory();
        string bundle = directory.Write("tls.pem", Pki.Leaf.ExportCertificatePem() + "\n" + Pki.LeafKey.ExportPkcs8PrivateKeyPem() + "\n");
        string bad = directory.Write("bad.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n");

        CliRun run = CliRun.Of("inspect", bundle, bad, "--json");

        Assert.Equal(1, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        JsonElement key = Assert.Single(json.RootElement.GetProperty("privateKeys").EnumerateArray());
        Assert.Equal(["source", "keyAlgorithm", "matchesCertificate"], key.EnumerateObject().Select(property => property.Name));
        AssertString(bundle + "#0", key, "source");
        AssertString("EC", key, "keyAlgorithm");
        AssertString(bundle + "#0", key, "matchesCertificate");
        JsonElement error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(["source", "message"], error.EnumerateObject().Select(property => property.Name));
        AssertString(bad, error, "source");
        Assert.StartsWith("Malformed PEM at line 1:", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_is_printed_even_when_nothing_could_be_read()
    {
        using var directory = new TempDirectory();
        string empty = directory.Write("empty.pem", string.Empty);

        CliRun run = CliRun.Of("inspect", "--json", empty);

        Assert.Equal(1, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(0, json.RootElement.GetProperty("certificates").GetArrayLength());
        JsonElement error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        AssertString(empty, error, "source");
        Assert.Contains("no certificate or private key found", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(empty + ": no certificate or private key found", run.Stderr, StringComparison.Ordinal);
    }

    private static JsonElement InspectJson(params string[] paths)
    {
        CliRun run = CliRun.Of(["inspect", .. paths, "--json"]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        return json.RootElement.Clone();
    }

    private static void AssertString(string expected, JsonElement element, string property)
    {
        JsonElement value = element.GetProperty(property);
        Assert.Equal(JsonValueKind.String, value.ValueKind);
        Assert.Equal(expected, value.GetString());
    }

    private static string[] Strings(JsonElement element, string property)
    {
        JsonElement array = element.GetProperty(property);
        Assert.Equal(JsonValueKind.Array, array.ValueKind);
        return [.. array.EnumerateArray().Select(item =>
        {
            Assert.Equal(JsonValueKind.String, item.ValueKind);
            return item.GetString()!;
        })];
    }
}
