using System.Composition;
using System.Globalization;
using Golem.MeshPki.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Golem.MeshPki.Analyzers.CodeFixes;

/// <summary>
/// MPKI2002: set the workload TTL to istiod's default, 24 hours (<c>TimeSpan.FromHours(24)</c>, or <c>"24h"</c> for a
/// Go duration string), when that fits the maximum the analyzer compared with (it says so in the diagnostic's properties).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WorkloadTtlAboveMaximumCodeFixProvider))]
[Shared]
public sealed class WorkloadTtlAboveMaximumCodeFixProvider : ReplaceValueCodeFixProvider
{
    public WorkloadTtlAboveMaximumCodeFixProvider()
        : base(RuleIdentifiers.WorkloadTtlAboveMaximum, "Set the workload TTL to istiod's default, 24h")
    {
    }

    private protected override bool CanFix(Diagnostic diagnostic) => diagnostic.Properties.ContainsKey(DiagnosticProperties.DefaultTtlFits);

    private protected override ExpressionSyntax Replacement(SemanticModel model, ExpressionSyntax value)
    {
        string hours = LifetimeRuleThresholds.DefaultWorkloadCertTtl.TotalHours.ToString(CultureInfo.InvariantCulture);

        // A Go duration string (WorkloadCertificatePolicy.FromIstioSettings) is written as istio writes it: "24h".
        return IsGoDuration(model, value)
            ? SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(hours + "h"))
            : TimeSpanMember(model, value.SpanStart, "FromHours(" + hours + ")");
    }
}
