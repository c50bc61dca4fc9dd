using System.Diagnostics.CodeAnalysis;

namespace Golem.MeshPki.Lifetimes;

/// <summary>
/// A Go <c>time.Duration</c>: a signed count of nanoseconds, read and written exactly as Go's
/// <c>time.ParseDuration</c> and <c>Duration.String</c> do (golang/go src/time/format.go). Istio's
/// <c>SECRET_TTL</c>, istiod's <c>MAX_WORKLOAD_CERT_TTL</c> and cert-manager's <c>duration</c> and
/// <c>renewBefore</c> are all Go duration strings.
/// </summary>
/// <remarks>
/// The value keeps whole nanoseconds as a <see cref="long"/>, like Go, so that a parsed value prints back
/// unchanged ("1ns", "1.5µs"). <see cref="TimeSpan"/> has 100 ns ticks: <see cref="ToTimeSpan"/> truncates
/// toward zero, which is exact for every duration these configurations use (whole seconds and up).
/// Negative durations are valid Go durations; callers reject them where they make no sense.
/// </remarks>
/// <param name="Nanoseconds">The length in nanoseconds, as Go's <c>int64</c>.</param>
public readonly record struct GoDuration(long Nanoseconds) : IComparable<GoDuration>
{
    private const long NanosecondsPerTick = 100;

    /// <summary>The zero duration ("0s").</summary>
    public static GoDuration Zero => default;

    /// <summary>The shortest duration Go can hold, -2^63 ns ("-2562047h47m16.854775808s").</summary>
    public static GoDuration MinValue => new(long.MinValue);

    /// <summary>The longest duration Go can hold, 2^63-1 ns ("2562047h47m16.854775807s").</summary>
    public static GoDuration MaxValue => new(long.MaxValue);

    /// <summary>Makes a duration from whole seconds.</summary>
    /// <param name="seconds">The number of seconds.</param>
    /// <returns>The duration.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seconds"/> does not fit in int64 nanoseconds.</exception>
    public static GoDuration FromSeconds(long seconds) =>
        seconds is > long.MaxValue / 1_000_000_000 or < long.MinValue / 1_000_000_000
            ? throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "The duration does not fit in Go's int64 nanoseconds.")
            : new GoDuration(seconds * 1_000_000_000);

    /// <summary>Makes a duration from a <see cref="TimeSpan"/> (exact: a tick is 100 ns).</summary>
    /// <param name="value">The time span.</param>
    /// <returns>The duration.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is longer than about 292 years, Go's limit.</exception>
    public static GoDuration FromTimeSpan(TimeSpan value) =>
        Fits(value)
            ? new GoDuration(value.Ticks * NanosecondsPerTick)
            : throw new ArgumentOutOfRangeException(nameof(value), value, "The duration does not fit in Go's int64 nanoseconds.");

    /// <summary>Whether <see cref="FromTimeSpan"/> can hold the value: within about 292 years of zero, Go's int64 nanoseconds.</summary>
    internal static bool Fits(TimeSpan value) =>
        value.Ticks is <= long.MaxValue / NanosecondsPerTick and >= long.MinValue / NanosecondsPerTick;

    /// <summary>The duration as a <see cref="TimeSpan"/>, truncated toward zero to whole 100 ns ticks.</summary>
    /// <returns>The time span.</returns>
    public TimeSpan ToTimeSpan() => GoDurationSyntax.ToTimeSpan(Nanoseconds);

    /// <summary>Compares the lengths of two durations.</summary>
    /// <param name="other">The other duration.</param>
    /// <returns>Negative, zero or positive as this duration is shorter, equal or longer.</returns>
    public int CompareTo(GoDuration other) => Nanoseconds.CompareTo(other.Nanoseconds);

    /// <summary>Whether <paramref name="left"/> is shorter than <paramref name="right"/>.</summary>
    /// <param name="left">The first duration.</param>
    /// <param name="right">The second duration.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(GoDuration left, GoDuration right) => left.Nanoseconds < right.Nanoseconds;

    /// <summary>Whether <paramref name="left"/> is longer than <paramref name="right"/>.</summary>
    /// <param name="left">The first duration.</param>
    /// <param name="right">The second duration.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(GoDuration left, GoDuration right) => left.Nanoseconds > right.Nanoseconds;

    /// <summary>Whether <paramref name="left"/> is shorter than or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The first duration.</param>
    /// <param name="right">The second duration.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(GoDuration left, GoDuration right) => left.Nanoseconds <= right.Nanoseconds;

    /// <summary>Whether <paramref name="left"/> is longer than or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The first duration.</param>
    /// <param name="right">The second duration.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(GoDuration left, GoDuration right) => left.Nanoseconds >= right.Nanoseconds;

    /// <summary>Reads a Go duration string ("86400s", "1h30m", "1.5h", "300ms", "-1m") as <c>time.ParseDuration</c> does.</summary>
    /// <param name="text">The duration string.</param>
    /// <returns>The duration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not a Go duration; the message says what is wrong and where.</exception>
    public static GoDuration Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out GoDuration result, out string? error) ? result : throw new FormatException(error);
    }

    /// <summary>Reads a Go duration string as <c>time.ParseDuration</c> does.</summary>
    /// <param name="text">The duration string.</param>
    /// <param name="result">The duration, or zero when the text is not a Go duration.</param>
    /// <returns>Whether the text is a Go duration.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out GoDuration result) => TryParse(text, out result, out _);

    /// <summary>
    /// Reads a Go duration string as <c>time.ParseDuration</c> does, accepting and rejecting exactly the same
    /// strings: a possibly signed sequence of decimal numbers, each with an optional fraction and a unit
    /// (<c>ns</c>, <c>us</c>, <c>µs</c> U+00B5, <c>μs</c> U+03BC, <c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>), or "0" alone.
    /// </summary>
    /// <param name="text">The duration string.</param>
    /// <param name="result">The duration, or zero when the text is not a Go duration.</param>
    /// <param name="error">Null on success; otherwise what is wrong and at which character (0-based).</param>
    /// <returns>Whether the text is a Go duration.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out GoDuration result, [NotNullWhen(false)] out string? error)
    {
        // The parser is shared with the analyzers (GoDurationSyntax, netstandard2.0), so code and .editorconfig
        // settings read Go durations exactly as the library does.
        error = GoDurationSyntax.Read(text, out long nanoseconds);
        result = error is null ? new GoDuration(nanoseconds) : default;
        return error is null;
    }

    /// <summary>Writes the duration exactly as Go's <c>Duration.String</c>: "24h0m0s", "1h30m0s", "300ms", "1.5µs", "0s".</summary>
    /// <returns>The Go duration string.</returns>
    public string Format() =>
        GoDurationText.Format(Nanoseconds < 0, Nanoseconds < 0 ? unchecked(0UL - (ulong)Nanoseconds) : (ulong)Nanoseconds);

    /// <summary>The Go duration string (<see cref="Format"/>).</summary>
    /// <returns>The Go duration string.</returns>
    public override string ToString() => Format();
}
