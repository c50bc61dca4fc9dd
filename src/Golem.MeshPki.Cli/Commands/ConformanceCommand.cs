using System.CommandLine;
using System.Text.Json;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Cli.Conformance;

namespace Golem.MeshPki.Cli.Commands;

/// <summary>
/// <c>meshpki conformance x509-limbo</c>: reads an x509-limbo suite on standard input and writes the harness
/// result document on standard output, so the path validator can be scored against an independent suite.
/// </summary>
internal static class ConformanceCommand
{
    /// <summary>Builds the command; its action runs against <paramref name="context"/>.</summary>
    /// <param name="context">The streams and clock.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandContext context)
    {
        var limbo = new Command(
            "x509-limbo",
            "Read an x509-limbo suite (limbo.json) on standard input and write the harness result document " +
            "{\"version\":1,\"harness\":\"golem-meshpki\",\"results\":[{\"id\",\"actual_result\",\"context\"}]} on standard output. " +
            "Exit codes: 0 results written; 1 the input is not an x509-limbo suite.");
        limbo.SetAction(_ => RunLimbo(context));
        return new Command("conformance", "Run the path validator against conformance suites.") { limbo };
    }

    private static int RunLimbo(CommandContext context)
    {
        JsonDocument suite;
        try
        {
            suite = JsonDocument.Parse(context.Stdin, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException exception)
        {
            context.Stderr.WriteLine($"meshpki conformance x509-limbo: standard input is not JSON: {exception.Message}");
            return ExitCodes.InputErrors;
        }

        using (suite)
        {
            IReadOnlyList<X509LimboHarness.CaseResult> results;
            try
            {
                results = X509LimboHarness.Run(suite, context.Time);
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException or KeyNotFoundException or FormatException and not CertificateFormatException)
            {
                context.Stderr.WriteLine($"meshpki conformance x509-limbo: standard input is not an x509-limbo suite: {exception.Message}");
                return ExitCodes.InputErrors;
            }

            using var buffer = new MemoryStream();
            X509LimboHarness.Write(results, buffer);
            context.Stdout.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            context.Stdout.WriteLine();
            return ExitCodes.Success;
        }
    }
}
