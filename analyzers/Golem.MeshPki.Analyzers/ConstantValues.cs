using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using Golem.MeshPki.Lifetimes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Golem.MeshPki.Analyzers;

/// <summary>
/// Evaluates the values the analyzers can know at compile time. Anything else is unknown, and unknown values are
/// never reported (no false positives).
/// </summary>
/// <remarks>
/// <para>
/// Known (issue 5's value forms): numeric constants and const fields; <c>TimeSpan.FromDays/FromHours/FromMinutes/
/// FromSeconds/FromMilliseconds/FromTicks</c> with known arguments (the double overloads and the .NET 9+ integer
/// overloads with their optional parts); <c>new TimeSpan(...)</c> with known arguments; <c>TimeSpan.Zero</c>;
/// <c>TimeSpan.Parse</c> of a known string in the invariant <c>c</c> format (<c>d.hh:mm:ss.fffffff</c>; anything else
/// is unknown); Go duration strings: a known string read by <see cref="TryGetGoDuration"/> (for string-typed settings
/// such as <c>SECRET_TTL</c>), and <c>GoDuration.Parse(known string).ToTimeSpan()</c> and
/// <c>GoDuration.FromTimeSpan(known).ToTimeSpan()</c> of the library's <c>Golem.MeshPki.Lifetimes.GoDuration</c>
/// (matched by name: the analyzers never load the library), read by the library's own parser,
/// <see cref="GoDurationSyntax"/>; <c>+</c>, <c>-</c>, <c>*</c>, <c>/</c> on known numbers (integer division
/// truncates) and on TimeSpans (<c>TimeSpan ± TimeSpan</c>, <c>TimeSpan * double</c>, <c>double * TimeSpan</c>,
/// <c>TimeSpan / double</c>, <c>TimeSpan / TimeSpan</c>), lifted to nullable operands too when every operand is known
/// (a null operand makes the result null, which is not a value: unknown); conversions that are not user-defined,
/// <c>(TimeSpan?)</c> and <c>(TimeSpan)</c> casts among them; <c>default(TimeSpan)</c> (zero), and <c>default</c> of a
/// nullable setting (null, as <see langword="null"/>).
/// </para>
/// <para>
/// Exactly the value the code has at run time: TimeSpans in whole ticks (a long), each operation as the runtime's
/// TimeSpan computes it (the double factories truncate, <c>*</c> and <c>/</c> round to even, overflow throws); integers in
/// their C# types, exactly; floating point in double, float operations rounded to float. An integer result or conversion
/// beyond its type's range (which wraps, unchecked, or throws, checked) and anything the runtime throws on is unknown.
/// </para>
/// <para>
/// Static readonly fields whose initializer is known, in any file of the compilation (see
/// <see cref="TryGetReadOnlyInitializer"/>): not in a type with a written static constructor (it could assign the
/// field again), not in a partial type declared in more than one file, not <c>[ThreadStatic]</c>, not from metadata
/// (no initializer to read), and not read before its initializer has run (C# static field initialization order,
/// see <see cref="IsInitializedBeforeRead"/>). Chains of fields are followed; depth and cycles are bounded.
/// Not detected: a read during the type's own static initialization through a call or an instance creation
/// (a static initializer calling a method that reads a field declared further down); the evaluator does not follow
/// calls.
/// </para>
/// </remarks>
internal static class ConstantValues
{
    // Bounds every walk: nested arithmetic, chains of static readonly fields, and their cycles (which the compiler allows).
    private const int MaxDepth = 8;

    // Every rule asks about the same written values, and the analyzer driver hands every analyzer the same IOperation
    // instances, so the results are kept per operation: each value is evaluated once per compilation, not once per rule
    // (issue 5's build-cost target). The keys are weak: the entries go with the compilation's operation trees.
    private static readonly ConditionalWeakTable<IOperation, Known<double>> Doubles = new();
    private static readonly ConditionalWeakTable<IOperation, Known<long>> TimeSpanTicks = new();
    private static readonly ConditionalWeakTable<IOperation, Known<long>> GoDurationTicks = new();

    public static bool TryGetDouble(IOperation operation, out double value)
    {
        Known<double> known = Doubles.GetValue(
            operation,
            o => TryNumber(o, Walk.From(o), out Number number) ? new Known<double>(number.Value) : Known<double>.Unknown);
        value = known.Value;
        return known.IsKnown;
    }

    /// <summary>
    /// Whether the operation is the constant <see langword="null"/> (e.g. an optional <c>TimeSpan?</c> left null), or
    /// the default value of a nullable or reference type (<c>default(TimeSpan?)</c>, <c>default</c> for an <c>int?</c>
    /// setting), which is null too.
    /// </summary>
    public static bool IsNull(IOperation operation)
    {
        if (operation.ConstantValue is { HasValue: true, Value: null })
        {
            return true;
        }

        IOperation inner = Unwrap(operation);
        return inner.ConstantValue is { HasValue: true, Value: null }
            || (inner is IDefaultValueOperation { Type: { } type } && (type.IsReferenceType || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T));
    }

    /// <summary>
    /// Whether the value cannot be <see langword="null"/>: a non-nullable value converted to a nullable setting, a
    /// constant, or a known value (e.g. a <c>TimeSpan?</c> static readonly field with a known initializer).
    /// </summary>
    public static bool IsDefinitelyNotNull(IOperation operation)
    {
        if (IsNull(operation))
        {
            return false;
        }

        if (operation.ConstantValue.HasValue || TryGetTimeSpan(operation, out _) || TryGetDouble(operation, out _))
        {
            return true;
        }

        IOperation inner = Unwrap(operation);
        return inner.Type is { IsValueType: true } type && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T;
    }

    public static bool TryGetTimeSpan(IOperation operation, out TimeSpan value)
    {
        Known<long> known = TimeSpanTicks.GetValue(
            operation,
            o => TryTicks(o, Walk.From(o), out long ticks) ? new Known<long>(ticks) : Known<long>.Unknown);
        value = TimeSpan.FromTicks(known.Value);
        return known.IsKnown;
    }

    /// <summary>
    /// A known string that Go's <c>time.ParseDuration</c> reads, as the TimeSpan <c>GoDuration.ToTimeSpan</c> would
    /// return (truncated toward zero to 100 ns ticks; negative durations stay negative): for string-typed settings
    /// that hold Go durations, such as istio-agent's <c>SECRET_TTL</c> ("2160h"). Known strings are string constants
    /// (literals, const fields, through conversions) and static readonly string fields initialized with one. Anything
    /// else, including a string Go would reject, is unknown.
    /// </summary>
    internal static bool TryGetGoDuration(IOperation operation, out TimeSpan value)
    {
        Known<long> known = GoDurationTicks.GetValue(
            operation,
            o => TryString(o, Walk.From(o), out string text) && GoDurationSyntax.Read(text, out long nanoseconds) is null
                ? new Known<long>(GoDurationSyntax.ToTimeSpan(nanoseconds).Ticks)
                : Known<long>.Unknown);
        value = TimeSpan.FromTicks(known.Value);
        return known.IsKnown;
    }

    /// <summary>An evaluation's result, as kept in the per-operation caches.</summary>
    private sealed class Known<T>
    {
        public static readonly Known<T> Unknown = new();

        public Known(T value)
        {
            IsKnown = true;
            Value = value;
        }

        private Known()
        {
            Value = default!;
        }

        public bool IsKnown { get; }

        public T Value { get; }
    }

    /// <summary>
    /// Whether a type is <see cref="TimeSpan"/> (by name: the analyzers do not bind to a particular corlib). A type of that
    /// name declared in source is someone else's (it hides the real one, CS0436), not a value the evaluator knows.
    /// </summary>
    public static bool IsTimeSpan(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "TimeSpan", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true }, DeclaringSyntaxReferences.Length: 0 };

    /// <summary>
    /// Whether a type is the library's <c>Golem.MeshPki.Lifetimes.GoDuration</c> (by name: the analyzers do not load the
    /// library), from metadata: a <c>GoDuration</c> declared in source in that namespace hides the library's (CS0436)
    /// and may read strings its own way.
    /// </summary>
    private static bool IsGoDuration(ITypeSymbol? type) =>
        type is INamedTypeSymbol
        {
            Name: "GoDuration",
            ContainingNamespace:
            {
                Name: "Lifetimes",
                ContainingNamespace: { Name: "MeshPki", ContainingNamespace: { Name: "Golem", ContainingNamespace.IsGlobalNamespace: true } },
            },
            DeclaringSyntaxReferences.Length: 0,
        };

    /// <summary>
    /// A double count of ticks as the runtime's <c>TimeSpan.IntervalFromDoubleTicks</c> makes a TimeSpan of it: truncated
    /// toward zero; NaN and values beyond the long range throw (unknown here); exactly 2^63 is <c>TimeSpan.MaxValue</c>.
    /// </summary>
    private static bool TryIntervalFromDoubleTicks(double ticks, out long value)
    {
        value = 0;
        if (double.IsNaN(ticks) || ticks > long.MaxValue || ticks < long.MinValue)
        {
            return false;
        }

        value = ticks == long.MaxValue ? long.MaxValue : (long)ticks;
        return true;
    }

    // TimeSpan values are evaluated in exact ticks, each operation as the runtime computes it (dotnet/runtime
    // TimeSpan.cs), rounding, truncation and overflow included: a value the analyzers know is the value the code has
    // at run time. An operation that throws at run time (overflow, NaN) leaves the value unknown.
    private static bool TryTicks(IOperation operation, Walk walk, out long ticks)
    {
        ticks = 0;
        operation = Unwrap(operation);
        if (walk.IsTooDeep)
        {
            return false;
        }

        switch (operation)
        {
            case IInvocationOperation { TargetMethod: { IsStatic: true } method } invocation when IsTimeSpan(method.ContainingType):
                if (UnitOfFactory(method.Name) is { } unit)
                {
                    return TryTimeSpanFactory(invocation.Arguments, unit, walk, out ticks);
                }

                return method.Name == "Parse" && TryParseInvariant(invocation, walk, out ticks);
            case IInvocationOperation { TargetMethod: { IsStatic: false, Name: "ToTimeSpan", Parameters.Length: 0 } method, Instance: { } duration }
                when IsGoDuration(method.ContainingType):
                if (!TryGoDurationNanoseconds(duration, walk.Deeper(), out long nanoseconds))
                {
                    return false;
                }

                ticks = GoDurationSyntax.ToTimeSpan(nanoseconds).Ticks;
                return true;
            case IObjectCreationOperation creation when IsTimeSpan(creation.Type):
                return TryTimeSpanFactory(creation.Arguments, 0, walk, out ticks);
            case IFieldReferenceOperation { Field: { IsStatic: true, Name: "Zero" } field } when IsTimeSpan(field.ContainingType):
                ticks = 0;
                return true;
            case IDefaultValueOperation { Type: var type } when IsTimeSpan(type):
                // default(TimeSpan) is TimeSpan.Zero.
                ticks = 0;
                return true;
            case IFieldReferenceOperation reference when TryGetReadOnlyInitializer(reference, walk, out IOperation? initializer, out Walk inner):
                return TryTicks(initializer, inner, out ticks);
            case IBinaryOperation binary when IsTimeSpan(NonNullable(binary.Type)):
                // Lifted (TimeSpan?) operators too: with every operand known, none is null, and the lifted operator
                // returns what the underlying one does (C# spec, lifted operators).
                return TryTimeSpanArithmetic(binary, walk, out ticks);
            default:
                return false;
        }
    }

    private static bool TryTimeSpanArithmetic(IBinaryOperation binary, Walk walk, out long ticks)
    {
        ticks = 0;
        bool leftIsTimeSpan = IsTimeSpan(NonNullable(Unwrap(binary.LeftOperand).Type));
        bool rightIsTimeSpan = IsTimeSpan(NonNullable(Unwrap(binary.RightOperand).Type));
        long left, right;
        Number factor;
        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.Add or BinaryOperatorKind.Subtract when leftIsTimeSpan && rightIsTimeSpan:
                if (!TryTicks(binary.LeftOperand, walk.Deeper(), out left) || !TryTicks(binary.RightOperand, walk.Deeper(), out right))
                {
                    return false;
                }

                // TimeSpan.Add/Subtract throw OverflowException beyond the long range.
                return binary.OperatorKind == BinaryOperatorKind.Add ? TryAdd(left, right, out ticks) : TrySubtract(left, right, out ticks);
            case BinaryOperatorKind.Multiply when leftIsTimeSpan != rightIsTimeSpan:
                // TimeSpan.Multiply: IntervalFromDoubleTicks(Math.Round(ticks * factor)); a NaN factor throws.
                IOperation span = leftIsTimeSpan ? binary.LeftOperand : binary.RightOperand;
                IOperation multiplier = leftIsTimeSpan ? binary.RightOperand : binary.LeftOperand;
                return TryTicks(span, walk.Deeper(), out left)
                    && TryNumber(multiplier, walk.Deeper(), out factor)
                    && !double.IsNaN(factor.Value)
                    && TryIntervalFromDoubleTicks(Math.Round(left * factor.Value), out ticks);
            case BinaryOperatorKind.Divide when leftIsTimeSpan && !rightIsTimeSpan:
                // TimeSpan.Divide: IntervalFromDoubleTicks(Math.Round(ticks / divisor)); a NaN divisor throws, and so
                // does a division by zero (an infinite or NaN count of ticks).
                return TryTicks(binary.LeftOperand, walk.Deeper(), out left)
                    && TryNumber(binary.RightOperand, walk.Deeper(), out factor)
                    && !double.IsNaN(factor.Value)
                    && TryIntervalFromDoubleTicks(Math.Round(left / factor.Value), out ticks);
            default:
                return false;
        }
    }

    // Numbers are evaluated in their C# types: integers exactly, each operation's and conversion's result within its
    // type's range (beyond it the runtime wraps, unchecked, or throws, checked: unknown either way); floating point as
    // the runtime computes it (float arithmetic in float). A decimal that is not a constant is unknown.
    private static bool TryNumber(IOperation operation, Walk walk, out Number value)
    {
        if (TryConstantNumber(operation.ConstantValue, out value))
        {
            return true;
        }

        if (walk.IsTooDeep)
        {
            return false;
        }

        switch (operation)
        {
            case IParenthesizedOperation parenthesized:
                return TryNumber(parenthesized.Operand, walk, out value);
            case IConversionOperation { Conversion: { IsUserDefined: false } conversion } converted
                when conversion.IsIdentity || conversion.IsNumeric || conversion.IsNullable:
                return TryNumber(converted.Operand, walk, out Number operand)
                    && TryConvert(operand, NonNullable(converted.Operand.Type), NonNullable(converted.Type), out value);
            case IFieldReferenceOperation reference when TryGetReadOnlyInitializer(reference, walk, out IOperation? initializer, out Walk inner):
                return TryNumber(initializer, inner, out value);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } binary
                when IsTimeSpan(NonNullable(Unwrap(binary.LeftOperand).Type)) && IsTimeSpan(NonNullable(Unwrap(binary.RightOperand).Type)):
                if (!TryTicks(binary.LeftOperand, walk.Deeper(), out long dividend) || !TryTicks(binary.RightOperand, walk.Deeper(), out long divisor) || divisor == 0)
                {
                    return false;
                }

                // TimeSpan.Divide(TimeSpan): dividend.Ticks / (double)divisor.Ticks.
                value = Number.Real(dividend / (double)divisor);
                return true;
            case IBinaryOperation { OperatorMethod: null } binary when IsNumeric(binary.Type):
                return TryNumber(binary.LeftOperand, walk.Deeper(), out Number left)
                    && TryNumber(binary.RightOperand, walk.Deeper(), out Number right)
                    && TryArithmetic(binary.OperatorKind, left, right, NonNullable(binary.Type), out value);
            default:
                return false;
        }
    }

    private static bool TryArithmetic(BinaryOperatorKind kind, Number left, Number right, ITypeSymbol? type, out Number value)
    {
        value = default;
        if (type?.SpecialType is SpecialType.System_Double or SpecialType.System_Single)
        {
            double a = left.Value, b = right.Value, result;
            switch (kind)
            {
                case BinaryOperatorKind.Add: result = a + b; break;
                case BinaryOperatorKind.Subtract: result = a - b; break;
                case BinaryOperatorKind.Multiply: result = a * b; break;
                case BinaryOperatorKind.Divide when b != 0: result = a / b; break;
                default: return false;
            }

            // A float operation rounds to float (the exact double result of two floats rounds to the same float).
            value = Number.Real(type.SpecialType == SpecialType.System_Single ? (float)result : result);
            return true;
        }

        if (type is null || !IsIntegral(type) || !left.IsIntegral || !right.IsIntegral)
        {
            return false;
        }

        long x = left.Integer, y = right.Integer, integer;
        try
        {
            switch (kind)
            {
                case BinaryOperatorKind.Add: integer = checked(x + y); break;
                case BinaryOperatorKind.Subtract: integer = checked(x - y); break;
                case BinaryOperatorKind.Multiply: integer = checked(x * y); break;
                case BinaryOperatorKind.Divide when y != 0: integer = checked(x / y); break;
                default: return false;
            }
        }
        catch (OverflowException)
        {
            return false;
        }

        return TryIntegral(integer, type, out value);
    }

    /// <summary>A numeric conversion (implicit or explicit, nullable or not) as the runtime makes it, when it neither wraps nor throws.</summary>
    private static bool TryConvert(Number operand, ITypeSymbol? from, ITypeSymbol? to, out Number value)
    {
        value = default;
        if (from?.SpecialType == SpecialType.System_Decimal && to?.SpecialType != SpecialType.System_Decimal)
        {
            // Not a constant (those are folded by the compiler): its double approximation could truncate differently.
            return false;
        }

        switch (to?.SpecialType)
        {
            case SpecialType.System_Double:
                value = Number.Real(operand.Value);
                return true;
            case SpecialType.System_Single:
                value = Number.Real(operand.IsIntegral ? (float)operand.Integer : (float)operand.Value);
                return true;
            case not null when IsIntegral(to):
                if (operand.IsIntegral)
                {
                    return TryIntegral(operand.Integer, to, out value);
                }

                // Floating point to integer truncates toward zero; NaN, infinities and values beyond the target's range
                // give an unspecified value (unchecked) or throw (checked).
                double truncated = Math.Truncate(operand.Value);
                return !double.IsNaN(truncated) && truncated >= long.MinValue && truncated < long.MaxValue
                    && TryIntegral((long)truncated, to, out value);
            default:
                return false;
        }
    }

    /// <summary>An integer as a value of an integral type, when it is in that type's range.</summary>
    private static bool TryIntegral(long integer, ITypeSymbol type, out Number value)
    {
        value = Number.Integral(integer);
        return type.SpecialType switch
        {
            SpecialType.System_SByte => integer is >= sbyte.MinValue and <= sbyte.MaxValue,
            SpecialType.System_Byte => integer is >= byte.MinValue and <= byte.MaxValue,
            SpecialType.System_Int16 => integer is >= short.MinValue and <= short.MaxValue,
            SpecialType.System_UInt16 => integer is >= ushort.MinValue and <= ushort.MaxValue,
            SpecialType.System_Int32 => integer is >= int.MinValue and <= int.MaxValue,
            SpecialType.System_UInt32 => integer is >= uint.MinValue and <= uint.MaxValue,
            SpecialType.System_Int64 => true,
            SpecialType.System_UInt64 => integer >= 0,
            _ => false,
        };
    }

    private static bool TryConstantNumber(Optional<object?> constant, out Number value)
    {
        value = default;
        if (!constant.HasValue || constant.Value is null)
        {
            return false;
        }

        switch (constant.Value)
        {
            case double d: value = Number.Real(d); return true;
            case float f: value = Number.Real(f); return true;
            case decimal m: value = Number.Real((double)m); return true;
            case ulong u when u > long.MaxValue: return false;
            case int or long or short or sbyte or byte or ushort or uint or ulong:
                value = Number.Integral(Convert.ToInt64(constant.Value, CultureInfo.InvariantCulture));
                return true;
            default: return false;
        }
    }

    private static bool TryAdd(long left, long right, out long sum)
    {
        sum = unchecked(left + right);
        return !((left >= 0) == (right >= 0) && (sum >= 0) != (left >= 0));
    }

    private static bool TrySubtract(long left, long right, out long difference)
    {
        difference = unchecked(left - right);
        return !((left >= 0) != (right >= 0) && (difference >= 0) != (left >= 0));
    }

    /// <summary>A string constant (through conversions), or a static readonly field initialized with a known string.</summary>
    private static bool TryString(IOperation operation, Walk walk, out string text)
    {
        text = string.Empty;
        operation = Unwrap(operation);
        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            text = constant;
            return true;
        }

        return !walk.IsTooDeep
            && operation is IFieldReferenceOperation reference
            && TryGetReadOnlyInitializer(reference, walk, out IOperation? initializer, out Walk inner)
            && TryString(initializer, inner, out text);
    }

    /// <summary>A known <c>GoDuration</c> value: <c>GoDuration.Parse</c> or <c>FromTimeSpan</c> of a known value, or a static readonly field of them.</summary>
    private static bool TryGoDurationNanoseconds(IOperation operation, Walk walk, out long nanoseconds)
    {
        nanoseconds = 0;
        operation = Unwrap(operation);
        if (walk.IsTooDeep)
        {
            return false;
        }

        switch (operation)
        {
            case IInvocationOperation { TargetMethod: { IsStatic: true, Name: "Parse", Parameters.Length: 1 } method } parse
                when IsGoDuration(method.ContainingType) && method.Parameters[0].Type.SpecialType == SpecialType.System_String:
                // GoDuration.Parse throws FormatException on what Go rejects: a run-time failure, not a lifetime.
                return TryString(parse.Arguments[0].Value, walk.Deeper(), out string text) && GoDurationSyntax.Read(text, out nanoseconds) is null;
            case IInvocationOperation { TargetMethod: { IsStatic: true, Name: "FromTimeSpan", Parameters.Length: 1 } method } fromTimeSpan
                when IsGoDuration(method.ContainingType):
                // Exact (a tick is 100 ns); throws ArgumentOutOfRangeException beyond Go's int64 nanoseconds: unknown.
                if (!TryTicks(fromTimeSpan.Arguments[0].Value, walk.Deeper(), out long ticks) || ticks is > long.MaxValue / 100 or < long.MinValue / 100)
                {
                    return false;
                }

                nanoseconds = ticks * 100;
                return true;
            case IFieldReferenceOperation reference when TryGetReadOnlyInitializer(reference, walk, out IOperation? initializer, out Walk inner):
                return TryGoDurationNanoseconds(initializer, inner, out nanoseconds);
            default:
                return false;
        }
    }

    private static bool IsNumeric(ITypeSymbol? type) => NonNullable(type)?.SpecialType switch
    {
        SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal => true,
        _ => IsIntegral(type),
    };

    private static bool IsIntegral(ITypeSymbol? type) =>
        NonNullable(type)?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_SByte
            or SpecialType.System_Byte or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64;

    /// <summary>The underlying type of a <c>Nullable&lt;T&gt;</c>, or the type itself.</summary>
    private static ITypeSymbol? NonNullable(ITypeSymbol? type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    /// <summary>
    /// The initializer of a static readonly field when it is the value every read sees: the field is declared in
    /// source in this compilation (a field from metadata has no initializer to read); its type has no static
    /// constructor written in source (which could assign the field again) and is not a partial type declared in
    /// several files (the order in which the parts' initializers run is unspecified); it is not <c>[ThreadStatic]</c>
    /// (other threads see the default); and the read does not happen before the initializer has run
    /// (<see cref="IsInitializedBeforeRead"/>). <paramref name="inner"/> is the walk for evaluating the initializer:
    /// one level deeper, inside that type's static initialization.
    /// </summary>
    private static bool TryGetReadOnlyInitializer(IFieldReferenceOperation reference, Walk walk, out IOperation initializer, out Walk inner)
    {
        initializer = null!;
        inner = default;
        IFieldSymbol field = reference.Field;
        if (!field.IsStatic || !field.IsReadOnly || field.IsConst
            || field.DeclaringSyntaxReferences.Length != 1
            || field.ContainingType.StaticConstructors.Any(c => c.DeclaringSyntaxReferences.Length > 0)
            || IsDeclaredInSeveralFiles(field.ContainingType)
            || field.GetAttributes().Any(a => a.AttributeClass is { Name: "ThreadStaticAttribute" })
            || reference.SemanticModel is not { } useModel
            || field.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer: { } equalsValue } declarator
            || !IsInitializedBeforeRead(field, declarator, walk.Initializing)
            || SemanticModelFor(useModel, declarator.SyntaxTree) is not { } model
            || model.GetOperation(equalsValue) is not IFieldInitializerOperation { Value: { } value })
        {
            return false;
        }

        initializer = value;
        inner = walk.IntoInitializerOf(field.ContainingType, declarator);
        return true;
    }

    /// <summary>
    /// The semantic model for a tree of the compilation the use is in: the use's own for its tree, otherwise
    /// <c>Compilation.GetSemanticModel</c>.
    /// </summary>
    /// <remarks>
    /// Why <c>Compilation.GetSemanticModel</c> is right here although RS1030 warns against it in analyzers: RS1030's
    /// concern is a new semantic model per call, which rebinds the file. Under the analyzer driver, the compilation an
    /// analyzer sees (here the use's <c>SemanticModel.Compilation</c>) carries Roslyn's <c>CachingSemanticModelProvider</c>
    /// (dotnet/roslyn#46508, Roslyn 3.8, both the command-line driver and the IDE's <c>CompilationWithAnalyzers</c>), so
    /// <c>GetSemanticModel</c> returns the one model the driver shares for that tree, and <c>GetOperation</c> on a field
    /// initializer binds only that initializer. RS1030 itself only inspects methods of <c>DiagnosticAnalyzer</c> types,
    /// so it does not see this helper; this comment is the justification a suppression would carry. A
    /// compilation-end action is no alternative: the analyzers must report live, per document.
    /// </remarks>
    private static SemanticModel? SemanticModelFor(SemanticModel useModel, SyntaxTree tree)
    {
        if (useModel.SyntaxTree == tree)
        {
            return useModel;
        }

        return useModel.Compilation.ContainsSyntaxTree(tree) ? useModel.Compilation.GetSemanticModel(tree) : null;
    }

    private static bool IsDeclaredInSeveralFiles(INamedTypeSymbol type)
    {
        SyntaxTree? first = null;
        foreach (SyntaxReference part in type.DeclaringSyntaxReferences)
        {
            first ??= part.SyntaxTree;
            if (part.SyntaxTree != first)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a static field has its initialized value when read from code that runs inside
    /// <paramref name="initializing"/> (<see langword="null"/>: code that runs after static initialization).
    /// </summary>
    /// <remarks>
    /// C# spec, "Static field initialization": a type's static field initializers run in textual order (within one
    /// part of a partial type; the parts' order is unspecified), and a field read before its initializer has run holds
    /// its default value. So inside the initializer of a field of T, a field of T is known only when declared earlier in
    /// the same part (<c>A = B; B = TimeSpan.FromDays(100);</c> leaves A zero). A field of a type whose initialization
    /// is already under way further out (T's initializer reads U's field, whose initializer reads T's) is unknown
    /// whatever the order: the runtime may run a <c>beforefieldinit</c> type's initializer earlier than the read.
    /// </remarks>
    private static bool IsInitializedBeforeRead(IFieldSymbol field, VariableDeclaratorSyntax declarator, StaticInitializer? initializing)
    {
        if (initializing is null)
        {
            return true;
        }

        INamedTypeSymbol type = field.ContainingType.OriginalDefinition;
        if (SymbolEqualityComparer.Default.Equals(initializing.Type, type))
        {
            SyntaxNode running = initializing.Declaration;
            return declarator.SyntaxTree == running.SyntaxTree
                && declarator.FirstAncestorOrSelf<TypeDeclarationSyntax>()?.Span == running.FirstAncestorOrSelf<TypeDeclarationSyntax>()?.Span
                && declarator.SpanStart < running.SpanStart;
        }

        for (StaticInitializer? outer = initializing.Outer; outer is not null; outer = outer.Outer)
        {
            if (SymbolEqualityComparer.Default.Equals(outer.Type, type))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryParseInvariant(IInvocationOperation invocation, Walk walk, out long ticks)
    {
        // TimeSpan.Parse(string) and Parse(string, IFormatProvider): the "c" format reads the same in every culture.
        ticks = 0;
        if (invocation.Arguments.Length is < 1 or > 2
            || !TryString(invocation.Arguments[0].Value, walk.Deeper(), out string text)
            || !TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out TimeSpan parsed))
        {
            return false;
        }

        ticks = parsed.Ticks;
        return true;
    }

    private static IOperation Unwrap(IOperation operation)
    {
        // TimeSpan to TimeSpan? (an optional constructor parameter, a (TimeSpan?) cast), TimeSpan? to TimeSpan (a
        // (TimeSpan) cast: its operand must be known, so not null), and parentheses.
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

    private static long? UnitOfFactory(string name) => name switch
    {
        "FromDays" => TimeSpan.TicksPerDay,
        "FromHours" => TimeSpan.TicksPerHour,
        "FromMinutes" => TimeSpan.TicksPerMinute,
        "FromSeconds" => TimeSpan.TicksPerSecond,
        "FromMilliseconds" => TimeSpan.TicksPerMillisecond,
        "FromTicks" => 1,
        _ => null,
    };

    // Every TimeSpan factory and constructor names its parameters by unit; the double overloads and FromTicks call theirs "value".
    private static long? UnitOfParameter(string name, long factoryUnit) => name switch
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

    /// <summary>
    /// A TimeSpan factory (<c>TimeSpan.FromDays</c>...) or constructor, as the runtime computes it. The double overloads
    /// (<c>FromHours(double value)</c>): <c>value * scale</c> in double, truncated to ticks (NaN and overflow throw). The
    /// integer ones are exact, and throw out of range: one unit (<c>FromHours(int)</c>, <c>FromTicks</c>,
    /// <c>new TimeSpan(long)</c>) within the long range of ticks; several parts (<c>FromDays(int, int, long...)</c>,
    /// <c>new TimeSpan(d, h, m, s, ms)</c>) within ±(long.MaxValue / 10) microseconds in all.
    /// </summary>
    private static bool TryTimeSpanFactory(ImmutableArray<IArgumentOperation> arguments, long factoryUnit, Walk walk, out long ticks)
    {
        ticks = 0;
        if (arguments.Length == 0)
        {
            return false;
        }

        if (arguments.Length == 1 && arguments[0].Parameter is { Type.SpecialType: SpecialType.System_Double, Name: "value" })
        {
            return TryNumber(arguments[0].Value, walk.Deeper(), out Number amount)
                && !double.IsNaN(amount.Value)
                && TryIntervalFromDoubleTicks(amount.Value * factoryUnit, out ticks);
        }

        decimal total = 0;
        foreach (IArgumentOperation argument in arguments)
        {
            if (argument.Parameter is not { } parameter
                || !IsIntegral(parameter.Type)
                || UnitOfParameter(parameter.Name, factoryUnit) is not { } unit
                || unit == 0
                || !TryNumber(argument.Value, walk.Deeper(), out Number amount)
                || !amount.IsIntegral)
            {
                return false;
            }

            // Exact: a long times at most 864,000,000,000, six times, stays far below decimal's 7.9e28.
            total += (decimal)amount.Integer * unit;
        }

        decimal limit = arguments.Length == 1 ? long.MaxValue : long.MaxValue / 10 * 10;
        if (total > limit || total < (arguments.Length == 1 ? long.MinValue : -limit))
        {
            return false;
        }

        ticks = (long)total;
        return true;
    }

    /// <summary>A known number: an integer of an integral C# type, exactly, or the double value of a floating-point one.</summary>
    private readonly struct Number
    {
        private readonly double real;

        private Number(bool isIntegral, long integer, double real)
        {
            IsIntegral = isIntegral;
            Integer = integer;
            this.real = real;
        }

        public bool IsIntegral { get; }

        public long Integer { get; }

        /// <summary>The value as a double (an integer converted as C# converts it).</summary>
        public double Value => IsIntegral ? Integer : real;

        public static Number Integral(long value) => new(true, value, 0);

        public static Number Real(double value) => new(false, 0, value);
    }

    /// <summary>
    /// How far an evaluation has gone: its depth, and the static initializer the evaluated code runs in (if any).
    /// </summary>
    private readonly struct Walk
    {
        private Walk(int depth, StaticInitializer? initializing)
        {
            Depth = depth;
            Initializing = initializing;
        }

        public int Depth { get; }

        /// <summary>The innermost static initializer the evaluated code runs in; <see langword="null"/> for code that runs after static initialization.</summary>
        public StaticInitializer? Initializing { get; }

        public bool IsTooDeep => Depth > MaxDepth;

        /// <summary>
        /// The walk for a value used at <paramref name="use"/>: inside a static field or property initializer, the use
        /// runs during its type's static initialization (a lambda there too, conservatively: it may be called at once).
        /// </summary>
        public static Walk From(IOperation use)
        {
            IOperation root = use;
            while (root.Parent is { } parent)
            {
                root = parent;
            }

            ISymbol? initialized = root switch
            {
                IFieldInitializerOperation { InitializedFields.Length: > 0 } field => field.InitializedFields[0],
                IPropertyInitializerOperation { InitializedProperties.Length: > 0 } property => property.InitializedProperties[0],
                _ => null,
            };
            return initialized is { IsStatic: true }
                ? new Walk(0, new StaticInitializer(initialized.ContainingType, root.Syntax, null))
                : new Walk(0, null);
        }

        public Walk Deeper() => new(Depth + 1, Initializing);

        public Walk IntoInitializerOf(INamedTypeSymbol type, SyntaxNode declaration) =>
            new(Depth + 1, new StaticInitializer(type, declaration, Initializing));
    }

    /// <summary>A static field or property initializer that is running, and the one it runs inside (another type's).</summary>
    private sealed class StaticInitializer
    {
        public StaticInitializer(INamedTypeSymbol type, SyntaxNode declaration, StaticInitializer? outer)
        {
            Type = type.OriginalDefinition;
            Declaration = declaration;
            Outer = outer;
        }

        public INamedTypeSymbol Type { get; }

        /// <summary>Where the initializer is written: the fields declared before it in the same part are initialized.</summary>
        public SyntaxNode Declaration { get; }

        public StaticInitializer? Outer { get; }
    }
}
