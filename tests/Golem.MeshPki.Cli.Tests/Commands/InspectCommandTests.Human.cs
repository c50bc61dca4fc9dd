using System.Security.Cryptography;
using Golem.MeshPki.Cli.Tests.TestSupport;

namespace Golem.MeshPki.Cli.Tests.Commands;

public sealed partial class InspectCommandTests
{
    [Fact]
    public void Human_output_says_how_many_days_a_valid_certificate_has_left()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("leaf.pem", Pki.Leaf.ExportCertificatePem());

        CliRun run = CliRun.Of("inspect", path);

        Assert.Equal(0, run.ExitCode);

        // 2026-03-01 to 2026-06-01.
        Assert.Contains("2025-06-01T00:00:00Z to 2026-06-01T00:00:00Z, expires in 92 days", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Human_output_says_how_long_ago_an_expired_certificate_expired()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("expired.pem", Pki.ExpiredLeaf.ExportCertificatePem());

        CliRun run = CliRun.Of("inspect", path);

        // Expired certificates are reported, not errors: the input was read.
        Assert.Equal(0, run.ExitCode);

        // 2025-02-01 to 2026-03-01.
        Assert.Contains("EXPIRED 393 days ago", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Human_output_counts_days_with_the_given_clock()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("leaf.pem", Pki.Leaf.ExportCertificatePem());

        CliRun dayBefore = CliRun.At(new DateTimeOffset(2026, 5, 31, 0, 0, 0, TimeSpan.Zero), [], "inspect", path);
        CliRun dayAfter = CliRun.At(new DateTimeOffset(2026, 6, 2, 12, 0, 0, TimeSpan.Zero), [], "inspect", path);
        CliRun beforeStart = CliRun.At(new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero), [], "inspect", path);

        Assert.Contains("expires in 1 day\n", dayBefore.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("EXPIRED 1 day ago", dayAfter.Stdout, StringComparison.Ordinal);
        Assert.Contains("NOT YET VALID: starts in 31 days, expires in 396 days", beforeStart.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Human_output_has_one_compact_block_per_certificate()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("cert-chain.pem", Pki.ChainPem);

        CliRun run = CliRun.Of("inspect", path);

        Assert.Equal(0, run.ExitCode);
        string expectedLeaf = string.Join(
            "\n",
            $"{path}#0",
            "  Subject      CN=sleep.default.svc.cluster.local,O=Golem",
            "  Issuer       CN=Golem Test Intermediate CA,O=Golem",
            "  Serial       abcdef01",
            "  Validity     2025-06-01T00:00:00Z to 2026-06-01T00:00:00Z, expires in 92 days",
            "  Key          EC P-256",
            "  Signature    ecdsa-with-SHA256",
            "  CA           no",
            "  Key usage    digitalSignature, keyEncipherment",
            "  Ext. usage   serverAuth, clientAuth",
            $"  SANs         URI:{TestPki.SpiffeId}, DNS:sleep.default.svc.cluster.local, IP:10.1.2.3",
            $"  SHA-256      {Convert.ToHexStringLower(SHA256.HashData(Pki.Leaf.RawData))}",
            string.Empty);
        string stdout = run.Stdout.ReplaceLineEndings("\n");
        Assert.StartsWith(expectedLeaf, stdout, StringComparison.Ordinal);
        Assert.Contains("  CA           yes, path length 0\n", stdout, StringComparison.Ordinal);
        Assert.Contains("  Issuer       CN=Golem Test Root CA,O=Golem (self-signed)\n", stdout, StringComparison.Ordinal);
        Assert.Contains("  Key          RSA 2048 bits\n", stdout, StringComparison.Ordinal);
        Assert.Contains("  CA           yes, no path length limit\n", stdout, StringComparison.Ordinal);
        Assert.EndsWith("\n3 certificates, 0 private keys, 0 errors\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Human_output_is_plain_text_when_not_a_terminal()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("cert-chain.pem", Pki.ChainPem);

        CliRun run = CliRun.Of("inspect", path);

        Assert.DoesNotContain('\u001b', run.Stdout);

        // Not wrapped at 80 columns either: one field per line, whatever its length.
        Assert.Contains("  SHA-256      " + Convert.ToHexStringLower(SHA256.HashData(Pki.Root.RawData)) + Environment.NewLine, run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Human_output_prints_names_literally_not_as_console_markup()
    {
        // Spectre.Console markup in a subject must not be interpreted (or crash the renderer).
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=[red]not markup[/] Zürich", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var directory = new TempDirectory();
        string path = directory.Write("markup.pem", certificate.ExportCertificatePem());

        CliRun human = CliRun.Of("inspect", path);
        CliRun json = CliRun.Of("inspect", path, "--json");

        Assert.Equal(0, human.ExitCode);
        Assert.Contains("  Subject      CN=[red]not markup[/] Zürich", human.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"subject\": \"CN=[red]not markup[/] Zürich\"", json.Stdout, StringComparison.Ordinal);
    }
}
