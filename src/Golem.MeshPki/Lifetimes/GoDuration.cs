using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

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
    private const ulong Nanosecond = 1;
    private const ulong Microsecond = 1000 * Nanosecond;
    private const ulong Millisecond = 1000 * Microsecond;
    private const ulong Second = 1000 * Millisecond;
    private const ulong Minute = 60 * Second;
    private const ulong Hour = 60 * Minute;

    // 1 << 63: the magnitude bound Go checks against (it allows exactly 2^63 for "-9223372036854775808ns").
    private const ulong Bound = 1UL << 63;

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
        value.Ticks is > long.MaxValue / NanosecondsPerTick or < long.MinValue / NanosecondsPerTick
            ? throw new ArgumentOutOfRangeException(nameof(value), value, "The duration does not fit in Go's int64 nanoseconds.")
            : new GoDuration(value.Ticks * NanosecondsPerTick);

    /// <summary>The duration as a <see cref="TimeSpan"/>, truncated toward zero to whole 100 ns ticks.</summary>
    /// <returns>The time span.</returns>
    public TimeSpan ToTimeSpan() => TimeSpan.FromTicks(Nanoseconds / NanosecondsPerTick);

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
        // A transcription of golang/go src/time/format.go ParseDuration, leadingInt and leadingFraction:
        // [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+ with the same overflow checks, on UTF-16 chars instead of bytes
        // (a unit is every char up to the next digit or '.', so the two read the same strings).
        result = default;
        if (text is null)
        {
            error = "A Go duration is required; the value is null.";
            return false;
        }

        int i = 0;
        bool negative = false;
        if (text.Length > 0 && text[0] is '-' or '+')
        {
            negative = text[0] == '-';
            i = 1;
        }

        // Go: "Special case: if all that is left is "0", this is zero."
        if (text.Length - i == 1 && text[i] == '0')
        {
            error = null;
            return true;
        }

        if (i == text.Length)
        {
            error = text.Length == 0
                ? "A Go duration is required; the value is empty."
                : $"Invalid Go duration '{text}': a number is expected after the sign at position {i}.";
            return false;
        }

        ulong total = 0;
        while (i < text.Length)
        {
            int numberStart = i;
            char c = text[i];
            if (!(c == '.' || char.IsAsciiDigit(c)))
            {
                error = $"Invalid Go duration '{text}': a number is expected at position {i}, found '{c}'.";
                return false;
            }

            // leadingInt: [0-9]*, failing beyond 2^63.
            ulong value = 0;
            int integerStart = i;
            for (; i < text.Length && char.IsAsciiDigit(text[i]); i++)
            {
                if (value > Bound / 10)
                {
                    error = $"Invalid Go duration '{text}': the number at position {numberStart} overflows int64 nanoseconds.";
                    return false;
                }

                value = (value * 10) + (ulong)(text[i] - '0');
                if (value > Bound)
                {
                    error = $"Invalid Go duration '{text}': the number at position {numberStart} overflows int64 nanoseconds.";
                    return false;
                }
            }

            bool digitsBefore = i != integerStart;

            // leadingFraction: (\.[0-9]*)?, ignoring digits once more would overflow.
            ulong fraction = 0;
            double scale = 1;
            bool digitsAfter = false;
            if (i < text.Length && text[i] == '.')
            {
                i++;
                int fractionStart = i;
                bool overflow = false;
                for (; i < text.Length && char.IsAsciiDigit(text[i]); i++)
                {
                    if (overflow)
                    {
                        continue;
                    }

                    if (fraction > (Bound - 1) / 10)
                    {
                        overflow = true;
                        continue;
                    }

                    ulong next = (fraction * 10) + (ulong)(text[i] - '0');
                    if (next > Bound)
                    {
                        overflow = true;
                        continue;
                    }

                    fraction = next;
                    scale *= 10;
                }

                digitsAfter = i != fractionStart;
            }

            if (!digitsBefore && !digitsAfter)
            {
                error = $"Invalid Go duration '{text}': the number at position {numberStart} has no digits.";
                return false;
            }

            int unitStart = i;
            for (; i < text.Length && !(text[i] == '.' || char.IsAsciiDigit(text[i])); i++)
            {
            }

            string unitText = text[unitStart..i];
            if (unitText.Length == 0)
            {
                error = $"Invalid Go duration '{text}': missing unit after the number at position {numberStart} (one of ns, us, µs, ms, s, m, h).";
                return false;
            }

            ulong? unit = UnitNanoseconds(unitText);
            if (unit is not ulong unitValue)
            {
                error = $"Invalid Go duration '{text}': unknown unit '{unitText}' at position {unitStart} (one of ns, us, µs, ms, s, m, h; Go has no days).";
                return false;
            }

            if (value > Bound / unitValue)
            {
                error = $"Invalid Go duration '{text}': the component at position {numberStart} overflows int64 nanoseconds.";
                return false;
            }

            value *= unitValue;
            if (fraction > 0)
            {
                // Go: "float64 is needed to be nanosecond accurate for fractions of hours."
                value += (ulong)(fraction * (unitValue / scale));
                if (value > Bound)
                {
                    error = $"Invalid Go duration '{text}': the component at position {numberStart} overflows int64 nanoseconds.";
                    return false;
                }
            }

            // Go adds in uint64 and then checks d > 1<<63; both terms are at most 2^63, so the sum can only
            // wrap at exactly 2^64 ("9223372036854775808ns9223372036854775808ns" reads as 0 in Go). Mirror it.
            total = unchecked(total + value);
            if (total > Bound)
            {
                error = $"Invalid Go duration '{text}': the total overflows int64 nanoseconds at position {numberStart}.";
                return false;
            }
        }

        if (negative)
        {
            result = new GoDuration(unchecked(-(long)total));
            error = null;
            return true;
        }

        if (total > Bound - 1)
        {
            error = $"Invalid Go duration '{text}': the total overflows int64 nanoseconds.";
            return false;
        }

        result = new GoDuration((long)total);
        error = null;
        return true;
    }

    private static ulong? UnitNanoseconds(string unit) => unit switch
    {
        "ns" => Nanosecond,
        "us" => Microsecond,
        "\u00B5s" => Microsecond, // U+00B5 micro sign
        "\u03BCs" => Microsecond, // U+03BC Greek letter mu
        "ms" => Millisecond,
        "s" => Second,
        "m" => Minute,
        "h" => Hour,
        _ => null,
    };

    /// <summary>Writes the duration exactly as Go's <c>Duration.String</c>: "24h0m0s", "1h30m0s", "300ms", "1.5µs", "0s".</summary>
    /// <returns>The Go duration string.</returns>
    public string Format() =>
        GoDurationText.Format(Nanoseconds < 0, Nanoseconds < 0 ? unchecked(0UL - (ulong)Nanoseconds) : (ulong)Nanoseconds);

    /// <summary>The Go duration string (<see cref="Format"/>).</summary>
    /// <returns>The Go duration string.</returns>
    public override string ToString() => Format();
}
