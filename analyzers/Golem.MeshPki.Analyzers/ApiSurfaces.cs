using System.Collections.Immutable;

namespace Golem.MeshPki.Analyzers;

/// <summary>
/// Every place in the library's API where code writes a lifetime setting, and which setting each parameter or
/// property is: the one table the analyzers read. A new API is a new entry here; the rules do not change.
/// </summary>
/// <remarks>
/// Parameter and property names are matched ignoring case (parameter <c>ttl</c> is property <c>Ttl</c>). A
/// <see cref="string"/> parameter or property is a Go duration (<c>"24h"</c>), as istio and cert-manager write them.
/// </remarks>
internal static class ApiSurfaces
{
    private static readonly ImmutableArray<(string Name, LifetimeSetting Setting)> WorkloadPolicySettings = ImmutableArray.Create(
        ("Ttl", LifetimeSetting.WorkloadTtl),
        ("GracePeriodRatio", LifetimeSetting.GracePeriodRatio),
        ("GracePeriodRatioJitter", LifetimeSetting.GracePeriodRatioJitter),
        ("MaxWorkloadCertTtl", LifetimeSetting.MaxWorkloadCertTtl));

    private static readonly ImmutableArray<(string Name, LifetimeSetting Setting)> IntermediatePolicySettings = ImmutableArray.Create(
        ("Duration", LifetimeSetting.IntermediateDuration),
        ("RenewBefore", LifetimeSetting.IntermediateRenewBefore),
        ("RenewBeforePercentage", LifetimeSetting.IntermediateRenewBeforePercentage));

    /// <summary>The table.</summary>
    public static readonly ImmutableArray<ApiSurface> All = ImmutableArray.Create(
        // Creations (constructor arguments, object initializers) and `with` expressions of the two policy records.
        ApiSurface.Record(LibraryTypes.WorkloadCertificatePolicy, LifetimeGroup.Workload, WorkloadPolicySettings),
        ApiSurface.Record(LibraryTypes.IntermediateCaPolicy, LifetimeGroup.Intermediate, IntermediatePolicySettings),

        // Their static factories, which take istio's and cert-manager's own spellings (Go duration strings).
        ApiSurface.Factory(
            LibraryTypes.WorkloadCertificatePolicy,
            "FromIstioSettings",
            LifetimeGroup.Workload,
            ImmutableArray.Create(
                ("secretTtl", LifetimeSetting.WorkloadTtl),
                ("secretGracePeriodRatio", LifetimeSetting.GracePeriodRatio),
                ("secretGracePeriodRatioJitter", LifetimeSetting.GracePeriodRatioJitter),
                ("maxWorkloadCertTtl", LifetimeSetting.MaxWorkloadCertTtl))),
        ApiSurface.Factory(LibraryTypes.IntermediateCaPolicy, "FromCertManagerSpec", LifetimeGroup.Intermediate, IntermediatePolicySettings),

        // Both halves, as the two policies it is built from: only rules over both halves look at it (the policies
        // written inside it are analyzed where they are written).
        ApiSurface.Composite(
            LibraryTypes.MeshCertificateLifetimes,
            ImmutableArray.Create(
                ("Workload", LibraryTypes.WorkloadCertificatePolicy),
                ("Intermediate", LibraryTypes.IntermediateCaPolicy))),

        // The mutable options class bound from configuration: its object initializer, and its property setters.
        ApiSurface.Options(
            LibraryTypes.MeshLifetimeOptions,
            LifetimeGroup.Both,
            ImmutableArray.Create(
                ("WorkloadCertificateTtl", LifetimeSetting.WorkloadTtl),
                ("GracePeriodRatio", LifetimeSetting.GracePeriodRatio),
                ("GracePeriodRatioJitter", LifetimeSetting.GracePeriodRatioJitter),
                ("MaxWorkloadCertTtl", LifetimeSetting.MaxWorkloadCertTtl),
                ("IntermediateDuration", LifetimeSetting.IntermediateDuration),
                ("IntermediateRenewBefore", LifetimeSetting.IntermediateRenewBefore),
                ("IntermediateRenewBeforePercentage", LifetimeSetting.IntermediateRenewBeforePercentage))));

    /// <summary>The halves a policy type holds (from its record surface).</summary>
    public static LifetimeGroup GroupsOf(string typeName)
    {
        foreach (ApiSurface surface in All)
        {
            if (surface.Kind == SurfaceKind.Record && surface.TypeName == typeName)
            {
                return surface.Groups;
            }
        }

        return LifetimeGroup.None;
    }
}

/// <summary>How an API surface writes settings, and so what a setting it does not write is worth.</summary>
internal enum SurfaceKind
{
    /// <summary>
    /// An immutable record: constructor arguments, then its object initializer, or a <see langword="with"/>
    /// expression. A setting left unwritten has its default on a new object and is unknown in a <see langword="with"/>.
    /// </summary>
    Record,

    /// <summary>A static factory method of the record: its arguments; one left out or <see langword="null"/> has its default.</summary>
    Factory,

    /// <summary>
    /// A mutable options class: its object initializer (unwritten settings have their defaults), and an assignment to
    /// one of its properties in a statement (every other setting is unknown: it comes from configuration).
    /// </summary>
    Options,

    /// <summary>A record made of policies: its settings are those of the policy creations passed to it.</summary>
    Composite,
}

/// <summary>One entry of <see cref="ApiSurfaces.All"/>.</summary>
internal sealed class ApiSurface
{
    private ApiSurface(
        SurfaceKind kind,
        string typeName,
        string? methodName,
        LifetimeGroup groups,
        ImmutableArray<(string Name, LifetimeSetting Setting)> settings,
        ImmutableArray<(string Name, string TypeName)> policies)
    {
        Kind = kind;
        TypeName = typeName;
        MethodName = methodName;
        Groups = groups;
        Settings = settings;
        Policies = policies;
    }

    public SurfaceKind Kind { get; }

    /// <summary>The metadata name of the type created, whose factory is called or whose properties are set.</summary>
    public string TypeName { get; }

    /// <summary>The factory method's name (<see cref="SurfaceKind.Factory"/> only).</summary>
    public string? MethodName { get; }

    /// <summary>The halves of the lifetimes this surface holds.</summary>
    public LifetimeGroup Groups { get; }

    /// <summary>Parameter or property name (matched ignoring case) to setting.</summary>
    public ImmutableArray<(string Name, LifetimeSetting Setting)> Settings { get; }

    /// <summary>Composite: parameter or property name (matched ignoring case) to the metadata name of the policy it holds.</summary>
    public ImmutableArray<(string Name, string TypeName)> Policies { get; }

    public static ApiSurface Record(string typeName, LifetimeGroup groups, ImmutableArray<(string, LifetimeSetting)> settings) =>
        new(SurfaceKind.Record, typeName, null, groups, settings, ImmutableArray<(string, string)>.Empty);

    public static ApiSurface Factory(string typeName, string methodName, LifetimeGroup groups, ImmutableArray<(string, LifetimeSetting)> settings) =>
        new(SurfaceKind.Factory, typeName, methodName, groups, settings, ImmutableArray<(string, string)>.Empty);

    public static ApiSurface Options(string typeName, LifetimeGroup groups, ImmutableArray<(string, LifetimeSetting)> settings) =>
        new(SurfaceKind.Options, typeName, null, groups, settings, ImmutableArray<(string, string)>.Empty);

    public static ApiSurface Composite(string typeName, ImmutableArray<(string, string)> policies) =>
        new(SurfaceKind.Composite, typeName, null, LifetimeGroup.Both, ImmutableArray<(string, LifetimeSetting)>.Empty, policies);

    /// <summary>The setting a parameter or property writes, if it writes one.</summary>
    public bool TryFindSetting(string name, out LifetimeSetting setting)
    {
        foreach ((string candidate, LifetimeSetting value) in Settings)
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                setting = value;
                return true;
            }
        }

        setting = default;
        return false;
    }

    /// <summary>Composite: the policy type a parameter or property holds, if it holds one.</summary>
    public string? FindPolicy(string name)
    {
        foreach ((string candidate, string typeName) in Policies)
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                return typeName;
            }
        }

        return null;
    }
}
