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

namespace Golem.MeshPki.Validation.Signatures;

/// <summary>
/// An issuer's public key, imported once and kept: importing a key in .NET costs more than a verification
/// (130-230 µs against 27-89 µs, issue 3), so the verifier caches one per SubjectPublicKeyInfo.
/// </summary>
/// <remarks>
/// RSA PKCS #1 v1.5 and ECDSA are verified with .NET (15-21x faster than BouncyCastle on RSA, 1.7x on
/// P-256); RSASSA-PSS with any salt length and MGF1 hash, Ed25519 and Ed448 with BouncyCastle, because
/// .NET's PSS takes only a salt as long as the hash and .NET has no EdDSA.
/// </remarks>
internal abstract class IssuerKey : IDisposable
{
    /// <summary>Verifies <paramref name="signature"/> over <paramref name="signedData"/>.</summary>
    public abstract SignatureStatus Verify(SignatureScheme scheme, HashAlgorithmName hash, ReadOnlyMemory<byte> encodedAlgorithm, ReadOnlySpan<byte> signedData, ReadOnlySpan<byte> signature);

    public abstract void Dispose();

    /// <summary>Imports the key of <paramref name="issuer"/>; a key that cannot be imported gives <see cref="Unusable"/>.</summary>
    public static IssuerKey Import(DerCertificate issuer)
    {
        try
        {
            return issuer.PublicKeyAlgorithm switch
            {
                PublicKeyAlgorithm.Rsa or PublicKeyAlgorithm.RsaPss => RsaIssuerKey.Import(issuer.PublicKey),
                PublicKeyAlgorithm.EC => EcdsaIssuerKey.Import(issuer.SubjectPublicKeyInfo),
                PublicKeyAlgorithm.Dsa => DsaIssuerKey.Import(issuer.SubjectPublicKeyInfo),
                PublicKeyAlgorithm.Ed25519 when issuer.PublicKey.Length == Ed25519PublicKeyParameters.KeySize =>
                    new EdDsaIssuerKey(new Ed25519PublicKeyParameters(issuer.PublicKey.Span), SignatureScheme.Ed25519),
                PublicKeyAlgorithm.Ed448 when issuer.PublicKey.Length == Ed448PublicKeyParameters.KeySize =>
                    new EdDsaIssuerKey(new Ed448PublicKeyParameters(issuer.PublicKey.Span), SignatureScheme.Ed448),
                _ => new Unusable("the issuer's key algorithm " + issuer.PublicKeyAlgorithmOid + " is not supported"),
            };
        }
        catch (Exception exception) when (exception is CryptographicException or AsnContentException or ArgumentException or PlatformNotSupportedException)
        {
            // The library's message may describe the key bytes; a fixed sentence is enough here. A curve the
            // platform does not offer (PlatformNotSupportedException) is a key nothing here can verify with.
            return new Unusable(exception is PlatformNotSupportedException
                ? "the issuer's key uses a curve this platform cannot verify with"
                : "the issuer's public key cannot be read");
        }
    }

    /// <summary>A key that cannot verify anything, with the reason.</summary>
    internal sealed class Unusable(string reason) : IssuerKey
    {
        public string Reason { get; } = reason;

        public override SignatureStatus Verify(SignatureScheme scheme, HashAlgorithmName hash, ReadOnlyMemory<byte> encodedAlgorithm, ReadOnlySpan<byte> signedData, ReadOnlySpan<byte> signature) =>
            SignatureStatus.Unsupported;

        public override void Dispose()
        {
        }
    }

    private sealed class RsaIssuerKey : IssuerKey
    {
        private readonly RSA _rsa;
        private readonly BcBigInteger _modulus;
        private readonly BcBigInteger _exponent;
        private RsaKeyParameters? _bouncyCastleKey;

        private RsaIssuerKey(RSA rsa, BcBigInteger modulus, BcBigInteger exponent)
        {
            _rsa = rsa;
            _modulus = modulus;
            _exponent = exponent;
        }

        public static RsaIssuerKey Import(ReadOnlyMemory<byte> rsaPublicKey)
        {
            // RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } (RFC 8017 A.1.1).
            AsnReader outer = new(rsaPublicKey, AsnEncodingRules.DER);
            AsnReader key = outer.ReadSequence();
            outer.ThrowIfNotEmpty();
            BcBigInteger modulus = new(key.ReadIntegerBytes().ToArray());
            BcBigInteger exponent = new(key.ReadIntegerBytes().ToArray());
            key.ThrowIfNotEmpty();
            if (modulus.SignValue <= 0 || exponent.SignValue <= 0)
            {
                throw new CryptographicException();
            }

            RSA rsa = RSA.Create();
            try
            {
                rsa.ImportRSAPublicKey(rsaPublicKey.Span, out _);
                return new RsaIssuerKey(rsa, modulus, exponent);
            }
            catch
            {
                rsa.Dispose();
                throw;
            }
        }

        public override SignatureStatus Verify(SignatureScheme scheme, HashAlgorithmName hash, ReadOnlyMemory<byte> encodedAlgorithm, ReadOnlySpan<byte> signedData, ReadOnlySpan<byte> signature)
        {
            // RFC 8017 8.2.2 step 1 / 8.1.2 step 1: the signature is exactly as long as the modulus.
            if (signature.Length != (_modulus.BitLength + 7) / 8)
            {
                return SignatureStatus.Invalid;
            }

            switch (scheme)
            {
                case SignatureScheme.RsaPkcs1:
                    return _rsa.VerifyData(signedData, signature, hash, RSASignaturePadding.Pkcs1) ? SignatureStatus.Valid : SignatureStatus.Invalid;
                case SignatureScheme.RsaPss:
                    return VerifyPss(encodedAlgorithm, signedData, signature);
                default:
                    return SignatureStatus.Invalid;
            }
        }

        public override void Dispose() => _rsa.Dispose();

        private SignatureStatus VerifyPss(ReadOnlyMemory<byte> encodedAlgorithm, ReadOnlySpan<byte> signedData, ReadOnlySpan<byte> signature)
        {
            PssParameters? parameters;
            try
            {
                parameters = PssParameters.Read(encodedAlgorithm);
            }
            catch (AsnContentException)
            {
                return SignatureStatus.Invalid;
            }

            if (parameters is not { } pss || PssDigest(pss.HashOid) is not { } contentDigest || PssDigest(pss.MgfHashOid) is not { } mgfDigest)
            {
                return SignatureStatus.Unsupported;
            }

            try
            {
                // BouncyCastle 2.x's public RsaKeyParameters constructor runs Miller-Rabin rounds on the modulus
                // (~25 ms at 2048 bits, ~90 ms at 4096, issue 3). What they reject (a prime modulus) does not
                // change whether a signature verifies with the key, and .NET checks no more for PKCS #1, so the
                // rounds are turned off for this one construction, on this thread, with BouncyCastle's own setting.
                _bouncyCastleKey ??= Properties.WithThreadProperty(
                    Properties.RsaMaxMRTests,
                    "0",
                    (_modulus, _exponent),
                    static key => new RsaKeyParameters(isPrivate: false, key._modulus, key._exponent));

                var signer = new PssSigner(new RsaBlindedEngine(), contentDigest, mgfDigest, pss.SaltLength);
                signer.Init(forSigning: false, _bouncyCastleKey);
                signer.BlockUpdate(signedData);
                return signer.VerifySignature(signature.ToArray()) ? SignatureStatus.Valid : SignatureStatus.Invalid;
            }
            catch (Exception exception) when (exception is ArgumentException or CryptoException)
            {
                // The key fails BouncyCastle's cheap checks, the key is too short for the hash and salt
                // (RFC 8017 9.1.1 step 3), or the signature is not below the modulus.
                return SignatureStatus.Invalid;
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
    }

    private sealed class EcdsaIssuerKey(ECDsa ecdsa) : IssuerKey
    {
        public static EcdsaIssuerKey Import(ReadOnlyMemory<byte> subjectPublicKeyInfo)
        {
            ECDsa ecdsa = ECDsa.Create();
            try
            {
                ecdsa.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo.Span, out _);
                return new EcdsaIssuerKey(ecdsa);
            }
            catch
            {
                ecdsa.Dispose();
                throw;
            }
        }

        public override SignatureStatus Verify(SignatureScheme scheme, HashAlgorithmName hash, ReadOnlyMemory<byte> encodedAlgorithm, ReadOnlySpan<byte> signedData, ReadOnlySpan<byte> signature)
        {
            if (scheme != SignatureScheme.Ecdsa)
            {
                return SignatureStatus.Invalid;
            }

            try
            {
                // RFC 3279 2.2.3: Ecdsa-Sig-Value is a DER SEQUENCE of r and s.
                return ecdsa.VerifyData(signedData, signature, hash, DSASignatureFormat.Rfc3279DerSequence) ? SignatureStatus.Valid : SignatureStatus.Invalid;
            }
            catch (CryptographicException)
            {
                return SignatureStatus.Invalid;
            }
        }

        public override void Dispose() => ecdsa.Dispose();
    }

    /// <summary>DSA (FIPS 186, RFC 3279 2.2.2): only to say whether old certificates are self-signed; policies refuse DSA keys.</summary>
    private sealed class DsaIssuerKey(DSA dsa) : IssuerKey
    {
        public static DsaIssuerKey Import(ReadOnlyMemory<byte> subjectPublicKeyInfo)
        {
            DSA dsa = DSA.Create();
            try
            {
                dsa.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo.Span, out _);
                return new DsaIssuerKey(dsa);
            }
            catch
            {
                dsa.Dispose();
                throw;
            }
        }

        public override SignatureStatus Verify(SignatureScheme scheme, HashAlgorithmName hash, ReadOnlyMemory<byte> encodedAlgorithm, ReadOnlySpan<byte> signedData, ReadOnlySpan<byte> signature)
        {
            if (scheme != SignatureScheme.Dsa)
            {
                return SignatureStatus.Invalid;
            }

            try
            {
                return dsa.VerifyData(signedData, signature, hash, DSASignatureFormat.Rfc3279DerSequence) ? SignatureStatus.Valid : SignatureStatus.Invalid;
            }
            catch (CryptographicException)
            {
                return SignatureStatus.Invalid;
            }
        }

        public override void Dispose() => dsa.Dispose();
    }

    private sealed class EdDsaIssuerKey(AsymmetricKeyParameter key, SignatureScheme scheme) : IssuerKey
    {
        public override SignatureStatus Verify(SignatureScheme signatureScheme, HashAlgorithmName hash, ReadOnlyMemory<byte> encodedAlgorithm, ReadOnlySpan<byte> signedData, ReadOnlySpan<byte> signature)
        {
            // RFC 8410 6: the signature algorithm is the key's own identifier; Ed448 signs with an empty context.
            if (signatureScheme != scheme)
            {
                return SignatureStatus.Invalid;
            }

            ISigner signer = scheme == SignatureScheme.Ed25519 ? new Ed25519Signer() : new Ed448Signer([]);
            signer.Init(forSigning: false, key);
            signer.BlockUpdate(signedData);
            return signer.VerifySignature(signature.ToArray()) ? SignatureStatus.Valid : SignatureStatus.Invalid;
        }

        public override void Dispose()
        {
        }
    }
}
