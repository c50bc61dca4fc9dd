using Golem.MeshPki.Certificates;
using Golem.MeshPki.Cli.Inputs;

namespace Golem.MeshPki.Cli.Inspection;

/// <summary>What a private key is, named for the report, and its identity for matching it to certificates.</summary>
/// <param name="KeyAlgorithm">The algorithm's names (see <see cref="CertificateNames.KeyAlgorithm"/>), or <c>encrypted</c> / <c>unknown</c>.</param>
/// <param name="Identity">The core's identification of the key: its public key, or why it cannot be matched.</param>
internal sealed record PrivateKeyFacts(KeyAlgorithmName KeyAlgorithm, PrivateKeyIdentity Identity);

/// <summary>
/// Identifies private keys with the core's <see cref="PrivateKeyIdentity"/> (the one implementation
/// that <c>meshpki</c> and the <c>cacerts</c> bundle share) and names them in the CLI's vocabulary.
/// Nothing here returns, logs or puts into a message any byte of the key.
/// </summary>
internal static class PrivateKeyInspector
{
    /// <summary>The keyAlgorithm reported for encrypted keys.</summary>
    private static readonly KeyAlgorithmName Encrypted = new("encrypted", "encrypted");

    /// <summary>The keyAlgorithm reported for blocks that do not say what algorithm they hold.</summary>
    private static readonly KeyAlgorithmName Unknown = new("unknown", "unknown");

    /// <summary>Identifies a key.</summary>
    /// <param name="key">The key material.</param>
    /// <returns>The facts, or <see langword="null"/> when the bytes are not a key of the kind the label says.</returns>
    public static PrivateKeyFacts? Inspect(PrivateKeyMaterial key)
    {
        bool read = key.Block is { } block
            ? PrivateKeyIdentity.TryRead(block, out PrivateKeyIdentity? identity)
            : PrivateKeyIdentity.TryReadDer(key.Data, out identity);
        return read ? new PrivateKeyFacts(Name(identity!, key.Label), identity!) : null;
    }

    private static KeyAlgorithmName Name(PrivateKeyIdentity identity, string label)
    {
        if (identity.IsEncrypted)
        {
            return Encrypted;
        }

        if (identity.AlgorithmOid is { } oid)
        {
            return CertificateNames.KeyAlgorithm(identity.Algorithm, oid);
        }

        // The algorithm is inside OpenSSH's own format, which meshpki does not read.
        return label == "OPENSSH PRIVATE KEY" ? Unknown with { DisplayName = "OpenSSH" } : Unknown;
    }
}
