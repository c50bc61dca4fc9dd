using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Golem.MeshPki.Analyzers;

/// <summary>A value given to a setting of a policy object: a constructor argument or an initializer assignment.</summary>
internal readonly struct AssignedValue
{
    public AssignedValue(string name, IOperation value)
    {
        Name = name;
        Value = value;
    }

    /// <summary>The property or parameter name (matched ignoring case: parameter <c>ttl</c> is property <c>Ttl</c>).</summary>
    public string Name { get; }

    /// <summary>The value's operation; its syntax is where a diagnostic goes.</summary>
    public IOperation Value { get; }
}

/// <summary>
/// Collects what one object creation or <see langword="with"/> expression sets on a policy object: explicit
/// constructor arguments, then object-initializer assignments (which run after the constructor, so a later entry
/// for the same setting wins). Arguments left to their default value are the library's own defaults and skipped.
/// </summary>
internal static class AssignedValues
{
    public static List<AssignedValue> Collect(IOperation operation)
    {
        var values = new List<AssignedValue>();
        IObjectOrCollectionInitializerOperation? initializer = null;
        if (operation is IObjectCreationOperation creation)
        {
            foreach (IArgumentOperation argument in creation.Arguments)
            {
                if (argument.Parameter is { } parameter && argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    values.Add(new AssignedValue(parameter.Name, argument.Value));
                }
            }

            initializer = creation.Initializer;
        }
        else if (operation is IWithOperation with)
        {
            initializer = with.Initializer;
        }

        if (initializer is not null)
        {
            foreach (IOperation member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                {
                    values.Add(new AssignedValue(property.Property.Name, assignment.Value));
                }
            }
        }

        return values;
    }

    /// <summary>The last value given to a setting, or <see langword="null"/> when the creation does not set it.</summary>
    public static IOperation? Last(List<AssignedValue> values, string name)
    {
        IOperation? found = null;
        foreach (AssignedValue value in values)
        {
            if (string.Equals(value.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                found = value.Value;
            }
        }

        return found;
    }
}
