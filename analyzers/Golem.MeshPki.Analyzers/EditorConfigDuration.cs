using System.Globalization;

namespace Golem.MeshPki.Analyzers;

/// <summary>
/// Reads an .editorconfig duration the way istiod reads its environment: a Go duration (<c>2160h</c>, <c>90m</c>,
/// <c>1h30m</c>, <c>1.5h</c>). The library's GoDuration is not available here (the analyzer does not load the library),
/// so this is a small reading of Go's time.ParseDuration grammar without the overflow corner cases.
/// </summary>
internal static class EditorConfigDuration
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (text is null)
        {
            return false;
        }

        string s = text.Trim();
        if (s.Length == 0)
        {
            return false;
        }

        if (s == "0")
        {
            value = TimeSpan.Zero;
            return true;
        }

        double ticks = 0;
        int i = 0;
        while (i < s.Length)
        {
            int start = i;
            while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            if (i == start || !double.TryParse(s.Substring(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double amount))
            {
                return false;
            }

            int unitStart = i;
            while (i < s.Length && !char.IsDigit(s[i]) && s[i] != '.')
            {
                i++;
            }

            double? unit = s.Substring(unitStart, i - unitStart) switch
            {
                "h" => TimeSpan.TicksPerHour,
                "m" => TimeSpan.TicksPerMinute,
                "s" => TimeSpan.TicksPerSecond,
                "ms" => TimeSpan.TicksPerMillisecond,
                "us" or "\u00b5s" or "\u03bcs" => 10,
                "ns" => 0.01,
                _ => null,
            };
            if (unit is null)
            {
                return false;
            }

            ticks += amount * unit.Value;
        }

        if (ticks > TimeSpan.MaxValue.Ticks)
        {
            return false;
        }

        value = TimeSpan.FromTicks((long)ticks);
        return true;
    }
}
