using System.Globalization;
using System.Net;
using System.Text;
using Golem.MeshPki.Certificates.Der;

namespace Golem.MeshPki.Certificates;

/// <summary>The CHOICE arms of a GeneralName (RFC 5280 4.2.1.6).</summary>
public enum GeneralNameKind
{
    /// <summary><c>[0] otherName</c>.</summary>
    OtherName = 0,

    /// <summary><c>[1] rfc822Name</c>: an email address.</summary>
    Email = 1,

    /// <summary><c>[2] dNSName</c>.</summary>
    Dns = 2,

    /// <summary><c>[3] x400Address</c>.</summary>
    X400Address = 3,

    /// <summary><c>[4] directoryName</c>: a Name.</summary>
    DirectoryName = 4,

    /// <summary><c>[5] ediPartyName</c>.</summary>
    EdiPartyName = 5,

    /// <summary><c>[6] uniformResourceIdentifier</c>, including SPIFFE IDs.</summary>
    Uri = 6,

    /// <summary><c>[7] iPAddress</c>: 4 or 16 octets, or 8 or 32 (address and mask) in name constraints.</summary>
    IPAddress = 7,

    /// <summary><c>[8] registeredID</c>.</summary>
    RegisteredId = 8,
}

/// <summary>One GeneralName: its kind and the content octets, decoded to text on demand.</summary>
public readonly struct GeneralName
{
    internal GeneralName(GeneralNameKind kind, ReadOnlyMemory<byte> encoded, ReadOnlyMemory<byte> value)
    {
        Kind = kind;
        Encoded = encoded;
        Value = value;
    }

    /// <summary>Which CHOICE arm this name is.</summary>
    public GeneralNameKind Kind { get; }

    /// <summary>The whole DER encoding, tag included.</summary>
    public ReadOnlyMemory<byte> Encoded { get; }

    /// <summary>The content octets: IA5 text for DNS, URI and email; the address octets for IP; a DER Name for directory names.</summary>
    public ReadOnlyMemory<byte> Value { get; }

    /// <summary>The text of a DNS, URI or email name (IA5String, so ASCII); null for other kinds.</summary>
    /// <returns>The decoded text, or null.</returns>
    public string? GetText() => Kind is GeneralNameKind.Dns or GeneralNameKind.Uri or GeneralNameKind.Email
        ? Encoding.Latin1.GetString(Value.Span)
        : null;

    /// <summary>True when this is a URI name whose scheme is <c>spiffe://</c>.</summary>
    public bool IsSpiffeId => Kind == GeneralNameKind.Uri && Value.Span.StartsWith("spiffe://"u8);

    /// <summary>The address of an IP name (4 or 16 octets); null for other kinds or lengths.</summary>
    /// <returns>The address, or null.</returns>
    public IPAddress? GetIPAddress() => Kind == GeneralNameKind.IPAddress && Value.Length is 4 or 16
        ? new IPAddress(Value.Span)
        : null;

    /// <summary>OpenSSL-style text: <c>DNS:a.example</c>, <c>URI:spiffe://td/ns/x/sa/y</c>, <c>IP:10.0.0.1</c>, <c>email:a@b</c>, <c>DirName:CN=x</c>.</summary>
    public override string ToString() => Kind switch
    {
        GeneralNameKind.Dns => "DNS:" + GetText(),
        GeneralNameKind.Uri => "URI:" + GetText(),
        GeneralNameKind.Email => "email:" + GetText(),
        GeneralNameKind.IPAddress => "IP:" + FormatIPAddress(Value.Span),
        GeneralNameKind.DirectoryName => "DirName:" + new DistinguishedName(Value).ToString(),
        GeneralNameKind.RegisteredId => "RID:" + ObjectIdentifier.ToDottedString(Value.Span),
        GeneralNameKind.OtherName => "othername:<unsupported>",
        GeneralNameKind.X400Address => "X400Name:<unsupported>",
        _ => "EdiPartyName:<unsupported>",
    };

    private static string FormatIPAddress(ReadOnlySpan<byte> octets) => octets.Length switch
    {
        4 or 16 => new IPAddress(octets).ToString(),
        8 or 32 => new IPAddress(octets[..(octets.Length / 2)]) + "/" + new IPAddress(octets[(octets.Length / 2)..]),
        _ => "<invalid length " + octets.Length.ToString(CultureInfo.InvariantCulture) + ">",
    };

    /// <summary>Checks one GeneralName element (RFC 5280 4.2.1.6) and returns its kind and value range.</summary>
    internal static GeneralNameKind Check(ref DerReader reader, DerElement element, string field, out DerElement value, bool validate = true)
    {
        byte tag = element.Tag;
        if ((tag & 0xC0) != 0x80)
        {
            throw DerReader.Error("a GeneralName must be context-specific, not tag 0x{0:x2}", tag, field, element.HeaderStart);
        }

        var kind = (GeneralNameKind)(tag & 0x1F);
        bool constructed = (tag & DerTag.ConstructedBit) != 0;
        bool mustBeConstructed = kind is GeneralNameKind.OtherName or GeneralNameKind.X400Address or GeneralNameKind.DirectoryName or GeneralNameKind.EdiPartyName;
        if ((int)kind > 8 || constructed != mustBeConstructed)
        {
            throw DerReader.Error("tag 0x{0:x2} is not a GeneralName", tag, field, element.HeaderStart);
        }

        value = element;
        switch (kind)
        {
            case GeneralNameKind.Dns or GeneralNameKind.Uri or GeneralNameKind.Email when validate:
                foreach (byte b in reader.Contents(element))
                {
                    if (b > 0x7F)
                    {
                        throw DerReader.Error("an IA5String name holds a non-ASCII octet", field, element.HeaderStart);
                    }
                }

                break;
            case GeneralNameKind.DirectoryName:
                // [4] EXPLICIT Name: the contents hold exactly one Name SEQUENCE.
                DerReader inner = reader.Enter(element);
                value = inner.Read(DerTag.Sequence, field);
                if (validate)
                {
                    DistinguishedName.Check(ref inner, value, field);
                    inner.ThrowIfNotEnd(field);
                }

                break;
            case GeneralNameKind.RegisteredId when validate:
                reader.CheckObjectIdentifier(element, field);
                break;
            case GeneralNameKind.OtherName when validate:
                DerReader other = reader.Enter(element);
                DerElement typeId = other.Read(DerTag.ObjectIdentifier, field);
                other.CheckObjectIdentifier(typeId, field);
                other.Read(DerTag.ContextConstructed(0), field);
                other.ThrowIfNotEnd(field);
                break;
        }

        return kind;
    }
}

/// <summary>Enumerates the GeneralNames of an already checked GeneralNames SEQUENCE without allocating.</summary>
public struct GeneralNameEnumerator
{
    private readonly ReadOnlyMemory<byte> _buffer;
    private readonly int _end;
    private readonly bool _subtrees;
    private int _position;

    internal GeneralNameEnumerator(ReadOnlyMemory<byte> buffer, int start, int end, bool subtrees)
    {
        _buffer = buffer;
        _position = start;
        _end = end;
        _subtrees = subtrees;
        Current = default;
    }

    /// <summary>The current name.</summary>
    public GeneralName Current { get; private set; }

    /// <summary>Returns this enumerator, for <c>foreach</c>.</summary>
    /// <returns>This enumerator.</returns>
    public readonly GeneralNameEnumerator GetEnumerator() => this;

    /// <summary>Moves to the next name.</summary>
    /// <returns>False at the end.</returns>
    public bool MoveNext()
    {
        if (_position >= _end)
        {
            return false;
        }

        var reader = new DerReader(_buffer.Span, _position, _end);
        DerElement element = reader.ReadAny("generalName");
        _position = reader.Position;
        if (_subtrees)
        {
            // GeneralSubtree ::= SEQUENCE { base GeneralName, ... }: yield the base.
            reader = reader.Enter(element);
            element = reader.ReadAny("generalSubtree.base");
        }

        GeneralNameKind kind = GeneralName.Check(ref reader, element, "generalName", out DerElement value, validate: false);
        Current = new GeneralName(
            kind,
            _buffer.Slice(element.HeaderStart, element.EncodedLength),
            kind == GeneralNameKind.DirectoryName
                ? _buffer.Slice(value.HeaderStart, value.EncodedLength)
                : _buffer.Slice(value.ContentStart, value.ContentLength));
        return true;
    }
}
