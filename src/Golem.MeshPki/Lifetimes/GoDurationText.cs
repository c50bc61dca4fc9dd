using System.Globalization;
using System.Text;

namespace Golem.MeshPki.Lifetimes;

/// <summary>
/// Writes a duration exactly as Go's <c>Duration.String</c> does ("24h0m0s", "1h30m0s", "300ms", "1.5µs", "0s"):
/// the one implementation behind <c>GoDuration.Format</c> and the Roslyn analyzers' messages.
/// </summary>
/// <remarks>
/// Plain C# that compiles for netstandard2.0 too: the analyzers compile this file as linked source, because they
/// must not load the library.
/// </remarks>
internal static class GoDurationText
{
    private const ulong NanosecondsPerTick = 100;
    private const ulong Microsecond = 1000;
    private const ulong Millisecond = 1000 * Microsecond;
    private const ulong Second = 1000 * Millisecond;

    /// <summary>Writes a <see cref="TimeSpan"/> (100 ns ticks) as a Go duration.</summary>
    public static string Format(TimeSpan value)
    {
        long ticks = value.Ticks;
        ulong magnitude = unchecked((ticks < 0 ? 0UL - (ulong)ticks : (ulong)ticks) * NanosecondsPerTick);
        return Format(ticks < 0, magnitude);
    }

    /// <summary>Writes a duration of <paramref name="nanoseconds"/> (its magnitude) with the sign <paramref name="negative"/>.</summary>
    public static string Format(bool negative, ulong nanoseconds)
    {
        // golang/go src/time/format.go Duration.format: below one second the largest of ns, µs (U+00B5), ms
        // that fits, with a fraction; otherwise [Nh][Nm]N[.fff]s, the hours and minutes only when non-zero above.
        ulong u = nanoseconds;
        var text = new StringBuilder(32);
        if (negative)
        {
            text.Append('-');
        }

        if (u < Second)
        {
            if (u == 0)
            {
                return "0s";
            }

            (int precision, string unit) = u switch
            {
                < Microsecond => (0, "ns"),
                < Millisecond => (3, "\u00B5s"),
                _ => (6, "ms"),
            };
            AppendWithFraction(text, u, precision);
            text.Append(unit);
            return text.ToString();
        }

        ulong seconds = u / Second;
        ulong hours = seconds / 3600;
        ulong minutes = seconds / 60 % 60;
        if (hours > 0)
        {
            text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (hours > 0 || minutes > 0)
        {
            text.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        AppendWithFraction(text, (seconds % 60 * Second) + (u % Second), 9);
        text.Append('s');
        return text.ToString();
    }

    /// <summary>Go's fmtFrac then fmtInt: v / 10^precision, the fraction without trailing zeros and without a point when zero.</summary>
    private static void AppendWithFraction(StringBuilder text, ulong value, int precision)
    {
        ulong divisor = 1;
        for (int p = 0; p < precision; p++)
        {
            divisor *= 10;
        }

        text.Append((value / divisor).ToString(CultureInfo.InvariantCulture));
        ulong fraction = value % divisor;
        if (fraction != 0)
        {
            text.Append('.').Append(fraction.ToString(CultureInfo.InvariantCulture).PadLeft(precision, '0').TrimEnd('0'));
        }
    }
}
