using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Golem.MeshPki.Certificates.Der;

namespace Golem.MeshPki.Certificates;

/// <summary>
/// A read-only, zero-copy view of one X.509 certificate (RFC 5280 4.1) over the DER bytes it
/// was parsed from. Parsing checks the whole structure strictly and records offsets; every
/// field is then a slice of the original memory, and strings are built only on demand.
/// </summary>
/// <remarks>
/// <para>
/// Strict: indefinite and non-minimal lengths, trailing data, wrong tags, malformed
/// times, malformed known extensions and duplicate extensions are rejected with a
/// <see cref="CertificateFormatException"/> that names the byte offset and the field.
/// </para>
/// <para>
/// Tolerant of what real certificates do and policy should judge instead: v1 certificates,
/// serial number 0, negative or over-long serials, an explicitly encoded <c>critical FALSE</c>
/// or <c>cA FALSE</c> (a DER default that some CAs still write), and names whose SET OF is
/// not sorted. Use <see cref="IsSerialNumberNegative"/> and friends to report them.
/// </para>
/// <para>The instance keeps a reference to the input memory: do not reuse the buffer while it is in use.</para>
/// </remarks>
public sealed class DerCertificate
{
    private const string TbsField = "tbsCertificate";
    private const string ExtensionsField = "tbsCertificate.extensions";

    private readonly ReadOnlyMemory<byte> _data;

    // Offsets into _data, as (start, length) of contents unless named "Encoded".
    private Segment _tbs;
    private Segment _serial;
    private Segment _signatureAlgorithmEncoded;
    private Segment _signatureAlgorithmOid;
    private Segment _issuerEncoded;
    private Segment _subjectEncoded;
    private Segment _spkiEncoded;
    private Segment _keyAlgorithmOid;
    private Segment _curveOid;
    private Segment _publicKey;
    private Segment _signature;
    private Segment _extensions;
    private Segment _subjectKeyIdentifier;
    private Segment _authorityKeyIdentifier;
    private Segment _subjectAltNames;
    private Segment _extendedKeyUsages;
    private Segment _permittedSubtrees;
    private Segment _excludedSubtrees;
    private Segment _policies;
    private Segment _crlDistributionPoints;
    private long _notBeforeTicks;
    private long _notAfterTicks;
    private int _presentExtensions;
    private int _criticalExtensions;
    private int _pathLength = -1;

    private DerCertificate(ReadOnlyMemory<byte> data) => _data = data;

    /// <summary>The certificate's version: 1, 2 or 3.</summary>
    public int Version { get; private set; }

    /// <summary>The serialNumber INTEGER's content octets (two's complement, as encoded).</summary>
    public ReadOnlyMemory<byte> SerialNumber => Slice(_serial);

    /// <summary>True when the serial number is negative (RFC 5280 4.1.2.2 requires positive; real CAs have got this wrong).</summary>
    public bool IsSerialNumberNegative => (_data.Span[_serial.Start] & 0x80) != 0;

    /// <summary>The signature algorithm identifier (from the outer Certificate; the reader checks the TBS copy is identical).</summary>
    public ObjectIdentifier SignatureAlgorithm => new(Slice(_signatureAlgorithmOid));

    /// <summary>The whole AlgorithmIdentifier DER, parameters included (RSASSA-PSS needs them).</summary>
    public ReadOnlyMemory<byte> EncodedSignatureAlgorithm => Slice(_signatureAlgorithmEncoded);

    /// <summary>The OpenSSL-style name of the signature algorithm (<c>sha256WithRSAEncryption</c>, <c>ecdsa-with-SHA256</c>) or its dotted OID.</summary>
    public string SignatureAlgorithmName => SignatureAlgorithm.FriendlyName ?? SignatureAlgorithm.ToString();

    /// <summary>The issuer Name.</summary>
    public DistinguishedName Issuer => new(Slice(_issuerEncoded));

    /// <summary>The subject Name.</summary>
    public DistinguishedName Subject => new(Slice(_subjectEncoded));

    /// <summary>The start of the validity period (RFC 5280 4.1.2.5), in UTC.</summary>
    public DateTimeOffset NotBefore => new(_notBeforeTicks, TimeSpan.Zero);

    /// <summary>The end of the validity period, inclusive (RFC 5280 4.1.2.5), in UTC.</summary>
    public DateTimeOffset NotAfter => new(_notAfterTicks, TimeSpan.Zero);

    /// <summary>The subject public key's algorithm family.</summary>
    public PublicKeyAlgorithm PublicKeyAlgorithm { get; private set; }

    /// <summary>The subject public key's algorithm identifier.</summary>
    public ObjectIdentifier PublicKeyAlgorithmOid => new(Slice(_keyAlgorithmOid));

    /// <summary>Key size in bits: the RSA modulus or DSA prime length, the curve size for EC, 256 for Ed25519, 456 for Ed448; 0 when unknown.</summary>
    public int KeySize { get; private set; }

    /// <summary>The named curve of an EC key, or null.</summary>
    public ObjectIdentifier? Curve => _curveOid.Length == 0 ? null : new ObjectIdentifier(Slice(_curveOid));

    /// <summary>The curve's name (<c>P-256</c>, <c>P-384</c>, <c>P-521</c>, ...) or dotted OID; null for non-EC keys.</summary>
    public string? CurveName => Curve is { } curve ? curve.FriendlyName ?? curve.ToString() : null;

    /// <summary>The whole SubjectPublicKeyInfo DER, as key importers take it.</summary>
    public ReadOnlyMemory<byte> SubjectPublicKeyInfo => Slice(_spkiEncoded);

    /// <summary>The subjectPublicKey BIT STRING's bytes (without the unused-bits octet).</summary>
    public ReadOnlyMemory<byte> PublicKey => Slice(_publicKey);

    /// <summary>The DER of tbsCertificate: the bytes the signature covers.</summary>
    public ReadOnlyMemory<byte> TbsCertificate => Slice(_tbs);

    /// <summary>The signatureValue BIT STRING's bytes (without the unused-bits octet).</summary>
    public ReadOnlyMemory<byte> Signature => Slice(_signature);

    /// <summary>The certificate's DER encoding.</summary>
    public ReadOnlyMemory<byte> RawData => _data;

    /// <summary>True when issuer and subject are byte-wise equal (RFC 5280 6.1: self-issued). Whether it is self-signed needs the signature checked.</summary>
    public bool IsSelfIssued => _data.Span.Slice(_issuerEncoded.Start, _issuerEncoded.Length).SequenceEqual(_data.Span.Slice(_subjectEncoded.Start, _subjectEncoded.Length));

    /// <summary>True when basicConstraints is present with cA TRUE.</summary>
    public bool IsCertificateAuthority { get; private set; }

    /// <summary>basicConstraints' pathLenConstraint, or null when absent.</summary>
    public int? PathLengthConstraint => _pathLength < 0 ? null : _pathLength;

    /// <summary>The keyUsage bits, or <see cref="KeyUsageFlags.None"/> when the extension is absent (see <see cref="HasExtension"/>).</summary>
    public KeyUsageFlags KeyUsage { get; private set; }

    /// <summary>The subjectKeyIdentifier, empty when absent.</summary>
    public ReadOnlyMemory<byte> SubjectKeyIdentifier => Slice(_subjectKeyIdentifier);

    /// <summary>The authorityKeyIdentifier's keyIdentifier, empty when absent.</summary>
    public ReadOnlyMemory<byte> AuthorityKeyIdentifier => Slice(_authorityKeyIdentifier);

    /// <summary>Enumerates the extendedKeyUsage identifiers (empty when the extension is absent).</summary>
    /// <returns>A non-allocating enumerator.</returns>
    public ObjectIdentifierEnumerator GetExtendedKeyUsages() => new(_data, _extendedKeyUsages.Start, _extendedKeyUsages.End, firstOfSequence: false);

    /// <summary>Enumerates the subjectAltName entries (DNS, URI including SPIFFE IDs, IP, email, ...).</summary>
    /// <returns>A non-allocating enumerator.</returns>
    public GeneralNameEnumerator GetSubjectAlternativeNames() => new(_data, _subjectAltNames.Start, _subjectAltNames.End, subtrees: false);

    /// <summary>Enumerates the bases of nameConstraints' permittedSubtrees.</summary>
    /// <returns>A non-allocating enumerator.</returns>
    public GeneralNameEnumerator GetPermittedSubtrees() => new(_data, _permittedSubtrees.Start, _permittedSubtrees.End, subtrees: true);

    /// <summary>Enumerates the bases of nameConstraints' excludedSubtrees.</summary>
    /// <returns>A non-allocating enumerator.</returns>
    public GeneralNameEnumerator GetExcludedSubtrees() => new(_data, _excludedSubtrees.Start, _excludedSubtrees.End, subtrees: true);

    /// <summary>Enumerates the certificatePolicies' policy identifiers.</summary>
    /// <returns>A non-allocating enumerator.</returns>
    public ObjectIdentifierEnumerator GetCertificatePolicies() => new(_data, _policies.Start, _policies.End, firstOfSequence: true);

    /// <summary>The fullName entries of every cRLDistributionPoints distribution point (usually URIs).</summary>
    /// <returns>A new list; empty when the extension is absent.</returns>
    public IReadOnlyList<GeneralName> GetCrlDistributionPointNames()
    {
        var names = new List<GeneralName>();
        var points = new DerReader(_data.Span, _crlDistributionPoints.Start, _crlDistributionPoints.End);
        while (points.HasData)
        {
            DerReader point = points.Enter(points.ReadAny("distributionPoint"));
            if (point.TryRead(DerTag.ContextConstructed(0), "distributionPoint", out DerElement pointName))
            {
                DerReader choice = point.Enter(pointName);
                if (choice.TryRead(DerTag.ContextConstructed(0), "distributionPoint.fullName", out DerElement fullName))
                {
                    foreach (GeneralName name in new GeneralNameEnumerator(_data, fullName.ContentStart, fullName.End, subtrees: false))
                    {
                        names.Add(name);
                    }
                }
            }
        }

        return names;
    }

    /// <summary>Enumerates every extension, decoded or not, with its criticality.</summary>
    /// <returns>A non-allocating enumerator.</returns>
    public CertificateExtensionEnumerator GetExtensions() => new(_data, _extensions.Start, _extensions.End);

    /// <summary>True when the certificate carries the extension.</summary>
    /// <param name="kind">A decoded extension kind.</param>
    /// <returns>Whether it is present.</returns>
    public bool HasExtension(CertificateExtensionKind kind) => (_presentExtensions & (1 << (int)kind)) != 0;

    /// <summary>True when the extension is present and marked critical.</summary>
    /// <param name="kind">A decoded extension kind.</param>
    /// <returns>Whether it is critical.</returns>
    public bool IsExtensionCritical(CertificateExtensionKind kind) => (_criticalExtensions & (1 << (int)kind)) != 0;

    /// <summary>The serial number as lowercase hex of its value's octets (the sign octet DER adds is dropped; negative values get a '-').</summary>
    /// <returns>E.g. <c>0a1b</c>, <c>00</c> for zero, <c>-01</c> for -1.</returns>
    public string GetSerialNumberHex()
    {
        ReadOnlySpan<byte> serial = _data.Span.Slice(_serial.Start, _serial.Length);
        if (IsSerialNumberNegative)
        {
            var magnitude = BigInteger.Negate(new BigInteger(serial, isUnsigned: false, isBigEndian: true));
            return "-" + Convert.ToHexStringLower(magnitude.ToByteArray(isUnsigned: true, isBigEndian: true));
        }

        return Convert.ToHexStringLower(serial.Length > 1 && serial[0] == 0 ? serial[1..] : serial);
    }

    /// <summary>Writes the SHA-256 hash of the DER encoding into <paramref name="destination"/>.</summary>
    /// <param name="destination">At least 32 bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 32 bytes.</exception>
    public void ComputeSha256Fingerprint(Span<byte> destination) => SHA256.HashData(_data.Span, destination);

    /// <summary>The SHA-256 fingerprint as lowercase hex without separators.</summary>
    /// <returns>64 hex digits.</returns>
    public string GetSha256FingerprintHex()
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(_data.Span, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Subject, issuer, serial and validity; never key material.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Subject={Subject}; Issuer={Issuer}; Serial={GetSerialNumberHex()}; NotBefore={NotBefore:yyyy-MM-ddTHH:mm:ssZ}; NotAfter={NotAfter:yyyy-MM-ddTHH:mm:ssZ}");

    /// <summary>Parses exactly one DER certificate; trailing bytes are an error.</summary>
    /// <param name="data">The DER encoding. The returned view keeps a reference to it.</param>
    /// <returns>The certificate view.</returns>
    /// <exception cref="CertificateFormatException">The bytes are not a well-formed DER certificate.</exception>
    public static DerCertificate Parse(ReadOnlyMemory<byte> data)
    {
        DerCertificate certificate = Parse(data, out int consumed);
        if (consumed != data.Length)
        {
            throw DerReader.Error("{0} bytes follow the certificate", data.Length - consumed, "certificate", consumed);
        }

        return certificate;
    }

    /// <summary>Parses the DER certificate at the start of <paramref name="data"/>, and says how many bytes it used.</summary>
    /// <param name="data">The DER encoding, possibly followed by other data. The returned view keeps a reference to it.</param>
    /// <param name="bytesConsumed">The length of the certificate's encoding.</param>
    /// <returns>A view over the first <paramref name="bytesConsumed"/> bytes.</returns>
    /// <exception cref="CertificateFormatException">The bytes do not start with a well-formed DER certificate.</exception>
    public static DerCertificate Parse(ReadOnlyMemory<byte> data, out int bytesConsumed)
    {
        var outer = new DerReader(data.Span);
        DerElement certificateElement = outer.Read(DerTag.Sequence, "certificate");
        bytesConsumed = certificateElement.End;
        var certificate = new DerCertificate(data[..certificateElement.End]);
        certificate.ReadCertificate(certificateElement);
        return certificate;
    }

    /// <summary>Classifies an extension identifier.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static CertificateExtensionKind ClassifyExtension(ReadOnlySpan<byte> oid)
    {
        if (oid.Length != 3 || oid[0] != 0x55 || oid[1] != 0x1D)
        {
            return CertificateExtensionKind.Other;
        }

        return oid[2] switch
        {
            KnownOids.BasicConstraintsArc => CertificateExtensionKind.BasicConstraints,
            KnownOids.KeyUsageArc => CertificateExtensionKind.KeyUsage,
            KnownOids.ExtendedKeyUsageArc => CertificateExtensionKind.ExtendedKeyUsage,
            KnownOids.SubjectKeyIdentifierArc => CertificateExtensionKind.SubjectKeyIdentifier,
            KnownOids.AuthorityKeyIdentifierArc => CertificateExtensionKind.AuthorityKeyIdentifier,
            KnownOids.SubjectAltNameArc => CertificateExtensionKind.SubjectAlternativeName,
            KnownOids.NameConstraintsArc => CertificateExtensionKind.NameConstraints,
            KnownOids.CertificatePoliciesArc => CertificateExtensionKind.CertificatePolicies,
            KnownOids.CrlDistributionPointsArc => CertificateExtensionKind.CrlDistributionPoints,
            _ => CertificateExtensionKind.Other,
        };
    }

    private ReadOnlyMemory<byte> Slice(Segment segment) => _data.Slice(segment.Start, segment.Length);

    // RFC 5280 4.1: Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }
    private void ReadCertificate(DerElement certificateElement)
    {
        var outer = new DerReader(_data.Span);
        DerReader certificate = outer.Enter(certificateElement);

        DerElement tbs = certificate.Read(DerTag.Sequence, TbsField);
        _tbs = Segment.Encoded(tbs);
        DerElement tbsAlgorithm = ReadTbs(ref certificate, tbs);

        DerElement algorithm = certificate.Read(DerTag.Sequence, "signatureAlgorithm");
        _signatureAlgorithmEncoded = Segment.Encoded(algorithm);

        // RFC 5280 4.1.1.2: the field MUST contain the same algorithm identifier as tbsCertificate.signature.
        if (certificate.Contents(algorithm).SequenceEqual(certificate.Contents(tbsAlgorithm)))
        {
            // The same octets as tbsCertificate.signature, which passed every check already: only
            // the place of the identifier is needed.
            _signatureAlgorithmOid = Segment.Contents(certificate.Enter(algorithm).ReadAny("signatureAlgorithm.algorithm"));
        }
        else
        {
            // A malformed field is named as such before the mismatch is.
            CheckAlgorithmIdentifier(ref certificate, algorithm, "signatureAlgorithm", "signatureAlgorithm.algorithm", "signatureAlgorithm.parameters", out _signatureAlgorithmOid);
            throw DerReader.Error("the signature algorithm differs from tbsCertificate.signature", "signatureAlgorithm", algorithm.HeaderStart);
        }

        DerElement signature = certificate.Read(DerTag.BitString, "signatureValue");
        certificate.CheckBitString(signature, "signatureValue");
        _signature = new Segment(signature.ContentStart + 1, signature.ContentLength - 1);
        certificate.ThrowIfNotEnd("certificate");
    }

    private DerElement ReadTbs(ref DerReader certificate, DerElement tbsElement)
    {
        DerReader tbs = certificate.Enter(tbsElement);

        // RFC 5280 4.1.2.1: version [0] EXPLICIT Version DEFAULT v1.
        Version = 1;
        if (tbs.TryRead(DerTag.ContextConstructed(0), "tbsCertificate.version", out DerElement versionWrapper))
        {
            DerReader versionReader = tbs.Enter(versionWrapper);
            DerElement version = versionReader.Read(DerTag.Integer, "tbsCertificate.version");
            int value = versionReader.ReadSmallNonNegativeInteger(version, "tbsCertificate.version");
            versionReader.ThrowIfNotEnd("tbsCertificate.version");
            if (value > 2)
            {
                throw DerReader.Error("version {0} is not defined (v1, v2 and v3 are)", value + 1, "tbsCertificate.version", version.HeaderStart);
            }

            Version = value + 1;
        }

        // RFC 5280 4.1.2.2: serialNumber INTEGER. Zero, negative and long serials are read; policy reports them.
        DerElement serial = tbs.Read(DerTag.Integer, "tbsCertificate.serialNumber");
        tbs.CheckInteger(serial, "tbsCertificate.serialNumber");
        _serial = Segment.Contents(serial);

        DerElement tbsAlgorithm = ReadAlgorithmIdentifier(ref tbs, "tbsCertificate.signature", "tbsCertificate.signature.algorithm", "tbsCertificate.signature.parameters", out _);

        DerElement issuer = tbs.Read(DerTag.Sequence, "tbsCertificate.issuer");
        DistinguishedName.Check(ref tbs, issuer, "tbsCertificate.issuer");
        _issuerEncoded = Segment.Encoded(issuer);

        DerElement validity = tbs.Read(DerTag.Sequence, "tbsCertificate.validity");
        DerReader validityReader = tbs.Enter(validity);
        _notBeforeTicks = ReadTime(ref validityReader, "tbsCertificate.validity.notBefore");
        _notAfterTicks = ReadTime(ref validityReader, "tbsCertificate.validity.notAfter");
        validityReader.ThrowIfNotEnd("tbsCertificate.validity");

        DerElement subject = tbs.Read(DerTag.Sequence, "tbsCertificate.subject");

        // A self-issued certificate (every root) repeats the issuer's bytes, which passed already.
        if (!tbs.Contents(subject).SequenceEqual(tbs.Contents(issuer)))
        {
            DistinguishedName.Check(ref tbs, subject, "tbsCertificate.subject");
        }

        _subjectEncoded = Segment.Encoded(subject);

        ReadSubjectPublicKeyInfo(ref tbs);

        // RFC 5280 4.1.2.8: unique identifiers only in v2 and v3.
        ReadUniqueIdentifier(ref tbs, 1, "tbsCertificate.issuerUniqueID");
        ReadUniqueIdentifier(ref tbs, 2, "tbsCertificate.subjectUniqueID");

        if (tbs.TryRead(DerTag.ContextConstructed(3), ExtensionsField, out DerElement extensionsWrapper))
        {
            // RFC 5280 4.1.2.9: extensions only in v3.
            if (Version != 3)
            {
                throw DerReader.Error("a v{0} certificate cannot carry extensions", Version, ExtensionsField, extensionsWrapper.HeaderStart);
            }

            DerReader wrapper = tbs.Enter(extensionsWrapper);
            DerElement extensions = wrapper.Read(DerTag.Sequence, ExtensionsField);
            wrapper.ThrowIfNotEnd(ExtensionsField);
            ReadExtensions(ref wrapper, extensions);
        }

        tbs.ThrowIfNotEnd(TbsField);
        return tbsAlgorithm;
    }

    private void ReadUniqueIdentifier(ref DerReader tbs, int number, string field)
    {
        if (tbs.TryRead(DerTag.ContextPrimitive(number), field, out DerElement uniqueId))
        {
            if (Version == 1)
            {
                throw DerReader.Error("a v1 certificate cannot carry unique identifiers", field, uniqueId.HeaderStart);
            }

            tbs.CheckBitString(uniqueId, field);
        }
    }

    // RFC 5280 4.1.1.2: AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL }
    // Field paths are passed whole so that no string is built unless there is an error.
    internal static DerElement ReadAlgorithmIdentifier(ref DerReader reader, string field, string algorithmField, string parametersField, out Segment oid)
    {
        DerElement algorithm = reader.Read(DerTag.Sequence, field);
        CheckAlgorithmIdentifier(ref reader, algorithm, field, algorithmField, parametersField, out oid);
        return algorithm;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CheckAlgorithmIdentifier(ref DerReader reader, DerElement algorithm, string field, string algorithmField, string parametersField, out Segment oid)
    {
        DerReader inner = reader.Enter(algorithm);
        DerElement identifier = inner.Read(DerTag.ObjectIdentifier, algorithmField);
        inner.CheckObjectIdentifier(identifier, algorithmField);
        if (inner.HasData)
        {
            // ANY DEFINED BY the algorithm: whatever it is, it must itself be DER.
            inner.CheckNestedEncoding(inner.ReadAny(parametersField), parametersField);
        }

        inner.ThrowIfNotEnd(field);
        oid = Segment.Contents(identifier);
    }

    // RFC 5280 4.1.2.5: UTCTime YYMMDDHHMMSSZ (YY >= 50 is 19YY) or GeneralizedTime YYYYMMDDHHMMSSZ, no fractions.
    private static long ReadTime(ref DerReader reader, string field)
    {
        DerElement time = reader.ReadAny(field);
        return DecodeTime(reader.Contents(time), time, field);
    }

    // The rules of ReadTime for a time element already read (CRLs' thisUpdate, nextUpdate, revocationDate share them).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long DecodeTime(ReadOnlySpan<byte> text, DerElement time, string field)
    {
        int digits;
        if (time.Tag == DerTag.UtcTime)
        {
            digits = 12;
        }
        else if (time.Tag == DerTag.GeneralizedTime)
        {
            digits = 14;
        }
        else
        {
            throw DerReader.Error("expected UTCTime (0x17) or GeneralizedTime (0x18) but found 0x{0:x2}", time.Tag, field, time.HeaderStart);
        }

        if (text.Length != digits + 1 || text[digits] != (byte)'Z')
        {
            throw DerReader.Error(digits == 12 ? "a UTCTime must be YYMMDDHHMMSSZ" : "a GeneralizedTime must be YYYYMMDDHHMMSSZ", field, time.HeaderStart);
        }

        // Two overlapping 8-octet words cover the 12 or 14 digits: no loop, whose exit would be
        // mispredicted whenever UTCTime and GeneralizedTime alternate.
        if (!AreDigits(BinaryPrimitives.ReadUInt64LittleEndian(text)) || !AreDigits(BinaryPrimitives.ReadUInt64LittleEndian(text[(digits - 8)..])))
        {
            throw DerReader.Error("a time holds a non-digit character", field, time.HeaderStart);
        }

        int year;
        if (digits == 12)
        {
            year = Pair(text, 0);
            year += year >= 50 ? 1900 : 2000;
        }
        else
        {
            year = (Pair(text, 0) * 100) + Pair(text, 2);
        }

        ReadOnlySpan<byte> rest = text[(digits - 10)..];
        int month = Pair(rest, 0);
        int day = Pair(rest, 2);
        int hour = Pair(rest, 4);
        int minute = Pair(rest, 6);
        int second = Pair(rest, 8);
        if (year == 0 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            throw DerReader.Error(year == 0 ? "year 0000 is not a valid year" : "the date or time is out of range", field, time.HeaderStart);
        }

        return new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks;
    }

    // True when each of the 8 octets is '0'..'9' (0x30..0x39): its high nibble is 3, and adding
    // 6 does not carry out of its low nibble (0x3A..0x3F would). With every high nibble 3, no
    // octet plus 6 exceeds 0x45, so no carry crosses octets; the first test fails for the octets
    // whose sum could wrap the word, so unchecked changes nothing the result depends on.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AreDigits(ulong octets) =>
        (octets & 0xF0F0F0F0F0F0F0F0) == 0x3030303030303030
        && (unchecked(octets + 0x0606060606060606) & 0xF0F0F0F0F0F0F0F0) == 0x3030303030303030;

    // Callers have checked every octet is a digit: the arithmetic cannot overflow.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Pair(ReadOnlySpan<byte> digits, int start) => unchecked(((digits[start] - '0') * 10) + (digits[start + 1] - '0'));

    // RFC 5280 4.1.2.7: SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }
    private void ReadSubjectPublicKeyInfo(ref DerReader tbs)
    {
        const string Field = "tbsCertificate.subjectPublicKeyInfo";
        DerElement spki = tbs.Read(DerTag.Sequence, Field);
        _spkiEncoded = Segment.Encoded(spki);
        DerReader inner = tbs.Enter(spki);
        DerElement algorithm = ReadAlgorithmIdentifier(ref inner, Field + ".algorithm", Field + ".algorithm.algorithm", Field + ".algorithm.parameters", out _keyAlgorithmOid);
        DerElement key = inner.Read(DerTag.BitString, Field + ".subjectPublicKey");
        inner.CheckBitString(key, Field + ".subjectPublicKey");
        inner.ThrowIfNotEnd(Field);
        _publicKey = new Segment(key.ContentStart + 1, key.ContentLength - 1);

        ReadOnlySpan<byte> span = _data.Span;
        ReadOnlySpan<byte> oid = span.Slice(_keyAlgorithmOid.Start, _keyAlgorithmOid.Length);
        bool rsa = oid.SequenceEqual(KnownOids.RsaEncryption);
        if (rsa || oid.SequenceEqual(KnownOids.RsaSsaPss))
        {
            PublicKeyAlgorithm = rsa ? PublicKeyAlgorithm.Rsa : PublicKeyAlgorithm.RsaPss;

            // RFC 8017 A.1.1: RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }
            DerReader keyReader = new(span, _publicKey.Start, _publicKey.End);
            DerReader rsaKey = keyReader.Enter(keyReader.Read(DerTag.Sequence, Field + ".rsaPublicKey"));
            keyReader.ThrowIfNotEnd(Field + ".rsaPublicKey");
            DerElement modulus = rsaKey.Read(DerTag.Integer, Field + ".rsaPublicKey.modulus");
            rsaKey.CheckInteger(modulus, Field + ".rsaPublicKey.modulus");
            DerElement exponent = rsaKey.Read(DerTag.Integer, Field + ".rsaPublicKey.publicExponent");
            rsaKey.CheckInteger(exponent, Field + ".rsaPublicKey.publicExponent");
            rsaKey.ThrowIfNotEnd(Field + ".rsaPublicKey");
            KeySize = PositiveIntegerBits(rsaKey.Contents(modulus));
        }
        else if (oid.SequenceEqual(KnownOids.EcPublicKey))
        {
            PublicKeyAlgorithm = PublicKeyAlgorithm.EC;
            DerReader parameters = new(span, algorithm.ContentStart, algorithm.End);
            parameters.ReadAny(Field);
            if (parameters.TryRead(DerTag.ObjectIdentifier, Field + ".algorithm.namedCurve", out DerElement curve))
            {
                parameters.CheckObjectIdentifier(curve, Field + ".algorithm.namedCurve");
                _curveOid = Segment.Contents(curve);
            }

            ReadOnlySpan<byte> curveOid = span.Slice(_curveOid.Start, _curveOid.Length);
            KeySize = curveOid.SequenceEqual(KnownOids.P256) ? 256
                : curveOid.SequenceEqual(KnownOids.P384) ? 384
                : curveOid.SequenceEqual(KnownOids.P521) ? 521
                : curveOid.SequenceEqual(KnownOids.P224) ? 224
                : curveOid.SequenceEqual(KnownOids.P192) ? 192
                : curveOid.SequenceEqual(KnownOids.Secp256k1) ? 256
                : PointBits(span.Slice(_publicKey.Start, _publicKey.Length));
        }
        else if (oid.SequenceEqual(KnownOids.Ed25519))
        {
            PublicKeyAlgorithm = PublicKeyAlgorithm.Ed25519;
            KeySize = 256;
        }
        else if (oid.SequenceEqual(KnownOids.Ed448))
        {
            PublicKeyAlgorithm = PublicKeyAlgorithm.Ed448;
            KeySize = 456;
        }
        else if (oid.SequenceEqual(KnownOids.Dsa))
        {
            PublicKeyAlgorithm = PublicKeyAlgorithm.Dsa;

            // RFC 3279 2.3.2: Dss-Parms ::= SEQUENCE { p, q, g }; parameters may be inherited (absent).
            DerReader parameters = new(span, algorithm.ContentStart, algorithm.End);
            parameters.ReadAny(Field);
            if (parameters.TryRead(DerTag.Sequence, Field + ".algorithm.parameters", out DerElement dss))
            {
                DerReader dssReader = parameters.Enter(dss);
                DerElement p = dssReader.Read(DerTag.Integer, Field + ".algorithm.parameters.p");
                dssReader.CheckInteger(p, Field + ".algorithm.parameters.p");
                dssReader.CheckInteger(dssReader.Read(DerTag.Integer, Field + ".algorithm.parameters.q"), Field + ".algorithm.parameters.q");
                dssReader.CheckInteger(dssReader.Read(DerTag.Integer, Field + ".algorithm.parameters.g"), Field + ".algorithm.parameters.g");
                dssReader.ThrowIfNotEnd(Field + ".algorithm.parameters");
                KeySize = PositiveIntegerBits(dssReader.Contents(p));
            }
        }
    }

    private static int PositiveIntegerBits(ReadOnlySpan<byte> integer)
    {
        int index = 0;
        while (index < integer.Length && integer[index] == 0)
        {
            index++;
        }

        // In long and capped: a hostile length near 2^31 octets must not overflow (the library is checked).
        long bits = index == integer.Length ? 0 : ((integer.Length - index - 1) * 8L) + (32 - BitOperations.LeadingZeroCount(integer[index]));
        return (int)Math.Min(bits, int.MaxValue);
    }

    // SEC 1 2.3.3: uncompressed points are 04 || X || Y, compressed 02/03 || X.
    private static int PointBits(ReadOnlySpan<byte> point)
    {
        long bits = point.IsEmpty ? 0
            : point[0] == 0x04 ? (point.Length - 1) / 2 * 8L
            : (point.Length - 1) * 8L;
        return (int)Math.Min(bits, int.MaxValue);
    }

    // RFC 5280 4.1.2.9: Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension
    private void ReadExtensions(ref DerReader wrapper, DerElement extensionsElement)
    {
        if (extensionsElement.ContentLength == 0)
        {
            throw DerReader.Error("the extensions SEQUENCE must not be empty", ExtensionsField, extensionsElement.HeaderStart);
        }

        _extensions = Segment.Contents(extensionsElement);
        ReadOnlySpan<byte> span = _data.Span;
        DerReader extensions = wrapper.Enter(extensionsElement);
        while (extensions.HasData)
        {
            DerElement extension = ReadExtensionHeader(ref extensions, out DerElement oid, out CertificateExtensionKind kind, out bool critical, out DerElement value);
            int bit = 1 << (int)kind;
            if (kind == CertificateExtensionKind.Other)
            {
                ThrowIfDuplicateOther(span.Slice(oid.ContentStart, oid.ContentLength), extension.HeaderStart);
            }
            else if ((_presentExtensions & bit) != 0)
            {
                // RFC 5280 4.2: a certificate MUST NOT include more than one instance of an extension.
                throw DerReader.Error("the {0} extension appears twice", kind, ExtensionsField, extension.HeaderStart);
            }

            _presentExtensions |= bit;
            if (critical)
            {
                _criticalExtensions |= bit;
            }

            DerReader valueReader = extensions.Enter(value);
            ReadExtensionValue(ref valueReader, kind);
        }
    }

    /// <summary>Reads one Extension ::= SEQUENCE { extnID OID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING } (RFC 5280 4.1), and classifies extnID.</summary>
    internal static DerElement ReadExtensionHeader(ref DerReader extensions, out DerElement oid, out CertificateExtensionKind kind, out bool critical, out DerElement value)
    {
        DerElement extension = extensions.Read(DerTag.Sequence, ExtensionsField);
        DerReader inner = extensions.Enter(extension);
        oid = inner.Read(DerTag.ObjectIdentifier, ExtensionsField + ".extnID");
        kind = ClassifyExtension(inner.Contents(oid));
        if (kind == CertificateExtensionKind.Other)
        {
            // A known kind matched one of the fixed identifiers 2.5.29.n, which are well formed.
            inner.CheckObjectIdentifier(oid, ExtensionsField + ".extnID");
        }

        critical = false;
        if (inner.TryRead(DerTag.Boolean, ExtensionsField + ".critical", out DerElement flag))
        {
            critical = inner.ReadBooleanValue(flag, ExtensionsField + ".critical");
        }

        value = inner.Read(DerTag.OctetString, ExtensionsField + ".extnValue");
        inner.ThrowIfNotEnd(ExtensionsField);
        return extension;
    }

    private void ThrowIfDuplicateOther(ReadOnlySpan<byte> oid, int currentStart)
    {
        // Unknown extensions are rare and few: compare with each earlier one instead of keeping a set.
        var earlier = new DerReader(_data.Span, _extensions.Start, currentStart);
        while (earlier.HasData)
        {
            DerReader inner = earlier.Enter(earlier.ReadAny(ExtensionsField));
            if (inner.Contents(inner.ReadAny(ExtensionsField)).SequenceEqual(oid))
            {
                throw DerReader.Error("extension {0} appears twice", ObjectIdentifier.ToDottedString(oid), ExtensionsField, currentStart);
            }
        }
    }

    private void ReadExtensionValue(ref DerReader value, CertificateExtensionKind kind)
    {
        switch (kind)
        {
            case CertificateExtensionKind.BasicConstraints:
                ReadBasicConstraints(ref value);
                break;
            case CertificateExtensionKind.KeyUsage:
                ReadKeyUsage(ref value);
                break;
            case CertificateExtensionKind.ExtendedKeyUsage:
                _extendedKeyUsages = ReadExtendedKeyUsage(ref value);
                break;
            case CertificateExtensionKind.SubjectKeyIdentifier:
                // RFC 5280 4.2.1.2: SubjectKeyIdentifier ::= KeyIdentifier (OCTET STRING)
                _subjectKeyIdentifier = Segment.Contents(value.Read(DerTag.OctetString, ExtensionsField + ".subjectKeyIdentifier"));
                break;
            case CertificateExtensionKind.AuthorityKeyIdentifier:
                ReadAuthorityKeyIdentifier(ref value);
                break;
            case CertificateExtensionKind.SubjectAlternativeName:
                _subjectAltNames = ReadGeneralNames(ref value, value.Read(DerTag.Sequence, ExtensionsField + ".subjectAltName"), ExtensionsField + ".subjectAltName", ipLengths: 4);
                break;
            case CertificateExtensionKind.NameConstraints:
                ReadNameConstraints(ref value);
                break;
            case CertificateExtensionKind.CertificatePolicies:
                ReadCertificatePolicies(ref value);
                break;
            case CertificateExtensionKind.CrlDistributionPoints:
                ReadCrlDistributionPoints(ref value);
                break;
            default:
                // Unknown extensions are kept as raw bytes; their contents are not ours to judge.
                return;
        }

        value.ThrowIfNotEnd(ExtensionsField + ".extnValue");
    }

    // RFC 5280 4.2.1.9: BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER (0..MAX) OPTIONAL }
    private void ReadBasicConstraints(ref DerReader value)
    {
        const string Field = ExtensionsField + ".basicConstraints";
        DerElement sequence = value.Read(DerTag.Sequence, Field);
        DerReader inner = value.Enter(sequence);
        if (inner.TryRead(DerTag.Boolean, Field + ".cA", out DerElement ca))
        {
            IsCertificateAuthority = inner.ReadBooleanValue(ca, Field + ".cA");
        }

        if (inner.TryRead(DerTag.Integer, Field + ".pathLenConstraint", out DerElement pathLength))
        {
            _pathLength = inner.ReadSmallNonNegativeInteger(pathLength, Field + ".pathLenConstraint");
        }

        inner.ThrowIfNotEnd(Field);
    }

    // RFC 5280 4.2.1.3: KeyUsage ::= BIT STRING { digitalSignature (0), ..., decipherOnly (8) }
    private void ReadKeyUsage(ref DerReader value)
    {
        const string Field = ExtensionsField + ".keyUsage";
        DerElement bits = value.Read(DerTag.BitString, Field);
        value.CheckBitString(bits, Field);
        ReadOnlySpan<byte> contents = value.Contents(bits);

        // BIT STRING bit 0 is the most significant bit of the first octet; flag n is bit n.
        int flags = contents.Length > 1 ? ReverseBits(contents[1]) : 0;
        if (contents.Length > 2)
        {
            flags |= ReverseBits(contents[2]) << 8;
        }

        KeyUsage = (KeyUsageFlags)(flags & 0x1FF);
    }

    // Mirrors an octet (bit 7 becomes bit 0) by swapping nibbles, then pairs, then single bits:
    // no test per bit, whose outcome would vary from certificate to certificate.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ReverseBits(int octet)
    {
        octet = ((octet & 0xF0) >> 4) | ((octet & 0x0F) << 4);
        octet = ((octet & 0xCC) >> 2) | ((octet & 0x33) << 2);
        return ((octet & 0xAA) >> 1) | ((octet & 0x55) << 1);
    }

    // RFC 5280 4.2.1.12: ExtKeyUsageSyntax ::= SEQUENCE SIZE (1..MAX) OF KeyPurposeId
    private static Segment ReadExtendedKeyUsage(ref DerReader value)
    {
        const string Field = ExtensionsField + ".extendedKeyUsage";
        DerElement sequence = value.ReadNonEmpty(DerTag.Sequence, Field, "extendedKeyUsage must hold at least one identifier");

        DerReader inner = value.Enter(sequence);
        while (inner.HasData)
        {
            inner.CheckObjectIdentifier(inner.Read(DerTag.ObjectIdentifier, Field), Field);
        }

        return Segment.Contents(sequence);
    }

    // RFC 5280 4.2.1.1: AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0], authorityCertIssuer [1], authorityCertSerialNumber [2] }
    private void ReadAuthorityKeyIdentifier(ref DerReader value)
    {
        const string Field = ExtensionsField + ".authorityKeyIdentifier";
        DerElement sequence = value.Read(DerTag.Sequence, Field);
        DerReader inner = value.Enter(sequence);
        if (inner.TryRead(DerTag.ContextPrimitive(0), Field + ".keyIdentifier", out DerElement keyId))
        {
            _authorityKeyIdentifier = Segment.Contents(keyId);
        }

        if (inner.TryRead(DerTag.ContextConstructed(1), Field + ".authorityCertIssuer", out DerElement issuer))
        {
            ReadGeneralNames(ref inner, issuer, Field + ".authorityCertIssuer", ipLengths: 4);
        }

        if (inner.TryRead(DerTag.ContextPrimitive(2), Field + ".authorityCertSerialNumber", out DerElement serial))
        {
            inner.CheckInteger(serial, Field + ".authorityCertSerialNumber");
        }

        inner.ThrowIfNotEnd(Field);
    }

    /// <summary>Checks GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName. <paramref name="ipLengths"/> is 4 (4 or 16 octets) or 8 (8 or 32 in name constraints).</summary>
    private static Segment ReadGeneralNames(ref DerReader reader, DerElement names, string field, int ipLengths)
    {
        if (names.ContentLength == 0)
        {
            throw DerReader.Error("GeneralNames must hold at least one name", field, names.HeaderStart);
        }

        DerReader inner = reader.Enter(names);
        while (inner.HasData)
        {
            CheckGeneralName(ref inner, inner.ReadAny(field), field, ipLengths);
        }

        return Segment.Contents(names);
    }

    private static void CheckGeneralName(ref DerReader reader, DerElement name, string field, int ipLengths)
    {
        GeneralNameKind kind = GeneralName.Check(ref reader, name, field, out _);
        if (kind == GeneralNameKind.IPAddress && name.ContentLength != ipLengths && name.ContentLength != ipLengths * 4)
        {
            throw DerReader.Error("an iPAddress here must be {0} octets, not {1}", ipLengths == 4 ? "4 or 16" : "8 or 32", name.ContentLength, field, name.HeaderStart);
        }
    }

    // RFC 5280 4.2.1.10: NameConstraints ::= SEQUENCE { permittedSubtrees [0] GeneralSubtrees OPTIONAL, excludedSubtrees [1] ... }
    private void ReadNameConstraints(ref DerReader value)
    {
        const string Field = ExtensionsField + ".nameConstraints";

        // RFC 5280 4.2.1.10: conforming CAs MUST NOT issue an empty name constraints sequence.
        DerElement sequence = value.ReadNonEmpty(DerTag.Sequence, Field, "nameConstraints must hold permitted or excluded subtrees");
        DerReader inner = value.Enter(sequence);
        if (inner.TryRead(DerTag.ContextConstructed(0), Field + ".permittedSubtrees", out DerElement permitted))
        {
            _permittedSubtrees = ReadGeneralSubtrees(ref inner, permitted, new SubtreeFields(Field + ".permittedSubtrees"));
        }

        if (inner.TryRead(DerTag.ContextConstructed(1), Field + ".excludedSubtrees", out DerElement excluded))
        {
            _excludedSubtrees = ReadGeneralSubtrees(ref inner, excluded, new SubtreeFields(Field + ".excludedSubtrees"));
        }

        inner.ThrowIfNotEnd(Field);
    }

    // GeneralSubtree ::= SEQUENCE { base GeneralName, minimum [0] BaseDistance DEFAULT 0, maximum [1] BaseDistance OPTIONAL }
    private static Segment ReadGeneralSubtrees(ref DerReader reader, DerElement subtrees, SubtreeFields fields)
    {
        if (subtrees.ContentLength == 0)
        {
            throw DerReader.Error("GeneralSubtrees must hold at least one subtree", fields.Subtrees, subtrees.HeaderStart);
        }

        DerReader inner = reader.Enter(subtrees);
        while (inner.HasData)
        {
            DerReader subtree = inner.Enter(inner.Read(DerTag.Sequence, fields.Subtrees));
            CheckGeneralName(ref subtree, subtree.ReadAny(fields.Base), fields.Base, ipLengths: 8);
            if (subtree.TryRead(DerTag.ContextPrimitive(0), fields.Minimum, out DerElement minimum))
            {
                subtree.ReadSmallNonNegativeInteger(minimum, fields.Minimum);
            }

            if (subtree.TryRead(DerTag.ContextPrimitive(1), fields.Maximum, out DerElement maximum))
            {
                subtree.ReadSmallNonNegativeInteger(maximum, fields.Maximum);
            }

            subtree.ThrowIfNotEnd(fields.Subtrees);
        }

        return Segment.Contents(subtrees);
    }

    // RFC 5280 4.2.1.4: certificatePolicies ::= SEQUENCE SIZE (1..MAX) OF PolicyInformation
    private void ReadCertificatePolicies(ref DerReader value)
    {
        const string Field = ExtensionsField + ".certificatePolicies";
        DerElement sequence = value.ReadNonEmpty(DerTag.Sequence, Field, "certificatePolicies must hold at least one policy");

        DerReader inner = value.Enter(sequence);
        while (inner.HasData)
        {
            // PolicyInformation ::= SEQUENCE { policyIdentifier OID, policyQualifiers SEQUENCE OF ... OPTIONAL }
            DerReader policy = inner.Enter(inner.Read(DerTag.Sequence, Field));
            policy.CheckObjectIdentifier(policy.Read(DerTag.ObjectIdentifier, Field + ".policyIdentifier"), Field + ".policyIdentifier");
            if (policy.HasData)
            {
                policy.CheckNestedEncoding(policy.Read(DerTag.Sequence, Field + ".policyQualifiers"), Field + ".policyQualifiers");
            }

            policy.ThrowIfNotEnd(Field);
        }

        _policies = Segment.Contents(sequence);
    }

    // RFC 5280 4.2.1.13: CRLDistributionPoints ::= SEQUENCE SIZE (1..MAX) OF DistributionPoint
    private void ReadCrlDistributionPoints(ref DerReader value)
    {
        const string Field = ExtensionsField + ".cRLDistributionPoints";
        DerElement sequence = value.ReadNonEmpty(DerTag.Sequence, Field, "cRLDistributionPoints must hold at least one point");
        DerReader inner = value.Enter(sequence);
        while (inner.HasData)
        {
            // DistributionPoint ::= SEQUENCE { distributionPoint [0] DistributionPointName OPTIONAL, reasons [1] ReasonFlags OPTIONAL, cRLIssuer [2] GeneralNames OPTIONAL }
            DerElement pointElement = inner.Read(DerTag.Sequence, Field);
            DerReader point = inner.Enter(pointElement);
            bool hasName = point.TryRead(DerTag.ContextConstructed(0), Field + ".distributionPoint", out DerElement pointName);
            if (hasName)
            {
                // DistributionPointName ::= CHOICE { fullName [0] GeneralNames, nameRelativeToCRLIssuer [1] RDN }
                DerReader choice = point.Enter(pointName);
                DerElement chosen = choice.ReadAny(Field + ".distributionPoint");
                if (chosen.Tag == DerTag.ContextConstructed(0))
                {
                    ReadGeneralNames(ref choice, chosen, Field + ".distributionPoint.fullName", ipLengths: 4);
                }
                else if (chosen.Tag != DerTag.ContextConstructed(1))
                {
                    throw DerReader.Error("tag 0x{0:x2} is not a DistributionPointName", chosen.Tag, Field + ".distributionPoint", chosen.HeaderStart);
                }

                choice.ThrowIfNotEnd(Field + ".distributionPoint");
            }

            if (point.TryRead(DerTag.ContextPrimitive(1), Field + ".reasons", out DerElement reasons))
            {
                point.CheckBitString(reasons, Field + ".reasons");
            }

            bool hasIssuer = point.TryRead(DerTag.ContextConstructed(2), Field + ".cRLIssuer", out DerElement crlIssuer);
            if (hasIssuer)
            {
                ReadGeneralNames(ref point, crlIssuer, Field + ".cRLIssuer", ipLengths: 4);
            }

            point.ThrowIfNotEnd(Field);
            if (!hasName && !hasIssuer)
            {
                // RFC 5280 4.2.1.13: a distribution point MUST name the point or the CRL issuer.
                throw DerReader.Error("a distribution point must have a distributionPoint or a cRLIssuer", Field, pointElement.HeaderStart);
            }
        }

        _crlDistributionPoints = Segment.Contents(sequence);
    }

    /// <summary>The field paths of one GeneralSubtrees, built once per extension, only when the extension is present.</summary>
    private readonly struct SubtreeFields(string subtrees)
    {
        public string Subtrees { get; } = subtrees;

        public string Base { get; } = subtrees + ".base";

        public string Minimum { get; } = subtrees + ".minimum";

        public string Maximum { get; } = subtrees + ".maximum";
    }

    /// <summary>A (start, length) pair of offsets into the certificate's bytes.</summary>
    internal readonly record struct Segment(int Start, int Length)
    {
        public int End => Start + Length;

        public static Segment Contents(DerElement element) => new(element.ContentStart, element.ContentLength);

        public static Segment Encoded(DerElement element) => new(element.HeaderStart, element.EncodedLength);
    }
}
