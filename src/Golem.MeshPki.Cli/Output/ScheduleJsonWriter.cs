using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Golem.MeshPki.Configuration;
using Golem.MeshPki.Lifetimes;
using Golem.MeshPki.Rules;

namespace Golem.MeshPki.Cli.Output;

/// <summary>
/// Writes a <see cref="MeshTimeline"/> as exactly one JSON document, fields in a fixed order:
/// <c>{"at","workload":{"ttlSeconds","gracePeriodRatio","gracePeriodRatioJitter","rotateAfterSeconds":{"earliest","nominal","latest"},...},
/// "intermediate":{"durationSeconds","renewBeforeSeconds","renewAfterSeconds",...},"root","margins","findings":[{"id","severity","message","file","line","column"}],"notes"}</c>.
/// The field names are a contract (issue 4); add fields, never rename. Offsets are whole seconds from issuance;
/// <c>renewBeforeSeconds</c> is what cert-manager will actually use; times are UTC ISO 8601, <see langword="null"/> when unknown.
/// </summary>
internal static class ScheduleJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,

        // Not embedded in HTML: keep '+' in names and non-ASCII text readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the timeline, the findings and a final newline.</summary>
    /// <param name="timeline">The timeline.</param>
    /// <param name="findings">The findings on the inputs.</param>
    /// <param name="stdout">The writer.</param>
    public static void Write(MeshTimeline timeline, IReadOnlyList<Finding> findings, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(stdout);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("at", JsonReportWriter.FormatTime(timeline.At));
            WriteWorkload(json, timeline.Workload);
            WriteIntermediate(json, timeline.Intermediate);
            if (timeline.RootNotAfter is { } rootNotAfter)
            {
                json.WriteStartObject("root");
                json.WriteString("notAfter", JsonReportWriter.FormatTime(rootNotAfter));
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("root");
            }

            json.WriteStartObject("margins");
            WriteSecondsOrNull(json, "workloadExpiryBeforeIntermediateExpirySeconds", timeline.WorkloadExpiryBeforeIntermediateExpiry);
            WriteSecondsOrNull(json, "intermediateExpiryBeforeRootExpirySeconds", timeline.IntermediateExpiryBeforeRootExpiry);
            WriteSecondsOrNull(json, "untilIntermediateRenewalSeconds", timeline.UntilIntermediateRenewal);
            WriteSecondsOrNull(json, "untilIntermediateExpirySeconds", timeline.UntilIntermediateExpiry);
            WriteSecondsOrNull(json, "untilRootExpirySeconds", timeline.UntilRootExpiry);
            json.WriteEndObject();

            json.WriteStartArray("findings");
            foreach (Finding finding in findings)
            {
                json.WriteStartObject();
                json.WriteString("id", finding.Id);
                json.WriteString("severity", VerifyJsonWriter.SeverityName(finding.Severity));
                json.WriteString("message", finding.Message);
                WriteStringOrNull(json, "file", finding.Location?.File ?? finding.Source);
                WriteNumberOrNull(json, "line", finding.Location?.Line);
                WriteNumberOrNull(json, "column", finding.Location?.Column);
                json.WriteEndObject();
            }

            json.WriteEndArray();

            // Settings that were found but could not be used; the default applied instead.
            json.WriteStartArray("notes");
            foreach (ConfigurationProblem problem in timeline.UnusableSettings)
            {
                json.WriteStartObject();
                json.WriteString("message", problem.Message);
                WritePosition(json, problem.Position);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stdout.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, checked((int)buffer.Length)));
        stdout.WriteLine();
    }

    /// <summary>Whole seconds, truncated toward zero (the timeline's values are whole seconds already).</summary>
    /// <param name="value">The duration.</param>
    /// <returns>The seconds.</returns>
    public static long Seconds(TimeSpan value) => value.Ticks / TimeSpan.TicksPerSecond;

    private static void WriteWorkload(Utf8JsonWriter json, MeshTimelineWorkload workload)
    {
        json.WriteStartObject("workload");
        json.WriteNumber("ttlSeconds", Seconds(workload.Ttl.Value));
        json.WriteNumber("gracePeriodRatio", workload.GracePeriodRatio.Value);
        json.WriteNumber("gracePeriodRatioJitter", workload.GracePeriodRatioJitter.Value);
        json.WriteStartObject("rotateAfterSeconds");
        json.WriteNumber("earliest", Seconds(workload.RotateAfter.Earliest));
        json.WriteNumber("nominal", Seconds(workload.RotateAfter.Nominal));
        json.WriteNumber("latest", Seconds(workload.RotateAfter.Latest));
        json.WriteEndObject();
        json.WriteString("issuedAt", JsonReportWriter.FormatTime(workload.IssuedAt));
        json.WriteStartObject("rotation");
        json.WriteString("earliest", JsonReportWriter.FormatTime(workload.EarliestRotation));
        json.WriteString("nominal", JsonReportWriter.FormatTime(workload.NominalRotation));
        json.WriteString("latest", JsonReportWriter.FormatTime(workload.LatestRotation));
        json.WriteEndObject();
        json.WriteString("expiry", JsonReportWriter.FormatTime(workload.Expiry));
        json.WriteStartObject("settings");
        WriteSetting(json, "ttl", workload.Ttl.Position);
        WriteSetting(json, "gracePeriodRatio", workload.GracePeriodRatio.Position);
        WriteSetting(json, "gracePeriodRatioJitter", workload.GracePeriodRatioJitter.Position);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteIntermediate(Utf8JsonWriter json, MeshTimelineIntermediate intermediate)
    {
        json.WriteStartObject("intermediate");
        json.WriteNumber("durationSeconds", Seconds(intermediate.Duration.Value));
        json.WriteNumber("renewBeforeSeconds", Seconds(intermediate.RenewBefore));
        json.WriteNumber("renewAfterSeconds", Seconds(intermediate.RenewAfter));
        json.WriteString("renewBeforeSource", intermediate.RenewBeforeSource switch
        {
            CertManagerRenewBeforeSource.RenewBefore => "renewBefore",
            CertManagerRenewBeforeSource.RenewBeforePercentage => "renewBeforePercentage",
            _ => "oneThirdOfLifetime",
        });
        json.WriteNumber("lifetimeSeconds", Seconds(intermediate.Lifetime));
        json.WriteBoolean("fromCertificate", intermediate.IsFromCertificate);
        WriteTimeOrNull(json, "notBefore", intermediate.NotBefore);
        WriteTimeOrNull(json, "renewalTime", intermediate.RenewalTime);
        WriteTimeOrNull(json, "notAfter", intermediate.NotAfter);
        if (intermediate.CertificatePosition is { } position)
        {
            json.WriteStartObject("certificate");
            WriteStringOrNull(json, "name", intermediate.CertificateName);
            WriteStringOrNull(json, "namespace", intermediate.CertificateNamespace);
            WritePosition(json, position);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("certificate");
        }

        json.WriteStartObject("settings");
        WriteSetting(json, "duration", intermediate.Duration.Position);
        WriteSetting(json, "renewBefore", intermediate.ConfiguredRenewBefore?.Position);
        WriteSetting(json, "renewBeforePercentage", intermediate.ConfiguredRenewBeforePercentage?.Position);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Where a setting was read, as <c>{"file","line","column"}</c>, or null when the default applied.</summary>
    private static void WriteSetting(Utf8JsonWriter json, string name, SourcePosition? position)
    {
        if (position is { } p)
        {
            json.WriteStartObject(name);
            WritePosition(json, p);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WritePosition(Utf8JsonWriter json, SourcePosition position)
    {
        json.WriteString("file", position.File);
        json.WriteNumber("line", position.Line);
        json.WriteNumber("column", position.Column);
    }

    private static void WriteSecondsOrNull(Utf8JsonWriter json, string name, TimeSpan? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, Seconds(v));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteTimeOrNull(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            json.WriteString(name, JsonReportWriter.FormatTime(v));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
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
