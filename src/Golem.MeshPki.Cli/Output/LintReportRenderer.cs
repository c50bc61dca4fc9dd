using System.Globalization;
using Golem.MeshPki.Rules;

namespace Golem.MeshPki.Cli.Output;

/// <summary>
/// Prints <c>meshpki lint</c>'s findings as a compiler does, one per line (<c>file(line,col): error MPKI2007: ...</c>,
/// the form editors and CI annotations recognise), then a summary line; unreadable inputs go to stderr.
/// </summary>
internal static class LintReportRenderer
{
    /// <summary>Writes <paramref name="report"/>.</summary>
    /// <param name="report">What lint found.</param>
    /// <param name="stdout">Where findings and the summary go.</param>
    /// <param name="stderr">Where unreadable inputs go.</param>
    public static void Render(LintReport report, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        foreach (LintInputError error in report.Errors)
        {
            // File names and messages quote someone else's text.
            stderr.WriteLine("meshpki lint: " + TerminalText.Escape(error.ToString()));
        }

        foreach (Finding finding in report.Findings)
        {
            stdout.WriteLine(TerminalText.Escape(finding.ToString()));
        }

        string summary = string.Create(
            CultureInfo.InvariantCulture,
            $"{Count(report.ErrorCount, "error")}, {Count(report.WarningCount, "warning")} in {Count(report.FileCount, "file")}");
        if (report.Errors.Count > 0)
        {
            summary += string.Create(CultureInfo.InvariantCulture, $"; {Count(report.Errors.Count, "input")} could not be read");
        }

        stdout.WriteLine(summary + ".");
    }

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
