using Golem.MeshPki.Certificates;

namespace Golem.MeshPki.Cli.Inputs;

/// <summary>A private key found in the input, handed to the sink to identify and match; never printed.</summary>
/// <remarks>The reader zeroes <see cref="Data"/> once the sink returns: the sink must not keep it.</remarks>
/// <param name="Label">The PEM label, e.g. <c>EC PRIVATE KEY</c>, or <c>DER</c>; for messages.</param>
/// <param name="Data">The DER (or encrypted) bytes.</param>
/// <param name="LineNumber">The 1-based line of the BEGIN boundary; 0 for DER.</param>
/// <param name="Block">
/// The PEM block, whose label says how <paramref name="Data"/> is encoded; <see langword="null"/> for DER without
/// a label (a Secret key such as <c>tls.key</c> holding DER: PKCS #8, PKCS #1 or SEC 1).
/// </param>
internal readonly record struct PrivateKeyMaterial(string Label, ReadOnlyMemory<byte> Data, int LineNumber, PemBlock? Block)
{
    /// <summary>Where the key is, for messages: <c>EC PRIVATE KEY at line 12</c> or <c>DER private key</c>.</summary>
    public string Location => LineNumber > 0
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Label} at line {LineNumber}")
        : "DER private key";

    /// <summary>Label and line only; never the key's bytes.</summary>
    /// <returns>The location.</returns>
    public override string ToString() => Location;
}
