namespace Golem.MeshPki.Certificates.Der;

/// <summary>One decoded TLV: where its header starts, its tag, and where its contents lie.</summary>
/// <remarks>Offsets are absolute within the buffer the <see cref="DerReader"/> was created over.</remarks>
internal readonly struct DerElement
{
    public DerElement(byte tag, int headerStart, int contentStart, int contentLength)
    {
        Tag = tag;
        HeaderStart = headerStart;
        ContentStart = contentStart;
        ContentLength = contentLength;
    }

    public byte Tag { get; }

    public int HeaderStart { get; }

    public int ContentStart { get; }

    public int ContentLength { get; }

    public int End => ContentStart + ContentLength;

    public int EncodedLength => End - HeaderStart;
}
