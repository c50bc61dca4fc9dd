using Golem.MeshPki.Certificates;
using Golem.MeshPki.Validation;

namespace Golem.MeshPki.Cli.Inspection;

/// <summary>
/// Decides whether a certificate is self-signed: self-issued (issuer equals subject, RFC 5280 6.1)
/// and its signature verifies with its own key, with the core's verifier (<see cref="CertificateSignatures"/>).
/// </summary>
/// <remarks>
/// "Self-signed" is a claim that the signature verifies, so a signature that cannot be verified gives
/// <see langword="false"/>, never a guess from the key identifiers: a self-issued certificate may be
/// signed by another key (a CA's key rollover certificate, RFC 4210 4.4). What cannot be verified:
/// PKCS #1 v1.5 and ECDSA with hashes .NET does not offer (MD2, SHA-224); RSASSA-PSS with a hash other
/// than the five of RFC 4055, a mask generation function other than MGF1, a trailer field other than 1,
/// or without its parameters; keys .NET cannot load; key algorithms the core does not classify.
/// </remarks>
internal static class SelfSignature
{
    /// <summary>Whether <paramref name="certificate"/> is self-signed.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns>True when self-issued and the signature verifies with its own key.</returns>
    public static bool IsSelfSigned(DerCertificate certificate) => CertificateSignatures.IsSelfSigned(certificate);
}
