using System.Globalization;
using Golem.MeshPki.Lifetimes;
using Golem.MeshPki.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Golem.MeshPki.Analyzers.Rules;

/// <summary>
/// MPKI2005: a constant <c>Duration</c> below 1 hour or <c>RenewBefore</c> below 5 minutes on an
/// <c>IntermediateCaPolicy</c>, cert-manager's webhook's own comparisons (strictly below: 1h and 5m pass).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CertManagerDurationTooShortAnalyzer : PolicyAnalyzer
{
    public CertManagerDurationTooShortAnalyzer()
        : base(LibraryTypes.IntermediateCaPolicy, Descriptors.CertManagerDurationTooShort)
    {
    }

    private protected override void Analyze(OperationAnalysisContext context, PolicySettings settings)
    {
        Check(context, settings, "Duration", "spec.duration", LifetimeRuleThresholds.MinimumCertificateDuration, LifetimeRuleMessages.CertManagerDurationTooShortDetail);
        Check(context, settings, "RenewBefore", "spec.renewBefore", LifetimeRuleThresholds.MinimumRenewBefore, LifetimeRuleMessages.CertManagerRenewBeforeTooShortDetail);
    }

    private static void Check(OperationAnalysisContext context, PolicySettings settings, string setting, string field, TimeSpan minimum, string detail)
    {
        if (settings.TryGetTimeSpan(setting, out TimeSpan value, out IOperation where) && value < minimum)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.CertManagerDurationTooShort,
                where.Syntax.GetLocation(),
                field,
                GoDurationText.Format(value),
                string.Format(CultureInfo.InvariantCulture, detail, GoDurationText.Format(minimum))));
        }
    }
}
