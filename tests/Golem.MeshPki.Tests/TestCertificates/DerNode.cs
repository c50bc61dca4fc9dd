using System.Globalization;
using System.Text;

namespace Golem.MeshPki.Tests.TestCertificates;

/// <summary>
/// One editable DER element: parse a real encoding, change a field, and encode it again with
/// every enclosing length recomputed. After <see cref="Encode"/>, each node knows its
/// <see cref="Offset"/> in the output, so a test can assert where a reader must report a defect.
/// </summary>
/// <remarks>
/// Defects are explicit: <see cref="LengthOctets"/> writes a chosen (e.g. non-minimal) length,
/// <see cref="IndefiniteLength"/> writes <c>0x80</c> and an end-of-contents marker. Everything
/// else is written as minimal DER. Independent of the reader under test on purpose.
/// </remarks>
public sealed class DerNode
{
    private byte[] _contents;
    private int _headerLength;
    private int _encodedLength;

    private DerNode(byte tag, byte[] contents, List<DerNode>? children)
    {
        Tag = tag;
        _contents = contents;
        HasChildren = children is not null;
        Children = children ?? [];
    }

    /// <summary>The identifier octet.</summary>
    public byte Tag { get; set; }

    /// <summary>
    /// True when the contents are the encodings of <see cref="Children"/>: a constructed element, or a
    /// primitive one opened by <see cref="Encapsulate"/>. Changing <see cref="Tag"/> keeps the structure,
    /// so a SEQUENCE retagged as an OCTET STRING (a wrong-tag defect) still writes its children.
    /// </summary>
    public bool HasChildren { get; private set; }

    /// <summary>The child elements of a constructed or encapsulating element.</summary>
    public List<DerNode> Children { get; }

    /// <summary>The content octets of a primitive element (settable: the lengths around it follow).</summary>
    public byte[] Contents
    {
        get => HasChildren ? [.. Children.SelectMany(static c => c.EncodeCore())] : _contents;
        set
        {
            if (HasChildren)
            {
                throw new InvalidOperationException("Set the children of a constructed element, not its contents.");
            }

            _contents = value;
        }
    }

    /// <summary>Length octets to write instead of the minimal ones (a defect), or null.</summary>
    public byte[]? LengthOctets { get; set; }

    /// <summary>Write the indefinite form (<c>0x80</c> ... <c>00 00</c>), which DER forbids.</summary>
    public bool IndefiniteLength { get; set; }

    /// <summary>The offset of this element's identifier octet in the output of the last <see cref="Encode"/> of the root it was encoded in.</summary>
    public int Offset { get; private set; }

    /// <summary>The offset of the first content octet in the last encoding.</summary>
    public int ContentOffset => Offset + _headerLength;

    /// <summary>The whole encoded length (header, contents, end-of-contents) in the last encoding.</summary>
    public int EncodedLength => _encodedLength;

    public DerNode this[int index] => Children[index];

    /// <summary>A primitive element with the given contents.</summary>
    public static DerNode Primitive(byte tag, ReadOnlySpan<byte> contents) => new(tag, contents.ToArray(), null);

    /// <summary>A constructed element with the given children.</summary>
    public static DerNode Constructed(byte tag, params IEnumerable<DerNode> children) => new(tag, [], [.. children]);

    /// <summary>Parses exactly one DER element (definite lengths only).</summary>
    public static DerNode Parse(ReadOnlySpan<byte> der)
    {
        int position = 0;
        DerNode node = ParseOne(der, ref position);
        if (position != der.Length)
        {
            throw new ArgumentException($"{der.Length - position} bytes follow the element.", nameof(der));
        }

        return node;
    }

    /// <summary>Turns a primitive element whose contents are DER (an extnValue) into one whose <see cref="Children"/> can be edited.</summary>
    /// <returns>This node.</returns>
    public DerNode Encapsulate()
    {
        if (!HasChildren)
        {
            int position = 0;
            while (position < _contents.Length)
            {
                Children.Add(ParseOne(_contents, ref position));
            }

            HasChildren = true;
        }

        return this;
    }

    /// <summary>A deep copy (offsets are not copied).</summary>
    public DerNode Clone()
    {
        var copy = new DerNode(Tag, (byte[])_contents.Clone(), HasChildren ? [.. Children.Select(static c => c.Clone())] : null)
        {
            LengthOctets = LengthOctets,
            IndefiniteLength = IndefiniteLength,
        };
        return copy;
    }

    /// <summary>Encodes this element and records every descendant's <see cref="Offset"/> relative to its start.</summary>
    public byte[] Encode()
    {
        byte[] encoding = EncodeCore();
        AssignOffsets(0);
        return encoding;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var builder = new StringBuilder();
        Describe(builder, 0);
        return builder.ToString();
    }

    private byte[] EncodeCore()
    {
        if (!HasChildren && Children.Count > 0)
        {
            throw new InvalidOperationException("Children were added to a primitive element: call Encapsulate() first.");
        }

        byte[] contents = HasChildren
            ? [.. Children.SelectMany(static c => c.EncodeCore())]
            : _contents;
        byte[] length = IndefiniteLength ? [0x80] : LengthOctets ?? Der.Length(contents.Length);
        byte[] endOfContents = IndefiniteLength ? [0x00, 0x00] : [];
        _headerLength = 1 + length.Length;
        _encodedLength = _headerLength + contents.Length + endOfContents.Length;
        return [Tag, .. length, .. contents, .. endOfContents];
    }

    private void AssignOffsets(int start)
    {
        Offset = start;
        int cursor = start + _headerLength;
        foreach (DerNode child in Children)
        {
            child.AssignOffsets(cursor);
            cursor += child._encodedLength;
        }
    }

    private static DerNode ParseOne(ReadOnlySpan<byte> der, ref int position)
    {
        byte tag = der[position++];
        int length = der[position++];
        if (length == 0x80)
        {
            throw new ArgumentException("Indefinite lengths are not parsed.", nameof(der));
        }

        if (length > 0x80)
        {
            int count = length & 0x7F;
            length = 0;
            for (int i = 0; i < count; i++)
            {
                length = (length << 8) | der[position++];
            }
        }

        ReadOnlySpan<byte> contents = der.Slice(position, length);
        position += length;
        if ((tag & 0x20) == 0)
        {
            return Primitive(tag, contents);
        }

        var children = new List<DerNode>();
        int inner = 0;
        while (inner < contents.Length)
        {
            children.Add(ParseOne(contents, ref inner));
        }

        return new DerNode(tag, [], children);
    }

    private void Describe(StringBuilder builder, int depth)
    {
        builder.Append(' ', depth * 2).Append("0x").Append(Tag.ToString("x2", CultureInfo.InvariantCulture)).Append(" @").Append(Offset.ToString(CultureInfo.InvariantCulture));
        if (HasChildren)
        {
            builder.AppendLine();
            foreach (DerNode child in Children)
            {
                child.Describe(builder, depth + 1);
            }
        }
        else
        {
            builder.Append(' ').AppendLine(Convert.ToHexStringLower(_contents));
        }
    }
}
