using System.Globalization;
using Golem.MeshPki.Lifetimes;
using Golem.MeshPki.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Golem.MeshPki.Analyzers.Rules;

/// <summary>
/// MPKI2003: a known workload TTL not strictly below the renewBefore cert-manager will really use for the intermediate
/// (renewaltime.go: renewBefore if 0 &lt; renewBefore &lt; duration, else duration * percentage / 100 if
/// 0 &lt; percentage &lt; 100, else duration / 3; duration 90 days when absent). Only where both halves are written
/// in one object or call: a <c>MeshCertificateLifetimes</c>, a <c>MeshLifetimeOptions</c> initializer.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WorkloadTtlNotBelowIntermediateRenewBeforeAnalyzer : PolicyAnalyzer
{
    public WorkloadTtlNotBelowIntermediateRenewBeforeAnalyzer()
        : base(LifetimeGroup.Both, Descriptors.WorkloadTtlNotBelowIntermediateRenewBefore)
    {
    }

    private protected override void Analyze(OperationAnalysisContext context, PolicySettings settings)
    {
        if (!settings.TryGetEffectiveTimeSpan(LifetimeSetting.WorkloadTtl, out TimeSpan? knownTtl, out IOperation? ttlAt)
            || !settings.TryGetEffectiveTimeSpan(LifetimeSetting.IntermediateDuration, out TimeSpan? duration, out IOperation? durationAt)
            || !settings.TryGetEffectiveTimeSpan(LifetimeSetting.IntermediateRenewBefore, out TimeSpan? renewBefore, out IOperation? renewBeforeAt)
            || !settings.TryGetEffectiveNumber(LifetimeSetting.IntermediateRenewBeforePercentage, out double? percentage, out IOperation? percentageAt)
            || knownTtl is not { } ttl
            || !CertManagerSpec.TryRenewBefore(duration ?? LifetimeRuleThresholds.DefaultCertificateDuration, renewBefore, (int?)percentage, out TimeSpan used)
            || ttl < used)
        {
            return;
        }

        IOperation where = ttlAt ?? renewBeforeAt ?? percentageAt ?? durationAt ?? settings.Operation;
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.WorkloadTtlNotBelowIntermediateRenewBefore,
            where.Syntax.GetLocation(),
            string.Format(CultureInfo.InvariantCulture, "Workload certificate TTL '{0}' is not below {1}.", ttl.ToString("c", CultureInfo.InvariantCulture), GoDurationText.Format(used))));
    }
}
