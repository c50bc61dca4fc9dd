using System.Collections.Immutable;
using System.Globalization;
using Golem.MeshPki.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Golem.MeshPki.Analyzers.Rules;

/// <summary>
/// MPKI2002: a constant workload TTL above istiod's MAX_WORKLOAD_CERT_TTL on a <c>WorkloadCertificatePolicy</c>.
/// </summary>
/// <remarks>
/// The maximum is the policy's own <c>MaxWorkloadCertTtl</c> when the same creation sets it to a constant (unknown:
/// nothing is reported), else <c>golem_meshpki.max_workload_cert_ttl</c> from .editorconfig (a Go duration, as in
/// istiod's environment), else istiod's default, 90 days.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WorkloadTtlAboveMaximumAnalyzer : DiagnosticAnalyzer
{
    private const string Ttl = "Ttl";
    private const string MaxWorkloadCertTtl = "MaxWorkloadCertTtl";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.WorkloadTtlAboveMaximum);

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
        if (!SymbolEqualityComparer.Default.Equals(context.Operation.Type, policy))
        {
            return;
        }

        List<AssignedValue> values = AssignedValues.Collect(context.Operation);
        if (AssignedValues.Last(values, Ttl) is not { } ttlValue || !ConstantValues.TryGetTimeSpan(ttlValue, out TimeSpan ttl))
        {
            return;
        }

        TimeSpan max;
        if (AssignedValues.Last(values, MaxWorkloadCertTtl) is { } maxValue && !ConstantValues.IsNull(maxValue))
        {
            if (!ConstantValues.TryGetTimeSpan(maxValue, out max))
            {
                return;
            }
        }
        else
        {
            max = ConfiguredMaximum(context);
        }

        // istiod compares seconds (security/pkg/pki/ca/ca.go: requestedLifetime.Seconds() > maxCertTTL.Seconds()).
        if (ttl.TotalSeconds > max.TotalSeconds)
        {
            // istiod's default TTL is the fix only when it fits the maximum (a maximum below 24h leaves the choice open).
            ImmutableDictionary<string, string?> properties = LifetimeRuleThresholds.DefaultWorkloadCertTtl.TotalSeconds <= max.TotalSeconds
                ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.DefaultTtlFits, "true")
                : ImmutableDictionary<string, string?>.Empty;
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.WorkloadTtlAboveMaximum,
                ttlValue.Syntax.GetLocation(),
                properties,
                ttl.ToString("c", CultureInfo.InvariantCulture),
                max.ToString("c", CultureInfo.InvariantCulture)));
        }
    }

    private static TimeSpan ConfiguredMaximum(OperationAnalysisContext context)
    {
        // An unreadable setting falls back to istiod's default rather than guessing.
        return context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.Operation.Syntax.SyntaxTree)
                .TryGetValue(LibraryTypes.MaxWorkloadCertTtlOption, out string? text)
            && EditorConfigDuration.TryParse(text, out TimeSpan configured)
            ? configured
            : LifetimeRuleThresholds.DefaultMaxWorkloadCertTtl;
    }
}
