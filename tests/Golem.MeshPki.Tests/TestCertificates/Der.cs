using System.Globalization;
using System.Numerics;
using System.Text;

namespace Golem.MeshPki.Tests.TestCertificates;

/// <summary>
/// A minimal DER writer for test inputs (X.690 8 and 10): enough to build names, extension
/// values and defective fields by hand. Independent of the reader under test on purpose.
/// </summary>
public static class Der
{
    public const byte BooleanTag = 0x01;
    public const byte IntegerTag = 0x02;
    public const byte BitStringTag = 0x03;
    public const byte OctetStringTag = 0x04;
    public const byte NullTag = 0x05;
    public const byte ObjectIdentifierTag = 0x06;
    public const byte Utf8StringTag = 0x0C;
    public const byte PrintableStringTag = 0x13;
    public const byte TeletexStringTag = 0x14;
    public const byte Ia5StringTag = 0x16;
    public const byte UtcTimeTag = 0x17;
    public const byte GeneralizedTimeTag = 0x18;
    public const byte UniversalStringTag = 0x1C;
    public const byte BmpStringTag = 0x1E;
    public const byte SequenceTag = 0x30;
    public const byte SetTag = 0x31;

    /// <summary>Context-specific primitive tag <c>[n]</c> (IMPLICIT primitive).</summary>
    public static byte ContextPrimitive(int number) => (byte)(0x80 | number);

    /// <summary>Context-specific constructed tag <c>[n]</c> (EXPLICIT, or IMPLICIT constructed).</summary>
    public static byte ContextConstructed(int number) => (byte)(0xA0 | number);

    /// <summary>The minimal definite length octets for <paramref name="length"/> (X.690 10.1).</summary>
    public static byte[] Length(int length)
    {
        if (length < 0x80)
        {
            return [(byte)length];
        }

        int count = length <= 0xFF ? 1 : length <= 0xFFFF ? 2 : length <= 0xFFFFFF ? 3 : 4;
        byte[] octets = new byte[count + 1];
        octets[0] = (byte)(0x80 | count);
        for (int i = count; i >= 1; i--)
        {
            octets[i] = (byte)length;
            length >>= 8;
        }

        return octets;
    }

    /// <summary>One TLV with the given contents.</summary>
    public static byte[] Tlv(byte tag, ReadOnlySpan<byte> contents) => [tag, .. Length(contents.Length), .. contents];

    /// <summary>One constructed TLV whose contents are the concatenation of <paramref name="children"/>.</summary>
    public static byte[] Constructed(byte tag, params IEnumerable<byte[]> children) => Tlv(tag, children.SelectMany(static c => c).ToArray());

    public static byte[] Seq(params IEnumerable<byte[]> children) => Constructed(SequenceTag, children);

    /// <summary>A SET OF with its elements sorted by their encodings, as DER requires (X.690 11.6).</summary>
    public static byte[] SetOf(params IEnumerable<byte[]> children)
    {
        List<byte[]> sorted = [.. children];
        sorted.Sort(static (a, b) => CompareEncodings(a, b));
        return Constructed(SetTag, sorted);
    }

    /// <summary>X.690 11.6 ordering: octet-wise, a shorter encoding padded with zero octets at its end.</summary>
    public static int CompareEncodings(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            int x = i < a.Length ? a[i] : 0;
            int y = i < b.Length ? b[i] : 0;
            if (x != y)
            {
                return x - y;
            }
        }

        return 0;
    }

    public static byte[] Bool(bool value) => Tlv(BooleanTag, [value ? (byte)0xFF : (byte)0x00]);

    public static byte[] IntegerValue(BigInteger value) => Tlv(IntegerTag, value.ToByteArray(isUnsigned: false, isBigEndian: true));

    public static byte[] NullValue() => [NullTag, 0x00];

    public static byte[] Octets(ReadOnlySpan<byte> contents) => Tlv(OctetStringTag, contents);

    /// <summary>A BIT STRING with no unused bits.</summary>
    public static byte[] Bits(ReadOnlySpan<byte> contents) => Tlv(BitStringTag, [0x00, .. contents]);

    public static byte[] Utf8(string text) => Tlv(Utf8StringTag, Encoding.UTF8.GetBytes(text));

    public static byte[] Printable(string text) => Tlv(PrintableStringTag, Encoding.ASCII.GetBytes(text));

    public static byte[] Ia5(string text) => Tlv(Ia5StringTag, Encoding.ASCII.GetBytes(text));

    public static byte[] Bmp(string text) => Tlv(BmpStringTag, Encoding.BigEndianUnicode.GetBytes(text));

    /// <summary>The content octets of a dotted OBJECT IDENTIFIER (X.690 8.19).</summary>
    public static byte[] OidContents(string dotted)
    {
        BigInteger[] arcs = [.. dotted.Split('.').Select(static a => BigInteger.Parse(a, CultureInfo.InvariantCulture))];
        var octets = new List<byte>();
        AppendBase128(octets, (arcs[0] * 40) + arcs[1]);
        foreach (BigInteger arc in arcs.Skip(2))
        {
            AppendBase128(octets, arc);
        }

        return [.. octets];
    }

    public static byte[] Oid(string dotted) => Tlv(ObjectIdentifierTag, OidContents(dotted));

    /// <summary>A UTCTime or GeneralizedTime with exactly the text given (no checks: defects welcome).</summary>
    public static byte[] Time(byte tag, string text) => Tlv(tag, Encoding.ASCII.GetBytes(text));

    /// <summary>One AttributeTypeAndValue: <c>SEQUENCE { type OID, value }</c>.</summary>
    public static byte[] Attribute(string oid, byte[] value) => Seq(Oid(oid), value);

    /// <summary>A Name from RDNs, each a SET of attributes (most general RDN first, as encoded).</summary>
    public static byte[] Name(params IEnumerable<byte[][]> rdns) => Seq(rdns.Select(static rdn => SetOf(rdn)));

    /// <summary>A Name with one single-valued RDN per attribute.</summary>
    public static byte[] SimpleName(params IEnumerable<(string Oid, byte[] Value)> attributes) =>
        Name(attributes.Select(static a => new[] { Attribute(a.Oid, a.Value) }));

    private static void AppendBase128(List<byte> octets, BigInteger value)
    {
        var groups = new Stack<byte>();
        do
        {
            groups.Push((byte)(value & 0x7F));
            value >>= 7;
        }
        while (value > 0);

        while (groups.Count > 0)
        {
            byte group = groups.Pop();
            octets.Add(groups.Count > 0 ? (byte)(group | 0x80) : group);
        }
    }
}
