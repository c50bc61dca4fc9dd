using System.Globalization;
using System.Runtime.CompilerServices;
using Golem.MeshPki.Certificates.Der;
using DistributionPointScope = Golem.MeshPki.Certificates.IssuingDistributionPoint.Scope;
using IssuingDistributionPointExtension = Golem.MeshPki.Certificates.IssuingDistributionPoint;
using Segment = Golem.MeshPki.Certificates.DerCertificate.Segment;

namespace Golem.MeshPki.Certificates;

/// <summary>
/// A read-only, zero-copy view of one X.509 certificate revocation list (RFC 5280 5) over the DER
/// bytes it was parsed from. Parsing checks the whole structure strictly and records offsets;
/// every field is then a slice of the original memory.
/// </summary>
/// <remarks>
/// <para>
/// Strict, like <see cref="DerCertificate"/>: indefinite and non-minimal lengths, wrong tags,
/// malformed times, trailing data, a version other than v2 when one is stated, extensions in a
/// v1 CRL, an empty revokedCertificates or extensions SEQUENCE, duplicate extensions and
/// malformed known extensions are rejected with a <see cref="CertificateFormatException"/> that
/// names the byte offset and the field, e.g. <c>tbsCertList.revokedCertificates[3].userCertificate</c>.
/// </para>
/// <para>
/// What policy should judge instead is read and exposed: a signature algorithm that differs from
/// tbsCertList.signature (<see cref="HasMatchingSignatureAlgorithms"/>), an empty issuer, a missing
/// nextUpdate or cRLNumber, the criticality of known extensions, unknown critical extensions
/// (<see cref="HasUnknownCriticalExtension"/>, <see cref="HasEntryWithUnknownCriticalExtension"/>),
/// an explicitly encoded <c>critical FALSE</c>, and reason codes outside RFC 5280's list.
/// The signature is not verified: <see cref="TbsCertList"/> and <see cref="Signature"/> are the
/// caller's to check against the issuer's key.
/// </para>
/// <para>
/// The instance keeps a reference to the input memory: do not reuse the buffer while it is in use.
/// It is immutable and safe to share between threads; <see cref="IsRevoked"/> builds its index once, on first use.
/// </para>
/// </remarks>
public sealed partial class DerCertificateRevocationList
{
    private const string ListField = "certificateList";
    private const string TbsField = "tbsCertList";
    private const string EntriesField = "tbsCertList.revokedCertificates";

    // Entry fields are read with an empty index and the index is written in only when an entry is
    // rejected: naming each of 100,000 entries up front would build 100,000 strings per parse.
    private const string EntryField = EntriesField + "[]";
    private const string SerialField = EntryField + ".userCertificate";
    private const string RevocationDateField = EntryField + ".revocationDate";

    // X.690 8.4: ENUMERATED, which DerTag does not list (certificates have none).
    private const byte EnumeratedTag = 0x0A;

    // Up to this many entries IsRevoked scans them; beyond, it builds a hash set of serials once.
    private const int LinearLookupLimit = 16;

    private static readonly ExtensionFields CrlExtensionFields = new("tbsCertList.crlExtensions");
    private static readonly ExtensionFields EntryExtensionFields = new(EntryField + ".crlEntryExtensions");

    private readonly ReadOnlyMemory<byte> _data;

    // Offsets into _data, as (start, length) of contents unless named "Encoded".
    private Segment _tbs;
    private Segment _signatureAlgorithmEncoded;
    private Segment _signatureAlgorithmOid;
    private Segment _issuerEncoded;
    private Segment _signature;
    private Segment _entries;
    private Segment _extensions;
    private Segment _crlNumber;
    private Segment _baseCrlNumber;
    private Segment _authorityKeyIdentifier;
    private IssuingDistributionPointExtension _issuingDistributionPoint;
    private long _thisUpdateTicks;
    private long _nextUpdateTicks;
    private bool _hasNextUpdate;
    private int _presentExtensions;
    private int _criticalExtensions;
    private RevokedSerialSet? _serialSet;
    private object? _serialSetLock;

    private DerCertificateRevocationList(ReadOnlyMemory<byte> data) => _data = data;

    /// <summary>The CRL's version: 2 when tbsCertList states it (as it must when there are extensions), 1 when the field is absent.</summary>
    public int Version { get; private set; }

    /// <summary>The signature algorithm identifier of the outer CertificateList (the one the signature was made with).</summary>
    public ObjectIdentifier SignatureAlgorithm => new(Slice(_signatureAlgorithmOid));

    /// <summary>The OpenSSL-style name of the signature algorithm (<c>sha256WithRSAEncryption</c>, <c>ecdsa-with-SHA256</c>) or its dotted OID.</summary>
    public string SignatureAlgorithmName => SignatureAlgorithm.FriendlyName ?? SignatureAlgorithm.ToString();

    /// <summary>The outer signatureAlgorithm's whole AlgorithmIdentifier DER, parameters included (RSASSA-PSS needs them).</summary>
    public ReadOnlyMemory<byte> EncodedSignatureAlgorithm => Slice(_signatureAlgorithmEncoded);

    /// <summary>
    /// True when tbsCertList.signature and the outer signatureAlgorithm are the same AlgorithmIdentifier,
    /// parameters included. RFC 5280 5.1.1.2 says they MUST be; the reader exposes a mismatch so that
    /// validation reports it, rather than throwing.
    /// </summary>
    public bool HasMatchingSignatureAlgorithms { get; private set; }

    /// <summary>The issuer Name. RFC 5280 5.1.2.3 requires it non-empty; see <see cref="DistinguishedName.IsEmpty"/>.</summary>
    public DistinguishedName Issuer => new(Slice(_issuerEncoded));

    /// <summary>thisUpdate: when this CRL was issued (RFC 5280 5.1.2.4), in UTC.</summary>
    public DateTimeOffset ThisUpdate => new(_thisUpdateTicks, TimeSpan.Zero);

    /// <summary>nextUpdate: when the next CRL will be issued at the latest (RFC 5280 5.1.2.5), in UTC; null when absent, though conforming CRL issuers MUST include it.</summary>
    public DateTimeOffset? NextUpdate => _hasNextUpdate ? new DateTimeOffset(_nextUpdateTicks, TimeSpan.Zero) : null;

    /// <summary>The DER of tbsCertList: the bytes the signature covers.</summary>
    public ReadOnlyMemory<byte> TbsCertList => Slice(_tbs);

    /// <summary>The signatureValue BIT STRING's bytes (without the unused-bits octet).</summary>
    public ReadOnlyMemory<byte> Signature => Slice(_signature);

    /// <summary>The CRL's DER encoding.</summary>
    public ReadOnlyMemory<byte> RawData => _data;

    /// <summary>How many entries revokedCertificates holds (0 when the field is absent).</summary>
    public int RevokedCertificateCount { get; private set; }

    /// <summary>The cRLNumber extension's INTEGER content octets (RFC 5280 5.2.3), empty when absent.</summary>
    public ReadOnlyMemory<byte> CrlNumber => Slice(_crlNumber);

    /// <summary>True when the CRL carries a cRLNumber, which RFC 5280 5.2.3 requires of conforming CAs.</summary>
    public bool HasCrlNumber => HasExtension(CrlExtensionKind.CrlNumber);

    /// <summary>True when cRLNumber is marked critical, which RFC 5280 5.2.3 forbids.</summary>
    public bool IsCrlNumberCritical => IsExtensionCritical(CrlExtensionKind.CrlNumber);

    /// <summary>The authorityKeyIdentifier's keyIdentifier (RFC 5280 5.2.1), empty when absent: it matches the issuer certificate's subjectKeyIdentifier.</summary>
    public ReadOnlyMemory<byte> AuthorityKeyIdentifier => Slice(_authorityKeyIdentifier);

    /// <summary>True when the CRL is a delta CRL: it carries deltaCRLIndicator (RFC 5280 5.2.4).</summary>
    public bool IsDeltaCrl => HasExtension(CrlExtensionKind.DeltaCrlIndicator);

    /// <summary>The deltaCRLIndicator's BaseCRLNumber INTEGER content octets, empty when this is not a delta CRL.</summary>
    public ReadOnlyMemory<byte> BaseCrlNumber => Slice(_baseCrlNumber);

    /// <summary>True when the CRL carries issuingDistributionPoint (RFC 5280 5.2.5), which limits its scope.</summary>
    public bool HasIssuingDistributionPoint => HasExtension(CrlExtensionKind.IssuingDistributionPoint);

    /// <summary>The issuingDistributionPoint extension, or null when absent.</summary>
    public IssuingDistributionPoint? IssuingDistributionPoint => HasIssuingDistributionPoint ? _issuingDistributionPoint : null;

    /// <summary>True when a crlExtensions extension the reader does not decode is marked critical: RFC 5280 5.2 says such a CRL must not be used to decide revocation.</summary>
    public bool HasUnknownCriticalExtension { get; private set; }

    /// <summary>True when some entry has a critical extension other than reasonCode, invalidityDate and certificateIssuer (RFC 5280 5.3).</summary>
    public bool HasEntryWithUnknownCriticalExtension { get; private set; }

    /// <summary>True when some entry has a certificateIssuer extension (RFC 5280 5.3.3): the CRL is indirect, and entries may be for other issuers' certificates.</summary>
    public bool HasEntryWithCertificateIssuer { get; private set; }

    /// <summary>True when the CRL carries the extension (among crlExtensions).</summary>
    /// <param name="kind">A decoded CRL extension kind; <see cref="CrlExtensionKind.Other"/> asks about any extension the reader does not decode.</param>
    /// <returns>Whether it is present.</returns>
    public bool HasExtension(CrlExtensionKind kind) => (_presentExtensions & (1 << (int)kind)) != 0;

    /// <summary>True when the extension is present among crlExtensions and marked critical.</summary>
    /// <param name="kind">A decoded CRL extension kind; <see cref="CrlExtensionKind.Other"/> asks whether any undecoded one is critical (as <see cref="HasUnknownCriticalExtension"/>).</param>
    /// <returns>Whether it is critical.</returns>
    public bool IsExtensionCritical(CrlExtensionKind kind) => (_criticalExtensions & (1 << (int)kind)) != 0;

    /// <summary>Enumerates crlExtensions, decoded or not, with their criticality; entry extensions are on each <see cref="RevokedCertificate"/>.</summary>
    /// <returns>A non-allocating enumerator.</returns>
    public CrlExtensionEnumerator GetExtensions() => new(_data, _extensions.Start, _extensions.End, entry: false);

    /// <summary>Enumerates revokedCertificates in encoded order.</summary>
    /// <returns>A non-allocating enumerator.</returns>
    public RevokedCertificateEnumerator GetRevokedCertificates() => new(_data, _entries.Start, _entries.End);

    /// <summary>
    /// Looks a serial number up among the entries, comparing INTEGER content octets exactly (as
    /// <see cref="DerCertificate.SerialNumber"/> gives them, so <c>00 80</c> and <c>80</c> differ).
    /// </summary>
    /// <remarks>
    /// The first call on a CRL of more than a few entries builds a hash set of its serials (once,
    /// thread-safely); later calls take constant time. When a serial is listed twice, the first entry
    /// answers. The certificateIssuer of indirect CRLs is not considered: when
    /// <see cref="HasEntryWithCertificateIssuer"/> is true, enumerate the entries instead.
    /// </remarks>
    /// <param name="serialNumber">The certificate's serialNumber INTEGER content octets.</param>
    /// <param name="revocationDate">The entry's revocationDate, or default when not revoked.</param>
    /// <param name="reason">The entry's reasonCode, or null when the entry has none or the serial is not listed.</param>
    /// <returns>True when the CRL lists the serial number.</returns>
    public bool IsRevoked(ReadOnlySpan<byte> serialNumber, out DateTimeOffset revocationDate, out CrlReason? reason)
    {
        int entryStart = RevokedCertificateCount <= LinearLookupLimit
            ? FindLinearly(serialNumber)
            : SerialSet().Find(serialNumber);
        if (entryStart < 0)
        {
            revocationDate = default;
            reason = null;
            return false;
        }

        var reader = new DerReader(_data.Span, entryStart, _entries.End);
        Entry entry = ReadEntry(ref reader, extensionsAllowed: true);
        revocationDate = new DateTimeOffset(entry.RevocationTicks, TimeSpan.Zero);
        reason = entry.Reason;
        return true;
    }

    /// <summary>Issuer, thisUpdate, nextUpdate and the number of entries.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Issuer={Issuer}; ThisUpdate={ThisUpdate:yyyy-MM-ddTHH:mm:ssZ}; NextUpdate={(NextUpdate is { } next ? next.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : "none")}; RevokedCertificates={RevokedCertificateCount}");

    /// <summary>Parses exactly one DER CRL; trailing bytes are an error.</summary>
    /// <param name="data">The DER encoding. The returned view keeps a reference to it.</param>
    /// <returns>The CRL view.</returns>
    /// <exception cref="CertificateFormatException">The bytes are not a well-formed DER CRL, or bytes follow it.</exception>
    public static DerCertificateRevocationList Parse(ReadOnlyMemory<byte> data)
    {
        DerCertificateRevocationList crl = Parse(data, out int consumed);
        if (consumed != data.Length)
        {
            throw DerReader.Error("{0} bytes follow the CRL", data.Length - consumed, ListField, consumed);
        }

        return crl;
    }

    /// <summary>Parses the DER CRL at the start of <paramref name="data"/>, and says how many bytes it used.</summary>
    /// <param name="data">The DER encoding, possibly followed by other data. The returned view keeps a reference to it.</param>
    /// <param name="bytesConsumed">The length of the CRL's encoding.</param>
    /// <returns>A view over the first <paramref name="bytesConsumed"/> bytes.</returns>
    /// <exception cref="CertificateFormatException">The bytes do not start with a well-formed DER CRL.</exception>
    public static DerCertificateRevocationList Parse(ReadOnlyMemory<byte> data, out int bytesConsumed)
    {
        var outer = new DerReader(data.Span);
        DerElement listElement = outer.Read(DerTag.Sequence, ListField);
        bytesConsumed = listElement.End;
        var crl = new DerCertificateRevocationList(data[..listElement.End]);
        crl.ReadCertificateList(listElement);
        return crl;
    }

    /// <summary>Classifies an extension identifier where it appears: among crlExtensions, or in an entry.</summary>
    internal static CrlExtensionKind ClassifyExtension(ReadOnlySpan<byte> oid, bool entry)
    {
        if (oid.Length != 3 || oid[0] != 0x55 || oid[1] != 0x1D)
        {
            return CrlExtensionKind.Other;
        }

        return (oid[2], entry) switch
        {
            (KnownOids.AuthorityKeyIdentifierArc, false) => CrlExtensionKind.AuthorityKeyIdentifier,
            (KnownOids.CrlNumberArc, false) => CrlExtensionKind.CrlNumber,
            (KnownOids.DeltaCrlIndicatorArc, false) => CrlExtensionKind.DeltaCrlIndicator,
            (KnownOids.IssuingDistributionPointArc, false) => CrlExtensionKind.IssuingDistributionPoint,
            (KnownOids.ReasonCodeArc, true) => CrlExtensionKind.ReasonCode,
            (KnownOids.InvalidityDateArc, true) => CrlExtensionKind.InvalidityDate,
            (KnownOids.CertificateIssuerArc, true) => CrlExtensionKind.CertificateIssuer,
            _ => CrlExtensionKind.Other,
        };
    }

    /// <summary>The field paths of crlExtensions or of an entry's crlEntryExtensions.</summary>
    internal static ExtensionFields FieldsFor(bool entry) => entry ? EntryExtensionFields : CrlExtensionFields;

    /// <summary>
    /// Reads one revokedCertificates entry (RFC 5280 5.1): SEQUENCE { userCertificate INTEGER,
    /// revocationDate Time, crlEntryExtensions Extensions OPTIONAL }. Fields are named with an empty
    /// index (<c>revokedCertificates[]</c>); the parse writes the index in when it rejects an entry.
    /// </summary>
    /// <exception cref="CertificateFormatException">The entry is malformed.</exception>
    internal static Entry ReadEntry(ref DerReader entries, bool extensionsAllowed)
    {
        DerElement element = entries.Read(DerTag.Sequence, EntryField);
        DerReader inner = entries.Enter(element);

        // RFC 5280 5.1.2.6: serial numbers are compared as read; zero, negative and long ones are listed as they are.
        DerElement serial = inner.Read(DerTag.Integer, SerialField);
        inner.CheckInteger(serial, SerialField);
        var entry = new Entry(serial, ReadTime(ref inner, RevocationDateField));
        if (inner.TryRead(DerTag.Sequence, EntryExtensionFields.List, out DerElement extensions))
        {
            if (!extensionsAllowed)
            {
                // RFC 5280 5.1.2.1 and 5.3: entry extensions make the CRL v2, and v2 must be stated.
                throw DerReader.Error("a v1 CRL cannot carry entry extensions", EntryExtensionFields.List, extensions.HeaderStart);
            }

            ReadEntryExtensions(ref inner, extensions, ref entry);
        }

        inner.ThrowIfNotEnd(EntryField);
        return entry;
    }

    /// <summary>Reads one Extension ::= SEQUENCE { extnID OID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING } (RFC 5280 4.1).</summary>
    /// <exception cref="CertificateFormatException">The extension is malformed.</exception>
    internal static DerElement ReadExtensionHeader(ref DerReader extensions, ExtensionFields fields, out DerElement oid, out bool critical, out DerElement value)
    {
        DerElement extension = extensions.Read(DerTag.Sequence, fields.List);
        DerReader inner = extensions.Enter(extension);
        oid = inner.Read(DerTag.ObjectIdentifier, fields.ExtnId);
        inner.CheckObjectIdentifier(oid, fields.ExtnId);

        // An explicit critical FALSE is not DER (a DEFAULT value), but CAs write it: read it, as DerCertificate does.
        critical = false;
        if (inner.TryRead(DerTag.Boolean, fields.Critical, out DerElement flag))
        {
            critical = inner.ReadBooleanValue(flag, fields.Critical);
        }

        value = inner.Read(DerTag.OctetString, fields.ExtnValue);
        inner.ThrowIfNotEnd(fields.List);
        return extension;
    }

    private ReadOnlyMemory<byte> Slice(Segment segment) => _data.Slice(segment.Start, segment.Length);

    // RFC 5280 5.1: CertificateList ::= SEQUENCE { tbsCertList, signatureAlgorithm, signatureValue BIT STRING }
    private void ReadCertificateList(DerElement listElement)
    {
        var outer = new DerReader(_data.Span);
        DerReader list = outer.Enter(listElement);

        DerElement tbs = list.Read(DerTag.Sequence, TbsField);
        _tbs = Segment.Encoded(tbs);
        DerElement tbsAlgorithm = ReadTbs(ref list, tbs);

        DerElement algorithm = ReadAlgorithmIdentifier(ref list, "signatureAlgorithm", "signatureAlgorithm.algorithm", "signatureAlgorithm.parameters", out _signatureAlgorithmOid);
        _signatureAlgorithmEncoded = Segment.Encoded(algorithm);

        // RFC 5280 5.1.1.2: MUST be the same as tbsCertList.signature. Exposed, not thrown, so that validation reports it.
        HasMatchingSignatureAlgorithms = list.Contents(algorithm).SequenceEqual(list.Contents(tbsAlgorithm));

        DerElement signature = list.Read(DerTag.BitString, "signatureValue");
        list.CheckBitString(signature, "signatureValue");
        _signature = new Segment(signature.ContentStart + 1, signature.ContentLength - 1);
        list.ThrowIfNotEnd(ListField);
    }

    // RFC 5280 5.1: TBSCertList ::= SEQUENCE { version OPTIONAL, signature, issuer, thisUpdate, nextUpdate OPTIONAL,
    // revokedCertificates OPTIONAL, crlExtensions [0] EXPLICIT OPTIONAL }
    private DerElement ReadTbs(ref DerReader list, DerElement tbsElement)
    {
        DerReader tbs = list.Enter(tbsElement);

        // RFC 5280 5.1.2.1: version INTEGER OPTIONAL (untagged); when present it MUST be v2 (1).
        Version = 1;
        if (tbs.TryRead(DerTag.Integer, "tbsCertList.version", out DerElement version))
        {
            int value = tbs.ReadSmallNonNegativeInteger(version, "tbsCertList.version");
            if (value != 1)
            {
                throw DerReader.Error("version {0} is not allowed: a CRL that states its version is v2 (1)", value, "tbsCertList.version", version.HeaderStart);
            }

            Version = 2;
        }

        DerElement tbsAlgorithm = ReadAlgorithmIdentifier(ref tbs, "tbsCertList.signature", "tbsCertList.signature.algorithm", "tbsCertList.signature.parameters", out _);

        DerElement issuer = tbs.Read(DerTag.Sequence, "tbsCertList.issuer");
        DistinguishedName.Check(ref tbs, issuer, "tbsCertList.issuer");
        _issuerEncoded = Segment.Encoded(issuer);

        _thisUpdateTicks = ReadTime(ref tbs, "tbsCertList.thisUpdate");

        // RFC 5280 5.1.2.5: nextUpdate Time OPTIONAL, told apart from what follows by its tag.
        if (tbs.TryRead(DerTag.UtcTime, "tbsCertList.nextUpdate", out DerElement nextUpdate)
            || tbs.TryRead(DerTag.GeneralizedTime, "tbsCertList.nextUpdate", out nextUpdate))
        {
            _nextUpdateTicks = DecodeTime(tbs, nextUpdate, "tbsCertList.nextUpdate");
            _hasNextUpdate = true;
        }

        if (tbs.TryRead(DerTag.Sequence, EntriesField, out DerElement entries))
        {
            ReadEntries(ref tbs, entries);
        }

        if (tbs.TryRead(DerTag.ContextConstructed(0), CrlExtensionFields.List, out DerElement extensionsWrapper))
        {
            // RFC 5280 5.1.2.1: a CRL with extensions MUST be v2.
            if (Version != 2)
            {
                throw DerReader.Error("a v1 CRL cannot carry extensions", CrlExtensionFields.List, extensionsWrapper.HeaderStart);
            }

            DerReader wrapper = tbs.Enter(extensionsWrapper);
            DerElement extensions = wrapper.Read(DerTag.Sequence, CrlExtensionFields.List);
            wrapper.ThrowIfNotEnd(CrlExtensionFields.List);
            ReadCrlExtensions(ref wrapper, extensions);
        }

        tbs.ThrowIfNotEnd(TbsField);
        return tbsAlgorithm;
    }

    // RFC 5280 5.1.2.6: revokedCertificates SEQUENCE OF SEQUENCE { ... } OPTIONAL.
    private void ReadEntries(ref DerReader tbs, DerElement entriesElement)
    {
        if (entriesElement.ContentLength == 0)
        {
            // RFC 5280 5.1.2.6: when there are no revoked certificates, the list MUST be absent.
            throw DerReader.Error("revokedCertificates must be absent, not empty, when nothing is revoked", EntriesField, entriesElement.HeaderStart);
        }

        _entries = Segment.Contents(entriesElement);
        DerReader entries = tbs.Enter(entriesElement);
        bool extensionsAllowed = Version == 2;
        int index = 0;
        try
        {
            while (entries.HasData)
            {
                Entry entry = ReadEntry(ref entries, extensionsAllowed);
                HasEntryWithUnknownCriticalExtension |= entry.HasUnknownCriticalExtension;
                HasEntryWithCertificateIssuer |= entry.HasCertificateIssuer;
                index++;
            }
        }
        catch (CertificateFormatException exception) when (exception.FieldPath.StartsWith(EntryField, StringComparison.Ordinal))
        {
            throw WithEntryIndex(exception, index);
        }

        RevokedCertificateCount = index;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static CertificateFormatException WithEntryIndex(CertificateFormatException exception, int index) => new(
        exception.Reason,
        string.Create(CultureInfo.InvariantCulture, $"{EntriesField}[{index}]{exception.FieldPath.AsSpan(EntryField.Length)}"),
        exception.Offset);

    // RFC 5280 5.3: crlEntryExtensions Extensions OPTIONAL, SIZE (1..MAX).
    private static void ReadEntryExtensions(ref DerReader entry, DerElement extensionsElement, ref Entry facts)
    {
        ExtensionFields fields = EntryExtensionFields;
        if (extensionsElement.ContentLength == 0)
        {
            throw DerReader.Error("the crlEntryExtensions SEQUENCE must not be empty", fields.List, extensionsElement.HeaderStart);
        }

        facts.Extensions = Segment.Contents(extensionsElement);
        DerReader extensions = entry.Enter(extensionsElement);
        int present = 0;
        while (extensions.HasData)
        {
            CrlExtensionKind kind = ReadExtension(ref extensions, fields, entry: true, extensionsElement.ContentStart, ref present, out bool critical, out DerElement valueElement);
            DerReader value = extensions.Enter(valueElement);
            switch (kind)
            {
                case CrlExtensionKind.ReasonCode:
                    // RFC 5280 5.3.1: CRLReason ::= ENUMERATED. Values RFC 5280 does not list pass through (X.509 made it extensible).
                    DerElement reason = value.Read(EnumeratedTag, fields.ReasonCode);
                    facts.Reason = (CrlReason)value.ReadSmallNonNegativeInteger(reason, fields.ReasonCode);
                    break;
                case CrlExtensionKind.InvalidityDate:
                    // RFC 5280 5.3.2: InvalidityDate ::= GeneralizedTime.
                    DerElement date = value.Read(DerTag.GeneralizedTime, fields.InvalidityDate);
                    facts.InvalidityTicks = DecodeTime(value, date, fields.InvalidityDate);
                    facts.HasInvalidityDate = true;
                    break;
                case CrlExtensionKind.CertificateIssuer:
                    // RFC 5280 5.3.3: CertificateIssuer ::= GeneralNames.
                    CheckGeneralNames(ref value, value.Read(DerTag.Sequence, fields.CertificateIssuer), fields.CertificateIssuer);
                    facts.HasCertificateIssuer = true;
                    break;
                default:
                    facts.HasUnknownCriticalExtension |= critical;
                    continue;
            }

            value.ThrowIfNotEnd(fields.ExtnValue);
        }
    }

    // RFC 5280 5.2: crlExtensions [0] EXPLICIT Extensions, SIZE (1..MAX).
    private void ReadCrlExtensions(ref DerReader wrapper, DerElement extensionsElement)
    {
        ExtensionFields fields = CrlExtensionFields;
        if (extensionsElement.ContentLength == 0)
        {
            throw DerReader.Error("the crlExtensions SEQUENCE must not be empty", fields.List, extensionsElement.HeaderStart);
        }

        _extensions = Segment.Contents(extensionsElement);
        DerReader extensions = wrapper.Enter(extensionsElement);
        int present = 0;
        while (extensions.HasData)
        {
            CrlExtensionKind kind = ReadExtension(ref extensions, fields, entry: false, extensionsElement.ContentStart, ref present, out bool critical, out DerElement valueElement);
            if (critical)
            {
                _criticalExtensions |= 1 << (int)kind;
            }

            DerReader value = extensions.Enter(valueElement);
            switch (kind)
            {
                case CrlExtensionKind.AuthorityKeyIdentifier:
                    ReadAuthorityKeyIdentifier(ref value, fields.AuthorityKeyIdentifier);
                    break;
                case CrlExtensionKind.CrlNumber:
                    _crlNumber = ReadCrlNumber(ref value, fields.CrlNumber);
                    break;
                case CrlExtensionKind.DeltaCrlIndicator:
                    // RFC 5280 5.2.4: BaseCRLNumber ::= CRLNumber.
                    _baseCrlNumber = ReadCrlNumber(ref value, fields.DeltaCrlIndicator);
                    break;
                case CrlExtensionKind.IssuingDistributionPoint:
                    _issuingDistributionPoint = ReadIssuingDistributionPoint(ref value, fields.IssuingDistributionPoint);
                    break;
                default:
                    // Unknown extensions are kept as raw bytes; a critical one is the validator's to reject.
                    HasUnknownCriticalExtension |= critical;
                    continue;
            }

            value.ThrowIfNotEnd(fields.ExtnValue);
        }

        _presentExtensions = present;
    }

    /// <summary>Reads one extension's header, classifies it and rejects a second instance (RFC 5280 4.2, 5.2).</summary>
    private static CrlExtensionKind ReadExtension(ref DerReader extensions, ExtensionFields fields, bool entry, int listStart, ref int present, out bool critical, out DerElement value)
    {
        DerElement extension = ReadExtensionHeader(ref extensions, fields, out DerElement oid, out critical, out value);
        ReadOnlySpan<byte> oidBytes = extensions.Contents(oid);
        CrlExtensionKind kind = ClassifyExtension(oidBytes, entry);
        int bit = 1 << (int)kind;
        if (kind == CrlExtensionKind.Other)
        {
            ThrowIfDuplicateOther(extensions, fields, oidBytes, listStart, extension.HeaderStart);
        }
        else if ((present & bit) != 0)
        {
            throw DerReader.Error("the {0} extension appears twice", kind, fields.List, extension.HeaderStart);
        }

        present |= bit;
        return kind;
    }

    private static void ThrowIfDuplicateOther(in DerReader extensions, ExtensionFields fields, ReadOnlySpan<byte> oid, int listStart, int currentStart)
    {
        // Unknown extensions are rare and few: compare with each earlier one instead of keeping a set.
        DerReader earlier = extensions.Enter(new DerElement(DerTag.Sequence, listStart, listStart, currentStart - listStart));
        while (earlier.HasData)
        {
            DerReader inner = earlier.Enter(earlier.ReadAny(fields.List));
            if (inner.Contents(inner.ReadAny(fields.ExtnId)).SequenceEqual(oid))
            {
                throw DerReader.Error("extension {0} appears twice", ObjectIdentifier.ToDottedString(oid), fields.List, currentStart);
            }
        }
    }

    // RFC 5280 5.2.3: CRLNumber ::= INTEGER (0..MAX). Lengths beyond 20 octets are the validator's to judge.
    private static Segment ReadCrlNumber(ref DerReader value, string field)
    {
        DerElement number = value.Read(DerTag.Integer, field);
        value.CheckInteger(number, field);
        if ((value.Contents(number)[0] & 0x80) != 0)
        {
            throw DerReader.Error("a CRL number must not be negative", field, number.HeaderStart);
        }

        return Segment.Contents(number);
    }

    // RFC 5280 5.2.1 (4.2.1.1): AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0], authorityCertIssuer [1], authorityCertSerialNumber [2] }
    private void ReadAuthorityKeyIdentifier(ref DerReader value, string field)
    {
        DerElement sequence = value.Read(DerTag.Sequence, field);
        DerReader inner = value.Enter(sequence);
        if (inner.TryRead(DerTag.ContextPrimitive(0), field, out DerElement keyId))
        {
            _authorityKeyIdentifier = Segment.Contents(keyId);
        }

        if (inner.TryRead(DerTag.ContextConstructed(1), field, out DerElement issuer))
        {
            CheckGeneralNames(ref inner, issuer, field);
        }

        if (inner.TryRead(DerTag.ContextPrimitive(2), field, out DerElement serial))
        {
            inner.CheckInteger(serial, field);
        }

        inner.ThrowIfNotEnd(field);
    }

    // RFC 5280 5.2.5: IssuingDistributionPoint ::= SEQUENCE { distributionPoint [0] DistributionPointName OPTIONAL,
    // onlyContainsUserCerts [1] BOOLEAN DEFAULT FALSE, onlyContainsCACerts [2] ..., onlySomeReasons [3] ReasonFlags OPTIONAL,
    // indirectCRL [4] BOOLEAN DEFAULT FALSE, onlyContainsAttributeCerts [5] BOOLEAN DEFAULT FALSE } (IMPLICIT tags)
    private IssuingDistributionPointExtension ReadIssuingDistributionPoint(ref DerReader value, string field)
    {
        // RFC 5280 5.2.5: the extension MUST NOT consist of only default values (an empty SEQUENCE).
        DerElement sequence = value.ReadNonEmpty(DerTag.Sequence, field, "issuingDistributionPoint must not consist of only default values");
        DerReader inner = value.Enter(sequence);
        var scope = DistributionPointScope.None;
        Segment fullName = default;
        if (inner.TryRead(DerTag.ContextConstructed(0), field, out DerElement pointName))
        {
            // DistributionPointName ::= CHOICE { fullName [0] GeneralNames, nameRelativeToCRLIssuer [1] RelativeDistinguishedName }
            scope |= DistributionPointScope.DistributionPointName;
            DerReader choice = inner.Enter(pointName);
            DerElement chosen = choice.ReadAny(field);
            if (chosen.Tag == DerTag.ContextConstructed(0))
            {
                CheckGeneralNames(ref choice, chosen, field);
                fullName = Segment.Contents(chosen);
            }
            else if (chosen.Tag == DerTag.ContextConstructed(1))
            {
                if (chosen.ContentLength == 0)
                {
                    throw DerReader.Error("a RelativeDistinguishedName must hold at least one attribute", field, chosen.HeaderStart);
                }

                choice.CheckNestedEncoding(chosen, field);
                scope |= DistributionPointScope.NameRelativeToCrlIssuer;
            }
            else
            {
                throw DerReader.Error("tag 0x{0:x2} is not a DistributionPointName", chosen.Tag, field, chosen.HeaderStart);
            }

            choice.ThrowIfNotEnd(field);
        }

        scope |= ReadDefaultFalse(ref inner, 1, field, DistributionPointScope.OnlyContainsUserCerts);
        scope |= ReadDefaultFalse(ref inner, 2, field, DistributionPointScope.OnlyContainsCACerts);
        if (inner.TryRead(DerTag.ContextPrimitive(3), field, out DerElement reasons))
        {
            inner.CheckBitString(reasons, field);
            scope |= DistributionPointScope.OnlySomeReasons;
        }

        scope |= ReadDefaultFalse(ref inner, 4, field, DistributionPointScope.IndirectCrl);
        scope |= ReadDefaultFalse(ref inner, 5, field, DistributionPointScope.OnlyContainsAttributeCerts);
        inner.ThrowIfNotEnd(field);

        // RFC 5280 5.2.5: at most one of onlyContainsUserCerts, onlyContainsCACerts and onlyContainsAttributeCerts may be TRUE.
        const DistributionPointScope Exclusive = DistributionPointScope.OnlyContainsUserCerts
            | DistributionPointScope.OnlyContainsCACerts | DistributionPointScope.OnlyContainsAttributeCerts;
        if (int.PopCount((int)(scope & Exclusive)) > 1)
        {
            throw DerReader.Error("at most one of onlyContainsUserCerts, onlyContainsCACerts and onlyContainsAttributeCerts may be TRUE", field, sequence.HeaderStart);
        }

        return new IssuingDistributionPointExtension(_data, fullName.Start, fullName.End, scope);
    }

    // [n] IMPLICIT BOOLEAN DEFAULT FALSE; an explicit FALSE is read, as critical FALSE is.
    private static DistributionPointScope ReadDefaultFalse(ref DerReader reader, int number, string field, DistributionPointScope flag) =>
        reader.TryRead(DerTag.ContextPrimitive(number), field, out DerElement element) && reader.ReadBooleanValue(element, field)
            ? flag
            : DistributionPointScope.None;

    /// <summary>Checks GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName (RFC 5280 4.2.1.6), any tag.</summary>
    private static void CheckGeneralNames(ref DerReader reader, DerElement names, string field)
    {
        if (names.ContentLength == 0)
        {
            throw DerReader.Error("GeneralNames must hold at least one name", field, names.HeaderStart);
        }

        DerReader inner = reader.Enter(names);
        while (inner.HasData)
        {
            DerElement name = inner.ReadAny(field);
            if (GeneralName.Check(ref inner, name, field, out _) == GeneralNameKind.IPAddress && name.ContentLength is not (4 or 16))
            {
                throw DerReader.Error("an iPAddress here must be 4 or 16 octets, not {0}", name.ContentLength, field, name.HeaderStart);
            }
        }
    }

    // RFC 5280 4.1.1.2 AlgorithmIdentifier, read exactly as a certificate's.
    private static DerElement ReadAlgorithmIdentifier(ref DerReader reader, string field, string algorithmField, string parametersField, out Segment oid) =>
        DerCertificate.ReadAlgorithmIdentifier(ref reader, field, algorithmField, parametersField, out oid);

    private static long ReadTime(ref DerReader reader, string field) => DecodeTime(reader, reader.ReadAny(field), field);

    // RFC 5280 5.1.2.4 (4.1.2.5): the same rules as a certificate's validity times.
    private static long DecodeTime(in DerReader reader, DerElement time, string field) => DerCertificate.DecodeTime(reader.Contents(time), time, field);

    /// <summary>What one entry says, as offsets into the CRL's bytes.</summary>
    internal struct Entry(DerElement serial, long revocationTicks)
    {
        public DerElement Serial { get; } = serial;

        public long RevocationTicks { get; } = revocationTicks;

        public CrlReason? Reason { get; set; }

        public long InvalidityTicks { get; set; }

        public bool HasInvalidityDate { get; set; }

        public Segment Extensions { get; set; }

        public bool HasUnknownCriticalExtension { get; set; }

        public bool HasCertificateIssuer { get; set; }

        public readonly RevokedCertificate ToRevokedCertificate(ReadOnlyMemory<byte> buffer) => new(
            buffer.Slice(Serial.ContentStart, Serial.ContentLength),
            new DateTimeOffset(RevocationTicks, TimeSpan.Zero),
            Reason,
            HasInvalidityDate ? new DateTimeOffset(InvalidityTicks, TimeSpan.Zero) : null,
            buffer,
            Extensions.Start,
            Extensions.End);
    }

    /// <summary>The field paths of one list of extensions, built once per process.</summary>
    internal sealed class ExtensionFields(string list)
    {
        public string List { get; } = list;

        public string ExtnId { get; } = list + ".extnID";

        public string Critical { get; } = list + ".critical";

        public string ExtnValue { get; } = list + ".extnValue";

        public string AuthorityKeyIdentifier { get; } = list + ".authorityKeyIdentifier";

        public string CrlNumber { get; } = list + ".cRLNumber";

        public string DeltaCrlIndicator { get; } = list + ".deltaCRLIndicator";

        public string IssuingDistributionPoint { get; } = list + ".issuingDistributionPoint";

        public string ReasonCode { get; } = list + ".reasonCode";

        public string InvalidityDate { get; } = list + ".invalidityDate";

        public string CertificateIssuer { get; } = list + ".certificateIssuer";
    }
}
