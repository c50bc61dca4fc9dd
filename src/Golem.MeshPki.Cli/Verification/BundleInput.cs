using System.Runtime.InteropServices;
using Golem.MeshPki.Packaging;
using Golem.MeshPki.Rules;

namespace Golem.MeshPki.Cli.Verification;

/// <summary>
/// Turns the PATH of <c>meshpki verify</c> into a <c>cacerts</c> bundle: a directory (the mounted Secret, or
/// istio's tools/certs output), a Secret manifest file (YAML or JSON, <c>kubectl get secret cacerts -o yaml</c>),
/// or <c>-</c> for a manifest on standard input.
/// </summary>
/// <remarks>
/// Three outcomes: a bundle; a file that cannot be read as a bundle (MPKI1013, exit code 1); or a usage error
/// (no such path, a manifest with several Secrets none of which is <c>cacerts</c>; exit code 2).
/// </remarks>
internal static class BundleInput
{
    /// <summary>The PATH that means standard input.</summary>
    public const string StdinName = "-";

    /// <summary>The Secret istiod reads its plugged-in CA from (istio/istio pilot/pkg/bootstrap/istio_ca.go).</summary>
    public const string CaCertsSecretName = "cacerts";

    // Larger inputs are not a Secret manifest; reading them whole would only exhaust memory.
    private const int MaxInputLength = 64 * 1024 * 1024;

    /// <summary>Reads the bundle at <paramref name="path"/>.</summary>
    /// <param name="path">A directory, a manifest file, or <c>-</c>.</param>
    /// <param name="stdin">Standard input, read when <paramref name="path"/> is <c>-</c>.</param>
    /// <returns>The bundle, the MPKI1013 finding that says why there is none, or a usage error.</returns>
    public static BundleInputResult Load(string path, Stream stdin)
    {
        if (path.Length == 0)
        {
            return BundleInputResult.Usage("an empty PATH was given.");
        }

        if (path == StdinName)
        {
            return ReadManifest(StdinName, () => ReadCapped(stdin));
        }

        if (Directory.Exists(path))
        {
            try
            {
                return BundleInputResult.Of(CaCertsBundle.LoadDirectory(path));
            }
            catch (DirectoryNotFoundException)
            {
                // Removed between the check and the read.
                return BundleInputResult.Usage($"no such file or directory: '{path}'.");
            }
        }

        if (!File.Exists(path))
        {
            return BundleInputResult.Usage($"no such file or directory: '{path}'.");
        }

        return ReadManifest(path, () =>
        {
            using FileStream stream = File.OpenRead(path);
            return ReadCapped(stream);
        });
    }

    private static BundleInputResult ReadManifest(string sourceName, Func<byte[]?> read)
    {
        byte[]? content;
        try
        {
            content = read();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return Unreadable(sourceName, $"'{sourceName}' cannot be read: {exception.Message.TrimEnd('.')}.");
        }

        if (content is null)
        {
            return Unreadable(sourceName, $"'{sourceName}' is larger than 64 MiB, too large for a Secret manifest.");
        }

        try
        {
            if (!SecretManifestReader.LooksLikeManifest(content))
            {
                return Unreadable(
                    sourceName,
                    $"'{sourceName}' is neither a directory nor a Kubernetes Secret manifest. Give the cacerts directory, or the output of 'kubectl get secret cacerts -n istio-system -o yaml'.");
            }

            SecretManifestReadResult manifest;
            try
            {
                manifest = SecretManifestReader.Read(content, sourceName);
            }
            catch (ManifestFormatException exception)
            {
                // The reader's messages give the position and never a value.
                return Unreadable(sourceName, exception.Message);
            }

            return ChooseSecret(manifest) switch
            {
                (SecretManifest secret, _) => BundleInputResult.Of(LoadAndZero(secret)),
                (null, BundleInputResult problem) => problem,
                _ => throw new InvalidOperationException("ChooseSecret returns a Secret or a problem."),
            };
        }
        finally
        {
            // The manifest holds the CA key (base64): do not leave it in memory longer than needed.
            Array.Clear(content);
        }
    }

    /// <summary>The Secret named <c>cacerts</c>, else the only Secret; several others are a usage error, none is MPKI1013.</summary>
    private static (SecretManifest? Secret, BundleInputResult? Problem) ChooseSecret(SecretManifestReadResult manifest)
    {
        IReadOnlyList<SecretManifest> secrets = manifest.Secrets;
        if (secrets.Count == 0)
        {
            string found = manifest.Skipped.Count == 0
                ? "nothing"
                : string.Join(", ", manifest.Skipped.Select(skipped => skipped.ToString()));
            return (null, Unreadable(manifest.SourceName, $"'{manifest.SourceName}' holds no Secret (found {found}). Give the output of 'kubectl get secret cacerts -n istio-system -o yaml'."));
        }

        if (secrets.Count == 1)
        {
            return (secrets[0], null);
        }

        List<SecretManifest> named = [.. secrets.Where(secret => secret.Name == CaCertsSecretName)];
        if (named.Count == 1)
        {
            return (named[0], null);
        }

        string names = string.Join(", ", secrets.Select(QualifiedName));
        return (null, BundleInputResult.Usage(named.Count == 0
            ? $"'{manifest.SourceName}' holds {secrets.Count} Secrets ({names}) and none is named '{CaCertsSecretName}': keep only the one to verify."
            : $"'{manifest.SourceName}' holds {named.Count} Secrets named '{CaCertsSecretName}' ({names}): keep only the one to verify."));
    }

    private static string QualifiedName(SecretManifest secret) =>
        secret.Namespace is null ? $"'{secret.Name ?? "(unnamed)"}'" : $"'{secret.Namespace}/{secret.Name ?? "(unnamed)"}'";

    private static CaCertsBundle LoadAndZero(SecretManifest secret)
    {
        CaCertsBundle bundle = CaCertsBundle.FromSecret(secret);

        // FromSecret leaves the caller's bytes alone; the bundle keeps only the key's public identity.
        foreach (SecretDataEntry entry in secret.Entries)
        {
            if (entry.Key is CaCertsFileNames.CaKey or CaCertsFileNames.TlsKey)
            {
                MemoryMarshal.AsMemory(entry.Value).Span.Clear();
            }
        }

        return bundle;
    }

    private static BundleInputResult Unreadable(string sourceName, string message) =>
        BundleInputResult.Unreadable(new Finding(RuleCatalog.BundleMaterialMissingOrUnreadable, message, sourceName));

    /// <summary>Reads a stream to its end; null, having read no more than the cap, when it is longer.</summary>
    private static byte[]? ReadCapped(Stream stream)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxInputLength)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

/// <summary>What <see cref="BundleInput.Load"/> found: exactly one of a bundle, an MPKI1013 finding, or a usage error.</summary>
/// <param name="Bundle">The bundle.</param>
/// <param name="UnreadableFinding">Why the input could not be read as a bundle.</param>
/// <param name="UsageError">What is wrong with the PATH, for stderr.</param>
internal sealed record BundleInputResult(CaCertsBundle? Bundle, Finding? UnreadableFinding, string? UsageError)
{
    /// <summary>A bundle.</summary>
    /// <param name="bundle">The bundle.</param>
    /// <returns>The result.</returns>
    public static BundleInputResult Of(CaCertsBundle bundle) => new(bundle, null, null);

    /// <summary>An input that could not be read as a bundle.</summary>
    /// <param name="finding">The MPKI1013 finding.</param>
    /// <returns>The result.</returns>
    public static BundleInputResult Unreadable(Finding finding) => new(null, finding, null);

    /// <summary>A usage error.</summary>
    /// <param name="message">The message, ending with a period.</param>
    /// <returns>The result.</returns>
    public static BundleInputResult Usage(string message) => new(null, null, message);
}
