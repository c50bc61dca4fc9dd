using System.Globalization;
using Golem.MeshPki.Validation.Names;

namespace Golem.MeshPki.Tests.Validation.Names;

public class PunycodeTests
{
    /// <summary>Labels and their Punycode: RFC 3492 7.1 samples (A) and (B), and Public Suffix List rules.</summary>
    public static TheoryData<string, string> EncodeCases => new()
    {
        { "\u0644\u064A\u0647\u0645\u0627\u0628\u062A\u0643\u0644\u0645\u0648\u0634\u0639\u0631\u0628\u064A\u061F", "egbpdaj6bu4bxfgehfvwxn" },
        { "\u4ED6\u4EEC\u4E3A\u4EC0\u4E48\u4E0D\u8BF4\u4E2D\u6587", "ihqwcrb4cv8a8dqg056pqjye" },
        { "公司", "55qx5d" },
        { "aéroport", "aroport-bya" },
        { "bücher", "bcher-kva" },
        { "⌘", "bih" },
        { "\U0001F61C", "628h" },
    };

    [Theory]
    [MemberData(nameof(EncodeCases))]
    public void Encode_MatchesRfc3492(string label, string expected)
    {
        Assert.Equal(expected, Punycode.Encode(label));
    }

    [Theory]
    [InlineData("example", "example")]
    [InlineData("bücher", "xn--bcher-kva")]
    public void ToAsciiLabel_PrefixesOnlyNonAsciiLabels(string label, string expected)
    {
        Assert.Equal(expected, Punycode.ToAsciiLabel(label));
    }

    [Fact]
    public void Encode_RejectsAnUnpairedSurrogate()
    {
        Assert.Throws<ArgumentException>(() => Punycode.Encode("a\uD800b"));
    }

    /// <summary>Differential: every Unicode rule of Debian's list encodes as .NET's IdnMapping does.</summary>
    [Fact]
    public void Encode_AgreesWithIdnMappingOnTheUnicodeRulesOfTheDebianList()
    {
        if (!File.Exists(PublicSuffixList.DefaultPath))
        {
            return;
        }

        var idn = new IdnMapping();
        var labels = File.ReadLines(PublicSuffixList.DefaultPath)
            .Where(static line => line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal))
            .SelectMany(static line => line.TrimStart('!', '*', '.').Split('.'))
            .Where(static label => label.Any(static c => c > '\u007f'))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(labels);
        Assert.All(labels, label => Assert.Equal(idn.GetAscii(label), Punycode.ToAsciiLabel(label)));
    }
}
