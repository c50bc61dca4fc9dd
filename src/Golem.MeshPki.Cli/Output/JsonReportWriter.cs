using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Golem.MeshPki.Cli.Inspection;

namespace Golem.MeshPki.Cli.Output;

/// <summary>
/// Writes the report as exactly one JSON document for other tools, with the fields in a fixed order:
/// <c>{"certificates":[...],"privateKeys":[...],"errors":[...]}</c>. The field names and value formats
/// are a contract; add fields at the end, never rename.
/// </summary>
internal static class JsonReportWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,

        // Not embedded in HTML: keep '+' in names and non-ASCII text readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>UTC ISO 8601 to the second, as <c>2029-01-01T00:00:00Z</c>.</summary>
    /// <param name="time">The time.</param>
    /// <returns>The text.</returns>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Writes <paramref name="report"/> and a final newline.</summary>
    /// <param name="report">What was found.</param>
    /// <param name="stdout">The writer.</param>
    public static void Write(InspectionReport report, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stdout);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteStartArray("certificates");
            foreach (CertificateSummary certificate in report.Certificates)
            {
                WriteCertificate(json, certificate);
            }

            json.WriteEndArray();
            json.WriteStartArray("privateKeys");
            foreach (PrivateKeySummary key in report.PrivateKeys)
            {
                json.WriteStartObject();
                json.WriteString("source", key.Source);
                json.WriteString("keyAlgorithm", key.KeyAlgorithm.Name);
                WriteStringOrNull(json, "matchesCertificate", key.MatchesCertificate);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("errors");
            foreach (InputError error in report.Errors)
            {
                json.WriteStartObject();
                json.WriteString("source", error.Source);
                json.WriteString("message", error.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stdout.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, checked((int)buffer.Length)));
        stdout.WriteLine();
    }

    private static void WriteCertificate(Utf8JsonWriter json, CertificateSummary certificate)
    {
        json.WriteStartObject();
        json.WriteString("source", certificate.Source);
        json.WriteString("subject", certificate.Subject);
        json.WriteString("issuer", certificate.Issuer);
        json.WriteString("serialNumber", certificate.SerialNumber);
        json.WriteString("notBefore", FormatTime(certificate.NotBefore));
        json.WriteString("notAfter", FormatTime(certificate.NotAfter));
        json.WriteString("sha256Fingerprint", certificate.Sha256Fingerprint);
        json.WriteBoolean("isCa", certificate.IsCa);
        if (certificate.PathLength is { } pathLength)
        {
            json.WriteNumber("pathLength", pathLength);
        }
        else
        {
            json.WriteNull("pathLength");
        }

        json.WriteString("keyAlgorithm", certificate.KeyAlgorithm.Name);
        json.WriteNumber("keySize", certificate.KeySize);
        WriteStringOrNull(json, "curve", certificate.Curve);
        json.WriteString("signatureAlgorithm", certificate.SignatureAlgorithm);
        WriteStrings(json, "keyUsage", certificate.KeyUsage);
        WriteStrings(json, "extendedKeyUsage", certificate.ExtendedKeyUsage);
        WriteStrings(json, "subjectAlternativeNames", certificate.SubjectAlternativeNames);
        json.WriteBoolean("selfSigned", certificate.SelfSigned);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (string value in values)
        {
            json.WriteStringValue(value);
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
