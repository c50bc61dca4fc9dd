using System.Globalization;
using Golem.MeshPki.Lifetimes;
using Golem.MeshPki.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Golem.MeshPki.Analyzers.Rules;

/// <summary>MPKI2010: a known workload TTL above zero and below 1 hour (warning).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WorkloadTtlTooShortAnalyzer : PolicyAnalyzer
{
    public WorkloadTtlTooShortAnalyzer()
        : base(LifetimeGroup.Workload, Descriptors.WorkloadTtlTooShort)
    {
    }

    private protected override void Analyze(OperationAnalysisContext context, PolicySettings settings)
    {
        // As WorkloadCertificatePolicy.Validate: zero or negative is another problem, not a short TTL.
        if (settings.TryGetTimeSpan(LifetimeSetting.WorkloadTtl, out TimeSpan ttl, out IOperation where)
            && ttl > TimeSpan.Zero
            && ttl < LifetimeRuleThresholds.MinimumWorkloadTtl)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.WorkloadTtlTooShort,
                where.Syntax.GetLocation(),
                string.Format(CultureInfo.InvariantCulture, LifetimeRuleMessages.WorkloadCertificateTtlInCode, ttl.ToString("c", CultureInfo.InvariantCulture)),
                GoDurationText.Format(LifetimeRuleThresholds.MinimumWorkloadTtl)));
        }
    }
}
