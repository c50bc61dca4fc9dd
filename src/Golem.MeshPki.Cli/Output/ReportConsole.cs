using System.Globalization;
using Spectre.Console;

namespace Golem.MeshPki.Cli.Output;

/// <summary>
/// What the human renderers share: the console (colour only when <see cref="TerminalOptions"/> says so, plain and
/// unwrapped otherwise), the styles, escaped writing of input text, and counted nouns.
/// </summary>
internal static class ReportConsole
{
    // Plain output is not wrapped: a subject, fingerprint or message stays on its line.
    private const int PlainWidth = 8192;

    public static readonly Style Heading = new(decoration: Decoration.Bold);
    public static readonly Style Label = new(foreground: Color.Grey);
    public static readonly Style Good = new(foreground: Color.Green);
    public static readonly Style Warning = new(foreground: Color.Yellow);
    public static readonly Style Bad = new(foreground: Color.Red, decoration: Decoration.Bold);

    /// <summary>Certificates that expire within this many days are shown in the warning colour (the validator's default horizon).</summary>
    public static readonly TimeSpan ExpiresSoon = TimeSpan.FromDays(30);

    /// <summary>A console writing to <paramref name="stdout"/>, with colour and width from <paramref name="terminal"/>.</summary>
    public static IAnsiConsole Create(TextWriter stdout, TerminalOptions? terminal)
    {
        bool color = terminal?.UseColor == true;
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(stdout),

            // The enrichers detect CI systems and change the profile; the caller already decided.
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        console.Profile.Width = terminal?.Width ?? PlainWidth;
        return console;
    }

    /// <summary>Writes text that may come from an input, escaped for the terminal; never as markup.</summary>
    public static void Write(IAnsiConsole console, string text, Style style) =>
        console.Write(TerminalText.Escape(text), style);

    /// <summary><c>1 key</c>, <c>2 keys</c>.</summary>
    public static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
