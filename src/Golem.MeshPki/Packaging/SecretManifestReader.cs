using System.Security.Cryptography;
using System.Text;

namespace Golem.MeshPki.Packaging;

/// <summary>
/// Reads Kubernetes Secrets from manifests: what <c>kubectl get secret cacerts -n istio-system -o yaml</c>
/// (or <c>-o json</c>) prints, hand-written YAML with several documents separated by <c>---</c>, and
/// <c>List</c>/<c>SecretList</c> objects whose <c>items</c> are Secrets.
/// </summary>
/// <remarks>
/// <para>
/// Each <c>data</c> value is base64-decoded (standard alphabet with padding; whitespace and line breaks
/// inside are ignored, as YAML folding and hand-wrapping produce). Each <c>stringData</c> value is taken
/// as UTF-8 text and replaces the <c>data</c> value of the same key, as the API server merges them.
/// </para>
/// <para>
/// Objects that are not Secrets (a ConfigMap next to the Secret, a Deployment) are listed in
/// <see cref="SecretManifestReadResult.Skipped"/>, not rejected. Malformed input, and a Secret that the
/// API server would refuse, throw <see cref="ManifestFormatException"/>, whose message never contains a value.
/// </para>
/// <para>
/// JSON is read as YAML (YAML 1.2 is a superset of JSON), so <c>-o json</c> output and JSON indented with
/// tabs read the same way, with positions. Several JSON objects written back to back are not YAML and are
/// rejected; <c>kubectl</c> prints a <c>List</c> instead.
/// </para>
/// </remarks>
public static class SecretManifestReader
{
    // Sniffing looks at this much of the input; a manifest says what it is in its first lines.
    private const int SniffLength = 64 * 1024;

    /// <summary>Reads the Secrets in a manifest file's bytes (UTF-8 with or without BOM, or UTF-16 with BOM).</summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="sourceName">The file name for positions and messages (<c>cacerts.yaml</c>), or <c>-</c> for standard input.</param>
    /// <returns>The Secrets found and the objects passed over.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sourceName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="sourceName"/> is empty.</exception>
    /// <exception cref="ManifestFormatException">The bytes are not valid text, not valid YAML or JSON, or a Secret in them is malformed.</exception>
    public static SecretManifestReadResult Read(ReadOnlySpan<byte> content, string sourceName)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        return ReadText(ManifestYamlParser.DecodeText(content, sourceName), sourceName);
    }

    /// <summary>Reads the Secrets in manifest text.</summary>
    /// <param name="text">The manifest, YAML or JSON; a leading byte order mark is ignored.</param>
    /// <param name="sourceName">The file name for positions and messages (<c>cacerts.yaml</c>), or <c>-</c> for standard input.</param>
    /// <returns>The Secrets found and the objects passed over.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="sourceName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="sourceName"/> is empty.</exception>
    /// <exception cref="ManifestFormatException">The text is not valid YAML or JSON, or a Secret in it is malformed.</exception>
    public static SecretManifestReadResult Read(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        return ReadText(text.StartsWith('\uFEFF') ? text[1..] : text, sourceName);
    }

    /// <summary>
    /// Tells cheaply whether <paramref name="content"/> looks like a Kubernetes manifest rather than PEM or DER,
    /// so that a caller can route a file to this reader: after whitespace, a byte order mark, comments and
    /// <c>---</c> lines it starts with <c>{</c>, or it has a top-level <c>kind:</c> or <c>apiVersion:</c> line.
    /// </summary>
    /// <param name="content">The file's bytes; only the first 64 KiB are looked at.</param>
    /// <returns><see langword="true"/> when the content looks like YAML or JSON of a Kubernetes object.</returns>
    /// <remarks>This does not validate anything: <see cref="Read(ReadOnlySpan{byte}, string)"/> may still reject the content.</remarks>
    public static bool LooksLikeManifest(ReadOnlySpan<byte> content)
    {
        string text;
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            bool bigEndian = content[0] == 0xFE;
            content = content[2..];
            content = content[..(Math.Min(content.Length, 2 * SniffLength) & ~1)];
            text = new UnicodeEncoding(bigEndian, byteOrderMark: false).GetString(content);
        }
        else
        {
            if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                content = content[3..];
            }

            // A sequence cut at the end decodes to U+FFFD, which is harmless here.
            text = Encoding.UTF8.GetString(content[..Math.Min(content.Length, SniffLength)]);
        }

        return LooksLikeManifestText(text);
    }

    private static bool LooksLikeManifestText(ReadOnlySpan<char> text)
    {
        bool beforeContent = true;
        foreach (Range lineRange in text.Split('\n'))
        {
            ReadOnlySpan<char> line = text[lineRange].TrimEnd('\r');
            ReadOnlySpan<char> trimmed = line.TrimStart();
            if (trimmed.IsEmpty || trimmed[0] == '#')
            {
                continue;
            }

            if (beforeContent)
            {
                if (trimmed[0] == '{')
                {
                    return true;
                }

                // Document markers and directives before the first object.
                if (IsDocumentMarker(trimmed) || trimmed[0] == '%')
                {
                    continue;
                }

                beforeContent = false;
            }

            // Top level means column 1: a key of the document's root mapping.
            if (IsTopLevelKey(line, "kind") || IsTopLevelKey(line, "apiVersion"))
            {
                return true;
            }
        }

        return false;

        static bool IsDocumentMarker(ReadOnlySpan<char> line)
        {
            return line.StartsWith("---", StringComparison.Ordinal) && (line.Length == 3 || line[3] is ' ' or '\t');
        }

        static bool IsTopLevelKey(ReadOnlySpan<char> line, string key)
        {
            return line.StartsWith(key, StringComparison.Ordinal)
                && line.Length > key.Length
                && line[key.Length] == ':'
                && (line.Length == key.Length + 1 || line[key.Length + 1] is ' ' or '\t');
        }
    }

    private static SecretManifestReadResult ReadText(string text, string sourceName)
    {
        List<ManifestDocument> documents = ManifestYamlParser.Parse(text, sourceName);
        var secrets = new List<SecretManifest>();
        var skipped = new List<SkippedManifestObject>();
        var reader = new ObjectReader(sourceName, secrets, skipped);
        foreach (ManifestDocument document in documents)
        {
            if (document.Root is null || document.Root is ManifestScalar { IsNull: true })
            {
                continue;
            }

            reader.ReadObject(document.Root, document.Index, listKind: null);
        }

        return new SecretManifestReadResult(sourceName, documents.Count, secrets.AsReadOnly(), skipped.AsReadOnly());
    }

    /// <summary>Interprets parsed documents as Kubernetes objects.</summary>
    private sealed class ObjectReader(string sourceName, List<SecretManifest> secrets, List<SkippedManifestObject> skipped)
    {
        public void ReadObject(ManifestNode node, int documentIndex, string? listKind)
        {
            if (node is not ManifestMapping obj)
            {
                skipped.Add(new SkippedManifestObject(null, null, null, documentIndex, node.Line, node.Column));
                return;
            }

            // Lenient about objects that are not Secrets: a kind that is not a string is just not "Secret".
            string? kind = (Find(obj, "kind") as ManifestScalar)?.Value;
            string? apiVersion = (Find(obj, "apiVersion") as ManifestScalar)?.Value;

            // The API server's own list (GET /api/v1/namespaces/istio-system/secrets) is a SecretList
            // whose items carry no kind or apiVersion (kubernetes/kubernetes#3030): they are Secrets by being there.
            if (kind is null && apiVersion is null && listKind == "SecretList")
            {
                kind = "Secret";
            }

            // Only core/v1 Secrets have data and stringData; a CRD named Secret in another group is not one.
            if (kind == "Secret" && apiVersion is null or "v1")
            {
                secrets.Add(ReadSecret(obj, documentIndex));
                return;
            }

            // kubectl prints several objects as "kind: List"; the API server's own list is "SecretList".
            // Lists do not nest, so an item that is a List is passed over rather than read.
            if (listKind is null && kind is "List" or "SecretList" && apiVersion is null or "v1")
            {
                ManifestNode? items = Find(obj, "items");
                if (items is ManifestSequence sequence)
                {
                    foreach (ManifestNode item in sequence.Items)
                    {
                        ReadObject(item, documentIndex, kind);
                    }

                    return;
                }

                if (items is null || items is ManifestScalar { IsNull: true })
                {
                    return;
                }

                throw Error(items, $"'items' of the {kind} is not a sequence");
            }

            string? name = Find(obj, "metadata") is ManifestMapping metadata ? (Find(metadata, "name") as ManifestScalar)?.Value : null;
            skipped.Add(new SkippedManifestObject(kind, apiVersion, name, documentIndex, obj.Line, obj.Column));
        }

        private SecretManifest ReadSecret(ManifestMapping secret, int documentIndex)
        {
            string? name = null;
            string? @namespace = null;
            string? resourceVersion = null;
            ManifestMapping? metadata = OptionalMapping(secret, "metadata", "metadata");
            if (metadata is not null)
            {
                name = OptionalString(metadata, "name", "metadata.name");
                @namespace = OptionalString(metadata, "namespace", "metadata.namespace");
                resourceVersion = OptionalString(metadata, "resourceVersion", "metadata.resourceVersion");
            }

            string? type = OptionalString(secret, "type", "type");

            var entries = new List<SecretDataEntry>();
            var indexByKey = new Dictionary<string, int>(StringComparer.Ordinal);
            ManifestMapping? data = OptionalMapping(secret, "data", "data");
            if (data is not null)
            {
                foreach ((ManifestScalar key, ManifestScalar value) in Entries(data, "data"))
                {
                    if (!indexByKey.TryAdd(key.Value, entries.Count))
                    {
                        throw Error(key, $"data key '{key.Value}' appears more than once");
                    }

                    byte[] bytes = value.IsNull
                        ? []
                        : DecodeBase64(value.Value) ?? throw Error(key, $"data key '{key.Value}' is not valid base64");
                    entries.Add(new SecretDataEntry(key.Value, bytes, key.Line, key.Column));
                }
            }

            ManifestMapping? stringData = OptionalMapping(secret, "stringData", "stringData");
            if (stringData is not null)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach ((ManifestScalar key, ManifestScalar value) in Entries(stringData, "stringData"))
                {
                    if (!seen.Add(key.Value))
                    {
                        throw Error(key, $"stringData key '{key.Value}' appears more than once");
                    }

                    byte[] bytes = value.IsNull ? [] : Encoding.UTF8.GetBytes(value.Value);
                    var entry = new SecretDataEntry(key.Value, bytes, key.Line, key.Column);

                    // k8s.io/api core/v1 Secret.stringData: "All keys and values are merged into the data
                    // field on write, overwriting any existing values."
                    if (indexByKey.TryGetValue(key.Value, out int index))
                    {
                        entries[index] = entry;
                    }
                    else
                    {
                        indexByKey.Add(key.Value, entries.Count);
                        entries.Add(entry);
                    }
                }
            }

            return new SecretManifest(
                sourceName, documentIndex, secret.Line, secret.Column, name, @namespace, type, resourceVersion, entries.AsReadOnly());
        }

        /// <summary>The entries of a data or stringData mapping, with string keys and string-or-null values.</summary>
        private IEnumerable<(ManifestScalar Key, ManifestScalar Value)> Entries(ManifestMapping mapping, string field)
        {
            foreach (KeyValuePair<ManifestNode, ManifestNode> entry in mapping.Entries)
            {
                if (entry.Key is not ManifestScalar key)
                {
                    throw Error(entry.Key, $"{field} has a key that is not a string");
                }

                if (entry.Value is not ManifestScalar value)
                {
                    throw Error(key, $"{field} key '{key.Value}' has a value that is not a string");
                }

                yield return (key, value);
            }
        }

        /// <summary>The value of <paramref name="key"/>, or <see langword="null"/> when absent; a key given twice is an error (YAML 1.2 3.2.1.1).</summary>
        private ManifestNode? Find(ManifestMapping mapping, string key)
        {
            ManifestNode? found = null;
            foreach (KeyValuePair<ManifestNode, ManifestNode> entry in mapping.Entries)
            {
                if (entry.Key is ManifestScalar scalar && scalar.Value == key)
                {
                    if (found is not null)
                    {
                        throw Error(entry.Key, $"key '{key}' appears more than once");
                    }

                    found = entry.Value;
                }
            }

            return found;
        }

        private ManifestMapping? OptionalMapping(ManifestMapping mapping, string key, string path)
        {
            return Find(mapping, key) switch
            {
                null or ManifestScalar { IsNull: true } => null,
                ManifestMapping found => found,
                ManifestNode other => throw Error(other, $"{path} is not a mapping"),
            };
        }

        private string? OptionalString(ManifestMapping mapping, string key, string path)
        {
            return Find(mapping, key) switch
            {
                null or ManifestScalar { IsNull: true } => null,
                ManifestScalar found => found.Value,
                ManifestNode other => throw Error(other, $"{path} is not a string"),
            };
        }

        private ManifestFormatException Error(ManifestNode at, string reason)
        {
            return new ManifestFormatException(sourceName, at.Line, at.Column, reason);
        }
    }

    /// <summary>Decodes standard base64 with padding, ignoring whitespace; <see langword="null"/> when invalid.</summary>
    private static byte[]? DecodeBase64(string text)
    {
        // Whitespace only makes the text longer, so this bounds the decoded length.
        byte[] buffer = new byte[(text.Length + 3) / 4 * 3];
        if (!Convert.TryFromBase64String(text, buffer, out int written))
        {
            CryptographicOperations.ZeroMemory(buffer);
            return null;
        }

        if (written == buffer.Length)
        {
            return buffer;
        }

        // The value may be a private key: do not leave a second copy behind for the GC.
        byte[] result = buffer.AsSpan(0, written).ToArray();
        CryptographicOperations.ZeroMemory(buffer);
        return result;
    }
}
