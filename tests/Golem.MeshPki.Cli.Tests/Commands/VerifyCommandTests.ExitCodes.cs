using Golem.MeshPki.Cli.Tests.TestSupport;

namespace Golem.MeshPki.Cli.Tests.Commands;

/// <summary>Usage errors exit with 2 and say what is wrong on one line, without reading anything.</summary>
public sealed partial class VerifyCommandTests
{
    public static TheoryData<string, string[], string> UsageErrors => new()
    {
        { "unknown flag after PATH", ["--frobnicate"], "Unrecognized command or argument '--frobnicate'" },
        { "no such path", ["/no/such/cacerts"], "no such file or directory: '/no/such/cacerts'." },
        { "--at without Z", ["--at", "2026-01-01T00:00:00"], "--at '2026-01-01T00:00:00' is not a UTC time" },
        { "--at not a time", ["--at", "tomorrow"], "--at 'tomorrow' is not a UTC time" },
        { "--at with an offset", ["--at", "2026-01-01T00:00:00+01:00"], "is not a UTC time" },
        { "fingerprint too short", ["--root-fingerprint", "AB:CD"], "--root-fingerprint 'AB:CD' is not a SHA-256 fingerprint: expected 64 hex digits" },
        { "fingerprint not hex", ["--root-fingerprint", new string('g', 64)], "is not a SHA-256 fingerprint" },
        { "fingerprint of SHA-1", ["--root-fingerprint", new string('a', 40)], "is not a SHA-256 fingerprint" },
        { "no PATH", [], "Required argument missing" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public void Usage_error_exits_2_with_a_one_line_message(string description, string[] arguments, string message)
    {
        using var temp = new TempDirectory();
        string directory = OpenSslCaCerts.WriteDirectory(temp, _pki.IstioFiles());
        string[] args = arguments.Length > 0 && arguments[0] == "/no/such/cacerts" || arguments.Length == 0 ? arguments : [directory, .. arguments];

        CliRun run = Verify(args);

        Assert.True(run.ExitCode == 2, $"{description}: exit code {run.ExitCode}\n{run.AllOutput}");
        Assert.Equal(string.Empty, run.Stdout);
        string[] lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("meshpki", lines[0], StringComparison.Ordinal);
        Assert.Contains(message, lines[0], StringComparison.Ordinal);
        Assert.Equal("Run 'meshpki verify --help' for usage.", lines[^1]);
    }

    [Fact]
    public void Unknown_flag_in_place_of_PATH_exits_2_and_says_it_is_an_option()
    {
        CliRun run = Verify("--frobnicate");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("meshpki: Unrecognized option '--frobnicate'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_with_several_Secrets_none_named_cacerts_is_a_usage_error_naming_them()
    {
        using var temp = new TempDirectory();
        string manifest = temp.Write(
            "secrets.yaml",
            OpenSslCaCerts.SecretYaml(_pki.IstioFiles(), "cacerts-old") + "---\n" + OpenSslCaCerts.SecretYaml(_pki.IstioFiles(), "cacerts-new"));

        CliRun run = Verify(manifest);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.StartsWith(
            $"meshpki verify: '{manifest}' holds 2 Secrets ('istio-system/cacerts-old', 'istio-system/cacerts-new') and none is named 'cacerts'",
            run.Stderr,
            StringComparison.Ordinal);
    }

    [Fact]
    public void File_that_is_not_a_manifest_exits_1_with_MPKI1013()
    {
        using var temp = new TempDirectory();
        string pem = temp.Write("ca-cert.pem", _pki.CaCertPem);

        CliRun run = Verify(pem, "--json");

        Assert.Equal(1, run.ExitCode);
        var json = Json(run);
        Assert.False(json.GetProperty("valid").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("layout").ValueKind);
        Assert.Equal(["MPKI1013"], FindingIds(json));
    }

    [Fact]
    public void Malformed_manifest_exits_1_with_MPKI1013_and_no_stack_trace()
    {
        using var temp = new TempDirectory();
        string manifest = temp.Write("cacerts.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: cacerts\ndata:\n  ca-key.pem: not base64!!\n");

        CliRun run = Verify(manifest);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("MPKI1013", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Verdict: NOT VALID", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_directory_exits_1_with_MPKI1013_for_each_required_file()
    {
        using var temp = new TempDirectory();

        CliRun run = Verify(temp.Path, "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.All(FindingIds(Json(run)), id => Assert.Equal("MPKI1013", id));
        Assert.Empty(Json(run).GetProperty("chain").EnumerateArray());
    }
}
