using System.Security.Cryptography;

namespace Golem.MeshPki.Validation.Signatures;

/// <summary>The signature algorithm families and hashes that certificates and CRLs are signed with.</summary>
internal enum SignatureScheme
{
    Unknown,
    RsaPkcs1,
    RsaPss,
    Ecdsa,
    Dsa,
    Ed25519,
    Ed448,
}

/// <summary>Classifies a signature AlgorithmIdentifier by the name the core gives its OID (OpenSSL's names).</summary>
internal static class SignatureAlgorithms
{
    /// <summary>The scheme and hash of a signature algorithm; the hash is default for EdDSA and unknown algorithms.</summary>
    /// <param name="name">The OID's friendly name, e.g. <c>sha256WithRSAEncryption</c>, <c>ecdsa-with-SHA384</c>; null when unknown.</param>
    /// <param name="hash">The hash; <c>default</c> for PSS (read from its parameters), EdDSA and unknown algorithms.</param>
    /// <returns>The scheme.</returns>
    public static SignatureScheme Classify(string? name, out HashAlgorithmName hash)
    {
        hash = default;
        if (name is null)
        {
            return SignatureScheme.Unknown;
        }

        const string Pkcs1Suffix = "WithRSAEncryption";
        if (name.EndsWith(Pkcs1Suffix, StringComparison.Ordinal))
        {
            return Hash(name[..^Pkcs1Suffix.Length], out hash) ? SignatureScheme.RsaPkcs1 : SignatureScheme.Unknown;
        }

        if (name.StartsWith("ecdsa-with-", StringComparison.Ordinal))
        {
            return Hash(name["ecdsa-with-".Length..], out hash) ? SignatureScheme.Ecdsa : SignatureScheme.Unknown;
        }

        if (name.StartsWith("dsa_with_", StringComparison.Ordinal) || name.StartsWith("dsaWith", StringComparison.Ordinal))
        {
            return Hash(name[(name[3] == '_' ? "dsa_with_".Length : "dsaWith".Length)..], out hash) ? SignatureScheme.Dsa : SignatureScheme.Unknown;
        }

        return name switch
        {
            "rsassaPss" => SignatureScheme.RsaPss,
            "ED25519" => SignatureScheme.Ed25519,
            "ED448" => SignatureScheme.Ed448,
            _ => SignatureScheme.Unknown,
        };
    }

    /// <summary>The message hash of an RSASSA-PSS signature, read from its parameters; default when they cannot be read.</summary>
    /// <param name="encodedAlgorithm">The signature's AlgorithmIdentifier DER.</param>
    /// <returns>The hash (SHA-1 when the parameters take RFC 4055's default).</returns>
    public static HashAlgorithmName PssHash(ReadOnlyMemory<byte> encodedAlgorithm)
    {
        try
        {
            return PssParameters.Read(encodedAlgorithm)?.HashOid switch
            {
                "1.3.14.3.2.26" => HashAlgorithmName.SHA1,
                "2.16.840.1.101.3.4.2.1" => HashAlgorithmName.SHA256,
                "2.16.840.1.101.3.4.2.2" => HashAlgorithmName.SHA384,
                "2.16.840.1.101.3.4.2.3" => HashAlgorithmName.SHA512,
                _ => default,
            };
        }
        catch (System.Formats.Asn1.AsnContentException)
        {
            return default;
        }
    }

    /// <summary>Whether a hash is too weak to trust a signature made with it (MD5 and SHA-1: practical collisions).</summary>
    /// <param name="hash">The hash.</param>
    /// <returns>True for MD5 and SHA-1.</returns>
    public static bool IsWeak(HashAlgorithmName hash) => hash == HashAlgorithmName.MD5 || hash == HashAlgorithmName.SHA1;

    /// <summary>The .NET hash for OpenSSL's hash part of a name (<c>sha256</c>, <c>SHA256</c>).</summary>
    private static bool Hash(string name, out HashAlgorithmName hash)
    {
        hash = name.ToUpperInvariant() switch
        {
            "MD5" => HashAlgorithmName.MD5,
            "SHA1" => HashAlgorithmName.SHA1,
            "SHA256" => HashAlgorithmName.SHA256,
            "SHA384" => HashAlgorithmName.SHA384,
            "SHA512" => HashAlgorithmName.SHA512,
            _ => default,
        };
        return hash != default;
    }
}
