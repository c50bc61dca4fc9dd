using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace Golem.MeshPki.Certificates;

/// <summary>
/// Reads every PEM block (RFC 7468) of a bundle, in the style of
/// <see cref="System.Security.Cryptography.PemEncoding"/> but tolerant of the text real
/// bundles carry, and strict about broken blocks.
/// </summary>
/// <remarks>
/// <para>
/// Tolerated: CRLF or LF line ends, blank lines, indentation (a PEM pasted into YAML), and any
/// text between blocks, such as the dump <c>openssl x509 -text</c> prints before a block or the
/// output of <c>kubectl</c> around it. A <c>-----BEGIN</c> boundary counts only where it starts a
/// line (after optional whitespace, a UTF-8 byte order mark, or the END boundary of the block
/// before it); one in the middle of a line of prose is text.
/// </para>
/// <para>
/// Blocks with RFC 1421 encapsulated headers (legacy OpenSSL encrypted keys:
/// <c>Proc-Type: 4,ENCRYPTED</c> and <c>DEK-Info: ...</c>, then a blank line) are returned with
/// their label; the header lines are skipped and the block's data is the encrypted body
/// (see <see cref="PemBlock.HasEncapsulatedHeaders"/>).
/// </para>
/// <para>
/// Rejected with a <see cref="CertificateFormatException"/> naming the 1-based line: a BEGIN
/// line without a matching END line, an END line whose label differs from its BEGIN line, an
/// END line with no BEGIN line, and a body that is not base64 (the line of the first bad
/// character). The body is decoded as <see cref="Convert.TryFromBase64Chars"/> decodes it:
/// whitespace (space, tab, CR, LF) anywhere, padding required.
/// </para>
/// </remarks>
public static class PemReader
{
    /// <summary>Whether <paramref name="utf8Text"/> contains <c>-----BEGIN </c>, so that callers can route input to the PEM or the DER reader.</summary>
    /// <param name="utf8Text">UTF-8 or ASCII text, or DER bytes.</param>
    /// <returns>True when the input contains a BEGIN boundary; it may still fail to read.</returns>
    public static bool LooksLikePem(ReadOnlySpan<byte> utf8Text) => utf8Text.IndexOf("-----BEGIN "u8) >= 0;

    /// <summary>Whether <paramref name="text"/> contains <c>-----BEGIN </c>.</summary>
    /// <param name="text">The text to look at.</param>
    /// <returns>True when the text contains a BEGIN boundary; it may still fail to read.</returns>
    public static bool LooksLikePem(ReadOnlySpan<char> text) => text.IndexOf("-----BEGIN ", StringComparison.Ordinal) >= 0;

    /// <summary>Reads and decodes every PEM block of <paramref name="text"/>, in order.</summary>
    /// <remarks>
    /// Blocks' data are slices of shared arrays of at most 64 KiB (one for a typical bundle, three
    /// for the Mozilla roots); besides those, one array for the list and one string per
    /// <see cref="PemLabel.Unknown"/> label are allocated.
    /// </remarks>
    /// <param name="text">A PEM bundle, possibly with other text around its blocks.</param>
    /// <returns>The blocks in the order they appear; empty when the text has none.</returns>
    /// <exception cref="CertificateFormatException">
    /// A block is broken: no matching END line, END label different from BEGIN, an END line
    /// without BEGIN, or a body that is not base64. The first problem in the text is reported.
    /// </exception>
    public static IReadOnlyList<PemBlock> ReadAll(ReadOnlySpan<char> text) => PemScanner.ReadAll(text);

    /// <summary>Reads and decodes every PEM block of UTF-8 or ASCII <paramref name="utf8Text"/>, in order.</summary>
    /// <remarks>
    /// The text is read as bytes, without transcoding: text around blocks may be any UTF-8, and
    /// <see cref="PemBlock.Location"/> is a byte range.
    /// </remarks>
    /// <param name="utf8Text">A PEM bundle as UTF-8 or ASCII bytes, e.g. a file's contents.</param>
    /// <returns>The blocks in the order they appear; empty when the text has none.</returns>
    /// <exception cref="CertificateFormatException">
    /// A block is broken: no matching END line, END label different from BEGIN, an END line
    /// without BEGIN, or a body that is not base64. The first problem in the text is reported.
    /// </exception>
    public static IReadOnlyList<PemBlock> ReadAll(ReadOnlySpan<byte> utf8Text) => PemScanner.ReadAll(utf8Text);

    /// <summary>
    /// Enumerates the PEM blocks of <paramref name="text"/> without decoding or allocating, for
    /// callers that pick some blocks or decode into their own buffer.
    /// </summary>
    /// <example>
    /// <code>
    /// Span&lt;byte&gt; der = new byte[8192];
    /// foreach (EncodedPemBlock block in PemReader.EnumerateBlocks(text))
    /// {
    ///     if (block.Label == PemLabel.Certificate &amp;&amp; block.TryDecode(der, out int written)) { ... }
    /// }
    /// </code>
    /// </example>
    /// <param name="text">A PEM bundle, possibly with other text around its blocks.</param>
    /// <returns>An enumerator for <c>foreach</c>; its <see cref="PemBlockEnumerator.MoveNext"/> throws <see cref="CertificateFormatException"/> for a broken boundary.</returns>
    public static PemBlockEnumerator EnumerateBlocks(ReadOnlySpan<char> text) => new(text);
}

/// <summary>Enumerates the PEM blocks of a text without allocating; see <see cref="PemReader.EnumerateBlocks"/>.</summary>
public ref struct PemBlockEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private int _position;
    private int _lineNumber;
    private PemBlockBounds _current;

    internal PemBlockEnumerator(ReadOnlySpan<char> text)
    {
        _text = text;
        _position = 0;
        _lineNumber = 1;
        _current = default;
    }

    /// <summary>The current block, still base64.</summary>
    public readonly EncodedPemBlock Current => new(_text, _current);

    /// <summary>Returns this enumerator, for <c>foreach</c>.</summary>
    /// <returns>This enumerator.</returns>
    public readonly PemBlockEnumerator GetEnumerator() => this;

    /// <summary>Moves to the next block.</summary>
    /// <returns>False when the text has no more blocks.</returns>
    /// <exception cref="CertificateFormatException">
    /// The next block is broken: no matching END line, END label different from BEGIN, or an
    /// END line without BEGIN. Its base64 body is checked by <see cref="EncodedPemBlock.TryDecode"/>.
    /// </exception>
    public bool MoveNext() => PemScanner.TryFindNext(_text, ref _position, ref _lineNumber, out _current);
}

/// <summary>
/// A PEM block found in a text and not yet decoded: its label, where it is, and its base64 body.
/// </summary>
public readonly ref struct EncodedPemBlock
{
    private readonly ReadOnlySpan<char> _text;
    private readonly PemBlockBounds _bounds;

    internal EncodedPemBlock(ReadOnlySpan<char> text, PemBlockBounds bounds)
    {
        _text = text;
        _bounds = bounds;
    }

    /// <summary>What the block holds, from its label.</summary>
    public PemLabel Label => _bounds.Label;

    /// <summary>The literal label between <c>-----BEGIN </c> and <c>-----</c>.</summary>
    public ReadOnlySpan<char> LabelText => _text.Slice(_bounds.LabelStart, _bounds.LabelLength);

    /// <summary>The 1-based line of the <c>-----BEGIN</c> boundary.</summary>
    public int LineNumber => _bounds.LineNumber;

    /// <summary>Where the block is in the text, from <c>-----BEGIN</c> to the end of the END boundary.</summary>
    public Range Location => new(_bounds.Start, _bounds.End);

    /// <summary>Where the encapsulated header lines (<c>Proc-Type</c>, <c>DEK-Info</c>) are; <c>0..0</c> when there are none.</summary>
    public Range EncapsulatedHeaders => new(_bounds.HeadersStart, _bounds.HeadersEnd);

    /// <summary>The base64 body, line breaks and indentation included, without leading or trailing whitespace.</summary>
    public ReadOnlySpan<char> Base64Data => _text[_bounds.BodyStart.._bounds.BodyEnd];

    /// <summary>An upper bound on the decoded length: the size <see cref="TryDecode"/> needs.</summary>
    public int MaxDecodedLength => _bounds.MaxDecodedLength;

    /// <summary>Decodes the base64 body into <paramref name="destination"/>.</summary>
    /// <param name="destination">Where to write the data; needs at least <see cref="MaxDecodedLength"/> bytes.</param>
    /// <param name="bytesWritten">The number of bytes written, or 0 when <paramref name="destination"/> is too small.</param>
    /// <returns>False when <paramref name="destination"/> is shorter than <see cref="MaxDecodedLength"/>.</returns>
    /// <exception cref="CertificateFormatException">The body is not base64; the message names the line of the first bad character.</exception>
    public bool TryDecode(Span<byte> destination, out int bytesWritten)
    {
        if (destination.Length < _bounds.MaxDecodedLength)
        {
            bytesWritten = 0;
            return false;
        }

        byte[] scratch = ArrayPool<byte>.Shared.Rent(_bounds.BodyEnd - _bounds.BodyStart);
        try
        {
            bytesWritten = PemScanner.Decode(_text, _bounds, destination, scratch);
            return true;
        }
        finally
        {
            // The scratch held the body's text, which for a private key is the key.
            ArrayPool<byte>.Shared.Return(scratch, clearArray: true);
        }
    }

    /// <summary>Decodes the block into a <see cref="PemBlock"/> with its own data array.</summary>
    /// <returns>The decoded block.</returns>
    /// <exception cref="CertificateFormatException">The body is not base64; the message names the line of the first bad character.</exception>
    public PemBlock ToPemBlock()
    {
        var data = new byte[_bounds.MaxDecodedLength];
        _ = TryDecode(data, out int written);
        return PemScanner.CreateBlock(_text, _bounds, data.AsMemory(0, written));
    }
}

/// <summary>Where one block's parts are in the input, in its units (chars or bytes).</summary>
internal readonly record struct PemBlockBounds(
    PemLabel Label,
    string? KnownLabelText,
    int Start,
    int End,
    int LineNumber,
    int LabelStart,
    int LabelLength,
    int HeadersStart,
    int HeadersEnd,
    int BodyStart,
    int BodyEnd)
{
    /// <summary>Every 4 base64 characters give at most 3 bytes; the body's whitespace only lowers the true length.</summary>
    public int MaxDecodedLength => ((BodyEnd - BodyStart) / 4) * 3;
}

/// <summary>
/// The PEM grammar over UTF-16 (<see cref="char"/>) or UTF-8 (<see cref="byte"/>) text, written
/// once: the span searches vectorize for both, and <c>typeof(T)</c> tests fold away when compiled.
/// </summary>
internal static class PemScanner
{
    private const string CertificateLabel = "CERTIFICATE";
    private const string TrustedCertificateLabel = "TRUSTED CERTIFICATE";
    private const string X509CertificateLabel = "X509 CERTIFICATE";
    private const string PrivateKeyLabel = "PRIVATE KEY";
    private const string RsaPrivateKeyLabel = "RSA PRIVATE KEY";
    private const string EcPrivateKeyLabel = "EC PRIVATE KEY";
    private const string EncryptedPrivateKeyLabel = "ENCRYPTED PRIVATE KEY";
    private const string CertificateRequestLabel = "CERTIFICATE REQUEST";
    private const string NewCertificateRequestLabel = "NEW CERTIFICATE REQUEST";
    private const string CrlLabel = "X509 CRL";
    private const string PublicKeyLabel = "PUBLIC KEY";

    /// <summary>The longest label <see cref="Classify{T}"/> can know.</summary>
    private const int MaxKnownLabelLength = 32;

    /// <summary>Labels quoted in messages are cut to this many characters.</summary>
    private const int MaxQuotedLabelLength = 64;

    private const int DashesLength = 5;

    /// <summary>The most bytes <see cref="ReadAll{T}"/> puts in one array: below the 85,000 bytes that go to the large object heap.</summary>
    private const int SegmentLength = 64 * 1024;

    internal static PemBlock[] ReadAll<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T>
    {
        PemBlockBounds[] found = ArrayPool<PemBlockBounds>.Shared.Rent(16);
        int count = 0;
        try
        {
            int totalLength = 0;
            int maxBodyLength = 0;
            int position = 0;
            int lineNumber = 1;
            try
            {
                while (TryFindNext(text, ref position, ref lineNumber, out PemBlockBounds block))
                {
                    if (count == found.Length)
                    {
                        PemBlockBounds[] larger = ArrayPool<PemBlockBounds>.Shared.Rent(found.Length * 2);
                        found.AsSpan(0, count).CopyTo(larger);
                        ArrayPool<PemBlockBounds>.Shared.Return(found, clearArray: true);
                        found = larger;
                    }

                    found[count++] = block;
                    totalLength += block.MaxDecodedLength;
                    maxBodyLength = Math.Max(maxBodyLength, block.BodyEnd - block.BodyStart);
                }
            }
            catch (CertificateFormatException)
            {
                // Report the first problem in the text: a bad body before the broken boundary wins.
                CheckBodies(text, found.AsSpan(0, count), maxBodyLength);
                throw;
            }

            if (count == 0)
            {
                return [];
            }

            var blocks = new PemBlock[count];
            byte[]? scratch = typeof(T) == typeof(char) ? ArrayPool<byte>.Shared.Rent(maxBodyLength) : null;
            try
            {
                // Blocks share arrays of up to SegmentLength bytes: few allocations, and none on
                // the large object heap, whose arrays only a full collection frees.
                byte[] segment = [];
                int offset = 0;
                int remaining = totalLength;
                for (int i = 0; i < count; i++)
                {
                    ref readonly PemBlockBounds block = ref found[i];
                    if (segment.Length - offset < block.MaxDecodedLength)
                    {
                        // Zeroed, not GC.AllocateUninitializedArray: the slack after the last block is
                        // reachable through MemoryMarshal.TryGetArray and must not show old heap contents.
                        segment = new byte[Math.Max(Math.Min(remaining, SegmentLength), block.MaxDecodedLength)];
                        offset = 0;
                    }

                    int written = Decode(text, block, segment.AsSpan(offset, block.MaxDecodedLength), scratch);
                    blocks[i] = CreateBlock(text, block, segment.AsMemory(offset, written));
                    offset += written;
                    remaining -= block.MaxDecodedLength;
                }
            }
            finally
            {
                if (scratch is not null)
                {
                    // The scratch held the bodies' text, private keys included: clear it before others rent it.
                    ArrayPool<byte>.Shared.Return(scratch, clearArray: true);
                }
            }

            return blocks;
        }
        finally
        {
            ArrayPool<PemBlockBounds>.Shared.Return(found, clearArray: true);
        }
    }

    internal static PemBlock CreateBlock<T>(ReadOnlySpan<T> text, in PemBlockBounds block, ReadOnlyMemory<byte> data)
        where T : unmanaged, IBinaryInteger<T>
    {
        string labelText = block.KnownLabelText ?? ToLabelString(text.Slice(block.LabelStart, block.LabelLength));
        return new PemBlock(block.Label, labelText, data, block.LineNumber, new Range(block.Start, block.End), new Range(block.HeadersStart, block.HeadersEnd));
    }

    /// <summary>
    /// Finds the next block at or after <paramref name="position"/>, where the line is
    /// <paramref name="lineNumber"/>; on return both are just past the block (or at the end).
    /// </summary>
    internal static bool TryFindNext<T>(ReadOnlySpan<T> text, ref int position, ref int lineNumber, out PemBlockBounds block)
        where T : unmanaged, IBinaryInteger<T>
    {
        // The whitespace before a boundary may reach back to the END of the block before it, or to a byte order mark.
        int floor = position == 0 ? ByteOrderMarkLength(text) : position;
        int begin = FindBoundary(text, position, floor, lineNumber);
        if (begin < 0)
        {
            lineNumber += CountLines(text[position..]);
            position = text.Length;
            block = default;
            return false;
        }

        int beginLine = lineNumber + CountLines(text[position..begin]);
        int labelStart = begin + Literal<T>("-----BEGIN "u8, "-----BEGIN ").Length;
        int labelLength = ReadLabel(text, labelStart, "BEGIN", beginLine, begin);
        ReadOnlySpan<T> label = text.Slice(labelStart, labelLength);
        int afterBegin = labelStart + labelLength + DashesLength;

        // Base64 has no '-', so the first "-----" after the BEGIN boundary must start its END boundary.
        int dashes = text[afterBegin..].IndexOf(Literal<T>("-----"u8, "-----"));
        if (dashes < 0)
        {
            throw new CertificateFormatException(
                Invariant($"'-----BEGIN {Quote(label)}-----' has no matching '-----END {Quote(label)}-----' line"), beginLine, begin);
        }

        int endBoundary = afterBegin + dashes;
        int endLine = beginLine + CountLines(text[begin..endBoundary]);
        ReadOnlySpan<T> atDashes = text[endBoundary..];
        if (!atDashes.StartsWith(Literal<T>("-----END "u8, "-----END ")))
        {
            if (atDashes.StartsWith(Literal<T>("-----BEGIN "u8, "-----BEGIN ")))
            {
                throw new CertificateFormatException(
                    Invariant($"'-----BEGIN {Quote(label)}-----' has no matching END line before the next BEGIN line, line {endLine}"), beginLine, begin);
            }

            throw new CertificateFormatException(
                Invariant($"'-----' inside the base64 body of the block that begins on line {beginLine}; the END line may be malformed"), endLine, endBoundary);
        }

        int endLabelStart = endBoundary + Literal<T>("-----END "u8, "-----END ").Length;
        int endLabelLength = ReadLabel(text, endLabelStart, "END", endLine, endBoundary);
        ReadOnlySpan<T> endLabel = text.Slice(endLabelStart, endLabelLength);
        if (!endLabel.SequenceEqual(label))
        {
            throw new CertificateFormatException(
                Invariant($"'-----END {Quote(endLabel)}-----' does not match '-----BEGIN {Quote(label)}-----' on line {beginLine}"), endLine, endBoundary);
        }

        int end = endLabelStart + endLabelLength + DashesLength;
        int bodyStart = SkipWhiteSpace(text, afterBegin, endBoundary);
        int headersStart = 0;
        int headersEnd = 0;
        if (StartsEncapsulatedHeaders(text, bodyStart, endBoundary))
        {
            headersStart = bodyStart;
            headersEnd = FindEndOfHeaders(text, bodyStart, endBoundary, out bodyStart);
            if (headersEnd < 0)
            {
                throw new CertificateFormatException(
                    "the encapsulated headers (Proc-Type, DEK-Info) are not followed by a blank line",
                    beginLine + CountLines(text[begin..headersStart]),
                    headersStart);
            }

            bodyStart = SkipWhiteSpace(text, bodyStart, endBoundary);
        }

        int bodyEnd = endBoundary;
        while (bodyEnd > bodyStart && IsWhiteSpace(text[bodyEnd - 1]))
        {
            bodyEnd--;
        }

        PemLabel kind = Classify(label, out string? knownLabelText);
        block = new PemBlockBounds(kind, knownLabelText, begin, end, beginLine, labelStart, labelLength, headersStart, headersEnd, bodyStart, bodyEnd);
        position = end;
        lineNumber = endLine + CountLines(text[endBoundary..end]);
        return true;
    }

    /// <summary>Decodes one block's body into <paramref name="destination"/> (at least <see cref="PemBlockBounds.MaxDecodedLength"/> long).</summary>
    /// <param name="text">The whole text the block was found in.</param>
    /// <param name="block">Where the block lies in <paramref name="text"/>.</param>
    /// <param name="destination">Receives the decoded body.</param>
    /// <param name="scratch">For <see cref="char"/> text, at least as long as the body: the body is narrowed to ASCII there first.</param>
    internal static int Decode<T>(ReadOnlySpan<T> text, in PemBlockBounds block, Span<byte> destination, Span<byte> scratch)
        where T : unmanaged, IBinaryInteger<T>
    {
        ReadOnlySpan<T> body = text[block.BodyStart..block.BodyEnd];

        // Fast path: Base64.DecodeFromUtf8 skips whitespace with vector instructions, several
        // times faster than Convert.TryFromBase64Chars on 64-character lines; UTF-16 text is
        // narrowed to ASCII first (also vectorized). It is stricter than Convert (it rejects
        // non-zero unused bits before the padding, and whitespace inside the padding), so when
        // it refuses, Convert decides, and only then is the body diagnosed.
        if (typeof(T) == typeof(byte))
        {
            if (Base64.DecodeFromUtf8(MemoryMarshal.Cast<T, byte>(body), destination, out _, out int written) == OperationStatus.Done)
            {
                return written;
            }
        }
        else if (Ascii.FromUtf16(MemoryMarshal.Cast<T, char>(body), scratch, out int narrowed) == OperationStatus.Done
            && Base64.DecodeFromUtf8(scratch[..narrowed], destination, out _, out int written) == OperationStatus.Done)
        {
            return written;
        }

        if (TryDecodeAsConvert(body, destination, out int convertWritten))
        {
            return convertWritten;
        }

        throw Diagnose(text, block);
    }

    private static bool TryDecodeAsConvert<T>(ReadOnlySpan<T> body, Span<byte> destination, out int written)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (typeof(T) == typeof(char))
        {
            return Convert.TryFromBase64Chars(MemoryMarshal.Cast<T, char>(body), destination, out written);
        }

        // Latin-1 maps every byte to one char; bytes outside ASCII become chars Convert rejects.
        char[] chars = ArrayPool<char>.Shared.Rent(body.Length);
        try
        {
            int length = Encoding.Latin1.GetChars(MemoryMarshal.Cast<T, byte>(body), chars);
            return Convert.TryFromBase64Chars(chars.AsSpan(0, length), destination, out written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars, clearArray: true);
        }
    }

    /// <summary>Says where and why a body the decoder refused is not base64 (RFC 4648 section 4).</summary>
    private static CertificateFormatException Diagnose<T>(ReadOnlySpan<T> text, in PemBlockBounds block)
        where T : unmanaged, IBinaryInteger<T>
    {
        int line = block.LineNumber + CountLines(text[block.Start..block.BodyStart]);
        int significant = 0;
        int padding = 0;
        int lastLine = line;
        int lastOffset = block.BodyStart;
        for (int i = block.BodyStart; i < block.BodyEnd; i++)
        {
            int c = int.CreateTruncating(text[i]);
            if (c == '\n')
            {
                line++;
                continue;
            }

            if (c is ' ' or '\t' or '\r')
            {
                continue;
            }

            if (c == '=')
            {
                padding++;
            }
            else if (!IsBase64Character(c))
            {
                return new CertificateFormatException(Invariant($"{Describe<T>(c)} is not a base64 character"), line, i);
            }
            else if (padding > 0)
            {
                return new CertificateFormatException("base64 data follows the '=' padding", line, i);
            }

            significant++;
            lastLine = line;
            lastOffset = i;
        }

        if (padding > 2)
        {
            return new CertificateFormatException(Invariant($"the base64 body ends in {padding} '=' padding characters, more than 2"), lastLine, lastOffset);
        }

        if (significant % 4 != 0)
        {
            return new CertificateFormatException(
                Invariant($"the base64 body has {significant} characters, not a multiple of 4, so it may be truncated"), lastLine, lastOffset);
        }

        // Convert refuses what the checks above do not catch only in ways they do not know; say so plainly.
        return new CertificateFormatException("the base64 body cannot be decoded", block.LineNumber, block.Start);
    }

    /// <summary>Decodes every found body, so that a bad body before a broken boundary is reported first.</summary>
    private static void CheckBodies<T>(ReadOnlySpan<T> text, ReadOnlySpan<PemBlockBounds> blocks, int maxBodyLength)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (blocks.IsEmpty)
        {
            return;
        }

        byte[] destination = ArrayPool<byte>.Shared.Rent(maxBodyLength);
        byte[] scratch = ArrayPool<byte>.Shared.Rent(maxBodyLength);
        try
        {
            foreach (PemBlockBounds block in blocks)
            {
                _ = Decode(text, block, destination, scratch);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch, clearArray: true);
            ArrayPool<byte>.Shared.Return(destination, clearArray: true);
        }
    }

    /// <summary>
    /// The index of the next BEGIN boundary that starts a line, or -1; throws for an END
    /// boundary that starts a line, since its BEGIN line is missing.
    /// </summary>
    private static int FindBoundary<T>(ReadOnlySpan<T> text, int position, int floor, int lineNumber)
        where T : unmanaged, IBinaryInteger<T>
    {
        int searchFrom = position;
        while (true)
        {
            int found = text[searchFrom..].IndexOf(Literal<T>("-----"u8, "-----"));
            if (found < 0)
            {
                return -1;
            }

            int at = searchFrom + found;
            ReadOnlySpan<T> rest = text[at..];
            bool isBegin = rest.StartsWith(Literal<T>("-----BEGIN "u8, "-----BEGIN "));
            if ((isBegin || rest.StartsWith(Literal<T>("-----END "u8, "-----END "))) && StartsLine(text, at, Math.Max(floor, position)))
            {
                if (isBegin)
                {
                    return at;
                }

                throw new CertificateFormatException("an END line with no BEGIN line before it", lineNumber + CountLines(text[position..at]), at);
            }

            searchFrom = at + 1;
        }
    }

    /// <summary>Whether only whitespace stands between the start of <paramref name="index"/>'s line (or <paramref name="floor"/>) and it.</summary>
    private static bool StartsLine<T>(ReadOnlySpan<T> text, int index, int floor)
        where T : unmanaged, IBinaryInteger<T>
    {
        for (int i = index - 1; i >= floor; i--)
        {
            int c = int.CreateTruncating(text[i]);
            if (c == '\n')
            {
                return true;
            }

            if (c is not (' ' or '\t' or '\r' or '\f' or '\v'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads the label after <c>-----BEGIN </c> or <c>-----END </c> up to the closing <c>-----</c> on the same line.</summary>
    private static int ReadLabel<T>(ReadOnlySpan<T> text, int labelStart, string boundary, int lineNumber, int boundaryStart)
        where T : unmanaged, IBinaryInteger<T>
    {
        ReadOnlySpan<T> rest = text[labelStart..];
        int length = rest.IndexOf(Literal<T>("-----"u8, "-----"));
        int lineEnd = rest.IndexOf(T.CreateTruncating('\n'));
        if (length < 0 || (lineEnd >= 0 && lineEnd < length))
        {
            throw new CertificateFormatException(Invariant($"the {boundary} line has no closing '-----'"), lineNumber, boundaryStart);
        }

        // RFC 7468 section 3: labels are printable ASCII; anything else is not a boundary we can quote or compare.
        if (rest[..length].IndexOfAnyExceptInRange(T.CreateTruncating(' '), T.CreateTruncating('~')) >= 0)
        {
            throw new CertificateFormatException(Invariant($"the {boundary} line's label has a character that is not printable ASCII"), lineNumber, boundaryStart);
        }

        return length;
    }

    /// <summary>Whether the first line of the body has a colon, which base64 never has: RFC 1421 section 4.4 headers.</summary>
    private static bool StartsEncapsulatedHeaders<T>(ReadOnlySpan<T> text, int bodyStart, int bodyEnd)
        where T : unmanaged, IBinaryInteger<T>
    {
        ReadOnlySpan<T> region = text[bodyStart..bodyEnd];
        int lineEnd = region.IndexOf(T.CreateTruncating('\n'));
        ReadOnlySpan<T> firstLine = lineEnd < 0 ? region : region[..lineEnd];
        return firstLine.Contains(T.CreateTruncating(':'));
    }

    /// <summary>
    /// Finds the blank line that ends the encapsulated headers starting at <paramref name="headersStart"/>
    /// (RFC 1421 section 4.4); returns the end of the last header line, or -1 when there is no blank line.
    /// </summary>
    private static int FindEndOfHeaders<T>(ReadOnlySpan<T> text, int headersStart, int bodyEnd, out int bodyStart)
        where T : unmanaged, IBinaryInteger<T>
    {
        T lf = T.CreateTruncating('\n');
        int lineStart = headersStart;
        int lastHeaderEnd = headersStart;
        while (lineStart < bodyEnd)
        {
            int lineLength = text[lineStart..bodyEnd].IndexOf(lf);
            if (lineLength < 0)
            {
                // The rest is the END line's indentation or the body itself: no blank line.
                break;
            }

            int lineEnd = lineStart + lineLength;
            if (SkipWhiteSpace(text, lineStart, lineEnd) == lineEnd)
            {
                bodyStart = lineEnd + 1;
                return lastHeaderEnd;
            }

            lastHeaderEnd = lineEnd;
            while (lastHeaderEnd > lineStart && IsWhiteSpace(text[lastHeaderEnd - 1]))
            {
                lastHeaderEnd--;
            }

            lineStart = lineEnd + 1;
        }

        bodyStart = headersStart;
        return -1;
    }

    private static PemLabel Classify<T>(ReadOnlySpan<T> label, out string? knownLabelText)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (typeof(T) == typeof(char))
        {
            return Classify(MemoryMarshal.Cast<T, char>(label), out knownLabelText);
        }

        if (label.Length > MaxKnownLabelLength)
        {
            knownLabelText = null;
            return PemLabel.Unknown;
        }

        // Labels are printable ASCII (checked by ReadLabel), so widening each byte is exact.
        Span<char> chars = stackalloc char[MaxKnownLabelLength];
        for (int i = 0; i < label.Length; i++)
        {
            chars[i] = (char)int.CreateTruncating(label[i]);
        }

        return Classify(chars[..label.Length], out knownLabelText);
    }

    private static PemLabel Classify(ReadOnlySpan<char> label, out string? knownLabelText)
    {
        (PemLabel kind, knownLabelText) = label switch
        {
            CertificateLabel => (PemLabel.Certificate, CertificateLabel),
            TrustedCertificateLabel => (PemLabel.Certificate, TrustedCertificateLabel),
            X509CertificateLabel => (PemLabel.Certificate, X509CertificateLabel),
            PrivateKeyLabel => (PemLabel.PrivateKey, PrivateKeyLabel),
            RsaPrivateKeyLabel => (PemLabel.RsaPrivateKey, RsaPrivateKeyLabel),
            EcPrivateKeyLabel => (PemLabel.EcPrivateKey, EcPrivateKeyLabel),
            EncryptedPrivateKeyLabel => (PemLabel.EncryptedPrivateKey, EncryptedPrivateKeyLabel),
            CertificateRequestLabel => (PemLabel.CertificateRequest, CertificateRequestLabel),
            NewCertificateRequestLabel => (PemLabel.CertificateRequest, NewCertificateRequestLabel),
            CrlLabel => (PemLabel.Crl, CrlLabel),
            PublicKeyLabel => (PemLabel.PublicKey, PublicKeyLabel),
            _ => (PemLabel.Unknown, (string?)null),
        };
        return kind;
    }

    private static string ToLabelString<T>(ReadOnlySpan<T> label)
        where T : unmanaged, IBinaryInteger<T> =>
        typeof(T) == typeof(char)
            ? new string(MemoryMarshal.Cast<T, char>(label))
            : Encoding.ASCII.GetString(MemoryMarshal.Cast<T, byte>(label));

    /// <summary>The label for a message: printable ASCII (checked by ReadLabel), cut to a readable length.</summary>
    private static string Quote<T>(ReadOnlySpan<T> label)
        where T : unmanaged, IBinaryInteger<T> =>
        label.Length <= MaxQuotedLabelLength ? ToLabelString(label) : ToLabelString(label[..MaxQuotedLabelLength]) + "...";

    /// <summary>Names a character that is not base64 without quoting data: an invalid character is never key material.</summary>
    private static string Describe<T>(int c)
        where T : unmanaged, IBinaryInteger<T> =>
        typeof(T) == typeof(byte) && c > 0x7F ? Invariant($"byte 0x{c:X2}")
        : c is >= 0x21 and <= 0x7E ? Invariant($"'{(char)c}'")
        : Invariant($"U+{c:X4}");

    private static bool IsBase64Character(int c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '+' or '/';

    /// <summary>The whitespace base64 decoders skip: space, tab, CR, LF.</summary>
    private static bool IsWhiteSpace<T>(T c)
        where T : unmanaged, IBinaryInteger<T> =>
        int.CreateTruncating(c) is ' ' or '\t' or '\r' or '\n';

    private static int SkipWhiteSpace<T>(ReadOnlySpan<T> text, int start, int end)
        where T : unmanaged, IBinaryInteger<T>
    {
        while (start < end && IsWhiteSpace(text[start]))
        {
            start++;
        }

        return start;
    }

    private static int CountLines<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T> =>
        text.Count(T.CreateTruncating('\n'));

    private static int ByteOrderMarkLength<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T> =>
        text.StartsWith(Literal<T>("\uFEFF"u8, "\uFEFF")) ? Literal<T>("\uFEFF"u8, "\uFEFF").Length : 0;

    /// <summary>An ASCII literal as a span of <typeparamref name="T"/>; the <c>typeof</c> test is a JIT-time constant.</summary>
    private static ReadOnlySpan<T> Literal<T>(ReadOnlySpan<byte> utf8, string utf16)
        where T : unmanaged, IBinaryInteger<T> =>
        typeof(T) == typeof(byte) ? MemoryMarshal.Cast<byte, T>(utf8) : MemoryMarshal.Cast<char, T>(utf16.AsSpan());

    private static string Invariant(FormattableString message) => FormattableString.Invariant(message);
}
