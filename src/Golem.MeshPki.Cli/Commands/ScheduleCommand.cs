using System.CommandLine;
using System.CommandLine.Parsing;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Cli.Output;
using Golem.MeshPki.Cli.Verification;
using Golem.MeshPki.Configuration;
using Golem.MeshPki.Lifetimes;
using Golem.MeshPki.Linting;
using Golem.MeshPki.Packaging;
using Golem.MeshPki.Rules;

namespace Golem.MeshPki.Cli.Commands;

/// <summary>
/// <c>meshpki schedule FILE... [--at UTC-TIME] [--json]</c>: the mesh's certificate timeline (<see cref="MeshTimeline"/>)
/// for the manifests in FILEs, with absolute times for the intermediate when a <c>cacerts</c> bundle (a directory, or
/// a Secret manifest named <c>cacerts</c>) is among them.
/// </summary>
internal static class ScheduleCommand
{
    // Larger files are not manifests a platform team writes; reading them whole would only exhaust memory.
    private const long MaxInputLength = 64 * 1024 * 1024;

    /// <summary>Builds the command; its action runs against <paramref name="context"/>.</summary>
    /// <param name="context">The streams and clock.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandContext context)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Manifests (YAML or JSON): the istio mesh ConfigMap, an IstioOperator or Helm values file, istiod's Deployment, " +
                "cert-manager Certificates and Issuers; and optionally the cacerts bundle, as a directory or a Secret manifest named cacerts.",
            Arity = ArgumentArity.OneOrMore,
        };
        files.Validators.Add(result =>
        {
            // System.CommandLine hands an unknown option to the argument as a value; say what it is.
            foreach (Token token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-')
                {
                    result.AddError($"Unrecognized option '{token.Value}' (for a file whose name starts with '-', write ./{token.Value}).");
                }
            }
        });
        var at = new Option<DateTimeOffset?>("--at")
        {
            Description = "Evaluate the timeline at this UTC time, ISO 8601 (2026-01-01T00:00:00Z), instead of now.",
            HelpName = "UTC-TIME",
            CustomParser = result =>
            {
                string text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[^1].Value;
                if (VerifyCommand.TryParseUtc(text, out DateTimeOffset time))
                {
                    return time;
                }

                result.AddError($"--at '{text}' is not a UTC time: write it as ISO 8601 ending in Z, e.g. 2026-01-01T00:00:00Z.");
                return null;
            },
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON document {\"at\",\"workload\",\"intermediate\",\"root\",\"margins\",\"findings\",\"notes\"} instead of text.",
        };
        var command = new Command(
            "schedule",
            "Show when workload certificates rotate, when cert-manager renews the intermediate in cacerts, when the intermediate and the root " +
            "expire, and the margins between them, computed as istio-agent and cert-manager do. " +
            "Exit codes: 0 no error findings; 1 error findings or an unreadable input; 2 usage error (unknown flag, a FILE that does not exist, a malformed --at).")
        {
            files,
            at,
            json,
        };
        command.SetAction(parseResult => Run(context, parseResult.GetValue(files) ?? [], parseResult.GetValue(at), parseResult.GetValue(json)));
        return command;
    }

    /// <summary>
    /// The findings <c>schedule</c> reports on the configuration: the same as <c>meshpki lint</c> (every MPKI2xxx
    /// rule, <see cref="LifetimeLint"/>), plus the reading problems no rule covers (a file that is not YAML).
    /// </summary>
    /// <param name="configuration">What was read from each manifest.</param>
    /// <param name="evaluationTime">The time the schedule is computed at.</param>
    /// <param name="rootNotAfter">The root's NotAfter when a cacerts bundle was given (MPKI2009), else null.</param>
    /// <returns>The findings, with file, line and column.</returns>
    internal static IReadOnlyList<Finding> ConfigurationFindings(IReadOnlyList<ConfigurationDocumentSet> configuration, DateTimeOffset evaluationTime, DateTimeOffset? rootNotAfter) =>
    [
        .. LifetimeLint.Check(configuration, new LifetimeLintOptions { EvaluationTime = evaluationTime, RootNotAfter = rootNotAfter }),
        .. configuration.SelectMany(set => set.Problems).Where(problem => LifetimeLint.RuleFor(problem) is null).Select(ToFinding),
    ];

    private static Finding ToFinding(ConfigurationProblem problem)
    {
        // Only problems no lifetime rule reads get here (a file that is not YAML): unreadable input, MPKI1013.
        RuleDescriptor rule = problem.Kind == ConfigurationProblemKind.UnknownField ? RuleCatalog.UnknownCertManagerField : RuleCatalog.BundleMaterialMissingOrUnreadable;
        string message = problem.Suggestion is { } suggestion && !problem.Message.Contains(suggestion, StringComparison.Ordinal)
            ? $"{problem.Message.TrimEnd('.')} (did you mean '{suggestion}'?)."
            : problem.Message;
        return new Finding(rule, message, problem.Position.File)
            .WithLocation(new FindingLocation(problem.Position.File, problem.Position.Line, problem.Position.Column));
    }

    private static int Run(CommandContext context, IReadOnlyList<string> paths, DateTimeOffset? at, bool json)
    {
        DateTimeOffset evaluationTime = at ?? context.Time.GetUtcNow();
        var configuration = new List<ConfigurationDocumentSet>();
        var inputFindings = new List<Finding>();
        var bundles = new List<CaCertsBundle>();
        foreach (string path in paths)
        {
            if (LoadInput(path, configuration, inputFindings, bundles) is { } usageError)
            {
                return UsageError(context, usageError);
            }
        }

        if (bundles.Count > 1)
        {
            return UsageError(context, $"{bundles.Count} cacerts bundles were given ({string.Join(", ", bundles.Select(bundle => $"'{bundle.SourceName}'"))}): give one.");
        }

        MeshTimelineCertificates? certificates = null;
        if (bundles.Count == 1)
        {
            CaCertsBundle bundle = bundles[0];
            if (bundle.CaCertificate is { } caCertificate)
            {
                certificates = new MeshTimelineCertificates(caCertificate.Certificate, FindRoot(bundle, caCertificate.Certificate));
            }
            else
            {
                // Without the CA certificate there are no real times; say why (the other checks are verify's).
                inputFindings.AddRange(bundle.Findings.Where(finding => finding.Severity == RuleSeverity.Error));
            }
        }

        MeshTimeline timeline = MeshTimeline.Compute(configuration, evaluationTime, certificates);
        List<Finding> findings = [.. inputFindings, .. ConfigurationFindings(configuration, evaluationTime, timeline.RootNotAfter)];
        if (json)
        {
            ScheduleJsonWriter.Write(timeline, findings, context.Stdout);
        }
        else
        {
            ScheduleRenderer.Render(timeline, findings, context.Stdout);
        }

        return findings.Any(finding => finding.Severity == RuleSeverity.Error) ? ExitCodes.InputErrors : ExitCodes.Success;
    }

    /// <summary>Reads one FILE: a directory is a cacerts bundle; a file is read as configuration and, when it holds a Secret named cacerts, as the bundle too.</summary>
    /// <returns>A usage error, or <see langword="null"/>.</returns>
    private static string? LoadInput(string path, List<ConfigurationDocumentSet> configuration, List<Finding> findings, List<CaCertsBundle> bundles)
    {
        if (path.Length == 0)
        {
            return "an empty FILE was given.";
        }

        if (Directory.Exists(path))
        {
            return AddBundle(BundleInput.Load(path, Stream.Null), findings, bundles);
        }

        if (!File.Exists(path))
        {
            return $"no such file or directory: '{path}'.";
        }

        byte[] content;
        try
        {
            if (new FileInfo(path).Length > MaxInputLength)
            {
                findings.Add(new Finding(RuleCatalog.BundleMaterialMissingOrUnreadable, $"'{path}' is larger than 64 MiB, too large for a manifest.", path));
                return null;
            }

            content = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            findings.Add(new Finding(RuleCatalog.BundleMaterialMissingOrUnreadable, $"'{path}' cannot be read: {exception.Message.TrimEnd('.')}.", path));
            return null;
        }

        try
        {
            configuration.Add(ConfigurationReader.Read(content, path));
            return HoldsCaCertsSecret(content, path) ? AddBundle(BundleInput.Load(path, Stream.Null), findings, bundles) : null;
        }
        finally
        {
            // A Secret manifest holds the CA key (base64): do not leave it in memory longer than needed.
            Array.Clear(content);
        }
    }

    private static bool HoldsCaCertsSecret(byte[] content, string path)
    {
        if (!SecretManifestReader.LooksLikeManifest(content))
        {
            return false;
        }

        try
        {
            return SecretManifestReader.Read(content, path).Secrets.Any(secret => secret.Name == MeshTimeline.CaCertsSecretName);
        }
        catch (ManifestFormatException)
        {
            // The configuration reader reports the syntax error with its position.
            return false;
        }
    }

    private static string? AddBundle(BundleInputResult input, List<Finding> findings, List<CaCertsBundle> bundles)
    {
        if (input.UsageError is { } usageError)
        {
            return usageError;
        }

        if (input.Bundle is { } bundle)
        {
            bundles.Add(bundle);
        }
        else if (input.UnreadableFinding is { } finding)
        {
            findings.Add(finding);
        }

        return null;
    }

    /// <summary>The root the chain ends at: the root-bundle entry named as the issuer of the chain's last certificate, else the first root.</summary>
    private static DerCertificate? FindRoot(CaCertsBundle bundle, DerCertificate caCertificate)
    {
        DerCertificate top = bundle.CertificateChain.Count > 0 ? bundle.CertificateChain[^1].Certificate : caCertificate;
        if (top.IsSelfIssued && bundle.Roots.Any(root => root.Certificate.Subject.Equals(top.Subject)))
        {
            return top;
        }

        return bundle.Roots.FirstOrDefault(root => root.Certificate.Subject.Equals(top.Issuer))?.Certificate ?? (bundle.Roots.Count > 0 ? bundle.Roots[0].Certificate : null);
    }

    private static int UsageError(CommandContext context, string message)
    {
        // FILE names and Secret names come from someone else's files.
        context.Stderr.WriteLine($"meshpki schedule: {TerminalText.Escape(message)}");
        context.Stderr.WriteLine("Run 'meshpki schedule --help' for usage.");
        return ExitCodes.UsageError;
    }
}
