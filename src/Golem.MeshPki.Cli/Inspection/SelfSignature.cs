using System.Formats.Asn1;
using System.Security.Cryptography;
using Golem.MeshPki.Certificates;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Utilities;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Golem.MeshPki.Cli.Inspection;

/// <summary>
/// Decides whether a certificate is self-signed: self-issued (issuer equals subject, RFC 5280 6.1)
/// and its signature verifies with its own public key.
/// </summary>
/// <remarks>
/// <para>
/// Signature verification lives here until the core's validation engine has it (a later issue moves
/// it there). RSA PKCS #1 v1.5, ECDSA and DSA are verified with .NET; RSASSA-PSS, Ed25519 and Ed448
/// with BouncyCastle. .NET's PSS takes only MGF1 over the message hash and a salt as long as the hash,
/// while <c>openssl req</c> writes the longest salt the key allows by default, so PSS is verified with
/// whatever parameters the signature's AlgorithmIdentifier names.
/// </para>
/// <para>
/// "Self-signed" is a claim that the signature verifies, so a signature that cannot be verified gives
/// <see langword="false"/>, never a guess from the key identifiers: a self-issued certificate may be
/// signed by another key (a CA's key rollover certificate, RFC 4210 4.4). What cannot be verified:
/// PKCS #1 v1.5 and ECDSA with hashes .NET does not offer (MD2, SHA-224); RSASSA-PSS with a hash other
/// than the five of RFC 4055 (SHA-1, SHA-224, SHA-256, SHA-384, SHA-512), a mask generation function
/// other than MGF1, a trailer field other than 1, or without its parameters; keys .NET cannot load
/// (curves other than the NIST ones on some platforms, explicit parameters); and key algorithms the
/// core does not classify.
/// </para>
/// </remarks>
internal static class SelfSignature
{
    /// <summary>id-mgf1 (RFC 8017 B.2.1), the only mask generation function RFC 4055 defines for PSS.</summary>
    private const string Mgf1 = "1.2.840.113549.1.1.8";

    /// <summary>OpenSSL's name for id-RSASSA-PSS (RFC 4055 3.1).</summary>
    private const string RsassaPss = "rsassaPss";

    /// <summary>Whether <paramref name="certificate"/> is self-signed.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns>True when self-issued and the signature verifies with its own key.</returns>
    public static bool IsSelfSigned(DerCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (!certificate.IsSelfIssued)
        {
            return false;
        }

        try
        {
            return VerifiesWithOwnKey(certificate);
        }
        catch (Exception exception) when (exception is CryptographicException or PlatformNotSupportedException or AsnContentException)
        {
            // .NET could not load the key or use the hash, or the PSS parameters are malformed:
            // the signature is not verified, so the certificate is not reported as self-signed.
            return false;
        }
    }

    private static bool VerifiesWithOwnKey(DerCertificate certificate)
    {
        // The core names signature algorithms as OpenSSL does; null for identifiers it does not know.
        string? signatureAlgorithm = certificate.SignatureAlgorithm.FriendlyName;
        ReadOnlySpan<byte> tbs = certificate.TbsCertificate.Span;
        ReadOnlySpan<byte> signature = certificate.Signature.Span;
        switch (certificate.PublicKeyAlgorithm)
        {
            case PublicKeyAlgorithm.Rsa or PublicKeyAlgorithm.RsaPss:
                {
                    // The subjectPublicKey of both rsaEncryption and id-RSASSA-PSS is an RSAPublicKey (RFC 4055 1.2).
                    if (signatureAlgorithm == RsassaPss)
                    {
                        return PssParameters(certificate.EncodedSignatureAlgorithm) is { } pss
                            && VerifyPss(pss, certificate.PublicKey, tbs, signature);
                    }

                    if (Pkcs1Hash(signatureAlgorithm) is not { } hash)
                    {
                        return false;
                    }

                    using var rsa = RSA.Create();
                    rsa.ImportRSAPublicKey(certificate.PublicKey.Span, out _);
                    return rsa.VerifyData(tbs, signature, hash, RSASignaturePadding.Pkcs1);
                }

            case PublicKeyAlgorithm.EC:
                {
                    if (HashAfter(signatureAlgorithm, "ecdsa-with-") is not { } hash)
                    {
                        return false;
                    }

                    using var ecdsa = ECDsa.Create();
                    ecdsa.ImportSubjectPublicKeyInfo(certificate.SubjectPublicKeyInfo.Span, out _);

                    // RFC 3279 2.2.3: Ecdsa-Sig-Value is a DER SEQUENCE of r and s.
                    return ecdsa.VerifyData(tbs, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
                }

            case PublicKeyAlgorithm.Dsa:
                {
                    // OpenSSL writes dsaWithSHA1 and dsa_with_SHA256.
                    if ((HashAfter(signatureAlgorithm, "dsaWith") ?? HashAfter(signatureAlgorithm, "dsa_with_")) is not { } hash)
                    {
                        return false;
                    }

                    using var dsa = DSA.Create();
                    dsa.ImportSubjectPublicKeyInfo(certificate.SubjectPublicKeyInfo.Span, out _);
                    return dsa.VerifyData(tbs, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
                }

            case PublicKeyAlgorithm.Ed25519:
                // RFC 8410 6: the signature algorithm is the key's own identifier. The key is the
                // subjectPublicKey the core has already read, so it is not parsed a second time.
                return signatureAlgorithm == "ED25519"
                    && certificate.PublicKey.Length == Ed25519PublicKeyParameters.KeySize
                    && VerifyEdDsa(new Ed25519Signer(), new Ed25519PublicKeyParameters(certificate.PublicKey.Span), tbs, signature);

            case PublicKeyAlgorithm.Ed448:
                // RFC 8410 6: Ed448 in X.509 signs with an empty context.
                return signatureAlgorithm == "ED448"
                    && certificate.PublicKey.Length == Ed448PublicKeyParameters.KeySize
                    && VerifyEdDsa(new Ed448Signer([]), new Ed448PublicKeyParameters(certificate.PublicKey.Span), tbs, signature);

            default:
                // A key algorithm the core does not classify: nothing to verify with.
                return false;
        }
    }

    private static bool VerifyEdDsa(ISigner signer, AsymmetricKeyParameter publicKey, ReadOnlySpan<byte> tbs, ReadOnlySpan<byte> signature)
    {
        signer.Init(forSigning: false, publicKey);
        signer.BlockUpdate(tbs);
        return signer.VerifySignature(signature.ToArray());
    }

    /// <summary>The hash of an RSA PKCS #1 v1.5 signature algorithm: <c>sha256WithRSAEncryption</c> is SHA-256 (RFC 8017 A.2.4).</summary>
    private static HashAlgorithmName? Pkcs1Hash(string? signatureAlgorithm)
    {
        const string Pkcs1Suffix = "WithRSAEncryption";
        return signatureAlgorithm is not null && signatureAlgorithm.EndsWith(Pkcs1Suffix, StringComparison.Ordinal)
            ? Hash(signatureAlgorithm[..^Pkcs1Suffix.Length])
            : null;
    }

    /// <summary>
    /// Reads RSASSA-PSS-params (RFC 4055 3.1) from the signature's AlgorithmIdentifier; null when they
    /// name something this class does not verify (a mask generation function other than MGF1, a trailer
    /// field other than 1, a negative salt length) or are absent, which RFC 4055 3.1 does not allow.
    /// </summary>
    /// <exception cref="AsnContentException">The parameters are not DER RSASSA-PSS-params.</exception>
    private static PssParams? PssParameters(ReadOnlyMemory<byte> encodedAlgorithm)
    {
        AsnReader algorithm = new AsnReader(encodedAlgorithm, AsnEncodingRules.DER).ReadSequence();
        algorithm.ReadObjectIdentifier();
        if (!algorithm.HasData)
        {
            return null;
        }

        // RFC 4055 3.1: the defaults are SHA-1, MGF1 with SHA-1, a 20-octet salt and trailer field 1 (0xBC).
        const string Sha1 = "1.3.14.3.2.26";
        string hash = Sha1;
        string mgfHash = Sha1;
        int saltLength = 20;
        int trailerField = 1;
        AsnReader parameters = algorithm.ReadSequence();
        algorithm.ThrowIfNotEmpty();
        Asn1Tag hashTag = new(TagClass.ContextSpecific, 0, isConstructed: true);
        Asn1Tag mgfTag = new(TagClass.ContextSpecific, 1, isConstructed: true);
        Asn1Tag saltTag = new(TagClass.ContextSpecific, 2, isConstructed: true);
        Asn1Tag trailerTag = new(TagClass.ContextSpecific, 3, isConstructed: true);
        if (parameters.HasData && parameters.PeekTag().HasSameClassAndValue(hashTag))
        {
            AsnReader explicitHash = parameters.ReadSequence(hashTag);
            hash = HashAlgorithmOid(explicitHash.ReadSequence());
            explicitHash.ThrowIfNotEmpty();
        }

        if (parameters.HasData && parameters.PeekTag().HasSameClassAndValue(mgfTag))
        {
            AsnReader explicitMgf = parameters.ReadSequence(mgfTag);
            AsnReader mgf = explicitMgf.ReadSequence();
            explicitMgf.ThrowIfNotEmpty();
            if (mgf.ReadObjectIdentifier() != Mgf1)
            {
                return null;
            }

            // MGF1's parameters are the AlgorithmIdentifier of its hash (RFC 8017 B.2.1).
            mgfHash = HashAlgorithmOid(mgf.ReadSequence());
            mgf.ThrowIfNotEmpty();
        }

        if (parameters.HasData && parameters.PeekTag().HasSameClassAndValue(saltTag))
        {
            AsnReader explicitSalt = parameters.ReadSequence(saltTag);
            if (!explicitSalt.TryReadInt32(out saltLength) || saltLength < 0)
            {
                return null;
            }

            explicitSalt.ThrowIfNotEmpty();
        }

        if (parameters.HasData && parameters.PeekTag().HasSameClassAndValue(trailerTag))
        {
            AsnReader explicitTrailer = parameters.ReadSequence(trailerTag);
            if (!explicitTrailer.TryReadInt32(out trailerField))
            {
                return null;
            }

            explicitTrailer.ThrowIfNotEmpty();
        }

        parameters.ThrowIfNotEmpty();

        // RFC 4055 3.1: trailerField 1 is the 0xBC octet of RFC 8017 9.1.1, the only one defined.
        return trailerField == 1 ? new PssParams(hash, mgfHash, saltLength) : null;
    }

    /// <summary>The OID of a HashAlgorithm (RFC 4055 2.1): an AlgorithmIdentifier whose parameters are NULL or absent.</summary>
    private static string HashAlgorithmOid(AsnReader algorithmIdentifier)
    {
        string oid = algorithmIdentifier.ReadObjectIdentifier();
        if (algorithmIdentifier.HasData)
        {
            algorithmIdentifier.ReadNull();
        }

        algorithmIdentifier.ThrowIfNotEmpty();
        return oid;
    }

    /// <summary>Verifies an RSASSA-PSS signature (RFC 8017 8.1.2) with BouncyCastle, which takes any salt length and mask hash.</summary>
    /// <exception cref="AsnContentException">The subjectPublicKey is not a DER RSAPublicKey.</exception>
    private static bool VerifyPss(PssParams pss, ReadOnlyMemory<byte> rsaPublicKey, ReadOnlySpan<byte> tbs, ReadOnlySpan<byte> signature)
    {
        if (PssDigest(pss.HashOid) is not { } contentDigest || PssDigest(pss.MgfHashOid) is not { } mgfDigest)
        {
            return false;
        }

        // RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } (RFC 8017 A.1.1).
        AsnReader outer = new(rsaPublicKey, AsnEncodingRules.DER);
        AsnReader key = outer.ReadSequence();
        outer.ThrowIfNotEmpty();
        BcBigInteger modulus = new(key.ReadIntegerBytes().ToArray());
        BcBigInteger exponent = new(key.ReadIntegerBytes().ToArray());
        key.ThrowIfNotEmpty();

        // RFC 8017 8.1.2 step 1: the signature is exactly as long as the modulus.
        if (modulus.SignValue <= 0 || signature.Length != (modulus.BitLength + 7) / 8)
        {
            return false;
        }

        try
        {
            // BouncyCastle 2.x's public RsaKeyParameters constructor validates the modulus: odd, no prime
            // factor below 744, under Org.BouncyCastle.Rsa.MaxSize, and then Miller-Rabin rounds to show it
            // is composite. Those rounds are full-size modular exponentiations, measured (BouncyCastle 2.7.0,
            // Release) at ~25 ms for a 2048-bit modulus, ~90 ms for 4096 and ~700 ms for 8192, against
            // well under 1 ms for the verification itself. The overload that skips validation is internal
            // to BouncyCastle, so the rounds are turned off for this one construction, on this thread only,
            // with BouncyCastle's own setting; the cheap checks stay. What the rounds would reject (a prime
            // modulus) does not change whether the signature verifies with the key, which is all
            // selfSigned claims, and .NET checks no more than this for PKCS #1 v1.5.
            RsaKeyParameters publicKey = Properties.WithThreadProperty(
                Properties.RsaMaxMRTests,
                "0",
                (modulus, exponent),
                static key => new RsaKeyParameters(isPrivate: false, key.modulus, key.exponent));

            // trailerField 1 is PssSigner's default trailer, 0xBC.
            var signer = new PssSigner(new RsaBlindedEngine(), contentDigest, mgfDigest, pss.SaltLength);
            signer.Init(forSigning: false, publicKey);
            signer.BlockUpdate(tbs);
            return signer.VerifySignature(signature.ToArray());
        }
        catch (Exception exception) when (exception is ArgumentException or CryptoException)
        {
            // The key fails BouncyCastle's checks (even exponent, modulus with a small factor), the key is
            // too short for the hash and salt (RFC 8017 9.1.1 step 3), or the signature is not below the
            // modulus: the signature is not verified.
            return false;
        }
    }

    /// <summary>BouncyCastle's digest for a hash RFC 4055 2.1 allows in RSASSA-PSS-params; null for any other.</summary>
    private static IDigest? PssDigest(string oid) => oid switch
    {
        "1.3.14.3.2.26" => new Sha1Digest(),
        "2.16.840.1.101.3.4.2.4" => new Sha224Digest(),
        "2.16.840.1.101.3.4.2.1" => new Sha256Digest(),
        "2.16.840.1.101.3.4.2.2" => new Sha384Digest(),
        "2.16.840.1.101.3.4.2.3" => new Sha512Digest(),
        _ => null,
    };

    /// <summary>The hash after <paramref name="prefix"/> in an OpenSSL signature algorithm name: <c>ecdsa-with-SHA384</c> is SHA-384.</summary>
    private static HashAlgorithmName? HashAfter(string? signatureAlgorithm, string prefix) =>
        signatureAlgorithm is not null && signatureAlgorithm.StartsWith(prefix, StringComparison.Ordinal)
            ? Hash(signatureAlgorithm[prefix.Length..])
            : null;

    /// <summary>The .NET hash for OpenSSL's hash part of a name (<c>sha256</c>, <c>SHA256</c>); null for those .NET does not verify with.</summary>
    private static HashAlgorithmName? Hash(string name) => name.ToUpperInvariant() switch
    {
        "MD5" => HashAlgorithmName.MD5,
        "SHA1" => HashAlgorithmName.SHA1,
        "SHA256" => HashAlgorithmName.SHA256,
        "SHA384" => HashAlgorithmName.SHA384,
        "SHA512" => HashAlgorithmName.SHA512,
        _ => null,
    };

    /// <summary>RSASSA-PSS-params that this class verifies: the hash and MGF1 hash OIDs, and the salt length in octets.</summary>
    private readonly record struct PssParams(string HashOid, string MgfHashOid, int SaltLength);
}
