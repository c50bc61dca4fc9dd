using System.Globalization;
using System.Text;

namespace Golem.MeshPki.Cli.Output;

/// <summary>
/// Makes text from inputs safe to write to a terminal: a certificate's names, its SANs, a Secret's
/// name or a file name may hold characters that move the cursor, recolour the screen, rewrite the
/// line (ESC, CR, BS) or reorder what is shown (bidi overrides). Those are written as visible
/// escapes, <c>\x1b</c> or <c>\u202e</c>, so that what is printed is what the input holds.
/// </summary>
/// <remarks>
/// A backslash is left as it is: RFC 4514 names already use it for their own escapes
/// (<c>CN=a\,b</c>), and doubling it would garble every such name for no gain, since a literal
/// <c>\x1b</c> in a name cannot act on the terminal either.
/// </remarks>
internal static class TerminalText
{
    /// <summary>Returns <paramref name="text"/> with every character a terminal would act on written as an escape.</summary>
    /// <param name="text">Text from an input.</param>
    /// <returns>The text, unchanged when it has nothing to escape.</returns>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = IndexOfUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (!IsUnsafe(c))
            {
                builder.Append(c);
            }
            else if (c <= 0xFF)
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// C0 controls, DEL and C1 controls (<see cref="char.IsControl(char)"/>), the line and paragraph
    /// separators, and the bidirectional formatting characters that reorder displayed text
    /// (Unicode UAX #9 2; the "Trojan Source" set, CVE-2021-42574).
    /// </summary>
    private static bool IsUnsafe(char c) => char.IsControl(c)
        || c is '\u061C' or '\u200E' or '\u200F' or '\u2028' or '\u2029'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';

    private static int IndexOfUnsafe(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
