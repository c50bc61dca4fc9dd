using Golem.MeshPki.Configuration;

namespace Golem.MeshPki.Tests.Configuration;

public sealed class FieldNameSuggestionTests
{
    private static readonly string[] SubjectFields =
        ["organizations", "countries", "organizationalUnits", "localities", "provinces", "streetAddresses", "postalCodes", "serialNumber"];

    [Theory]
    [InlineData("organisations", "organizations")] // British spelling: one substitution (the runbook's)
    [InlineData("organizationalUnit", "organizationalUnits")] // one deletion
    [InlineData("countires", "countries")] // one transposition counts as one edit
    [InlineData("Countries", "countries")] // case only
    [InlineData("organisationalUnit", "organizationalUnits")] // two edits
    [InlineData("serial", null)] // too far from serialNumber
    [InlineData("organization", "organizations")]
    [InlineData("o", null)]
    public void Closest_SuggestsWithinTwoEdits(string unknown, string? expected)
    {
        Assert.Equal(expected, FieldNameSuggestion.Closest(unknown, SubjectFields));
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "abc", 0)]
    [InlineData("ab", "ba", 1)]
    [InlineData("ca", "abc", 3)] // optimal string alignment: no edit of a transposed pair, so 3 (limit 3)
    [InlineData("kitten", "sitting", 3)]
    public void Distance_IsOptimalStringAlignment(string a, string b, int expected)
    {
        Assert.Equal(expected, FieldNameSuggestion.Distance(a, b, limit: 3));
    }

    [Fact]
    public void Distance_StopsAboveTheLimit()
    {
        Assert.Equal(3, FieldNameSuggestion.Distance("streetAddresses", "postalCodes", limit: 2));
    }
}
