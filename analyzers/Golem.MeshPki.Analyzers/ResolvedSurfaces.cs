using Microsoft.CodeAnalysis;

namespace Golem.MeshPki.Analyzers;

/// <summary>
/// <see cref="ApiSurfaces.All"/> bound to one compilation's symbols, resolved once when the compilation starts; the
/// surfaces whose types the compilation does not have are left out.
/// </summary>
internal sealed class ResolvedSurfaces
{
    private readonly Dictionary<INamedTypeSymbol, ApiSurface> objects;
    private readonly List<(INamedTypeSymbol Type, ApiSurface Surface)> factories;

    private ResolvedSurfaces(Dictionary<INamedTypeSymbol, ApiSurface> objects, List<(INamedTypeSymbol, ApiSurface)> factories)
    {
        this.objects = objects;
        this.factories = factories;
    }

    /// <summary>Whether any factory method is in the compilation (else invocations need not be looked at).</summary>
    public bool HasFactories => factories.Count > 0;

    /// <summary>Whether any options class is in the compilation (else assignments need not be looked at).</summary>
    public bool HasOptions => objects.Values.Any(s => s.Kind == SurfaceKind.Options);

    /// <summary>The surfaces of the library types in <paramref name="compilation"/>, or <see langword="null"/> when it has none of them.</summary>
    public static ResolvedSurfaces? Resolve(Compilation compilation)
    {
        var objects = new Dictionary<INamedTypeSymbol, ApiSurface>(SymbolEqualityComparer.Default);
        var factories = new List<(INamedTypeSymbol, ApiSurface)>();
        foreach (ApiSurface surface in ApiSurfaces.All)
        {
            if (compilation.GetTypeByMetadataName(surface.TypeName) is not { } type)
            {
                continue;
            }

            if (surface.Kind == SurfaceKind.Factory)
            {
                factories.Add((type, surface));
            }
            else
            {
                objects[type] = surface;
            }
        }

        return objects.Count == 0 && factories.Count == 0 ? null : new ResolvedSurfaces(objects, factories);
    }

    /// <summary>The record, options or composite surface of a created type.</summary>
    public ApiSurface? ObjectSurface(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && objects.TryGetValue(named, out ApiSurface? surface) ? surface : null;

    /// <summary>The factory surface a static method call is.</summary>
    public ApiSurface? FactorySurface(IMethodSymbol method)
    {
        if (!method.IsStatic)
        {
            return null;
        }

        foreach ((INamedTypeSymbol type, ApiSurface surface) in factories)
        {
            if (method.Name == surface.MethodName && SymbolEqualityComparer.Default.Equals(method.ContainingType, type))
            {
                return surface;
            }
        }

        return null;
    }

    /// <summary>The options surface whose property this is.</summary>
    public ApiSurface? OptionsSurface(IPropertySymbol property) =>
        ObjectSurface(property.ContainingType) is { Kind: SurfaceKind.Options } surface ? surface : null;
}
