using Golem.MeshPki.Lifetimes;

namespace Golem.MeshPki.Analyzers;

/// <summary>
/// Reads an .editorconfig duration the way istiod reads its environment: a Go duration (<c>2160h</c>, <c>90m</c>,
/// <c>1h30m</c>, <c>1.5h</c>), through the library's own parser (<see cref="GoDurationSyntax"/>, linked as source).
/// </summary>
internal static class EditorConfigDuration
{
    /// <summary>
    /// A non-negative Go duration, truncated to 100 ns ticks as <c>GoDuration.ToTimeSpan</c> does. Surrounding
    /// whitespace is ignored. A negative value is refused: it is no maximum anyone means, and the caller then keeps
    /// istiod's default.
    /// </summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (text is null || GoDurationSyntax.Read(text.Trim(), out long nanoseconds) is not null || nanoseconds < 0)
        {
            return false;
        }

        value = GoDurationSyntax.ToTimeSpan(nanoseconds);
        return true;
    }
}
