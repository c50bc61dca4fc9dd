using System.Globalization;
using Golem.MeshPki.Cli.Inspection;
using Spectre.Console;
using static Golem.MeshPki.Cli.Output.ReportConsole;

namespace Golem.MeshPki.Cli.Output;

/// <summary>
/// Writes the report for people: one compact block per certificate, then the private keys (type and
/// match, never contents), then a count. Colour only on a terminal without <c>NO_COLOR</c>; plain,
/// unwrapped text when redirected, so that grep and diff see one field per line. Every value that
/// comes from an input (names, SANs, sources, file names) goes through <see cref="TerminalText.Escape"/>:
/// a certificate must not be able to drive the terminal it is inspected on.
/// </summary>
internal static class HumanReportRenderer
{
    private const int LabelWidth = 13;

    /// <summary>Writes <paramref name="report"/> to <paramref name="stdout"/>.</summary>
    /// <param name="report">What was found.</param>
    /// <param name="stdout">The writer.</param>
    /// <param name="now">The time for "expires in N days".</param>
    /// <param name="terminal">Colours and width, or <see langword="null"/> for plain text.</param>
    public static void Render(InspectionReport report, TextWriter stdout, DateTimeOffset now, TerminalOptions? terminal)
    {
        IAnsiConsole console = ReportConsole.Create(stdout, terminal);
        bool first = true;
        foreach (CertificateSummary certificate in report.Certificates)
        {
            if (!first)
            {
                console.WriteLine();
            }

            first = false;
            RenderCertificate(console, certificate, now);
        }

        if (report.PrivateKeys.Count > 0)
        {
            if (!first)
            {
                console.WriteLine();
            }

            console.Write("Private keys", Heading);
            console.WriteLine();
            foreach (PrivateKeySummary key in report.PrivateKeys)
            {
                RenderKey(console, key);
            }
        }

        if (!first || report.PrivateKeys.Count > 0)
        {
            console.WriteLine();
        }

        console.Write(Count(report.Certificates.Count, "certificate") + ", " + Count(report.PrivateKeys.Count, "private key") + ", " + Count(report.Errors.Count, "error"));
        console.WriteLine();
    }

    private static void RenderCertificate(IAnsiConsole console, CertificateSummary certificate, DateTimeOffset now)
    {
        Write(console, certificate.Source, Heading);
        console.WriteLine();
        Field(console, "Subject", certificate.Subject);
        Field(console, "Issuer", certificate.Issuer + (certificate.SelfSigned ? " (self-signed)" : string.Empty));
        Field(console, "Serial", certificate.SerialNumber);

        (ValidityState state, string text) = ValidityDescription.Describe(certificate.NotBefore, certificate.NotAfter, now);
        Style validityStyle = state != ValidityState.Valid ? Bad : certificate.NotAfter - now < ExpiresSoon ? Warning : Good;
        StartField(console, "Validity");
        console.Write(JsonReportWriter.FormatTime(certificate.NotBefore) + " to " + JsonReportWriter.FormatTime(certificate.NotAfter) + ", ");
        console.Write(text, validityStyle);
        console.WriteLine();

        Field(console, "Key", DescribeKey(certificate));
        Field(console, "Signature", certificate.SignatureAlgorithm);
        Field(console, "CA", !certificate.IsCa
            ? "no"
            : certificate.PathLength is { } pathLength
                ? string.Create(CultureInfo.InvariantCulture, $"yes, path length {pathLength}")
                : "yes, no path length limit");
        Field(console, "Key usage", certificate.KeyUsage.Count == 0 ? "none" : string.Join(", ", certificate.KeyUsage));
        if (certificate.ExtendedKeyUsage.Count > 0)
        {
            Field(console, "Ext. usage", string.Join(", ", certificate.ExtendedKeyUsage));
        }

        if (certificate.SubjectAlternativeNames.Count > 0)
        {
            Field(console, "SANs", string.Join(", ", certificate.SubjectAlternativeNames));
        }

        Field(console, "SHA-256", certificate.Sha256Fingerprint);
    }

    private static void RenderKey(IAnsiConsole console, PrivateKeySummary key)
    {
        Write(console, "  " + key.Source + "  " + key.KeyAlgorithm.DisplayName + "  ", Style.Plain);
        switch (key.Status)
        {
            case KeyMatchStatus.Matched:
                Write(console, "matches " + key.MatchesCertificate, Good);
                break;
            case KeyMatchStatus.NoMatch:
                Write(console, "matches no certificate", Warning);
                break;
            default:
                Write(console, "not matched: " + key.NotCheckedReason, Label);
                break;
        }

        console.WriteLine();
    }

    private static string DescribeKey(CertificateSummary certificate)
    {
        string algorithm = certificate.KeyAlgorithm.DisplayName;
        if (certificate.CurveDisplayName is { } curve)
        {
            return algorithm + " " + curve;
        }

        return algorithm is "RSA" or "RSASSA-PSS" or "DSA" && certificate.KeySize > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{algorithm} {certificate.KeySize} bits")
            : algorithm;
    }

    private static void Field(IAnsiConsole console, string label, string value)
    {
        StartField(console, label);
        Write(console, value, Style.Plain);
        console.WriteLine();
    }

    private static void StartField(IAnsiConsole console, string label) =>
        console.Write("  " + label.PadRight(LabelWidth), Label);
}
