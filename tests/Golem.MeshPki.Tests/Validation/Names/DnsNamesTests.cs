using Golem.MeshPki.Validation.Names;

namespace Golem.MeshPki.Tests.Validation.Names;

public partial class DnsNamesTests
{
    private static readonly PublicSuffixList Suffixes = PublicSuffixListTests.SmallList;

    public static TheoryData<string> ValidPresentedNames => new(
        "example.com",
        "a.b.c.example.com",
        "localhost",
        "a-b.example",
        "1.example.com",
        "123abc.com",
        "xn--bcher-kva.example",
        "*.example.com",
        "*.a.example.com",
        "*.cluster.local",
        new string('a', 63) + ".example.com",
        string.Join('.', Enumerable.Repeat(new string('a', 61), 4)) + ".com");

    [Theory]
    [MemberData(nameof(ValidPresentedNames))]
    public void CheckPresented_AcceptsLdhNamesAndLeftmostWildcards(string name)
    {
        Assert.Null(DnsNames.CheckPresented(name));
    }

    /// <summary>Invalid presented dNSNames, with a word the reason must hold.</summary>
    public static TheoryData<string, string> InvalidPresentedNames => new()
    {
        { string.Empty, "empty" },
        { ".example.com", "starts with a dot" },
        { "example.com.", "ends with a dot" },
        { "a..example.com", "empty label" },
        { "foo_bar.example.com", "underscore" },
        { "_service.example.com", "underscore" },
        { "ba*.example.com", "whole leftmost label" },
        { "foo.*.example.com", "whole leftmost label" },
        { "xn--*-1b3c148a.example.com", "whole leftmost label" },
        { "**.example.com", "whole leftmost label" },
        { "*.*.example.com", "whole leftmost label" },
        { "*", "bare" },
        { "*.", "empty" },
        { "\U0001F61C.example.com", "non-ASCII" },
        { "b\u00fccher.example", "non-ASCII" },
        { "8.8.8.8", "IP address" },
        { "192.168.001.001", "IP address" },
        { "0xC0A80101", "IP address" },
        { "example.123", "IP address" },
        { "-a.example.com", "hyphen" },
        { "a-.example.com", "hyphen" },
        { new string('a', 64) + ".example.com", "63" },
        { string.Join('.', Enumerable.Repeat(new string('a', 62), 4)) + ".com", "253" },
        { "exa mple.com", "character" },
        { "example.com/path", "character" },
        { "example.com:443", "character" },
    };

    [Theory]
    [MemberData(nameof(InvalidPresentedNames))]
    public void CheckPresented_RejectsMalformedNamesWithASpecificReason(string name, string reasonWord)
    {
        string? reason = DnsNames.CheckPresented(name);

        Assert.NotNull(reason);
        Assert.Contains(reasonWord, reason, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("*.co.uk")]
    [InlineData("*.s3.amazonaws.com")]
    [InlineData("*.foo.ck")]
    [InlineData("*.xn--55qx5d.cn")]
    [InlineData("*.com")]
    [InlineData("*.local")]
    public void WildcardsOverPublicSuffixes_AreWellFormedButNeverHonoured(string name)
    {
        Assert.Null(DnsNames.CheckPresented(name));
        Assert.Contains("public suffix", DnsNames.CheckWildcardBase(name, Suffixes), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*.example.co.uk")]
    [InlineData("*.bucket.s3.amazonaws.com")]
    [InlineData("*.www.ck")]
    [InlineData("example.com")]
    [InlineData("co.uk")]
    public void CheckWildcardBase_AllowsWildcardsBelowAPublicSuffixAndNamesWithoutWildcard(string name)
    {
        Assert.Null(DnsNames.CheckWildcardBase(name, Suffixes));
    }

    [Fact]
    public void CheckWildcardBase_WithoutAList_KnowsOnlyTopLevelDomains()
    {
        Assert.NotNull(DnsNames.CheckWildcardBase("*.com", publicSuffixes: null));
        Assert.Null(DnsNames.CheckWildcardBase("*.co.uk", publicSuffixes: null));
    }

    [Theory]
    [InlineData("example.com")]
    [InlineData("FOO.Example.COM")]
    [InlineData("xn--n3h.com")]
    [InlineData("localhost")]
    public void CheckReference_AcceptsHostNames(string name)
    {
        Assert.Null(DnsNames.CheckReference(name));
    }

    [Theory]
    [InlineData("*.example.com", "wildcard")]
    [InlineData("foo*.example.com", "wildcard")]
    [InlineData("example.com.", "ends with a dot")]
    [InlineData("8.8.8.8", "IP address")]
    [InlineData("", "empty")]
    [InlineData("a_b.example.com", "underscore")]
    [InlineData("b\u00fccher.example", "non-ASCII")]
    public void CheckReference_RejectsWhatNoHostIsCalled(string name, string reasonWord)
    {
        Assert.Contains(reasonWord, DnsNames.CheckReference(name), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("")]
    [InlineData("example.com")]
    [InlineData("com")]
    [InlineData("sub.example.com")]
    public void CheckConstraint_AcceptsHostNamesAndTheEmptyConstraint(string constraint)
    {
        Assert.Null(DnsNames.CheckConstraint(constraint));
    }

    [Theory]
    [InlineData(".example.com", "leading period")]
    [InlineData("*.example.com", "wildcard")]
    [InlineData("ex*mple.com", "wildcard")]
    [InlineData("exa_mple.com", "underscore")]
    [InlineData("exa mple.com", "character")]
    [InlineData("10.0.0.1", "IP address")]
    [InlineData("example.com.", "ends with a dot")]
    public void CheckConstraint_RejectsWildcardsLeadingPeriodsAndBadCharacters(string constraint, string reasonWord)
    {
        Assert.Contains(reasonWord, DnsNames.CheckConstraint(constraint), StringComparison.OrdinalIgnoreCase);
    }

    public static TheoryData<string, string, bool> MatchCases => new()
    {
        { "example.com", "example.com", true },
        { "Example.COM", "example.com", true },
        { "example.com", "EXAMPLE.com", true },
        { "example.com", "example2.com", false },
        { "abc.example.com", "def.example.com", false },
        { "example.com", "abc.example.com", false },
        { "abc.example.com", "example.com", false },
        { "*.example.com", "foo.example.com", true },
        { "*.example.com", "FOO.EXAMPLE.COM", true },
        { "*.example.com", "xn--bliss-1b3c148a.example.com", true },
        { "*.example.com", "example.com", false },
        { "*.example.com", "bar.foo.example.com", false },
        { "*.example.com", "foo.example.org", false },
        { "*.example.com", "fooexample.com", false },
    };

    [Theory]
    [MemberData(nameof(MatchCases))]
    public void Matches_IgnoresCaseAndLetsAWildcardStandForExactlyOneLabel(string presented, string reference, bool expected)
    {
        Assert.Equal(expected, DnsNames.Matches(presented, reference));
    }

    public static TheoryData<string, string, bool> WithinCases => new()
    {
        { "example.com", "example.com", true },
        { "www.example.com", "example.com", true },
        { "foo.bar.example.com", "example.com", true },
        { "EXAMPLE.com", "example.COM", true },
        { "notexample.com", "example.com", false },
        { "not-example.com", "example.com", false },
        { "example.com", "www.example.com", false },
        { "example.org", "example.com", false },
        { "anything.test", string.Empty, true },
        { "example.com", "com", true },
    };

    [Theory]
    [MemberData(nameof(WithinCases))]
    public void IsWithin_AddsWholeLabelsOnTheLeftOnly(string name, string constraint, bool expected)
    {
        Assert.Equal(expected, DnsNames.IsWithin(name, constraint));
    }

    public static TheoryData<string, string, bool> WildcardWithinCases => new()
    {
        { "*.example.com", "example.com", true },
        { "*.foo.com", "foo.com", true },
        { "*.example.com", "com", true },
        { "*.example.com", "foo.example.com", false },
        { "*.example.com", "other.com", false },
    };

    [Theory]
    [MemberData(nameof(WildcardWithinCases))]
    public void WildcardIsWithin_HoldsWhenEveryNameTheWildcardMatchesIsInTheSubtree(string wildcard, string constraint, bool expected)
    {
        Assert.Equal(expected, DnsNames.WildcardIsWithin(wildcard, constraint));
    }

    public static TheoryData<string, string, bool> WildcardMayMatchCases => new()
    {
        { "*.example.com", "bar.example.com", true },
        { "*.example.com", "BAR.example.COM", true },
        { "*.example.com", "example.com", true },
        { "*.example.com", "com", true },
        { "*.example.com", "", true },
        { "*.example.com", "a.bar.example.com", false },
        { "*.example.com", "barexample.com", false },
        { "*.example.com", "other.com", false },
    };

    [Theory]
    [MemberData(nameof(WildcardMayMatchCases))]
    public void WildcardMayMatch_HoldsWhenSomeNameTheWildcardMatchesIsInTheSubtree_Cve202561727(string wildcard, string constraint, bool expected)
    {
        Assert.Equal(expected, DnsNames.WildcardMayMatch(wildcard, constraint));
    }
}
