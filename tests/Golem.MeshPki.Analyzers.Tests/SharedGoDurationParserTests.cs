extern alias library;

using Golem.MeshPki.Lifetimes;
using LibraryGoDuration = library::Golem.MeshPki.Lifetimes.GoDuration;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>
/// The analyzers compile the library's Go duration parser (<c>GoDurationSyntax</c>) as linked source for
/// netstandard2.0, without the library's overflow checking: the two compiled copies must read every string alike.
/// </summary>
public sealed class SharedGoDurationParserTests
{
    // Go's own edge cases (golang/go src/time/time_test.go) and the overflow boundaries, valid and invalid.
    public static TheoryData<string> EdgeCases() => new()
    {
        "0", "-0", "+0", "5s", "-5s", "+5s", "5.s", ".5s", "1.004s", "12\u00B5s", "12\u03BCs", "3h30m", "10.5s4m",
        "1h2m3s4ms5us6ns", "0.3333333333333333333h", "9007199254740993ns", "9223372036854775807ns",
        "9223372036854775.807us", "-9223372036854775808ns", "-2562047h47m16.854775808s", "0.830103483285477580700h",
        "9223372036854775808ns9223372036854775808ns", "2160h", "1.5h", "", "3", "-", "s", ".", "-.", ".s", "1d", "1h30",
        "1H", "1 h", " 1h", "\u0085\u0085", "\u0661h", "9223372036854775808ns", "-9223372036854775809ns",
        "99999999999999999999s", "2562048h", "9223372036854ms775us808ns",
    };

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void The_analyzers_copy_reads_the_edge_cases_as_the_library_does(string text) => AssertSameReading(text);

    [Fact]
    public void The_analyzers_copy_reads_every_short_string_as_the_library_does()
    {
        // Every string of up to four pieces over an alphabet that reaches each branch of the grammar.
        string[] pieces = ["0", "1", "9", ".", "-", "+", "h", "m", "s", "ms", "\u00B5", "d", "9223372036854775808"];
        var texts = new List<string> { string.Empty };
        for (int length = 1; length <= 4; length++)
        {
            texts = texts.SelectMany(prefix => pieces.Select(piece => prefix + piece)).ToList();
            foreach (string text in texts)
            {
                AssertSameReading(text);
            }
        }
    }

    [Fact]
    public void Truncation_to_ticks_is_the_librarys()
    {
        foreach (long nanoseconds in new[] { 0L, 199L, -199L, 100L, long.MaxValue, long.MinValue })
        {
            Assert.Equal(new LibraryGoDuration(nanoseconds).ToTimeSpan(), GoDurationSyntax.ToTimeSpan(nanoseconds));
        }
    }

    private static void AssertSameReading(string text)
    {
        bool libraryRead = LibraryGoDuration.TryParse(text, out LibraryGoDuration expected, out string? expectedError);
        string? error = GoDurationSyntax.Read(text, out long nanoseconds);
        Assert.Equal(expectedError, error);
        Assert.Equal(libraryRead, error is null);
        Assert.Equal(expected.Nanoseconds, nanoseconds);
    }
}
