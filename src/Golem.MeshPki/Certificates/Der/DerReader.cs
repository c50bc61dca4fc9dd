using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Golem.MeshPki.Certificates.Der;

/// <summary>
/// A forward-only strict DER reader over a span, in the style of
/// <c>System.Formats.Asn1.AsnDecoder</c> but without allocation: it hands out
/// <see cref="DerElement"/> offsets into the one buffer it was created over.
/// </summary>
/// <remarks>
/// Enforces X.690 DER: definite lengths only (10.1), minimal length encoding (10.1),
/// no high tag numbers (certificates never use them), contents within the parent.
/// Every error names the absolute byte offset and the field path the caller gives.
/// </remarks>
internal ref struct DerReader
{
    // The buffer ends where this reader's data ends (offsets stay absolute from the buffer's
    // start), so one length serves as both the limit and the span bound the JIT can check.
    private readonly ReadOnlySpan<byte> _buffer;
    private int _position;

    /// <summary>A reader over the whole of <paramref name="buffer"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DerReader(ReadOnlySpan<byte> buffer)
        : this(buffer, 0, buffer.Length)
    {
    }

    /// <summary>A reader over <paramref name="buffer"/>[<paramref name="start"/>..<paramref name="end"/>), keeping absolute offsets.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DerReader(ReadOnlySpan<byte> buffer, int start, int end)
    {
        _buffer = buffer[..end];
        _position = start;
    }

    public readonly bool HasData => _position < _buffer.Length;

    public readonly int Position => _position;

    /// <summary>A reader over the contents of <paramref name="element"/> (which must come from this buffer).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly DerReader Enter(DerElement element) => new(_buffer, element.ContentStart, element.End);

    /// <summary>Reads the next element whatever its tag.</summary>
    /// <exception cref="CertificateFormatException">The header is not valid DER or the contents overrun the parent.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DerElement ReadAny(string field)
    {
        // Fast path: a low tag number with a short-form length that fits, which is almost every
        // element of a certificate. Everything else (long lengths, every error) goes the slow way.
        // Offsets are non-negative and bounded by the buffer's length, so they cannot overflow;
        // unchecked keeps overflow tests out of the hottest code of the library.
        unchecked
        {
            int headerStart = _position;
            ReadOnlySpan<byte> buffer = _buffer;
            if ((uint)(headerStart + 1) < (uint)buffer.Length)
            {
                byte tag = buffer[headerStart];
                int length = buffer[headerStart + 1];
                if (length < 0x80 && (tag & 0x1F) != 0x1F && length <= buffer.Length - headerStart - 2)
                {
                    _position = headerStart + 2 + length;
                    return new DerElement(tag, headerStart, headerStart + 2, length);
                }
            }
        }

        DerElement element = ReadAnySlow(_buffer, _position, field);
        _position = element.End;
        return element;
    }

    // Static over the span and position rather than an instance method: a call that takes the
    // reader by reference would make every caller keep its readers in memory, not registers.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DerElement ReadAnySlow(ReadOnlySpan<byte> buffer, int headerStart, string field)
    {
        // Next most common: one or two length octets (up to 64 KiB), well formed.
        if (headerStart + 3 < buffer.Length && (buffer[headerStart] & 0x1F) != 0x1F)
        {
            byte form = buffer[headerStart + 1];
            int longLength = form == 0x81 ? buffer[headerStart + 2]
                : form == 0x82 ? (buffer[headerStart + 2] << 8) | buffer[headerStart + 3]
                : 0;
            int contentStart = headerStart + form - 0x7E;
            if (((form == 0x81 && longLength >= 0x80) || (form == 0x82 && longLength >= 0x100))
                && longLength <= buffer.Length - contentStart)
            {
                return new DerElement(buffer[headerStart], headerStart, contentStart, longLength);
            }
        }

        if (headerStart >= buffer.Length)
        {
            throw Error("expected an element but the data ended", field, headerStart);
        }

        byte tag = buffer[headerStart];
        if ((tag & 0x1F) == 0x1F)
        {
            throw Error("high tag number form is not used in certificates", field, headerStart);
        }

        int cursor = headerStart + 1;
        if (cursor >= buffer.Length)
        {
            throw Error("the length octets are missing", field, headerStart);
        }

        int first = buffer[cursor++];
        int length;
        if (first < 0x80)
        {
            length = first;
        }
        else if (first == 0x80)
        {
            // X.690 10.1: DER uses the definite form only.
            throw Error("indefinite length is not allowed in DER", field, headerStart);
        }
        else
        {
            int count = first & 0x7F;
            if (count > 4)
            {
                throw Error("a length of {0} octets is too long", count, field, headerStart);
            }

            if (cursor + count > buffer.Length)
            {
                throw Error("the length octets run past the end of the data", field, headerStart);
            }

            if (buffer[cursor] == 0)
            {
                throw Error("the length is not minimally encoded (leading zero octet)", field, headerStart);
            }

            length = 0;
            for (int i = 0; i < count; i++)
            {
                if (length > 0x7FFFFF)
                {
                    throw Error("the length is too large", field, headerStart);
                }

                length = (length << 8) | buffer[cursor++];
            }

            if (length < 0x80)
            {
                // X.690 10.1: lengths below 128 must use the short form.
                throw Error("the length is not minimally encoded (long form for a short length)", field, headerStart);
            }
        }

        if (length > buffer.Length - cursor)
        {
            throw Error("the element claims {0} content octets but only {1} remain", length, buffer.Length - cursor, field, headerStart);
        }

        return new DerElement(tag, headerStart, cursor, length);
    }

    /// <summary>Reads the next element and checks its tag.</summary>
    /// <exception cref="CertificateFormatException">Wrong tag, or malformed header.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DerElement Read(byte expectedTag, string field)
    {
        int at = _position;
        ReadOnlySpan<byte> buffer = _buffer;
        if (unchecked((uint)at < (uint)buffer.Length) && buffer[at] != expectedTag)
        {
            ThrowWrongTag(expectedTag, buffer[at], field, at);
        }

        return ReadAny(field);
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowWrongTag(byte expected, byte found, string field, int offset) =>
        throw Error("expected tag 0x{0:x2} but found 0x{1:x2}", expected, found, field, offset);

    /// <summary>Reads the next element, checks its tag, and rejects it when it has no contents (ASN.1 <c>SIZE (1..MAX)</c>).</summary>
    /// <exception cref="CertificateFormatException">Wrong tag, malformed header, or empty.</exception>
    public DerElement ReadNonEmpty(byte expectedTag, string field, string reasonWhenEmpty)
    {
        DerElement element = Read(expectedTag, field);
        if (element.ContentLength == 0)
        {
            throw Error(reasonWhenEmpty, field, element.HeaderStart);
        }

        return element;
    }

    /// <summary>
    /// Checks that every element nested in <paramref name="element"/> is itself DER (definite,
    /// minimal lengths; nothing overrunning its parent), for fields typed ANY whose structure the
    /// reader does not otherwise know (algorithm parameters, policy qualifiers).
    /// </summary>
    /// <exception cref="CertificateFormatException">A nested header is malformed, or nesting is deeper than 32.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void CheckNestedEncoding(DerElement element, string field)
    {
        // Usually a primitive (NULL parameters, a curve identifier): nothing nested, no call.
        if ((element.Tag & DerTag.ConstructedBit) != 0)
        {
            CheckNestedEncoding(_buffer, element, field, depth: 0);
        }
    }

    // Static over the span: a call that takes the reader by reference would keep the caller's
    // readers in memory instead of registers (the same holds for the other static helpers here).
    private static void CheckNestedEncoding(ReadOnlySpan<byte> buffer, DerElement element, string field, int depth)
    {
        if ((element.Tag & DerTag.ConstructedBit) == 0)
        {
            return;
        }

        if (depth >= 32)
        {
            throw Error("elements are nested more than 32 deep", field, element.HeaderStart);
        }

        var inner = new DerReader(buffer, element.ContentStart, element.End);
        while (inner.HasData)
        {
            CheckNestedEncoding(buffer, inner.ReadAny(field), field, depth + 1);
        }
    }

    /// <summary>Reads the next element only when its tag is <paramref name="tag"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryRead(byte tag, string field, out DerElement element)
    {
        int at = _position;
        ReadOnlySpan<byte> buffer = _buffer;
        if (unchecked((uint)at < (uint)buffer.Length) && buffer[at] == tag)
        {
            element = ReadAny(field);
            return true;
        }

        element = default;
        return false;
    }

    /// <summary>Throws when elements remain: DER has no room for trailing data inside a structure.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void ThrowIfNotEnd(string field)
    {
        if (_position < _buffer.Length)
        {
            ThrowTrailingData(field, _position);
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTrailingData(string field, int offset) => throw Error("unexpected data after the last field", field, offset);

    /// <summary>This reader's data up to the end of <paramref name="element"/>, offsets absolute.</summary>
    public readonly ReadOnlySpan<byte> Through(DerElement element) => _buffer[..element.End];

    /// <summary>The content bytes of <paramref name="element"/>.</summary>
    public readonly ReadOnlySpan<byte> Contents(DerElement element) => _buffer.Slice(element.ContentStart, element.ContentLength);

    /// <summary>Checks a BOOLEAN: one octet, 0x00 or 0xFF (X.690 11.1).</summary>
    public readonly bool ReadBooleanValue(DerElement element, string field)
    {
        if (element.ContentLength != 1)
        {
            throw Error("a BOOLEAN must have exactly one content octet", field, element.HeaderStart);
        }

        byte value = _buffer[element.ContentStart];
        return value switch
        {
            0x00 => false,
            0xFF => true,
            _ => throw Error("a DER BOOLEAN is 0x00 or 0xff, not 0x{0:x2}", value, field, element.HeaderStart),
        };
    }

    /// <summary>Checks an INTEGER is non-empty and minimally encoded (X.690 8.3.2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void CheckInteger(DerElement element, string field) =>
        CheckInteger(_buffer.Slice(element.ContentStart, element.ContentLength), element, field);

    private static void CheckInteger(ReadOnlySpan<byte> contents, DerElement element, string field)
    {
        if (contents.IsEmpty)
        {
            throw Error("an INTEGER must have at least one content octet", field, element.HeaderStart);
        }

        if (contents.Length > 1)
        {
            byte first = contents[0];
            byte second = contents[1];
            if ((first == 0x00 && second < 0x80) || (first == 0xFF && second >= 0x80))
            {
                throw Error("the INTEGER is not minimally encoded", field, element.HeaderStart);
            }
        }
    }

    /// <summary>Reads a small non-negative INTEGER (version, pathLenConstraint).</summary>
    public readonly int ReadSmallNonNegativeInteger(DerElement element, string field)
    {
        CheckInteger(element, field);
        ReadOnlySpan<byte> contents = Contents(element);
        if ((contents[0] & 0x80) != 0)
        {
            throw Error("the INTEGER must not be negative", field, element.HeaderStart);
        }

        if (contents.Length > 4)
        {
            throw Error("the INTEGER is too large", field, element.HeaderStart);
        }

        int value = 0;
        foreach (byte b in contents)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    /// <summary>Checks an OBJECT IDENTIFIER's contents: non-empty, base-128 minimal, complete (X.690 8.19).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void CheckObjectIdentifier(DerElement element, string field)
    {
        if (!IsShortValidObjectIdentifier(_buffer, element.ContentStart, element.ContentLength))
        {
            CheckObjectIdentifier(_buffer.Slice(element.ContentStart, element.ContentLength), element.HeaderStart, field);
        }
    }

    /// <summary>
    /// The fast path of the identifier check, without a loop: true when the contents
    /// <paramref name="buffer"/>[<paramref name="start"/>..+<paramref name="length"/>) are a
    /// valid identifier of 1 to 16 octets with at least 16 octets of the buffer up to their end.
    /// False sends the identifier to the octet-by-octet check, which accepts it or names the
    /// problem. A loop over a few octets costs a mispredicted exit nearly every time, because
    /// identifiers come in many lengths, and a certificate holds a dozen of them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsShortValidObjectIdentifier(ReadOnlySpan<byte> buffer, int start, int length)
    {
        // start and length come from an element of this buffer: non-negative, start + length
        // within it, so none of this arithmetic can overflow.
        unchecked
        {
            int end = start + length;
            if ((uint)(length - 1) >= 16 || end < 16)
            {
                return false;
            }

            // The 16 octets that end with the identifier; the ones before it are masked out.
            Vector128<byte> octets = Vector128.Create(buffer.Slice(end - 16, 16));
            uint continued = octets.ExtractMostSignificantBits(); // bit i: octet i has its high bit set
            uint zeroGroups = Vector128.Equals(octets, Vector128.Create((byte)0x80)).ExtractMostSignificantBits();
            int first = 16 - length;
            uint identifier = 0xFFFFu << first;

            // An octet starts an arc when it is the first one or the octet before ends an arc.
            uint arcStarts = ~(continued << 1) | (1u << first);

            // X.690 8.19.2: no arc starts with 0x80 (a leading zero group); the last octet ends an arc.
            return ((zeroGroups & arcStarts & identifier) | (continued & 0x8000u)) == 0;
        }
    }

    // Static over the span so that callers' readers stay in registers.
    private static void CheckObjectIdentifier(ReadOnlySpan<byte> contents, int headerStart, string field)
    {
        if (contents.IsEmpty)
        {
            throw Error("an OBJECT IDENTIFIER must not be empty", field, headerStart);
        }

        if (contents[^1] >= 0x80)
        {
            throw Error("the last OBJECT IDENTIFIER arc is incomplete", field, headerStart);
        }

        // X.690 8.19.2: an arc may not start with 0x80 (a leading zero group). Branch-free: the
        // identifiers are short and this runs for every one in a certificate.
        bool arcStart = true;
        bool padded = false;
        foreach (byte b in contents)
        {
            padded |= arcStart & (b == 0x80);
            arcStart = b < 0x80;
        }

        if (padded)
        {
            throw Error("an OBJECT IDENTIFIER arc is not minimally encoded", field, headerStart);
        }
    }

    /// <summary>Checks a BIT STRING (X.690 8.6, 11.2) and returns the number of unused bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int CheckBitString(DerElement element, string field) =>
        CheckBitString(_buffer.Slice(element.ContentStart, element.ContentLength), element, field);

    private static int CheckBitString(ReadOnlySpan<byte> contents, DerElement element, string field)
    {
        if (contents.IsEmpty)
        {
            throw Error("a BIT STRING needs its unused-bits octet", field, element.HeaderStart);
        }

        int unused = contents[0];
        if (unused > 7 || (contents.Length == 1 && unused != 0))
        {
            throw Error("a BIT STRING cannot have {0} unused bits here", unused, field, element.HeaderStart);
        }

        if (unused != 0 && (contents[^1] & ((1 << unused) - 1)) != 0)
        {
            throw Error("the unused bits of a DER BIT STRING must be zero", field, element.HeaderStart);
        }

        return unused;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static CertificateFormatException Error(string reason, string field, int offset) => new(reason, field, offset);

    // Messages with values are formatted here, not interpolated at the throw site: an
    // interpolated string gives the calling hot method a string-builder local that every call
    // must zero, error or not.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static CertificateFormatException Error<T>(string format, T value, string field, int offset) =>
        new(string.Format(CultureInfo.InvariantCulture, format, value), field, offset);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static CertificateFormatException Error<T1, T2>(string format, T1 first, T2 second, string field, int offset) =>
        new(string.Format(CultureInfo.InvariantCulture, format, first, second), field, offset);
}
