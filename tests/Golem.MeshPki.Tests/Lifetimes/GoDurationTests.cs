using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Golem.MeshPki.Lifetimes;

namespace Golem.MeshPki.Tests.Lifetimes;

public class GoDurationTests
{
    private const long Ns = 1;
    private const long Us = 1000 * Ns;
    private const long Ms = 1000 * Us;
    private const long S = 1000 * Ms;
    private const long M = 60 * S;
    private const long H = 60 * M;

    /// <summary>golang/go src/time/time_test.go parseDurationTests (valid inputs), plus the settings platform teams write.</summary>
    public static TheoryData<string, long> ValidDurations() => new()
    {
        // simple
        { "0", 0 },
        { "5s", 5 * S },
        { "30s", 30 * S },
        { "1478s", 1478 * S },
        // sign
        { "-5s", -5 * S },
        { "+5s", 5 * S },
        { "-0", 0 },
        { "+0", 0 },
        // decimal
        { "5.0s", 5 * S },
        { "5.6s", (5 * S) + (600 * Ms) },
        { "5.s", 5 * S },
        { ".5s", 500 * Ms },
        { "1.0s", 1 * S },
        { "1.00s", 1 * S },
        { "1.004s", (1 * S) + (4 * Ms) },
        { "1.0040s", (1 * S) + (4 * Ms) },
        { "100.00100s", (100 * S) + (1 * Ms) },
        // different units
        { "10ns", 10 * Ns },
        { "11us", 11 * Us },
        { "12\u00B5s", 12 * Us }, // U+00B5 micro sign
        { "12\u03BCs", 12 * Us }, // U+03BC Greek mu
        { "13ms", 13 * Ms },
        { "14s", 14 * S },
        { "15m", 15 * M },
        { "16h", 16 * H },
        // composite durations
        { "3h30m", (3 * H) + (30 * M) },
        { "10.5s4m", (4 * M) + (10 * S) + (500 * Ms) },
        { "-2m3.4s", -((2 * M) + (3 * S) + (400 * Ms)) },
        { "1h2m3s4ms5us6ns", (1 * H) + (2 * M) + (3 * S) + (4 * Ms) + (5 * Us) + (6 * Ns) },
        { "39h9m14.425s", (39 * H) + (9 * M) + (14 * S) + (425 * Ms) },
        // large value
        { "52763797000ns", 52763797000 * Ns },
        // more than 9 digits after decimal point, see https://golang.org/issue/6617
        { "0.3333333333333333333h", 20 * M },
        // 9007199254740993 = 1<<53+1 cannot be stored precisely in a float64
        { "9007199254740993ns", (1L << 53) + 1 },
        // largest duration that can be represented by int64 in nanoseconds
        { "9223372036854775807ns", long.MaxValue },
        { "9223372036854775.807us", long.MaxValue },
        { "9223372036s854ms775us807ns", long.MaxValue },
        { "-9223372036854775808ns", long.MinValue },
        { "-9223372036854775.808us", long.MinValue },
        { "-9223372036s854ms775us808ns", long.MinValue },
        // largest negative value
        { "-2562047h47m16.854775808s", long.MinValue },
        // huge string; issue 15011.
        { "0.100000000000000000000h", 6 * M },
        // This value tests the first overflow check in leadingFraction.
        { "0.830103483285477580700h", (49 * M) + (48 * S) + (372539827 * Ns) },
        // What Istio and cert-manager manifests hold.
        { "24h", 24 * H },
        { "86400s", 86400 * S },
        { "2160h", 2160 * H },
        { "720h0m0s", 720 * H },
        { "1.5h", 90 * M },
        { "300ms", 300 * Ms },
        { "-1m", -1 * M },
    };

    /// <summary>golang/go src/time/time_test.go parseDurationErrorTests, plus the mistakes runbooks make ("1d", "1").</summary>
    public static TheoryData<string, string> InvalidDurations() => new()
    {
        { "", "empty" },
        { "3", "missing unit after the number at position 0" },
        { "1", "missing unit" },
        { "-", "a number is expected after the sign at position 1" },
        { "s", "a number is expected at position 0, found 's'" },
        { ".", "the number at position 0 has no digits" },
        { "-.", "the number at position 1 has no digits" },
        { ".s", "the number at position 0 has no digits" },
        { "+.s", "the number at position 1 has no digits" },
        { "1d", "unknown unit 'd' at position 1" },
        { "90d", "Go has no days" },
        { "1h30", "missing unit after the number at position 2" },
        { "1H", "unknown unit 'H'" },
        { "1 h", "unknown unit ' h'" },
        { " 1h", "a number is expected at position 0" },
        { "\u0085\u0085", "a number is expected at position 0" },
        { "hello \uFFFF world", "a number is expected at position 0" },
        { "9223372036854775808ns", "overflows" },
        { "9223372036854775.808us", "overflows" },
        { "9223372036854ms775us808ns", "overflows" },
        { "9223372036s854ms775us808ns", "overflows" },
        { "-9223372036854775809ns", "overflows" },
        { "99999999999999999999s", "overflows" },
        { "2562048h", "overflows" },
    };

    /// <summary>golang/go src/time/time_test.go durationTests (Duration.String).</summary>
    public static TheoryData<string, long> FormattedDurations() => new()
    {
        { "0s", 0 },
        { "1ns", 1 * Ns },
        { "1.1\u00B5s", 1100 * Ns },
        { "2.2ms", 2200 * Us },
        { "3.3s", 3300 * Ms },
        { "4m5s", (4 * M) + (5 * S) },
        { "4m5.001s", (4 * M) + (5001 * Ms) },
        { "5h6m7.001s", (5 * H) + (6 * M) + (7001 * Ms) },
        { "8m0.000000001s", (8 * M) + (1 * Ns) },
        { "2562047h47m16.854775807s", long.MaxValue },
        { "-2562047h47m16.854775808s", long.MinValue },
        // The spellings the schedule and lint print.
        { "24h0m0s", 24 * H },
        { "1h30m0s", 90 * M },
        { "300ms", 300 * Ms },
        { "720h0m0s", 720 * H },
        { "1h0m0s", 1 * H },
        { "5m0s", 5 * M },
        { "-1m0s", -1 * M },
        { "1.5\u00B5s", 1500 * Ns },
    };

    [Theory]
    [MemberData(nameof(ValidDurations))]
    public void Parse_reads_what_Go_reads(string text, long nanoseconds)
    {
        Assert.True(GoDuration.TryParse(text, out GoDuration duration, out string? error), error);
        Assert.Equal(nanoseconds, duration.Nanoseconds);
        Assert.Equal(nanoseconds, GoDuration.Parse(text).Nanoseconds);
    }

    [Theory]
    [MemberData(nameof(InvalidDurations))]
    public void Parse_rejects_what_Go_rejects_and_says_what_and_where(string text, string expectedMessagePart)
    {
        Assert.False(GoDuration.TryParse(text, out GoDuration duration, out string? error));
        Assert.Equal(GoDuration.Zero, duration);
        Assert.Contains(expectedMessagePart, error, StringComparison.Ordinal);
        Assert.EndsWith(".", error, StringComparison.Ordinal);
        FormatException exception = Assert.Throws<FormatException>(() => GoDuration.Parse(text));
        Assert.Equal(error, exception.Message);
    }

    [Fact]
    public void Parse_of_null_throws_ArgumentNullException_and_TryParse_says_null()
    {
        Assert.Throws<ArgumentNullException>(() => GoDuration.Parse(null!));
        Assert.False(GoDuration.TryParse(null, out _, out string? error));
        Assert.Contains("null", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_components_of_2_pow_63_wrap_to_zero_as_in_Go()
    {
        // Go adds the components in uint64 and checks > 1<<63 after the add: 2^63 + 2^63 wraps to 0.
        Assert.True(GoDuration.TryParse("9223372036854775808ns9223372036854775808ns", out GoDuration duration));
        Assert.Equal(GoDuration.Zero, duration);
    }

    [Theory]
    [MemberData(nameof(FormattedDurations))]
    public void Format_writes_what_Go_writes(string text, long nanoseconds)
    {
        var duration = new GoDuration(nanoseconds);
        Assert.Equal(text, duration.Format());
        Assert.Equal(text, duration.ToString());
    }

    [Fact]
    public void TimeSpan_conversions_are_exact_for_ticks_and_truncate_below_100ns_toward_zero()
    {
        Assert.Equal(TimeSpan.FromHours(24), GoDuration.Parse("24h").ToTimeSpan());
        Assert.Equal(GoDuration.Parse("1h30m"), GoDuration.FromTimeSpan(TimeSpan.FromMinutes(90)));
        Assert.Equal(TimeSpan.FromTicks(1), new GoDuration(199).ToTimeSpan());
        Assert.Equal(TimeSpan.FromTicks(-1), new GoDuration(-199).ToTimeSpan());
        Assert.Equal(GoDuration.Parse("2562047h47m16.8547758s"), GoDuration.FromTimeSpan(new GoDuration(long.MaxValue).ToTimeSpan()));
        Assert.Throws<ArgumentOutOfRangeException>(() => GoDuration.FromTimeSpan(TimeSpan.MaxValue));
        Assert.Equal(GoDuration.Parse("1h"), GoDuration.FromSeconds(3600));
        Assert.Throws<ArgumentOutOfRangeException>(() => GoDuration.FromSeconds(long.MaxValue));
    }

    [Fact]
    public void Comparison_orders_by_length()
    {
        GoDuration shorter = GoDuration.Parse("59m");
        GoDuration longer = GoDuration.Parse("1h");
        Assert.True(shorter < longer);
        Assert.True(longer > shorter);
        Assert.True(shorter <= longer && longer >= shorter);
        Assert.True(longer <= GoDuration.Parse("60m"));
        Assert.True(shorter.CompareTo(longer) < 0);
        Assert.True(GoDuration.MinValue < GoDuration.Zero && GoDuration.Zero < GoDuration.MaxValue);
    }

    private static Gen<long> AnyNanoseconds()
    {
        Gen<long> wide = ArbMap.Default.GeneratorFor<int>().Zip(ArbMap.Default.GeneratorFor<int>())
            .Select(p => ((long)p.Item1 << 32) | (uint)p.Item2);
        Gen<long> wholeUnits =
            from count in Gen.Choose(-100_000, 100_000)
            from unit in Gen.Elements(Ns, Us, Ms, S, M, H)
            select count * unit;
        return Gen.OneOf(
            wide,
            wholeUnits,
            ArbMap.Default.GeneratorFor<long>(),
            Gen.Elements(0L, 1L, -1L, long.MaxValue, long.MinValue, long.MaxValue - 1, long.MinValue + 1));
    }

    [Property(MaxTest = 2000)]
    public Property A_formatted_duration_parses_back_equal() =>
        Prop.ForAll(AnyNanoseconds().ToArbitrary(), nanoseconds =>
        {
            var duration = new GoDuration(nanoseconds);
            Assert.True(GoDuration.TryParse(duration.Format(), out GoDuration back, out string? error), error);
            Assert.Equal(duration, back);
        });

    [Property(MaxTest = 1000)]
    public Property Any_text_parses_or_fails_with_a_message_and_never_throws() =>
        Prop.ForAll(
            Gen.Elements("0", "1", "9", ".", "-", "+", "h", "m", "s", "ms", "us", "\u00B5", "ns", "d", " ", "9223372036854775808", "000000000000000000000")
                .ListOf()
                .Select(parts => string.Concat(parts))
                .ToArbitrary(),
            text =>
            {
                bool ok = GoDuration.TryParse(text, out _, out string? error);
                Assert.Equal(ok, error is null);
            });
}
