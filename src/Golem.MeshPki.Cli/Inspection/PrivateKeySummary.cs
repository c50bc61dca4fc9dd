namespace Golem.MeshPki.Cli.Inspection;

/// <summary>Whether a private key was matched against the certificates.</summary>
internal enum KeyMatchStatus
{
    /// <summary>A certificate has the key's public key: see <see cref="PrivateKeySummary.MatchesCertificate"/>.</summary>
    Matched,

    /// <summary>The public key was derived and no certificate has it.</summary>
    NoMatch,

    /// <summary>The public key could not be derived (encrypted, or an algorithm .NET cannot load); see <see cref="PrivateKeySummary.NotCheckedReason"/>.</summary>
    NotChecked,
}

/// <summary>What <c>meshpki inspect</c> reports about one private key: its type and its certificate, never its contents.</summary>
/// <param name="Source"><c>&lt;input&gt;#&lt;index&gt;</c>, counting keys of the input.</param>
/// <param name="KeyAlgorithm">The key's algorithm: in JSON <c>RSA</c>, <c>EC</c>, <c>Ed25519</c>, a dotted OID, <c>encrypted</c> or <c>unknown</c>.</param>
/// <param name="Status">Whether it was matched.</param>
/// <param name="MatchesCertificate">The source of the certificate with the same public key, or <see langword="null"/>.</param>
/// <param name="NotCheckedReason">Why matching was not possible, when <paramref name="Status"/> is <see cref="KeyMatchStatus.NotChecked"/>.</param>
internal sealed record PrivateKeySummary(string Source, KeyAlgorithmName KeyAlgorithm, KeyMatchStatus Status, string? MatchesCertificate, string? NotCheckedReason);

/// <summary>An input (or part of one) that could not be read.</summary>
/// <param name="Source">The input, or the certificate's or key's name.</param>
/// <param name="Message">Why, as a sentence.</param>
internal sealed record InputError(string Source, string Message);

/// <summary>Everything <c>meshpki inspect</c> found, in input order.</summary>
/// <param name="Certificates">The certificates.</param>
/// <param name="PrivateKeys">The private keys, matched to certificates.</param>
/// <param name="Errors">What could not be read.</param>
internal sealed record InspectionReport(IReadOnlyList<CertificateSummary> Certificates, IReadOnlyList<PrivateKeySummary> PrivateKeys, IReadOnlyList<InputError> Errors);
