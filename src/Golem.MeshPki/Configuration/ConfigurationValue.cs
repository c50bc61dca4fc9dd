namespace Golem.MeshPki.Configuration;

/// <summary>A setting read from a manifest: the interpreted value, the text it was read from, and where.</summary>
/// <typeparam name="T">
/// The interpreted type: <see cref="string"/> for names and for durations (kept as written, e.g. <c>86400s</c>;
/// they are parsed as Go durations elsewhere), <see cref="double"/> for ratios, <see cref="int"/> and
/// <see cref="bool"/> for numbers and switches.
/// </typeparam>
/// <param name="Value">The interpreted value.</param>
/// <param name="RawValue">The scalar's text exactly as YAML or JSON gave it (quotes removed).</param>
/// <param name="Position">Where the scalar starts.</param>
public sealed record ConfigurationValue<T>(T Value, string RawValue, SourcePosition Position)
{
    /// <summary>Shows the raw text and where it was read, e.g. <c>'86400s' at istio.yaml(10,19)</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString()
    {
        return $"'{RawValue}' at {Position}";
    }
}
