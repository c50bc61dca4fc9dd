namespace Golem.MeshPki.Lifetimes;

/// <summary>
/// Reads a Go duration string exactly as Go's <c>time.ParseDuration</c> does (golang/go src/time/format.go): the one
/// implementation behind <c>GoDuration.Parse</c>/<c>TryParse</c>, the Roslyn analyzers' .editorconfig settings and
/// their evaluation of Go duration string literals.
/// </summary>
/// <remarks>
/// Plain C# that compiles for netstandard2.0 too: the analyzers compile this file as linked source, because they
/// must not load the library. Hence no <c>char.IsAsciiDigit</c>, no ranges on strings and no nullable-flow attributes.
/// </remarks>
internal static class GoDurationSyntax
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

    /// <summary>
    /// Reads a Go duration string as <c>time.ParseDuration</c> does, accepting and rejecting exactly the same
    /// strings: a possibly signed sequence of decimal numbers, each with an optional fraction and a unit
    /// (<c>ns</c>, <c>us</c>, <c>µs</c> U+00B5, <c>μs</c> U+03BC, <c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>), or "0" alone.
    /// </summary>
    /// <param name="text">The duration string.</param>
    /// <param name="nanoseconds">The duration in nanoseconds (Go's <c>int64</c>), or zero when the text is not a Go duration.</param>
    /// <returns>
    /// <see langword="null"/> when the text is a Go duration; otherwise what is wrong and at which character (0-based).
    /// (An error rather than a bool: netstandard2.0 has no <c>NotNullWhen</c> to tell callers when an out error is set.)
    /// </returns>
    public static string? Read(string? text, out long nanoseconds)
    {
        // A transcription of golang/go src/time/format.go ParseDuration, leadingInt and leadingFraction:
        // [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+ with the same overflow checks, on UTF-16 chars instead of bytes
        // (a unit is every char up to the next digit or '.', so the two read the same strings).
        nanoseconds = 0;
        if (text is null)
        {
            return "A Go duration is required; the value is null.";
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
            return null;
        }

        if (i == text.Length)
        {
            return text.Length == 0
                ? "A Go duration is required; the value is empty."
                : $"Invalid Go duration '{text}': a number is expected after the sign at position {i}.";
        }

        ulong total = 0;
        while (i < text.Length)
        {
            int numberStart = i;
            char c = text[i];
            if (!(c == '.' || IsDigit(c)))
            {
                return $"Invalid Go duration '{text}': a number is expected at position {i}, found '{c}'.";
            }

            // leadingInt: [0-9]*, failing beyond 2^63.
            ulong value = 0;
            int integerStart = i;
            for (; i < text.Length && IsDigit(text[i]); i++)
            {
                if (value > Bound / 10)
                {
                    return $"Invalid Go duration '{text}': the number at position {numberStart} overflows int64 nanoseconds.";
                }

                value = (value * 10) + (ulong)(text[i] - '0');
                if (value > Bound)
                {
                    return $"Invalid Go duration '{text}': the number at position {numberStart} overflows int64 nanoseconds.";
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
                for (; i < text.Length && IsDigit(text[i]); i++)
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
                return $"Invalid Go duration '{text}': the number at position {numberStart} has no digits.";
            }

            int unitStart = i;
            for (; i < text.Length && !(text[i] == '.' || IsDigit(text[i])); i++)
            {
            }

            string unitText = text.Substring(unitStart, i - unitStart);
            if (unitText.Length == 0)
            {
                return $"Invalid Go duration '{text}': missing unit after the number at position {numberStart} (one of ns, us, µs, ms, s, m, h).";
            }

            if (UnitNanoseconds(unitText) is not ulong unit)
            {
                return $"Invalid Go duration '{text}': unknown unit '{unitText}' at position {unitStart} (one of ns, us, µs, ms, s, m, h; Go has no days).";
            }

            if (value > Bound / unit)
            {
                return $"Invalid Go duration '{text}': the component at position {numberStart} overflows int64 nanoseconds.";
            }

            value *= unit;
            if (fraction > 0)
            {
                // Go: "float64 is needed to be nanosecond accurate for fractions of hours."
                // fraction < scale, so the product is below one unit: the conversion cannot overflow.
                value += (ulong)(fraction * (unit / scale));
                if (value > Bound)
                {
                    return $"Invalid Go duration '{text}': the component at position {numberStart} overflows int64 nanoseconds.";
                }
            }

            // Go adds in uint64 and then checks d > 1<<63; both terms are at most 2^63, so the sum can only
            // wrap at exactly 2^64 ("9223372036854775808ns9223372036854775808ns" reads as 0 in Go). Mirror it.
            total = unchecked(total + value);
            if (total > Bound)
            {
                return $"Invalid Go duration '{text}': the total overflows int64 nanoseconds at position {numberStart}.";
            }
        }

        if (negative)
        {
            // -(2^63) is long.MinValue; unchecked so that the library's CheckForOverflowUnderflow does not throw on it.
            nanoseconds = unchecked(-(long)total);
            return null;
        }

        if (total > Bound - 1)
        {
            return $"Invalid Go duration '{text}': the total overflows int64 nanoseconds.";
        }

        nanoseconds = (long)total;
        return null;
    }

    /// <summary>
    /// A Go duration as a <see cref="TimeSpan"/>, truncated toward zero to whole 100 ns ticks (what
    /// <c>GoDuration.ToTimeSpan</c> returns). Every Go duration fits: 2^63 ns is about 292 years.
    /// </summary>
    public static TimeSpan ToTimeSpan(long nanoseconds) => TimeSpan.FromTicks(nanoseconds / NanosecondsPerTick);

    // Go's "0" <= c && c <= "9": ASCII digits only (char.IsDigit would take every Unicode Nd digit).
    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    // golang/go src/time/format.go unitMap.
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
}
