using System.Security.Cryptography.X509Certificates;
using Golem.MeshPki.Tests.TestCertificates;
using X509Extension = System.Security.Cryptography.X509Certificates.X509Extension;

namespace Golem.MeshPki.Tests.TestSupport;

/// <summary>
/// What a CA certificate of a test mesh PKI holds. The defaults are a well-formed CA as istio's tools/certs
/// Makefiles write one (basicConstraints critical CA:TRUE, keyUsage critical keyCertSign and cRLSign,
/// subjectKeyIdentifier, and authorityKeyIdentifier when issued by another CA), valid 2025-01-01..2035-01-01.
/// </summary>
public sealed record CaCertificateSpec
{
    /// <summary>The subject's common name; the subject is <c>CN=&lt;name&gt;,O=Golem Bank</c>.</summary>
    public required string CommonName { get; init; }

    /// <summary>The subject key.</summary>
    public required TestKey Key { get; init; }

    public DateTimeOffset NotBefore { get; init; } = CertificateSpec.DefaultNotBefore;

    public DateTimeOffset NotAfter { get; init; } = CertificateSpec.DefaultNotAfter;

    /// <summary>Whether to write basicConstraints at all.</summary>
    public bool HasBasicConstraints { get; init; } = true;

    /// <summary>basicConstraints cA.</summary>
    public bool IsCertificateAuthority { get; init; } = true;

    /// <summary>basicConstraints pathLenConstraint; null for none.</summary>
    public int? PathLength { get; init; }

    /// <summary>keyUsage (critical); null for no keyUsage extension.</summary>
    public X509KeyUsageFlags? KeyUsage { get; init; } = X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign;

    /// <summary>Extensions written after the standard ones.</summary>
    public IReadOnlyList<X509Extension> ExtraExtensions { get; init; } = [];

    /// <summary>The key that signs instead of the issuer's (a forged link: same issuer name, another key).</summary>
    public TestKey? SigningKey { get; init; }

    /// <summary>BouncyCastle's signature algorithm name, e.g. <c>SHA1WITHRSA</c>; null for the signing key's default.</summary>
    public string? SignatureAlgorithm { get; init; }
}
