using Golem.MeshPki.Certificates;
using Golem.MeshPki.Validation.Signatures;

namespace Golem.MeshPki.Validation;

/// <summary>
/// One-off signature checks outside path validation (<c>meshpki inspect</c>'s selfSigned, a root bundle entry):
/// RSA PKCS #1 v1.5, ECDSA and DSA with .NET; RSASSA-PSS with the salt length and MGF1 hash its parameters name,
/// Ed25519 and Ed448 with BouncyCastle. For many certificates of one issuer, use <see cref="CertificatePathValidator"/>,
/// which imports each issuer key once.
/// </summary>
public static class CertificateSignatures
{
    /// <summary>Whether <paramref name="issuer"/>'s key verifies <paramref name="certificate"/>'s signature.</summary>
    /// <param name="certificate">The signed certificate.</param>
    /// <param name="issuer">The certificate whose public key is used.</param>
    /// <returns>True when the signature verifies; false when it does not or cannot be verified (unknown algorithm, unusable key).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static bool IsSignedBy(DerCertificate certificate, DerCertificate issuer)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(issuer);
        using var verifier = new SignatureVerifier();
        return verifier.Verify(certificate, issuer) == SignatureStatus.Valid;
    }

    /// <summary>
    /// Whether <paramref name="certificate"/> is self-signed: self-issued (issuer equals subject, RFC 5280 6.1) and its
    /// signature verifies with its own key. A self-issued certificate signed by another key (a CA key rollover) is not.
    /// </summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns>True when self-issued and verified with its own key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="certificate"/> is null.</exception>
    public static bool IsSelfSigned(DerCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.IsSelfIssued && IsSignedBy(certificate, certificate);
    }
}
