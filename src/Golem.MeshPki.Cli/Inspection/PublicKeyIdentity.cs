namespace Golem.MeshPki.Cli.Inspection;

/// <summary>
/// The bytes that identify a public key, for matching a private key to its certificate: the
/// SubjectPublicKeyInfo DER, except for RSA, where it is the RSAPublicKey (modulus and exponent),
/// so that a key written as rsaEncryption matches a certificate whose SubjectPublicKeyInfo says
/// id-RSASSA-PSS (RFC 4055 allows both for one key).
/// </summary>
internal sealed class PublicKeyIdentity
{
    private readonly byte[] _bytes;
    private readonly bool _isRsa;

    private PublicKeyIdentity(bool isRsa, byte[] bytes)
    {
        _isRsa = isRsa;
        _bytes = bytes;
    }

    /// <summary>An RSA key, by its RSAPublicKey DER (RFC 8017 A.1.1).</summary>
    /// <param name="rsaPublicKey">The RSAPublicKey DER.</param>
    /// <returns>The identity.</returns>
    public static PublicKeyIdentity ForRsa(ReadOnlySpan<byte> rsaPublicKey) => new(isRsa: true, rsaPublicKey.ToArray());

    /// <summary>Any other key, by its SubjectPublicKeyInfo DER (RFC 5280 4.1.2.7).</summary>
    /// <param name="subjectPublicKeyInfo">The SubjectPublicKeyInfo DER.</param>
    /// <returns>The identity.</returns>
    public static PublicKeyIdentity ForSubjectPublicKeyInfo(ReadOnlySpan<byte> subjectPublicKeyInfo) => new(isRsa: false, subjectPublicKeyInfo.ToArray());

    /// <summary>Whether both identify the same public key.</summary>
    /// <param name="other">The other identity.</param>
    /// <returns>True for the same key.</returns>
    public bool SameKeyAs(PublicKeyIdentity other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return _isRsa == other._isRsa && _bytes.AsSpan().SequenceEqual(other._bytes);
    }

    /// <summary>Says what kind of identity this is, not the bytes.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => _isRsa ? "RSA public key" : "SubjectPublicKeyInfo";
}
