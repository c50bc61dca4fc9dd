using System.Diagnostics.CodeAnalysis;
using System.Formats.Asn1;
using System.Security.Cryptography;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace Golem.MeshPki.Certificates;

/// <summary>
/// What a private key is (its algorithm, whether it is encrypted) and the public key it belongs
/// to, so that it can be matched to certificates; it keeps no byte of the private key.
/// </summary>
/// <remarks>
/// <para>
/// Reads unencrypted PKCS #8 (<c>PRIVATE KEY</c>: RSA, RSASSA-PSS, EC, DSA, Ed25519, Ed448),
/// PKCS #1 (<c>RSA PRIVATE KEY</c>) and SEC 1 (<c>EC PRIVATE KEY</c>) keys. RSA, EC and DSA keys
/// are loaded with .NET; EdDSA public keys are derived with BouncyCastle's RFC 8032 functions,
/// which .NET lacks. Encrypted keys (<c>ENCRYPTED PRIVATE KEY</c>, or legacy OpenSSL blocks with
/// <c>Proc-Type: 4,ENCRYPTED</c> headers) and other <c>... PRIVATE KEY</c> labels are identified
/// but cannot be matched: <see cref="MatchesCertificate"/> answers <see cref="KeyMatch.Unknown"/>
/// and <see cref="UnknownReason"/> says why.
/// </para>
/// <para>
/// The public key is kept in the form a certificate carries it (the contents of
/// subjectPublicKey, RFC 5280 4.1.2.7). An RSA key matches a certificate whose key is written as
/// rsaEncryption or as id-RSASSA-PSS (RFC 4055 allows both for one key); an EC key matches a
/// certificate with the same point, compressed or not, on the same named curve.
/// </para>
/// <para>
/// Nothing here returns, logs or puts into a message any byte of the key; the exceptions of the
/// cryptographic libraries, which may describe their input, are not passed on. The caller owns
/// the key bytes it passes and should zero them when done.
/// </para>
/// </remarks>
public sealed class PrivateKeyIdentity
{
    private const string EncryptedReason = "the key is encrypted";
    private const string UnsupportedAlgorithmReason = "the key algorithm is not supported";

    private const string RsaEncryptionOid = "1.2.840.113549.1.1.1"; // RFC 8017 A.1
    private const string EcPublicKeyOid = "1.2.840.10045.2.1"; // RFC 5480 2.1.1
    private const string DsaOid = "1.2.840.10040.4.1"; // RFC 3279 2.3.2

    private static readonly (string Oid, PublicKeyAlgorithm Algorithm)[] KnownAlgorithms =
    [
        (RsaEncryptionOid, PublicKeyAlgorithm.Rsa),
        ("1.2.840.113549.1.1.10", PublicKeyAlgorithm.RsaPss), // id-RSASSA-PSS, RFC 4055 3.1
        (EcPublicKeyOid, PublicKeyAlgorithm.EC),
        ("1.3.101.112", PublicKeyAlgorithm.Ed25519), // id-Ed25519, RFC 8410 3
        ("1.3.101.113", PublicKeyAlgorithm.Ed448), // id-Ed448, RFC 8410 3
        (DsaOid, PublicKeyAlgorithm.Dsa),
    ];

    /// <summary>The public key as a certificate's subjectPublicKey holds it; null when it could not be derived.</summary>
    private readonly byte[]? _publicKey;

    /// <summary>The named curve of an EC key, dotted; null for other keys and explicit curves.</summary>
    private readonly string? _curveOid;

    private PrivateKeyIdentity(PublicKeyAlgorithm algorithm, string? algorithmOid, bool isEncrypted, byte[]? publicKey, string? curveOid, string? unknownReason)
    {
        Algorithm = algorithm;
        AlgorithmOid = algorithmOid;
        IsEncrypted = isEncrypted;
        _publicKey = publicKey;
        _curveOid = curveOid;
        UnknownReason = unknownReason;
    }

    /// <summary>
    /// The key's algorithm family; <see cref="PublicKeyAlgorithm.Unknown"/> for encrypted keys,
    /// labels that do not say (<c>OPENSSH PRIVATE KEY</c>) and PKCS #8 algorithms not listed in
    /// <see cref="PublicKeyAlgorithm"/> (see <see cref="AlgorithmOid"/>).
    /// </summary>
    public PublicKeyAlgorithm Algorithm { get; }

    /// <summary>
    /// The key algorithm's identifier, dotted: the PKCS #8 privateKeyAlgorithm, or the one the
    /// encoding implies (<c>1.2.840.113549.1.1.1</c> for PKCS #1, <c>1.2.840.10045.2.1</c> for SEC 1);
    /// <see langword="null"/> when the block does not say (encrypted keys, <c>OPENSSH PRIVATE KEY</c>).
    /// </summary>
    public string? AlgorithmOid { get; }

    /// <summary>Whether the key is encrypted (PKCS #8 EncryptedPrivateKeyInfo, or legacy OpenSSL <c>Proc-Type: 4,ENCRYPTED</c>).</summary>
    public bool IsEncrypted { get; }

    /// <summary>
    /// Why <see cref="MatchesCertificate"/> answers <see cref="KeyMatch.Unknown"/>, e.g.
    /// <c>the key is encrypted</c>; <see langword="null"/> when the public key is known.
    /// </summary>
    public string? UnknownReason { get; }

    /// <summary>A short name of the algorithm for messages: <c>RSA</c>, <c>RSASSA-PSS</c>, <c>EC</c>, <c>Ed25519</c>, <c>Ed448</c>, <c>DSA</c>, <c>encrypted</c> or <c>unknown</c>.</summary>
    internal string AlgorithmDisplayName => IsEncrypted ? "encrypted" : Algorithm switch
    {
        PublicKeyAlgorithm.Rsa => "RSA",
        PublicKeyAlgorithm.RsaPss => "RSASSA-PSS",
        PublicKeyAlgorithm.EC => "EC",
        PublicKeyAlgorithm.Ed25519 => "Ed25519",
        PublicKeyAlgorithm.Ed448 => "Ed448",
        PublicKeyAlgorithm.Dsa => "DSA",
        _ => "unknown",
    };

    /// <summary>Identifies the key in a PEM block whose label names a private key (<see cref="PemBlock.IsPrivateKey"/>).</summary>
    /// <param name="block">The block; its data is read, not kept.</param>
    /// <param name="identity">The identity, when the block holds a key of the kind its label says (or a key that is identified without reading it: encrypted, or a label this reader does not decode).</param>
    /// <returns><see langword="false"/> when the data is not a valid key of the kind the label says.</returns>
    /// <exception cref="ArgumentException"><paramref name="block"/> is not a private key block.</exception>
    public static bool TryRead(PemBlock block, [NotNullWhen(true)] out PrivateKeyIdentity? identity)
    {
        if (!block.IsPrivateKey)
        {
            throw new ArgumentException($"The block is not a private key block: {block}.", nameof(block));
        }

        // RFC 1421 headers (Proc-Type: 4,ENCRYPTED): the body is ciphertext, whatever the label.
        if (block.HasEncapsulatedHeaders || block.Label == PemLabel.EncryptedPrivateKey)
        {
            identity = new PrivateKeyIdentity(PublicKeyAlgorithm.Unknown, null, isEncrypted: true, null, null, EncryptedReason);
            return true;
        }

        switch (block.Label)
        {
            case PemLabel.PrivateKey:
                return TryDecode(ReadPkcs8, block.Data, out identity);
            case PemLabel.RsaPrivateKey:
                return TryDecode(ReadRsaPkcs1, block.Data, out identity);
            case PemLabel.EcPrivateKey:
                return TryDecode(ReadEcSec1, block.Data, out identity);
            default:
                identity = ForOtherLabel(block.LabelText);
                return true;
        }
    }

    /// <summary>
    /// Identifies a DER private key without a label (a Secret key such as <c>tls.key</c> holding DER):
    /// the first of PKCS #8, PKCS #1 and SEC 1 that reads it.
    /// </summary>
    /// <param name="der">The DER bytes; read, not kept.</param>
    /// <param name="identity">The identity, when one of the encodings reads the bytes.</param>
    /// <returns><see langword="false"/> when no encoding reads the bytes as a whole.</returns>
    public static bool TryReadDer(ReadOnlyMemory<byte> der, [NotNullWhen(true)] out PrivateKeyIdentity? identity) =>
        TryDecode(ReadPkcs8, der, out identity)
        || TryDecode(ReadRsaPkcs1, der, out identity)
        || TryDecode(ReadEcSec1, der, out identity);

    /// <summary>Whether <paramref name="certificate"/>'s subject public key is this key's public key.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns>
    /// <see cref="KeyMatch.Matches"/> or <see cref="KeyMatch.DoesNotMatch"/>; <see cref="KeyMatch.Unknown"/>
    /// when the public key could not be derived (see <see cref="UnknownReason"/>).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="certificate"/> is <see langword="null"/>.</exception>
    public KeyMatch MatchesCertificate(DerCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (_publicKey is null)
        {
            return KeyMatch.Unknown;
        }

        ReadOnlySpan<byte> theirs = certificate.PublicKey.Span;
        bool same = (Algorithm, certificate.PublicKeyAlgorithm) switch
        {
            // Both subjectPublicKeys are an RSAPublicKey (RFC 4055 1.2), and DER is canonical.
            (PublicKeyAlgorithm.Rsa or PublicKeyAlgorithm.RsaPss, PublicKeyAlgorithm.Rsa or PublicKeyAlgorithm.RsaPss) => theirs.SequenceEqual(_publicKey),
            (PublicKeyAlgorithm.EC, PublicKeyAlgorithm.EC) => SameCurve(certificate) && SamePoint(theirs),

            // RFC 8410 4: the raw public key; RFC 3279 2.3.2: DSAPublicKey ::= INTEGER, canonical in DER.
            (PublicKeyAlgorithm.Ed25519, PublicKeyAlgorithm.Ed25519) or (PublicKeyAlgorithm.Ed448, PublicKeyAlgorithm.Ed448) or (PublicKeyAlgorithm.Dsa, PublicKeyAlgorithm.Dsa) => theirs.SequenceEqual(_publicKey),
            _ => false,
        };
        return same ? KeyMatch.Matches : KeyMatch.DoesNotMatch;
    }

    /// <summary>Names the algorithm only, e.g. <c>EC private key</c>; never the key.</summary>
    /// <returns>A description safe to print or log.</returns>
    public override string ToString() => AlgorithmDisplayName + " private key";

    private bool SameCurve(DerCertificate certificate) =>
        _curveOid is null || certificate.Curve is not { } curve || string.Equals(curve.ToString(), _curveOid, StringComparison.Ordinal);

    /// <summary>Compares EC points (SEC 1 2.3.3): ours is uncompressed (04 || X || Y); theirs may be compressed (02/03 || X).</summary>
    private bool SamePoint(ReadOnlySpan<byte> theirs)
    {
        ReadOnlySpan<byte> ours = _publicKey;
        if (theirs.IsEmpty || ours.IsEmpty)
        {
            return false;
        }

        if (theirs[0] is 0x02 or 0x03)
        {
            int coordinateLength = (ours.Length - 1) / 2;
            return theirs.Length == 1 + coordinateLength
                && theirs[1..].SequenceEqual(ours.Slice(1, coordinateLength))
                && (theirs[0] & 1) == (ours[^1] & 1);
        }

        return theirs.SequenceEqual(ours);
    }

    private static bool TryDecode(Func<ReadOnlyMemory<byte>, PrivateKeyIdentity> read, ReadOnlyMemory<byte> data, [NotNullWhen(true)] out PrivateKeyIdentity? identity)
    {
        try
        {
            identity = read(data);
            return true;
        }
        catch (Exception exception) when (exception is CryptographicException or AsnContentException)
        {
            // The exception's message is not passed on: a crypto library may describe the input.
            identity = null;
            return false;
        }
    }

    private static PrivateKeyIdentity ReadPkcs8(ReadOnlyMemory<byte> data)
    {
        // RFC 5208 5 / RFC 5958 2: PrivateKeyInfo ::= SEQUENCE { version, privateKeyAlgorithm, privateKey, ... }
        var outer = new AsnReader(data, AsnEncodingRules.BER);
        AsnReader info = outer.ReadSequence();
        outer.ThrowIfNotEmpty();
        _ = info.ReadInteger();
        string oid = info.ReadSequence().ReadObjectIdentifier();
        PublicKeyAlgorithm algorithm = Array.Find(KnownAlgorithms, entry => entry.Oid == oid).Algorithm;
        switch (algorithm)
        {
            case PublicKeyAlgorithm.Rsa:
                {
                    using var rsa = RSA.Create();
                    rsa.ImportPkcs8PrivateKey(data.Span, out int read);
                    EnsureLength(data.Span, read);
                    return ForKey(algorithm, oid, rsa.ExportRSAPublicKey(), null);
                }

            case PublicKeyAlgorithm.RsaPss:
                {
                    // .NET does not import id-RSASSA-PSS PKCS #8; the privateKey OCTET STRING is a PKCS #1 RSAPrivateKey (RFC 4055 1.2).
                    ReadOnlyMemory<byte> rsaPrivateKey = ReadPrimitiveOctetString(info);
                    using var rsa = RSA.Create();
                    rsa.ImportRSAPrivateKey(rsaPrivateKey.Span, out int read);
                    EnsureLength(rsaPrivateKey.Span, read);
                    return ForKey(algorithm, oid, rsa.ExportRSAPublicKey(), null);
                }

            case PublicKeyAlgorithm.EC:
                {
                    using var ecdsa = ECDsa.Create();
                    ecdsa.ImportPkcs8PrivateKey(data.Span, out int read);
                    EnsureLength(data.Span, read);
                    return FromSubjectPublicKeyInfo(algorithm, oid, ecdsa.ExportSubjectPublicKeyInfo());
                }

            case PublicKeyAlgorithm.Dsa:
                {
                    using var dsa = DSA.Create();
                    dsa.ImportPkcs8PrivateKey(data.Span, out int read);
                    EnsureLength(data.Span, read);
                    return FromSubjectPublicKeyInfo(algorithm, oid, dsa.ExportSubjectPublicKeyInfo());
                }

            case PublicKeyAlgorithm.Ed25519 or PublicKeyAlgorithm.Ed448:
                return ForKey(algorithm, oid, DeriveEdDsaPublicKey(algorithm, info), null);

            default:
                return new PrivateKeyIdentity(PublicKeyAlgorithm.Unknown, oid, isEncrypted: false, null, null, UnsupportedAlgorithmReason);
        }
    }

    private static PrivateKeyIdentity ReadRsaPkcs1(ReadOnlyMemory<byte> data)
    {
        // RFC 8017 A.1.2: RSAPrivateKey.
        using var rsa = RSA.Create();
        rsa.ImportRSAPrivateKey(data.Span, out int read);
        EnsureLength(data.Span, read);
        return ForKey(PublicKeyAlgorithm.Rsa, RsaEncryptionOid, rsa.ExportRSAPublicKey(), null);
    }

    private static PrivateKeyIdentity ReadEcSec1(ReadOnlyMemory<byte> data)
    {
        // RFC 5915 3: ECPrivateKey.
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportECPrivateKey(data.Span, out int read);
        EnsureLength(data.Span, read);
        return FromSubjectPublicKeyInfo(PublicKeyAlgorithm.EC, EcPublicKeyOid, ecdsa.ExportSubjectPublicKeyInfo());
    }

    private static PrivateKeyIdentity ForOtherLabel(string label) => label switch
    {
        // OpenSSL's traditional DSA key; .NET imports only PKCS #8 DSA keys.
        "DSA PRIVATE KEY" => new PrivateKeyIdentity(PublicKeyAlgorithm.Dsa, DsaOid, isEncrypted: false, null, null, "traditional DSA PRIVATE KEY blocks are not supported"),

        // The algorithm is inside OpenSSH's own format (and OPENSSH PRIVATE KEY), which is not read here.
        _ => new PrivateKeyIdentity(PublicKeyAlgorithm.Unknown, null, isEncrypted: false, null, null, $"{label} blocks are not supported"),
    };

    private static PrivateKeyIdentity ForKey(PublicKeyAlgorithm algorithm, string oid, byte[] publicKey, string? curveOid) =>
        new(algorithm, oid, isEncrypted: false, publicKey, curveOid, null);

    /// <summary>Takes the subjectPublicKey and named curve from the SubjectPublicKeyInfo .NET exports for the key (RFC 5280 4.1.2.7, RFC 5480 2.1.1).</summary>
    private static PrivateKeyIdentity FromSubjectPublicKeyInfo(PublicKeyAlgorithm algorithm, string oid, byte[] subjectPublicKeyInfo)
    {
        AsnReader spki = new AsnReader(subjectPublicKeyInfo, AsnEncodingRules.DER).ReadSequence();
        AsnReader algorithmIdentifier = spki.ReadSequence();
        _ = algorithmIdentifier.ReadObjectIdentifier();
        string? curveOid = algorithm == PublicKeyAlgorithm.EC
            && algorithmIdentifier.HasData
            && algorithmIdentifier.PeekTag().HasSameClassAndValue(Asn1Tag.ObjectIdentifier)
            ? algorithmIdentifier.ReadObjectIdentifier()
            : null;
        byte[] publicKey = spki.ReadBitString(out _);
        return ForKey(algorithm, oid, publicKey, curveOid);
    }

    /// <summary>
    /// Derives an EdDSA public key (RFC 8032 5.1.5 and 5.2.5) with BouncyCastle, which .NET cannot do.
    /// </summary>
    /// <remarks>
    /// The secret is read in place (a slice of the caller's bytes) and handed to BouncyCastle's
    /// RFC 8032 functions rather than to an <c>Ed25519PrivateKeyParameters</c>, which would keep a
    /// copy of it that nothing can zero.
    /// </remarks>
    private static byte[] DeriveEdDsaPublicKey(PublicKeyAlgorithm algorithm, AsnReader info)
    {
        // RFC 8410 7: privateKey is an OCTET STRING holding CurvePrivateKey ::= OCTET STRING.
        ReadOnlyMemory<byte> curvePrivateKey = ReadPrimitiveOctetString(info);
        var inner = new AsnReader(curvePrivateKey, AsnEncodingRules.BER);
        ReadOnlySpan<byte> secret = ReadPrimitiveOctetString(inner).Span;
        inner.ThrowIfNotEmpty();

        if (algorithm == PublicKeyAlgorithm.Ed25519)
        {
            EnsureLength(secret, Ed25519.SecretKeySize);
            byte[] publicKey = new byte[Ed25519.PublicKeySize];
            Ed25519.GeneratePublicKey(secret, publicKey);
            return publicKey;
        }
        else
        {
            EnsureLength(secret, Ed448.SecretKeySize);
            byte[] publicKey = new byte[Ed448.PublicKeySize];
            Ed448.GeneratePublicKey(secret, publicKey);
            return publicKey;
        }
    }

    private static void EnsureLength(ReadOnlySpan<byte> data, int length)
    {
        if (data.Length != length)
        {
            throw new CryptographicException();
        }
    }

    /// <summary>The contents of a primitive OCTET STRING, in place: no copy of key material to zero.</summary>
    private static ReadOnlyMemory<byte> ReadPrimitiveOctetString(AsnReader reader) =>
        reader.TryReadPrimitiveOctetString(out ReadOnlyMemory<byte> contents)
            ? contents
            : throw new CryptographicException();
}
