using System.Security.Cryptography.X509Certificates;

namespace Golem.MeshPki.Tests.TestCertificates;

/// <summary>Which library writes a test certificate.</summary>
public enum CertificateWriter
{
    /// <summary>.NET's <see cref="CertificateRequest"/> (RSA and EC keys only).</summary>
    DotNet,

    /// <summary>BouncyCastle's <c>X509V3CertificateGenerator</c>, or <c>X509V1CertificateGenerator</c> for v1.</summary>
    BouncyCastle,
}

/// <summary>
/// What a test certificate holds. Every default is fixed (names, serial, a 2025-01-01..2035-01-01
/// window) so that certificates do not age and tests never read the clock.
/// </summary>
public sealed record CertificateSpec
{
    /// <summary>The default validity start: 2025-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset DefaultNotBefore = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The default validity end: 2035-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset DefaultNotAfter = new(2035, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The subject Name's DER; default <c>CN=workload,O=Golem Test</c>.</summary>
    public byte[] Subject { get; init; } = Der.SimpleName(("2.5.4.10", Der.Utf8("Golem Test")), ("2.5.4.3", Der.Utf8("workload")));

    /// <summary>The issuer Name's DER; null means the subject (self-issued).</summary>
    public byte[]? Issuer { get; init; }

    /// <summary>The subject key, which also signs unless <see cref="IssuerKey"/> is set.</summary>
    public TestKey Key { get; init; } = TestKeys.P256;

    /// <summary>The issuer's key, which signs: set it (with <see cref="Issuer"/>) for a certificate that really chains to its issuer; null means <see cref="Key"/> signs.</summary>
    public TestKey? IssuerKey { get; init; }

    /// <summary>The signature scheme; null means the key's default.</summary>
    public SignatureScheme? Scheme { get; init; }

    public DateTimeOffset NotBefore { get; init; } = DefaultNotBefore;

    public DateTimeOffset NotAfter { get; init; } = DefaultNotAfter;

    /// <summary>The serial number as a positive big-endian magnitude (writers normalize it to a minimal positive INTEGER).</summary>
    public byte[] SerialNumber { get; init; } = [0x1A, 0x2B, 0x3C, 0x4D, 0x5E, 0x6F];

    /// <summary>The extensions, written in this order.</summary>
    public IReadOnlyList<X509Extension> Extensions { get; init; } = [];

    /// <summary>Which library writes the certificate; Ed25519 keys need BouncyCastle.</summary>
    public CertificateWriter Writer { get; init; } = CertificateWriter.DotNet;

    /// <summary>Write a v1 certificate (BouncyCastle only; no extensions).</summary>
    public bool Version1 { get; init; }

    /// <summary>The key that signs: <see cref="IssuerKey"/>, else <see cref="Key"/>.</summary>
    public TestKey SigningKey => IssuerKey ?? Key;

    public SignatureScheme EffectiveScheme => Scheme ?? SigningKey.DefaultScheme;
}
