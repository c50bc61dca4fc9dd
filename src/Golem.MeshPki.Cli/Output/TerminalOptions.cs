namespace Golem.MeshPki.Cli.Output;

/// <summary>How to write to stdout when it is a terminal.</summary>
/// <param name="UseColor">Whether to colour the output: not when <c>NO_COLOR</c> is set (https://no-color.org) or <c>TERM=dumb</c>.</param>
/// <param name="Width">The terminal's width in columns, for wrapping.</param>
internal sealed record TerminalOptions(bool UseColor, int Width)
{
    /// <summary>Looks at the process's console: <see langword="null"/> when stdout is redirected, so that pipes and files get plain text.</summary>
    /// <returns>The options, or <see langword="null"/> for plain text.</returns>
    public static TerminalOptions? Detect()
    {
        if (Console.IsOutputRedirected)
        {
            return null;
        }

        bool noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
            || string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
        int width;
        try
        {
            width = Console.WindowWidth > 0 ? Console.WindowWidth : 80;
        }
        catch (IOException)
        {
            width = 80;
        }

        return new TerminalOptions(!noColor, width);
    }
}
