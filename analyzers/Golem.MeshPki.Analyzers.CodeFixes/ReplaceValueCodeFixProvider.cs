using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Golem.MeshPki.Analyzers.CodeFixes;

/// <summary>
/// The shape of the fixes that replace the reported value with the one right value: the diagnostic's location is the
/// value as written (a literal, a const, an expression), and it becomes <see cref="Replacement"/>.
/// </summary>
public abstract class ReplaceValueCodeFixProvider : CodeFixProvider
{
    private readonly string title;
    private readonly string equivalenceKey;

    private protected ReplaceValueCodeFixProvider(string diagnosticId, string title)
    {
        FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);
        this.title = title;
        equivalenceKey = diagnosticId + "." + GetType().Name;
    }

    /// <inheritdoc />
    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!CanFix(diagnostic)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    title,
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(value, Replacement(model, value).WithTriviaFrom(value)))),
                    equivalenceKey),
                diagnostic);
        }
    }

    /// <summary>Whether this diagnostic has one right value (e.g. the analyzer found that it fits the other settings).</summary>
    private protected virtual bool CanFix(Diagnostic diagnostic) => true;

    /// <summary>The right value, written for the place of <paramref name="value"/> (its type, the names in scope there).</summary>
    private protected abstract ExpressionSyntax Replacement(SemanticModel model, ExpressionSyntax value);

    /// <summary>Whether the value is a string: a Go duration (the library's factories take istio's own spelling).</summary>
    private protected static bool IsGoDuration(SemanticModel model, ExpressionSyntax value) =>
        model.GetTypeInfo(value).ConvertedType?.SpecialType == SpecialType.System_String;

    /// <summary>
    /// <c>TimeSpan.<paramref name="member"/></c> when <c>TimeSpan</c> means <see cref="System.TimeSpan"/> at
    /// <paramref name="position"/> (the file has <c>using System;</c>, or a global using), else <c>System.TimeSpan.</c>…
    /// when <c>System</c> there is the global namespace, else <c>global::System.TimeSpan.</c>… (inside
    /// <c>namespace Corp</c>, a <c>Corp.System</c> namespace or type would take <c>System.TimeSpan</c>).
    /// </summary>
    private protected static ExpressionSyntax TimeSpanMember(SemanticModel model, int position, string member)
    {
        ImmutableArray<ISymbol> found = model.LookupNamespacesAndTypes(position, name: "TimeSpan");
        bool inScope = found.Length == 1
            && found[0] is INamedTypeSymbol { ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };
        ImmutableArray<ISymbol> system = model.LookupNamespacesAndTypes(position, name: "System");
        bool systemIsGlobal = system.Length == 1 && system[0] is INamespaceSymbol { ContainingNamespace.IsGlobalNamespace: true };
        string qualifier = inScope ? "TimeSpan." : systemIsGlobal ? "System.TimeSpan." : "global::System.TimeSpan.";
        return SyntaxFactory.ParseExpression(qualifier + member);
    }
}
