using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace Golem.MeshPki.Tests.TestCertificates;

/// <summary>
/// A signature algorithm a <see cref="SigningKey"/> signs test certificates with: the AlgorithmIdentifier it
/// writes (RFC 4055, RFC 5758, RFC 8410) and how BouncyCastle makes the signature. Covers what
/// <see cref="SignatureScheme"/> does not: SHA-1, MD5 and SHA-512 PKCS #1, RSASSA-PSS with any hash and
/// salt length, Ed448.
/// </summary>
public sealed class TestSignatureAlgorithm
{
    private const string Mgf1 = "1.2.840.113549.1.1.8";
    private const string RsassaPss = "1.2.840.113549.1.1.10";

    private readonly Func<AsymmetricKeyParameter, byte[], byte[]> _sign;

    private TestSignatureAlgorithm(string name, byte[] identifier, Func<AsymmetricKeyParameter, byte[], byte[]> sign)
    {
        Name = name;
        Identifier = identifier;
        _sign = sign;
    }

    public static TestSignatureAlgorithm Md5WithRsa { get; } = Pkcs1("md5WithRSAEncryption", "1.2.840.113549.1.1.4", "MD5WITHRSA");

    public static TestSignatureAlgorithm RsaPkcs1Sha1 { get; } = Pkcs1("sha1WithRSAEncryption", "1.2.840.113549.1.1.5", "SHA1WITHRSA");

    public static TestSignatureAlgorithm RsaPkcs1Sha256 { get; } = Pkcs1("sha256WithRSAEncryption", "1.2.840.113549.1.1.11", "SHA256WITHRSA");

    public static TestSignatureAlgorithm RsaPkcs1Sha384 { get; } = Pkcs1("sha384WithRSAEncryption", "1.2.840.113549.1.1.12", "SHA384WITHRSA");

    public static TestSignatureAlgorithm RsaPkcs1Sha512 { get; } = Pkcs1("sha512WithRSAEncryption", "1.2.840.113549.1.1.13", "SHA512WITHRSA");

    public static TestSignatureAlgorithm EcdsaSha1 { get; } = Ecdsa("ecdsa-with-SHA1", "1.2.840.10045.4.1", "SHA1WITHECDSA");

    public static TestSignatureAlgorithm EcdsaSha256 { get; } = Ecdsa("ecdsa-with-SHA256", "1.2.840.10045.4.3.2", "SHA256WITHECDSA");

    public static TestSignatureAlgorithm EcdsaSha384 { get; } = Ecdsa("ecdsa-with-SHA384", "1.2.840.10045.4.3.3", "SHA384WITHECDSA");

    public static TestSignatureAlgorithm EcdsaSha512 { get; } = Ecdsa("ecdsa-with-SHA512", "1.2.840.10045.4.3.4", "SHA512WITHECDSA");

    /// <summary>Ed25519 (RFC 8410 3: the identifier has no parameters).</summary>
    public static TestSignatureAlgorithm Ed25519 { get; } = new("Ed25519", Der.Seq(Der.Oid("1.3.101.112")), static (key, data) => Sign(new Ed25519Signer(), key, data));

    /// <summary>Ed448 with an empty context (RFC 8410 6).</summary>
    public static TestSignatureAlgorithm Ed448 { get; } = new("Ed448", Der.Seq(Der.Oid("1.3.101.113")), static (key, data) => Sign(new Ed448Signer([]), key, data));

    /// <summary>RSASSA-PSS with every parameter at its RFC 4055 3.1 default (SHA-1, MGF1 with SHA-1, a 20-octet salt): an empty parameters SEQUENCE.</summary>
    public static TestSignatureAlgorithm RsaPssSha1DefaultParameters { get; } = new(
        "rsassaPss (SHA-1, MGF1 SHA-1, salt 20: default parameters)",
        Der.Seq(Der.Oid(RsassaPss), Der.Seq()),
        static (key, data) => Sign(new PssSigner(new RsaBlindedEngine(), new Sha1Digest(), new Sha1Digest(), 20), key, data));

    /// <summary>The algorithm's name as the tests show it.</summary>
    public string Name { get; }

    /// <summary>The AlgorithmIdentifier DER written into the certificate (both tbsCertificate.signature and signatureAlgorithm).</summary>
    public byte[] Identifier { get; }

    /// <summary>
    /// RSASSA-PSS with <paramref name="hash"/> for the content and MGF1 and a salt of <paramref name="saltLength"/>
    /// octets, parameters written explicitly as RFC 4055 3.1 and CA/B Forum BR 7.1.3.2.1 do (salt omitted when 20, its default).
    /// </summary>
    /// <param name="hash">SHA-256, SHA-384 or SHA-512.</param>
    /// <param name="saltLength">The salt length in octets (the hash length is usual; the maximum is emLen - hLen - 2).</param>
    public static TestSignatureAlgorithm RsaPss(HashAlgorithmName hash, int saltLength)
    {
        (string oid, Func<IDigest> digest) = hash.Name switch
        {
            "SHA256" => ("2.16.840.1.101.3.4.2.1", (Func<IDigest>)(static () => new Sha256Digest())),
            "SHA384" => ("2.16.840.1.101.3.4.2.2", static () => new Sha384Digest()),
            "SHA512" => ("2.16.840.1.101.3.4.2.3", static () => new Sha512Digest()),
            _ => throw new ArgumentOutOfRangeException(nameof(hash), hash, "PSS tests use SHA-2."),
        };
        byte[] hashAlgorithm = Der.Seq(Der.Oid(oid), Der.NullValue());
        List<byte[]> parameters =
        [
            Der.Constructed(Der.ContextConstructed(0), hashAlgorithm),
            Der.Constructed(Der.ContextConstructed(1), Der.Seq(Der.Oid(Mgf1), hashAlgorithm)),
        ];
        if (saltLength != 20)
        {
            parameters.Add(Der.Constructed(Der.ContextConstructed(2), Der.IntegerValue(saltLength)));
        }

        return new TestSignatureAlgorithm(
            $"rsassaPss ({hash.Name}, salt {saltLength})",
            Der.Seq(Der.Oid(RsassaPss), Der.Seq(parameters)),
            (key, data) => Sign(new PssSigner(new RsaBlindedEngine(), digest(), digest(), saltLength), key, data));
    }

    /// <summary>The longest PSS salt an RSA key of <paramref name="modulusBits"/> allows with <paramref name="hash"/>: emLen - hLen - 2 (RFC 8017 9.1.1).</summary>
    public static int MaximumPssSaltLength(int modulusBits, HashAlgorithmName hash)
    {
        int emLength = (modulusBits - 1 + 7) / 8;
        int hashLength = hash.Name switch { "SHA256" => 32, "SHA384" => 48, _ => 64 };
        return emLength - hashLength - 2;
    }

    /// <summary>Signs <paramref name="data"/> with <paramref name="privateKey"/>.</summary>
    public byte[] Sign(AsymmetricKeyParameter privateKey, byte[] data) => _sign(privateKey, data);

    /// <inheritdoc />
    public override string ToString() => Name;

    private static TestSignatureAlgorithm Pkcs1(string name, string oid, string bouncyCastleName) =>
        new(name, Der.Seq(Der.Oid(oid), Der.NullValue()), (key, data) => Sign(SignerUtilities.GetSigner(bouncyCastleName), key, data));

    // RFC 5758 3.2: the ECDSA identifiers have no parameters; BouncyCastle writes the DER SEQUENCE of r and s.
    private static TestSignatureAlgorithm Ecdsa(string name, string oid, string bouncyCastleName) =>
        new(name, Der.Seq(Der.Oid(oid)), (key, data) => Sign(SignerUtilities.GetSigner(bouncyCastleName), key, data));

    private static byte[] Sign(ISigner signer, AsymmetricKeyParameter key, byte[] data)
    {
        signer.Init(forSigning: true, key);
        signer.BlockUpdate(data, 0, data.Length);
        return signer.GenerateSignature();
    }
}
