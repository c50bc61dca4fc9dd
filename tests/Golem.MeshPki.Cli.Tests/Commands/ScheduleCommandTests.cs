using System.Text.Json;
using Golem.MeshPki.Cli.Tests.TestSupport;

namespace Golem.MeshPki.Cli.Tests.Commands;

/// <summary><c>meshpki schedule</c> run in-process: the JSON contract of issue 4, human output, <c>--at</c>, a cacerts bundle, exit codes.</summary>
public sealed class ScheduleCommandTests
{
    /// <summary>The seed runbook's settings: SECRET_TTL 24h; intermediate 720h with renewBefore 168h (mistake 6: it renews after 552h, not every 30 days).</summary>
    private const string Runbook = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: istio
          namespace: istio-system
        data:
          mesh: |
            defaultConfig:
              proxyMetadata:
                SECRET_TTL: "24h"
        ---
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata:
          name: istio-ca
          namespace: istio-system
        spec:
          isCA: true
          commonName: istio-ca
          secretName: cacerts
          duration: 720h
          renewBefore: 168h
          issuerRef:
            name: vault-issuer
            kind: ClusterIssuer
        """;

    private static readonly string RunbookWithTypo = Runbook.Replace("  commonName: istio-ca\n", "  commonName: istio-ca\n  subject:\n    organisations: [Golem Bank]\n", StringComparison.Ordinal);

    private static CliRun Schedule(params string[] args) => CliRun.Of(["schedule", .. args]);

    private static JsonElement Json(CliRun run)
    {
        using JsonDocument document = JsonDocument.Parse(run.Stdout);
        return document.RootElement.Clone();
    }

    private static string WriteBundleDirectory(TempDirectory directory)
    {
        TestPki pki = TestPki.Shared;
        string bundle = Path.Join(directory.Path, "cacerts");
        Directory.CreateDirectory(bundle);
        File.WriteAllText(Path.Join(bundle, "ca-cert.pem"), pki.Intermediate.ExportCertificatePem() + "\n");
        File.WriteAllText(Path.Join(bundle, "ca-key.pem"), pki.IntermediateKey.ExportPkcs8PrivateKeyPem() + "\n");
        File.WriteAllText(Path.Join(bundle, "cert-chain.pem"), pki.Intermediate.ExportCertificatePem() + "\n" + pki.Root.ExportCertificatePem() + "\n");
        File.WriteAllText(Path.Join(bundle, "root-cert.pem"), pki.Root.ExportCertificatePem() + "\n");
        return bundle;
    }

    [Fact]
    public void Json_has_the_contract_fields_with_the_runbooks_numbers()
    {
        using var directory = new TempDirectory();
        CliRun run = Schedule(directory.Write("runbook.yaml", Runbook), "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        JsonElement json = Json(run);
        JsonElement workload = json.GetProperty("workload");
        Assert.Equal(86400, workload.GetProperty("ttlSeconds").GetInt64());
        Assert.Equal(0.5, workload.GetProperty("gracePeriodRatio").GetDouble());
        Assert.Equal(0.01, workload.GetProperty("gracePeriodRatioJitter").GetDouble());
        JsonElement rotateAfter = workload.GetProperty("rotateAfterSeconds");
        Assert.Equal(42336, rotateAfter.GetProperty("earliest").GetInt64());
        Assert.Equal(43200, rotateAfter.GetProperty("nominal").GetInt64());
        Assert.Equal(44064, rotateAfter.GetProperty("latest").GetInt64());

        JsonElement intermediate = json.GetProperty("intermediate");
        Assert.Equal(2592000, intermediate.GetProperty("durationSeconds").GetInt64());
        Assert.Equal(604800, intermediate.GetProperty("renewBeforeSeconds").GetInt64());
        Assert.Equal(1987200, intermediate.GetProperty("renewAfterSeconds").GetInt64());
        Assert.Equal("renewBefore", intermediate.GetProperty("renewBeforeSource").GetString());
        Assert.Equal(JsonValueKind.Null, intermediate.GetProperty("renewalTime").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("root").ValueKind);
        Assert.Equal(0, json.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public void Json_without_settings_shows_the_defaults()
    {
        using var directory = new TempDirectory();
        CliRun run = Schedule(directory.Write("empty.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: istio-system\n"), "--json");

        Assert.Equal(0, run.ExitCode);
        JsonElement json = Json(run);
        Assert.Equal(86400, json.GetProperty("workload").GetProperty("ttlSeconds").GetInt64());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("workload").GetProperty("settings").GetProperty("ttl").ValueKind);
        Assert.Equal(90 * 86400, json.GetProperty("intermediate").GetProperty("durationSeconds").GetInt64());
        Assert.Equal(60 * 86400, json.GetProperty("intermediate").GetProperty("renewAfterSeconds").GetInt64());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("intermediate").GetProperty("certificate").ValueKind);
    }

    [Fact]
    public void Unknown_fields_are_error_findings_with_file_line_and_column_and_exit_code_1()
    {
        using var directory = new TempDirectory();
        string file = directory.Write("runbook.yaml", RunbookWithTypo);
        CliRun run = Schedule(file, "--json");

        Assert.Equal(1, run.ExitCode);
        JsonElement finding = Assert.Single(Json(run).GetProperty("findings").EnumerateArray());
        Assert.Equal("MPKI2007", finding.GetProperty("id").GetString());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Contains("organisations", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(file, finding.GetProperty("file").GetString());
        Assert.Equal(21, finding.GetProperty("line").GetInt32());
        Assert.Equal(5, finding.GetProperty("column").GetInt32());

        // The timeline is still computed.
        Assert.Equal(1987200, Json(run).GetProperty("intermediate").GetProperty("renewAfterSeconds").GetInt64());
    }

    [Fact]
    public void Human_output_is_a_timeline_with_offsets_and_findings()
    {
        using var directory = new TempDirectory();
        string file = directory.Write("runbook.yaml", RunbookWithTypo);
        CliRun run = Schedule(file, "--at", "2026-01-01T00:00:00Z");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Mesh certificate timeline at 2026-01-01T00:00:00Z", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"2026-01-01T11:45:36Z\s+\+11h45m36s\s+rotation, earliest", run.Stdout);
        Assert.Matches(@"2026-01-01T12:00:00Z\s+\+12h\s+rotation, nominal", run.Stdout);
        Assert.Matches(@"2026-01-01T12:14:24Z\s+\+12h14m24s\s+rotation, latest", run.Stdout);
        Assert.Matches(@"\+23d \(552h\)\s+renewal by cert-manager", run.Stdout);
        Assert.Matches(@"\+30d \(720h\)\s+expiry \(NotAfter\)", run.Stdout);
        Assert.Contains("renewBefore used 7d (168h), from spec.renewBefore", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(file + "(21,5): error MPKI2007:", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void At_sets_the_evaluation_time_and_the_clock_is_used_without_it()
    {
        using var directory = new TempDirectory();
        string file = directory.Write("runbook.yaml", Runbook);

        JsonElement at = Json(Schedule(file, "--json", "--at", "2027-05-01T06:00:00Z"));
        JsonElement now = Json(Schedule(file, "--json"));

        Assert.Equal("2027-05-01T06:00:00Z", at.GetProperty("at").GetString());
        Assert.Equal("2027-05-01T18:00:00Z", at.GetProperty("workload").GetProperty("rotation").GetProperty("nominal").GetString());
        Assert.Equal("2026-03-01T00:00:00Z", now.GetProperty("at").GetString());
        Assert.Equal("2026-03-01T12:00:00Z", now.GetProperty("workload").GetProperty("rotation").GetProperty("nominal").GetString());
    }

    [Fact]
    public void A_cacerts_directory_gives_absolute_renewal_and_expiry_times_and_margins()
    {
        using var directory = new TempDirectory();
        string file = directory.Write("runbook.yaml", Runbook);
        string bundle = WriteBundleDirectory(directory);

        CliRun run = Schedule(file, bundle, "--json", "--at", "2026-03-01T00:00:00Z");

        Assert.Equal(0, run.ExitCode);
        JsonElement json = Json(run);
        JsonElement intermediate = json.GetProperty("intermediate");

        // TestPki's intermediate lives 2025-01-01..2030-01-01: cert-manager renews 168h before its real NotAfter.
        Assert.True(intermediate.GetProperty("fromCertificate").GetBoolean());
        Assert.Equal("2025-01-01T00:00:00Z", intermediate.GetProperty("notBefore").GetString());
        Assert.Equal("2029-12-25T00:00:00Z", intermediate.GetProperty("renewalTime").GetString());
        Assert.Equal("2030-01-01T00:00:00Z", intermediate.GetProperty("notAfter").GetString());
        Assert.Equal(604800, intermediate.GetProperty("renewBeforeSeconds").GetInt64());
        Assert.Equal(2592000, intermediate.GetProperty("durationSeconds").GetInt64());
        Assert.Equal("2035-01-01T00:00:00Z", json.GetProperty("root").GetProperty("notAfter").GetString());

        JsonElement margins = json.GetProperty("margins");
        long fiveYears = (long)(new DateTimeOffset(2035, 1, 1, 0, 0, 0, TimeSpan.Zero) - new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)).TotalSeconds;
        Assert.Equal(fiveYears, margins.GetProperty("intermediateExpiryBeforeRootExpirySeconds").GetInt64());
        long untilRenewal = (long)(new DateTimeOffset(2029, 12, 25, 0, 0, 0, TimeSpan.Zero) - new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)).TotalSeconds;
        Assert.Equal(untilRenewal, margins.GetProperty("untilIntermediateRenewalSeconds").GetInt64());
    }

    [Fact]
    public void The_bundles_root_bounds_the_intermediates_duration_MPKI2009()
    {
        using var directory = new TempDirectory();
        string file = directory.Write("runbook.yaml", Runbook);
        string bundle = WriteBundleDirectory(directory);

        // TestPki's root expires 2035-01-01; a 720h intermediate issued from 2034-12-20 would outlive it.
        CliRun late = Schedule(file, bundle, "--json", "--at", "2034-12-20T00:00:00Z");
        CliRun early = Schedule(file, bundle, "--json", "--at", "2026-03-01T00:00:00Z");

        Assert.Contains(Json(late).GetProperty("findings").EnumerateArray(), finding => finding.GetProperty("id").GetString() == "MPKI2009");
        Assert.DoesNotContain(Json(early).GetProperty("findings").EnumerateArray(), finding => finding.GetProperty("id").GetString() == "MPKI2009");
    }

    [Fact]
    public void A_Secret_manifest_named_cacerts_among_the_files_is_the_bundle()
    {
        using var directory = new TempDirectory();
        TestPki pki = TestPki.Shared;
        string secret = directory.Write("cacerts.yaml", SecretManifests.Yaml(
            "cacerts",
            ("ca-cert.pem", pki.Intermediate.ExportCertificatePem() + "\n"),
            ("ca-key.pem", pki.IntermediateKey.ExportPkcs8PrivateKeyPem() + "\n"),
            ("cert-chain.pem", pki.Intermediate.ExportCertificatePem() + "\n" + pki.Root.ExportCertificatePem() + "\n"),
            ("root-cert.pem", pki.Root.ExportCertificatePem() + "\n")));

        CliRun run = Schedule(directory.Write("runbook.yaml", Runbook), secret, "--at", "2026-03-01T00:00:00Z");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"2029-12-25T00:00:00Z\s+\+\S+ \(\d+h\)\s+renewal by cert-manager", run.Stdout);
        Assert.Contains("Root CA", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", run.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_bundles_are_a_usage_error()
    {
        using var directory = new TempDirectory();
        string bundle = WriteBundleDirectory(directory);

        CliRun run = Schedule(directory.Write("runbook.yaml", Runbook), bundle, bundle);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("give one", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--at", "yesterday")]
    [InlineData("--frobnicate")]
    public void Malformed_options_are_usage_errors(params string[] options)
    {
        using var directory = new TempDirectory();
        CliRun run = Schedule([directory.Write("runbook.yaml", Runbook), .. options]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void No_file_and_a_missing_file_are_usage_errors()
    {
        Assert.Equal(2, Schedule().ExitCode);
        CliRun missing = Schedule("/nonexistent/meshpki/runbook.yaml");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such file or directory", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_YAML_is_an_error_finding_and_exit_code_1()
    {
        using var directory = new TempDirectory();
        CliRun run = Schedule(directory.Write("broken.yaml", "kind: [unclosed\n"), "--json");

        Assert.Equal(1, run.ExitCode);
        JsonElement finding = Assert.Single(Json(run).GetProperty("findings").EnumerateArray());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Equal(2, finding.GetProperty("line").GetInt32());
    }

    [Fact]
    public void Names_from_files_are_escaped_in_human_output()
    {
        using var directory = new TempDirectory();
        CliRun run = Schedule(directory.Write("ca.yaml", Runbook.Replace("name: istio-ca", "name: \"istio-ca\\e[31m\"", StringComparison.Ordinal)));

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Stdout);
    }
}
