using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Golem.MeshPki.Analyzers;

/// <summary>
/// Evaluates the values the analyzers can know at compile time. Anything else is unknown, and unknown values are
/// never reported (no false positives).
/// </summary>
/// <remarks>
/// Known: numeric constants and const fields; <c>TimeSpan.FromDays/FromHours/FromMinutes/FromSeconds/FromMilliseconds</c>
/// with constant arguments (the double overloads and the .NET 9+ integer overloads with their optional parts);
/// <c>new TimeSpan(...)</c> with constant arguments; <c>TimeSpan.Zero</c>. Not yet: <c>TimeSpan.Parse</c> of a literal,
/// Go duration strings, static readonly fields, arithmetic (issue 5).
/// </remarks>
internal static class ConstantValues
{
    public static bool TryGetDouble(IOperation operation, out double value)
    {
        value = 0;
        Optional<object?> constant = operation.ConstantValue;
        if (!constant.HasValue || constant.Value is null)
        {
            return false;
        }

        switch (constant.Value)
        {
            case double d: value = d; return true;
            case float f: value = f; return true;
            case decimal m: value = (double)m; return true;
            case int or long or short or sbyte or byte or ushort or uint or ulong:
                value = Convert.ToDouble(constant.Value, CultureInfo.InvariantCulture);
                return true;
            default: return false;
        }
    }

    /// <summary>Whether the operation is the constant <see langword="null"/> (e.g. an optional <c>TimeSpan?</c> left null).</summary>
    public static bool IsNull(IOperation operation) => operation.ConstantValue is { HasValue: true, Value: null };

    public static bool TryGetTimeSpan(IOperation operation, INamedTypeSymbol timeSpan, out TimeSpan value)
    {
        value = default;
        operation = Unwrap(operation);
        double ticks;
        switch (operation)
        {
            case IInvocationOperation { TargetMethod: { IsStatic: true } method } invocation
                when SymbolEqualityComparer.Default.Equals(method.ContainingType, timeSpan) && UnitOfFactory(method.Name) is { } unit:
                if (!TrySumTicks(invocation.Arguments, unit, out ticks))
                {
                    return false;
                }

                break;
            case IObjectCreationOperation creation when SymbolEqualityComparer.Default.Equals(creation.Type, timeSpan):
                if (!TrySumTicks(creation.Arguments, 0, out ticks))
                {
                    return false;
                }

                break;
            case IFieldReferenceOperation { Field: { IsStatic: true, Name: "Zero" } field }
                when SymbolEqualityComparer.Default.Equals(field.ContainingType, timeSpan):
                ticks = 0;
                break;
            default:
                return false;
        }

        // The runtime throws on NaN and out-of-range values: such code is not a TTL, leave it to the runtime.
        if (double.IsNaN(ticks) || ticks > TimeSpan.MaxValue.Ticks || ticks < TimeSpan.MinValue.Ticks)
        {
            return false;
        }

        value = TimeSpan.FromTicks((long)ticks);
        return true;
    }

    private static IOperation Unwrap(IOperation operation)
    {
        // TimeSpan to TimeSpan? (an optional constructor parameter) and parentheses.
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation { Conversion.IsUserDefined: false } conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    private static double? UnitOfFactory(string name) => name switch
    {
        "FromDays" => TimeSpan.TicksPerDay,
        "FromHours" => TimeSpan.TicksPerHour,
        "FromMinutes" => TimeSpan.TicksPerMinute,
        "FromSeconds" => TimeSpan.TicksPerSecond,
        "FromMilliseconds" => TimeSpan.TicksPerMillisecond,
        "FromTicks" => 1,
        _ => null,
    };

    // Every TimeSpan factory and constructor names its parameters by unit; the double overloads call theirs "value".
    private static double? UnitOfParameter(string name, double factoryUnit) => name switch
    {
        "value" => factoryUnit,
        "ticks" => 1,
        "days" => TimeSpan.TicksPerDay,
        "hours" => TimeSpan.TicksPerHour,
        "minutes" => TimeSpan.TicksPerMinute,
        "seconds" => TimeSpan.TicksPerSecond,
        "milliseconds" => TimeSpan.TicksPerMillisecond,
        "microseconds" => 10,
        _ => null,
    };

    private static bool TrySumTicks(IEnumerable<IArgumentOperation> arguments, double factoryUnit, out double ticks)
    {
        ticks = 0;
        bool any = false;
        foreach (IArgumentOperation argument in arguments)
        {
            if (argument.Parameter is not { } parameter
                || UnitOfParameter(parameter.Name, factoryUnit) is not { } unit
                || unit == 0
                || !TryGetDouble(argument.Value, out double amount))
            {
                return false;
            }

            ticks += amount * unit;
            any = true;
        }

        return any;
    }
}
