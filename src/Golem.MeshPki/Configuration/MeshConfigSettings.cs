namespace Golem.MeshPki.Configuration;

/// <summary>Where a set of istio-agent settings (<see cref="MeshConfigSettings"/>) was found.</summary>
public enum MeshConfigOrigin
{
    /// <summary>The mesh ConfigMap (<c>istio</c> in <c>istio-system</c>): YAML embedded in <c>data.mesh</c>, under <c>defaultConfig.proxyMetadata</c>.</summary>
    ConfigMap,

    /// <summary>An <c>IstioOperator</c>: <c>spec.meshConfig.defaultConfig.proxyMetadata</c>.</summary>
    IstioOperator,

    /// <summary>A Helm values file of the istiod chart: <c>meshConfig.defaultConfig.proxyMetadata</c>.</summary>
    HelmValues,

    /// <summary>A workload's <c>proxy.istio.io/config</c> annotation (YAML embedded in the annotation), under <c>proxyMetadata</c>.</summary>
    PodAnnotation,
}

/// <summary>
/// The istio-agent settings that decide a workload certificate's lifetime and rotation, as one source
/// (a mesh ConfigMap, an IstioOperator, a Helm values file or a pod annotation) sets them. A setting that
/// the source does not set is <see langword="null"/>: Istio's default (or a lower-precedence source) applies.
/// </summary>
public sealed class MeshConfigSettings
{
    /// <summary>Gets where the settings were found.</summary>
    public MeshConfigOrigin Origin { get; init; }

    /// <summary>Gets the name of the object that holds them (<c>istio</c>, the IstioOperator's or Deployment's name); <see langword="null"/> for a Helm values file or an object without a name.</summary>
    public string? ObjectName { get; init; }

    /// <summary>Gets the namespace of the object that holds them, when it says.</summary>
    public string? Namespace { get; init; }

    /// <summary>Gets the kind of the object that holds them (<c>ConfigMap</c>, <c>IstioOperator</c>, <c>Deployment</c>, <c>Pod</c>); <see langword="null"/> for a Helm values file.</summary>
    public string? ObjectKind { get; init; }

    /// <summary>Gets where the object (or the embedded YAML) starts.</summary>
    public SourcePosition Position { get; init; }

    /// <summary>Gets <c>SECRET_TTL</c>, the workload certificate TTL istio-agent requests, as written (a Go duration such as <c>86400s</c>; Istio's default is 24h).</summary>
    public ConfigurationValue<string>? SecretTtl { get; init; }

    /// <summary>Gets <c>SECRET_GRACE_PERIOD_RATIO</c>, the fraction of the lifetime left when istio-agent rotates (Istio's default 0.5).</summary>
    public ConfigurationValue<double>? GracePeriodRatio { get; init; }

    /// <summary>Gets <c>SECRET_GRACE_PERIOD_RATIO_JITTER</c>, the random spread added to the ratio (Istio's default 0.01).</summary>
    public ConfigurationValue<double>? GracePeriodRatioJitter { get; init; }
}
