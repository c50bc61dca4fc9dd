using Golem.MeshPki.Certificates.Der;

namespace Golem.MeshPki.Certificates;

/// <summary>
/// Enumerates the identifiers of an already checked SEQUENCE OF OBJECT IDENTIFIER
/// (extendedKeyUsage) or of SEQUENCE OF SEQUENCE { OBJECT IDENTIFIER, ... }
/// (certificatePolicies), without allocating.
/// </summary>
public struct ObjectIdentifierEnumerator
{
    private readonly ReadOnlyMemory<byte> _buffer;
    private readonly int _end;
    private readonly bool _firstOfSequence;
    private int _position;

    internal ObjectIdentifierEnumerator(ReadOnlyMemory<byte> buffer, int start, int end, bool firstOfSequence)
    {
        _buffer = buffer;
        _position = start;
        _end = end;
        _firstOfSequence = firstOfSequence;
        Current = default;
    }

    /// <summary>The current identifier.</summary>
    public ObjectIdentifier Current { get; private set; }

    /// <summary>Returns this enumerator, for <c>foreach</c>.</summary>
    /// <returns>This enumerator.</returns>
    public readonly ObjectIdentifierEnumerator GetEnumerator() => this;

    /// <summary>Moves to the next identifier.</summary>
    /// <returns>False at the end.</returns>
    public bool MoveNext()
    {
        if (_position >= _end)
        {
            return false;
        }

        var reader = new DerReader(_buffer.Span, _position, _end);
        DerElement element = reader.ReadAny("oid");
        _position = reader.Position;
        if (_firstOfSequence)
        {
            element = reader.Enter(element).ReadAny("oid");
        }

        Current = new ObjectIdentifier(_buffer.Slice(element.ContentStart, element.ContentLength));
        return true;
    }
}

/// <summary>Enumerates a certificate's extensions in encoded order, without allocating.</summary>
public struct CertificateExtensionEnumerator
{
    private readonly ReadOnlyMemory<byte> _buffer;
    private readonly int _end;
    private int _position;

    internal CertificateExtensionEnumerator(ReadOnlyMemory<byte> buffer, int start, int end)
    {
        _buffer = buffer;
        _position = start;
        _end = end;
        Current = default;
    }

    /// <summary>The current extension.</summary>
    public CertificateExtension Current { get; private set; }

    /// <summary>Returns this enumerator, for <c>foreach</c>.</summary>
    /// <returns>This enumerator.</returns>
    public readonly CertificateExtensionEnumerator GetEnumerator() => this;

    /// <summary>Moves to the next extension.</summary>
    /// <returns>False at the end.</returns>
    public bool MoveNext()
    {
        if (_position >= _end)
        {
            return false;
        }

        var reader = new DerReader(_buffer.Span, _position, _end);
        DerCertificate.ReadExtensionHeader(ref reader, out DerElement oid, out CertificateExtensionKind kind, out bool critical, out DerElement value);
        _position = reader.Position;
        Current = new CertificateExtension(
            new ObjectIdentifier(_buffer.Slice(oid.ContentStart, oid.ContentLength)),
            critical,
            _buffer.Slice(value.ContentStart, value.ContentLength),
            kind);
        return true;
    }
}
