using Golem.MeshPki.Packaging;

namespace Golem.MeshPki.Configuration;

/// <summary>
/// Turns positions in a parsed text into positions in the file, and collects problems. The text is the
/// file itself, or YAML embedded in one of its string values, whose positions are mapped back to the file.
/// </summary>
internal sealed class ConfigurationContext
{
    private readonly Func<int, int, (int Line, int Column)> toFile;

    private ConfigurationContext(string file, string text, List<ConfigurationProblem> problems, Func<int, int, (int Line, int Column)> toFile)
    {
        File = file;
        Text = text;
        Problems = problems;
        this.toFile = toFile;
    }

    public string File { get; }

    /// <summary>Gets the text that the positions of this context's nodes are in.</summary>
    public string Text { get; }

    public List<ConfigurationProblem> Problems { get; }

    /// <summary>Whether positions in this text are exact in the file (false when everything maps to the embedding scalar).</summary>
    public bool ExactPositions { get; private init; } = true;

    public static ConfigurationContext ForFile(string file, string text, List<ConfigurationProblem> problems)
    {
        return new ConfigurationContext(file, text, problems, (line, column) => (line, column));
    }

    public SourcePosition At(ManifestNode node)
    {
        return At(node.Line, node.Column);
    }

    public SourcePosition At(int line, int column)
    {
        (int fileLine, int fileColumn) = toFile(line, column);
        return new SourcePosition(File, fileLine, fileColumn);
    }

    public void Report(ConfigurationProblemKind kind, ManifestNode node, string message, string? fieldPath = null, string? suggestion = null)
    {
        Problems.Add(new ConfigurationProblem(kind, At(node), message, fieldPath, suggestion));
    }

    /// <summary>
    /// A context for the YAML text held in <paramref name="scalar"/>. In a literal block scalar (<c>|</c>,
    /// <c>|-</c>, <c>|+</c>) line N of the value is line N after the indicator's line, shifted right by the
    /// block's indentation, so positions map exactly. In any other style (folded, quoted with escapes as
    /// JSON writes it, plain) lines are joined or escaped, and every position maps to the scalar's start.
    /// </summary>
    public ConfigurationContext Embedded(ManifestScalar scalar)
    {
        int? indicatorLine = null;
        int indentation = 0;
        string[] lines = Text.Split('\n');
        if (scalar.Line - 1 < lines.Length)
        {
            string line = lines[scalar.Line - 1];
            int i = Math.Min(scalar.Column - 1, line.Length);

            // A tag or anchor may stand before the indicator: "mesh: !!str |".
            while (i < line.Length && line[i] is '!' or '&')
            {
                while (i < line.Length && line[i] != ' ')
                {
                    i++;
                }

                while (i < line.Length && line[i] == ' ')
                {
                    i++;
                }
            }

            if (i < line.Length && line[i] == '|')
            {
                indicatorLine = scalar.Line;
                for (int next = scalar.Line; next < lines.Length; next++)
                {
                    string content = lines[next].TrimEnd('\r');
                    if (content.Trim().Length > 0)
                    {
                        indentation = content.Length - content.TrimStart(' ').Length;
                        break;
                    }
                }
            }
        }

        SourcePosition start = At(scalar);
        if (indicatorLine is int first && ExactPositions)
        {
            int shift = indentation;
            return new ConfigurationContext(File, scalar.Value, Problems, (line, column) => toFile(first + line, shift + column));
        }

        return new ConfigurationContext(File, scalar.Value, Problems, (_, _) => (start.Line, start.Column)) { ExactPositions = false };
    }
}
