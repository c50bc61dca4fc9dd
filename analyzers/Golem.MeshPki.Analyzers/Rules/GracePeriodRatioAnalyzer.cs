using System.Collections.Immutable;
using System.Globalization;
using Golem.MeshPki.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Golem.MeshPki.Analyzers.Rules;

/// <summary>MPKI2001: a constant grace period ratio outside (0, 1) on a <c>WorkloadCertificatePolicy</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GracePeriodRatioAnalyzer : DiagnosticAnalyzer
{
    private const string GracePeriodRatio = "GracePeriodRatio";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.GracePeriodRatioUnsafe);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Compilation.GetTypeByMetadataName(LibraryTypes.WorkloadCertificatePolicy) is not { } policy)
            {
                return;
            }

            start.RegisterOperationAction(c => Analyze(c, policy), OperationKind.ObjectCreation, OperationKind.With);
        });
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol policy)
    {
        if (!SymbolEqualityComparer.Default.Equals(context.Operation.Type, policy)
            || AssignedValues.Last(AssignedValues.Collect(context.Operation), GracePeriodRatio) is not { } value
            || !ConstantValues.TryGetDouble(value, out double ratio))
        {
            return;
        }

        // istio-agent clamps ratio + jitter to [0, 1] (secretcache.go rotateTime).
        if (ratio > LifetimeRuleThresholds.MinimumGracePeriodRatioExclusive && ratio < LifetimeRuleThresholds.MaximumGracePeriodRatioExclusive)
        {
            return;
        }

        string effect = ratio >= LifetimeRuleThresholds.MaximumGracePeriodRatioExclusive
            ? LifetimeRuleMessages.GracePeriodRatioAtOrAboveOneEffect
            : LifetimeRuleMessages.GracePeriodRatioAtOrBelowZeroEffect;
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.GracePeriodRatioUnsafe,
            value.Syntax.GetLocation(),
            LifetimeRuleMessages.GracePeriodRatioInCode,
            ratio.ToString("R", CultureInfo.InvariantCulture),
            effect));
    }
}
