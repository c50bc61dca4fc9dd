using Golem.MeshPki.Certificates;

namespace Golem.MeshPki.Cli.Inspection;

/// <summary>The names <c>meshpki inspect</c> prints for algorithms and usages; JSON consumers rely on them.</summary>
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

    /// <summary>The key algorithm's name: <c>RSA</c>, <c>RSASSA-PSS</c>, <c>EC</c>, <c>Ed25519</c>, <c>Ed448</c>, <c>DSA</c>, else the dotted OID.</summary>
    /// <param name="algorithm">The classified algorithm.</param>
    /// <param name="oid">The algorithm identifier, for unknown algorithms.</param>
    /// <returns>The name.</returns>
    public static string KeyAlgorithm(PublicKeyAlgorithm algorithm, ObjectIdentifier oid) => algorithm switch
    {
        PublicKeyAlgorithm.Rsa => "RSA",
        PublicKeyAlgorithm.RsaPss => "RSASSA-PSS",
        PublicKeyAlgorithm.EC => "EC",
        PublicKeyAlgorithm.Ed25519 => "Ed25519",
        PublicKeyAlgorithm.Ed448 => "Ed448",
        PublicKeyAlgorithm.Dsa => "DSA",
        _ => oid.ToString(),
    };

    /// <summary>The name of a private key algorithm identifier (PKCS #8 privateKeyAlgorithm), in the same vocabulary as <see cref="KeyAlgorithm"/>.</summary>
    /// <param name="dottedOid">The algorithm identifier, dotted.</param>
    /// <returns>The name, or the dotted OID.</returns>
    public static string KeyAlgorithm(string dottedOid) => dottedOid switch
    {
        Oids.RsaEncryption => "RSA",
        Oids.RsassaPss => "RSASSA-PSS",
        Oids.EcPublicKey => "EC",
        Oids.Ed25519 => "Ed25519",
        Oids.Ed448 => "Ed448",
        Oids.Dsa => "DSA",
        _ => dottedOid,
    };

    /// <summary>An extended key usage's short name (<c>serverAuth</c>), or its dotted OID.</summary>
    /// <param name="usage">The key purpose identifier.</param>
    /// <returns>The name.</returns>
    public static string ExtendedKeyUsage(ObjectIdentifier usage) => usage.FriendlyName ?? usage.ToString();
}

/// <summary>Dotted object identifiers the CLI compares against.</summary>
internal static class Oids
{
    /// <summary>rsaEncryption (RFC 8017 A.1).</summary>
    public const string RsaEncryption = "1.2.840.113549.1.1.1";

    /// <summary>id-RSASSA-PSS (RFC 4055 3.1).</summary>
    public const string RsassaPss = "1.2.840.113549.1.1.10";

    /// <summary>id-mgf1 (RFC 8017 B.2.1).</summary>
    public const string Mgf1 = "1.2.840.113549.1.1.8";

    /// <summary>id-ecPublicKey (RFC 5480 2.1.1).</summary>
    public const string EcPublicKey = "1.2.840.10045.2.1";

    /// <summary>id-Ed25519 (RFC 8410 3).</summary>
    public const string Ed25519 = "1.3.101.112";

    /// <summary>id-Ed448 (RFC 8410 3).</summary>
    public const string Ed448 = "1.3.101.113";

    /// <summary>id-dsa (RFC 3279 2.3.2).</summary>
    public const string Dsa = "1.2.840.10040.4.1";

    /// <summary>id-sha1 (RFC 3279 2.2.1).</summary>
    public const string Sha1 = "1.3.14.3.2.26";

    /// <summary>id-sha256 (RFC 4055 2.1).</summary>
    public const string Sha256 = "2.16.840.1.101.3.4.2.1";

    /// <summary>id-sha384 (RFC 4055 2.1).</summary>
    public const string Sha384 = "2.16.840.1.101.3.4.2.2";

    /// <summary>id-sha512 (RFC 4055 2.1).</summary>
    public const string Sha512 = "2.16.840.1.101.3.4.2.3";
}
