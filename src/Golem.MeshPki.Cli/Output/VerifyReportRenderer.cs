using System.Globalization;
using Golem.MeshPki.Cli.Verification;
using Golem.MeshPki.Packaging;
using Golem.MeshPki.Rules;
using Spectre.Console;
using static Golem.MeshPki.Cli.Output.ReportConsole;

namespace Golem.MeshPki.Cli.Output;

/// <summary>
/// Writes the verdict on a <c>cacerts</c> bundle for people: the chain as a tree from the CA certificate up
/// to its root, each with its source, subject and a validity bar; the roots of the root bundle; the findings
/// by severity; and a one-line verdict. Colour only when <see cref="TerminalOptions"/> says so, as in
/// <see cref="HumanReportRenderer"/>; every string from a certificate, a file or a Secret goes through
/// <see cref="TerminalText.Escape"/>, and none is ever read as Spectre markup.
/// </summary>
internal static class VerifyReportRenderer
{
    /// <summary>Cells in the validity bar.</summary>
    internal const int BarWidth = 20;

    /// <summary>Writes <paramref name="report"/> to <paramref name="stdout"/>.</summary>
    /// <param name="report">The verdict.</param>
    /// <param name="stdout">The writer.</param>
    /// <param name="terminal">Colours and width, or <see langword="null"/> for plain text.</param>
    public static void Render(VerifyReport report, TextWriter stdout, TerminalOptions? terminal)
    {
        IAnsiConsole console = ReportConsole.Create(stdout, terminal);
        bool unicode = console.Profile.Capabilities.Unicode;
        WriteHeader(console, report);
        console.WriteLine();

        RenderChain(console, report, unicode);
        console.WriteLine();
        RenderRoots(console, report, unicode);

        foreach ((RuleSeverity severity, string title, Style style) in new[]
        {
            (RuleSeverity.Error, "Errors", Bad),
            (RuleSeverity.Warning, "Warnings", Warning),
            (RuleSeverity.Info, "Info", Label),
        })
        {
            List<Finding> findings = [.. report.Findings.Where(finding => finding.Severity == severity)];
            if (findings.Count > 0)
            {
                console.WriteLine();
                RenderFindings(console, title, style, findings);
            }
        }

        console.WriteLine();
        RenderVerdict(console, report);
    }

    /// <summary>A fixed-width bar of how much of [<paramref name="notBefore"/>, <paramref name="notAfter"/>] has elapsed at <paramref name="at"/>, e.g. <c>[#####...............]  25%</c>.</summary>
    /// <param name="notBefore">Start of validity.</param>
    /// <param name="notAfter">End of validity.</param>
    /// <param name="at">The evaluation time.</param>
    /// <param name="unicode">Whether to draw with block characters rather than ASCII.</param>
    /// <returns>The bar and the percentage elapsed (0 to 100, clamped).</returns>
    internal static string ValidityBar(DateTimeOffset notBefore, DateTimeOffset notAfter, DateTimeOffset at, bool unicode)
    {
        double fraction = notAfter <= notBefore
            ? (at >= notAfter ? 1 : 0)
            : Math.Clamp((at - notBefore) / (notAfter - notBefore), 0, 1);
        int filled = (int)Math.Round(fraction * BarWidth, MidpointRounding.ToZero);
        int percent = (int)Math.Floor(fraction * 100);
        char full = unicode ? '█' : '#';
        char empty = unicode ? '░' : '.';
        return "[" + new string(full, filled) + new string(empty, BarWidth - filled) + "] "
            + percent.ToString(CultureInfo.InvariantCulture).PadLeft(3) + "%";
    }

    private static void WriteHeader(IAnsiConsole console, VerifyReport report)
    {
        if (report.BundleName is null)
        {
            console.Write("Bundle could not be read", Heading);
        }
        else
        {
            Write(console, "Bundle " + report.BundleName, Heading);
            console.Write(" (" + (report.Layout == CaCertsLayout.CertManager ? "cert-manager layout: tls.crt, tls.key, ca.crt" : "Istio layout: ca-cert.pem, ca-key.pem, cert-chain.pem, root-cert.pem") + ")");
        }

        console.WriteLine();
        console.Write("Checked at " + JsonReportWriter.FormatTime(report.ValidationTime), Label);
        console.WriteLine();
    }

    private static void RenderChain(IAnsiConsole console, VerifyReport report, bool unicode)
    {
        console.Write("Chain", Heading);
        console.WriteLine();
        IReadOnlyList<BundleCertificate> chain = report.Chain;
        if (chain.Count == 0)
        {
            console.Write("  none: no CA certificate could be read (see the errors below)", Label);
            console.WriteLine();
            return;
        }

        // The CA certificate at the top, each issuer nested under what it issued, the root last. Drawn by hand:
        // Spectre's Tree pads every line to the console width, which in plain output is thousands of spaces.
        string branch = unicode ? "└─ " : "`- ";
        string trunk = unicode ? "│  " : "|  ";
        for (int i = 0; i < chain.Count; i++)
        {
            bool root = i > 0 && i == chain.Count - 1 && chain[i].Certificate.IsSelfIssued;
            string role = i == 0 ? "CA certificate" : root ? "root" : "intermediate";
            string headingPrefix = i == 0 ? "  " : "  " + new string(' ', 3 * (i - 1)) + branch;
            string detailPrefix = "  " + new string(' ', 3 * i) + (i < chain.Count - 1 ? trunk : "   ");
            WriteCertificate(console, headingPrefix, detailPrefix, chain[i], role, report.ValidationTime, unicode);
        }
    }

    private static void RenderRoots(IAnsiConsole console, VerifyReport report, bool unicode)
    {
        console.Write("Root bundle", Heading);
        console.WriteLine();
        if (report.Roots.Count == 0)
        {
            console.Write("  none", Label);
            console.WriteLine();
            return;
        }

        foreach (BundleCertificate root in report.Roots)
        {
            WriteCertificate(console, "  ", "    ", root, "root", report.ValidationTime, unicode);
        }
    }

    private static void WriteCertificate(IAnsiConsole console, string headingPrefix, string detailPrefix, BundleCertificate certificate, string role, DateTimeOffset at, bool unicode)
    {
        DateTimeOffset notBefore = certificate.Certificate.NotBefore;
        DateTimeOffset notAfter = certificate.Certificate.NotAfter;
        (ValidityState state, string text) = ValidityDescription.Describe(notBefore, notAfter, at);
        Style style = state != ValidityState.Valid ? Bad : notAfter - at < ExpiresSoon ? Warning : Good;

        console.Write(headingPrefix, Label);
        console.Write(role, Heading);
        Write(console, "  " + certificate.Source, Style.Plain);
        console.WriteLine();
        console.Write(detailPrefix, Label);
        Write(console, certificate.Certificate.Subject.ToString(), Style.Plain);
        console.WriteLine();
        console.Write(detailPrefix, Label);
        console.Write(ValidityBar(notBefore, notAfter, at, unicode), style);
        console.Write("  " + JsonReportWriter.FormatTime(notBefore) + " to " + JsonReportWriter.FormatTime(notAfter) + ", ", Label);
        console.Write(text, style);
        console.WriteLine();
    }

    private static void RenderFindings(IAnsiConsole console, string title, Style style, List<Finding> findings)
    {
        console.Write(string.Create(CultureInfo.InvariantCulture, $"{title} ({findings.Count})"), style);
        console.WriteLine();
        foreach (Finding finding in findings)
        {
            console.Write("  " + finding.Id, style);
            if (finding.Source is not null)
            {
                Write(console, "  " + finding.Source, Style.Plain);
            }

            if (finding.Subject is not null)
            {
                Write(console, "  " + finding.Subject, Label);
            }

            console.WriteLine();
            Write(console, "    " + finding.Message, Style.Plain);
            console.WriteLine();
        }
    }

    private static void RenderVerdict(IAnsiConsole console, VerifyReport report)
    {
        int errors = report.Findings.Count(finding => finding.Severity == RuleSeverity.Error);
        int warnings = report.Findings.Count(finding => finding.Severity == RuleSeverity.Warning);
        int infos = report.Findings.Count(finding => finding.Severity == RuleSeverity.Info);
        string counts = Count(errors, "error") + ", " + Count(warnings, "warning") + ", " + infos.ToString(CultureInfo.InvariantCulture) + " info";
        if (report.IsValid)
        {
            console.Write("Verdict: valid", Good);
            console.Write(" (" + counts + ")" + (warnings > 0 ? ": istiod accepts this bundle; act on the warnings." : ": istiod accepts this bundle."));
        }
        else
        {
            console.Write("Verdict: NOT VALID", Bad);
            console.Write(" (" + counts + "): istiod refuses this bundle, or the mesh breaks with it.");
        }

        console.WriteLine();
    }
}
