using System.CommandLine;
using Golem.MeshPki.Cli.Inputs;
using Golem.MeshPki.Cli.Inspection;
using Golem.MeshPki.Cli.Output;

namespace Golem.MeshPki.Cli.Commands;

/// <summary>
/// <c>meshpki inspect PATH... [--json]</c>: reads certificates and private keys from PEM bundles, DER
/// files, directories, Kubernetes Secret manifests and standard input, and describes them.
/// </summary>
internal static class InspectCommand
{
    // Larger inputs are not certificate material; reading them whole would only exhaust memory.
    private const int MaxInputLength = 64 * 1024 * 1024;

    private const string TooLarge = "the input is larger than 64 MiB, too large for certificate material.";

    /// <summary>Builds the command; its action runs against <paramref name="context"/>.</summary>
    /// <param name="context">The streams and clock.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandContext context)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "A PEM bundle, DER file, Kubernetes Secret manifest (YAML or JSON, e.g. `kubectl get secret -o yaml` output), " +
                "a directory (its *.pem, *.crt, *.cer and *.der files, sorted by name; subdirectories are not read), or - for standard input. " +
                "A PATH that does not exist is a usage error (exit code 2) and nothing is read.",
            Arity = ArgumentArity.OneOrMore,
        };
        paths.Validators.Add(result =>
        {
            // System.CommandLine hands an unknown option to the argument as a value; say what it is.
            foreach (System.CommandLine.Parsing.Token token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-')
                {
                    result.AddError($"Unrecognized option '{token.Value}' (for a file whose name starts with '-', write ./{token.Value}).");
                }
            }
        });
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON document {\"certificates\":[...],\"privateKeys\":[...],\"errors\":[...]} instead of text.",
        };
        var command = new Command(
            "inspect",
            "Describe the certificates and private keys in PEM, DER and Kubernetes Secret inputs. " +
            "Private keys are listed by type and matching certificate, never printed. " +
            "Each certificate and key is named <path>#<n> (0-based, certificates and keys counted separately per input), " +
            "or <manifest>:<secret name>/<data key>#<n> inside a Kubernetes Secret. " +
            "Exit codes: 0 all inputs read; 1 some input could not be read (named on stderr and in the JSON errors); " +
            "2 usage error (unknown flag, no PATH, a PATH that does not exist).")
        {
            paths,
            json,
        };
        command.SetAction(parseResult => Run(context, parseResult.GetValue(paths) ?? [], parseResult.GetValue(json)));
        return command;
    }

    private static int Run(CommandContext context, IReadOnlyList<string> paths, bool json)
    {
        IReadOnlyList<InputSource> sources = InputSources.Resolve(paths, out IReadOnlyList<string> usageErrors);
        if (usageErrors.Count > 0)
        {
            foreach (string error in usageErrors)
            {
                // A PATH may come from a glob over someone else's file names.
                context.Stderr.WriteLine($"meshpki inspect: {TerminalText.Escape(error)}");
            }

            context.Stderr.WriteLine("Run 'meshpki inspect --help' for usage.");
            return ExitCodes.UsageError;
        }

        var builder = new InspectionReportBuilder();
        var reader = new InputReader(builder);
        foreach (InputSource source in sources)
        {
            switch (source)
            {
                case EmptyInputSource empty:
                    builder.OnError(empty.SourceName, empty.Message);
                    break;
                case StdinInputSource:
                    ReadStdin(source.SourceName, context.Stdin, reader, builder);
                    break;
                case FileInputSource file:
                    ReadFile(file, reader, builder);
                    break;
            }
        }

        InspectionReport report = builder.Build();
        if (json)
        {
            JsonReportWriter.Write(report, context.Stdout);
        }
        else
        {
            HumanReportRenderer.Render(report, context.Stdout, context.Time.GetUtcNow(), context.Terminal);
        }

        foreach (InputError error in report.Errors)
        {
            // Sources and messages quote inputs (file and Secret names, PEM labels): escaped as in the human report.
            context.Stderr.WriteLine($"meshpki: {TerminalText.Escape(error.Source)}: {TerminalText.Escape(error.Message)}");
        }

        return report.Errors.Count == 0 ? ExitCodes.Success : ExitCodes.InputErrors;
    }

    private static void ReadFile(FileInputSource file, InputReader reader, InspectionReportBuilder sink)
    {
        byte[] content;
        try
        {
            long length = new FileInfo(file.FilePath).Length;
            if (length > MaxInputLength)
            {
                sink.OnError(file.SourceName, TooLarge);
                return;
            }

            if (length == 0)
            {
                // A pipe (<(kubectl ...)) or a /proc file reports no length: read it as a stream, under the same cap.
                using FileStream stream = File.OpenRead(file.FilePath);
                if (!TryReadCapped(stream, out content))
                {
                    sink.OnError(file.SourceName, TooLarge);
                    return;
                }
            }
            else
            {
                content = File.ReadAllBytes(file.FilePath);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            sink.OnError(file.SourceName, $"cannot read: {exception.Message}");
            return;
        }

        reader.Read(file.SourceName, content);
    }

    private static void ReadStdin(string sourceName, Stream stdin, InputReader reader, InspectionReportBuilder sink)
    {
        byte[] content;
        try
        {
            if (!TryReadCapped(stdin, out content))
            {
                sink.OnError(sourceName, TooLarge);
                return;
            }
        }
        catch (IOException exception)
        {
            sink.OnError(sourceName, $"cannot read: {exception.Message}");
            return;
        }

        reader.Read(sourceName, content);
    }

    /// <summary>Reads a stream of unknown length to its end; false, having read no more than the cap, when it is longer.</summary>
    private static bool TryReadCapped(Stream stream, out byte[] content)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxInputLength)
            {
                content = [];
                return false;
            }

            buffer.Write(chunk, 0, read);
        }

        content = buffer.ToArray();
        return true;
    }
}
