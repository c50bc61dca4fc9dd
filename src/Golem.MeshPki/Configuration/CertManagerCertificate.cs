namespace Golem.MeshPki.Configuration;

/// <summary>
/// A cert-manager <c>Certificate</c> (<c>cert-manager.io/v1</c>) as written: the fields that decide the
/// issued certificate's lifetime, renewal, identity and issuer. Absent fields are <see langword="null"/> (or
/// empty lists); cert-manager's defaults (duration 90 days, renewal at two thirds) are applied elsewhere.
/// </summary>
/// <remarks>Field names follow cert-manager's <c>pkg/apis/certmanager/v1/types_certificate.go</c> (<c>CertificateSpec</c>).</remarks>
public sealed class CertManagerCertificate
{
    /// <summary>Gets <c>metadata.name</c>.</summary>
    public string? Name { get; init; }

    /// <summary>Gets <c>metadata.namespace</c>, when the manifest says.</summary>
    public string? Namespace { get; init; }

    /// <summary>Gets where the object starts.</summary>
    public SourcePosition Position { get; init; }

    /// <summary>Gets <c>spec.duration</c> as written (a Go duration such as <c>720h</c>).</summary>
    public ConfigurationValue<string>? Duration { get; init; }

    /// <summary>Gets <c>spec.renewBefore</c> as written (a Go duration such as <c>168h</c>).</summary>
    public ConfigurationValue<string>? RenewBefore { get; init; }

    /// <summary>Gets <c>spec.renewBeforePercentage</c> (an int32 percentage of the duration).</summary>
    public ConfigurationValue<int>? RenewBeforePercentage { get; init; }

    /// <summary>Gets <c>spec.isCA</c>.</summary>
    public ConfigurationValue<bool>? IsCA { get; init; }

    /// <summary>Gets <c>spec.commonName</c>.</summary>
    public ConfigurationValue<string>? CommonName { get; init; }

    /// <summary>Gets <c>spec.secretName</c>, the Secret the certificate is written to (<c>cacerts</c> for Istio's plug-in CA).</summary>
    public ConfigurationValue<string>? SecretName { get; init; }

    /// <summary>Gets <c>spec.subject</c>, or <see langword="null"/> when absent.</summary>
    public CertManagerSubject? Subject { get; init; }

    /// <summary>Gets <c>spec.privateKey</c>, or <see langword="null"/> when absent.</summary>
    public CertManagerPrivateKey? PrivateKey { get; init; }

    /// <summary>Gets <c>spec.issuerRef</c>, or <see langword="null"/> when absent.</summary>
    public CertManagerIssuerReference? IssuerRef { get; init; }

    /// <summary>Gets <c>spec.usages</c> (e.g. <c>cert sign</c>, <c>digital signature</c>).</summary>
    public IReadOnlyList<ConfigurationValue<string>> Usages { get; init; } = [];

    /// <summary>Gets <c>spec.dnsNames</c>.</summary>
    public IReadOnlyList<ConfigurationValue<string>> DnsNames { get; init; } = [];

    /// <summary>Gets <c>spec.uris</c>.</summary>
    public IReadOnlyList<ConfigurationValue<string>> Uris { get; init; } = [];

    /// <summary>Gets <c>spec.ipAddresses</c>.</summary>
    public IReadOnlyList<ConfigurationValue<string>> IPAddresses { get; init; } = [];

    /// <summary>Gets <c>spec.emailAddresses</c>.</summary>
    public IReadOnlyList<ConfigurationValue<string>> EmailAddresses { get; init; } = [];
}

/// <summary>A Certificate's <c>spec.subject</c> (cert-manager's <c>X509Subject</c>).</summary>
public sealed class CertManagerSubject
{
    /// <summary>Gets where <c>subject</c>'s mapping starts.</summary>
    public SourcePosition Position { get; init; }

    /// <summary>Gets <c>organizations</c> (O).</summary>
    public IReadOnlyList<ConfigurationValue<string>> Organizations { get; init; } = [];

    /// <summary>Gets <c>countries</c> (C).</summary>
    public IReadOnlyList<ConfigurationValue<string>> Countries { get; init; } = [];

    /// <summary>Gets <c>organizationalUnits</c> (OU).</summary>
    public IReadOnlyList<ConfigurationValue<string>> OrganizationalUnits { get; init; } = [];

    /// <summary>Gets <c>localities</c> (L).</summary>
    public IReadOnlyList<ConfigurationValue<string>> Localities { get; init; } = [];

    /// <summary>Gets <c>provinces</c> (ST).</summary>
    public IReadOnlyList<ConfigurationValue<string>> Provinces { get; init; } = [];

    /// <summary>Gets <c>streetAddresses</c>.</summary>
    public IReadOnlyList<ConfigurationValue<string>> StreetAddresses { get; init; } = [];

    /// <summary>Gets <c>postalCodes</c>.</summary>
    public IReadOnlyList<ConfigurationValue<string>> PostalCodes { get; init; } = [];

    /// <summary>Gets <c>serialNumber</c>.</summary>
    public ConfigurationValue<string>? SerialNumber { get; init; }
}

/// <summary>A Certificate's <c>spec.privateKey</c> (cert-manager's <c>CertificatePrivateKey</c>).</summary>
public sealed class CertManagerPrivateKey
{
    /// <summary>Gets where <c>privateKey</c>'s mapping starts.</summary>
    public SourcePosition Position { get; init; }

    /// <summary>Gets <c>algorithm</c> (<c>RSA</c>, <c>ECDSA</c>, <c>Ed25519</c>).</summary>
    public ConfigurationValue<string>? Algorithm { get; init; }

    /// <summary>Gets <c>size</c> in bits.</summary>
    public ConfigurationValue<int>? Size { get; init; }

    /// <summary>Gets <c>encoding</c> (<c>PKCS1</c>, <c>PKCS8</c>).</summary>
    public ConfigurationValue<string>? Encoding { get; init; }

    /// <summary>Gets <c>rotationPolicy</c> (<c>Never</c>, <c>Always</c>).</summary>
    public ConfigurationValue<string>? RotationPolicy { get; init; }
}

/// <summary>A Certificate's <c>spec.issuerRef</c>.</summary>
public sealed class CertManagerIssuerReference
{
    /// <summary>Gets where <c>issuerRef</c>'s mapping starts.</summary>
    public SourcePosition Position { get; init; }

    /// <summary>Gets <c>name</c>.</summary>
    public ConfigurationValue<string>? Name { get; init; }

    /// <summary>Gets <c>kind</c> (<c>Issuer</c> when absent, or <c>ClusterIssuer</c>).</summary>
    public ConfigurationValue<string>? Kind { get; init; }

    /// <summary>Gets <c>group</c> (<c>cert-manager.io</c> when absent).</summary>
    public ConfigurationValue<string>? Group { get; init; }
}
