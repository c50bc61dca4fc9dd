namespace Golem.MeshPki.Certificates.Der;

/// <summary>The single-byte DER identifier octets a certificate uses (X.690 8.1.2).</summary>
internal static class DerTag
{
    public const byte Boolean = 0x01;
    public const byte Integer = 0x02;
    public const byte BitString = 0x03;
    public const byte OctetString = 0x04;
    public const byte Null = 0x05;
    public const byte ObjectIdentifier = 0x06;
    public const byte Utf8String = 0x0C;
    public const byte NumericString = 0x12;
    public const byte PrintableString = 0x13;
    public const byte TeletexString = 0x14;
    public const byte Ia5String = 0x16;
    public const byte UtcTime = 0x17;
    public const byte GeneralizedTime = 0x18;
    public const byte VisibleString = 0x1A;
    public const byte UniversalString = 0x1C;
    public const byte BmpString = 0x1E;
    public const byte Sequence = 0x30;
    public const byte Set = 0x31;

    /// <summary>Context-specific, constructed, number <paramref name="number"/>: <c>[n] EXPLICIT</c> or an implicit SEQUENCE.</summary>
    public static byte ContextConstructed(int number) => (byte)(0xA0 | number);

    /// <summary>Context-specific, primitive, number <paramref name="number"/>: <c>[n] IMPLICIT</c> primitive.</summary>
    public static byte ContextPrimitive(int number) => (byte)(0x80 | number);

    public const byte ConstructedBit = 0x20;
}
