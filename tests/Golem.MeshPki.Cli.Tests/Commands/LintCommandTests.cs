using System.Text.Json;
using Golem.MeshPki.Cli.Tests.TestSupport;

namespace Golem.MeshPki.Cli.Tests.Commands;

/// <summary><c>meshpki lint</c>: compiler-style and JSON output, exit codes 0/1/2, directories.</summary>
public sealed class LintCommandTests
{
    // The runbook's intermediate Certificate (subject.organisations is its typo) and the Vault ClusterIssuer it names.
    private const string RunbookCertificate = """
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata:
          name: istio-ca
          namespace: istio-system
        spec:
          secretName: cacerts
          duration: 720h
          renewBefore: 168h
          isCA: true
          subject:
            organisations:
              - Golem Trust
          commonName: Golem Trust Istio CA
          issuerRef:
            name: vault-issuer
            kind: ClusterIssuer
            group: cert-manager.io

        """;

    private const string VaultClusterIssuer = """
        apiVersion: cert-manager.io/v1
        kind: ClusterIssuer
        metadata:
          name: vault-issuer
        spec:
          vault:
            server: https://vault.golem-trust.internal:8200
            path: pki/sign/istio-ca

        """;

    private const string RunbookMesh = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: istio
          namespace: istio-system
        data:
          mesh: |
            defaultConfig:
              proxyMetadata:
                SECRET_TTL: 86400s
                SECRET_GRACE_PERIOD_RATIO: "0.5"

        """;

    private static CliRun Lint(params string[] args) => CliRun.Of(["lint", .. args]);

    [Fact]
    public void Clean_file_exits_0_with_a_summary()
    {
        using var temp = new TempDirectory();
        string mesh = temp.Write("mesh.yaml", RunbookMesh);

        CliRun run = Lint(mesh);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("0 errors, 0 warnings in 1 file.\n", run.Stdout.ReplaceLineEndings("\n"));
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public void Runbook_directory_reports_compiler_style_lines_and_exits_1()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(Path.Join(temp.Path, "cert-manager"));
        temp.Write("mesh.yaml", RunbookMesh);
        string certificate = temp.Write(Path.Join("cert-manager", "istio-ca.yaml"), RunbookCertificate);
        string issuer = temp.Write(Path.Join("cert-manager", "vault-issuer.yml"), VaultClusterIssuer);
        temp.Write("README.md", "not a manifest: [");

        CliRun run = Lint(temp.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            $"{certificate}(10,9): error MPKI2008: Certificate 'istio-system/istio-ca' has isCA: true but its ClusterIssuer 'vault-issuer' posts to Vault path 'pki/sign/istio-ca' ({issuer}(8,11)), a sign/<role> endpoint: Vault returns a non-CA certificate, which istiod refuses at start-up and installs silently on a hot reload; use <mount>/root/sign-intermediate.\n" +
            $"{certificate}(12,5): error MPKI2007: Unknown field 'spec.subject.organisations' in Certificate 'istio-ca'; did you mean 'organizations'? cert-manager drops it, or rejects the object under strict field validation.\n" +
            "2 errors, 0 warnings in 3 files.\n",
            run.Stdout.ReplaceLineEndings("\n"));
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public void Warnings_only_exit_0()
    {
        using var temp = new TempDirectory();
        string mesh = temp.Write("mesh.yaml", RunbookMesh.Replace("86400s", "30m", StringComparison.Ordinal));

        CliRun run = Lint(mesh);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"{mesh}(10,21): warning MPKI2010: SECRET_TTL '30m' is below 1h0m0s", run.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("0 errors, 2 warnings in 1 file.\n", run.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_has_the_contract_fields_in_order_and_the_same_exit_code()
    {
        using var temp = new TempDirectory();
        string certificate = temp.Write("istio-ca.json", """
            {"apiVersion":"cert-manager.io/v1","kind":"Certificate","metadata":{"name":"c","namespace":"n"},
             "spec":{"secretName":"s","duration":"30m","issuerRef":{"name":"i"}}}
            """);

        CliRun run = Lint(certificate, "--json");

        Assert.Equal(1, run.ExitCode);
        using JsonDocument document = JsonDocument.Parse(run.Stdout);
        Assert.Equal(["findings", "errors"], document.RootElement.EnumerateObject().Select(p => p.Name));
        JsonElement finding = Assert.Single(document.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal(["id", "severity", "message", "file", "line", "column"], finding.EnumerateObject().Select(p => p.Name));
        Assert.Equal("MPKI2005", finding.GetProperty("id").GetString());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Equal(certificate, finding.GetProperty("file").GetString());
        Assert.Equal(2, finding.GetProperty("line").GetInt32());
        Assert.Equal(38, finding.GetProperty("column").GetInt32());
        Assert.StartsWith("cert-manager's webhook rejects Certificate 'n/c': spec.duration", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(document.RootElement.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public void Json_of_a_clean_file_exits_0_with_empty_arrays()
    {
        using var temp = new TempDirectory();

        CliRun run = Lint(temp.Write("mesh.yaml", RunbookMesh), "--json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument document = JsonDocument.Parse(run.Stdout);
        Assert.Empty(document.RootElement.GetProperty("findings").EnumerateArray());
    }

    [Fact]
    public void A_file_that_is_not_YAML_is_unreadable_input_exit_1()
    {
        using var temp = new TempDirectory();
        string broken = temp.Write("broken.yaml", "a: [\n");

        CliRun human = Lint(broken);
        CliRun json = Lint(broken, "--json");

        Assert.Equal(1, human.ExitCode);
        Assert.StartsWith($"meshpki lint: {broken}(", human.Stderr, StringComparison.Ordinal);
        Assert.Contains("): error: The file cannot be read", human.Stderr, StringComparison.Ordinal);
        Assert.Equal("0 errors, 0 warnings in 1 file; 1 input could not be read.\n", human.Stdout.ReplaceLineEndings("\n"));
        Assert.Equal(1, json.ExitCode);
        using JsonDocument document = JsonDocument.Parse(json.Stdout);
        JsonElement error = Assert.Single(document.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(broken, error.GetProperty("file").GetString());
        Assert.Equal(JsonValueKind.Number, error.GetProperty("line").ValueKind);
    }

    [Theory]
    [InlineData("no such path", new[] { "/no/such/manifests" }, "meshpki lint: no such file or directory: '/no/such/manifests'.")]
    [InlineData("unknown flag", new[] { "--frobnicate" }, "meshpki: Unrecognized option '--frobnicate'")]
    [InlineData("no PATH", new string[0], "meshpki: Required argument missing")]
    public void Usage_errors_exit_2_and_print_nothing_on_stdout(string description, string[] args, string message)
    {
        CliRun run = Lint(args);

        Assert.True(run.ExitCode == 2, $"{description}: exit code {run.ExitCode}\n{run.AllOutput}");
        Assert.Equal(string.Empty, run.Stdout);
        Assert.StartsWith(message, run.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("Run 'meshpki lint --help' for usage.\n", run.Stderr.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_path_among_good_ones_reads_nothing()
    {
        using var temp = new TempDirectory();
        string certificate = temp.Write("istio-ca.yaml", RunbookCertificate);

        CliRun run = Lint(certificate, "/no/such/file.yaml");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void Files_from_a_directory_are_read_in_ordinal_order_with_subdirectories()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(Path.Join(temp.Path, "b"));
        string inSubdirectory = temp.Write(Path.Join("b", "z.yaml"), RunbookCertificate);
        string first = temp.Write("a.yaml", RunbookCertificate);
        string last = temp.Write("c.YML", RunbookCertificate);

        CliRun run = Lint(temp.Path);

        string[] files = [.. run.Stdout.Split('\n').Where(l => l.Contains("MPKI2007", StringComparison.Ordinal)).Select(l => l[..l.IndexOf('(', StringComparison.Ordinal)])];
        Assert.Equal([first, inSubdirectory, last], files);
    }
}
