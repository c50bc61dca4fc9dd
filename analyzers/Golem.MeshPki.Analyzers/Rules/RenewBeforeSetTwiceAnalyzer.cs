using System.Collections.Immutable;
using System.Globalization;
using Golem.MeshPki.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Golem.MeshPki.Analyzers.Rules;

/// <summary>
/// MPKI2006: an intermediate's <c>renewBefore</c> and <c>renewBeforePercentage</c> both set, each to a value that
/// cannot be null (a constant, or a non-nullable value). Reported at the percentage, as <c>meshpki lint</c> reports
/// it at the second setting.
/// </summary>
/// <remarks>
/// When the values say which one cert-manager's controller would use (renewaltime.go: renewBefore if
/// 0 &lt; renewBefore &lt; duration, else the percentage if 0 &lt; p &lt; 100), the other one is ignored, and the
/// diagnostic offers to remove it.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RenewBeforeSetTwiceAnalyzer : PolicyAnalyzer
{
    public RenewBeforeSetTwiceAnalyzer()
        : base(LifetimeGroup.Intermediate, Descriptors.RenewBeforeSetTwice)
    {
    }

    private protected override void Analyze(OperationAnalysisContext context, PolicySettings settings)
    {
        if (!CertManagerSpec.FitsACertificate(settings))
        {
            return;
        }

        if (!settings.IsDefinitelySet(LifetimeSetting.IntermediateRenewBefore, out IOperation renewBeforeAt)
            || !settings.IsDefinitelySet(LifetimeSetting.IntermediateRenewBeforePercentage, out IOperation percentageAt))
        {
            return;
        }

        string value = ConstantValues.TryGetDouble(percentageAt, out double known)
            ? known.ToString(CultureInfo.InvariantCulture)
            : percentageAt.Syntax.ToString();
        IOperation? ignoredAt = null;
        string? ignored = null;
        if (settings.TryGetTimeSpan(LifetimeSetting.IntermediateRenewBefore, out TimeSpan renewBefore, out _)
            && settings.TryGetEffectiveTimeSpan(LifetimeSetting.IntermediateDuration, out TimeSpan? duration, out _))
        {
            // Against the lifetime the controller's renewal is planned with (90 days for a duration of zero or less).
            if (CertManagerSpec.ControllerUsesRenewBefore(renewBefore, CertManagerSpec.PlannedLifetime(duration)))
            {
                (ignored, ignoredAt) = ("renewBeforePercentage", percentageAt);
            }
            else if (CertManagerSpec.TryGetPercentage(settings, out int percentage, out _) && CertManagerSpec.ControllerUsesPercentage(percentage))
            {
                (ignored, ignoredAt) = ("renewBefore", renewBeforeAt);
            }
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.RenewBeforeSetTwice,
            percentageAt.Syntax.GetLocation(),
            ignoredAt is null || ignoredAt == percentageAt ? null : new[] { ignoredAt.Syntax.GetLocation() },
            ignored is null ? null : CertManagerSpec.Ignored(ignored),
            "spec.renewBeforePercentage",
            value,
            LifetimeRuleMessages.CertManagerRenewBeforeMutuallyExclusiveDetail));
    }
}
