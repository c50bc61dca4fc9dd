using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Golem.MeshPki.Rules;

namespace Golem.MeshPki.Cli.Output;

/// <summary>
/// Writes <c>meshpki lint</c>'s result as exactly one JSON document, fields in a fixed order:
/// <c>{"findings":[{"id","severity","message","file","line","column"}],"errors":[{"file","line","column","message"}]}</c>.
/// The field names are a contract (issue 4); add fields at the end, never rename.
/// </summary>
internal static class LintJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,

        // Not embedded in HTML: keep '+' and '<role>' and non-ASCII text readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="report"/> and a final newline.</summary>
    /// <param name="report">What lint found.</param>
    /// <param name="stdout">The writer.</param>
    public static void Write(LintReport report, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stdout);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteStartArray("findings");
            foreach (Finding finding in report.Findings)
            {
                FindingLocation location = finding.Location!.Value;
                json.WriteStartObject();
                json.WriteString("id", finding.Id);
                json.WriteString("severity", VerifyJsonWriter.SeverityName(finding.Severity));
                json.WriteString("message", finding.Message);
                json.WriteString("file", location.File);
                json.WriteNumber("line", location.Line);
                json.WriteNumber("column", location.Column);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("errors");
            foreach (LintInputError error in report.Errors)
            {
                json.WriteStartObject();
                json.WriteString("file", error.File);
                WriteNumberOrNull(json, "line", error.Line);
                WriteNumberOrNull(json, "column", error.Column);
                json.WriteString("message", error.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stdout.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, checked((int)buffer.Length)));
        stdout.WriteLine();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
