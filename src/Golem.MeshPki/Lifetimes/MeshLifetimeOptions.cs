using Golem.MeshPki.Rules;

namespace Golem.MeshPki.Lifetimes;

/// <summary>
/// The mesh's certificate lifetimes as settable options, for configuration binding and the options pattern
/// (<c>services.Configure&lt;MeshLifetimeOptions&gt;(configuration.GetSection("MeshPki"))</c>); unset properties hold
/// istio's and cert-manager's defaults.
/// </summary>
/// <remarks>
/// Mutable on purpose: binders and <c>Configure</c> callbacks set one property at a time. Nothing is checked when a
/// property is set: call <see cref="Validate"/> (e.g. from an <c>IValidateOptions</c> implementation) once the options
/// are complete, or <see cref="ToLifetimes"/> for the immutable policies. The Golem.MeshPki analyzers check constant
/// values assigned to these properties in code.
/// </remarks>
public sealed class MeshLifetimeOptions
{
    /// <summary>Gets or sets istio-agent's <c>SECRET_TTL</c>, the workload certificate TTL; 24 hours by default.</summary>
    public TimeSpan WorkloadCertificateTtl { get; set; } = LifetimeRuleThresholds.DefaultSecretTtl;

    /// <summary>Gets or sets istio-agent's <c>SECRET_GRACE_PERIOD_RATIO</c>; 0.5 by default.</summary>
    public double GracePeriodRatio { get; set; } = LifetimeRuleThresholds.DefaultGracePeriodRatio;

    /// <summary>Gets or sets istio-agent's <c>SECRET_GRACE_PERIOD_RATIO_JITTER</c>; 0.01 by default.</summary>
    public double GracePeriodRatioJitter { get; set; } = LifetimeRuleThresholds.DefaultGracePeriodRatioJitter;

    /// <summary>Gets or sets istiod's <c>MAX_WORKLOAD_CERT_TTL</c>; 90 days by default.</summary>
    public TimeSpan MaxWorkloadCertTtl { get; set; } = LifetimeRuleThresholds.DefaultMaxWorkloadCertTtl;

    /// <summary>Gets or sets the intermediate Certificate's <c>spec.duration</c>; <see langword="null"/> (absent, 90 days) by default.</summary>
    public TimeSpan? IntermediateDuration { get; set; }

    /// <summary>Gets or sets the intermediate Certificate's <c>spec.renewBefore</c>; absent by default.</summary>
    public TimeSpan? IntermediateRenewBefore { get; set; }

    /// <summary>Gets or sets the intermediate Certificate's <c>spec.renewBeforePercentage</c>; absent by default.</summary>
    public int? IntermediateRenewBeforePercentage { get; set; }

    /// <summary>The options as the immutable policies, a snapshot: later changes to the options do not reach it.</summary>
    /// <returns>The workload and intermediate policies.</returns>
    public MeshCertificateLifetimes ToLifetimes() => new(
        new WorkloadCertificatePolicy(WorkloadCertificateTtl, GracePeriodRatio, GracePeriodRatioJitter, MaxWorkloadCertTtl),
        new IntermediateCaPolicy(IntermediateDuration, IntermediateRenewBefore, IntermediateRenewBeforePercentage));

    /// <summary>The findings of <see cref="MeshCertificateLifetimes.Validate"/> for the current values.</summary>
    /// <returns>The findings, empty when the lifetimes are safe.</returns>
    public IReadOnlyList<Finding> Validate() => ToLifetimes().Validate();
}
