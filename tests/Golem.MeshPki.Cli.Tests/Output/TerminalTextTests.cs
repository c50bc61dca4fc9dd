using Golem.MeshPki.Cli.Output;

namespace Golem.MeshPki.Cli.Tests.Output;

public sealed class TerminalTextTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "plain text is unchanged", "CN=sleep.default.svc.cluster.local,O=Golem Zürich", "CN=sleep.default.svc.cluster.local,O=Golem Zürich" },
        { "backslashes of RFC 4514 escapes are kept", @"CN=a\,b", @"CN=a\,b" },
        { "ESC starts no colour", "\u001b[31mEVIL", @"\x1b[31mEVIL" },
        { "CR and LF start no line", "a\r\nSubject: fake", @"a\x0d\x0aSubject: fake" },
        { "NUL, BEL, BS, TAB", "\0\a\b\t", @"\x00\x07\x08\x09" },
        { "DEL", "\u007f", @"\x7f" },
        { "C1 controls (NEL, CSI)", "\u0085\u009b", @"\x85\x9b" },
        { "bidi embeddings and overrides U+202A..U+202E", "\u202a\u202b\u202c\u202d\u202e", @"\u202a\u202b\u202c\u202d\u202e" },
        { "bidi isolates U+2066..U+2069", "\u2066\u2067\u2068\u2069", @"\u2066\u2067\u2068\u2069" },
        { "bidi marks", "\u200e\u200f\u061c", @"\u200e\u200f\u061c" },
        { "line and paragraph separators", "\u2028\u2029", @"\u2028\u2029" },
        { "escapes in the middle keep the text around them", "ab\u202ecd\u001bef", @"ab\u202ecd\x1bef" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Characters_a_terminal_acts_on_are_written_as_visible_escapes(string description, string text, string expected)
    {
        Assert.True(expected == TerminalText.Escape(text), description);
    }

    [Fact]
    public void No_character_from_U0000_to_U00A0_or_a_bidi_control_survives()
    {
        string all = new([.. Enumerable.Range(0, 0xA1).Select(code => (char)code), .. "\u061c\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"]);

        string escaped = TerminalText.Escape(all);

        Assert.DoesNotContain(escaped, c => char.IsControl(c) || c is '\u061c' or '\u200e' or '\u200f' or '\u2028' or '\u2029' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069'));
    }
}
