namespace Golem.MeshPki.Configuration;

/// <summary>
/// istiod's certificate-related settings as its Deployment sets them: the environment of its
/// <c>discovery</c> container and the container image (whose tag is the Istio version). A variable that is
/// not set, or is set from a Secret or ConfigMap (<c>valueFrom</c>), is <see langword="null"/>.
/// </summary>
public sealed class IstiodDeploymentSettings
{
    /// <summary>Gets the Deployment's name (<c>istiod</c>, or <c>istiod-1-24-2</c> for a revision).</summary>
    public string? Name { get; init; }

    /// <summary>Gets the Deployment's namespace, when it says.</summary>
    public string? Namespace { get; init; }

    /// <summary>Gets where the Deployment starts.</summary>
    public SourcePosition Position { get; init; }

    /// <summary>Gets the <c>discovery</c> container's image as written, e.g. <c>docker.io/istio/pilot:1.24.2</c>.</summary>
    public ConfigurationValue<string>? Image { get; init; }

    /// <summary>
    /// Gets the image's tag, e.g. <c>1.24.2</c> or <c>1.24.2-distroless</c> (the text after the last <c>:</c>
    /// of the last path segment, before any <c>@digest</c>); <see langword="null"/> when the image has no tag.
    /// Its position is the image's.
    /// </summary>
    public ConfigurationValue<string>? ImageTag { get; init; }

    /// <summary>Gets <c>MAX_WORKLOAD_CERT_TTL</c> as written (a Go duration; istiod's default is 90 days).</summary>
    public ConfigurationValue<string>? MaxWorkloadCertTtl { get; init; }

    /// <summary>Gets <c>DEFAULT_WORKLOAD_CERT_TTL</c> as written (a Go duration; istiod's default is 24h).</summary>
    public ConfigurationValue<string>? DefaultWorkloadCertTtl { get; init; }

    /// <summary>Gets <c>ISTIO_MULTIROOT_MESH</c>, read as Go's <c>strconv.ParseBool</c> reads it (default <see langword="false"/>).</summary>
    public ConfigurationValue<bool>? MultiRootMesh { get; init; }
}
