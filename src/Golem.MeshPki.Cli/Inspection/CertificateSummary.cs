using Golem.MeshPki.Certificates;

namespace Golem.MeshPki.Cli.Inspection;

/// <summary>What <c>meshpki inspect</c> reports about one certificate, as values that outlive the input's memory.</summary>
internal sealed record CertificateSummary
{
    /// <summary><c>&lt;input&gt;#&lt;index&gt;</c>, e.g. <c>bundle.pem#0</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The subject, RFC 4514.</summary>
    public required string Subject { get; init; }

    /// <summary>The issuer, RFC 4514.</summary>
    public required string Issuer { get; init; }

    /// <summary>Lowercase hex of the serial number's value.</summary>
    public required string SerialNumber { get; init; }

    /// <summary>Start of validity, UTC.</summary>
    public required DateTimeOffset NotBefore { get; init; }

    /// <summary>End of validity, UTC.</summary>
    public required DateTimeOffset NotAfter { get; init; }

    /// <summary>SHA-256 of the DER, lowercase hex without separators.</summary>
    public required string Sha256Fingerprint { get; init; }

    /// <summary>basicConstraints cA.</summary>
    public required bool IsCa { get; init; }

    /// <summary>basicConstraints pathLenConstraint, or <see langword="null"/> when absent.</summary>
    public required int? PathLength { get; init; }

    /// <summary>The key algorithm: <c>RSA</c>, <c>EC</c>, <c>Ed25519</c>, or the dotted OID in JSON (see <see cref="CertificateNames.KeyAlgorithm"/>).</summary>
    public required KeyAlgorithmName KeyAlgorithm { get; init; }

    /// <summary>Key size in bits; 0 when unknown.</summary>
    public required int KeySize { get; init; }

    /// <summary>The JSON contract's curve: <c>P-256</c>, <c>P-384</c>, <c>P-521</c>, another curve's dotted OID, or <see langword="null"/>.</summary>
    public required string? Curve { get; init; }

    /// <summary>The curve for people: the core's name (<c>P-256</c>, <c>secp256k1</c>...) or dotted OID, or <see langword="null"/>.</summary>
    public required string? CurveDisplayName { get; init; }

    /// <summary>OpenSSL's name for the signature algorithm, or its dotted OID.</summary>
    public required string SignatureAlgorithm { get; init; }

    /// <summary>RFC 5280 key usage names, in bit order.</summary>
    public required IReadOnlyList<string> KeyUsage { get; init; }

    /// <summary>Extended key usages: short names (<c>serverAuth</c>) or dotted OIDs.</summary>
    public required IReadOnlyList<string> ExtendedKeyUsage { get; init; }

    /// <summary>Subject alternative names as OpenSSL prints them: <c>DNS:</c>, <c>URI:</c>, <c>IP:</c>, <c>email:</c>.</summary>
    public required IReadOnlyList<string> SubjectAlternativeNames { get; init; }

    /// <summary>Issuer equals subject and the signature verifies with the certificate's own key (see <see cref="SelfSignature"/>).</summary>
    public required bool SelfSigned { get; init; }

    /// <summary>
    /// The certificate, parsed from a copy of its DER (the reader zeroes the input's memory), for
    /// matching private keys to it with <see cref="PrivateKeyIdentity.MatchesCertificate"/>.
    /// </summary>
    public required DerCertificate Certificate { get; init; }
}
