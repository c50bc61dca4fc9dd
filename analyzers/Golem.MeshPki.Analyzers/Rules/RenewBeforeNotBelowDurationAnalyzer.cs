using System.Globalization;
using Golem.MeshPki.Lifetimes;
using Golem.MeshPki.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Golem.MeshPki.Analyzers.Rules;

/// <summary>
/// MPKI2004: a constant <c>RenewBefore</c> not below the duration on an <c>IntermediateCaPolicy</c>; a duration left
/// unset (or null) on a new policy is cert-manager's default, 90 days.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RenewBeforeNotBelowDurationAnalyzer : PolicyAnalyzer
{
    public RenewBeforeNotBelowDurationAnalyzer()
        : base(LibraryTypes.IntermediateCaPolicy, Descriptors.RenewBeforeNotBelowDuration)
    {
    }

    private protected override void Analyze(OperationAnalysisContext context, PolicySettings settings)
    {
        // cert-manager compares Go durations (int64 nanoseconds): rb >= duration is rejected.
        if (settings.TryGetTimeSpan("RenewBefore", out TimeSpan renewBefore, out IOperation where)
            && settings.TryGetTimeSpanOrDefault("Duration", LifetimeRuleThresholds.DefaultCertificateDuration, out TimeSpan duration, out _)
            && renewBefore >= duration)
        {
            string rb = GoDurationText.Format(renewBefore);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RenewBeforeNotBelowDuration,
                where.Syntax.GetLocation(),
                "spec.renewBefore",
                rb,
                string.Format(CultureInfo.InvariantCulture, LifetimeRuleMessages.CertManagerRenewBeforeNotBelowDurationDetail, GoDurationText.Format(duration), rb)));
        }
    }
}
