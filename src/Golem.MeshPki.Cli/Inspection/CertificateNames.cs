using Golem.MeshPki.Certificates;

namespace Golem.MeshPki.Cli.Inspection;

/// <summary>The names <c>meshpki inspect</c> prints for algorithms and usages; JSON consumers rely on them.</summary>
/// <remarks>The core classifies algorithms and knows their identifiers; this is only the CLI's vocabulary for them.</remarks>
internal static class CertificateNames
{
    // RFC 5280 4.2.1.3, in bit order.
    private static readonly (KeyUsageFlags Flag, string Name)[] KeyUsageNames =
    [
        (KeyUsageFlags.DigitalSignature, "digitalSignature"),
        (KeyUsageFlags.NonRepudiation, "nonRepudiation"),
        (KeyUsageFlags.KeyEncipherment, "keyEncipherment"),
        (KeyUsageFlags.DataEncipherment, "dataEncipherment"),
        (KeyUsageFlags.KeyAgreement, "keyAgreement"),
        (KeyUsageFlags.KeyCertSign, "keyCertSign"),
        (KeyUsageFlags.CrlSign, "cRLSign"),
        (KeyUsageFlags.EncipherOnly, "encipherOnly"),
        (KeyUsageFlags.DecipherOnly, "decipherOnly"),
    ];

    /// <summary>The RFC 5280 names of the set bits, in bit order: <c>digitalSignature</c>, <c>keyCertSign</c>...</summary>
    /// <param name="usage">The key usage bits.</param>
    /// <returns>The names; empty for none.</returns>
    public static IReadOnlyList<string> KeyUsage(KeyUsageFlags usage) =>
        [.. KeyUsageNames.Where(entry => (usage & entry.Flag) != 0).Select(entry => entry.Name)];

    /// <summary>
    /// Names a key algorithm. For JSON: <c>RSA</c>, <c>EC</c>, <c>Ed25519</c>, else the dotted OID of
    /// the key algorithm (so RSASSA-PSS, DSA and Ed448 keys give their OID). For people, those three
    /// and <c>RSASSA-PSS</c>, <c>DSA</c>, <c>Ed448</c>.
    /// </summary>
    /// <param name="algorithm">The algorithm family, as the core classifies it.</param>
    /// <param name="oid">The key algorithm identifier, dotted.</param>
    /// <returns>The names.</returns>
    public static KeyAlgorithmName KeyAlgorithm(PublicKeyAlgorithm algorithm, string oid)
    {
        string name = algorithm switch
        {
            PublicKeyAlgorithm.Rsa => "RSA",
            PublicKeyAlgorithm.EC => "EC",
            PublicKeyAlgorithm.Ed25519 => "Ed25519",
            _ => oid,
        };
        string displayName = algorithm switch
        {
            PublicKeyAlgorithm.RsaPss => "RSASSA-PSS",
            PublicKeyAlgorithm.Dsa => "DSA",
            PublicKeyAlgorithm.Ed448 => "Ed448",
            _ => name,
        };
        return new KeyAlgorithmName(name, displayName);
    }

    /// <summary>The named curve as the JSON contract names it: <c>P-256</c>, <c>P-384</c>, <c>P-521</c>, else the dotted OID; <see langword="null"/> without one.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns>The name, or <see langword="null"/> for keys that are not EC (or EC keys with explicit parameters).</returns>
    public static string? Curve(DerCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (certificate.Curve is not { } curve)
        {
            return null;
        }

        // The core names the NIST curves by their FIPS 186 names; it also has names (P-224, secp256k1) outside the contract.
        return certificate.CurveName is "P-256" or "P-384" or "P-521" ? certificate.CurveName : curve.ToString();
    }

    /// <summary>An extended key usage's short name (<c>serverAuth</c>), or its dotted OID.</summary>
    /// <param name="usage">The key purpose identifier.</param>
    /// <returns>The name.</returns>
    public static string ExtendedKeyUsage(ObjectIdentifier usage) => usage.FriendlyName ?? usage.ToString();
}

/// <summary>A key's algorithm, named for the JSON contract and for people.</summary>
/// <param name="Name">The JSON name: <c>RSA</c>, <c>EC</c>, <c>Ed25519</c>, a dotted OID, or for a private key whose block does not say, <c>encrypted</c> or <c>unknown</c>.</param>
/// <param name="DisplayName">The name the human output prints.</param>
internal sealed record KeyAlgorithmName(string Name, string DisplayName);
