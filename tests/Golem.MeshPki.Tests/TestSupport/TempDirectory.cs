namespace Golem.MeshPki.Tests.TestSupport;

/// <summary>A directory under the system temp folder, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates an empty directory.</summary>
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("meshpki-tests-").FullName;
    }

    /// <summary>The directory's full path.</summary>
    public string Path { get; }

    /// <summary>The full path of a file in the directory.</summary>
    public string File(string name) => System.IO.Path.Join(Path, name);

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(Path, recursive: true);
}
