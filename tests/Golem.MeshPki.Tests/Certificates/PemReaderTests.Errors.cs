using System.Text;
using Golem.MeshPki.Certificates;

namespace Golem.MeshPki.Tests.Certificates;

public partial class PemReaderTests
{
    [Theory]
    [MemberData(nameof(BrokenBlockNames))]
    public void Broken_block_is_a_CertificateFormatException_naming_its_line(string name)
    {
        (string text, int line, string reason) = BrokenBlocks[name];

        AssertRejected(text, line, reason);
    }

    public static TheoryData<string> BrokenBlockNames() => [.. BrokenBlocks.Keys];

    private static readonly Dictionary<string, (string Text, int Line, string Reason)> BrokenBlocks = new()
    {
        ["BEGIN without END at the end of the text"] = (
            "notes\n-----BEGIN CERTIFICATE-----\nQUJD\n",
            2, "'-----BEGIN CERTIFICATE-----' has no matching '-----END CERTIFICATE-----' line"),

        ["BEGIN without END before the next BEGIN"] = (
            "-----BEGIN CERTIFICATE-----\nQUJD\n-----BEGIN CERTIFICATE-----\nQUJD\n-----END CERTIFICATE-----\n",
            1, "has no matching END line before the next BEGIN line, line 3"),

        ["END label differs from the BEGIN label"] = (
            "-----BEGIN CERTIFICATE-----\nQUJD\n-----END PRIVATE KEY-----\n",
            3, "'-----END PRIVATE KEY-----' does not match '-----BEGIN CERTIFICATE-----' on line 1"),

        ["bad base64 character"] = (
            "# chain\n-----BEGIN CERTIFICATE-----\nQUJDQUJD\nQUJD!UJD\n-----END CERTIFICATE-----\n",
            4, "'!' is not a base64 character"),

        ["bad base64 character in a CRLF bundle"] = (
            "# chain\r\n-----BEGIN CERTIFICATE-----\r\nQUJDQUJD\r\nQUJD!UJD\r\n-----END CERTIFICATE-----\r\n",
            4, "'!' is not a base64 character"),

        ["bad base64 character in an indented block"] = (
            "data:\n  ca.crt: |\n    -----BEGIN CERTIFICATE-----\n    QUJDQUJD\n    QUJDQUJD\n    QUJD_UJD\n    -----END CERTIFICATE-----\n",
            6, "'_' is not a base64 character"),

        ["non-ASCII character in the body"] = (
            "-----BEGIN CERTIFICATE-----\nQUJD\nQUJé\n-----END CERTIFICATE-----\n",
            3, "is not a base64 character"),

        ["vertical tab in the body"] = (
            "-----BEGIN CERTIFICATE-----\nQUJD\n\vQUJD\n-----END CERTIFICATE-----\n",
            3, "U+000B is not a base64 character"),

        ["truncated body"] = (
            "-----BEGIN CERTIFICATE-----\nQUJDQUJD\nQUJ\n-----END CERTIFICATE-----\n",
            3, "the base64 body has 11 characters, not a multiple of 4"),

        ["data after the padding"] = (
            "-----BEGIN CERTIFICATE-----\nQQ==\nQUJD\n-----END CERTIFICATE-----\n",
            3, "base64 data follows the '=' padding"),

        ["three padding characters"] = (
            "-----BEGIN CERTIFICATE-----\nQUJD\nQ===\n-----END CERTIFICATE-----\n",
            3, "more than 2"),

        ["END line without a BEGIN line"] = (
            "junk\n-----END CERTIFICATE-----\n",
            2, "an END line with no BEGIN line before it"),

        ["BEGIN line with four closing dashes"] = (
            "-----BEGIN CERTIFICATE----\nQUJD\n-----END CERTIFICATE-----\n",
            1, "the BEGIN line has no closing '-----'"),

        ["BEGIN line with six closing dashes"] = (
            "-----BEGIN CERTIFICATE------\nQUJD\n-----END CERTIFICATE-----\n",
            1, "'-' is not a base64 character"),

        ["END line with four dashes"] = (
            "-----BEGIN CERTIFICATE-----\nQUJD\n----END CERTIFICATE-----\n",
            3, "'-----' inside the base64 body of the block that begins on line 1"),

        ["BEGIN line without closing dashes"] = (
            "-----BEGIN CERTIFICATE\nQUJD\n-----END CERTIFICATE-----\n",
            1, "the BEGIN line has no closing '-----'"),

        ["END line without closing dashes"] = (
            "-----BEGIN CERTIFICATE-----\nQUJD\n-----END CERTIFICATE\n",
            3, "the END line has no closing '-----'"),

        ["label with a control character"] = (
            "-----BEGIN CERT\tIFICATE-----\nQUJD\n-----END CERT\tIFICATE-----\n",
            1, "not printable ASCII"),

        ["encapsulated headers without a blank line"] = (
            "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,000102030405060708090A0B0C0D0E0F\nQUJD\n-----END RSA PRIVATE KEY-----\n",
            2, "not followed by a blank line"),

        ["bad block after a good one"] = (
            "-----BEGIN CERTIFICATE-----\nQUJD\n-----END CERTIFICATE-----\n\n-----BEGIN CERTIFICATE-----\nQUJD\nQU#D\n-----END CERTIFICATE-----\n",
            7, "'#' is not a base64 character"),

        ["first problem wins: a bad body before a block without END"] = (
            "-----BEGIN CERTIFICATE-----\nQU!D\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nQUJD\n",
            2, "'!' is not a base64 character"),
    };

    [Fact]
    public void Bad_private_key_body_is_not_quoted_in_the_message()
    {
        string pem = Fixtures.Pem("EC PRIVATE KEY", Fixtures.EcSec1PrivateKey);
        string[] lines = pem.Split('\n');
        lines[2] = lines[2][..10] + "*" + lines[2][11..];
        string broken = string.Join('\n', lines);

        CertificateFormatException error = Assert.Throws<CertificateFormatException>(() => PemReader.ReadAll(broken));

        Assert.Equal(3, error.LineNumber);
        foreach (string line in lines.Where(l => !l.StartsWith('-')).Where(l => l.Length > 0))
        {
            Assert.DoesNotContain(line[..8], error.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>Checks that chars, UTF-8 and the enumerator all reject <paramref name="text"/> at <paramref name="line"/>.</summary>
    private static void AssertRejected(string text, int line, string reason)
    {
        CertificateFormatException fromChars = Assert.Throws<CertificateFormatException>(() => PemReader.ReadAll(text));
        CertificateFormatException fromBytes = Assert.Throws<CertificateFormatException>(() => PemReader.ReadAll(Encoding.UTF8.GetBytes(text)));
        CertificateFormatException fromEnumerator = Assert.Throws<CertificateFormatException>(() => DecodeEach(text));

        foreach (CertificateFormatException error in new[] { fromChars, fromBytes, fromEnumerator })
        {
            Assert.Equal(line, error.LineNumber);
            Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
            Assert.Contains($"line {line}:", error.Message, StringComparison.Ordinal);
            Assert.Equal("pem", error.FieldPath);
        }

        // The offset is the problem's place in the text, on the line named.
        Assert.InRange(fromChars.Offset, 0, text.Length - 1);
        Assert.Equal(line, 1 + text.AsSpan(0, fromChars.Offset).Count('\n'));
    }

    private static int DecodeEach(string text)
    {
        var buffer = new byte[text.Length];
        int total = 0;
        foreach (EncodedPemBlock block in PemReader.EnumerateBlocks(text))
        {
            Assert.True(block.TryDecode(buffer, out int written));
            total += written;
        }

        return total;
    }
}
