using System.Collections.Immutable;
using System.Composition;
using Golem.MeshPki.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace Golem.MeshPki.Analyzers.CodeFixes;

/// <summary>
/// MPKI2004, MPKI2005, MPKI2006: remove an intermediate's <c>renewBefore</c> or <c>renewBeforePercentage</c> that
/// cert-manager's controller ignores (pkg/util/pki/renewaltime.go: renewBefore only when 0 &lt; renewBefore &lt;
/// lifetime, the percentage only when renewBefore is not used and 0 &lt; p &lt; 100). The renewal cert-manager
/// would plan stays the same; the webhook stops rejecting the Certificate. Offered only where the analyzer found the
/// setting ignored (the diagnostic property <see cref="DiagnosticProperties.IgnoredSetting"/>).
/// </summary>
/// <remarks>
/// "Remove" keeps the code compiling and means "absent": an initializer assignment on a new object, or a trailing or
/// named-only-after optional argument, is deleted; where deleting would change something else (a positional
/// argument followed by positional ones, a <see langword="with"/> that would keep the source object's value, a
/// property set in a statement, an initializer that overrides a constructor argument), the value becomes
/// <see langword="null"/>.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveIgnoredRenewBeforeCodeFixProvider))]
[Shared]
public sealed class RemoveIgnoredRenewBeforeCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "MPKI.RemoveIgnoredRenewBefore";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIdentifiers.RenewBeforeNotBelowDuration,
        RuleIdentifiers.CertManagerDurationTooShort,
        RuleIdentifiers.RenewBeforeSetTwice);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create((context, document, diagnostics) => RemoveAsync(document, diagnostics, context.CancellationToken));

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.TryGetValue(DiagnosticProperties.IgnoredSetting, out string? field)
                && Target(root, diagnostic) is { } value
                && Plan(model, value, context.CancellationToken) is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Remove {field}, which cert-manager ignores here",
                        cancellationToken => RemoveAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken)!,
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Document?> RemoveAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        DocumentEditor editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        SyntaxNode root = editor.OriginalRoot;
        var removals = new List<SyntaxNode>();
        var seen = new HashSet<SyntaxNode>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey(DiagnosticProperties.IgnoredSetting)
                || Target(root, diagnostic) is not { } value
                || !seen.Add(value)
                || Plan(editor.SemanticModel, value, cancellationToken) is not { } edit)
            {
                continue;
            }

            if (edit == Edit.SetNull)
            {
                editor.ReplaceNode(value, SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression).WithTriviaFrom(value));
            }
            else
            {
                removals.Add(value.Parent!);
            }
        }

        // An object initializer whose every assignment goes is removed with them: `new T { X = ... }` becomes `new T()`.
        // Those replacements come last and start from the creation as the other edits left it: Fix All may also remove
        // or null an argument of the same creation (`new T(d, rb) { P = 0 }`), which a replacement computed from the
        // original creation would put back.
        var withoutInitializer = new List<BaseObjectCreationExpressionSyntax>();
        foreach (IGrouping<SyntaxNode?, SyntaxNode> group in removals.GroupBy(r => r.Parent))
        {
            if (group.Key is InitializerExpressionSyntax initializer
                && initializer.Parent is BaseObjectCreationExpressionSyntax creation
                && group.Count() == initializer.Expressions.Count)
            {
                withoutInitializer.Add(creation);
                continue;
            }

            foreach (SyntaxNode removal in group)
            {
                editor.RemoveNode(removal);
            }
        }

        foreach (BaseObjectCreationExpressionSyntax creation in withoutInitializer)
        {
            editor.ReplaceNode(creation, (current, _) => WithoutInitializer((BaseObjectCreationExpressionSyntax)current));
        }

        return editor.GetChangedDocument();
    }

    /// <summary>The reported value to remove: the first additional location when the diagnostic has one, else its location.</summary>
    private static ExpressionSyntax? Target(SyntaxNode root, Diagnostic diagnostic)
    {
        Location location = diagnostic.AdditionalLocations.Count > 0 ? diagnostic.AdditionalLocations[0] : diagnostic.Location;
        return location.IsInSource && location.SourceTree == root.SyntaxTree
            ? root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) as ExpressionSyntax
            : null;
    }

    private enum Edit
    {
        /// <summary>Delete the argument or the initializer assignment.</summary>
        Delete,

        /// <summary>Write <see langword="null"/> in place of the value.</summary>
        SetNull,
    }

    /// <summary>How to remove the setting written by <paramref name="value"/>, or <see langword="null"/> when it cannot be.</summary>
    private static Edit? Plan(SemanticModel model, ExpressionSyntax value, CancellationToken cancellationToken)
    {
        bool canBeNull = model.GetTypeInfo(value, cancellationToken).ConvertedType is { } type
            && (type.IsReferenceType || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T);
        switch (value.Parent)
        {
            case ArgumentSyntax argument when argument.Parent is BaseArgumentListSyntax list:
                // An optional parameter left out is absent; every later argument must be named to keep its parameter.
                int index = list.Arguments.IndexOf(argument);
                bool laterAreNamed = list.Arguments.Skip(index + 1).All(a => a.NameColon is not null);
                if (laterAreNamed && model.GetOperation(argument, cancellationToken) is IArgumentOperation { Parameter.IsOptional: true })
                {
                    return Edit.Delete;
                }

                return canBeNull ? Edit.SetNull : null;
            case AssignmentExpressionSyntax assignment when assignment.Right == value
                && assignment.Parent is InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax creation }:
                // Absent from a new object is its default (null); unless a constructor argument set it first.
                return SetByConstructor(model, creation, assignment, cancellationToken) ? (canBeNull ? Edit.SetNull : null) : Edit.Delete;
            case AssignmentExpressionSyntax assignment when assignment.Right == value:
                // `with { X = ... }` would keep the source's value; a statement would keep the configured one.
                return canBeNull ? Edit.SetNull : null;
            default:
                return null;
        }
    }

    private static bool SetByConstructor(SemanticModel model, BaseObjectCreationExpressionSyntax creation, AssignmentExpressionSyntax assignment, CancellationToken cancellationToken)
    {
        if (model.GetOperation(creation, cancellationToken) is not IObjectCreationOperation operation
            || model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is not IPropertySymbol property)
        {
            return true;
        }

        return operation.Arguments.Any(a => a.ArgumentKind != ArgumentKind.DefaultValue
            && string.Equals(a.Parameter?.Name, property.Name, StringComparison.OrdinalIgnoreCase));
    }

    private static BaseObjectCreationExpressionSyntax WithoutInitializer(BaseObjectCreationExpressionSyntax creation)
    {
        SyntaxTriviaList trailing = creation.GetTrailingTrivia();
        return creation switch
        {
            ObjectCreationExpressionSyntax explicitType => explicitType
                .WithType(explicitType.Type.WithoutTrailingTrivia())
                .WithArgumentList(explicitType.ArgumentList?.WithoutTrailingTrivia() ?? SyntaxFactory.ArgumentList())
                .WithInitializer(null)
                .WithTrailingTrivia(trailing),
            _ => creation.WithArgumentList((creation.ArgumentList ?? SyntaxFactory.ArgumentList()).WithoutTrailingTrivia()).WithInitializer(null).WithTrailingTrivia(trailing),
        };
    }
}
