using Golem.MeshPki.Cli.Tests.TestSupport;

namespace Golem.MeshPki.Cli.Tests.Commands;

/// <summary>The human report: chain tree, roots, findings by severity, verdict.</summary>
public sealed partial class VerifyCommandTests
{
    [Fact]
    public void Valid_tools_certs_bundle_exits_0_with_the_chain_tree_and_a_valid_verdict()
    {
        using var temp = new TempDirectory();
        string directory = OpenSslCaCerts.WriteDirectory(temp, _pki.IstioFiles());

        CliRun run = Verify(directory);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        string[] lines = run.Stdout.Split('\n');
        int days = (OpenSslCaCerts.IntermediateNotAfter - TestPki.Now).Days;
        Assert.Contains($"  CA certificate  {directory}/ca-cert.pem#1", lines);
        Assert.Contains("  │  CN=Intermediate CA,O=Istio", lines);
        Assert.Contains(lines, line => line.StartsWith("  │  [", StringComparison.Ordinal) && line.EndsWith($"2025-01-01T00:00:00Z to 2030-01-01T00:00:00Z, expires in {days} days", StringComparison.Ordinal));
        Assert.Contains($"  └─ root  {directory}/cert-chain.pem#2", lines);
        Assert.Contains("Root bundle", lines);
        Assert.Contains($"  root  {directory}/root-cert.pem#1", lines);
        Assert.StartsWith("Verdict: valid (0 errors, 0 warnings, 0 info)", lines.Last(line => line.Length > 0), StringComparison.Ordinal);
        Assert.DoesNotContain("Errors", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validity_bar_shows_the_elapsed_part_of_the_validity_period()
    {
        // 2026-03-01 is 14 months into the intermediate's 60: 23%, 4 of 20 cells.
        using var temp = new TempDirectory();
        string directory = OpenSslCaCerts.WriteDirectory(temp, _pki.IstioFiles());

        CliRun run = Verify(directory);

        Assert.Contains("  │  [████░░░░░░░░░░░░░░░░]  23%  2025-01-01T00:00:00Z to 2030-01-01T00:00:00Z", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Runbook_mistake_2_Vault_sign_role_intermediate_without_CA_true_exits_1_with_MPKI1002()
    {
        using var temp = new TempDirectory();
        string directory = OpenSslCaCerts.WriteDirectory(temp, _pki.IstioFiles(caCert: _pki.NonCaCertPem));

        CliRun run = Verify(directory);

        Assert.Equal(1, run.ExitCode);
        string errors = Section(run.Stdout, "Errors");
        Assert.Contains($"  MPKI1002  {directory}/ca-cert.pem#1  CN=Intermediate CA,O=Istio", errors, StringComparison.Ordinal);
        Assert.Contains("is not a CA (basicConstraints cA FALSE)", errors, StringComparison.Ordinal);
        Assert.Contains("Verdict: NOT VALID", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_of_another_certificate_exits_1_with_MPKI1001()
    {
        using var temp = new TempDirectory();
        string directory = OpenSslCaCerts.WriteDirectory(temp, _pki.IstioFiles(caKey: _pki.OtherKeyPem));

        CliRun run = Verify(directory);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"  MPKI1001  {directory}/ca-key.pem#1  CN=Intermediate CA,O=Istio", Section(run.Stdout, "Errors"), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_root_cert_pem_exits_1_with_MPKI1013()
    {
        using var temp = new TempDirectory();
        Dictionary<string, string> files = _pki.IstioFiles();
        files.Remove("root-cert.pem");
        string directory = OpenSslCaCerts.WriteDirectory(temp, files);

        CliRun run = Verify(directory);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("  MPKI1013", Section(run.Stdout, "Errors"), StringComparison.Ordinal);
        Assert.Contains("root-cert.pem", Section(run.Stdout, "Errors"), StringComparison.Ordinal);
        Assert.Contains("Root bundle\n  none", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Intermediate_expired_at_the_given_time_exits_1_with_MPKI1007()
    {
        using var temp = new TempDirectory();
        string directory = OpenSslCaCerts.WriteDirectory(temp, _pki.IstioFiles());

        CliRun run = Verify(directory, "--at", "2030-06-01T00:00:00Z");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Checked at 2030-06-01T00:00:00Z", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"  MPKI1007  {directory}/ca-cert.pem#1  CN=Intermediate CA,O=Istio", Section(run.Stdout, "Errors"), StringComparison.Ordinal);
        Assert.Contains("[████████████████████] 100%  2025-01-01T00:00:00Z to 2030-01-01T00:00:00Z, EXPIRED 151 days ago", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void At_defaults_to_the_clock_of_the_context()
    {
        using var temp = new TempDirectory();
        string directory = OpenSslCaCerts.WriteDirectory(temp, _pki.IstioFiles());

        CliRun run = CliRun.At(new DateTimeOffset(2030, 6, 1, 0, 0, 0, TimeSpan.Zero), [], "verify", directory);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Checked at 2030-06-01T00:00:00Z", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("MPKI1007", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_layouts_in_one_directory_is_an_MPKI1014_warning_and_exits_0()
    {
        using var temp = new TempDirectory();
        Dictionary<string, string> files = _pki.IstioFiles();
        foreach ((string name, string content) in _pki.CertManagerFiles())
        {
            files[name] = content;
        }

        string directory = OpenSslCaCerts.WriteDirectory(temp, files);

        CliRun run = Verify(directory);

        Assert.Equal(0, run.ExitCode);
        string warnings = Section(run.Stdout, "Warnings");
        Assert.Contains($"  MPKI1014  {directory}\n", warnings, StringComparison.Ordinal);
        Assert.Contains("istiod uses the cert-manager layout", warnings, StringComparison.Ordinal);
        Assert.Contains("(cert-manager layout: tls.crt, tls.key, ca.crt)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Verdict: valid (0 errors, 1 warning, 0 info)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Pinned_root_that_the_chain_does_not_end_at_exits_1_with_MPKI1010()
    {
        using var temp = new TempDirectory();
        string directory = OpenSslCaCerts.WriteDirectory(temp, _pki.IstioFiles());

        CliRun run = Verify(directory, "--root-fingerprint", new string('a', 64));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"  MPKI1010  {directory}/cert-chain.pem#2  CN=Root CA,O=Istio", Section(run.Stdout, "Errors"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Pinned_root_that_the_chain_ends_at_is_no_finding_with_or_without_colons(bool colons)
    {
        using var temp = new TempDirectory();
        string directory = OpenSslCaCerts.WriteDirectory(temp, _pki.IstioFiles());
        string pin = colons ? _pki.RootFingerprint : _pki.RootFingerprint.Replace(":", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

        CliRun run = Verify(directory, "--root-fingerprint", new string('b', 64), "--root-fingerprint", pin);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("MPKI1010", run.Stdout, StringComparison.Ordinal);
    }

    /// <summary>The lines of the findings group titled <paramref name="title"/>, up to the next blank line.</summary>
    private static string Section(string stdout, string title)
    {
        int start = stdout.IndexOf("\n" + title + " (", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No '{title}' section in:\n{stdout}");
        int end = stdout.IndexOf("\n\n", start + 1, StringComparison.Ordinal);
        return stdout[(start + 1)..(end < 0 ? stdout.Length : end + 1)];
    }
}
