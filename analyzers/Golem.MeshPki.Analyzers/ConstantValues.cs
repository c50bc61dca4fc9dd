using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Golem.MeshPki.Analyzers;

/// <summary>
/// Evaluates the values the analyzers can know at compile time. Anything else is unknown, and unknown values are
/// never reported (no false positives).
/// </summary>
/// <remarks>
/// Known: numeric constants and const fields; <c>TimeSpan.FromDays/FromHours/FromMinutes/FromSeconds/FromMilliseconds/
/// FromTicks</c> with known arguments (the double overloads and the .NET 9+ integer overloads with their optional
/// parts); <c>new TimeSpan(...)</c> with known arguments; <c>TimeSpan.Zero</c>; <c>TimeSpan.Parse</c> of a string
/// literal or const in the invariant <c>c</c> format (<c>d.hh:mm:ss.fffffff</c>; anything else is unknown); static
/// readonly fields whose initializer is known, declared in the same file and in a type without a written static
/// constructor (which could assign them again); <c>+</c>, <c>-</c>, <c>*</c>, <c>/</c> on known numbers (integer
/// division truncates) and on TimeSpans (<c>TimeSpan ± TimeSpan</c>, <c>TimeSpan * double</c>, <c>double * TimeSpan</c>,
/// <c>TimeSpan / double</c>, <c>TimeSpan / TimeSpan</c>). Not yet: Go duration strings, lifted (nullable) operators,
/// static readonly fields declared in another file.
/// </remarks>
internal static class ConstantValues
{
    // Bounds the walk through static readonly fields (and their cycles, which the compiler allows).
    private const int MaxDepth = 8;

    public static bool TryGetDouble(IOperation operation, out double value) => TryNumber(operation, 0, out value);

    /// <summary>Whether the operation is the constant <see langword="null"/> (e.g. an optional <c>TimeSpan?</c> left null).</summary>
    public static bool IsNull(IOperation operation) =>
        operation.ConstantValue is { HasValue: true, Value: null } || Unwrap(operation).ConstantValue is { HasValue: true, Value: null };

    /// <summary>
    /// Whether the value cannot be <see langword="null"/>: a non-nullable value converted to a nullable setting, or a
    /// known constant.
    /// </summary>
    public static bool IsDefinitelyNotNull(IOperation operation)
    {
        if (IsNull(operation))
        {
            return false;
        }

        if (operation.ConstantValue.HasValue)
        {
            return true;
        }

        IOperation inner = Unwrap(operation);
        return inner.Type is { IsValueType: true } type && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T;
    }

    public static bool TryGetTimeSpan(IOperation operation, out TimeSpan value)
    {
        value = default;
        if (!TryTicks(operation, 0, out double ticks))
        {
            return false;
        }

        // The runtime throws on NaN and out-of-range values: such code is not a TTL, leave it to the runtime.
        ticks = Math.Round(ticks);
        if (double.IsNaN(ticks) || ticks >= TimeSpan.MaxValue.Ticks || ticks <= TimeSpan.MinValue.Ticks)
        {
            return false;
        }

        value = TimeSpan.FromTicks((long)ticks);
        return true;
    }

    /// <summary>Whether a type is <see cref="TimeSpan"/> (by name: the analyzers do not bind to a particular corlib).</summary>
    public static bool IsTimeSpan(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "TimeSpan", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    private static bool TryTicks(IOperation operation, int depth, out double ticks)
    {
        ticks = 0;
        operation = Unwrap(operation);
        if (depth > MaxDepth)
        {
            return false;
        }

        switch (operation)
        {
            case IInvocationOperation { TargetMethod: { IsStatic: true } method } invocation when IsTimeSpan(method.ContainingType):
                if (UnitOfFactory(method.Name) is { } unit)
                {
                    return TrySumTicks(invocation.Arguments, unit, depth, out ticks);
                }

                return method.Name == "Parse" && TryParseLiteral(invocation, out ticks);
            case IObjectCreationOperation creation when IsTimeSpan(creation.Type):
                return TrySumTicks(creation.Arguments, 0, depth, out ticks);
            case IFieldReferenceOperation { Field: { IsStatic: true, Name: "Zero" } field } when IsTimeSpan(field.ContainingType):
                ticks = 0;
                return true;
            case IFieldReferenceOperation reference when TryGetReadOnlyInitializer(reference, out IOperation? initializer):
                return TryTicks(initializer, depth + 1, out ticks);
            case IBinaryOperation { IsLifted: false } binary when IsTimeSpan(binary.Type):
                return TryTimeSpanArithmetic(binary, depth, out ticks);
            default:
                return false;
        }
    }

    private static bool TryTimeSpanArithmetic(IBinaryOperation binary, int depth, out double ticks)
    {
        ticks = 0;
        bool leftIsTimeSpan = IsTimeSpan(Unwrap(binary.LeftOperand).Type);
        bool rightIsTimeSpan = IsTimeSpan(Unwrap(binary.RightOperand).Type);
        double left, right;
        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.Add or BinaryOperatorKind.Subtract when leftIsTimeSpan && rightIsTimeSpan:
                if (!TryTicks(binary.LeftOperand, depth + 1, out left) || !TryTicks(binary.RightOperand, depth + 1, out right))
                {
                    return false;
                }

                ticks = binary.OperatorKind == BinaryOperatorKind.Add ? left + right : left - right;
                return true;
            case BinaryOperatorKind.Multiply when leftIsTimeSpan != rightIsTimeSpan:
                IOperation span = leftIsTimeSpan ? binary.LeftOperand : binary.RightOperand;
                IOperation factor = leftIsTimeSpan ? binary.RightOperand : binary.LeftOperand;
                if (!TryTicks(span, depth + 1, out left) || !TryNumber(factor, depth + 1, out right))
                {
                    return false;
                }

                ticks = left * right;
                return true;
            case BinaryOperatorKind.Divide when leftIsTimeSpan && !rightIsTimeSpan:
                if (!TryTicks(binary.LeftOperand, depth + 1, out left) || !TryNumber(binary.RightOperand, depth + 1, out right) || right == 0)
                {
                    return false;
                }

                ticks = left / right;
                return true;
            default:
                return false;
        }
    }

    private static bool TryNumber(IOperation operation, int depth, out double value)
    {
        value = 0;
        if (TryConstantNumber(operation.ConstantValue, out value))
        {
            return true;
        }

        if (depth > MaxDepth)
        {
            return false;
        }

        switch (operation)
        {
            case IParenthesizedOperation parenthesized:
                return TryNumber(parenthesized.Operand, depth, out value);
            case IConversionOperation { Conversion: { IsUserDefined: false } conversion } converted
                when conversion.IsIdentity || conversion.IsNumeric || conversion.IsNullable:
                if (!TryNumber(converted.Operand, depth, out value))
                {
                    return false;
                }

                if (IsIntegral(converted.Type))
                {
                    value = Math.Truncate(value);
                }

                return true;
            case IFieldReferenceOperation reference when TryGetReadOnlyInitializer(reference, out IOperation? initializer):
                return TryNumber(initializer, depth + 1, out value);
            case IBinaryOperation { IsLifted: false, OperatorKind: BinaryOperatorKind.Divide } binary
                when IsTimeSpan(Unwrap(binary.LeftOperand).Type) && IsTimeSpan(Unwrap(binary.RightOperand).Type):
                if (!TryTicks(binary.LeftOperand, depth + 1, out double dividend) || !TryTicks(binary.RightOperand, depth + 1, out double divisor) || divisor == 0)
                {
                    return false;
                }

                value = dividend / divisor;
                return true;
            case IBinaryOperation { IsLifted: false, OperatorMethod: null } binary when IsNumeric(binary.Type):
                if (!TryNumber(binary.LeftOperand, depth + 1, out double left) || !TryNumber(binary.RightOperand, depth + 1, out double right))
                {
                    return false;
                }

                switch (binary.OperatorKind)
                {
                    case BinaryOperatorKind.Add: value = left + right; break;
                    case BinaryOperatorKind.Subtract: value = left - right; break;
                    case BinaryOperatorKind.Multiply: value = left * right; break;
                    case BinaryOperatorKind.Divide when right != 0: value = left / right; break;
                    default: return false;
                }

                if (IsIntegral(binary.Type))
                {
                    value = Math.Truncate(value);
                }

                return true;
            default:
                return false;
        }
    }

    private static bool TryConstantNumber(Optional<object?> constant, out double value)
    {
        value = 0;
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

    private static bool IsNumeric(ITypeSymbol? type) => type?.SpecialType switch
    {
        SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal => true,
        _ => IsIntegral(type),
    };

    private static bool IsIntegral(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_SByte
            or SpecialType.System_Byte or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64;
    }

    /// <summary>
    /// The initializer of a static readonly field, when it is the field's only value: declared in the same file as the
    /// use (the operation's semantic model binds it; another file would need a new semantic model, RS1030), and no
    /// static constructor written in source that could assign the field again.
    /// </summary>
    private static bool TryGetReadOnlyInitializer(IFieldReferenceOperation reference, out IOperation initializer)
    {
        initializer = null!;
        IFieldSymbol field = reference.Field;
        if (!field.IsStatic || !field.IsReadOnly || field.IsConst
            || field.DeclaringSyntaxReferences.Length != 1
            || field.ContainingType.StaticConstructors.Any(c => c.DeclaringSyntaxReferences.Length > 0)
            || reference.SemanticModel is not { } model)
        {
            return false;
        }

        SyntaxReference declaration = field.DeclaringSyntaxReferences[0];
        if (declaration.SyntaxTree != model.SyntaxTree
            || declaration.GetSyntax() is not VariableDeclaratorSyntax { Initializer: { } equalsValue }
            || model.GetOperation(equalsValue) is not IFieldInitializerOperation { Value: { } value })
        {
            return false;
        }

        initializer = value;
        return true;
    }

    private static bool TryParseLiteral(IInvocationOperation invocation, out double ticks)
    {
        // TimeSpan.Parse(string) and Parse(string, IFormatProvider): the "c" format reads the same in every culture.
        ticks = 0;
        if (invocation.Arguments.Length is < 1 or > 2
            || invocation.Arguments[0].Value.ConstantValue is not { HasValue: true, Value: string text }
            || !TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out TimeSpan parsed))
        {
            return false;
        }

        ticks = parsed.Ticks;
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

    private static bool TrySumTicks(IEnumerable<IArgumentOperation> arguments, double factoryUnit, int depth, out double ticks)
    {
        ticks = 0;
        bool any = false;
        foreach (IArgumentOperation argument in arguments)
        {
            if (argument.Parameter is not { } parameter
                || UnitOfParameter(parameter.Name, factoryUnit) is not { } unit
                || unit == 0
                || !TryNumber(argument.Value, depth + 1, out double amount))
            {
                return false;
            }

            ticks += amount * unit;
            any = true;
        }

        return any;
    }
}
