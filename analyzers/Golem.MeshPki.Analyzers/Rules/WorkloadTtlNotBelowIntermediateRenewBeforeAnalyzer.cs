using System.Globalization;
using Golem.MeshPki.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Golem.MeshPki.Analyzers.Rules;

/// <summary>
/// MPKI2003: a known workload TTL not strictly below the renewBefore cert-manager will really use for the intermediate
/// (renewaltime.go: renewBefore if 0 &lt; renewBefore &lt; duration, else duration * percentage / 100 if
/// 0 &lt; percentage &lt; 100, else duration / 3; duration 90 days when absent). Only where both halves are visible in
/// one object or call: a <c>MeshCertificateLifetimes</c> creation or <see langword="with"/> (its policies written in
/// place, or left to their defaults on a new one), a <c>MeshLifetimeOptions</c> initializer.
/// </summary>
/// <remarks>
/// Reported at the workload TTL when it is written, else at the intermediate setting that decides the renewBefore,
/// else at the creation. The message is <c>MeshCertificateLifetimes.Validate()</c>'s.
/// </remarks>
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
            || knownTtl is not { } ttl)
        {
            return;
        }

        // A TTL of zero or less asks istiod for its default (as the library: the workload policy's checks cover it).
        PlannedRenewBefore planned = CertManagerSpec.PlanRenewBefore(duration, renewBefore, (int?)percentage);
        if (ttl <= TimeSpan.Zero || ttl < planned.RenewBefore)
        {
            return;
        }

        (string source, IOperation? decidedBy) = planned.Source switch
        {
            RenewBeforeSource.RenewBefore => (Format(LifetimeRuleMessages.IntermediateRenewBeforeFromRenewBefore, Text(planned.RenewBefore)), renewBeforeAt),
            RenewBeforeSource.Percentage => (Format(LifetimeRuleMessages.IntermediateRenewBeforeFromPercentage, (int?)percentage, Text(planned.Duration)), percentageAt),
            _ => (Format(LifetimeRuleMessages.IntermediateRenewBeforeFromDefault, Text(planned.Duration)), durationAt),
        };
        IOperation where = ttlAt ?? decidedBy ?? durationAt ?? settings.Operation;
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.WorkloadTtlNotBelowIntermediateRenewBefore,
            where.Syntax.GetLocation(),
            Format(LifetimeRuleMessages.WorkloadCertificateTtlInCode, Text(ttl)),
            Text(planned.RenewBefore),
            source));
    }

    private static string Text(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);

    private static string Format(string format, params object?[] arguments) => string.Format(CultureInfo.InvariantCulture, format, arguments);
}
