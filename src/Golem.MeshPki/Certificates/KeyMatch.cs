namespace Golem.MeshPki.Certificates;

/// <summary>Whether a private key belongs to a certificate: the answer of <see cref="PrivateKeyIdentity.MatchesCertificate"/>.</summary>
/// <remarks>
/// <see cref="Unknown"/> is zero, so that a <c>default</c> value never claims a match.
/// </remarks>
public enum KeyMatch
{
    /// <summary>
    /// The key's public key could not be derived: the key is encrypted, or its algorithm or
    /// encoding is not supported. <see cref="PrivateKeyIdentity.UnknownReason"/> says which.
    /// </summary>
    Unknown = 0,

    /// <summary>The certificate's subject public key is the key's public key.</summary>
    Matches = 1,

    /// <summary>The certificate has another public key (or a key of another algorithm).</summary>
    DoesNotMatch = 2,
}
