using System.Text.Json;
using Golem.MeshPki.Cli.Tests.TestSupport;

namespace Golem.MeshPki.Cli.Tests.Commands;

/// <summary>Secret manifests (kubectl -o yaml and -o json), the cert-manager layout, and standard input.</summary>
public sealed partial class VerifyCommandTests
{
    [Fact]
    public void Secret_manifest_in_istio_layout_is_verified_with_sources_in_the_Secret()
    {
        using var temp = new TempDirectory();
        string manifest = temp.Write("cacerts.yaml", OpenSslCaCerts.SecretYaml(_pki.IstioFiles()));

        CliRun run = Verify(manifest, "--json");

        Assert.Equal(0, run.ExitCode);
        JsonElement json = Json(run);
        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.Equal("istio", json.GetProperty("layout").GetString());
        Assert.Equal(
            [$"{manifest}:cacerts/ca-cert.pem#1", $"{manifest}:cacerts/cert-chain.pem#2"],
            json.GetProperty("chain").EnumerateArray().Select(entry => entry.GetProperty("source").GetString()));
    }

    [Fact]
    public void Secret_manifest_in_cert_manager_layout_is_verified()
    {
        using var temp = new TempDirectory();
        string manifest = temp.Write("cacerts.yaml", OpenSslCaCerts.SecretYaml(_pki.CertManagerFiles()));

        CliRun run = Verify(manifest, "--json");

        Assert.Equal(0, run.ExitCode);
        JsonElement json = Json(run);
        Assert.Equal("cert-manager", json.GetProperty("layout").GetString());
        Assert.Equal(
            [$"{manifest}:cacerts/tls.crt#1", $"{manifest}:cacerts/ca.crt#1"],
            json.GetProperty("chain").EnumerateArray().Select(entry => entry.GetProperty("source").GetString()));
        Assert.Empty(json.GetProperty("findings").EnumerateArray());
    }

    [Fact]
    public void Secret_manifest_with_both_layouts_is_an_MPKI1014_warning_and_exits_0()
    {
        Dictionary<string, string> files = _pki.IstioFiles();
        foreach ((string name, string content) in _pki.CertManagerFiles())
        {
            files[name] = content;
        }

        CliRun run = CliRun.WithStdin(CliRun.Utf8(OpenSslCaCerts.SecretYaml(files)), "verify", "-", "--json");

        Assert.Equal(0, run.ExitCode);
        JsonElement finding = Assert.Single(Json(run).GetProperty("findings").EnumerateArray());
        Assert.Equal("MPKI1014", finding.GetProperty("id").GetString());
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
    }

    [Fact]
    public void Manifest_on_standard_input_is_read_with_dash()
    {
        CliRun run = CliRun.WithStdin(CliRun.Utf8(OpenSslCaCerts.SecretYaml(_pki.IstioFiles())), "verify", "-");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Bundle -:cacerts (Istio layout", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  CA certificate  -:cacerts/ca-cert.pem#1", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Verdict: valid", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Kubectl_json_output_on_standard_input_is_read()
    {
        string json = SecretManifests.Json("cacerts", [.. _pki.IstioFiles().Select(file => (file.Key, file.Value))]);

        CliRun run = CliRun.WithStdin(CliRun.Utf8(json), "verify", "-");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Verdict: valid", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_several_Secrets_the_one_named_cacerts_is_verified()
    {
        using var temp = new TempDirectory();
        string manifest = temp.Write(
            "secrets.yaml",
            OpenSslCaCerts.SecretYaml(_pki.IstioFiles(caCert: _pki.NonCaCertPem), "cacerts-old") + "---\n" + OpenSslCaCerts.SecretYaml(_pki.IstioFiles()));

        CliRun run = Verify(manifest, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"{manifest}:cacerts/ca-cert.pem#1", Json(run).GetProperty("chain")[0].GetProperty("source").GetString());
    }

    [Fact]
    public void Non_CA_intermediate_in_a_Secret_manifest_exits_1_with_MPKI1002()
    {
        CliRun run = CliRun.WithStdin(CliRun.Utf8(OpenSslCaCerts.SecretYaml(_pki.IstioFiles(caCert: _pki.NonCaCertPem))), "verify", "-", "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("MPKI1002", FindingIds(Json(run)));
    }

    [Fact]
    public void Trust_domain_excluded_by_name_constraints_is_reported_only_for_that_domain()
    {
        // The openssl intermediate has no name constraints: any trust domain is allowed.
        using var temp = new TempDirectory();
        string directory = OpenSslCaCerts.WriteDirectory(temp, _pki.IstioFiles());

        CliRun run = Verify(directory, "--trust-domain", "bank.example", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("MPKI1017", FindingIds(Json(run)));
    }
}
