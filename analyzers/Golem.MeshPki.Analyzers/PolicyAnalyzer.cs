using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Golem.MeshPki.Analyzers;

/// <summary>
/// The plumbing every lifetime rule shares: resolve the library's API surfaces once per compilation (nothing to do
/// without them), look at every operation that writes lifetime settings on any of them (<see cref="ApiSurfaces"/>),
/// and hand the rule what it writes. A new rule is a subclass with one method; a new API is an entry in the table.
/// </summary>
/// <remarks>
/// A rule over one half of the lifetimes (the workload settings or the intermediate's) sees every surface that holds
/// that half, except the composites: a policy written inside a <c>MeshCertificateLifetimes</c> is analyzed where it is
/// written, so a composite would report it twice. Only a rule over both halves (MPKI2003) looks at composites.
/// </remarks>
public abstract class PolicyAnalyzer : DiagnosticAnalyzer
{
    private readonly LifetimeGroup needs;

    private protected PolicyAnalyzer(LifetimeGroup needs, params DiagnosticDescriptor[] descriptors)
    {
        this.needs = needs;
        SupportedDiagnostics = ImmutableArray.Create(descriptors);
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
            if (ResolvedSurfaces.Resolve(start.Compilation) is not { } surfaces)
            {
                return;
            }

            var kinds = new List<OperationKind> { OperationKind.ObjectCreation, OperationKind.With };
            if (surfaces.HasFactories)
            {
                kinds.Add(OperationKind.Invocation);
            }

            if (surfaces.HasOptions)
            {
                kinds.Add(OperationKind.SimpleAssignment);
            }

            start.RegisterOperationAction(
                c =>
                {
                    if (AssignedValues.Collect(c.Operation, surfaces) is { } settings && Applies(settings.Surface))
                    {
                        Analyze(c, settings);
                    }
                },
                kinds.ToImmutableArray());
        });
    }

    /// <summary>Checks what one operation writes.</summary>
    private protected abstract void Analyze(OperationAnalysisContext context, PolicySettings settings);

    private bool Applies(ApiSurface surface) =>
        (surface.Groups & needs) == needs && (surface.Kind != SurfaceKind.Composite || needs == LifetimeGroup.Both);
}
