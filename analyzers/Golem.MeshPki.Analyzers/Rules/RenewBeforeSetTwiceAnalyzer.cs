using System.Globalization;
using Golem.MeshPki.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Golem.MeshPki.Analyzers.Rules;

/// <summary>
/// MPKI2006: <c>RenewBefore</c> and <c>RenewBeforePercentage</c> both set on an <c>IntermediateCaPolicy</c>, each to
/// a value that cannot be null (a constant, or a non-nullable value). Reported at the percentage, as <c>meshpki lint</c>
/// reports it at the second setting.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RenewBeforeSetTwiceAnalyzer : PolicyAnalyzer
{
    public RenewBeforeSetTwiceAnalyzer()
        : base(LibraryTypes.IntermediateCaPolicy, Descriptors.RenewBeforeSetTwice)
    {
    }

    private protected override void Analyze(OperationAnalysisContext context, PolicySettings settings)
    {
        if (settings.Last("RenewBefore") is not { } renewBefore || !ConstantValues.IsDefinitelyNotNull(renewBefore)
            || settings.Last("RenewBeforePercentage") is not { } percentage || !ConstantValues.IsDefinitelyNotNull(percentage))
        {
            return;
        }

        string value = ConstantValues.TryGetDouble(percentage, out double known)
            ? known.ToString(CultureInfo.InvariantCulture)
            : percentage.Syntax.ToString();
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.RenewBeforeSetTwice,
            percentage.Syntax.GetLocation(),
            "spec.renewBeforePercentage",
            value,
            LifetimeRuleMessages.CertManagerRenewBeforeMutuallyExclusiveDetail));
    }
}
