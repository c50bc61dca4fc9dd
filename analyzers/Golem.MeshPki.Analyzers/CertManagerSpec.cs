using System.Collections.Immutable;
using Golem.MeshPki.Rules;
using Microsoft.CodeAnalysis;

namespace Golem.MeshPki.Analyzers;

/// <summary>
/// What cert-manager does with an intermediate's <c>duration</c>, <c>renewBefore</c> and <c>renewBeforePercentage</c>,
/// as its webhook (internal/apis/certmanager/validation/certificate.go <c>ValidateDuration</c>) and its controller
/// (pkg/util/pki/renewaltime.go <c>desiredRenewalTime</c>) compute it, in Go's int64 nanoseconds. The library's
/// <c>CertManagerCertificateValidation</c> and <c>CertManagerRenewal</c> compute the same; tests compare them.
/// </summary>
internal static class CertManagerSpec
{
    private const long NanosecondsPerTick = 100;

    /// <summary>
    /// Whether a Certificate could hold these values at all: a known duration or renewBefore beyond Go's int64
    /// nanoseconds (about 292 years) cannot be written in a <c>metav1.Duration</c>, so the webhook has nothing to say
    /// about such a spec (and <c>IntermediateCaPolicy.Validate()</c> returns no finding for it).
    /// </summary>
    public static bool FitsACertificate(PolicySettings settings) =>
        Fits(settings, LifetimeSetting.IntermediateDuration) && Fits(settings, LifetimeSetting.IntermediateRenewBefore);

    /// <summary>
    /// The duration the webhook checks a percentage against, when it checks one: <c>ValidateCertificateSpec</c> runs
    /// <c>ValidateDuration</c> only when <c>spec.duration</c> or <c>spec.renewBefore</c> is set; an absent duration is
    /// 90 days. False when that is unknown.
    /// </summary>
    public static bool TryGetCheckedDuration(PolicySettings settings, out TimeSpan duration)
    {
        duration = default;
        if (!settings.TryGetEffectiveTimeSpan(LifetimeSetting.IntermediateDuration, out TimeSpan? written, out _))
        {
            return false;
        }

        duration = written ?? LifetimeRuleThresholds.DefaultCertificateDuration;
        return written is not null || settings.IsDefinitelySet(LifetimeSetting.IntermediateRenewBefore, out _);
    }

    /// <summary>
    /// The webhook's renewBefore for a percentage: <c>duration * time.Duration(100-p) / 100</c>, in int64 nanoseconds
    /// that wrap on overflow as Go's do. False when the duration does not fit Go's int64 nanoseconds (no Certificate can hold it).
    /// </summary>
    public static bool TryPercentageRenewBefore(TimeSpan duration, int percentage, out long renewBeforeNanoseconds, out long durationNanoseconds)
    {
        renewBeforeNanoseconds = 0;
        if (!TryNanoseconds(duration, out durationNanoseconds))
        {
            return false;
        }

        renewBeforeNanoseconds = unchecked(durationNanoseconds * (100L - percentage)) / 100;
        return true;
    }

    /// <summary>A percentage setting as the int it is, when known.</summary>
    public static bool TryGetPercentage(PolicySettings settings, out int percentage, out IOperation where)
    {
        percentage = 0;
        if (!settings.TryGetNumber(LifetimeSetting.IntermediateRenewBeforePercentage, out double value, out where)
            || value is < int.MinValue or > int.MaxValue || value != Math.Truncate(value))
        {
            return false;
        }

        percentage = (int)value;
        return true;
    }

    /// <summary>Whether the controller uses a renewBefore for a certificate of this lifetime: 0 &lt; renewBefore &lt; lifetime.</summary>
    public static bool ControllerUsesRenewBefore(TimeSpan renewBefore, TimeSpan lifetime) => renewBefore > TimeSpan.Zero && renewBefore < lifetime;

    /// <summary>
    /// The lifetime the controller's renewal is planned with for a spec's duration, as <see cref="PlanRenewBefore"/> and
    /// the library's <c>MeshCertificateLifetimes</c> plan it: the duration, or 90 days when absent, zero or negative.
    /// Whether a setting is ignored (and may be removed without changing the plan) is decided against this, not the raw
    /// duration: with a duration of zero, a renewBefore of 1s is ignored by the webhook's comparison but used by the plan.
    /// </summary>
    public static TimeSpan PlannedLifetime(TimeSpan? duration) =>
        duration is { } d && d > TimeSpan.Zero ? d : LifetimeRuleThresholds.DefaultCertificateDuration;

    /// <summary>Whether the controller uses a percentage (when it does not use renewBefore): 0 &lt; percentage &lt; 100.</summary>
    public static bool ControllerUsesPercentage(double percentage) => percentage is > 0 and < 100;

    /// <summary>
    /// How long before expiry the controller will renew an intermediate of this spec, planned from issuance (lifetime =
    /// duration, 90 days when absent or not positive): renewBefore if 0 &lt; renewBefore &lt; lifetime, else lifetime *
    /// percentage / 100 (float64) if 0 &lt; percentage &lt; 100, else lifetime / 3; in int64 nanoseconds that saturate
    /// as Go's <c>Time.Sub</c> does, truncated to 100 ns ticks. The library's <c>MeshCertificateLifetimes</c>
    /// computes the same through <c>CertManagerRenewal</c>; a test compares them.
    /// </summary>
    public static PlannedRenewBefore PlanRenewBefore(TimeSpan? duration, TimeSpan? renewBefore, int? percentage)
    {
        TimeSpan planned = PlannedLifetime(duration);

        // The library plans from DateTimeOffset.MinValue, so a lifetime is at most the DateTimeOffset range.
        long lifetimeTicks = Math.Min(planned.Ticks, (DateTimeOffset.MaxValue - DateTimeOffset.MinValue).Ticks);
        long lifetime = SaturatingNanoseconds(lifetimeTicks);
        if (renewBefore is { } rb && rb > TimeSpan.Zero && SaturatingNanoseconds(rb.Ticks) < lifetime)
        {
            return new PlannedRenewBefore(TimeSpan.FromTicks(SaturatingNanoseconds(rb.Ticks) / NanosecondsPerTick), planned, RenewBeforeSource.RenewBefore);
        }

        if (percentage is { } p && ControllerUsesPercentage(p))
        {
            return new PlannedRenewBefore(TimeSpan.FromTicks((long)((double)lifetime * p / 100) / NanosecondsPerTick), planned, RenewBeforeSource.Percentage);
        }

        return new PlannedRenewBefore(TimeSpan.FromTicks(lifetime / 3 / NanosecondsPerTick), planned, RenewBeforeSource.OneThird);
    }

    /// <summary>The diagnostic properties that offer the removal of a setting cert-manager's controller ignores (<c>renewBefore</c> or <c>renewBeforePercentage</c>).</summary>
    public static ImmutableDictionary<string, string?> Ignored(string field) =>
        ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.IgnoredSetting, field);

    private static long SaturatingNanoseconds(long ticks) => ticks switch
    {
        > long.MaxValue / NanosecondsPerTick => long.MaxValue,
        < long.MinValue / NanosecondsPerTick => long.MinValue,
        _ => ticks * NanosecondsPerTick,
    };

    private static bool Fits(PolicySettings settings, LifetimeSetting setting) =>
        !settings.TryGetTimeSpan(setting, out TimeSpan value, out _) || TryNanoseconds(value, out _);

    private static bool TryNanoseconds(TimeSpan value, out long nanoseconds)
    {
        nanoseconds = 0;
        if (value.Ticks is > long.MaxValue / NanosecondsPerTick or < long.MinValue / NanosecondsPerTick)
        {
            return false;
        }

        nanoseconds = value.Ticks * NanosecondsPerTick;
        return true;
    }
}

/// <summary>Which setting cert-manager's controller takes an intermediate's renewBefore from.</summary>
internal enum RenewBeforeSource
{
    RenewBefore,
    Percentage,
    OneThird,
}

/// <summary>The renewBefore cert-manager's controller will use, the duration it planned with, and where it comes from.</summary>
internal readonly struct PlannedRenewBefore
{
    public PlannedRenewBefore(TimeSpan renewBefore, TimeSpan duration, RenewBeforeSource source)
    {
        RenewBefore = renewBefore;
        Duration = duration;
        Source = source;
    }

    public TimeSpan RenewBefore { get; }

    /// <summary>The duration planned with: the spec's, or 90 days when absent or not positive.</summary>
    public TimeSpan Duration { get; }

    public RenewBeforeSource Source { get; }
}
