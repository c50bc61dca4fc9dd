namespace Golem.MeshPki.Packaging;

/// <summary>
/// Where the files of a <c>cacerts</c> bundle come from (a directory, a Secret, bytes in memory), and
/// how messages name them: "File 'ca-key.pem' in directory 'certs/cluster1'", "Key 'tls.key' of
/// Secret 'istio-system/cacerts' in 'cacerts.yaml'".
/// </summary>
internal abstract class BundleFiles
{
    protected BundleFiles(string sourceName, string origin, string noun, string preposition)
    {
        SourceName = sourceName;
        Origin = origin;
        Noun = noun;
        Preposition = preposition;
    }

    /// <summary>The bundle's name in sources: the directory path, or <c>&lt;manifest&gt;:&lt;secret&gt;</c>.</summary>
    public string SourceName { get; }

    /// <summary>The origin for messages, in lower case: <c>directory 'x'</c>, <c>Secret 'ns/name' in 'file'</c>.</summary>
    public string Origin { get; }

    /// <summary>What one item is called: <c>File</c> or <c>Key</c>.</summary>
    public string Noun { get; }

    /// <summary>How an item relates to the origin: <c>in</c> a directory, <c>of</c> a Secret.</summary>
    public string Preposition { get; }

    /// <summary>Whether the item exists (istiod's <c>os.Stat</c> of the mounted file succeeds), even if empty.</summary>
    /// <param name="key">The file name or Secret key.</param>
    /// <returns>True when present.</returns>
    public abstract bool Exists(string key);

    /// <summary>Reads an item.</summary>
    /// <param name="key">The file name or Secret key.</param>
    /// <param name="content">The bytes.</param>
    /// <param name="owned">Whether the bytes were allocated by this read, so that the caller zeroes them when done.</param>
    /// <param name="error">Why the item cannot be read, as a phrase without a trailing period.</param>
    /// <returns>False when the item cannot be read.</returns>
    public abstract bool TryRead(string key, out ReadOnlyMemory<byte> content, out bool owned, out string? error);
}

/// <summary>A directory as istiod mounts the <c>cacerts</c> Secret (<c>/etc/cacerts</c>), or as istio's tools/certs Makefiles write it.</summary>
internal sealed class DirectoryBundleFiles(string directory)
    : BundleFiles(directory, $"directory '{directory}'", "File", "in")
{
    /// <inheritdoc />
    public override bool Exists(string key) => Path.Exists(Path.Join(SourceName, key));

    /// <inheritdoc />
    public override bool TryRead(string key, out ReadOnlyMemory<byte> content, out bool owned, out string? error)
    {
        try
        {
            // Read once; the caller zeroes the bytes when it has decoded them.
            content = File.ReadAllBytes(Path.Join(SourceName, key));
            owned = true;
            error = null;
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            content = ReadOnlyMemory<byte>.Empty;
            owned = false;
            error = exception.Message.TrimEnd('.');
            return false;
        }
    }
}

/// <summary>The keys of a Secret, or files held in memory: the caller owns the bytes.</summary>
internal sealed class MemoryBundleFiles(IReadOnlyDictionary<string, ReadOnlyMemory<byte>> files, string sourceName, string origin, string noun, string preposition)
    : BundleFiles(sourceName, origin, noun, preposition)
{
    /// <inheritdoc />
    public override bool Exists(string key) => files.ContainsKey(key);

    /// <inheritdoc />
    public override bool TryRead(string key, out ReadOnlyMemory<byte> content, out bool owned, out string? error)
    {
        owned = false;
        error = null;
        return files.TryGetValue(key, out content);
    }
}
