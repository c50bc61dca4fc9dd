using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Golem.MeshPki.Cli.Verification;
using Golem.MeshPki.Packaging;
using Golem.MeshPki.Rules;

namespace Golem.MeshPki.Cli.Output;

/// <summary>
/// Writes the verdict on a <c>cacerts</c> bundle as exactly one JSON document, fields in a fixed order:
/// <c>{"valid":bool,"layout":"istio|cert-manager","chain":[{"source","subject","notAfter"}],"roots":[...],
/// "findings":[{"id","severity","message","source","subject"}]}</c>. The field names and value formats are a
/// contract (issue 3); add fields at the end, never rename.
/// </summary>
/// <remarks><c>layout</c> is <see langword="null"/> when the input could not be read as a bundle at all (MPKI1013).</remarks>
internal static class VerifyJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,

        // Not embedded in HTML: keep '+' in names and non-ASCII text readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="report"/> and a final newline.</summary>
    /// <param name="report">The verdict.</param>
    /// <param name="stdout">The writer.</param>
    public static void Write(VerifyReport report, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stdout);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteBoolean("valid", report.IsValid);
            WriteStringOrNull(json, "layout", report.Layout switch
            {
                CaCertsLayout.Istio => "istio",
                CaCertsLayout.CertManager => "cert-manager",
                _ => null,
            });
            WriteCertificates(json, "chain", report.Chain);
            WriteCertificates(json, "roots", report.Roots);
            json.WriteStartArray("findings");
            foreach (Finding finding in report.Findings)
            {
                json.WriteStartObject();
                json.WriteString("id", finding.Id);
                json.WriteString("severity", SeverityName(finding.Severity));
                json.WriteString("message", finding.Message);
                WriteStringOrNull(json, "source", finding.Source);
                WriteStringOrNull(json, "subject", finding.Subject);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stdout.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, checked((int)buffer.Length)));
        stdout.WriteLine();
    }

    /// <summary>The contract's severity names: <c>error</c>, <c>warning</c>, <c>info</c>.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>Its name.</returns>
    public static string SeverityName(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        _ => "info",
    };

    private static void WriteCertificates(Utf8JsonWriter json, string name, IReadOnlyList<BundleCertificate> certificates)
    {
        json.WriteStartArray(name);
        foreach (BundleCertificate certificate in certificates)
        {
            json.WriteStartObject();
            json.WriteString("source", certificate.Source);
            json.WriteString("subject", certificate.Certificate.Subject.ToString());
            json.WriteString("notAfter", JsonReportWriter.FormatTime(certificate.Certificate.NotAfter));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
