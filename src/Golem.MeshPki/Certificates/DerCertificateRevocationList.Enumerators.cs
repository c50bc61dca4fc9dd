using Golem.MeshPki.Certificates.Der;

namespace Golem.MeshPki.Certificates;

/// <summary>Enumerates the extensions of a CRL or of one CRL entry in encoded order, without allocating.</summary>
public struct CrlExtensionEnumerator
{
    private readonly ReadOnlyMemory<byte> _buffer;
    private readonly int _end;
    private readonly bool _entry;
    private int _position;

    internal CrlExtensionEnumerator(ReadOnlyMemory<byte> buffer, int start, int end, bool entry)
    {
        _buffer = buffer;
        _position = start;
        _end = end;
        _entry = entry;
        Current = default;
    }

    /// <summary>The current extension.</summary>
    public CrlExtension Current { get; private set; }

    /// <summary>Returns this enumerator, for <c>foreach</c>.</summary>
    /// <returns>This enumerator.</returns>
    public readonly CrlExtensionEnumerator GetEnumerator() => this;

    /// <summary>Moves to the next extension.</summary>
    /// <returns>False at the end.</returns>
    public bool MoveNext()
    {
        if (_position >= _end)
        {
            return false;
        }

        // The parse checked these bytes: reading them again cannot fail.
        var reader = new DerReader(_buffer.Span, _position, _end);
        DerCertificateRevocationList.ReadExtensionHeader(ref reader, DerCertificateRevocationList.FieldsFor(_entry), out DerElement oid, out bool critical, out DerElement value);
        _position = reader.Position;
        Current = new CrlExtension(
            new ObjectIdentifier(_buffer.Slice(oid.ContentStart, oid.ContentLength)),
            critical,
            _buffer.Slice(value.ContentStart, value.ContentLength),
            DerCertificateRevocationList.ClassifyExtension(_buffer.Span.Slice(oid.ContentStart, oid.ContentLength), _entry));
        return true;
    }
}

/// <summary>Enumerates a CRL's revokedCertificates in encoded order, without allocating.</summary>
public struct RevokedCertificateEnumerator
{
    private readonly ReadOnlyMemory<byte> _buffer;
    private readonly int _end;
    private int _position;

    internal RevokedCertificateEnumerator(ReadOnlyMemory<byte> buffer, int start, int end)
    {
        _buffer = buffer;
        _position = start;
        _end = end;
        Current = default;
    }

    /// <summary>The current entry.</summary>
    public RevokedCertificate Current { get; private set; }

    /// <summary>Returns this enumerator, for <c>foreach</c>.</summary>
    /// <returns>This enumerator.</returns>
    public readonly RevokedCertificateEnumerator GetEnumerator() => this;

    /// <summary>Moves to the next entry.</summary>
    /// <returns>False at the end.</returns>
    public bool MoveNext()
    {
        if (_position >= _end)
        {
            return false;
        }

        // The parse checked these bytes: reading them again cannot fail.
        var reader = new DerReader(_buffer.Span, _position, _end);
        DerCertificateRevocationList.Entry entry = DerCertificateRevocationList.ReadEntry(ref reader, extensionsAllowed: true);
        _position = reader.Position;
        Current = entry.ToRevokedCertificate(_buffer);
        return true;
    }
}
