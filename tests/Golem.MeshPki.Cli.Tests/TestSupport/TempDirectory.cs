namespace Golem.MeshPki.Cli.Tests.TestSupport;

/// <summary>A directory under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    /// <summary>Creates an empty directory.</summary>
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("meshpki-cli-tests-").FullName;
    }

    /// <summary>The directory's full path.</summary>
    public string Path { get; }

    /// <summary>Writes a text file and returns its path.</summary>
    /// <param name="name">The file name.</param>
    /// <param name="text">The contents.</param>
    /// <returns>The full path.</returns>
    public string Write(string name, string text)
    {
        string path = System.IO.Path.Join(Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Writes a binary file and returns its path.</summary>
    /// <param name="name">The file name.</param>
    /// <param name="bytes">The contents.</param>
    /// <returns>The full path.</returns>
    public string Write(string name, byte[] bytes)
    {
        string path = System.IO.Path.Join(Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(Path, recursive: true);
}
