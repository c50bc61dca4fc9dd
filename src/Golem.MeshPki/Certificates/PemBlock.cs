namespace Golem.MeshPki.Certificates;

/// <summary>
/// One decoded PEM block (RFC 7468): its label, its data, and where it was in the text.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="PemReader.ReadAll(ReadOnlySpan{char})"/> decodes the blocks of one input into
/// shared arrays of up to 64 KiB, so <see cref="Data"/> of each block is a slice of one: holding
/// one block keeps its neighbours' decoded bytes alive.
/// </para>
/// <para>
/// <see cref="ToString"/> names the label, line and length, never the data: blocks may hold
/// private keys.
/// </para>
/// </remarks>
public readonly struct PemBlock
{
    private readonly string? _labelText;

    internal PemBlock(PemLabel label, string labelText, ReadOnlyMemory<byte> data, int lineNumber, Range location, Range encapsulatedHeaders)
    {
        Label = label;
        _labelText = labelText;
        Data = data;
        LineNumber = lineNumber;
        Location = location;
        EncapsulatedHeaders = encapsulatedHeaders;
    }

    /// <summary>What the block holds, from its label; <see cref="PemLabel.Unknown"/> for labels not in <see cref="PemLabel"/>.</summary>
    public PemLabel Label { get; }

    /// <summary>
    /// The literal label between <c>-----BEGIN </c> and <c>-----</c>, e.g. <c>TRUSTED CERTIFICATE</c>.
    /// A constant string for the labels <see cref="PemLabel"/> knows; only unknown labels are allocated.
    /// </summary>
    public string LabelText => _labelText ?? string.Empty;

    /// <summary>
    /// The decoded base64 body: DER for every known label, except a block with
    /// <see cref="EncapsulatedHeaders"/> (a legacy OpenSSL encrypted key with <c>Proc-Type</c> and
    /// <c>DEK-Info</c> headers), whose data is the encrypted body as written, not DER.
    /// </summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>The 1-based line of the <c>-----BEGIN</c> boundary; lines end at LF, so CRLF counts once.</summary>
    public int LineNumber { get; }

    /// <summary>
    /// Where the block is in the input, from the first <c>-</c> of <c>-----BEGIN</c> to the last
    /// <c>-</c> of the END line: characters for text read as <see cref="char"/>, bytes for UTF-8 input.
    /// </summary>
    public Range Location { get; }

    /// <summary>
    /// Where the RFC 1421 encapsulated header lines (<c>Proc-Type: 4,ENCRYPTED</c>,
    /// <c>DEK-Info: ...</c>) are in the input, in the units of <see cref="Location"/>;
    /// an empty range (<c>0..0</c>) when the block has none.
    /// </summary>
    public Range EncapsulatedHeaders { get; }

    /// <summary>Whether the block has encapsulated headers, and so <see cref="Data"/> is not DER.</summary>
    public bool HasEncapsulatedHeaders => !EncapsulatedHeaders.Equals(default(Range));

    /// <summary>
    /// Whether the block holds private key material: a label for which
    /// <see cref="PemLabelExtensions.IsPrivateKey"/> is true, or any label ending in
    /// <c>PRIVATE KEY</c> (<c>DSA PRIVATE KEY</c>, <c>OPENSSH PRIVATE KEY</c>).
    /// </summary>
    public bool IsPrivateKey => Label.IsPrivateKey() || LabelText.EndsWith("PRIVATE KEY", StringComparison.Ordinal);

    /// <summary>Describes the block without its data, e.g. <c>CERTIFICATE at line 3 (1234 bytes)</c>.</summary>
    /// <returns>The label, line and data length.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{LabelText} at line {LineNumber} ({Data.Length} bytes)");
}
