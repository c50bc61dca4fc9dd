using System.Globalization;

namespace Golem.MeshPki.Packaging;

/// <summary>A certificate revocation list of a <c>cacerts</c> bundle (<c>ca-crl.pem</c>), kept as DER with where it came from.</summary>
/// <remarks>The CRL is not parsed: <see cref="Data"/> is the decoded PEM block as written.</remarks>
public sealed class BundleCrl
{
    internal BundleCrl(ReadOnlyMemory<byte> data, string key, string source, int blockIndex, int line)
    {
        Data = data;
        Key = key;
        Source = source;
        BlockIndex = blockIndex;
        Line = line;
    }

    /// <summary>The CRL's DER (RFC 5280 5.1 CertificateList), as decoded from its <c>X509 CRL</c> block.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>The file name or Secret key it was read from: <c>ca-crl.pem</c>.</summary>
    public string Key { get; }

    /// <summary>Where it came from, e.g. <c>cacerts/ca-crl.pem#1</c>.</summary>
    public string Source { get; }

    /// <summary>The 1-based index of its PEM block in the file.</summary>
    public int BlockIndex { get; }

    /// <summary>The 1-based line of the block's <c>-----BEGIN</c> boundary.</summary>
    public int Line { get; }

    /// <summary>Returns the source and the length, e.g. <c>cacerts/ca-crl.pem#1 (X509 CRL, 412 bytes)</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Source} (X509 CRL, {Data.Length} bytes)");
}
