using System.Globalization;
using Golem.MeshPki.Rules;

namespace Golem.MeshPki.Lifetimes;

/// <summary>
/// The workload certificate settings of a mesh, as a bank tool configures them in code: istio-agent's
/// <c>SECRET_TTL</c>, <c>SECRET_GRACE_PERIOD_RATIO</c> and <c>SECRET_GRACE_PERIOD_RATIO_JITTER</c>, and istiod's
/// <c>MAX_WORKLOAD_CERT_TTL</c> that the TTL must fit.
/// </summary>
/// <remarks>
/// <para>
/// Immutable; unset properties take istio's defaults (24h, 0.5, 0.01, 90 days). Construction never throws on unsafe
/// values: call <see cref="Validate"/> for the MPKI2001, MPKI2002 and MPKI2010 findings, the same rules
/// <c>meshpki lint</c> applies to YAML and the Golem.MeshPki analyzers apply to constant values in code. (Object
/// initializers and <see langword="with"/> expressions set properties one at a time, so a check in a setter would
/// see half a policy.)
/// </para>
/// </remarks>
public sealed record WorkloadCertificatePolicy
{
    /// <summary>A policy with istio's defaults.</summary>
    public WorkloadCertificatePolicy()
    {
    }

    /// <summary>A policy with the given settings.</summary>
    /// <param name="ttl">The workload certificate TTL istio-agent requests (<c>SECRET_TTL</c>).</param>
    /// <param name="gracePeriodRatio">The share of the lifetime left when istio-agent rotates (<c>SECRET_GRACE_PERIOD_RATIO</c>).</param>
    /// <param name="gracePeriodRatioJitter">The random spread of the ratio (<c>SECRET_GRACE_PERIOD_RATIO_JITTER</c>).</param>
    /// <param name="maxWorkloadCertTtl">istiod's <c>MAX_WORKLOAD_CERT_TTL</c>, or <see langword="null"/> for its default, 90 days.</param>
    public WorkloadCertificatePolicy(
        TimeSpan ttl,
        double gracePeriodRatio = WorkloadRotation.DefaultGracePeriodRatio,
        double gracePeriodRatioJitter = WorkloadRotation.DefaultGracePeriodRatioJitter,
        TimeSpan? maxWorkloadCertTtl = null)
    {
        Ttl = ttl;
        GracePeriodRatio = gracePeriodRatio;
        GracePeriodRatioJitter = gracePeriodRatioJitter;
        MaxWorkloadCertTtl = maxWorkloadCertTtl ?? LifetimeRuleThresholds.DefaultMaxWorkloadCertTtl;
    }

    /// <summary>The workload certificate TTL istio-agent requests (<c>SECRET_TTL</c>); 24 hours by default.</summary>
    public TimeSpan Ttl { get; init; } = LifetimeRuleThresholds.DefaultSecretTtl;

    /// <summary>The share of the lifetime left when istio-agent rotates (<c>SECRET_GRACE_PERIOD_RATIO</c>); 0.5 by default.</summary>
    public double GracePeriodRatio { get; init; } = LifetimeRuleThresholds.DefaultGracePeriodRatio;

    /// <summary>The random spread of the ratio (<c>SECRET_GRACE_PERIOD_RATIO_JITTER</c>); 0.01 by default.</summary>
    public double GracePeriodRatioJitter { get; init; } = LifetimeRuleThresholds.DefaultGracePeriodRatioJitter;

    /// <summary>istiod's <c>MAX_WORKLOAD_CERT_TTL</c>; 90 days by default. A TTL above it fails every CSR with <c>TTL_ERROR</c>.</summary>
    public TimeSpan MaxWorkloadCertTtl { get; init; } = LifetimeRuleThresholds.DefaultMaxWorkloadCertTtl;

    /// <summary>
    /// A policy from istio's own settings, as a bank tool reads them from istio-agent's and istiod's environment:
    /// durations are Go duration strings (<c>2160h</c>, <c>1h30m</c>), read as istio reads them (Go's
    /// <c>time.ParseDuration</c>). A setting left <see langword="null"/> takes istio's default.
    /// </summary>
    /// <param name="secretTtl">istio-agent's <c>SECRET_TTL</c> (default <c>24h</c>).</param>
    /// <param name="secretGracePeriodRatio">istio-agent's <c>SECRET_GRACE_PERIOD_RATIO</c> (default 0.5).</param>
    /// <param name="secretGracePeriodRatioJitter">istio-agent's <c>SECRET_GRACE_PERIOD_RATIO_JITTER</c> (default 0.01).</param>
    /// <param name="maxWorkloadCertTtl">istiod's <c>MAX_WORKLOAD_CERT_TTL</c> (default <c>2160h</c>, 90 days).</param>
    /// <returns>The policy; call <see cref="Validate"/> for its findings.</returns>
    /// <exception cref="FormatException">A duration is not a Go duration; the message names the setting, quotes the value and says what is wrong.</exception>
    public static WorkloadCertificatePolicy FromIstioSettings(
        string? secretTtl = null,
        double? secretGracePeriodRatio = null,
        double? secretGracePeriodRatioJitter = null,
        string? maxWorkloadCertTtl = null)
    {
        // istio's env.Register logs an unreadable duration and carries on with the default; a bank tool should not.
        return new WorkloadCertificatePolicy
        {
            Ttl = secretTtl is null ? LifetimeRuleThresholds.DefaultSecretTtl : GoDurationSetting.Parse("SECRET_TTL", secretTtl),
            GracePeriodRatio = secretGracePeriodRatio ?? LifetimeRuleThresholds.DefaultGracePeriodRatio,
            GracePeriodRatioJitter = secretGracePeriodRatioJitter ?? LifetimeRuleThresholds.DefaultGracePeriodRatioJitter,
            MaxWorkloadCertTtl = maxWorkloadCertTtl is null
                ? LifetimeRuleThresholds.DefaultMaxWorkloadCertTtl
                : GoDurationSetting.Parse("MAX_WORKLOAD_CERT_TTL", maxWorkloadCertTtl),
        };
    }

    /// <summary>
    /// Checks the policy against MPKI2001 (ratio outside (0, 1): error; ratio above 0.9, or less than 1 hour between
    /// the latest rotation and expiry: warnings), MPKI2002 (TTL above the maximum) and MPKI2010 (TTL below 1 hour).
    /// </summary>
    /// <returns>The findings, empty when the policy is safe; a finding of error severity means the mesh will not work as configured.</returns>
    public IReadOnlyList<Finding> Validate()
    {
        var findings = new List<Finding>();
        string ttlText = Message(LifetimeRuleMessages.WorkloadCertificateTtlInCode, Ttl.ToString("c", CultureInfo.InvariantCulture));
        if (GracePeriodRatio <= LifetimeRuleThresholds.MinimumGracePeriodRatioExclusive
            || GracePeriodRatio >= LifetimeRuleThresholds.MaximumGracePeriodRatioExclusive
            || double.IsNaN(GracePeriodRatio))
        {
            string effect = GracePeriodRatio >= LifetimeRuleThresholds.MaximumGracePeriodRatioExclusive
                ? LifetimeRuleMessages.GracePeriodRatioAtOrAboveOneEffect
                : LifetimeRuleMessages.GracePeriodRatioAtOrBelowZeroEffect;
            findings.Add(new Finding(
                RuleCatalog.GracePeriodRatioUnsafe,
                Message(LifetimeRuleMessages.GracePeriodRatioOutsideRange, LifetimeRuleMessages.GracePeriodRatioInCode, GracePeriodRatio.ToString("R", CultureInfo.InvariantCulture), effect)));
        }
        else if (Ttl > TimeSpan.Zero && double.IsFinite(GracePeriodRatioJitter))
        {
            AddRotationWarnings(ttlText, findings);
        }

        // istiod compares whole seconds (security/pkg/pki/ca/ca.go: requestedLifetime.Seconds() > maxCertTTL.Seconds()).
        if (Ttl.TotalSeconds > MaxWorkloadCertTtl.TotalSeconds)
        {
            findings.Add(new Finding(
                RuleCatalog.WorkloadTtlAboveMaximum,
                Message(LifetimeRuleMessages.WorkloadCertificateTtlAboveMaximum, Ttl.ToString("c", CultureInfo.InvariantCulture), MaxWorkloadCertTtl.ToString("c", CultureInfo.InvariantCulture))));
        }

        if (Ttl > TimeSpan.Zero && Ttl < LifetimeRuleThresholds.MinimumWorkloadTtl)
        {
            findings.Add(new Finding(
                RuleCatalog.WorkloadTtlTooShort,
                Message(LifetimeRuleMessages.WorkloadTtlTooShort, ttlText, GoDuration.FromTimeSpan(LifetimeRuleThresholds.MinimumWorkloadTtl).Format())));
        }

        return findings.AsReadOnly();
    }

    // The MPKI2001 warnings, as meshpki lint gives them for SECRET_GRACE_PERIOD_RATIO: a ratio above 0.9 rotates more
    // often than every 10% of the TTL; otherwise, the latest rotation (ratio - |jitter|, istio-agent's secretcache.go
    // rotateTime) must leave an hour before expiry, the time istiod may be away.
    private void AddRotationWarnings(string ttlText, List<Finding> findings)
    {
        // A TTL beyond Go's int64 nanoseconds (about 292 years) has no rotation istio-agent could compute; MPKI2002
        // already reports it against any maximum istiod can hold.
        var rotation = new WorkloadRotation(GracePeriodRatio, GracePeriodRatioJitter);
        if (!rotation.WindowFits(Ttl))
        {
            return;
        }

        if (GracePeriodRatio > LifetimeRuleThresholds.MaximumUsefulGracePeriodRatio)
        {
            TimeSpan nominal = new WorkloadRotation(GracePeriodRatio, 0).Window(Ttl).Nominal;
            findings.Add(new Finding(
                    RuleCatalog.GracePeriodRatioUnsafe,
                    Message(LifetimeRuleMessages.GracePeriodRatioRotatesTooOften, GracePeriodRatio.ToString("R", CultureInfo.InvariantCulture), GoDuration.FromTimeSpan(nominal).Format(), ttlText))
                .WithSeverity(RuleSeverity.Warning));
            return;
        }

        TimeSpan slack = Ttl - rotation.Window(Ttl).Latest;
        if (slack < LifetimeRuleThresholds.MinimumRotationSlack)
        {
            findings.Add(new Finding(
                    RuleCatalog.GracePeriodRatioUnsafe,
                    Message(
                        LifetimeRuleMessages.RotationSlackTooShort,
                        GracePeriodRatio.ToString("R", CultureInfo.InvariantCulture),
                        GracePeriodRatioJitter.ToString("R", CultureInfo.InvariantCulture),
                        ttlText,
                        GoDuration.FromTimeSpan(slack).Format(),
                        GoDuration.FromTimeSpan(LifetimeRuleThresholds.MinimumRotationSlack).Format()))
                .WithSeverity(RuleSeverity.Warning));
        }
    }

    private static string Message(string format, params object?[] arguments) => string.Format(CultureInfo.InvariantCulture, format, arguments);
}
