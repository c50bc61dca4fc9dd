namespace Golem.MeshPki.Cli.Inputs;

/// <summary>
/// Turns PATH arguments into the inputs to read: files as given, the certificate files of a
/// directory (not its subdirectories), and <c>-</c> for standard input.
/// </summary>
internal static class InputSources
{
    /// <summary>The PATH that means standard input.</summary>
    public const string StdinName = "-";

    /// <summary>The file name extensions read from a directory, compared without regard to case.</summary>
    public static readonly IReadOnlyList<string> DirectoryExtensions = [".pem", ".crt", ".cer", ".der"];

    /// <summary>Resolves every PATH; a PATH that does not exist is a usage error, and then nothing is read.</summary>
    /// <param name="paths">The PATH arguments in order.</param>
    /// <param name="usageErrors">One message per PATH that cannot be used, e.g. <c>no such file or directory: 'x.pem'</c>.</param>
    /// <returns>The inputs, in argument order, the files of one directory sorted by name (ordinal).</returns>
    public static IReadOnlyList<InputSource> Resolve(IReadOnlyList<string> paths, out IReadOnlyList<string> usageErrors)
    {
        var sources = new List<InputSource>();
        var errors = new List<string>();
        bool stdinSeen = false;
        foreach (string path in paths)
        {
            if (path == StdinName)
            {
                if (stdinSeen)
                {
                    errors.Add("'-' (standard input) is given more than once.");
                }

                stdinSeen = true;
                sources.Add(new StdinInputSource());
            }
            else if (path.Length == 0)
            {
                errors.Add("an empty PATH was given.");
            }
            else if (Directory.Exists(path))
            {
                AddDirectory(path, sources);
            }
            else if (File.Exists(path))
            {
                sources.Add(new FileInputSource(path, path));
            }
            else
            {
                errors.Add($"no such file or directory: '{path}'.");
            }
        }

        usageErrors = errors;
        return sources;
    }

    private static void AddDirectory(string directory, List<InputSource> sources)
    {
        List<string> names;
        try
        {
            names = [.. Directory.EnumerateFiles(directory)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(name => DirectoryExtensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            sources.Add(new EmptyInputSource(directory, $"cannot list the directory: {exception.Message}"));
            return;
        }

        if (names.Count == 0)
        {
            sources.Add(new EmptyInputSource(directory, "no certificate or private key found: the directory has no *.pem, *.crt, *.cer or *.der file (subdirectories are not read)."));
            return;
        }

        foreach (string name in names)
        {
            string path = Path.Join(directory, name);
            sources.Add(new FileInputSource(path, path));
        }
    }
}
