using System.Globalization;
using Golem.MeshPki.Lifetimes;
using Golem.MeshPki.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Golem.MeshPki.Analyzers.Rules;

/// <summary>
/// MPKI2004: an intermediate's known <c>renewBefore</c> not below its duration, or a known
/// <c>renewBeforePercentage</c> whose renewBefore as the webhook computes it is not below the duration. An unset or
/// null duration on a new policy is cert-manager's default, 90 days; in a <see langword="with"/> that does not set
/// it, unknown (skipped).
/// </summary>
/// <remarks>
/// cert-manager's controller ignores such a renewBefore (renewaltime.go uses it only when 0 &lt; renewBefore &lt;
/// lifetime) and a percentage outside (0, 100), so the diagnostic offers their removal.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RenewBeforeNotBelowDurationAnalyzer : PolicyAnalyzer
{
    public RenewBeforeNotBelowDurationAnalyzer()
        : base(LifetimeGroup.Intermediate, Descriptors.RenewBeforeNotBelowDuration)
    {
    }

    private protected override void Analyze(OperationAnalysisContext context, PolicySettings settings)
    {
        if (!CertManagerSpec.FitsACertificate(settings))
        {
            return;
        }

        // cert-manager compares Go durations (int64 nanoseconds): rb >= duration is rejected.
        if (settings.TryGetTimeSpan(LifetimeSetting.IntermediateRenewBefore, out TimeSpan renewBefore, out IOperation where)
            && settings.TryGetEffectiveTimeSpan(LifetimeSetting.IntermediateDuration, out TimeSpan? written, out _)
            && renewBefore >= (written ?? LifetimeRuleThresholds.DefaultCertificateDuration))
        {
            TimeSpan duration = written ?? LifetimeRuleThresholds.DefaultCertificateDuration;
            string rb = GoDurationText.Format(renewBefore);

            // Ignored (and offered for removal) only when the controller's plan does not use it: with a duration of zero
            // or less the plan takes 90 days, and a renewBefore below that is used (renewaltime.go, as the library plans).
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RenewBeforeNotBelowDuration,
                where.Syntax.GetLocation(),
                CertManagerSpec.ControllerUsesRenewBefore(renewBefore, CertManagerSpec.PlannedLifetime(written)) ? null : CertManagerSpec.Ignored("renewBefore"),
                "spec.renewBefore",
                rb,
                string.Format(CultureInfo.InvariantCulture, LifetimeRuleMessages.CertManagerRenewBeforeNotBelowDurationDetail, GoDurationText.Format(duration), rb)));
        }

        if (CertManagerSpec.TryGetPercentage(settings, out int percentage, out IOperation at)
            && CertManagerSpec.TryGetCheckedDuration(settings, out TimeSpan checkedDuration)
            && CertManagerSpec.TryPercentageRenewBefore(checkedDuration, percentage, out long computed, out long durationNanoseconds)
            && computed >= durationNanoseconds)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RenewBeforeNotBelowDuration,
                at.Syntax.GetLocation(),
                CertManagerSpec.ControllerUsesPercentage(percentage) ? null : CertManagerSpec.Ignored("renewBeforePercentage"),
                "spec.renewBeforePercentage",
                percentage.ToString(CultureInfo.InvariantCulture),
                LifetimeRuleMessages.CertManagerPercentageNotBelowDurationDetail));
        }
    }
}
