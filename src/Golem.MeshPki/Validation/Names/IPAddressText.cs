using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Golem.MeshPki.Validation.Names;

/// <summary>
/// IP addresses as text: strict parsing (no octal, hex or shortened IPv4 forms, no zone
/// identifiers) and the one canonical text of an address (RFC 3986 3.2.2 for IPv4, RFC 5952 4
/// for IPv6), which CABF BR 7.1.4.3 requires of an address in a commonName.
/// </summary>
internal static class IPAddressText
{
    /// <summary>Parses dotted-decimal IPv4 (RFC 3986 3.2.2 <c>dec-octet</c>: no leading zeros) or IPv6 text (RFC 4291 2.2, any case, with or without <c>::</c>, with a trailing dotted quad).</summary>
    /// <returns>The 4 or 16 address octets, or null when the text is not such an address.</returns>
    public static byte[]? Parse(ReadOnlySpan<char> text)
    {
        if (text.Contains(':'))
        {
            byte[] v6 = new byte[16];
            return TryParseIPv6(text, v6) ? v6 : null;
        }

        byte[] v4 = new byte[4];
        return TryParseIPv4(text, v4) ? v4 : null;
    }

    /// <summary>Parses exactly four dotted decimal octets 0..255 without leading zeros.</summary>
    public static bool TryParseIPv4(ReadOnlySpan<char> text, Span<byte> destination)
    {
        int part = 0;
        foreach (Range range in text.Split('.'))
        {
            ReadOnlySpan<char> digits = text[range];
            if (part == 4 || digits.IsEmpty || digits.Length > 3 || (digits.Length > 1 && digits[0] == '0'))
            {
                return false;
            }

            int value = 0;
            foreach (char c in digits)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
            }

            if (value > 255)
            {
                return false;
            }

            destination[part++] = (byte)value;
        }

        return part == 4;
    }

    /// <summary>Parses IPv6 text (RFC 4291 2.2): eight groups of 1..4 hex digits, one <c>::</c> for one or more zero groups, and optionally a dotted quad for the last 32 bits.</summary>
    public static bool TryParseIPv6(ReadOnlySpan<char> text, Span<byte> destination)
    {
        destination[..16].Clear();
        int doubleColon = text.IndexOf("::", StringComparison.Ordinal);
        if (doubleColon >= 0 && text[(doubleColon + 1)..].Contains("::", StringComparison.Ordinal))
        {
            return false;
        }

        Span<ushort> head = stackalloc ushort[8];
        Span<ushort> tail = stackalloc ushort[8];
        int headCount;
        int tailCount = 0;
        if (doubleColon < 0)
        {
            if (!TryParseGroups(text, head, out headCount, allowIPv4: true) || headCount != 8)
            {
                return false;
            }
        }
        else
        {
            ReadOnlySpan<char> before = text[..doubleColon];
            ReadOnlySpan<char> after = text[(doubleColon + 2)..];
            headCount = 0;
            if (!before.IsEmpty && !TryParseGroups(before, head, out headCount, allowIPv4: false))
            {
                return false;
            }

            if (!after.IsEmpty && !TryParseGroups(after, tail, out tailCount, allowIPv4: true))
            {
                return false;
            }

            // "::" stands for at least one group of zeros.
            if (headCount + tailCount > 7)
            {
                return false;
            }
        }

        for (int i = 0; i < headCount; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[(i * 2)..], head[i]);
        }

        for (int i = 0; i < tailCount; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[((8 - tailCount + i) * 2)..], tail[i]);
        }

        return true;
    }

    /// <summary>The canonical text: dotted decimal for 4 octets, RFC 5952 section 4 for 16 (lowercase, no leading zeros, the first longest run of two or more zero groups as <c>::</c>).</summary>
    /// <exception cref="ArgumentException">The address is not 4 or 16 octets.</exception>
    public static string Format(ReadOnlySpan<byte> address)
    {
        if (address.Length == 4)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{address[0]}.{address[1]}.{address[2]}.{address[3]}");
        }

        if (address.Length != 16)
        {
            throw new ArgumentException("An IP address is 4 or 16 octets, not " + address.Length.ToString(CultureInfo.InvariantCulture) + ".", nameof(address));
        }

        Span<ushort> groups = stackalloc ushort[8];
        for (int i = 0; i < 8; i++)
        {
            groups[i] = BinaryPrimitives.ReadUInt16BigEndian(address[(i * 2)..]);
        }

        // RFC 5952 4.2.2 and 4.2.3: the longest run, the first of equal runs, and never a single group.
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8;)
        {
            if (groups[i] != 0)
            {
                i++;
                continue;
            }

            int start = i;
            while (i < 8 && groups[i] == 0)
            {
                i++;
            }

            if (i - start > bestLength)
            {
                bestStart = start;
                bestLength = i - start;
            }
        }

        var builder = new StringBuilder(39);
        for (int i = 0; i < 8; i++)
        {
            if (i == bestStart)
            {
                builder.Append("::");
                i += bestLength - 1;
                continue;
            }

            if (builder.Length > 0 && builder[^1] != ':')
            {
                builder.Append(':');
            }

            builder.Append(groups[i].ToString("x", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>
    /// True when <paramref name="text"/> is the canonical text of <paramref name="address"/>. For an
    /// IPv4-mapped IPv6 address the mixed form RFC 5952 5 recommends (<c>::ffff:192.0.2.1</c>) is
    /// accepted too.
    /// </summary>
    public static bool IsCanonicalText(string text, ReadOnlySpan<byte> address)
    {
        if (address.Length is not (4 or 16))
        {
            return false;
        }

        if (string.Equals(text, Format(address), StringComparison.Ordinal))
        {
            return true;
        }

        return address.Length == 16
            && address[..10].IndexOfAnyExcept((byte)0) < 0
            && address[10] == 0xFF && address[11] == 0xFF
            && string.Equals(text, "::ffff:" + Format(address[12..]), StringComparison.Ordinal);
    }

    private static bool TryParseGroups(ReadOnlySpan<char> text, Span<ushort> groups, out int count, bool allowIPv4)
    {
        count = 0;
        foreach (Range range in text.Split(':'))
        {
            ReadOnlySpan<char> group = text[range];
            bool last = range.End.GetOffset(text.Length) == text.Length;
            if (last && allowIPv4 && group.Contains('.'))
            {
                Span<byte> v4 = stackalloc byte[4];
                if (count > 6 || !TryParseIPv4(group, v4))
                {
                    return false;
                }

                groups[count++] = BinaryPrimitives.ReadUInt16BigEndian(v4);
                groups[count++] = BinaryPrimitives.ReadUInt16BigEndian(v4[2..]);
                return true;
            }

            if (count == 8 || group.IsEmpty || group.Length > 4)
            {
                return false;
            }

            ushort value = 0;
            foreach (char c in group)
            {
                if (!char.IsAsciiHexDigit(c))
                {
                    return false;
                }

                value = (ushort)((value << 4) | HexValue(c));
            }

            groups[count++] = value;
        }

        return true;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
