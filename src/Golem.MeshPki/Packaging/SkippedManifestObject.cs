namespace Golem.MeshPki.Packaging;

/// <summary>
/// An object in a manifest that is not a Secret (a ConfigMap, a Deployment, a document that is not a
/// mapping) and was therefore passed over, so that a caller can say what it found instead.
/// </summary>
/// <param name="Kind">The object's <c>kind</c>; <see langword="null"/> when it has none or is not a mapping.</param>
/// <param name="ApiVersion">The object's <c>apiVersion</c>; <see langword="null"/> when absent.</param>
/// <param name="Name">The object's <c>metadata.name</c>; <see langword="null"/> when absent.</param>
/// <param name="DocumentIndex">The 0-based index of the YAML document that holds the object.</param>
/// <param name="Line">The 1-based line where the object starts.</param>
/// <param name="Column">The 1-based column where the object starts.</param>
public readonly record struct SkippedManifestObject(string? Kind, string? ApiVersion, string? Name, int DocumentIndex, int Line, int Column)
{
    /// <summary>Shows kind, name and position, e.g. <c>ConfigMap istio-ca-root-cert (14,1)</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString()
    {
        string kind = Kind ?? "(no kind)";
        return Name is null ? $"{kind} ({Line},{Column})" : $"{kind} {Name} ({Line},{Column})";
    }
}
