namespace Golem.MeshPki.Tests.TestSupport;

/// <summary>A directory under the system temp folder, deleted with its contents on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates an empty directory.</summary>
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("meshpki-tests-").FullName;
    }

    /// <summary>The directory's full path.</summary>
    public string Path { get; }

    /// <summary>Writes a text file and returns its path.</summary>
    public string Write(string name, string text)
    {
        string path = System.IO.Path.Join(Path, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Writes a binary file and returns its path.</summary>
    public string Write(string name, byte[] bytes)
    {
        string path = System.IO.Path.Join(Path, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <inheritdoc />
    /// <summary>The full path of <paramref name="name"/> inside the directory.</summary>
    public string File(string name) => System.IO.Path.Join(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
