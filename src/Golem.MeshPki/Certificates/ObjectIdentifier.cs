using System.Globalization;
using System.Numerics;
using System.Text;

namespace Golem.MeshPki.Certificates;

/// <summary>
/// An OBJECT IDENTIFIER as it appears in a certificate: its DER content octets, compared
/// without allocation; the dotted string and the well-known name are built on demand.
/// </summary>
public readonly struct ObjectIdentifier : IEquatable<ObjectIdentifier>
{
    /// <summary>Wraps DER content octets (without tag and length) of an OBJECT IDENTIFIER already checked by the reader.</summary>
    /// <param name="contents">The content octets.</param>
    internal ObjectIdentifier(ReadOnlyMemory<byte> contents) => Contents = contents;

    /// <summary>The DER content octets (X.690 8.19), without tag and length.</summary>
    public ReadOnlyMemory<byte> Contents { get; }

    /// <summary>The short name OpenSSL and RFCs use for a well-known identifier (e.g. <c>serverAuth</c>, <c>sha256WithRSAEncryption</c>), or <see langword="null"/>.</summary>
    public string? FriendlyName => KnownOids.FindName(Contents.Span);

    /// <summary>True when the content octets equal <paramref name="contents"/>.</summary>
    /// <param name="contents">DER content octets of another identifier.</param>
    public bool Equals(ReadOnlySpan<byte> contents) => Contents.Span.SequenceEqual(contents);

    /// <inheritdoc />
    public bool Equals(ObjectIdentifier other) => Equals(other.Contents.Span);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ObjectIdentifier other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        HashCode hash = default;
        hash.AddBytes(Contents.Span);
        return hash.ToHashCode();
    }

    /// <summary>The dotted-decimal form, e.g. <c>2.5.29.19</c>.</summary>
    public override string ToString() => ToDottedString(Contents.Span);

    /// <summary>Equality of two identifiers' content octets.</summary>
    public static bool operator ==(ObjectIdentifier left, ObjectIdentifier right) => left.Equals(right);

    /// <summary>Inequality of two identifiers' content octets.</summary>
    public static bool operator !=(ObjectIdentifier left, ObjectIdentifier right) => !left.Equals(right);

    /// <summary>Formats DER OBJECT IDENTIFIER content octets as dotted decimal (X.690 8.19.4).</summary>
    /// <param name="contents">Well-formed content octets.</param>
    /// <returns>The dotted-decimal string.</returns>
    public static string ToDottedString(ReadOnlySpan<byte> contents)
    {
        var builder = new StringBuilder(contents.Length * 3);
        bool first = true;
        int index = 0;
        while (index < contents.Length)
        {
            BigInteger arc = BigInteger.Zero;
            ulong small = 0;
            bool big = false;
            byte b;
            do
            {
                b = contents[index++];
                if (!big && small > (ulong.MaxValue >> 7))
                {
                    big = true;
                    arc = small;
                }

                if (big)
                {
                    arc = (arc << 7) | (b & 0x7F);
                }
                else
                {
                    small = (small << 7) | (uint)(b & 0x7F);
                }
            }
            while ((b & 0x80) != 0 && index < contents.Length);

            if (!big)
            {
                arc = small;
            }

            if (first)
            {
                // X.690 8.19.4: the first subidentifier packs the first two arcs.
                BigInteger top = arc < 40 ? 0 : arc < 80 ? 1 : 2;
                builder.Append(top.ToString(CultureInfo.InvariantCulture)).Append('.')
                       .Append((arc - (top * 40)).ToString(CultureInfo.InvariantCulture));
                first = false;
            }
            else
            {
                builder.Append('.').Append(arc.ToString(CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
