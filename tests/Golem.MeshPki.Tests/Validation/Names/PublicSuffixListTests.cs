using Golem.MeshPki.Validation.Names;

namespace Golem.MeshPki.Tests.Validation.Names;

public class PublicSuffixListTests
{
    /// <summary>A few rules of each kind the real list has, in its format.</summary>
    public const string SmallListText = """
        // This Source Code Form is subject to the terms of the Mozilla Public License.

        // ===BEGIN ICANN DOMAINS===
        com
        uk
        co.uk
        // ck : https://www.iana.org/domains/root/db/ck.html
        *.ck
        !www.ck
        cn
        公司.cn
        // ===END ICANN DOMAINS===
        // ===BEGIN PRIVATE DOMAINS===
        s3.amazonaws.com
          github.io   text after the rule is ignored
        // ===END PRIVATE DOMAINS===
        """;

    public static PublicSuffixList SmallList { get; } = PublicSuffixList.Parse(new StringReader(SmallListText));

    public static TheoryData<string, bool> SmallListCases => new()
    {
        { "com", true },
        { "COM", true },
        { "com.", true },
        { "example.com", false },
        { "uk", true },
        { "co.uk", true },
        { "CO.UK", true },
        { "example.co.uk", false },
        { "ck", true },
        { "foo.ck", true },
        { "www.ck", false },
        { "a.foo.ck", false },
        { "s3.amazonaws.com", true },
        { "bucket.s3.amazonaws.com", false },
        { "amazonaws.com", false },
        { "github.io", true },
        { "xn--55qx5d.cn", true },
        { "公司.cn", true },
        { "example.xn--55qx5d.cn", false },
        { "zzz", true },
        { "unlisted.zzz", false },
        { "", false },
        { ".com", false },
        { "a..com", false },
    };

    [Theory]
    [MemberData(nameof(SmallListCases))]
    public void IsPublicSuffix_FollowsRulesWildcardsExceptionsAndTheImplicitStarRule(string domain, bool expected)
    {
        Assert.Equal(expected, SmallList.IsPublicSuffix(domain));
    }

    [Fact]
    public void Parse_CountsEveryRuleAndSkipsCommentsAndBlankLines()
    {
        // com, uk, co.uk, *.ck, !www.ck, cn, 公司.cn, s3.amazonaws.com, github.io
        Assert.Equal(9, SmallList.RuleCount);
    }

    [Theory]
    [InlineData("*.*.example")]
    [InlineData("foo.*.bar")]
    [InlineData("a..b")]
    [InlineData(".com")]
    [InlineData("!com")]
    [InlineData("co!m")]
    public void Parse_RejectsMalformedRulesNamingTheLine(string rule)
    {
        var exception = Assert.Throws<FormatException>(() => PublicSuffixList.Parse(new StringReader("// header\ncom\n" + rule + "\n")));

        Assert.Contains("Line 3", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_And_Load_RejectNullArguments()
    {
        Assert.Throws<ArgumentNullException>(() => PublicSuffixList.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => PublicSuffixList.Load(null!));
        Assert.Throws<ArgumentNullException>(() => SmallList.IsPublicSuffix(null!));
    }

    [Fact]
    public void Load_MissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => PublicSuffixList.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".dat")));
    }

    /// <summary>Debian's <c>publicsuffix</c> package, when this machine has it: both sections count.</summary>
    [Fact]
    public void Load_DebianList_KnowsIcannAndPrivateSuffixes()
    {
        if (!File.Exists(PublicSuffixList.DefaultPath))
        {
            return;
        }

        PublicSuffixList list = PublicSuffixList.Load(PublicSuffixList.DefaultPath);

        Assert.True(list.RuleCount > 5000);
        Assert.True(list.IsPublicSuffix("com"));
        Assert.True(list.IsPublicSuffix("co.uk"));
        Assert.True(list.IsPublicSuffix("s3.amazonaws.com"));
        Assert.True(list.IsPublicSuffix("github.io"));
        Assert.True(list.IsPublicSuffix("xn--55qx5d.cn"));
        Assert.False(list.IsPublicSuffix("www.ck"));
        Assert.False(list.IsPublicSuffix("example.com"));
        Assert.False(list.IsPublicSuffix("bank.co.uk"));
        Assert.False(list.IsPublicSuffix("svc.cluster.local"));
    }
}
