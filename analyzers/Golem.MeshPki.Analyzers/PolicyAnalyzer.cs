using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Golem.MeshPki.Analyzers;

/// <summary>
/// The plumbing every rule over one of the library's policy types shares: resolve the type once per compilation
/// (nothing to do without it), look at each creation and <see langword="with"/> expression of it, and hand the rule
/// what that expression sets. A new rule over a new API is a subclass with one method.
/// </summary>
public abstract class PolicyAnalyzer : DiagnosticAnalyzer
{
    private readonly string policyMetadataName;

    private protected PolicyAnalyzer(string policyMetadataName, DiagnosticDescriptor descriptor)
    {
        this.policyMetadataName = policyMetadataName;
        SupportedDiagnostics = ImmutableArray.Create(descriptor);
    }

    /// <inheritdoc />
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Compilation.GetTypeByMetadataName(policyMetadataName) is not { } policy)
            {
                return;
            }

            start.RegisterOperationAction(
                c =>
                {
                    if (SymbolEqualityComparer.Default.Equals(c.Operation.Type, policy))
                    {
                        Analyze(c, new PolicySettings(AssignedValues.Collect(c.Operation), c.Operation is IObjectCreationOperation));
                    }
                },
                OperationKind.ObjectCreation,
                OperationKind.With);
        });
    }

    /// <summary>Checks what one creation or <see langword="with"/> expression of the policy type sets.</summary>
    private protected abstract void Analyze(OperationAnalysisContext context, PolicySettings settings);
}

/// <summary>What one creation or <see langword="with"/> expression sets on a policy, with the evaluator at hand.</summary>
internal sealed class PolicySettings
{
    private readonly List<AssignedValue> values;

    public PolicySettings(List<AssignedValue> values, bool isCreation)
    {
        this.values = values;
        IsCreation = isCreation;
    }

    /// <summary>
    /// Whether this is a new object (a setting left unset has the type's default) rather than a
    /// <see langword="with"/> expression (a setting left unset keeps the source object's unknown value).
    /// </summary>
    public bool IsCreation { get; }

    /// <summary>The last value given to a setting (constructor argument or initializer), or <see langword="null"/>.</summary>
    public IOperation? Last(string name) => AssignedValues.Last(values, name);

    /// <summary>A setting given a known, non-null TimeSpan; <paramref name="operation"/> is where it is written.</summary>
    public bool TryGetTimeSpan(string name, out TimeSpan value, out IOperation operation)
    {
        value = default;
        operation = null!;
        if (Last(name) is not { } found || !ConstantValues.TryGetTimeSpan(found, out value))
        {
            return false;
        }

        operation = found;
        return true;
    }

    /// <summary>
    /// A nullable TimeSpan setting whose null (or absence, on a new object) means <paramref name="whenAbsent"/>;
    /// <paramref name="operation"/> is where it is written, or <see langword="null"/> when it is not.
    /// </summary>
    public bool TryGetTimeSpanOrDefault(string name, TimeSpan whenAbsent, out TimeSpan value, out IOperation? operation)
    {
        value = whenAbsent;
        operation = Last(name);
        if (operation is null)
        {
            return IsCreation;
        }

        return ConstantValues.IsNull(operation) || ConstantValues.TryGetTimeSpan(operation, out value);
    }
}
