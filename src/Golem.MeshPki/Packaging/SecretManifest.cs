using System.Text;

namespace Golem.MeshPki.Packaging;

/// <summary>
/// A Kubernetes Secret read from a manifest (<c>kubectl get secret cacerts -n istio-system -o yaml</c>):
/// its identity and its keys, each with its decoded value and position.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> shows name, namespace, type and key names only; the values may be private
/// keys and are never printed.
/// </remarks>
public sealed class SecretManifest
{
    private readonly Dictionary<string, int> _indexByKey;

    internal SecretManifest(
        string sourceName,
        int documentIndex,
        int line,
        int column,
        string? name,
        string? @namespace,
        string? type,
        string? resourceVersion,
        IReadOnlyList<SecretDataEntry> entries)
    {
        SourceName = sourceName;
        DocumentIndex = documentIndex;
        Line = line;
        Column = column;
        Name = name;
        Namespace = @namespace;
        Type = type;
        ResourceVersion = resourceVersion;
        Entries = entries;
        _indexByKey = new Dictionary<string, int>(entries.Count, StringComparer.Ordinal);
        for (int i = 0; i < entries.Count; i++)
        {
            _indexByKey.Add(entries[i].Key, i);
        }
    }

    /// <summary>The file name the Secret was read from, or <c>-</c> for standard input.</summary>
    public string SourceName { get; }

    /// <summary>The 0-based index of the YAML document (separated by <c>---</c>) that holds the Secret; Secrets from one <c>List</c> share it.</summary>
    public int DocumentIndex { get; }

    /// <summary>The 1-based line where the Secret object starts.</summary>
    public int Line { get; }

    /// <summary>The 1-based column where the Secret object starts.</summary>
    public int Column { get; }

    /// <summary><c>metadata.name</c>, e.g. <c>cacerts</c>; <see langword="null"/> when absent.</summary>
    public string? Name { get; }

    /// <summary><c>metadata.namespace</c>, e.g. <c>istio-system</c>; <see langword="null"/> when absent.</summary>
    public string? Namespace { get; }

    /// <summary>The Secret <c>type</c>, e.g. <c>Opaque</c> or <c>kubernetes.io/tls</c>; <see langword="null"/> when absent.</summary>
    public string? Type { get; }

    /// <summary><c>metadata.resourceVersion</c>, present in Secrets read back from a cluster; <see langword="null"/> when absent.</summary>
    public string? ResourceVersion { get; }

    /// <summary>
    /// The Secret's keys in manifest order: <c>data</c> keys first, then <c>stringData</c> keys not in <c>data</c>.
    /// A <c>stringData</c> key replaces the <c>data</c> key of the same name, as the API server merges them.
    /// </summary>
    public IReadOnlyList<SecretDataEntry> Entries { get; }

    /// <summary>Gets the value of <paramref name="key"/> (ordinal, case-sensitive, as Kubernetes compares keys).</summary>
    /// <param name="key">The key, e.g. <c>ca-cert.pem</c>.</param>
    /// <param name="value">The value's bytes when found; empty otherwise.</param>
    /// <returns><see langword="true"/> when the Secret has <paramref name="key"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool TryGetData(string key, out ReadOnlyMemory<byte> value)
    {
        if (TryGetEntry(key, out SecretDataEntry entry))
        {
            value = entry.Value;
            return true;
        }

        value = ReadOnlyMemory<byte>.Empty;
        return false;
    }

    /// <summary>Gets the entry of <paramref name="key"/>, with its position for error messages.</summary>
    /// <param name="key">The key, e.g. <c>ca-cert.pem</c>.</param>
    /// <param name="entry">The entry when found; the default value otherwise.</param>
    /// <returns><see langword="true"/> when the Secret has <paramref name="key"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool TryGetEntry(string key, out SecretDataEntry entry)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_indexByKey.TryGetValue(key, out int index))
        {
            entry = Entries[index];
            return true;
        }

        entry = default;
        return false;
    }

    /// <summary>Shows namespace, name, type and key names, e.g. <c>Secret istio-system/cacerts (Opaque): ca-cert.pem, ca-key.pem</c>; never the values.</summary>
    /// <returns>A description safe to print or log.</returns>
    public override string ToString()
    {
        var text = new StringBuilder("Secret ");
        if (Namespace is not null)
        {
            text.Append(Namespace).Append('/');
        }

        text.Append(Name ?? "(unnamed)");
        if (Type is not null)
        {
            text.Append(" (").Append(Type).Append(')');
        }

        text.Append(": ");
        if (Entries.Count == 0)
        {
            text.Append("no keys");
        }
        else
        {
            for (int i = 0; i < Entries.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(", ");
                }

                text.Append(Entries[i].Key);
            }
        }

        return text.ToString();
    }
}
