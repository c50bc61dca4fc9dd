using System.Globalization;
using Golem.MeshPki.Configuration;
using Golem.MeshPki.Lifetimes;
using Golem.MeshPki.Rules;

namespace Golem.MeshPki.Cli.Output;

/// <summary>
/// Prints a <see cref="MeshTimeline"/> as plain text: one line per event with its absolute time when known, its
/// offset from issuance (<c>+23d (552h)</c>) and its name, then the margins, the findings in a compiler's form, and the settings that were ignored.
/// Everything read from the user's files is escaped (<see cref="TerminalText.Escape"/>).
/// </summary>
internal static class ScheduleRenderer
{
    private const string Unknown = "(no certificate given)";

    /// <summary>Writes the timeline and the findings.</summary>
    /// <param name="timeline">The timeline.</param>
    /// <param name="findings">The findings on the inputs.</param>
    /// <param name="stdout">The writer.</param>
    public static void Render(MeshTimeline timeline, IReadOnlyList<Finding> findings, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(stdout);
        stdout.WriteLine($"Mesh certificate timeline at {JsonReportWriter.FormatTime(timeline.At)}");
        stdout.WriteLine();

        MeshTimelineWorkload workload = timeline.Workload;
        stdout.WriteLine(
            $"Workload certificate issued at {JsonReportWriter.FormatTime(workload.IssuedAt)} " +
            $"(SECRET_TTL {Duration(workload.Ttl.Value)} {Origin(workload.Ttl.Position)}, " +
            $"grace period ratio {Number(workload.GracePeriodRatio.Value)} {Origin(workload.GracePeriodRatio.Position)}, " +
            $"jitter {Number(workload.GracePeriodRatioJitter.Value)} {Origin(workload.GracePeriodRatioJitter.Position)})");
        Event(stdout, "rotation, earliest", workload.EarliestRotation, workload.RotateAfter.Earliest);
        Event(stdout, "rotation, nominal", workload.NominalRotation, workload.RotateAfter.Nominal);
        Event(stdout, "rotation, latest", workload.LatestRotation, workload.RotateAfter.Latest);
        Event(stdout, "expiry", workload.Expiry, workload.Ttl.Value);
        stdout.WriteLine();

        MeshTimelineIntermediate intermediate = timeline.Intermediate;
        string certificate = intermediate.CertificatePosition is { } position
            ? $"Certificate '{TerminalText.Escape(Qualified(intermediate.CertificateNamespace, intermediate.CertificateName))}' at {TerminalText.Escape(position.ToString())}"
            : "no cert-manager Certificate found, cert-manager's defaults";
        stdout.WriteLine(
            $"Intermediate CA ({certificate}; duration {Duration(intermediate.Duration.Value)} {Origin(intermediate.Duration.Position)}; " +
            $"renewBefore used {Duration(intermediate.RenewBefore)}, {SourceText(intermediate.RenewBeforeSource)})");
        if (intermediate.IsFromCertificate && intermediate.Lifetime != intermediate.Duration.Value)
        {
            stdout.WriteLine($"  the certificate in cacerts lives {Duration(intermediate.Lifetime)}, not the configured {Duration(intermediate.Duration.Value)}: cert-manager renews on the real lifetime");
        }

        Event(stdout, "issued (NotBefore)", intermediate.NotBefore, TimeSpan.Zero);
        Event(stdout, "renewal by cert-manager", intermediate.RenewalTime, intermediate.RenewAfter);
        Event(stdout, "expiry (NotAfter)", intermediate.NotAfter, intermediate.Lifetime);
        if (timeline.RootNotAfter is { } rootNotAfter)
        {
            stdout.WriteLine();
            stdout.WriteLine("Root CA");
            Event(stdout, "expiry (NotAfter)", rootNotAfter, null);
        }

        stdout.WriteLine();
        stdout.WriteLine("Margins");
        Margin(stdout, "intermediate renewal to its expiry", intermediate.RenewalToExpiry);
        Margin(stdout, "workload expiry before intermediate expiry (a workload certificate issued at the renewal)", timeline.WorkloadExpiryBeforeIntermediateExpiry);
        Margin(stdout, "intermediate expiry before root expiry", timeline.IntermediateExpiryBeforeRootExpiry);
        Margin(stdout, "until the intermediate's renewal", timeline.UntilIntermediateRenewal);
        Margin(stdout, "until the intermediate's expiry", timeline.UntilIntermediateExpiry);
        Margin(stdout, "until the root's expiry", timeline.UntilRootExpiry);

        if (timeline.UnusableSettings.Count > 0)
        {
            stdout.WriteLine();
            stdout.WriteLine("Ignored settings");
            foreach (ConfigurationProblem problem in timeline.UnusableSettings)
            {
                stdout.WriteLine($"  {TerminalText.Escape(problem.ToString())}");
            }
        }

        stdout.WriteLine();
        if (findings.Count == 0)
        {
            stdout.WriteLine("No findings.");
            return;
        }

        stdout.WriteLine("Findings");
        foreach (Finding finding in findings)
        {
            stdout.WriteLine($"  {TerminalText.Escape(finding.ToString())}");
        }
    }

    /// <summary>A duration as days, hours, minutes and seconds, e.g. <c>23d</c>, <c>11h45m36s</c>, <c>-2d3h</c>.</summary>
    /// <param name="value">The duration.</param>
    /// <returns>The text.</returns>
    public static string Duration(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        string sign = value < TimeSpan.Zero ? "-" : string.Empty;
        TimeSpan magnitude = value.Duration();
        var parts = new List<string>();
        if (magnitude.Days > 0)
        {
            parts.Add(magnitude.Days.ToString(CultureInfo.InvariantCulture) + "d");
        }

        if (magnitude.Hours > 0)
        {
            parts.Add(magnitude.Hours.ToString(CultureInfo.InvariantCulture) + "h");
        }

        if (magnitude.Minutes > 0)
        {
            parts.Add(magnitude.Minutes.ToString(CultureInfo.InvariantCulture) + "m");
        }

        if (magnitude.Seconds > 0 || parts.Count == 0)
        {
            parts.Add(magnitude.Seconds.ToString(CultureInfo.InvariantCulture) + "s");
        }

        string text = sign + string.Concat(parts);

        // cert-manager and Istio settings are written in hours (720h, 168h): show them too.
        return magnitude >= TimeSpan.FromDays(1) && magnitude.Ticks % TimeSpan.TicksPerHour == 0
            ? $"{text} ({sign}{(magnitude.Ticks / TimeSpan.TicksPerHour).ToString(CultureInfo.InvariantCulture)}h)"
            : text;
    }

    private static void Event(TextWriter stdout, string name, DateTimeOffset? time, TimeSpan? offset)
    {
        string when = time is { } t ? JsonReportWriter.FormatTime(t) : Unknown;
        string after = offset is { } o ? $"+{Duration(o)}" : string.Empty;
        stdout.WriteLine($"  {when,-22}  {after,-18}  {name}");
    }

    private static void Margin(TextWriter stdout, string name, TimeSpan? value)
    {
        if (value is { } v)
        {
            stdout.WriteLine($"  {Duration(v),-18}  {name}{(v < TimeSpan.Zero ? " (negative)" : string.Empty)}");
        }
    }

    private static string Origin(SourcePosition? position) =>
        position is { } p ? "from " + TerminalText.Escape(p.ToString()) : "(default)";

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Qualified(string? ns, string? name) => ns is null ? name ?? "(unnamed)" : $"{ns}/{name ?? "(unnamed)"}";

    private static string SourceText(CertManagerRenewBeforeSource source) => source switch
    {
        CertManagerRenewBeforeSource.RenewBefore => "from spec.renewBefore",
        CertManagerRenewBeforeSource.RenewBeforePercentage => "from spec.renewBeforePercentage",
        _ => "one third of the lifetime",
    };
}
