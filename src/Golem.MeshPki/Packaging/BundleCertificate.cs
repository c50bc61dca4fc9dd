using Golem.MeshPki.Certificates;

namespace Golem.MeshPki.Packaging;

/// <summary>A certificate of a <c>cacerts</c> bundle, with where it came from.</summary>
/// <remarks>
/// The certificate is a view over the bytes the PEM block was decoded into; nothing is copied.
/// </remarks>
public sealed class BundleCertificate
{
    internal BundleCertificate(DerCertificate certificate, string key, string source, int blockIndex, int line)
    {
        Certificate = certificate;
        Key = key;
        Source = source;
        BlockIndex = blockIndex;
        Line = line;
    }

    /// <summary>The parsed certificate.</summary>
    public DerCertificate Certificate { get; }

    /// <summary>The file name or Secret key it was read from, e.g. <c>cert-chain.pem</c>.</summary>
    public string Key { get; }

    /// <summary>
    /// Where it came from, for messages: the bundle's <see cref="CaCertsBundle.SourceName"/>, the key and
    /// the 1-based PEM block index, e.g. <c>cacerts/cert-chain.pem#2</c>.
    /// </summary>
    public string Source { get; }

    /// <summary>The 1-based index of its PEM block among all the blocks of the file (certificates or not).</summary>
    public int BlockIndex { get; }

    /// <summary>The 1-based line of the block's <c>-----BEGIN</c> boundary in the file (for a Secret, in the decoded value).</summary>
    public int Line { get; }

    /// <summary>Returns the source and the subject, e.g. <c>cacerts/cert-chain.pem#2 CN=Root CA,O=Istio</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => Source + " " + Certificate.Subject;
}
