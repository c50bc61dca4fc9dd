using System.Globalization;
using System.Text;
using Golem.MeshPki.Certificates.Der;

namespace Golem.MeshPki.Certificates;

/// <summary>
/// An X.501 Name (RFC 5280 4.1.2.4) as raw DER, with its RFC 4514 string built on demand.
/// Comparing two names byte-wise is what path building does first (RFC 5280 7.1 allows it
/// when both use the same encoding).
/// </summary>
public readonly struct DistinguishedName : IEquatable<DistinguishedName>
{
    /// <summary>Wraps the DER encoding of a Name (the whole SEQUENCE, tag included) already checked by the reader.</summary>
    /// <param name="encoded">The DER encoding.</param>
    internal DistinguishedName(ReadOnlyMemory<byte> encoded) => Encoded = encoded;

    /// <summary>The DER encoding of the Name, tag and length included.</summary>
    public ReadOnlyMemory<byte> Encoded { get; }

    /// <summary>True when the name has no RDNs (allowed for subjects that rely on subjectAltName).</summary>
    public bool IsEmpty => Encoded.Length <= 2;

    /// <summary>Enumerates the attributes of every RDN, in encoded order (most general first).</summary>
    /// <returns>A non-allocating enumerator.</returns>
    public AttributeTypeAndValueEnumerator GetAttributes() => new(Encoded);

    /// <summary>The first value of the attribute <paramref name="attributeType"/> (e.g. CN), or null.</summary>
    /// <param name="attributeType">DER content octets of the attribute type OID.</param>
    /// <returns>The decoded value or null.</returns>
    public string? GetFirstValue(ReadOnlySpan<byte> attributeType)
    {
        foreach (AttributeTypeAndValue attribute in GetAttributes())
        {
            if (attribute.Type.Equals(attributeType))
            {
                return attribute.GetValueString();
            }
        }

        return null;
    }

    /// <summary>The common name (2.5.4.3), or null.</summary>
    public string? CommonName => GetFirstValue([0x55, 0x04, 0x03]);

    /// <summary>The RFC 4514 string: RDNs last-to-first, separated by commas; multi-valued RDNs joined by '+'.</summary>
    public override string ToString()
    {
        if (Encoded.IsEmpty)
        {
            // default(DistinguishedName): nothing to print.
            return string.Empty;
        }

        var attributes = new List<(int Rdn, AttributeTypeAndValue Value)>();
        AttributeTypeAndValueEnumerator enumerator = GetAttributes();
        while (enumerator.MoveNext())
        {
            attributes.Add((enumerator.RdnIndex, enumerator.Current));
        }

        // RFC 4514 2.1: RDNs from the last to the first, ','-separated; within one RDN, '+'.
        var builder = new StringBuilder(Encoded.Length);
        int end = attributes.Count;
        while (end > 0)
        {
            int start = end - 1;
            while (start > 0 && attributes[start - 1].Rdn == attributes[end - 1].Rdn)
            {
                start--;
            }

            for (int i = start; i < end; i++)
            {
                if (builder.Length > 0)
                {
                    builder.Append(i == start ? ',' : '+');
                }

                attributes[i].Value.AppendRfc4514(builder);
            }

            end = start;
        }

        return builder.ToString();
    }

    /// <inheritdoc />
    public bool Equals(DistinguishedName other) => Encoded.Span.SequenceEqual(other.Encoded.Span);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DistinguishedName other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        HashCode hash = default;
        hash.AddBytes(Encoded.Span);
        return hash.ToHashCode();
    }

    /// <summary>Byte-wise equality of two names.</summary>
    public static bool operator ==(DistinguishedName left, DistinguishedName right) => left.Equals(right);

    /// <summary>Byte-wise inequality of two names.</summary>
    public static bool operator !=(DistinguishedName left, DistinguishedName right) => !left.Equals(right);

    /// <summary>Checks the structure of a Name: SEQUENCE OF non-empty SET OF SEQUENCE { type OID, one value } (RFC 5280 4.1.2.4).</summary>
    internal static void Check(ref DerReader reader, DerElement name, string field)
    {
        if (!IsPlainShortForm(reader.Through(name), name.ContentStart))
        {
            CheckFully(ref reader, name, field);
        }
    }

    /// <summary>The full check behind <see cref="Check"/>'s fast path: accepts every valid name and names the problem in the others.</summary>
    internal static void CheckFully(ref DerReader reader, DerElement name, string field)
    {
        DerReader rdns = reader.Enter(name);
        while (rdns.HasData)
        {
            DerElement rdn = rdns.Read(DerTag.Set, field);
            if (rdn.ContentLength == 0)
            {
                throw DerReader.Error("a RelativeDistinguishedName must hold at least one attribute", field, rdn.HeaderStart);
            }

            DerReader attributes = rdns.Enter(rdn);
            while (attributes.HasData)
            {
                DerElement atv = attributes.Read(DerTag.Sequence, field);
                DerReader inner = attributes.Enter(atv);
                DerElement type = inner.Read(DerTag.ObjectIdentifier, field);
                inner.CheckObjectIdentifier(type, field);
                DerElement value = inner.ReadAny(field);
                CheckValue(value, field);
                inner.ThrowIfNotEnd(field);
            }
        }
    }

    /// <summary>
    /// The fast path of <see cref="Check"/> for the shape nearly every name has: short-form
    /// lengths, one-octet tags, string values. True only when the full check would accept the
    /// name; false sends the name through the full check, which accepts it or names the problem.
    /// The name's contents are <paramref name="buffer"/>[<paramref name="start"/>..]: the octets
    /// before them let identifiers be checked 16 octets at a time.
    /// </summary>
    internal static bool IsPlainShortForm(ReadOnlySpan<byte> buffer, int start)
    {
        int position = start;
        while (position < buffer.Length)
        {
            // SET SIZE (1..MAX) OF AttributeTypeAndValue
            if (position + 2 > buffer.Length || buffer[position] != DerTag.Set)
            {
                return false;
            }

            int setLength = buffer[position + 1];
            int setEnd = position + 2 + setLength;
            if (setLength is 0 or >= 0x80 || setEnd > buffer.Length)
            {
                return false;
            }

            position += 2;
            while (position < setEnd)
            {
                // SEQUENCE { type OBJECT IDENTIFIER, value }
                if (position + 2 > setEnd || buffer[position] != DerTag.Sequence || buffer[position + 1] >= 0x80)
                {
                    return false;
                }

                int attributeEnd = position + 2 + buffer[position + 1];
                position += 2;
                if (attributeEnd > setEnd || position + 2 > attributeEnd || buffer[position] != DerTag.ObjectIdentifier)
                {
                    return false;
                }

                int oidLength = buffer[position + 1];
                position += 2;
                if (oidLength is 0 or >= 0x80 || position + oidLength + 2 > attributeEnd)
                {
                    return false;
                }

                // The full check's rule for identifiers, where it can be applied without a loop;
                // anything else (long identifiers, every bad one) goes to the full check.
                if (!DerReader.IsShortValidObjectIdentifier(buffer, position, oidLength))
                {
                    return false;
                }

                position += oidLength;
                byte valueTag = buffer[position];
                int valueLength = buffer[position + 1];
                if (valueTag is not (DerTag.Utf8String or DerTag.PrintableString or DerTag.Ia5String)
                    || valueLength >= 0x80
                    || position + 2 + valueLength != attributeEnd)
                {
                    return false;
                }

                position = attributeEnd;
            }
        }

        return true;
    }

    // Lengths of the multi-octet string types must be whole characters. The character sets of
    // PrintableString and IA5String are not checked here: CAs have put Latin-1 in them for
    // decades, OpenSSL and BouncyCastle read such names, and GetValueString decodes them as
    // Latin-1. Judging them is validation's job, not the reader's.
    private static void CheckValue(DerElement value, string field)
    {
        if ((value.Tag == DerTag.BmpString && value.ContentLength % 2 != 0)
            || (value.Tag == DerTag.UniversalString && value.ContentLength % 4 != 0))
        {
            throw DerReader.Error("a BMPString or UniversalString holds a partial character", field, value.HeaderStart);
        }
    }
}

/// <summary>One AttributeTypeAndValue of a Name.</summary>
public readonly struct AttributeTypeAndValue
{
    internal AttributeTypeAndValue(ObjectIdentifier type, byte valueTag, ReadOnlyMemory<byte> value, ReadOnlyMemory<byte> encodedValue)
    {
        Type = type;
        ValueTag = valueTag;
        Value = value;
        EncodedValue = encodedValue;
    }

    /// <summary>The attribute type, e.g. 2.5.4.3 (CN).</summary>
    public ObjectIdentifier Type { get; }

    /// <summary>The DER tag of the value (0x0C UTF8String, 0x13 PrintableString, ...).</summary>
    public byte ValueTag { get; }

    /// <summary>The content octets of the value.</summary>
    public ReadOnlyMemory<byte> Value { get; }

    /// <summary>The whole DER encoding of the value.</summary>
    public ReadOnlyMemory<byte> EncodedValue { get; }

    /// <summary>True when the value is one of the directory string types and <see cref="GetValueString"/> decodes it.</summary>
    public bool IsString => ValueTag is DerTag.Utf8String or DerTag.PrintableString or DerTag.Ia5String or DerTag.TeletexString
        or DerTag.BmpString or DerTag.UniversalString or DerTag.NumericString or DerTag.VisibleString;

    /// <summary>The value as text: string types decoded, anything else as <c>#</c> and the hex of its DER (RFC 4514 2.4).</summary>
    /// <returns>The text.</returns>
    public string GetValueString() => ValueTag switch
    {
        DerTag.Utf8String => Encoding.UTF8.GetString(Value.Span),
        DerTag.BmpString => Encoding.BigEndianUnicode.GetString(Value.Span),
        DerTag.UniversalString => new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetString(Value.Span),

        // T.61 is treated as Latin-1, as OpenSSL and Go do.
        DerTag.PrintableString or DerTag.Ia5String or DerTag.TeletexString or DerTag.NumericString or DerTag.VisibleString
            => Encoding.Latin1.GetString(Value.Span),
        _ => "#" + Convert.ToHexStringLower(EncodedValue.Span),
    };

    internal void AppendRfc4514(StringBuilder builder)
    {
        string? name = KnownOids.FindAttributeName(Type.Contents.Span);
        builder.Append(name ?? Type.ToString()).Append('=');
        if (!IsString || name is null)
        {
            // RFC 4514 2.4: types without a short name use the hex form of the BER value.
            builder.Append('#').Append(Convert.ToHexStringLower(EncodedValue.Span));
            return;
        }

        string text = GetValueString();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsControl(c))
            {
                // RFC 4514 2.4: any character may be escaped as '\\' and hex pairs of its UTF-8.
                // Control characters (C0, DEL, C1) always are, so a name cannot drive a terminal.
                if (c >= 0x80)
                {
                    builder.Append("\\C2");
                }

                builder.Append('\\').Append(((int)c & 0xFF).ToString("X2", CultureInfo.InvariantCulture));
                continue;
            }

            bool escape = c is ',' or '+' or '"' or '\\' or '<' or '>' or ';'
                || (i == 0 && (c == '#' || c == ' '))
                || (i == text.Length - 1 && c == ' ');
            if (escape)
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }
    }
}

/// <summary>Enumerates every AttributeTypeAndValue of a checked Name, in encoded order, without allocating.</summary>
public struct AttributeTypeAndValueEnumerator
{
    private readonly ReadOnlyMemory<byte> _encoded;
    private int _rdnPosition;
    private readonly int _rdnEnd;
    private int _attributePosition;
    private int _attributeEnd;
    private int _rdnIndex;

    internal AttributeTypeAndValueEnumerator(ReadOnlyMemory<byte> encoded)
    {
        _encoded = encoded;
        if (encoded.IsEmpty)
        {
            // default(DistinguishedName) enumerates nothing.
            _rdnPosition = 0;
            _rdnEnd = 0;
        }
        else
        {
            var reader = new DerReader(encoded.Span);
            DerElement name = reader.ReadAny("name");
            _rdnPosition = name.ContentStart;
            _rdnEnd = name.End;
        }

        _attributePosition = 0;
        _attributeEnd = 0;
        _rdnIndex = -1;
        Current = default;
    }

    /// <summary>The current attribute.</summary>
    public AttributeTypeAndValue Current { get; private set; }

    /// <summary>The zero-based index of the RDN holding <see cref="Current"/>.</summary>
    public readonly int RdnIndex => _rdnIndex;

    /// <summary>Returns this enumerator, for <c>foreach</c>.</summary>
    /// <returns>This enumerator.</returns>
    public readonly AttributeTypeAndValueEnumerator GetEnumerator() => this;

    /// <summary>Moves to the next attribute.</summary>
    /// <returns>False at the end.</returns>
    public bool MoveNext()
    {
        ReadOnlySpan<byte> span = _encoded.Span;
        while (_attributePosition >= _attributeEnd)
        {
            if (_rdnPosition >= _rdnEnd)
            {
                return false;
            }

            var rdns = new DerReader(span, _rdnPosition, _rdnEnd);
            DerElement rdn = rdns.ReadAny("name.rdn");
            _rdnPosition = rdns.Position;
            _attributePosition = rdn.ContentStart;
            _attributeEnd = rdn.End;
            _rdnIndex++;
        }

        var attributes = new DerReader(span, _attributePosition, _attributeEnd);
        DerElement atv = attributes.ReadAny("name.rdn.attribute");
        _attributePosition = attributes.Position;
        var inner = attributes.Enter(atv);
        DerElement type = inner.ReadAny("name.rdn.attribute.type");
        DerElement value = inner.ReadAny("name.rdn.attribute.value");
        Current = new AttributeTypeAndValue(
            new ObjectIdentifier(_encoded.Slice(type.ContentStart, type.ContentLength)),
            value.Tag,
            _encoded.Slice(value.ContentStart, value.ContentLength),
            _encoded.Slice(value.HeaderStart, value.EncodedLength));
        return true;
    }
}
