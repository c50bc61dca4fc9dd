namespace Golem.MeshPki.Lifetimes;

/// <summary>Reads one named istio or cert-manager duration setting as the Go program behind it does.</summary>
internal static class GoDurationSetting
{
    /// <summary>The setting's value as a <see cref="TimeSpan"/> (Go's <c>time.ParseDuration</c>, truncated to 100 ns ticks).</summary>
    /// <param name="setting">The setting's name as its owner spells it (<c>SECRET_TTL</c>, <c>spec.duration</c>).</param>
    /// <param name="text">The value.</param>
    /// <returns>The duration.</returns>
    /// <exception cref="FormatException">The value is not a Go duration; the message names the setting.</exception>
    public static TimeSpan Parse(string setting, string text) =>
        GoDuration.TryParse(text, out GoDuration duration, out string? error)
            ? duration.ToTimeSpan()
            : throw new FormatException($"{setting}: {error}");
}
