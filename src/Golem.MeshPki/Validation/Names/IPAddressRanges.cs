using System.Globalization;
using System.Numerics;

namespace Golem.MeshPki.Validation.Names;

/// <summary>
/// iPAddress name constraints (RFC 5280 4.2.1.10): an address followed by a mask, 8 octets for
/// IPv4 and 32 for IPv6, written as CIDR ranges in messages.
/// </summary>
internal static class IPAddressRanges
{
    /// <summary>Why the constraint octets are not a CIDR range, or null: 8 or 32 octets, a contiguous mask, no bits set outside it.</summary>
    /// <returns>A clause that completes "The iPAddress constraint is not valid: ...", or null.</returns>
    public static string? CheckConstraint(ReadOnlySpan<byte> constraint)
    {
        if (constraint.Length is not (8 or 32))
        {
            return "it is " + constraint.Length.ToString(CultureInfo.InvariantCulture) + " octets; an address and its mask are 8 octets for IPv4 and 32 for IPv6";
        }

        int half = constraint.Length / 2;
        ReadOnlySpan<byte> address = constraint[..half];
        ReadOnlySpan<byte> mask = constraint[half..];
        bool zeroSeen = false;
        foreach (byte octet in mask)
        {
            if (zeroSeen ? octet != 0 : octet is not (0xFF or 0xFE or 0xFC or 0xF8 or 0xF0 or 0xE0 or 0xC0 or 0x80 or 0x00))
            {
                return "its mask is not a run of ones followed by zeros (a CIDR prefix)";
            }

            zeroSeen = octet != 0xFF;
        }

        for (int i = 0; i < half; i++)
        {
            if ((address[i] & ~mask[i]) != 0)
            {
                return "its address has bits set outside the mask";
            }
        }

        return null;
    }

    /// <summary>True when the 4- or 16-octet address lies in the range; an IPv4 range never holds an IPv6 address, nor the reverse.</summary>
    public static bool Contains(ReadOnlySpan<byte> constraint, ReadOnlySpan<byte> address)
    {
        if (address.Length * 2 != constraint.Length)
        {
            return false;
        }

        ReadOnlySpan<byte> network = constraint[..address.Length];
        ReadOnlySpan<byte> mask = constraint[address.Length..];
        for (int i = 0; i < address.Length; i++)
        {
            if ((address[i] & mask[i]) != (network[i] & mask[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>CIDR text for a message: <c>192.0.2.0/24</c>, <c>2001:db8::/32</c>; the raw octets in hex when the constraint is not a valid range.</summary>
    public static string Format(ReadOnlySpan<byte> constraint)
    {
        if (CheckConstraint(constraint) is not null)
        {
            return "0x" + Convert.ToHexStringLower(constraint);
        }

        int half = constraint.Length / 2;
        int prefix = 0;
        foreach (byte octet in constraint[half..])
        {
            prefix += BitOperations.PopCount(octet);
        }

        return IPAddressText.Format(constraint[..half]) + "/" + prefix.ToString(CultureInfo.InvariantCulture);
    }
}
