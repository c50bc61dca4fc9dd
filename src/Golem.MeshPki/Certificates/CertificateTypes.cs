namespace Golem.MeshPki.Certificates;

/// <summary>The key usage bits of RFC 5280 4.2.1.3, bit <c>n</c> of the BIT STRING as <c>1 &lt;&lt; n</c>.</summary>
[Flags]
#pragma warning disable CA1711 // "Flags" is the domain word here, as in X509KeyUsageFlags.
public enum KeyUsageFlags
#pragma warning restore CA1711
{
    /// <summary>No key usage bit is set (or the extension is absent).</summary>
    None = 0,

    /// <summary>digitalSignature (0).</summary>
    DigitalSignature = 1 << 0,

    /// <summary>nonRepudiation / contentCommitment (1).</summary>
    NonRepudiation = 1 << 1,

    /// <summary>keyEncipherment (2).</summary>
    KeyEncipherment = 1 << 2,

    /// <summary>dataEncipherment (3).</summary>
    DataEncipherment = 1 << 3,

    /// <summary>keyAgreement (4).</summary>
    KeyAgreement = 1 << 4,

    /// <summary>keyCertSign (5): the key may sign certificates; what an Istio CA certificate needs.</summary>
    KeyCertSign = 1 << 5,

    /// <summary>cRLSign (6).</summary>
    CrlSign = 1 << 6,

    /// <summary>encipherOnly (7).</summary>
    EncipherOnly = 1 << 7,

    /// <summary>decipherOnly (8).</summary>
    DecipherOnly = 1 << 8,
}

/// <summary>The subject public key's algorithm family.</summary>
public enum PublicKeyAlgorithm
{
    /// <summary>An algorithm the reader does not classify; see <see cref="DerCertificate.PublicKeyAlgorithmOid"/>.</summary>
    Unknown = 0,

    /// <summary>rsaEncryption (RFC 3279).</summary>
    Rsa,

    /// <summary>id-RSASSA-PSS keys (RFC 4055).</summary>
    RsaPss,

    /// <summary>id-ecPublicKey (RFC 5480).</summary>
    EC,

    /// <summary>Ed25519 (RFC 8410).</summary>
    Ed25519,

    /// <summary>Ed448 (RFC 8410).</summary>
    Ed448,

    /// <summary>DSA (RFC 3279).</summary>
    Dsa,
}

/// <summary>The extensions the reader decodes and checks; every other extension is kept as raw bytes.</summary>
public enum CertificateExtensionKind
{
    /// <summary>Any extension the reader does not decode.</summary>
    Other = 0,

    /// <summary>basicConstraints (2.5.29.19).</summary>
    BasicConstraints,

    /// <summary>keyUsage (2.5.29.15).</summary>
    KeyUsage,

    /// <summary>extendedKeyUsage (2.5.29.37).</summary>
    ExtendedKeyUsage,

    /// <summary>subjectKeyIdentifier (2.5.29.14).</summary>
    SubjectKeyIdentifier,

    /// <summary>authorityKeyIdentifier (2.5.29.35).</summary>
    AuthorityKeyIdentifier,

    /// <summary>subjectAltName (2.5.29.17).</summary>
    SubjectAlternativeName,

    /// <summary>nameConstraints (2.5.29.30).</summary>
    NameConstraints,

    /// <summary>certificatePolicies (2.5.29.32).</summary>
    CertificatePolicies,

    /// <summary>cRLDistributionPoints (2.5.29.31).</summary>
    CrlDistributionPoints,
}

/// <summary>One extension of a certificate: its identifier, criticality and raw extnValue contents.</summary>
public readonly struct CertificateExtension
{
    internal CertificateExtension(ObjectIdentifier oid, bool critical, ReadOnlyMemory<byte> value, CertificateExtensionKind kind)
    {
        Oid = oid;
        Critical = critical;
        Value = value;
        Kind = kind;
    }

    /// <summary>The extension's identifier (extnID).</summary>
    public ObjectIdentifier Oid { get; }

    /// <summary>The critical flag (RFC 5280 4.2: a verifier that does not process a critical extension must reject the certificate).</summary>
    public bool Critical { get; }

    /// <summary>The contents of the extnValue OCTET STRING: the DER of the extension's own structure.</summary>
    public ReadOnlyMemory<byte> Value { get; }

    /// <summary>Which decoded extension this is, or <see cref="CertificateExtensionKind.Other"/>.</summary>
    public CertificateExtensionKind Kind { get; }

    /// <summary>Identifier, name and criticality, e.g. <c>2.5.29.19 basicConstraints (critical)</c>.</summary>
    public override string ToString()
    {
        string? name = Oid.FriendlyName;
        return Oid + (name is null ? string.Empty : " " + name) + (Critical ? " (critical)" : string.Empty);
    }
}
