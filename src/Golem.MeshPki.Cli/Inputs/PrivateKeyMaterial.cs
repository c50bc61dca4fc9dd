namespace Golem.MeshPki.Cli.Inputs;

/// <summary>How a private key found in the input is encoded, from its PEM label (or the lack of one).</summary>
internal enum PrivateKeyEncoding
{
    /// <summary><c>PRIVATE KEY</c>: PKCS #8 PrivateKeyInfo (RFC 5208), which names its algorithm.</summary>
    Pkcs8,

    /// <summary><c>RSA PRIVATE KEY</c>: PKCS #1 RSAPrivateKey (RFC 8017 A.1.2).</summary>
    RsaPkcs1,

    /// <summary><c>EC PRIVATE KEY</c>: SEC 1 ECPrivateKey (RFC 5915).</summary>
    EcSec1,

    /// <summary><c>ENCRYPTED PRIVATE KEY</c> (RFC 5958), or a legacy OpenSSL key with <c>Proc-Type: 4,ENCRYPTED</c> headers.</summary>
    Encrypted,

    /// <summary>Another label ending in <c>PRIVATE KEY</c> (<c>DSA PRIVATE KEY</c>, <c>OPENSSH PRIVATE KEY</c>).</summary>
    OtherLabel,

    /// <summary>DER without a label (a Secret key such as <c>tls.key</c> holding DER): PKCS #8, PKCS #1 or SEC 1.</summary>
    UnlabelledDer,
}

/// <summary>A private key found in the input, handed to the sink to identify and match; never printed.</summary>
/// <remarks>The reader zeroes <see cref="Data"/> once the sink returns: the sink must not keep it.</remarks>
/// <param name="Encoding">How <see cref="Data"/> is encoded.</param>
/// <param name="Label">The PEM label, e.g. <c>EC PRIVATE KEY</c>, or <c>DER</c>; for messages.</param>
/// <param name="Data">The DER (or encrypted) bytes.</param>
/// <param name="LineNumber">The 1-based line of the BEGIN boundary; 0 for DER.</param>
internal readonly record struct PrivateKeyMaterial(PrivateKeyEncoding Encoding, string Label, ReadOnlyMemory<byte> Data, int LineNumber)
{
    /// <summary>Where the key is, for messages: <c>EC PRIVATE KEY at line 12</c> or <c>DER private key</c>.</summary>
    public string Location => LineNumber > 0
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Label} at line {LineNumber}")
        : "DER private key";

    /// <summary>Label and line only; never the key's bytes.</summary>
    /// <returns>The location.</returns>
    public override string ToString() => Location;
}
