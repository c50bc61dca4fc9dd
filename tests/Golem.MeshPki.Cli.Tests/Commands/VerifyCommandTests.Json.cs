using System.Text.Json;
using Golem.MeshPki.Cli.Tests.TestSupport;

namespace Golem.MeshPki.Cli.Tests.Commands;

/// <summary>The --json document is issue 3's contract: exactly these fields, in this order.</summary>
public sealed partial class VerifyCommandTests
{
    [Fact]
    public void Json_of_a_valid_bundle_has_exactly_the_contract_fields()
    {
        using var temp = new TempDirectory();
        string directory = OpenSslCaCerts.WriteDirectory(temp, _pki.IstioFiles());

        CliRun run = Verify(directory, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        JsonElement json = Json(run);
        Assert.Equal(["valid", "layout", "chain", "roots", "findings"], json.EnumerateObject().Select(property => property.Name));
        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.Equal("istio", json.GetProperty("layout").GetString());

        JsonElement[] chain = [.. json.GetProperty("chain").EnumerateArray()];
        Assert.Equal(2, chain.Length);
        Assert.All(chain, entry => Assert.Equal(["source", "subject", "notAfter"], entry.EnumerateObject().Select(property => property.Name)));
        Assert.Equal($"{directory}/ca-cert.pem#1", chain[0].GetProperty("source").GetString());
        Assert.Equal("CN=Intermediate CA,O=Istio", chain[0].GetProperty("subject").GetString());
        Assert.Equal("2030-01-01T00:00:00Z", chain[0].GetProperty("notAfter").GetString());
        Assert.Equal($"{directory}/cert-chain.pem#2", chain[1].GetProperty("source").GetString());
        Assert.Equal("CN=Root CA,O=Istio", chain[1].GetProperty("subject").GetString());
        Assert.Equal("2035-01-01T00:00:00Z", chain[1].GetProperty("notAfter").GetString());

        JsonElement root = Assert.Single(json.GetProperty("roots").EnumerateArray());
        Assert.Equal(["source", "subject", "notAfter"], root.EnumerateObject().Select(property => property.Name));
        Assert.Equal($"{directory}/root-cert.pem#1", root.GetProperty("source").GetString());
        Assert.Empty(json.GetProperty("findings").EnumerateArray());
    }

    [Fact]
    public void Json_findings_have_exactly_the_contract_fields_with_null_when_absent()
    {
        using var temp = new TempDirectory();
        Dictionary<string, string> files = _pki.IstioFiles(caCert: _pki.NonCaCertPem);
        foreach ((string name, string content) in _pki.CertManagerFiles())
        {
            // Both layouts: MPKI1014 names the bundle but no certificate.
            files[name] = name == "tls.crt" ? _pki.NonCaCertPem : content;
        }

        string directory = OpenSslCaCerts.WriteDirectory(temp, files);

        CliRun run = Verify(directory, "--json");

        Assert.Equal(1, run.ExitCode);
        JsonElement json = Json(run);
        Assert.False(json.GetProperty("valid").GetBoolean());
        Assert.Equal("cert-manager", json.GetProperty("layout").GetString());
        JsonElement[] findings = [.. json.GetProperty("findings").EnumerateArray()];
        Assert.All(findings, finding => Assert.Equal(["id", "severity", "message", "source", "subject"], finding.EnumerateObject().Select(property => property.Name)));
        Assert.All(findings, finding => Assert.Contains(finding.GetProperty("severity").GetString(), new[] { "error", "warning", "info" }));

        JsonElement bothLayouts = Assert.Single(findings, finding => finding.GetProperty("id").GetString() == "MPKI1014");
        Assert.Equal("warning", bothLayouts.GetProperty("severity").GetString());
        Assert.Equal(directory, bothLayouts.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, bothLayouts.GetProperty("subject").ValueKind);

        JsonElement notCa = Assert.Single(findings, finding => finding.GetProperty("id").GetString() == "MPKI1002");
        Assert.Equal("error", notCa.GetProperty("severity").GetString());
        Assert.Equal($"{directory}/tls.crt#1", notCa.GetProperty("source").GetString());
        Assert.Equal("CN=Intermediate CA,O=Istio", notCa.GetProperty("subject").GetString());
        Assert.EndsWith(".", notCa.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_is_one_document_even_when_the_bundle_is_unreadable()
    {
        using var temp = new TempDirectory();
        Dictionary<string, string> files = _pki.IstioFiles();
        files.Remove("root-cert.pem");
        string directory = OpenSslCaCerts.WriteDirectory(temp, files);

        CliRun run = Verify(directory, "--json");

        Assert.Equal(1, run.ExitCode);
        JsonElement json = Json(run);
        Assert.False(json.GetProperty("valid").GetBoolean());
        Assert.Empty(json.GetProperty("roots").EnumerateArray());
        Assert.Contains("MPKI1013", FindingIds(json));
    }
}
