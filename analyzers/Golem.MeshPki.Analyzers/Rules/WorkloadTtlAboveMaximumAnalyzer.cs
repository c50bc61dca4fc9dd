using System.Collections.Immutable;
using System.Globalization;
using Golem.MeshPki.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Golem.MeshPki.Analyzers.Rules;

/// <summary>MPKI2002: a known workload TTL above istiod's MAX_WORKLOAD_CERT_TTL.</summary>
/// <remarks>
/// The TTL is the one written, or istio-agent's default (24h) on a new object that writes a maximum: reported at the
/// TTL when it is written, else at the maximum.
/// The maximum is the one written beside the TTL when it is (unknown: nothing is reported), else
/// <c>golem_meshpki.max_workload_cert_ttl</c> from .editorconfig (a Go duration, as in istiod's environment), else
/// istiod's default, 90 days. Where the maximum is not written (a <see langword="with"/>, options properties set in
/// statements that do not set it), the .editorconfig value stands for the real istiod.
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
        // MPKI2002: the TTL as written, or istio-agent's default (24h) on a new object that does not write it: a
        // maximum written below 24h fails every CSR too (WorkloadCertificatePolicy.Validate() says so), and the
        // diagnostic then goes to the maximum.
        if (!settings.TryGetEffectiveTimeSpan(LifetimeSetting.WorkloadTtl, out TimeSpan? knownTtl, out IOperation? ttlAt) || knownTtl is not { } ttl)
        {
            return;
        }

        TimeSpan max;
        IOperation where;
        if (settings.Written(LifetimeSetting.MaxWorkloadCertTtl) is { } written && !ConstantValues.IsNull(written.Value))
        {
            if (!settings.TryGetTimeSpan(LifetimeSetting.MaxWorkloadCertTtl, out max, out IOperation maxAt))
            {
                return;
            }

            where = ttlAt ?? maxAt;
        }
        else if (ttlAt is not null)
        {
            max = ConfiguredMaximum(context);
            where = ttlAt;
        }
        else
        {
            // Neither is written: istio's defaults, or what .editorconfig says istiod uses, with nothing to point at.
            return;
        }

        // istiod compares seconds (security/pkg/pki/ca/ca.go: requestedLifetime.Seconds() > maxCertTTL.Seconds()).
        if (ttl.TotalSeconds > max.TotalSeconds)
        {
            // istiod's default TTL is the fix only when it fits the maximum (a maximum below 24h leaves the choice open),
            // and only where the TTL is written (the fix replaces the reported value).
            ImmutableDictionary<string, string?> properties = ttlAt is not null && LifetimeRuleThresholds.DefaultWorkloadCertTtl.TotalSeconds <= max.TotalSeconds
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
