namespace Golem.MeshPki.Validation;

/// <summary>Compares byte sequences by content (names and keys are looked up by their DER).</summary>
internal sealed class ByteContentComparer : IEqualityComparer<ReadOnlyMemory<byte>>
{
    public static readonly ByteContentComparer Instance = new();

    public bool Equals(ReadOnlyMemory<byte> x, ReadOnlyMemory<byte> y) => x.Span.SequenceEqual(y.Span);

    public int GetHashCode(ReadOnlyMemory<byte> obj)
    {
        HashCode hash = default;
        hash.AddBytes(obj.Span);
        return hash.ToHashCode();
    }
}
