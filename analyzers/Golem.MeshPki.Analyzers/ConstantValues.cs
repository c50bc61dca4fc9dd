using System.Globalization;
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
/// <c>(TimeSpan?)</c> and <c>(TimeSpan)</c> casts among them.
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

    public static bool TryGetDouble(IOperation operation, out double value) => TryNumber(operation, Walk.From(operation), out value);

    /// <summary>Whether the operation is the constant <see langword="null"/> (e.g. an optional <c>TimeSpan?</c> left null).</summary>
    public static bool IsNull(IOperation operation) =>
        operation.ConstantValue is { HasValue: true, Value: null } || Unwrap(operation).ConstantValue is { HasValue: true, Value: null };

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
        value = default;
        return TryTicks(operation, Walk.From(operation), out double ticks) && TryTimeSpan(ticks, out value);
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
        value = default;
        if (!TryString(operation, Walk.From(operation), out string text) || GoDurationSyntax.Read(text, out long nanoseconds) is not null)
        {
            return false;
        }

        value = GoDurationSyntax.ToTimeSpan(nanoseconds);
        return true;
    }

    /// <summary>Whether a type is <see cref="TimeSpan"/> (by name: the analyzers do not bind to a particular corlib).</summary>
    public static bool IsTimeSpan(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "TimeSpan", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    /// <summary>Whether a type is the library's <c>Golem.MeshPki.Lifetimes.GoDuration</c> (by name: the analyzers do not load the library).</summary>
    private static bool IsGoDuration(ITypeSymbol? type) =>
        type is INamedTypeSymbol
        {
            Name: "GoDuration",
            ContainingNamespace:
            {
                Name: "Lifetimes",
                ContainingNamespace: { Name: "MeshPki", ContainingNamespace: { Name: "Golem", ContainingNamespace.IsGlobalNamespace: true } },
            },
        };

    /// <summary>A count of ticks as a TimeSpan, unless the runtime would throw on it (NaN, out of range).</summary>
    private static bool TryTimeSpan(double ticks, out TimeSpan value)
    {
        // The runtime throws on NaN and out-of-range values: such code is not a TTL, leave it to the runtime.
        value = default;
        ticks = Math.Round(ticks);
        if (double.IsNaN(ticks) || ticks >= TimeSpan.MaxValue.Ticks || ticks <= TimeSpan.MinValue.Ticks)
        {
            return false;
        }

        value = TimeSpan.FromTicks((long)ticks);
        return true;
    }

    private static bool TryTicks(IOperation operation, Walk walk, out double ticks)
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
                    return TrySumTicks(invocation.Arguments, unit, walk, out ticks);
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
                return TrySumTicks(creation.Arguments, 0, walk, out ticks);
            case IFieldReferenceOperation { Field: { IsStatic: true, Name: "Zero" } field } when IsTimeSpan(field.ContainingType):
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

    private static bool TryTimeSpanArithmetic(IBinaryOperation binary, Walk walk, out double ticks)
    {
        ticks = 0;
        bool leftIsTimeSpan = IsTimeSpan(NonNullable(Unwrap(binary.LeftOperand).Type));
        bool rightIsTimeSpan = IsTimeSpan(NonNullable(Unwrap(binary.RightOperand).Type));
        double left, right;
        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.Add or BinaryOperatorKind.Subtract when leftIsTimeSpan && rightIsTimeSpan:
                if (!TryTicks(binary.LeftOperand, walk.Deeper(), out left) || !TryTicks(binary.RightOperand, walk.Deeper(), out right))
                {
                    return false;
                }

                ticks = binary.OperatorKind == BinaryOperatorKind.Add ? left + right : left - right;
                return true;
            case BinaryOperatorKind.Multiply when leftIsTimeSpan != rightIsTimeSpan:
                IOperation span = leftIsTimeSpan ? binary.LeftOperand : binary.RightOperand;
                IOperation factor = leftIsTimeSpan ? binary.RightOperand : binary.LeftOperand;
                if (!TryTicks(span, walk.Deeper(), out left) || !TryNumber(factor, walk.Deeper(), out right))
                {
                    return false;
                }

                ticks = left * right;
                return true;
            case BinaryOperatorKind.Divide when leftIsTimeSpan && !rightIsTimeSpan:
                if (!TryTicks(binary.LeftOperand, walk.Deeper(), out left) || !TryNumber(binary.RightOperand, walk.Deeper(), out right) || right == 0)
                {
                    return false;
                }

                ticks = left / right;
                return true;
            default:
                return false;
        }
    }

    private static bool TryNumber(IOperation operation, Walk walk, out double value)
    {
        value = 0;
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
                if (!TryNumber(converted.Operand, walk, out value))
                {
                    return false;
                }

                if (IsIntegral(converted.Type))
                {
                    value = Math.Truncate(value);
                }

                return true;
            case IFieldReferenceOperation reference when TryGetReadOnlyInitializer(reference, walk, out IOperation? initializer, out Walk inner):
                return TryNumber(initializer, inner, out value);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } binary
                when IsTimeSpan(NonNullable(Unwrap(binary.LeftOperand).Type)) && IsTimeSpan(NonNullable(Unwrap(binary.RightOperand).Type)):
                if (!TryTicks(binary.LeftOperand, walk.Deeper(), out double dividend) || !TryTicks(binary.RightOperand, walk.Deeper(), out double divisor) || divisor == 0)
                {
                    return false;
                }

                value = dividend / divisor;
                return true;
            case IBinaryOperation { OperatorMethod: null } binary when IsNumeric(binary.Type):
                if (!TryNumber(binary.LeftOperand, walk.Deeper(), out double left) || !TryNumber(binary.RightOperand, walk.Deeper(), out double right))
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
                if (!TryTicks(fromTimeSpan.Arguments[0].Value, walk.Deeper(), out double ticks)
                    || !TryTimeSpan(ticks, out TimeSpan span)
                    || span.Ticks is > long.MaxValue / 100 or < long.MinValue / 100)
                {
                    return false;
                }

                nanoseconds = span.Ticks * 100;
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

    private static bool TryParseInvariant(IInvocationOperation invocation, Walk walk, out double ticks)
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

    private static bool TrySumTicks(IEnumerable<IArgumentOperation> arguments, double factoryUnit, Walk walk, out double ticks)
    {
        ticks = 0;
        bool any = false;
        foreach (IArgumentOperation argument in arguments)
        {
            if (argument.Parameter is not { } parameter
                || UnitOfParameter(parameter.Name, factoryUnit) is not { } unit
                || unit == 0
                || !TryNumber(argument.Value, walk.Deeper(), out double amount))
            {
                return false;
            }

            ticks += amount * unit;
            any = true;
        }

        return any;
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
