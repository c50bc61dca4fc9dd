using Golem.MeshPki.Cli.Output;

namespace Golem.MeshPki.Cli.Tests.Output;

public sealed class ValidityDescriptionTests
{
    private static readonly DateTimeOffset NotBefore = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NotAfter = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "2026-03-01T00:00:00Z", "92 days left", "Valid", "expires in 92 days" },
        { "2026-05-31T00:00:00Z", "one day left", "Valid", "expires in 1 day" },
        { "2026-05-31T00:00:01Z", "less than a day rounds down", "Valid", "expires in 0 days" },
        { "2026-06-01T00:00:00Z", "notAfter itself is still valid (RFC 5280 4.1.2.5)", "Valid", "expires in 0 days" },
        { "2026-06-01T00:00:01Z", "one second late", "Expired", "EXPIRED 0 days ago" },
        { "2026-06-02T12:00:00Z", "a day and a half late", "Expired", "EXPIRED 1 day ago" },
        { "2027-06-01T00:00:00Z", "a year late", "Expired", "EXPIRED 365 days ago" },
        { "2025-05-31T00:00:00Z", "a day early", "NotYetValid", "NOT YET VALID: starts in 1 day, expires in 366 days" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Describe_counts_whole_days(string now, string description, string state, string text)
    {
        (ValidityState actualState, string actualText) = ValidityDescription.Describe(NotBefore, NotAfter, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(state == actualState.ToString(), description);
        Assert.Equal(text, actualText);
    }
}
