using System.CommandLine;
using System.CommandLine.Invocation;
using Golem.MeshPki.Cli.Commands;
using Golem.MeshPki.Cli.Output;

namespace Golem.MeshPki.Cli;

/// <summary>
/// The <c>meshpki</c> command line, runnable in-process: tests pass their own streams and clock
/// and get the exit code back, exactly as the process would return it.
/// </summary>
internal static class MeshPkiApp
{
    /// <summary>Parses <paramref name="args"/>, runs the command and returns the process exit code (see <see cref="ExitCodes"/>).</summary>
    /// <param name="args">The command line arguments, without the program name.</param>
    /// <param name="stdin">Standard input as bytes: <c>-</c> may be DER, which a text reader would corrupt.</param>
    /// <param name="stdout">Where results go: the human report, or the one JSON document.</param>
    /// <param name="stderr">Where errors and usage messages go.</param>
    /// <param name="time">The clock for "expires in N days".</param>
    /// <param name="terminal">Colours and width when stdout is a terminal; <see langword="null"/> for plain text of unlimited width.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, Stream stdin, TextWriter stdout, TextWriter stderr, TimeProvider time, TerminalOptions? terminal = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            var context = new CommandContext(stdin, stdout, stderr, time, terminal);
            RootCommand root = BuildRootCommand(context);
            ParseResult result = root.Parse(args);
            if (result.Action is ParseErrorAction)
            {
                // System.CommandLine's own error action exits with 1, which here means "some input
                // could not be read": report usage errors ourselves, with exit code 2.
                foreach (System.CommandLine.Parsing.ParseError error in result.Errors)
                {
                    // Messages quote arguments, which a glob may have taken from someone else's file names.
                    stderr.WriteLine($"meshpki: {TerminalText.Escape(error.Message)}");
                }

                string command = result.CommandResult.Command is RootCommand ? "meshpki" : "meshpki " + result.CommandResult.Command.Name;
                stderr.WriteLine($"Run '{command} --help' for usage.");
                return ExitCodes.UsageError;
            }

            return result.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,

                // Exceptions are caught below: a stack trace is never what a user should see.
                EnableDefaultExceptionHandler = false,
            });
        }
#pragma warning disable CA1031 // The last line of defence: report any failure as one line, never a stack trace.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            stderr.WriteLine($"meshpki: internal error: {exception.GetType().Name}: {exception.Message}");
            return ExitCodes.InputErrors;
        }
    }

    private static RootCommand BuildRootCommand(CommandContext context)
    {
        var root = new RootCommand("meshpki: inspect and check the certificates of an Istio mesh whose CA is external.");
        root.Subcommands.Add(InspectCommand.Create(context));
        root.Subcommands.Add(VerifyCommand.Create(context));
        root.Subcommands.Add(ConformanceCommand.Create(context));
        root.Subcommands.Add(LintCommand.Create(context));
        root.Subcommands.Add(ScheduleCommand.Create(context));
        return root;
    }
}
