using System.Composition;
using System.Globalization;
using Golem.MeshPki.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Golem.MeshPki.Analyzers.CodeFixes;

/// <summary>
/// MPKI2001: set the grace period ratio to istio-agent's default, 0.5, when the analyzer found that 0.5 clears the rule
/// for that TTL and jitter (always for a ratio outside (0, 1); for the warnings, only when they are reported at the
/// ratio and 0.5 leaves an hour of slack).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GracePeriodRatioCodeFixProvider))]
[Shared]
public sealed class GracePeriodRatioCodeFixProvider : ReplaceValueCodeFixProvider
{
    public GracePeriodRatioCodeFixProvider()
        : base(RuleIdentifiers.GracePeriodRatioUnsafe, "Set the grace period ratio to istio-agent's default, 0.5")
    {
    }

    private protected override bool CanFix(Diagnostic diagnostic) => diagnostic.Properties.ContainsKey(DiagnosticProperties.DefaultRatioFits);

    private protected override ExpressionSyntax Replacement(SemanticModel model, ExpressionSyntax value) => SyntaxFactory.LiteralExpression(
        SyntaxKind.NumericLiteralExpression,
        SyntaxFactory.Literal(
            LifetimeRuleThresholds.DefaultGracePeriodRatio.ToString("0.0###", CultureInfo.InvariantCulture),
            LifetimeRuleThresholds.DefaultGracePeriodRatio));
}
