using System.Formats.Asn1;
using System.Security.Cryptography;
using Golem.MeshPki.Cli.Inputs;

namespace Golem.MeshPki.Cli.Inspection;

/// <summary>What a private key is, and the public key it belongs to when that can be derived.</summary>
/// <param name="KeyAlgorithm">The algorithm's name (see <see cref="CertificateNames.KeyAlgorithm(string)"/>), or <c>encrypted</c>.</param>
/// <param name="PublicKey">The public key's identity, or <see langword="null"/> when it cannot be derived.</param>
/// <param name="NotCheckedReason">Why <paramref name="PublicKey"/> is <see langword="null"/>.</param>
internal sealed record PrivateKeyFacts(string KeyAlgorithm, PublicKeyIdentity? PublicKey, string? NotCheckedReason);

/// <summary>
/// Loads private keys with .NET to name their algorithm and derive their public key, so that they can
/// be matched to certificates. Nothing here returns, logs or puts into a message any byte of the key.
/// </summary>
internal static class PrivateKeyInspector
{
    /// <summary>The keyAlgorithm reported for encrypted keys.</summary>
    public const string Encrypted = "encrypted";

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
        string name = CertificateNames.KeyAlgorithm(oid);
        switch (oid)
        {
            case Oids.RsaEncryption:
                {
                    using var rsa = RSA.Create();
                    rsa.ImportPkcs8PrivateKey(data.Span, out int read);
                    EnsureWhole(read, data);
                    return new PrivateKeyFacts(name, PublicKeyIdentity.ForRsa(rsa.ExportRSAPublicKey()), null);
                }

            case Oids.RsassaPss:
                {
                    // .NET does not import id-RSASSA-PSS PKCS #8; the privateKey OCTET STRING is a PKCS #1 RSAPrivateKey (RFC 4055 1.2).
                    byte[] rsaPrivateKey = info.ReadOctetString();
                    try
                    {
                        using var rsa = RSA.Create();
                        rsa.ImportRSAPrivateKey(rsaPrivateKey, out int read);
                        return read == rsaPrivateKey.Length
                            ? new PrivateKeyFacts(name, PublicKeyIdentity.ForRsa(rsa.ExportRSAPublicKey()), null)
                            : throw new CryptographicException();
                    }
                    finally
                    {
                        CryptographicOperations.ZeroMemory(rsaPrivateKey);
                    }
                }

            case Oids.EcPublicKey:
                {
                    using var ecdsa = ECDsa.Create();
                    ecdsa.ImportPkcs8PrivateKey(data.Span, out int read);
                    EnsureWhole(read, data);
                    return new PrivateKeyFacts(name, PublicKeyIdentity.ForSubjectPublicKeyInfo(ecdsa.ExportSubjectPublicKeyInfo()), null);
                }

            case Oids.Dsa:
                {
                    using var dsa = DSA.Create();
                    dsa.ImportPkcs8PrivateKey(data.Span, out int read);
                    EnsureWhole(read, data);
                    return new PrivateKeyFacts(name, PublicKeyIdentity.ForSubjectPublicKeyInfo(dsa.ExportSubjectPublicKeyInfo()), null);
                }

            case Oids.Ed25519 or Oids.Ed448:
                // Deriving an EdDSA public key needs curve arithmetic that .NET does not expose, and the
                // CLI does not reference BouncyCastle: the key is named but not matched.
                return new PrivateKeyFacts(name, null, $"meshpki cannot derive {name} public keys yet");

            default:
                return new PrivateKeyFacts(name, null, "the key algorithm is not supported");
        }
    }

    private static PrivateKeyFacts InspectRsaPkcs1(ReadOnlyMemory<byte> data)
    {
        using var rsa = RSA.Create();
        rsa.ImportRSAPrivateKey(data.Span, out int read);
        EnsureWhole(read, data);
        return new PrivateKeyFacts("RSA", PublicKeyIdentity.ForRsa(rsa.ExportRSAPublicKey()), null);
    }

    private static PrivateKeyFacts InspectEcSec1(ReadOnlyMemory<byte> data)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportECPrivateKey(data.Span, out int read);
        EnsureWhole(read, data);
        return new PrivateKeyFacts("EC", PublicKeyIdentity.ForSubjectPublicKeyInfo(ecdsa.ExportSubjectPublicKeyInfo()), null);
    }

    private static PrivateKeyFacts InspectOtherLabel(string label) => label switch
    {
        // OpenSSL's traditional DSA key; .NET imports only PKCS #8 DSA keys.
        "DSA PRIVATE KEY" => new PrivateKeyFacts("DSA", null, "traditional DSA PRIVATE KEY blocks are not supported"),
        "OPENSSH PRIVATE KEY" => new PrivateKeyFacts("OpenSSH", null, "OPENSSH PRIVATE KEY blocks are not supported"),
        _ => new PrivateKeyFacts("unknown", null, $"{label} blocks are not supported"),
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

    private static void EnsureWhole(int read, ReadOnlyMemory<byte> data)
    {
        if (read != data.Length)
        {
            throw new CryptographicException();
        }
    }
}
