using System.Globalization;
using Golem.MeshPki.Lifetimes;
using Golem.MeshPki.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Golem.MeshPki.Analyzers.Rules;

/// <summary>
/// MPKI2005: an intermediate's known <c>duration</c> below 1 hour or <c>renewBefore</c> below 5 minutes, or a known
/// <c>renewBeforePercentage</c> whose renewBefore as the webhook computes it (<c>duration * (100 - p) / 100</c>, Go's
/// wrapping int64) is below 5 minutes: cert-manager's webhook's own comparisons (strictly below: 1h and 5m pass).
/// </summary>
/// <remarks>
/// A renewBefore of zero or less, and a percentage outside (0, 100), are ignored by cert-manager's controller
/// (renewaltime.go), so the diagnostic offers their removal.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CertManagerDurationTooShortAnalyzer : PolicyAnalyzer
{
    public CertManagerDurationTooShortAnalyzer()
        : base(LifetimeGroup.Intermediate, Descriptors.CertManagerDurationTooShort)
    {
    }

    private protected override void Analyze(OperationAnalysisContext context, PolicySettings settings)
    {
        if (!CertManagerSpec.FitsACertificate(settings))
        {
            return;
        }

        TimeSpan minimumRenewBefore = LifetimeRuleThresholds.MinimumRenewBefore;
        if (settings.TryGetTimeSpan(LifetimeSetting.IntermediateDuration, out TimeSpan duration, out IOperation where)
            && duration < LifetimeRuleThresholds.MinimumCertificateDuration)
        {
            Report(context, where, null, "spec.duration", GoDurationText.Format(duration), LifetimeRuleMessages.CertManagerDurationTooShortDetail, LifetimeRuleThresholds.MinimumCertificateDuration);
        }

        if (settings.TryGetTimeSpan(LifetimeSetting.IntermediateRenewBefore, out TimeSpan renewBefore, out where) && renewBefore < minimumRenewBefore)
        {
            string? ignored = renewBefore <= TimeSpan.Zero ? "renewBefore" : null;
            Report(context, where, ignored, "spec.renewBefore", GoDurationText.Format(renewBefore), LifetimeRuleMessages.CertManagerRenewBeforeTooShortDetail, minimumRenewBefore);
        }

        if (CertManagerSpec.TryGetPercentage(settings, out int percentage, out where)
            && CertManagerSpec.TryGetCheckedDuration(settings, out TimeSpan checkedDuration)
            && CertManagerSpec.TryPercentageRenewBefore(checkedDuration, percentage, out long computed, out _)
            && computed < minimumRenewBefore.Ticks * 100)
        {
            string? ignored = CertManagerSpec.ControllerUsesPercentage(percentage) ? null : "renewBeforePercentage";
            Report(context, where, ignored, "spec.renewBeforePercentage", percentage.ToString(CultureInfo.InvariantCulture), LifetimeRuleMessages.CertManagerPercentageTooShortDetail, minimumRenewBefore);
        }
    }

    private static void Report(OperationAnalysisContext context, IOperation where, string? ignored, string field, string value, string detail, TimeSpan minimum)
    {
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.CertManagerDurationTooShort,
            where.Syntax.GetLocation(),
            ignored is null ? null : CertManagerSpec.Ignored(ignored),
            field,
            value,
            string.Format(CultureInfo.InvariantCulture, detail, GoDurationText.Format(minimum))));
    }
}
