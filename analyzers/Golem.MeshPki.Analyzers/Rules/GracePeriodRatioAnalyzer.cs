using System.Collections.Immutable;
using System.Globalization;
using Golem.MeshPki.Lifetimes;
using Golem.MeshPki.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Golem.MeshPki.Analyzers.Rules;

/// <summary>
/// MPKI2001: a known grace period ratio outside (0, 1); and, when the TTL, ratio and jitter are all known (unset on a
/// new object: 24h, 0.5, 0.01), a ratio above 0.9 (rotation more often than every 10% of the TTL) or less than 1 hour
/// between the latest jittered rotation and expiry.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GracePeriodRatioAnalyzer : PolicyAnalyzer
{
    private static readonly ImmutableDictionary<string, string?> DefaultRatioFits =
        ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.DefaultRatioFits, "true");

    public GracePeriodRatioAnalyzer()
        : base(LifetimeGroup.Workload, Descriptors.GracePeriodRatioUnsafe, Descriptors.GracePeriodRatioRotatesTooOften, Descriptors.RotationSlackTooShort)
    {
    }

    private protected override void Analyze(OperationAnalysisContext context, PolicySettings settings)
    {
        if (settings.TryGetNumber(LifetimeSetting.GracePeriodRatio, out double written, out IOperation writtenAt)
            && !(written > LifetimeRuleThresholds.MinimumGracePeriodRatioExclusive && written < LifetimeRuleThresholds.MaximumGracePeriodRatioExclusive))
        {
            // istio-agent clamps ratio + jitter to [0, 1] (secretcache.go rotateTime).
            string effect = written >= LifetimeRuleThresholds.MaximumGracePeriodRatioExclusive
                ? LifetimeRuleMessages.GracePeriodRatioAtOrAboveOneEffect
                : LifetimeRuleMessages.GracePeriodRatioAtOrBelowZeroEffect;
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.GracePeriodRatioUnsafe,
                writtenAt.Syntax.GetLocation(),
                DefaultRatioFits,
                LifetimeRuleMessages.GracePeriodRatioInCode,
                written.ToString("R", CultureInfo.InvariantCulture),
                effect));
            return;
        }

        if (!settings.TryGetEffectiveTimeSpan(LifetimeSetting.WorkloadTtl, out TimeSpan? knownTtl, out IOperation? ttlAt)
            || !settings.TryGetEffectiveNumber(LifetimeSetting.GracePeriodRatio, out double? knownRatio, out IOperation? ratioAt)
            || !settings.TryGetEffectiveNumber(LifetimeSetting.GracePeriodRatioJitter, out double? knownJitter, out IOperation? jitterAt)
            || (ratioAt ?? jitterAt ?? ttlAt) is not { } where
            || knownTtl is not { } ttl || knownRatio is not { } ratio || knownJitter is not { } jitter
            || ttl <= TimeSpan.Zero || double.IsNaN(jitter) || double.IsInfinity(jitter))
        {
            return;
        }

        string ttlText = string.Format(CultureInfo.InvariantCulture, LifetimeRuleMessages.WorkloadCertificateTtlInCode, ttl.ToString("c", CultureInfo.InvariantCulture));
        bool defaultRatioFits = ratioAt is not null
            && IstioRotation.TrySlack(ttl, LifetimeRuleThresholds.DefaultGracePeriodRatio, jitter, out TimeSpan defaultSlack)
            && defaultSlack >= LifetimeRuleThresholds.MinimumRotationSlack;

        // MPKI2001's warnings are istio-agent's rotation arithmetic in Go's int64 nanoseconds (secretcache.go rotateTime).
        // With a TTL near or beyond Go's 292 years a grace period (or the nominal rotation offset) may not fit them:
        // istio-agent cannot have such a SECRET_TTL, WorkloadCertificatePolicy.Validate() overflows on it, and no
        // warning is given (Try*: the arithmetic as the library does it, which fails exactly there).
        if (ratio > LifetimeRuleThresholds.MaximumUsefulGracePeriodRatio)
        {
            if (IstioRotation.TryOffsetFromIssuance(ttl, ratio, out TimeSpan nominal) && nominal.Ticks <= long.MaxValue / 100)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.GracePeriodRatioRotatesTooOften,
                    where.Syntax.GetLocation(),
                    defaultRatioFits ? DefaultRatioFits : null,
                    ratio.ToString("R", CultureInfo.InvariantCulture),
                    GoDurationText.Format(nominal),
                    ttlText));
            }

            return;
        }

        if (IstioRotation.TrySlack(ttl, ratio, jitter, out TimeSpan slack) && slack < LifetimeRuleThresholds.MinimumRotationSlack)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RotationSlackTooShort,
                where.Syntax.GetLocation(),
                defaultRatioFits ? DefaultRatioFits : null,
                ratio.ToString("R", CultureInfo.InvariantCulture),
                jitter.ToString("R", CultureInfo.InvariantCulture),
                ttlText,
                GoDurationText.Format(slack),
                GoDurationText.Format(LifetimeRuleThresholds.MinimumRotationSlack)));
        }
    }
}
