using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Golem.MeshPki.Cli.Tests.TestSupport;

namespace Golem.MeshPki.Cli.Tests.Commands;

/// <summary>
/// A hostile certificate carries terminal control sequences in its names and SANs, and a hostile
/// directory in its file names: the text output must show them, not obey them.
/// </summary>
public sealed partial class InspectCommandTests
{
    private const string HostileCommonName = "\u001b[31mEVIL\r\nSubject: fake";
    private const string HostileDnsName = "evil\u001b[2J.example";

    [Fact]
    public void Human_output_escapes_control_characters_in_subject_issuer_and_SANs()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("hostile.pem", HostileCertificate().ExportCertificatePem());

        CliRun run = CliRun.Of("inspect", path);

        Assert.Equal(0, run.ExitCode);
        AssertNothingForTheTerminal(run.Stdout);

        // The forged "Subject:" stays on the subject's line (and on the issuer's: the certificate is self-issued).
        string[] lines = run.Stdout.Split('\n');
        Assert.Single(lines, line => line.StartsWith("  Subject      ", StringComparison.Ordinal) && line.Contains("EVIL", StringComparison.Ordinal) && line.Contains("Subject: fake", StringComparison.Ordinal));
        Assert.Single(lines, line => line.StartsWith("  Issuer       ", StringComparison.Ordinal) && line.Contains("Subject: fake", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.StartsWith("Subject: fake", StringComparison.Ordinal));
        Assert.Contains(@"  SANs         DNS:evil\x1b[2J.example, DNS:ok.example" + "\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_keeps_hostile_names_exact_and_escaped()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("hostile.pem", HostileCertificate().ExportCertificatePem());

        CliRun run = CliRun.Of("inspect", path, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain(run.Stdout, c => char.IsControl(c) && c != '\n');
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        JsonElement certificate = json.RootElement.GetProperty("certificates")[0];
        Assert.Equal(["DNS:" + HostileDnsName, "DNS:ok.example"], Strings(certificate, "subjectAlternativeNames"));
    }

    [Fact]
    public void Human_output_and_stderr_escape_file_names()
    {
        using var directory = new TempDirectory();
        directory.Write("ok\u202egnp.pem", Pki.Leaf.ExportCertificatePem());
        directory.Write("bad\u001b]0;pwned\u0007.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n");

        CliRun run = CliRun.Of("inspect", directory.Path);

        Assert.Equal(1, run.ExitCode);
        AssertNothingForTheTerminal(run.Stdout);
        AssertNothingForTheTerminal(run.Stderr);
        Assert.Contains(Path.Join(directory.Path, @"ok\u202egnp.pem#0") + "\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("meshpki: " + Path.Join(directory.Path, @"bad\x1b]0;pwned\x07.pem") + ": Malformed PEM", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Stderr_escapes_Secret_names_from_a_manifest()
    {
        using var directory = new TempDirectory();

        // YAML's "\e" is ESC: the Secret's name rewrites the terminal title, were it printed raw.
        string manifest = SecretManifests.Yaml("placeholder", ("ca-cert.pem", "not a certificate\n"))
            .Replace("name: placeholder", "name: \"x\\e]0;pwned\\a\"", StringComparison.Ordinal);
        string path = directory.Write("cacerts.yaml", manifest);

        CliRun run = CliRun.Of("inspect", path);

        Assert.Equal(1, run.ExitCode);
        AssertNothingForTheTerminal(run.Stderr);
        Assert.Contains(@":x\x1b]0;pwned\x07/ca-cert.pem", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// Self-signed, CN <see cref="HostileCommonName"/> as a UTF8String (which .NET writes as given),
    /// and a SAN extension written by hand: SubjectAlternativeNameBuilder would refuse the DNS name.
    /// </summary>
    private static X509Certificate2 HostileCertificate()
    {
        var name = new X500DistinguishedNameBuilder();
        name.Add("2.5.4.3", HostileCommonName, UniversalTagNumber.UTF8String);
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256);

        // RFC 5280 4.2.1.6: GeneralNames ::= SEQUENCE OF GeneralName; dNSName is [2] IA5String.
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            Asn1Tag dnsName = new(TagClass.ContextSpecific, 2);
            writer.WriteCharacterString(UniversalTagNumber.IA5String, HostileDnsName, dnsName);
            writer.WriteCharacterString(UniversalTagNumber.IA5String, "ok.example", dnsName);
        }

        request.CertificateExtensions.Add(new X509Extension("2.5.29.17", writer.Encode(), critical: false));
        return request.CreateSelfSigned(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    private static void AssertNothingForTheTerminal(string output)
    {
        int index = output.AsSpan().IndexOfAny(TerminalControls);
        Assert.True(index < 0, $"U+{(index < 0 ? 0 : output[index]):X4} reached the terminal at {index}: {output}");
    }

    /// <summary>Every C0 and C1 control but LF, DEL, and the bidirectional formatting characters.</summary>
    private static readonly System.Buffers.SearchValues<char> TerminalControls = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0xA0).Select(code => (char)code).Where(c => char.IsControl(c) && c != '\n'),
         '\u061c', '\u200e', '\u200f', '\u2028', '\u2029', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']);
}
