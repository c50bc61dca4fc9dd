namespace Golem.MeshPki.Configuration;

/// <summary>Where a value was read: the file and the 1-based line and column of its first character.</summary>
/// <param name="File">The file name given to the reader (<c>istio-configmap.yaml</c>), or <c>-</c> for standard input.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
/// <remarks>
/// Values read from YAML embedded in a string (the mesh ConfigMap's <c>data.mesh</c>, the
/// <c>proxy.istio.io/config</c> annotation) carry positions in the outer file, not in the embedded text.
/// </remarks>
public readonly record struct SourcePosition(string File, int Line, int Column)
{
    /// <summary>Shows the position as compilers do, e.g. <c>istio.yaml(12,7)</c>.</summary>
    /// <returns>The file name followed by the line and column in parentheses.</returns>
    public override string ToString()
    {
        return $"{File}({Line},{Column})";
    }
}
