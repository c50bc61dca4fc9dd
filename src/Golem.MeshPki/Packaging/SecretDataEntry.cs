namespace Golem.MeshPki.Packaging;

/// <summary>
/// One key of a Secret with its value (base64-decoded from <c>data</c>, or the UTF-8 bytes of a
/// <c>stringData</c> value) and where the key is written in the manifest.
/// </summary>
/// <param name="Key">The key, e.g. <c>ca-cert.pem</c> or <c>tls.key</c>.</param>
/// <param name="Value">The value's bytes. May be a private key: never print it.</param>
/// <param name="Line">The 1-based line of the key in the manifest.</param>
/// <param name="Column">The 1-based column (in characters) of the key in the manifest.</param>
/// <remarks>
/// <see cref="ToString"/> shows the key, position and value length but never the value. Two entries are
/// equal when key, position and value bytes are equal.
/// </remarks>
public readonly record struct SecretDataEntry(string Key, ReadOnlyMemory<byte> Value, int Line, int Column)
{
    /// <summary>Compares key, position and the value's bytes (not the memory's identity, as <see cref="ReadOnlyMemory{T}.Equals(ReadOnlyMemory{T})"/> would).</summary>
    /// <param name="other">The entry to compare with.</param>
    /// <returns><see langword="true"/> when both entries have the same key, position and value bytes.</returns>
    public bool Equals(SecretDataEntry other)
    {
        return string.Equals(Key, other.Key, StringComparison.Ordinal)
            && Line == other.Line
            && Column == other.Column
            && Value.Span.SequenceEqual(other.Value.Span);
    }

    /// <summary>Hashes key, position and value length; the value's bytes are left out on purpose.</summary>
    /// <returns>A hash code consistent with <see cref="Equals(SecretDataEntry)"/>.</returns>
    public override int GetHashCode()
    {
        return HashCode.Combine(StringComparer.Ordinal.GetHashCode(Key ?? string.Empty), Line, Column, Value.Length);
    }

    /// <summary>Shows the key, its position and the value's length, e.g. <c>ca-key.pem (12,3): 1704 bytes</c>; never the value.</summary>
    /// <returns>A description safe to print or log.</returns>
    public override string ToString()
    {
        return $"{Key} ({Line},{Column}): {Value.Length} bytes";
    }
}
