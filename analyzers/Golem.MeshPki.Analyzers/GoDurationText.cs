using System.Globalization;
using System.Text;

namespace Golem.MeshPki.Analyzers;

/// <summary>
/// Writes a TimeSpan as Go's <c>Duration.String</c> does ("1h0m0s", "5m0s", "300ms"), as the library's
/// <c>GoDuration.Format</c> writes it (the analyzer does not load the library): the cert-manager messages quote Go
/// durations, as the webhook does.
/// </summary>
internal static class GoDurationText
{
    private const ulong NanosecondsPerTick = 100;
    private const ulong Microsecond = 1000;
    private const ulong Millisecond = 1000 * Microsecond;
    private const ulong Second = 1000 * Millisecond;

    public static string Format(TimeSpan value)
    {
        long ticks = value.Ticks;
        ulong u = (ticks < 0 ? unchecked(0UL - (ulong)ticks) : (ulong)ticks) * NanosecondsPerTick;
        var text = new StringBuilder(32);
        if (ticks < 0)
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
