using System.Formats.Asn1;
using System.Security.Cryptography;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Cli.Inputs;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace Golem.MeshPki.Cli.Inspection;

/// <summary>What a private key is, and the public key it belongs to when that can be derived.</summary>
/// <param name="KeyAlgorithm">The algorithm's names (see <see cref="CertificateNames.KeyAlgorithm"/>), or <c>encrypted</c> / <c>unknown</c>.</param>
/// <param name="PublicKey">The public key's identity, or <see langword="null"/> when it cannot be derived.</param>
/// <param name="NotCheckedReason">Why <paramref name="PublicKey"/> is <see langword="null"/>.</param>
internal sealed record PrivateKeyFacts(KeyAlgorithmName KeyAlgorithm, PublicKeyIdentity? PublicKey, string? NotCheckedReason);

/// <summary>
/// Loads private keys with .NET (and EdDSA keys with BouncyCastle) to name their algorithm and derive
/// their public key, so that they can be matched to certificates. Nothing here returns, logs or puts
/// into a message any byte of the key.
/// </summary>
internal static class PrivateKeyInspector
{
    /// <summary>The keyAlgorithm reported for encrypted keys.</summary>
    private static readonly KeyAlgorithmName Encrypted = new("encrypted", "encrypted");

    /// <summary>The keyAlgorithm reported for blocks that do not say what algorithm they hold.</summary>
    private static readonly KeyAlgorithmName Unknown = new("unknown", "unknown");

    /// <summary>Identifies a key.</summary>
    /// <param name="key">The key material.</param>
    /// <returns>The facts, or <see langword="null"/> when the bytes are not a key of the kind the label says.</returns>
    public static PrivateKeyFacts? Inspect(PrivateKeyMaterial key)
    {
        try
        {
            return key.Encoding switch
            {
                PrivateKeyEncoding.Pkcs8 => InspectPkcs8(key.Data),
                PrivateKeyEncoding.RsaPkcs1 => InspectRsaPkcs1(key.Data),
                PrivateKeyEncoding.EcSec1 => InspectEcSec1(key.Data),
                PrivateKeyEncoding.Encrypted => new PrivateKeyFacts(Encrypted, null, "the key is encrypted"),
                PrivateKeyEncoding.OtherLabel => InspectOtherLabel(key.Label),
                _ => InspectUnlabelled(key.Data),
            };
        }
        catch (Exception exception) when (exception is CryptographicException or AsnContentException)
        {
            // The exception's message is not passed on: a crypto library may describe the input.
            return null;
        }
    }

    private static PrivateKeyFacts InspectPkcs8(ReadOnlyMemory<byte> data)
    {
        // RFC 5208 5 / RFC 5958 2: PrivateKeyInfo ::= SEQUENCE { version, privateKeyAlgorithm, privateKey, ... }
        AsnReader info = new AsnReader(data, AsnEncodingRules.BER).ReadSequence();
        _ = info.ReadInteger();
        string oid = info.ReadSequence().ReadObjectIdentifier();
        PublicKeyAlgorithm algorithm = PrivateKeyAlgorithms.Classify(oid);
        KeyAlgorithmName name = CertificateNames.KeyAlgorithm(algorithm, oid);
        switch (algorithm)
        {
            case PublicKeyAlgorithm.Rsa:
                {
                    using var rsa = RSA.Create();
                    rsa.ImportPkcs8PrivateKey(data.Span, out int read);
                    EnsureWhole(read, data);
                    return new PrivateKeyFacts(name, PublicKeyIdentity.ForRsa(rsa.ExportRSAPublicKey()), null);
                }

            case PublicKeyAlgorithm.RsaPss:
                {
                    // .NET does not import id-RSASSA-PSS PKCS #8; the privateKey OCTET STRING is a PKCS #1 RSAPrivateKey (RFC 4055 1.2).
                    ReadOnlyMemory<byte> rsaPrivateKey = ReadPrimitiveOctetString(info);
                    using var rsa = RSA.Create();
                    rsa.ImportRSAPrivateKey(rsaPrivateKey.Span, out int read);
                    EnsureWhole(read, rsaPrivateKey);
                    return new PrivateKeyFacts(name, PublicKeyIdentity.ForRsa(rsa.ExportRSAPublicKey()), null);
                }

            case PublicKeyAlgorithm.EC:
                {
                    using var ecdsa = ECDsa.Create();
                    ecdsa.ImportPkcs8PrivateKey(data.Span, out int read);
                    EnsureWhole(read, data);
                    return new PrivateKeyFacts(name, PublicKeyIdentity.ForSubjectPublicKeyInfo(ecdsa.ExportSubjectPublicKeyInfo()), null);
                }

            case PublicKeyAlgorithm.Dsa:
                {
                    using var dsa = DSA.Create();
                    dsa.ImportPkcs8PrivateKey(data.Span, out int read);
                    EnsureWhole(read, data);
                    return new PrivateKeyFacts(name, PublicKeyIdentity.ForSubjectPublicKeyInfo(dsa.ExportSubjectPublicKeyInfo()), null);
                }

            case PublicKeyAlgorithm.Ed25519 or PublicKeyAlgorithm.Ed448:
                return new PrivateKeyFacts(name, DeriveEdDsaPublicKey(algorithm, oid, info), null);

            default:
                return new PrivateKeyFacts(name, null, "the key algorithm is not supported");
        }
    }

    /// <summary>
    /// Derives an EdDSA public key (RFC 8032 5.1.5 and 5.2.5) with BouncyCastle, which .NET cannot do.
    /// </summary>
    /// <remarks>
    /// The secret is read in place (a slice of the input, which the reader zeroes) and handed to
    /// BouncyCastle's RFC 8032 functions rather than to an <c>Ed25519PrivateKeyParameters</c>, which
    /// would keep a copy of it that nothing can zero.
    /// </remarks>
    private static PublicKeyIdentity DeriveEdDsaPublicKey(PublicKeyAlgorithm algorithm, string oid, AsnReader info)
    {
        // RFC 8410 7: privateKey is an OCTET STRING holding CurvePrivateKey ::= OCTET STRING.
        ReadOnlyMemory<byte> curvePrivateKey = ReadPrimitiveOctetString(info);
        var inner = new AsnReader(curvePrivateKey, AsnEncodingRules.BER);
        ReadOnlySpan<byte> secret = ReadPrimitiveOctetString(inner).Span;
        inner.ThrowIfNotEmpty();

        Span<byte> publicKey = stackalloc byte[Ed448.PublicKeySize];
        if (algorithm == PublicKeyAlgorithm.Ed25519)
        {
            EnsureLength(secret, Ed25519.SecretKeySize);
            publicKey = publicKey[..Ed25519.PublicKeySize];
            Ed25519.GeneratePublicKey(secret, publicKey);
        }
        else
        {
            EnsureLength(secret, Ed448.SecretKeySize);
            Ed448.GeneratePublicKey(secret, publicKey);
        }

        // RFC 8410 4: SubjectPublicKeyInfo with the same identifier, parameters absent, the key as the BIT STRING.
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(oid);
            }

            writer.WriteBitString(publicKey);
        }

        return PublicKeyIdentity.ForSubjectPublicKeyInfo(writer.Encode());
    }

    private static PrivateKeyFacts InspectRsaPkcs1(ReadOnlyMemory<byte> data)
    {
        using var rsa = RSA.Create();
        rsa.ImportRSAPrivateKey(data.Span, out int read);
        EnsureWhole(read, data);
        return new PrivateKeyFacts(PrivateKeyAlgorithms.Name(PublicKeyAlgorithm.Rsa), PublicKeyIdentity.ForRsa(rsa.ExportRSAPublicKey()), null);
    }

    private static PrivateKeyFacts InspectEcSec1(ReadOnlyMemory<byte> data)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportECPrivateKey(data.Span, out int read);
        EnsureWhole(read, data);
        return new PrivateKeyFacts(PrivateKeyAlgorithms.Name(PublicKeyAlgorithm.EC), PublicKeyIdentity.ForSubjectPublicKeyInfo(ecdsa.ExportSubjectPublicKeyInfo()), null);
    }

    private static PrivateKeyFacts InspectOtherLabel(string label) => label switch
    {
        // OpenSSL's traditional DSA key; .NET imports only PKCS #8 DSA keys.
        "DSA PRIVATE KEY" => new PrivateKeyFacts(PrivateKeyAlgorithms.Name(PublicKeyAlgorithm.Dsa), null, "traditional DSA PRIVATE KEY blocks are not supported"),

        // The algorithm is inside OpenSSH's own format, which meshpki does not read.
        "OPENSSH PRIVATE KEY" => new PrivateKeyFacts(Unknown with { DisplayName = "OpenSSH" }, null, "OPENSSH PRIVATE KEY blocks are not supported"),
        _ => new PrivateKeyFacts(Unknown, null, $"{label} blocks are not supported"),
    };

    /// <summary>DER without a label: the first of PKCS #8, PKCS #1 and SEC 1 that reads it.</summary>
    private static PrivateKeyFacts InspectUnlabelled(ReadOnlyMemory<byte> data)
    {
        foreach (Func<ReadOnlyMemory<byte>, PrivateKeyFacts> attempt in (Func<ReadOnlyMemory<byte>, PrivateKeyFacts>[])[InspectPkcs8, InspectRsaPkcs1, InspectEcSec1])
        {
            try
            {
                return attempt(data);
            }
            catch (Exception exception) when (exception is CryptographicException or AsnContentException)
            {
                // Try the next encoding.
            }
        }

        throw new CryptographicException();
    }

    private static void EnsureWhole(int read, ReadOnlyMemory<byte> data) => EnsureLength(data.Span, read);

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

    /// <summary>
    /// The PKCS #8 privateKeyAlgorithm identifiers meshpki reads, dotted: the one place the CLI knows
    /// algorithms by OID. Certificates need no such table: the core classifies their keys
    /// (<see cref="DerCertificate.PublicKeyAlgorithm"/>).
    /// </summary>
    private static class PrivateKeyAlgorithms
    {
        private static readonly (string Oid, PublicKeyAlgorithm Algorithm)[] Known =
        [
            ("1.2.840.113549.1.1.1", PublicKeyAlgorithm.Rsa), // rsaEncryption, RFC 8017 A.1
            ("1.2.840.113549.1.1.10", PublicKeyAlgorithm.RsaPss), // id-RSASSA-PSS, RFC 4055 3.1
            ("1.2.840.10045.2.1", PublicKeyAlgorithm.EC), // id-ecPublicKey, RFC 5480 2.1.1
            ("1.3.101.112", PublicKeyAlgorithm.Ed25519), // id-Ed25519, RFC 8410 3
            ("1.3.101.113", PublicKeyAlgorithm.Ed448), // id-Ed448, RFC 8410 3
            ("1.2.840.10040.4.1", PublicKeyAlgorithm.Dsa), // id-dsa, RFC 3279 2.3.2
        ];

        /// <summary>The family of a privateKeyAlgorithm identifier; <see cref="PublicKeyAlgorithm.Unknown"/> for others.</summary>
        public static PublicKeyAlgorithm Classify(string oid) =>
            Array.Find(Known, entry => entry.Oid == oid).Algorithm;

        /// <summary>The names of a key whose family its encoding says (PKCS #1 is RSA, SEC 1 is EC).</summary>
        public static KeyAlgorithmName Name(PublicKeyAlgorithm algorithm) =>
            CertificateNames.KeyAlgorithm(algorithm, Array.Find(Known, entry => entry.Algorithm == algorithm).Oid);
    }
}
