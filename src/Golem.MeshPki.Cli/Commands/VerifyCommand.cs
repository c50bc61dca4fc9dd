using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Golem.MeshPki.Cli.Output;
using Golem.MeshPki.Cli.Verification;
using Golem.MeshPki.Validation;

namespace Golem.MeshPki.Cli.Commands;

/// <summary>
/// <c>meshpki verify PATH [--root-fingerprint SHA256]... [--at UTC-TIME] [--trust-domain D] [--json]</c>: checks a
/// <c>cacerts</c> bundle (a directory, a Secret manifest, or a manifest on standard input) as istiod will use it,
/// with <see cref="CaCertsValidator"/>, and prints the chain, the roots, the findings and a verdict.
/// </summary>
internal static class VerifyCommand
{
    private const string DefaultTrustDomain = "cluster.local";

    private static readonly string[] TimeFormats = ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];

    /// <summary>Builds the command; its action runs against <paramref name="context"/>.</summary>
    /// <param name="context">The streams and clock.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandContext context)
    {
        var path = new Argument<string>("PATH")
        {
            Description = "The cacerts bundle: a directory (the mounted Secret, or istio's tools/certs output such as cluster1/), " +
                "a Kubernetes Secret manifest (YAML or JSON, `kubectl get secret cacerts -n istio-system -o yaml` output; " +
                "of several Secrets the one named cacerts), or - for a manifest on standard input.",
            Arity = ArgumentArity.ExactlyOne,
        };
        path.Validators.Add(result =>
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
        var rootFingerprints = new Option<string[]>("--root-fingerprint")
        {
            Description = "The SHA-256 fingerprint (64 hex digits, colons allowed) of a root the chain must end at: the bank's audited root. " +
                "Repeat for several roots (a rotation). Without it, any root of the root bundle is accepted.",
            HelpName = "SHA256",
        };
        rootFingerprints.Validators.Add(result =>
        {
            foreach (Token token in result.Tokens)
            {
                if (NormalizeFingerprint(token.Value) is null)
                {
                    result.AddError($"--root-fingerprint '{token.Value}' is not a SHA-256 fingerprint: expected 64 hex digits, with or without colons.");
                }
            }
        });
        var at = new Option<DateTimeOffset?>("--at")
        {
            Description = "Judge the bundle at this UTC time, ISO 8601 (2026-01-01T00:00:00Z), instead of now: e.g. the day of a planned rotation.",
            HelpName = "UTC-TIME",
            CustomParser = result =>
            {
                string text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[^1].Value;
                if (TryParseUtc(text, out DateTimeOffset time))
                {
                    return time;
                }

                result.AddError($"--at '{text}' is not a UTC time: write it as ISO 8601 ending in Z, e.g. 2026-01-01T00:00:00Z.");
                return null;
            },
        };
        var trustDomain = new Option<string>("--trust-domain")
        {
            Description = "The mesh's SPIFFE trust domain, whose workload IDs the CA must be allowed to sign (name constraints).",
            HelpName = "D",
            DefaultValueFactory = _ => DefaultTrustDomain,
        };
        trustDomain.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && string.IsNullOrWhiteSpace(result.Tokens[^1].Value))
            {
                result.AddError("--trust-domain is empty: give the mesh's trust domain, e.g. cluster.local.");
            }
        });
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON document {\"valid\",\"layout\",\"chain\",\"roots\",\"findings\"} instead of text.",
        };
        var command = new Command(
            "verify",
            "Check a cacerts bundle the way istiod will use it: the key matches the CA certificate, the chain is ordered and reaches a root, " +
            "every signing certificate is a CA with keyCertSign, path lengths and name constraints allow workload certificates, lifetimes, " +
            "and the pinned roots. Private keys are never printed. " +
            "Exit codes: 0 no error findings (warnings allowed); 1 error findings, a missing or unreadable file among them (MPKI1013); " +
            "2 usage error (unknown flag, a PATH that does not exist, a malformed --at or --root-fingerprint).")
        {
            path,
            rootFingerprints,
            at,
            trustDomain,
            json,
        };
        command.SetAction(parseResult => Run(
            context,
            parseResult.GetValue(path) ?? string.Empty,
            parseResult.GetValue(rootFingerprints) ?? [],
            parseResult.GetValue(at),
            parseResult.GetValue(trustDomain) ?? DefaultTrustDomain,
            parseResult.GetValue(json)));
        return command;
    }

    /// <summary>A SHA-256 fingerprint as lower-case hex without colons; <see langword="null"/> when it is not 64 hex digits.</summary>
    /// <param name="text">The fingerprint as given, e.g. <c>AB:CD:...</c> as <c>openssl x509 -fingerprint -sha256</c> prints it.</param>
    /// <returns>The normalized fingerprint, or <see langword="null"/>.</returns>
    internal static string? NormalizeFingerprint(string text)
    {
        string hex = text.Trim().Replace(":", string.Empty, StringComparison.Ordinal);
        return hex.Length == 64 && hex.All(char.IsAsciiHexDigit) ? hex.ToLowerInvariant() : null;
    }

    /// <summary>Parses an ISO 8601 UTC time ending in <c>Z</c>, to the second or with a fraction.</summary>
    /// <param name="text">The text.</param>
    /// <param name="time">The time, in UTC.</param>
    /// <returns>False when the text is not such a time.</returns>
    internal static bool TryParseUtc(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    private static int Run(CommandContext context, string path, IReadOnlyList<string> rootFingerprints, DateTimeOffset? at, string trustDomain, bool json)
    {
        DateTimeOffset validationTime = at ?? context.Time.GetUtcNow();
        BundleInputResult input = BundleInput.Load(path, context.Stdin);
        if (input.UsageError is { } usageError)
        {
            // A PATH and Secret names come from someone else's files.
            context.Stderr.WriteLine($"meshpki verify: {TerminalText.Escape(usageError)}");
            context.Stderr.WriteLine("Run 'meshpki verify --help' for usage.");
            return ExitCodes.UsageError;
        }

        VerifyReport report;
        if (input.Bundle is { } bundle)
        {
            CaCertsValidationResult result = CaCertsValidator.Validate(bundle, new CaCertsValidationOptions
            {
                ValidationTime = validationTime,
                PinnedRootFingerprints = [.. rootFingerprints.Select(pin => NormalizeFingerprint(pin)!)],
                TrustDomain = trustDomain,
            });
            report = VerifyReport.From(result, validationTime);
        }
        else
        {
            report = VerifyReport.Unreadable(input.UnreadableFinding!, validationTime);
        }

        if (json)
        {
            VerifyJsonWriter.Write(report, context.Stdout);
        }
        else
        {
            VerifyReportRenderer.Render(report, context.Stdout, context.Terminal);
        }

        return report.IsValid ? ExitCodes.Success : ExitCodes.InputErrors;
    }
}
