using System.Text.Json;
using Golem.MeshPki.Cli.Tests.TestSupport;

namespace Golem.MeshPki.Cli.Tests.Commands;

public sealed partial class InspectCommandTests
{
    [Fact]
    public void Exit_code_is_0_when_every_input_was_read()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("cert-chain.pem", Pki.ChainPem);

        CliRun run = CliRun.Of("inspect", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public void Exit_code_is_1_when_some_input_could_not_be_read_and_the_rest_is_still_reported()
    {
        using var directory = new TempDirectory();
        string good = directory.Write("good.pem", Pki.ChainPem);
        string bad = directory.Write("bad.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");

        CliRun run = CliRun.Of("inspect", good, bad);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{good}#2", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("3 certificates, 0 private keys, 1 error", run.Stdout, StringComparison.Ordinal);
        string error = Assert.Single(run.Stderr.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"meshpki: {bad}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_PEM_names_the_line()
    {
        using var directory = new TempDirectory();
        string[] lines = Pki.Root.ExportCertificatePem().Split('\n');

        // Line 6 of the file: two blank lines and the BEGIN line come first.
        lines[3] = "*" + lines[3][1..];
        string path = directory.Write("bad.pem", "\n\n" + string.Join('\n', lines));

        CliRun run = CliRun.Of("inspect", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"meshpki: {path}: Malformed PEM at line 6: ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_certificate_in_a_bundle_names_its_line_and_the_DER_offset()
    {
        using var directory = new TempDirectory();
        byte[] broken = [.. Pki.Root.RawData];

        // The outer SEQUENCE claims one byte more than there is.
        broken[3]++;
        string path = directory.Write("bundle.pem", Pki.Leaf.ExportCertificatePem() + "\n" + new string(System.Security.Cryptography.PemEncoding.Write("CERTIFICATE", broken)));

        CliRun run = CliRun.Of("inspect", path, "--json");

        Assert.Equal(1, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(1, json.RootElement.GetProperty("certificates").GetArrayLength());
        JsonElement error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(path + "#1", error.GetProperty("source").GetString());
        int line = Pki.Leaf.ExportCertificatePem().Split('\n').Length + 1;
        Assert.StartsWith($"CERTIFICATE at line {line}: Malformed certificate at byte ", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string[]> UsageErrors => new()
    {
        Array.Empty<string>(),
        new[] { "inspect" },
        new[] { "inspect", "--json" },
        new[] { "inspect", "--frobnicate", "/etc/hostname" },
        new[] { "inspect", "-x" },
        new[] { "nosuchcommand" },
        new[] { "inspect", "/no/such/path.pem" },
        new[] { "inspect", "/no/such/path.pem", "--json" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public void Exit_code_is_2_for_usage_errors_with_a_message_and_nothing_on_stdout(string[] args)
    {
        CliRun run = CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.StartsWith("meshpki", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--help' for usage.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Nonexistent_path_is_a_usage_error_even_next_to_good_paths_and_nothing_is_read()
    {
        using var directory = new TempDirectory();
        string good = directory.Write("good.pem", Pki.ChainPem);

        CliRun run = CliRun.Of("inspect", good, "/no/such/dir/", "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("meshpki inspect: no such file or directory: '/no/such/dir/'.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_exits_0_and_documents_the_inputs()
    {
        CliRun run = CliRun.Of("inspect", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--json", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("subdirectories are not read", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("does not exist is a usage error (exit code 2)", run.Stdout, StringComparison.Ordinal);
    }
}
