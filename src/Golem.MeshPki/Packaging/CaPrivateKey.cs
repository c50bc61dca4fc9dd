using Golem.MeshPki.Certificates;

namespace Golem.MeshPki.Packaging;

/// <summary>
/// The CA private key of a <c>cacerts</c> bundle (<c>ca-key.pem</c> or <c>tls.key</c>): where it came from,
/// its algorithm, and whether it belongs to a certificate. Opaque: it holds no byte of the key.
/// </summary>
/// <remarks>
/// The public key is derived when the bundle is loaded (see <see cref="PrivateKeyIdentity"/>), and the
/// decoded key is then zeroed. <see cref="ToString"/> and every finding name only the source and the algorithm.
/// </remarks>
public sealed class CaPrivateKey
{
    private readonly PrivateKeyIdentity _identity;

    internal CaPrivateKey(PrivateKeyIdentity identity, string key, string source, int blockIndex, int line)
    {
        _identity = identity;
        Key = key;
        Source = source;
        BlockIndex = blockIndex;
        Line = line;
    }

    /// <summary>The file name or Secret key it was read from: <c>ca-key.pem</c> or <c>tls.key</c>.</summary>
    public string Key { get; }

    /// <summary>Where it came from, e.g. <c>cacerts/ca-key.pem#1</c>.</summary>
    public string Source { get; }

    /// <summary>The 1-based index of its PEM block in the file.</summary>
    public int BlockIndex { get; }

    /// <summary>The 1-based line of the block's <c>-----BEGIN</c> boundary.</summary>
    public int Line { get; }

    /// <summary>The key's algorithm family; <see cref="PublicKeyAlgorithm.Unknown"/> when encrypted or not identified.</summary>
    public PublicKeyAlgorithm Algorithm => _identity.Algorithm;

    /// <summary>Whether the key is encrypted, which istiod cannot use.</summary>
    public bool IsEncrypted => _identity.IsEncrypted;

    /// <summary>
    /// Why <see cref="MatchesCertificate"/> answers <see cref="KeyMatch.Unknown"/> (e.g. <c>the key is encrypted</c>);
    /// <see langword="null"/> when the key can be matched.
    /// </summary>
    public string? UnknownReason => _identity.UnknownReason;

    /// <summary>Whether <paramref name="certificate"/> is this key's certificate: its subject public key is this key's public key.</summary>
    /// <param name="certificate">The certificate, typically <see cref="CaCertsBundle.CaCertificate"/>.</param>
    /// <returns>The answer; <see cref="KeyMatch.Unknown"/> for an encrypted key or an unsupported algorithm (see <see cref="UnknownReason"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="certificate"/> is <see langword="null"/>.</exception>
    public KeyMatch MatchesCertificate(DerCertificate certificate) => _identity.MatchesCertificate(certificate);

    /// <summary>Names the source and the algorithm only, e.g. <c>cacerts/ca-key.pem#1 (EC private key)</c>.</summary>
    /// <returns>A description safe to print or log.</returns>
    public override string ToString() => Source + " (" + _identity + ")";
}
