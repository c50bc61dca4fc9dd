using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Golem.MeshPki.Analyzers;

/// <summary>A value written to a setting: a constructor or method argument, an initializer or a property assignment.</summary>
internal readonly struct WrittenValue
{
    public WrittenValue(LifetimeSetting setting, IOperation value, bool isGoDuration)
    {
        Setting = setting;
        Value = value;
        IsGoDuration = isGoDuration;
    }

    public LifetimeSetting Setting { get; }

    /// <summary>The value's operation; its syntax is where a diagnostic goes.</summary>
    public IOperation Value { get; }

    /// <summary>Whether the value is a Go duration string (a <see cref="string"/> parameter or property) rather than a TimeSpan or number.</summary>
    public bool IsGoDuration { get; }
}

/// <summary>
/// Finds what one operation writes to the lifetime settings, on any surface of <see cref="ApiSurfaces"/>: a creation
/// or <see langword="with"/> of a policy (constructor arguments, then initializer assignments, which run after the
/// constructor, so a later value for the same setting wins), a factory call, a <c>MeshCertificateLifetimes</c> made
/// of policies written in place, an options object initializer, or options properties set in consecutive statements.
/// Arguments left to their default value are the library's defaults and are not "written".
/// </summary>
internal static class AssignedValues
{
    /// <summary>The settings <paramref name="operation"/> writes, or <see langword="null"/> when it is no surface of the library.</summary>
    public static PolicySettings? Collect(IOperation operation, ResolvedSurfaces surfaces)
    {
        switch (operation)
        {
            case IObjectCreationOperation creation when surfaces.ObjectSurface(creation.Type) is { } surface:
                return FromObject(creation, surface, creation.Arguments, creation.Initializer, isNew: true, surfaces);
            case IWithOperation with when surfaces.ObjectSurface(with.Type) is { Kind: not SurfaceKind.Options } surface:
                return FromObject(with, surface, ImmutableArray<IArgumentOperation>.Empty, with.Initializer, isNew: false, surfaces);
            case IInvocationOperation invocation when surfaces.FactorySurface(invocation.TargetMethod) is { } surface:
                return FromFactory(invocation, surface);
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                when !IsInitializerMember(target) && surfaces.OptionsSurface(target.Property) is { } surface:
                return FromStatements(assignment, target, surface, surfaces);
            default:
                return null;
        }
    }

    /// <summary>
    /// An options property set in a statement, such as <c>options.WorkloadCertificateTtl = ...;</c>, together with the
    /// settings the statements right after it set on the same local or parameter (a <c>Configure</c> callback writes
    /// them one per line). The run ends at the first other statement, which may change the object (a <c>Bind</c>, a
    /// method call). Every setting not written in the run is unknown (it comes from configuration). The run is
    /// analyzed once, from its first statement; the later ones return <see langword="null"/>.
    /// </summary>
    private static PolicySettings? FromStatements(ISimpleAssignmentOperation assignment, IPropertyReferenceOperation target, ApiSurface surface, ResolvedSurfaces surfaces)
    {
        var written = ImmutableArray.CreateBuilder<WrittenValue>();
        if (assignment.Parent is not IExpressionStatementOperation { Parent: IBlockOperation block } statement
            || ReceiverOf(target) is not { } receiver)
        {
            // Not a statement of its own in a block (e.g. `a = o.X = v`, an expression-bodied lambda), or a receiver
            // that may be a different object each time (`GetOptions().X = v`): only this value is known.
            Add(written, surface, target.Property.Name, target.Property.Type, assignment.Value);
            return new PolicySettings(assignment, surface, written.ToImmutable(), LifetimeGroup.None);
        }

        int index = block.Operations.IndexOf(statement);
        if (index > 0 && SettingAssignment(block.Operations[index - 1], receiver, surface, surfaces) is not null)
        {
            return null;
        }

        for (int i = index; i < block.Operations.Length; i++)
        {
            if (SettingAssignment(block.Operations[i], receiver, surface, surfaces) is not { } next)
            {
                break;
            }

            var property = (IPropertyReferenceOperation)next.Target;
            Add(written, surface, property.Property.Name, property.Property.Type, next.Value);
        }

        return new PolicySettings(assignment, surface, written.ToImmutable(), LifetimeGroup.None);
    }

    // `options.X = value;` on the same local or parameter, X a property of the same options surface.
    private static ISimpleAssignmentOperation? SettingAssignment(IOperation statement, ISymbol receiver, ApiSurface surface, ResolvedSurfaces surfaces) =>
        statement is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment }
            && ReferenceEquals(surfaces.OptionsSurface(target.Property), surface)
            && SymbolEqualityComparer.Default.Equals(ReceiverOf(target), receiver)
            ? assignment
            : null;

    private static ISymbol? ReceiverOf(IPropertyReferenceOperation target) => target.Instance switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    // Initializer members (`new T { X = ... }`, `with { X = ... }`) assign through the implicit receiver.
    private static bool IsInitializerMember(IPropertyReferenceOperation target) =>
        target.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver };

    private static PolicySettings FromObject(
        IOperation operation,
        ApiSurface surface,
        ImmutableArray<IArgumentOperation> arguments,
        IObjectOrCollectionInitializerOperation? initializer,
        bool isNew,
        ResolvedSurfaces surfaces)
    {
        var written = ImmutableArray.CreateBuilder<WrittenValue>();
        LifetimeGroup defaulted = isNew ? surface.Groups : LifetimeGroup.None;
        if (surface.Kind == SurfaceKind.Composite)
        {
            foreach ((string name, string policyType) in surface.Policies)
            {
                CollectPolicy(written, ref defaulted, LastWritten(arguments, initializer, name), policyType, surfaces);
            }

            return new PolicySettings(operation, surface, written.ToImmutable(), defaulted);
        }

        foreach (IArgumentOperation argument in arguments)
        {
            if (argument.Parameter is { } parameter && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                Add(written, surface, parameter.Name, parameter.Type, argument.Value);
            }
        }

        foreach (IOperation member in InitializerMembers(initializer))
        {
            if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
            {
                Add(written, surface, property.Property.Name, property.Property.Type, assignment.Value);
            }
        }

        return new PolicySettings(operation, surface, written.ToImmutable(), defaulted);
    }

    private static PolicySettings FromFactory(IInvocationOperation invocation, ApiSurface surface)
    {
        // Every factory parameter is optional, and null (or left out) means the setting's default.
        var written = ImmutableArray.CreateBuilder<WrittenValue>();
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                Add(written, surface, parameter.Name, parameter.Type, argument.Value);
            }
        }

        return new PolicySettings(invocation, surface, written.ToImmutable(), surface.Groups);
    }

    /// <summary>
    /// A composite's policy: when it is written in place (a creation, <see langword="with"/> or factory call of the policy),
    /// its settings are the composite's; any other value leaves that half unknown; left out of a new composite, the
    /// policy is the default one.
    /// </summary>
    private static void CollectPolicy(
        ImmutableArray<WrittenValue>.Builder written,
        ref LifetimeGroup defaulted,
        IOperation? value,
        string policyType,
        ResolvedSurfaces surfaces)
    {
        LifetimeGroup group = ApiSurfaces.GroupsOf(policyType);
        if (value is null)
        {
            return;
        }

        // Written: the new value decides, default or not.
        defaulted &= ~group;
        IOperation inner = value;
        while (inner is IConversionOperation { Conversion.IsUserDefined: false } conversion)
        {
            inner = conversion.Operand;
        }

        if (inner is IObjectCreationOperation or IWithOperation or IInvocationOperation
            && Collect(inner, surfaces) is { } nested
            && nested.Surface.TypeName == policyType
            && nested.Surface.Kind is SurfaceKind.Record or SurfaceKind.Factory)
        {
            written.AddRange(nested.Values);
            defaulted |= nested.Defaulted & group;
        }
    }

    private static IOperation? LastWritten(ImmutableArray<IArgumentOperation> arguments, IObjectOrCollectionInitializerOperation? initializer, string name)
    {
        IOperation? found = null;
        foreach (IArgumentOperation argument in arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue && string.Equals(argument.Parameter?.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                found = argument.Value;
            }
        }

        foreach (IOperation member in InitializerMembers(initializer))
        {
            if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment
                && string.Equals(property.Property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                found = assignment.Value;
            }
        }

        return found;
    }

    private static IEnumerable<IOperation> InitializerMembers(IObjectOrCollectionInitializerOperation? initializer) =>
        initializer is null ? Enumerable.Empty<IOperation>() : initializer.Initializers;

    private static void Add(ImmutableArray<WrittenValue>.Builder written, ApiSurface surface, string name, ITypeSymbol type, IOperation value)
    {
        if (surface.TryFindSetting(name, out LifetimeSetting setting))
        {
            written.Add(new WrittenValue(setting, value, type.SpecialType == SpecialType.System_String));
        }
    }
}
