namespace Golem.MeshPki.Certificates.Der;

/// <summary>One decoded TLV: where its header starts, its tag, and where its contents lie.</summary>
/// <remarks>
/// <para>Offsets are absolute within the buffer the <see cref="DerReader"/> was created over.</para>
/// <para>
/// Stored as two 64-bit words rather than four fields. An element passed to a method that is not
/// inlined travels as two 8-byte halves; with a byte and three ints the JIT wrote the fields to
/// the stack one by one and read each half back as one 8-byte load, which the CPU cannot
/// forward from several smaller stores: a stall of a dozen cycles per call, a few percent of a
/// whole parse. Whole words are built in registers and passed as they are.
/// </para>
/// </remarks>
internal readonly struct DerElement
{
    // Low half: HeaderStart; high half: Tag.
    private readonly ulong _header;

    // Low half: ContentStart; high half: ContentLength.
    private readonly ulong _contents;

    public DerElement(byte tag, int headerStart, int contentStart, int contentLength)
    {
        // Offsets and lengths are never negative (the reader's bounds), so each fits in 32 bits
        // and the halves do not overlap; unchecked keeps overflow tests out of every read.
        unchecked
        {
            _header = (uint)headerStart | ((ulong)tag << 32);
            _contents = (uint)contentStart | ((ulong)(uint)contentLength << 32);
        }
    }

    // Each half holds a value that was a non-negative int: the narrowing casts lose nothing.
    public byte Tag => unchecked((byte)(_header >> 32));

    public int HeaderStart => unchecked((int)(uint)_header);

    public int ContentStart => unchecked((int)(uint)_contents);

    public int ContentLength => unchecked((int)(_contents >> 32));

    public int End => ContentStart + ContentLength;

    public int EncodedLength => End - HeaderStart;
}
