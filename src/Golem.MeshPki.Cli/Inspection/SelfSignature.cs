using System.Formats.Asn1;
using System.Security.Cryptography;
using Golem.MeshPki.Certificates;

namespace Golem.MeshPki.Cli.Inspection;

/// <summary>
/// Decides whether a certificate is self-signed: self-issued (issuer equals subject, RFC 5280 6.1)
/// and its signature verifies with its own public key.
/// </summary>
/// <remarks>
/// Signature verification lives here until the core's validation engine has it (a later issue moves
/// it there). Where .NET cannot verify the signature (Ed25519 and Ed448, RSA-PSS with a salt length or
/// mask hash other than the hash's, SHA-224, unknown algorithms), the answer falls back to the key
/// identifiers: self-issued, and no authority key identifier or one equal to the subject key identifier.
/// </remarks>
internal static class SelfSignature
{
    /// <summary>Whether <paramref name="certificate"/> is self-signed.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns>True when self-issued and signed by its own key.</returns>
    public static bool IsSelfSigned(DerCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (!certificate.IsSelfIssued)
        {
            return false;
        }

        try
        {
            bool? verified = TryVerify(certificate);
            if (verified is { } result)
            {
                return result;
            }
        }
        catch (Exception exception) when (exception is CryptographicException or PlatformNotSupportedException or AsnContentException)
        {
            // A key .NET cannot load (an unsupported curve, explicit parameters): not a verdict.
        }

        ReadOnlySpan<byte> authorityKeyId = certificate.AuthorityKeyIdentifier.Span;
        return authorityKeyId.IsEmpty || authorityKeyId.SequenceEqual(certificate.SubjectKeyIdentifier.Span);
    }

    /// <summary>Verifies the signature with the certificate's own key; <see langword="null"/> when it cannot be checked here.</summary>
    private static bool? TryVerify(DerCertificate certificate)
    {
        string signatureOid = certificate.SignatureAlgorithm.ToString();
        ReadOnlySpan<byte> tbs = certificate.TbsCertificate.Span;
        ReadOnlySpan<byte> signature = certificate.Signature.Span;
        switch (certificate.PublicKeyAlgorithm)
        {
            case PublicKeyAlgorithm.Rsa or PublicKeyAlgorithm.RsaPss:
                {
                    (HashAlgorithmName Hash, RSASignaturePadding Padding)? scheme = RsaScheme(signatureOid, certificate.EncodedSignatureAlgorithm);
                    if (scheme is not { } rsaScheme)
                    {
                        return IsEcdsaOrDsa(signatureOid) ? false : null;
                    }

                    using var rsa = RSA.Create();

                    // The subjectPublicKey of both rsaEncryption and id-RSASSA-PSS is an RSAPublicKey (RFC 4055 1.2).
                    rsa.ImportRSAPublicKey(certificate.PublicKey.Span, out _);
                    return rsa.VerifyData(tbs, signature, rsaScheme.Hash, rsaScheme.Padding);
                }

            case PublicKeyAlgorithm.EC:
                {
                    if (EcdsaHash(signatureOid) is not { } hash)
                    {
                        return IsRsa(signatureOid) ? false : null;
                    }

                    using var ecdsa = ECDsa.Create();
                    ecdsa.ImportSubjectPublicKeyInfo(certificate.SubjectPublicKeyInfo.Span, out _);

                    // RFC 3279 2.2.3: Ecdsa-Sig-Value is a DER SEQUENCE of r and s.
                    return ecdsa.VerifyData(tbs, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
                }

            case PublicKeyAlgorithm.Dsa:
                {
                    if (DsaHash(signatureOid) is not { } hash)
                    {
                        return null;
                    }

                    using var dsa = DSA.Create();
                    dsa.ImportSubjectPublicKeyInfo(certificate.SubjectPublicKeyInfo.Span, out _);
                    return dsa.VerifyData(tbs, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
                }

            default:
                // Ed25519 and Ed448 need BouncyCastle, which the CLI does not reference.
                return null;
        }
    }

    private static (HashAlgorithmName, RSASignaturePadding)? RsaScheme(string signatureOid, ReadOnlyMemory<byte> encodedAlgorithm) => signatureOid switch
    {
        // RFC 8017 A.2.4 (PKCS #1 v1.5) identifiers.
        "1.2.840.113549.1.1.4" => (HashAlgorithmName.MD5, RSASignaturePadding.Pkcs1),
        "1.2.840.113549.1.1.5" => (HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1),
        "1.2.840.113549.1.1.11" => (HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        "1.2.840.113549.1.1.12" => (HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1),
        "1.2.840.113549.1.1.13" => (HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1),
        Oids.RsassaPss => PssScheme(encodedAlgorithm),
        _ => null,
    };

    /// <summary>
    /// Reads RSASSA-PSS-params (RFC 4055 3.1); .NET verifies PSS only with MGF1 over the same hash
    /// and a salt as long as the hash, which is what CAs write.
    /// </summary>
    private static (HashAlgorithmName, RSASignaturePadding)? PssScheme(ReadOnlyMemory<byte> encodedAlgorithm)
    {
        var algorithm = new AsnReader(encodedAlgorithm, AsnEncodingRules.DER).ReadSequence();
        algorithm.ReadObjectIdentifier();
        string hashOid = Oids.Sha1;
        string mgfHashOid = Oids.Sha1;
        int saltLength = 20;
        if (algorithm.HasData)
        {
            AsnReader parameters = algorithm.ReadSequence();
            Asn1Tag hashTag = new(TagClass.ContextSpecific, 0, isConstructed: true);
            Asn1Tag mgfTag = new(TagClass.ContextSpecific, 1, isConstructed: true);
            Asn1Tag saltTag = new(TagClass.ContextSpecific, 2, isConstructed: true);
            if (parameters.HasData && parameters.PeekTag().HasSameClassAndValue(hashTag))
            {
                hashOid = parameters.ReadSequence(hashTag).ReadSequence().ReadObjectIdentifier();
            }

            if (parameters.HasData && parameters.PeekTag().HasSameClassAndValue(mgfTag))
            {
                AsnReader mgf = parameters.ReadSequence(mgfTag).ReadSequence();
                if (mgf.ReadObjectIdentifier() != Oids.Mgf1)
                {
                    return null;
                }

                mgfHashOid = mgf.ReadSequence().ReadObjectIdentifier();
            }

            if (parameters.HasData && parameters.PeekTag().HasSameClassAndValue(saltTag))
            {
                if (!parameters.ReadSequence(saltTag).TryReadInt32(out saltLength))
                {
                    return null;
                }
            }
        }

        (HashAlgorithmName Name, int Length)? hash = hashOid switch
        {
            Oids.Sha1 => (HashAlgorithmName.SHA1, 20),
            Oids.Sha256 => (HashAlgorithmName.SHA256, 32),
            Oids.Sha384 => (HashAlgorithmName.SHA384, 48),
            Oids.Sha512 => (HashAlgorithmName.SHA512, 64),
            _ => null,
        };
        return hash is { } h && mgfHashOid == hashOid && saltLength == h.Length
            ? (h.Name, RSASignaturePadding.Pss)
            : null;
    }

    private static HashAlgorithmName? EcdsaHash(string signatureOid) => signatureOid switch
    {
        // RFC 5758 3.2 and RFC 3279 2.2.3.
        "1.2.840.10045.4.1" => HashAlgorithmName.SHA1,
        "1.2.840.10045.4.3.2" => HashAlgorithmName.SHA256,
        "1.2.840.10045.4.3.3" => HashAlgorithmName.SHA384,
        "1.2.840.10045.4.3.4" => HashAlgorithmName.SHA512,
        _ => null,
    };

    private static HashAlgorithmName? DsaHash(string signatureOid) => signatureOid switch
    {
        // RFC 3279 2.2.2 and RFC 5758 3.1.
        "1.2.840.10040.4.3" => HashAlgorithmName.SHA1,
        "2.16.840.1.101.3.4.3.2" => HashAlgorithmName.SHA256,
        _ => null,
    };

    private static bool IsEcdsaOrDsa(string signatureOid) => EcdsaHash(signatureOid) is not null || DsaHash(signatureOid) is not null;

    private static bool IsRsa(string signatureOid) => signatureOid.StartsWith("1.2.840.113549.1.1.", StringComparison.Ordinal);
}
