namespace Golem.MeshPki.Certificates;

/// <summary>
/// What a PEM block holds, read from the label of its <c>-----BEGIN label-----</c> line
/// (RFC 7468 section 2), so that bundle readers can route blocks without comparing strings.
/// </summary>
/// <remarks>
/// The literal label is kept in <see cref="PemBlock.LabelText"/>: several labels map to one
/// value (<c>TRUSTED CERTIFICATE</c> and <c>X509 CERTIFICATE</c> are both
/// <see cref="Certificate"/>). <see cref="Unknown"/> is zero, so a <c>default</c> block
/// never claims to be a certificate.
/// </remarks>
public enum PemLabel
{
    /// <summary>Any label not listed here, e.g. <c>DSA PRIVATE KEY</c> or <c>OPENSSH PRIVATE KEY</c>; see <see cref="PemBlock.LabelText"/>.</summary>
    Unknown = 0,

    /// <summary>
    /// <c>CERTIFICATE</c> (RFC 7468 section 5), and the legacy <c>X509 CERTIFICATE</c> and
    /// OpenSSL's <c>TRUSTED CERTIFICATE</c>, whose data is the certificate followed by
    /// OpenSSL's trust settings.
    /// </summary>
    Certificate = 1,

    /// <summary><c>PRIVATE KEY</c>: an unencrypted PKCS #8 PrivateKeyInfo (RFC 7468 section 10).</summary>
    PrivateKey = 2,

    /// <summary><c>RSA PRIVATE KEY</c>: a PKCS #1 RSAPrivateKey (RFC 8017 appendix A.1.2).</summary>
    RsaPrivateKey = 3,

    /// <summary><c>EC PRIVATE KEY</c>: an SEC 1 ECPrivateKey (RFC 5915 section 3).</summary>
    EcPrivateKey = 4,

    /// <summary><c>ENCRYPTED PRIVATE KEY</c>: a PKCS #8 EncryptedPrivateKeyInfo (RFC 7468 section 11).</summary>
    EncryptedPrivateKey = 5,

    /// <summary><c>CERTIFICATE REQUEST</c> (RFC 7468 section 7), or the legacy <c>NEW CERTIFICATE REQUEST</c>.</summary>
    CertificateRequest = 6,

    /// <summary><c>X509 CRL</c>: a certificate revocation list (RFC 7468 section 6).</summary>
    Crl = 7,

    /// <summary><c>PUBLIC KEY</c>: a SubjectPublicKeyInfo (RFC 7468 section 13).</summary>
    PublicKey = 8,
}

/// <summary>Questions about a <see cref="PemLabel"/>.</summary>
public static class PemLabelExtensions
{
    /// <summary>
    /// Whether the label names private key material: <see cref="PemLabel.PrivateKey"/>,
    /// <see cref="PemLabel.RsaPrivateKey"/>, <see cref="PemLabel.EcPrivateKey"/> or
    /// <see cref="PemLabel.EncryptedPrivateKey"/>.
    /// </summary>
    /// <remarks>
    /// Unknown labels such as <c>DSA PRIVATE KEY</c> are <see cref="PemLabel.Unknown"/> and so
    /// answer false here; <see cref="PemBlock.IsPrivateKey"/> also catches those.
    /// </remarks>
    /// <param name="label">The label to ask about.</param>
    /// <returns>True for the private key labels.</returns>
    public static bool IsPrivateKey(this PemLabel label) =>
        label is PemLabel.PrivateKey or PemLabel.RsaPrivateKey or PemLabel.EcPrivateKey or PemLabel.EncryptedPrivateKey;
}
