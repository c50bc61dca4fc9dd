using System.Formats.Asn1;
using System.Security.Cryptography;
using Golem.MeshPki.Certificates;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace Golem.MeshPki.Cli.Inspection;

/// <summary>
/// Decides whether a certificate is self-signed: self-issued (issuer equals subject, RFC 5280 6.1)
/// and its signature verifies with its own public key.
/// </summary>
/// <remarks>
/// <para>
/// Signature verification lives here until the core's validation engine has it (a later issue moves
/// it there). RSA, ECDSA and DSA are verified with .NET, Ed25519 and Ed448 with BouncyCastle.
/// </para>
/// <para>
/// "Self-signed" is a claim that the signature verifies, so a signature that cannot be verified gives
/// <see langword="false"/>, never a guess from the key identifiers: a self-issued certificate may be
/// signed by another key (a CA's key rollover certificate, RFC 4210 4.4). What cannot be verified:
/// hashes .NET does not offer (MD2, SHA-224), RSASSA-PSS with a mask hash other than the message hash
/// or a salt length other than the hash length, keys .NET cannot load (curves other than the NIST
/// ones on some platforms, explicit parameters), and key algorithms the core does not classify.
/// </para>
/// </remarks>
internal static class SelfSignature
{
    /// <summary>id-mgf1 (RFC 8017 B.2.1), the only mask generation function .NET's PSS uses.</summary>
    private const string Mgf1 = "1.2.840.113549.1.1.8";

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
                    if (RsaScheme(signatureAlgorithm, certificate.EncodedSignatureAlgorithm) is not { } scheme)
                    {
                        return false;
                    }

                    using var rsa = RSA.Create();

                    // The subjectPublicKey of both rsaEncryption and id-RSASSA-PSS is an RSAPublicKey (RFC 4055 1.2).
                    rsa.ImportRSAPublicKey(certificate.PublicKey.Span, out _);
                    return rsa.VerifyData(tbs, signature, scheme.Hash, scheme.Padding);
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

    /// <summary>The hash and padding of an RSA signature algorithm: <c>sha256WithRSAEncryption</c> is PKCS #1 v1.5 with SHA-256 (RFC 8017 A.2.4).</summary>
    private static (HashAlgorithmName Hash, RSASignaturePadding Padding)? RsaScheme(string? signatureAlgorithm, ReadOnlyMemory<byte> encodedAlgorithm)
    {
        const string Pkcs1Suffix = "WithRSAEncryption";
        if (signatureAlgorithm == "rsassaPss")
        {
            return PssScheme(encodedAlgorithm);
        }

        return signatureAlgorithm is not null
            && signatureAlgorithm.EndsWith(Pkcs1Suffix, StringComparison.Ordinal)
            && Hash(signatureAlgorithm[..^Pkcs1Suffix.Length]) is { } hash
                ? (hash, RSASignaturePadding.Pkcs1)
                : null;
    }

    /// <summary>
    /// Reads RSASSA-PSS-params (RFC 4055 3.1); .NET verifies PSS only with MGF1 over the same hash
    /// and a salt as long as the hash, which is what CAs write.
    /// </summary>
    private static (HashAlgorithmName, RSASignaturePadding)? PssScheme(ReadOnlyMemory<byte> encodedAlgorithm)
    {
        AsnReader algorithm = new AsnReader(encodedAlgorithm, AsnEncodingRules.DER).ReadSequence();
        algorithm.ReadObjectIdentifier();

        // RFC 4055 3.1: the defaults are SHA-1, MGF1 with SHA-1, and a 20-octet salt.
        HashAlgorithmName? hash = HashAlgorithmName.SHA1;
        HashAlgorithmName? mgfHash = HashAlgorithmName.SHA1;
        int saltLength = 20;
        if (algorithm.HasData)
        {
            AsnReader parameters = algorithm.ReadSequence();
            Asn1Tag hashTag = new(TagClass.ContextSpecific, 0, isConstructed: true);
            Asn1Tag mgfTag = new(TagClass.ContextSpecific, 1, isConstructed: true);
            Asn1Tag saltTag = new(TagClass.ContextSpecific, 2, isConstructed: true);
            if (parameters.HasData && parameters.PeekTag().HasSameClassAndValue(hashTag))
            {
                hash = HashOfOid(parameters.ReadSequence(hashTag).ReadSequence().ReadObjectIdentifier());
            }

            if (parameters.HasData && parameters.PeekTag().HasSameClassAndValue(mgfTag))
            {
                AsnReader mgf = parameters.ReadSequence(mgfTag).ReadSequence();
                if (mgf.ReadObjectIdentifier() != Mgf1)
                {
                    return null;
                }

                mgfHash = HashOfOid(mgf.ReadSequence().ReadObjectIdentifier());
            }

            if (parameters.HasData && parameters.PeekTag().HasSameClassAndValue(saltTag)
                && !parameters.ReadSequence(saltTag).TryReadInt32(out saltLength))
            {
                return null;
            }
        }

        if (hash is not { } messageHash || mgfHash != messageHash)
        {
            return null;
        }

        using IncrementalHash hasher = IncrementalHash.CreateHash(messageHash);
        return saltLength == hasher.HashLengthInBytes ? (messageHash, RSASignaturePadding.Pss) : null;
    }

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

    /// <summary>The hash a PSS parameter names, by .NET's own OID table; null for hashes .NET does not know.</summary>
    private static HashAlgorithmName? HashOfOid(string oid) => HashAlgorithmName.TryFromOid(oid, out HashAlgorithmName name) ? name : null;
}
