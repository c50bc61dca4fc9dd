using System.Buffers;
using System.Text;
using System.Text.Unicode;

using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Golem.MeshPki.Packaging;

/// <summary>A node of a parsed manifest document, with the 1-based position where it starts.</summary>
internal abstract class ManifestNode(int line, int column)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}

/// <summary>A scalar; <see cref="IsNull"/> when it is YAML's null (<c>~</c>, <c>null</c>, or nothing at all).</summary>
internal sealed class ManifestScalar(string value, bool isNull, int line, int column) : ManifestNode(line, column)
{
    public string Value { get; } = value;

    public bool IsNull { get; } = isNull;
}

/// <summary>A mapping, with its entries in document order (duplicates kept, so that readers can reject them).</summary>
internal sealed class ManifestMapping(int line, int column) : ManifestNode(line, column)
{
    public List<KeyValuePair<ManifestNode, ManifestNode>> Entries { get; } = [];
}

/// <summary>A sequence, with its items in document order.</summary>
internal sealed class ManifestSequence(int line, int column) : ManifestNode(line, column)
{
    public List<ManifestNode> Items { get; } = [];
}

/// <summary>One YAML document of a stream; <see cref="Root"/> is <see langword="null"/> for an empty document.</summary>
internal readonly record struct ManifestDocument(int Index, ManifestNode? Root);

/// <summary>
/// Turns manifest bytes or text into documents of <see cref="ManifestNode"/>s, turning every failure into a
/// <see cref="ManifestFormatException"/> with a position.
/// </summary>
/// <remarks>
/// The tree is built from YamlDotNet's event stream with an explicit stack rather than with
/// <c>YamlStream</c>, so that nesting is cut off at <see cref="MaxDepth"/> as it is read, before
/// YamlDotNet's scanner slows down, and building never recurses. Duplicate keys are kept for the reader to
/// reject with their position. Aliases point at the anchored node (no copy), so alias bombs cost nothing.
/// </remarks>
internal static class ManifestYamlParser
{
    /// <summary>
    /// The deepest nesting read. YamlDotNet's scanner takes time quadratic in the nesting depth of flow
    /// collections (200 000 <c>[</c> take minutes), and no Kubernetes object comes near this depth.
    /// </summary>
    public const int MaxDepth = 1000;

    /// <summary>Decodes manifest bytes: UTF-8 with or without BOM, or UTF-16 with BOM (what Windows PowerShell 5's <c>&gt;</c> writes).</summary>
    public static string DecodeText(ReadOnlySpan<byte> content, string sourceName)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return DecodeUtf16(content[2..], bigEndian: false, sourceName);
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return DecodeUtf16(content[2..], bigEndian: true, sourceName);
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            content = content[3..];
        }

        // A UTF-16 string never has more code units than the UTF-8 input has bytes.
        char[] chars = new char[content.Length];
        OperationStatus status = Utf8.ToUtf16(content, chars, out _, out int charsWritten, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            (int line, int column) = PositionAfter(chars.AsSpan(0, charsWritten));
            throw new ManifestFormatException(sourceName, line, column, "the text is not valid UTF-8");
        }

        return new string(chars, 0, charsWritten);
    }

    /// <summary>Parses every document of <paramref name="text"/> (BOM already removed).</summary>
    public static List<ManifestDocument> Parse(string text, string sourceName)
    {
        RejectNonPrintable(text, sourceName);

        var parser = new Parser(new StringReader(text));
        var documents = new List<ManifestDocument>();
        var anchors = new Dictionary<string, ManifestNode>(StringComparer.Ordinal);
        var open = new Stack<OpenCollection>();
        ManifestNode? root = null;
        Mark lastEnd = Mark.Empty;

        while (MoveNext(parser, text, lastEnd, sourceName))
        {
            ParsingEvent current = parser.Current!;
            switch (current)
            {
                case DocumentStart:
                    anchors.Clear();
                    root = null;
                    break;
                case DocumentEnd:
                    documents.Add(new ManifestDocument(documents.Count, root));
                    break;
                case Scalar scalar:
                    Attach(Anchor(new ManifestScalar(scalar.Value, IsNull(scalar), Line(scalar.Start), Column(scalar.Start)), scalar));
                    break;
                case MappingStart mappingStart:
                    RejectDeeper(open.Count, mappingStart, sourceName);
                    var mapping = Anchor(new ManifestMapping(Line(mappingStart.Start), Column(mappingStart.Start)), mappingStart);
                    Attach(mapping);
                    open.Push(new OpenCollection(mapping));
                    break;
                case SequenceStart sequenceStart:
                    RejectDeeper(open.Count, sequenceStart, sourceName);
                    var sequence = Anchor(new ManifestSequence(Line(sequenceStart.Start), Column(sequenceStart.Start)), sequenceStart);
                    Attach(sequence);
                    open.Push(new OpenCollection(sequence));
                    break;
                case MappingEnd or SequenceEnd:
                    open.Pop();
                    break;
                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out ManifestNode? target))
                    {
                        throw new ManifestFormatException(
                            sourceName, Line(alias.Start), Column(alias.Start), $"alias '*{alias.Value.Value}' refers to no anchor before it");
                    }

                    Attach(target);
                    break;
                default:
                    // StreamStart, StreamEnd, Comment: nothing to build.
                    break;
            }

            lastEnd = current.End;
        }

        return documents;

        T Anchor<T>(T node, NodeEvent nodeEvent)
            where T : ManifestNode
        {
            if (!nodeEvent.Anchor.IsEmpty)
            {
                // A later anchor of the same name replaces the earlier one (YAML 1.2 7.1).
                anchors[nodeEvent.Anchor.Value] = node;
            }

            return node;
        }

        void Attach(ManifestNode node)
        {
            if (open.Count == 0)
            {
                root = node;
                return;
            }

            OpenCollection parent = open.Peek();
            if (parent.Node is ManifestSequence sequence)
            {
                sequence.Items.Add(node);
            }
            else if (parent.PendingKey is null)
            {
                parent.PendingKey = node;
            }
            else
            {
                ((ManifestMapping)parent.Node).Entries.Add(new(parent.PendingKey, node));
                parent.PendingKey = null;
            }
        }
    }

    /// <summary>The 1-based line and column just after <paramref name="text"/>.</summary>
    public static (int Line, int Column) PositionAfter(ReadOnlySpan<char> text)
    {
        int lastNewline = text.LastIndexOf('\n');
        return (text.Count('\n') + 1, text.Length - lastNewline);
    }

    /// <summary>The position of the first tab in the indentation of a line after <paramref name="from"/>.</summary>
    private static (int Line, int Column)? FindIndentingTab(string text, Mark from)
    {
        int line = Line(from);
        int lineStart = text.IndexOf('\n', (int)Math.Clamp(from.Index, 0, text.Length)) + 1;
        while (lineStart > 0)
        {
            line++;
            int column = 0;
            while (lineStart + column < text.Length && text[lineStart + column] == ' ')
            {
                column++;
            }

            if (lineStart + column < text.Length && text[lineStart + column] == '\t')
            {
                return (line, column + 1);
            }

            lineStart = text.IndexOf('\n', lineStart) + 1;
        }

        return null;
    }

    private static void RejectDeeper(int depth, ParsingEvent collectionStart, string sourceName)
    {
        if (depth >= MaxDepth)
        {
            throw new ManifestFormatException(
                sourceName, Line(collectionStart.Start), Column(collectionStart.Start), $"collections are nested deeper than {MaxDepth} levels");
        }
    }

    private static bool MoveNext(Parser parser, string text, Mark lastEnd, string sourceName)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (YamlException ex)
        {
            // YamlDotNet's messages are fixed sentences ("While scanning a quoted scalar, found unknown
            // escape character.") that name no content, so they are safe to repeat. Its positions are not
            // always where the problem is: some errors are reported before what was already read (at the
            // start of the enclosing mapping), and a tab used as indentation, the commonest of them, at (1,1)
            // or at the value before it; point at the tab itself.
            Mark at = ex.Start.Index < lastEnd.Index ? lastEnd : ex.Start;
            (int line, int column) = ex.Message.Contains("tab", StringComparison.Ordinal)
                ? FindIndentingTab(text, at) ?? (Line(at), Column(at))
                : (Line(at), Column(at));

            throw new ManifestFormatException(sourceName, line, column, $"invalid YAML: {ex.Message.TrimEnd('.')}", ex);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Untrusted input boundary: YamlDotNet 18.1 also throws InvalidOperationException and
            // ArgumentException on some malformed input (found by fuzzing, e.g. "a: [b\nc: d\n"), and callers
            // are promised nothing but ManifestFormatException. Only the parser call is inside this try.
            throw new ManifestFormatException(sourceName, Line(lastEnd), Column(lastEnd), "invalid YAML: the parser could not read past this point", ex);
        }
    }

    /// <summary>
    /// Rejects characters YAML does not allow in a stream (YAML 1.2 5.1 c-printable). YamlDotNet 18.1 drops
    /// some of them silently (<c>a: \u0001</c> reads as an empty value), which would hide a damaged file,
    /// e.g. UTF-16 without a BOM read as UTF-8.
    /// </summary>
    private static void RejectNonPrintable(string text, string sourceName)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool printable = c switch
            {
                '\t' or '\n' or '\r' or '\u0085' => true,
                < '\u0020' or '\u007F' => false,
                >= '\u0080' and < '\u00A0' => false,
                '\uFFFE' or '\uFFFF' => false,
                _ when char.IsHighSurrogate(c) => i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]),
                _ when char.IsLowSurrogate(c) => false,
                _ => true,
            };
            if (!printable)
            {
                (int line, int column) = PositionAfter(text.AsSpan(0, i));
                throw new ManifestFormatException(
                    sourceName, line, column, $"character U+{(int)c:X4} is not allowed in YAML");
            }

            if (char.IsHighSurrogate(c))
            {
                i++;
            }
        }
    }

    private static string DecodeUtf16(ReadOnlySpan<byte> content, bool bigEndian, string sourceName)
    {
        int validLength = content.Length & ~1;
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true);
        try
        {
            string text = encoding.GetString(content[..validLength]);
            if (validLength != content.Length)
            {
                (int line, int column) = PositionAfter(text);
                throw new ManifestFormatException(sourceName, line, column, "the text is not valid UTF-16 (odd number of bytes)");
            }

            return text;
        }
        catch (DecoderFallbackException ex)
        {
            int validBytes = Math.Clamp(ex.Index, 0, validLength) & ~1;
            var lenient = new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: false);
            (int line, int column) = PositionAfter(lenient.GetString(content[..validBytes]));
            throw new ManifestFormatException(sourceName, line, column, "the text is not valid UTF-16", ex);
        }
    }

    // YAML 1.2 10.3.2 core schema: these plain scalars are null; a quoted "null" is a string.
    private static bool IsNull(Scalar scalar)
    {
        return scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific
            ? scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL"
            : scalar.Tag.Value == "tag:yaml.org,2002:null";
    }

    private static int Line(Mark mark)
    {
        return (int)Math.Clamp(mark.Line, 1, int.MaxValue);
    }

    private static int Column(Mark mark)
    {
        return (int)Math.Clamp(mark.Column, 1, int.MaxValue);
    }

    private sealed class OpenCollection(ManifestNode node)
    {
        public ManifestNode Node { get; } = node;

        public ManifestNode? PendingKey { get; set; }
    }
}
