using System.Collections.Immutable;
using System.Globalization;
using Golem.MeshPki.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Golem.MeshPki.Analyzers.Rules;

/// <summary>MPKI2002: a known workload TTL above istiod's MAX_WORKLOAD_CERT_TTL.</summary>
/// <remarks>
/// The maximum is the one written beside the TTL when it is (unknown: nothing is reported), else
/// <c>golem_meshpki.max_workload_cert_ttl</c> from .editorconfig (a Go duration, as in istiod's environment), else
/// istiod's default, 90 days. Where the maximum is not written (a <see langword="with"/>, an options property set
/// alone), the .editorconfig value stands for the real istiod.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WorkloadTtlAboveMaximumAnalyzer : PolicyAnalyzer
{
    public WorkloadTtlAboveMaximumAnalyzer()
        : base(LifetimeGroup.Workload, Descriptors.WorkloadTtlAboveMaximum)
    {
    }

    private protected override void Analyze(OperationAnalysisContext context, PolicySettings settings)
    {
        if (!settings.TryGetTimeSpan(LifetimeSetting.WorkloadTtl, out TimeSpan ttl, out IOperation where))
        {
            return;
        }

        TimeSpan max;
        if (settings.Written(LifetimeSetting.MaxWorkloadCertTtl) is { } written && !ConstantValues.IsNull(written.Value))
        {
            if (!settings.TryGetTimeSpan(LifetimeSetting.MaxWorkloadCertTtl, out max, out _))
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
                where.Syntax.GetLocation(),
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
