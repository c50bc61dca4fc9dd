using Golem.MeshPki.Rules;

namespace Golem.MeshPki.Analyzers;

/// <summary>
/// The lifetime settings a rule asks for, whatever API wrote them: a rule says "the workload TTL", and
/// <see cref="ApiSurfaces"/> knows that it is <c>Ttl</c> on a <c>WorkloadCertificatePolicy</c>, <c>secretTtl</c> of
/// <c>FromIstioSettings</c> and <c>WorkloadCertificateTtl</c> on <c>MeshLifetimeOptions</c>.
/// </summary>
internal enum LifetimeSetting
{
    /// <summary>istio-agent's <c>SECRET_TTL</c>: the workload certificate TTL.</summary>
    WorkloadTtl,

    /// <summary>istio-agent's <c>SECRET_GRACE_PERIOD_RATIO</c>.</summary>
    GracePeriodRatio,

    /// <summary>istio-agent's <c>SECRET_GRACE_PERIOD_RATIO_JITTER</c>.</summary>
    GracePeriodRatioJitter,

    /// <summary>istiod's <c>MAX_WORKLOAD_CERT_TTL</c>.</summary>
    MaxWorkloadCertTtl,

    /// <summary>The intermediate CA Certificate's <c>spec.duration</c>.</summary>
    IntermediateDuration,

    /// <summary>The intermediate CA Certificate's <c>spec.renewBefore</c>.</summary>
    IntermediateRenewBefore,

    /// <summary>The intermediate CA Certificate's <c>spec.renewBeforePercentage</c>.</summary>
    IntermediateRenewBeforePercentage,
}

/// <summary>The two halves of the mesh's lifetimes: what istio-agent and istiod use, and the intermediate CA's Certificate.</summary>
[Flags]
internal enum LifetimeGroup
{
    None = 0,

    /// <summary>The workload certificate settings (<c>WorkloadCertificatePolicy</c>'s).</summary>
    Workload = 1,

    /// <summary>The intermediate CA settings (<c>IntermediateCaPolicy</c>'s).</summary>
    Intermediate = 2,

    /// <summary>Both halves (<c>MeshCertificateLifetimes</c>, <c>MeshLifetimeOptions</c>).</summary>
    Both = Workload | Intermediate,
}

/// <summary>What every API surface agrees on about a setting: its group and its value when nothing sets it.</summary>
internal static class LifetimeSettings
{
    /// <summary>The half of the lifetimes a setting belongs to.</summary>
    public static LifetimeGroup GroupOf(LifetimeSetting setting) => setting switch
    {
        LifetimeSetting.WorkloadTtl or LifetimeSetting.GracePeriodRatio or LifetimeSetting.GracePeriodRatioJitter or LifetimeSetting.MaxWorkloadCertTtl => LifetimeGroup.Workload,
        _ => LifetimeGroup.Intermediate,
    };

    /// <summary>
    /// A TimeSpan setting's value on a new object that does not set it (or sets it to <see langword="null"/>): istio's
    /// default TTL; <see langword="null"/> for the rest, whose absence each rule interprets (cert-manager's 90-day
    /// duration; the maximum from .editorconfig or istiod's default).
    /// </summary>
    public static TimeSpan? DefaultTimeSpan(LifetimeSetting setting) => setting == LifetimeSetting.WorkloadTtl
        ? LifetimeRuleThresholds.DefaultSecretTtl
        : null;

    /// <summary>A numeric setting's value on a new object that does not set it (or sets it to <see langword="null"/>).</summary>
    public static double? DefaultNumber(LifetimeSetting setting) => setting switch
    {
        LifetimeSetting.GracePeriodRatio => LifetimeRuleThresholds.DefaultGracePeriodRatio,
        LifetimeSetting.GracePeriodRatioJitter => LifetimeRuleThresholds.DefaultGracePeriodRatioJitter,
        _ => null,
    };
}
