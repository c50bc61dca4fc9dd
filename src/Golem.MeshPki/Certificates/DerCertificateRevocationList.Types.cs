using System.Globalization;

namespace Golem.MeshPki.Certificates;

/// <summary>
/// The CRL and CRL entry extensions <see cref="DerCertificateRevocationList"/> decodes and checks
/// (RFC 5280 5.2 and 5.3); every other extension is kept as raw bytes and is <see cref="Other"/>.
/// </summary>
/// <remarks>
/// A kind is given only where the extension belongs: a reasonCode among the CRL's own
/// extensions, or a cRLNumber in an entry, is <see cref="Other"/>.
/// </remarks>
public enum CrlExtensionKind
{
    /// <summary>Any extension the reader does not decode where it appears. A critical one is for the caller to reject (RFC 5280 5.2).</summary>
    Other = 0,

    /// <summary>authorityKeyIdentifier (2.5.29.35), a CRL extension (RFC 5280 5.2.1).</summary>
    AuthorityKeyIdentifier,

    /// <summary>cRLNumber (2.5.29.20), a CRL extension (RFC 5280 5.2.3).</summary>
    CrlNumber,

    /// <summary>deltaCRLIndicator (2.5.29.27), a CRL extension (RFC 5280 5.2.4).</summary>
    DeltaCrlIndicator,

    /// <summary>issuingDistributionPoint (2.5.29.28), a CRL extension (RFC 5280 5.2.5).</summary>
    IssuingDistributionPoint,

    /// <summary>reasonCode (2.5.29.21), a CRL entry extension (RFC 5280 5.3.1).</summary>
    ReasonCode,

    /// <summary>invalidityDate (2.5.29.24), a CRL entry extension (RFC 5280 5.3.2).</summary>
    InvalidityDate,

    /// <summary>certificateIssuer (2.5.29.29), a CRL entry extension of indirect CRLs (RFC 5280 5.3.3).</summary>
    CertificateIssuer,
}

/// <summary>One extension of a CRL or of a CRL entry: its identifier, criticality and raw extnValue contents.</summary>
public readonly struct CrlExtension
{
    internal CrlExtension(ObjectIdentifier oid, bool critical, ReadOnlyMemory<byte> value, CrlExtensionKind kind)
    {
        Oid = oid;
        Critical = critical;
        Value = value;
        Kind = kind;
    }

    /// <summary>The extension's identifier (extnID).</summary>
    public ObjectIdentifier Oid { get; }

    /// <summary>The critical flag. RFC 5280 5.2: a CRL with a critical extension the user cannot process must not be used to decide revocation.</summary>
    public bool Critical { get; }

    /// <summary>The contents of the extnValue OCTET STRING: the DER of the extension's own structure.</summary>
    public ReadOnlyMemory<byte> Value { get; }

    /// <summary>Which decoded extension this is, or <see cref="CrlExtensionKind.Other"/>.</summary>
    public CrlExtensionKind Kind { get; }

    /// <summary>Identifier, kind and criticality, e.g. <c>2.5.29.20 CrlNumber</c> or <c>1.2.3.4 (critical)</c>.</summary>
    public override string ToString() =>
        Oid + (Kind == CrlExtensionKind.Other ? string.Empty : " " + Kind) + (Critical ? " (critical)" : string.Empty);
}

/// <summary>One entry of a CRL's revokedCertificates (RFC 5280 5.1.2.6), read from the CRL's bytes.</summary>
public readonly struct RevokedCertificate
{
    private readonly ReadOnlyMemory<byte> _buffer;
    private readonly int _extensionsStart;
    private readonly int _extensionsEnd;

    internal RevokedCertificate(ReadOnlyMemory<byte> serialNumber, DateTimeOffset revocationDate, CrlReason? reason, DateTimeOffset? invalidityDate, ReadOnlyMemory<byte> buffer, int extensionsStart, int extensionsEnd)
    {
        SerialNumber = serialNumber;
        RevocationDate = revocationDate;
        Reason = reason;
        InvalidityDate = invalidityDate;
        _buffer = buffer;
        _extensionsStart = extensionsStart;
        _extensionsEnd = extensionsEnd;
    }

    /// <summary>The userCertificate INTEGER's content octets, as <see cref="DerCertificate.SerialNumber"/> gives a certificate's.</summary>
    public ReadOnlyMemory<byte> SerialNumber { get; }

    /// <summary>When the CA processed the revocation (revocationDate), in UTC.</summary>
    public DateTimeOffset RevocationDate { get; }

    /// <summary>The reasonCode entry extension, or null when the entry has none.</summary>
    public CrlReason? Reason { get; }

    /// <summary>The invalidityDate entry extension (RFC 5280 5.3.2): when the key is known or suspected to have been compromised; null when absent.</summary>
    public DateTimeOffset? InvalidityDate { get; }

    /// <summary>Enumerates the entry's extensions (crlEntryExtensions), decoded or not, with their criticality.</summary>
    /// <returns>A non-allocating enumerator; empty when the entry has no extensions.</returns>
    public CrlExtensionEnumerator GetExtensions() => new(_buffer, _extensionsStart, _extensionsEnd, entry: true);

    /// <summary>Serial (hex of its content octets), revocation date and reason.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Serial={Convert.ToHexStringLower(SerialNumber.Span)}; RevocationDate={RevocationDate:yyyy-MM-ddTHH:mm:ssZ}; Reason={(Reason is { } reason ? reason.ToString() : "none")}");
}

/// <summary>
/// The issuingDistributionPoint CRL extension (RFC 5280 5.2.5): which certificates and reasons
/// a CRL covers. Path validation compares it with the certificate (RFC 5280 6.3.3 (b)).
/// </summary>
public readonly struct IssuingDistributionPoint
{
    private readonly ReadOnlyMemory<byte> _buffer;
    private readonly int _fullNameStart;
    private readonly int _fullNameEnd;
    private readonly Scope _scope;

    internal IssuingDistributionPoint(ReadOnlyMemory<byte> buffer, int fullNameStart, int fullNameEnd, Scope scope)
    {
        _buffer = buffer;
        _fullNameStart = fullNameStart;
        _fullNameEnd = fullNameEnd;
        _scope = scope;
    }

    /// <summary>What the extension's fields say, as bits.</summary>
    [Flags]
    internal enum Scope
    {
        None = 0,
        DistributionPointName = 1 << 0,
        NameRelativeToCrlIssuer = 1 << 1,
        OnlyContainsUserCerts = 1 << 2,
        OnlyContainsCACerts = 1 << 3,
        OnlySomeReasons = 1 << 4,
        IndirectCrl = 1 << 5,
        OnlyContainsAttributeCerts = 1 << 6,
    }

    /// <summary>True when the distributionPoint field is present, as a fullName or as a nameRelativeToCRLIssuer.</summary>
    public bool HasDistributionPointName => (_scope & Scope.DistributionPointName) != 0;

    /// <summary>
    /// True when the distributionPoint is a nameRelativeToCRLIssuer (an RDN to append to the CRL
    /// issuer's name), which <see cref="GetFullNames"/> does not return; its DER is in the raw
    /// extension value (<see cref="DerCertificateRevocationList.GetExtensions"/>).
    /// </summary>
    public bool IsNameRelativeToCrlIssuer => (_scope & Scope.NameRelativeToCrlIssuer) != 0;

    /// <summary>onlyContainsUserCerts: the CRL covers only end-entity certificates.</summary>
    public bool OnlyContainsUserCertificates => (_scope & Scope.OnlyContainsUserCerts) != 0;

    /// <summary>onlyContainsCACerts: the CRL covers only CA certificates.</summary>
    public bool OnlyContainsCACertificates => (_scope & Scope.OnlyContainsCACerts) != 0;

    /// <summary>onlyContainsAttributeCerts: the CRL covers only attribute certificates (RFC 5280 says it MUST then not be used for public key certificates).</summary>
    public bool OnlyContainsAttributeCertificates => (_scope & Scope.OnlyContainsAttributeCerts) != 0;

    /// <summary>onlySomeReasons is present: the CRL covers only some revocation reasons (RFC 5280 6.3.3 (d)); the ReasonFlags are in the raw extension value.</summary>
    public bool HasOnlySomeReasons => (_scope & Scope.OnlySomeReasons) != 0;

    /// <summary>indirectCRL: entries may be for certificates of other issuers (see their certificateIssuer extensions).</summary>
    public bool IsIndirectCrl => (_scope & Scope.IndirectCrl) != 0;

    /// <summary>Enumerates the distributionPoint's fullName entries (usually URIs); empty when absent or relative.</summary>
    /// <returns>A non-allocating enumerator.</returns>
    public GeneralNameEnumerator GetFullNames() => new(_buffer, _fullNameStart, _fullNameEnd, subtrees: false);
}
