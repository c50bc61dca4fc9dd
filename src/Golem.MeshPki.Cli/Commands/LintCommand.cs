using System.CommandLine;
using Golem.MeshPki.Cli.Output;
using Golem.MeshPki.Configuration;
using Golem.MeshPki.Linting;
using Golem.MeshPki.Rules;

namespace Golem.MeshPki.Cli.Commands;

/// <summary>
/// <c>meshpki lint PATH... [--json]</c>: reads the manifests in PATHs (files, or directories searched recursively for
/// *.yaml, *.yml and *.json) with <see cref="ConfigurationReader"/>, checks them together with
/// <see cref="LifetimeLint"/> (MPKI2001-MPKI2010), and prints the findings as a compiler does.
/// </summary>
internal static class LintCommand
{
    private static readonly string[] ManifestExtensions = [".yaml", ".yml", ".json"];

    /// <summary>Builds the command; its action runs against <paramref name="context"/>.</summary>
    /// <param name="context">The streams and clock.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandContext context)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "A manifest (YAML with any number of documents, or JSON; `kubectl get -o yaml` output and List kinds included), " +
                "or a directory whose *.yaml, *.yml and *.json files are read recursively, in ordinal order of their paths. " +
                "All files are checked together: a Certificate in one file is checked against the ClusterIssuer in another. " +
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
            Description = "Print one JSON document {\"findings\":[{\"id\",\"severity\",\"message\",\"file\",\"line\",\"column\"}],\"errors\":[...]} instead of text.",
        };
        var command = new Command(
            "lint",
            "Check the certificate lifetime settings in Istio, istiod and cert-manager manifests: grace period ratio (MPKI2001), " +
            "workload TTL against istiod's maximum (MPKI2002) and the intermediate's renewBefore (MPKI2003), cert-manager's webhook checks " +
            "(MPKI2004-MPKI2006), unknown cert-manager fields (MPKI2007), CA certificates from a Vault sign/<role> endpoint (MPKI2008), " +
            "and workload TTLs below 1 hour (MPKI2010). Findings are printed as file(line,col): severity id: message. " +
            "Exit codes: 0 no error findings (warnings allowed); 1 error findings, or a file that cannot be read (named on stderr and in the JSON errors); " +
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
        List<string> files = ResolveFiles(paths, out List<string> usageErrors);
        if (usageErrors.Count > 0)
        {
            foreach (string error in usageErrors)
            {
                // A PATH may come from a glob over someone else's file names.
                context.Stderr.WriteLine($"meshpki lint: {TerminalText.Escape(error)}");
            }

            context.Stderr.WriteLine("Run 'meshpki lint --help' for usage.");
            return ExitCodes.UsageError;
        }

        var sets = new List<ConfigurationDocumentSet>();
        var errors = new List<LintInputError>();
        foreach (string file in files)
        {
            byte[] content;
            try
            {
                content = File.ReadAllBytes(file);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                errors.Add(new LintInputError(file, null, null, $"The file cannot be read: {exception.Message}"));
                continue;
            }

            ConfigurationDocumentSet set = ConfigurationReader.Read(content, file);
            sets.Add(set);

            // Problems no rule reads (a file that is not YAML) are unreadable input, not findings.
            errors.AddRange(set.Problems
                .Where(problem => LifetimeLint.RuleFor(problem) is null)
                .Select(problem => new LintInputError(problem.Position.File, problem.Position.Line, problem.Position.Column, problem.Message)));
        }

        IReadOnlyList<Finding> findings = LifetimeLint.Check(sets, new LifetimeLintOptions { EvaluationTime = context.Time.GetUtcNow() });
        var report = new LintReport(findings, errors, files.Count);
        if (json)
        {
            LintJsonWriter.Write(report, context.Stdout);
        }
        else
        {
            LintReportRenderer.Render(report, context.Stdout, context.Stderr);
        }

        return report.HasErrors ? ExitCodes.InputErrors : ExitCodes.Success;
    }

    private static List<string> ResolveFiles(IReadOnlyList<string> paths, out List<string> usageErrors)
    {
        usageErrors = [];
        var files = new List<string>();
        foreach (string path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory
                    .EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.None })
                    .Where(file => ManifestExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                usageErrors.Add($"no such file or directory: '{path}'.");
            }
        }

        return files;
    }
}
