extern alias library;

using System.Globalization;
using System.Text;
using GoDuration = library::Golem.MeshPki.Lifetimes.GoDuration;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>A lifetime setting a generated value is written to, whatever API surface writes it.</summary>
internal enum GeneratedSetting
{
    Ttl,
    Ratio,
    Jitter,
    MaxTtl,
    Duration,
    RenewBefore,
    Percentage,
}

/// <summary>The C# type a generated value has where it is written.</summary>
internal enum GeneratedType
{
    TimeSpan,
    NullableTimeSpan,
    Double,
    NullableDouble,
    Int,
    NullableInt,

    /// <summary>A Go duration string (the factories' settings); null means the setting's default.</summary>
    GoDuration,
}

/// <summary>
/// One value written to a setting in a generated program: its expression, and whether the analyzers are expected to
/// know it (one of their documented value forms, made only of known parts). A value written with an unknown form
/// (a method result, a local, a parameter, a form the evaluator does not follow) must be skipped by the analyzers.
/// </summary>
internal sealed class GeneratedValue
{
    public GeneratedValue(int id, GeneratedSetting setting, GeneratedType type, string expression, bool known, bool standalone)
    {
        Id = id;
        Setting = setting;
        Type = type;
        Expression = expression;
        Known = known;
        Standalone = standalone;
    }

    /// <summary>The value's slot in the generated <c>U</c> class (its replacement in <c>CreateAlt</c>).</summary>
    public int Id { get; }

    public GeneratedSetting Setting { get; }

    public GeneratedType Type { get; }

    public string Expression { get; }

    public bool Known { get; }

    /// <summary>Whether the expression can be evaluated on its own (it reads no local or parameter).</summary>
    public bool Standalone { get; }

    /// <summary>Where the value is written in <c>Build</c> (set when the program is laid out in its file).</summary>
    public Microsoft.CodeAnalysis.Text.TextSpan Span { get; set; }

    public string TypeName => LifetimeProgramGenerator.TypeName(Type);

    /// <summary>Whether the expression's own type cannot hold null (an <c>int</c> written to an <c>int?</c> setting); set from the compilation.</summary>
    public bool NeverNull { get; set; }
}

/// <summary>An unknown value the generated code reads from the <c>U</c> class, drawn by the test before each run.</summary>
internal sealed record UnknownSlot(int Id, string Kind, GeneratedSetting? Setting);

/// <summary>
/// One generated method and what it writes: <c>Build</c> creates a lifetime object through one API surface;
/// <c>CreateAlt</c> is the same code with any value replaceable at run time by another (<c>U.Alt</c>).
/// </summary>
internal sealed class GeneratedProgram
{
    public GeneratedProgram(int index, string surface)
    {
        Index = index;
        Surface = surface;
    }

    public int Index { get; }

    public string ClassName => "S" + Index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The API surface and shape, for failure messages.</summary>
    public string Surface { get; }

    public List<GeneratedValue> Values { get; } = [];

    public List<UnknownSlot> Unknowns { get; } = [];

    /// <summary>Members of the program's class (constants, static readonly fields).</summary>
    public List<string> Fields { get; } = [];

    /// <summary>Members of the program's class in the second file (public static readonly fields).</summary>
    public List<string> OtherFileFields { get; } = [];

    /// <summary>Members of a second part of the program's class (a partial class split across the two files).</summary>
    public List<string> PartFields { get; } = [];

    /// <summary>Statements of a static constructor (which may assign the fields again).</summary>
    public List<string>? StaticConstructor { get; set; }

    /// <summary>Whether the class is partial, with a part in the second file.</summary>
    public bool Partial { get; set; }

    /// <summary>
    /// Whether the analyzers may read the initializers of the class's own static readonly fields: not with a static
    /// constructor (it may assign them again) nor in a partial class declared in two files.
    /// </summary>
    public bool OwnFieldsKnown => StaticConstructor is null && !Partial;

    private int names;

    /// <summary>A new member name.</summary>
    public string Name(string prefix) => prefix + (names++).ToString(CultureInfo.InvariantCulture);

    public List<(string Type, string Name, int Slot)> Parameters { get; } = [];

    public List<string> Locals { get; } = [];

    /// <summary>Build's body, with each value written as <c>⟦id⟧</c>.</summary>
    public string Body { get; set; } = string.Empty;

    /// <summary>
    /// Whether every value and every object is known: new objects and factory calls only, every value in a known
    /// form. Then the analyzers' diagnostics must be exactly what <c>Validate()</c> finds.
    /// </summary>
    public bool AllKnown { get; set; } = true;

    /// <summary>Where <c>Build</c> is in the first file.</summary>
    public Microsoft.CodeAnalysis.Text.TextSpan BuildSpan { get; set; }

    public string ClassText { get; set; } = string.Empty;

    public string OtherFileText { get; set; } = string.Empty;
}

/// <summary>
/// Generates C# programs that create the library's lifetime objects through every API surface with every value form
/// the analyzers read, with values around every threshold of the MPKI2xxx rules. Deterministic for a seed.
/// </summary>
internal sealed class LifetimeProgramGenerator
{
    public const long Tick = 1;
    public const long Second = TimeSpan.TicksPerSecond;
    public const long Minute = TimeSpan.TicksPerMinute;
    public const long Hour = TimeSpan.TicksPerHour;
    public const long Day = TimeSpan.TicksPerDay;

    /// <summary>The longest TimeSpan a Go duration holds: int64 nanoseconds, 100 per tick (about 292 years).</summary>
    public const long GoMaxTicks = long.MaxValue / 100;

    private const string Open = "\u27E6";
    private const string Close = "\u27E7";

    /// <summary>TimeSpans around the thresholds: 5m, 1h, 24h, 90 days, Go's 292 years, TimeSpan's range.</summary>
    public static readonly long[] CommonSpans =
    [
        0, Tick, -Tick, Minute, (5 * Minute) - Tick, 5 * Minute, (5 * Minute) + Tick, 30 * Minute, Hour - Second, Hour - Tick, Hour,
        Hour + Tick, 90 * Minute, 2 * Hour, 12 * Hour, 20 * Hour, 24 * Hour, 25 * Hour, 48 * Hour, 7 * Day, 8 * Day, 10 * Day,
        29 * Day, 30 * Day, 31 * Day, 45 * Day, 60 * Day, (90 * Day) - Second, (90 * Day) - Tick, 90 * Day, (90 * Day) + Tick,
        (90 * Day) + Second, 91 * Day, 100 * Day, 365 * Day, -Hour, -5 * Minute, -90 * Day, 12_345_678, (59 * Second) + 9_999_999,
    ];

    /// <summary>TimeSpans at the edges: Go's int64 nanoseconds, TimeSpan's range, doubles' 53 bits.</summary>
    public static readonly long[] ExtremeSpans =
    [
        3650 * Day, 36500 * Day, GoMaxTicks - 1, GoMaxTicks, GoMaxTicks + 1, 365 * 300 * Day, long.MaxValue, long.MinValue + 1,
        long.MinValue, -GoMaxTicks, -GoMaxTicks - 1, (1L << 53) + 1, (1L << 53) + 3, 92233720368547753,
    ];

    public static readonly double[] Ratios =
    [
        0, -0.0, 1e-300, 0.001, 0.01, 0.03, 0.0625, 0.1, 0.25, 0.49, 0.5, 0.51, 0.9, 0.9000000000000001, 0.95, 0.999,
        0.9999999999999999, 1, 1.0000000000000002, 1.5, 2, -0.01, -0.5, 1e308, double.NaN, double.PositiveInfinity, double.NegativeInfinity,
    ];

    public static readonly double[] Jitters = [0, 0.01, -0.01, 0.02, 0.1, 0.3, -0.3, 0.49, 0.5, 1, 1e308, double.NaN, double.PositiveInfinity];

    public static readonly int[] Percentages = [0, 1, 5, 20, 25, 33, 34, 50, 66, 67, 90, 99, 100, 101, 150, -1, -5, -100, int.MaxValue, int.MinValue, 1_000_000];

    private static readonly string[] InvalidGoDurations = ["1d", "", " 24h", "24", "1h30", "-", "9223372036854775808ns", "2562047h47m16.854775808s", "\u0663h", "1.5.h"];

    private readonly Random random;
    private int nextId;
    private GeneratedProgram program = null!;

    public LifetimeProgramGenerator(int seed) => random = new Random(seed);

    /// <summary>Every slot id handed out so far (the size of the <c>U</c> arrays).</summary>
    public int SlotCount => nextId;

    public static string TypeName(GeneratedType type) => type switch
    {
        GeneratedType.TimeSpan => "TimeSpan",
        GeneratedType.NullableTimeSpan => "TimeSpan?",
        GeneratedType.Double => "double",
        GeneratedType.NullableDouble => "double?",
        GeneratedType.Int => "int",
        GeneratedType.NullableInt => "int?",
        _ => "string",
    };

    public List<GeneratedProgram> Generate(int count)
    {
        var programs = new List<GeneratedProgram>();
        for (int i = 0; i < count; i++)
        {
            programs.Add(GenerateOne(i));
        }

        return programs;
    }

    /// <summary>The program's class, <c>U</c>, and the second file, laid out; the values' spans are set.</summary>
    public static (string First, string Second) Layout(IReadOnlyList<GeneratedProgram> programs, int slotCount)
    {
        var first = new StringBuilder();
        first.Append("using System;\nusing System.Globalization;\nusing Golem.MeshPki.Lifetimes;\n\n");
        first.Append(CultureInfo.InvariantCulture, $$"""
            public static class U
            {
                public static object[] Values = new object[{{slotCount}}];
                public static bool[] Alts = new bool[{{slotCount}}];
                public static T Get<T>(int i) => Values[i] is Func<object> make ? (T)make() : (T)Values[i];
                public static bool Alt(int i) => Alts[i];
            }


            """);
        var second = new StringBuilder();
        second.Append("using System;\nusing System.Globalization;\nusing Golem.MeshPki.Lifetimes;\n\n");
        foreach (GeneratedProgram p in programs)
        {
            int classStart = first.Length;
            first.Append(p.Partial ? "public static partial class " : "public static class ").Append(p.ClassName).Append("\n{\n");
            foreach (string field in p.Fields)
            {
                first.Append("    ").Append(field).Append('\n');
            }

            if (p.StaticConstructor is { } statements)
            {
                first.Append("    static ").Append(p.ClassName).Append("()\n    {\n");
                foreach (string statement in statements)
                {
                    first.Append("        ").Append(statement).Append('\n');
                }

                first.Append("    }\n");
            }

            string arguments = string.Join(", ", p.Parameters.Select(x => $"U.Get<{x.Type}>({x.Slot})"));
            string parameters = string.Join(", ", p.Parameters.Select(x => x.Type + " " + x.Name));
            first.Append("    public static object Create() => Build(").Append(arguments).Append(");\n");
            first.Append("    public static object CreateAlt() => BuildAlt(").Append(arguments).Append(");\n");
            int buildStart = first.Length;
            AppendBuild(first, "Build", parameters, p, value => value.Expression, setSpans: true);
            p.BuildSpan = Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(buildStart, first.Length);
            AppendBuild(first, "BuildAlt", parameters, p, value => $"(U.Alt({value.Id}) ? U.Get<{value.TypeName}>({value.Id}) : ({value.TypeName})({value.Expression}))", setSpans: false);
            foreach (GeneratedValue value in p.Values.Where(v => v.Standalone))
            {
                first.Append(CultureInfo.InvariantCulture, $"    public static object V{value.Id}() => ({value.TypeName})({value.Expression});\n");
            }

            first.Append("}\n\n");
            p.ClassText = first.ToString(classStart, first.Length - classStart);

            int otherStart = second.Length;
            if (p.OtherFileFields.Count > 0)
            {
                second.Append("public static class ").Append(p.ClassName).Append("Other\n{\n");
                foreach (string field in p.OtherFileFields)
                {
                    second.Append("    ").Append(field).Append('\n');
                }

                second.Append("}\n\n");
            }

            if (p.Partial)
            {
                second.Append("public static partial class ").Append(p.ClassName).Append("\n{\n");
                foreach (string field in p.PartFields)
                {
                    second.Append("    ").Append(field).Append('\n');
                }

                second.Append("}\n\n");
            }

            p.OtherFileText = second.ToString(otherStart, second.Length - otherStart);
        }

        return (first.ToString(), second.ToString());
    }

    private static void AppendBuild(StringBuilder text, string name, string parameters, GeneratedProgram p, Func<GeneratedValue, string> render, bool setSpans)
    {
        text.Append("    private static object ").Append(name).Append('(').Append(parameters).Append(")\n    {\n");
        foreach (string local in p.Locals)
        {
            text.Append("        ").Append(local).Append('\n');
        }

        text.Append("        ");
        string body = p.Body;
        int at = 0;
        while (true)
        {
            int open = body.IndexOf(Open, at, StringComparison.Ordinal);
            if (open < 0)
            {
                text.Append(body, at, body.Length - at);
                break;
            }

            text.Append(body, at, open - at);
            int close = body.IndexOf(Close, open, StringComparison.Ordinal);
            int id = int.Parse(body.AsSpan(open + 1, close - open - 1), CultureInfo.InvariantCulture);
            GeneratedValue value = p.Values.Single(v => v.Id == id);
            string written = render(value);
            if (setSpans)
            {
                value.Span = new Microsoft.CodeAnalysis.Text.TextSpan(text.Length, written.Length);
            }

            text.Append(written);
            at = close + 1;
        }

        text.Append("\n    }\n");
    }


    private GeneratedProgram GenerateOne(int index)
    {
        string surface = Pick(
            "workload", "workload", "workload", "intermediate", "intermediate", "intermediate", "lifetimes", "lifetimes",
            "options-initializer", "options-statements", "options-callback");
        program = new GeneratedProgram(index, surface);

        // A static constructor may assign the fields again, and a partial class's parts initialize in no set order:
        // either way the analyzers must not trust the fields' initializers.
        if (Chance(0.08))
        {
            program.StaticConstructor = [];
        }

        program.Partial = Chance(0.06);
        bool typed = Chance(0.25);
        program.Body = surface switch
        {
            "workload" => TopLevel("WorkloadCertificatePolicy", Workload(new Targets(this), typed), typed),
            "intermediate" => TopLevel("IntermediateCaPolicy", Intermediate(new Targets(this), typed), typed),
            "lifetimes" => TopLevel("MeshCertificateLifetimes", Lifetimes(typed), typed),
            "options-initializer" => "return " + OptionsInitializer(new Targets(this) { NearRenewBefore = true }) + ";",
            "options-statements" => OptionsStatements(new Targets(this), callback: false),
            _ => OptionsStatements(new Targets(this), callback: true),
        };
        return program;
    }

    // A creation assigned to a typed local may be target-typed (`new(...)`).
    private static string TopLevel(string type, string expression, bool typed) =>
        typed ? type + " result = " + expression + ";\n        return result;" : "return " + expression + ";";

    // ---- API surfaces ----------------------------------------------------------------------------------------

    private string Workload(Targets targets, bool allowTargetTyped)
    {
        var parameters = new (string, GeneratedSetting, GeneratedType)[]
        {
            ("ttl", GeneratedSetting.Ttl, GeneratedType.TimeSpan),
            ("gracePeriodRatio", GeneratedSetting.Ratio, GeneratedType.Double),
            ("gracePeriodRatioJitter", GeneratedSetting.Jitter, GeneratedType.Double),
            ("maxWorkloadCertTtl", GeneratedSetting.MaxTtl, GeneratedType.NullableTimeSpan),
        };
        var properties = new (string, GeneratedSetting, GeneratedType)[]
        {
            ("Ttl", GeneratedSetting.Ttl, GeneratedType.TimeSpan),
            ("GracePeriodRatio", GeneratedSetting.Ratio, GeneratedType.Double),
            ("GracePeriodRatioJitter", GeneratedSetting.Jitter, GeneratedType.Double),
            ("MaxWorkloadCertTtl", GeneratedSetting.MaxTtl, GeneratedType.TimeSpan),
        };
        var factory = new (string, GeneratedSetting, GeneratedType)[]
        {
            ("secretTtl", GeneratedSetting.Ttl, GeneratedType.GoDuration),
            ("secretGracePeriodRatio", GeneratedSetting.Ratio, GeneratedType.NullableDouble),
            ("secretGracePeriodRatioJitter", GeneratedSetting.Jitter, GeneratedType.NullableDouble),
            ("maxWorkloadCertTtl", GeneratedSetting.MaxTtl, GeneratedType.GoDuration),
        };
        return Policy("WorkloadCertificatePolicy", "Workload", "FromIstioSettings", targets, allowTargetTyped, parameters, properties, factory);
    }

    private string Intermediate(Targets targets, bool allowTargetTyped)
    {
        var settings = new (string, GeneratedSetting, GeneratedType)[]
        {
            ("duration", GeneratedSetting.Duration, GeneratedType.NullableTimeSpan),
            ("renewBefore", GeneratedSetting.RenewBefore, GeneratedType.NullableTimeSpan),
            ("renewBeforePercentage", GeneratedSetting.Percentage, GeneratedType.NullableInt),
        };
        var properties = new (string, GeneratedSetting, GeneratedType)[]
        {
            ("Duration", GeneratedSetting.Duration, GeneratedType.NullableTimeSpan),
            ("RenewBefore", GeneratedSetting.RenewBefore, GeneratedType.NullableTimeSpan),
            ("RenewBeforePercentage", GeneratedSetting.Percentage, GeneratedType.NullableInt),
        };
        var factory = new (string, GeneratedSetting, GeneratedType)[]
        {
            ("duration", GeneratedSetting.Duration, GeneratedType.GoDuration),
            ("renewBefore", GeneratedSetting.RenewBefore, GeneratedType.GoDuration),
            ("renewBeforePercentage", GeneratedSetting.Percentage, GeneratedType.NullableInt),
        };
        return Policy("IntermediateCaPolicy", "Intermediate", "FromCertManagerSpec", targets, allowTargetTyped, settings, properties, factory);
    }

    private string Policy(
        string type,
        string half,
        string factoryName,
        Targets targets,
        bool allowTargetTyped,
        (string Name, GeneratedSetting Setting, GeneratedType Type)[] parameters,
        (string Name, GeneratedSetting Setting, GeneratedType Type)[] properties,
        (string Name, GeneratedSetting Setting, GeneratedType Type)[] factory)
    {
        switch (random.Next(7))
        {
            case 0:
            case 1:
                {
                    string creation = (allowTargetTyped && Chance(0.5) ? "new(" : "new " + type + "(") + Arguments(targets, parameters, required: 1) + ")";

                    // The initializer runs after the constructor: a property set in both takes the initializer's value.
                    return Chance(0.3) ? creation + Initializer(targets, properties, allowEmpty: false) : creation;
                }

            case 2:
            case 3:
                return NewWithInitializer(allowTargetTyped && Chance(0.5) ? "new" : "new " + type, Initializer(targets, properties, allowEmpty: true));
            case 4:
                {
                    program.AllKnown = false;
                    string source = Chance(0.7)
                        ? $"U.Get<{type}>({Slot(half, null)})"
                        : $"U.Get<MeshCertificateLifetimes>({Slot("Lifetimes", null)}).{half}";
                    return source + " with" + Initializer(targets, properties, allowEmpty: false);
                }

            default:
                return type + "." + factoryName + "(" + Arguments(targets, factory, required: 0) + ")";
        }
    }

    private string Lifetimes(bool allowTargetTyped)
    {
        // Workload TTLs near the intermediate's planned renewBefore: MPKI2003's threshold. The intermediate is
        // generated first so that the TTL can be chosen around what it plans.
        var targets = new Targets(this) { NearRenewBefore = true };
        bool unknownIntermediate = Chance(0.15);
        bool unknownWorkload = Chance(0.15);
        string intermediate = unknownIntermediate ? UnknownObject("IntermediateCaPolicy", "Intermediate") : Intermediate(targets, allowTargetTyped: Chance(0.3));
        string workload = unknownWorkload ? UnknownObject("WorkloadCertificatePolicy", "Workload") : Workload(targets, allowTargetTyped: Chance(0.3));
        switch (Pick("constructor", "constructor", "initializer", "initializer", "with"))
        {
            case "constructor":
                string creation = (allowTargetTyped && Chance(0.5) ? "new(" : "new MeshCertificateLifetimes(") + workload + ", " + intermediate + ")";

                // The initializer replaces a policy given to the constructor: only an unknown one, because a policy
                // created there is analyzed as the object it is, which the composite then drops (the oracle here is
                // the composite's Validate()).
                if (unknownWorkload && Chance(0.5))
                {
                    creation += " { Workload = " + Workload(new Targets(this), allowTargetTyped: Chance(0.5)) + " }";
                }
                else if (unknownIntermediate && Chance(0.5))
                {
                    creation += " { Intermediate = " + Intermediate(new Targets(this), allowTargetTyped: Chance(0.5)) + " }";
                }

                return creation;
            case "initializer":
                string head = allowTargetTyped && Chance(0.5) ? "new()" : Pick("new MeshCertificateLifetimes", "new MeshCertificateLifetimes()");
                return random.Next(4) switch
                {
                    0 => head + " { Workload = " + workload + " }",
                    1 => head + " { Intermediate = " + intermediate + " }",
                    2 => head + " { Workload = " + workload + ", Intermediate = " + intermediate + " }",
                    _ => head + " { Intermediate = " + intermediate + ", Workload = " + workload + " }",
                };
            default:
                program.AllKnown = false;
                string source = $"U.Get<MeshCertificateLifetimes>({Slot("Lifetimes", null)})";
                return random.Next(3) switch
                {
                    0 => source + " with { Workload = " + workload + " }",
                    1 => source + " with { Intermediate = " + intermediate + " }",
                    _ => source + " with { Workload = " + workload + ", Intermediate = " + intermediate + " }",
                };
        }
    }

    private string UnknownObject(string type, string kind)
    {
        program.AllKnown = false;
        return $"U.Get<{type}>({Slot(kind, null)})";
    }

    private static readonly (string Name, GeneratedSetting Setting, GeneratedType Type)[] OptionsSettings =
    [
        ("WorkloadCertificateTtl", GeneratedSetting.Ttl, GeneratedType.TimeSpan),
        ("GracePeriodRatio", GeneratedSetting.Ratio, GeneratedType.Double),
        ("GracePeriodRatioJitter", GeneratedSetting.Jitter, GeneratedType.Double),
        ("MaxWorkloadCertTtl", GeneratedSetting.MaxTtl, GeneratedType.TimeSpan),
        ("IntermediateDuration", GeneratedSetting.Duration, GeneratedType.NullableTimeSpan),
        ("IntermediateRenewBefore", GeneratedSetting.RenewBefore, GeneratedType.NullableTimeSpan),
        ("IntermediateRenewBeforePercentage", GeneratedSetting.Percentage, GeneratedType.NullableInt),
    ];

    private string OptionsInitializer(Targets targets) => NewWithInitializer("new MeshLifetimeOptions", Initializer(targets, OptionsSettings, allowEmpty: true));

    // `new T { ... }`, `new T() { ... }`, `new() { ... }`; `new T()` or `new()` without an initializer.
    private string NewWithInitializer(string head, string initializer) =>
        initializer.Length == 0 || head == "new" || Chance(0.5) ? head + "()" + initializer : head + initializer;

    private string OptionsStatements(Targets targets, bool callback)
    {
        // Each property set in a statement is analyzed alone: every other setting is unknown (the analyzers follow no
        // data flow), even on an object created just above.
        program.AllKnown = false;
        var chosen = OptionsSettings.OrderBy(_ => random.Next()).Take(1 + random.Next(3)).ToArray();
        var statements = chosen.Select(s => "o." + s.Name + " = " + Value(targets, s.Setting, s.Type) + ";").ToList();
        string source = Chance(0.5) ? "new MeshLifetimeOptions()" : $"U.Get<MeshLifetimeOptions>({Slot("Options", null)})";
        if (!callback)
        {
            return "var o = " + source + ";\n        " + string.Join("\n        ", statements) + "\n        return o;";
        }

        string lambda = statements.Count == 1
            ? "o => " + statements[0].TrimEnd(';')
            : "o =>\n        {\n            " + string.Join("\n            ", statements) + "\n        }";
        return "Action<MeshLifetimeOptions> configure = " + lambda + ";\n        var options = " + source + ";\n        configure(options);\n        return options;";
    }

    /// <summary>
    /// Arguments: a positional prefix (at least <paramref name="required"/>), then some of the others named, in any
    /// order; or every argument named, in any order.
    /// </summary>
    private string Arguments(Targets targets, (string Name, GeneratedSetting Setting, GeneratedType Type)[] parameters, int required)
    {
        var written = new List<string>();
        if (Chance(0.2))
        {
            foreach (var parameter in parameters.Where((_, i) => i < required || Chance(0.6)).OrderBy(_ => random.Next()).ToList())
            {
                written.Add(parameter.Name + ": " + Value(targets, parameter.Setting, parameter.Type));
            }

            return string.Join(", ", written);
        }

        int positional = required + random.Next(parameters.Length - required + 1);
        for (int i = 0; i < positional; i++)
        {
            written.Add(Value(targets, parameters[i].Setting, parameters[i].Type));
        }

        foreach (var parameter in parameters.Skip(positional).Where(_ => Chance(0.4)).OrderBy(_ => random.Next()).ToList())
        {
            written.Add(parameter.Name + ": " + Value(targets, parameter.Setting, parameter.Type));
        }

        return string.Join(", ", written);
    }

    private string Initializer(Targets targets, (string Name, GeneratedSetting Setting, GeneratedType Type)[] properties, bool allowEmpty)
    {
        var chosen = properties.Where(_ => Chance(0.5)).OrderBy(_ => random.Next()).ToList();
        if (chosen.Count == 0 && !allowEmpty)
        {
            chosen.Add(properties[random.Next(properties.Length)]);
        }

        if (chosen.Count == 0)
        {
            return Chance(0.5) ? " { }" : string.Empty;
        }

        string items = string.Join(", ", chosen.Select(p => p.Name + " = " + Value(targets, p.Setting, p.Type)));
        return " { " + items + (Chance(0.2) ? ", }" : " }");
    }

    // ---- values ------------------------------------------------------------------------------------------------

    /// <summary>The targets one creation's values are chosen around, so that related settings meet their thresholds.</summary>
    private sealed class Targets(LifetimeProgramGenerator generator)
    {
        public long? Ttl { get; set; }

        public long? Duration { get; set; }

        public long? RenewBefore { get; set; }

        public int? Percentage { get; set; }

        /// <summary>Whether a workload TTL should be near the intermediate's planned renewBefore (MPKI2003).</summary>
        public bool NearRenewBefore { get; set; }

        public long Span(GeneratedSetting setting)
        {
            long value = setting switch
            {
                GeneratedSetting.RenewBefore when Duration is { } d && generator.Chance(0.5) => generator.Near(d),
                GeneratedSetting.Duration when RenewBefore is { } rb && generator.Chance(0.5) => generator.Near(rb),
                GeneratedSetting.MaxTtl when Ttl is { } ttl && generator.Chance(0.5) => generator.Near(ttl),
                GeneratedSetting.Ttl when NearRenewBefore && generator.Chance(0.6) => generator.Near(PlannedRenewBefore()),
                _ => generator.SpanTarget(),
            };
            switch (setting)
            {
                case GeneratedSetting.Ttl: Ttl = value; break;
                case GeneratedSetting.Duration: Duration = value; break;
                case GeneratedSetting.RenewBefore: RenewBefore = value; break;
            }

            return value;
        }

        private long PlannedRenewBefore()
        {
            long duration = Duration is > 0 ? Duration.Value : 90 * Day;
            if (RenewBefore is > 0 && RenewBefore < duration)
            {
                return RenewBefore.Value;
            }

            return Percentage is > 0 and < 100 ? (long)((double)Math.Min(duration, GoMaxTicks) * Percentage.Value / 100) : duration / 3;
        }
    }

    private long Near(long value) => random.Next(6) switch
    {
        0 or 1 => value,
        2 => value == long.MinValue ? value : value - 1,
        3 => value == long.MaxValue ? value : value + 1,
        4 => value > long.MinValue + Second ? value - Second : value,
        _ => value < long.MaxValue - Second ? value + Second : value,
    };

    private long SpanTarget() => Chance(0.85) ? CommonSpans[random.Next(CommonSpans.Length)] : ExtremeSpans[random.Next(ExtremeSpans.Length)];

    /// <summary>A value for a setting, in some form; the body gets an id marker, and the value is laid out later.</summary>
    private string Value(Targets targets, GeneratedSetting setting, GeneratedType type)
    {
        int id = nextId++;
        int scoped = program.Locals.Count + program.Parameters.Count;
        (string expression, bool known, bool standalone) = type switch
        {
            GeneratedType.TimeSpan or GeneratedType.NullableTimeSpan => SpanValue(targets, setting, type == GeneratedType.NullableTimeSpan),
            GeneratedType.Double or GeneratedType.NullableDouble => NumberValue(setting, type == GeneratedType.NullableDouble),
            GeneratedType.Int or GeneratedType.NullableInt => PercentageValue(targets),
            _ => GoDurationValue(targets, setting),
        };
        program.AllKnown &= known;

        // A value that reads a local or a parameter cannot be evaluated on its own.
        standalone &= program.Locals.Count + program.Parameters.Count == scoped;
        program.Values.Add(new GeneratedValue(id, setting, type, expression, known, standalone));
        return Open + id.ToString(CultureInfo.InvariantCulture) + Close;
    }

    /// <summary>An unknown value: a method result, a local or a parameter, drawn at run time.</summary>
    private (string Expression, bool Known, bool Standalone) Unknown(GeneratedSetting setting, string type, string kind)
    {
        int slot = Slot(kind, setting);
        string name = slot.ToString(CultureInfo.InvariantCulture);
        switch (random.Next(3))
        {
            case 0:
                return ($"U.Get<{type}>({name})", false, true);
            case 1:
                program.Locals.Add($"{type} l{name} = U.Get<{type}>({name});");
                return ("l" + name, false, false);
            default:
                program.Parameters.Add((type, "p" + name, slot));
                return ("p" + name, false, false);
        }
    }

    private int Slot(string kind, GeneratedSetting? setting)
    {
        int slot = nextId++;
        program.Unknowns.Add(new UnknownSlot(slot, kind, setting));
        return slot;
    }

    /// <summary>Whether an unknown TimeSpan may be beyond Go's int64 nanoseconds (see the test's known deviations).</summary>
    private static bool IsIntermediateSpan(GeneratedSetting setting) => setting is GeneratedSetting.Duration or GeneratedSetting.RenewBefore;

    private (string, bool, bool) SpanValue(Targets targets, GeneratedSetting setting, bool nullable)
    {
        if (nullable && Chance(0.08))
        {
            return (Pick("null", "(TimeSpan?)null", "default(TimeSpan?)"), true, true);
        }

        if (Chance(0.1))
        {
            return Unknown(setting, nullable ? "TimeSpan?" : "TimeSpan", nullable ? "NullableTimeSpan" : "TimeSpan");
        }

        (string expression, bool known) = SpanForm(targets.Span(setting), depth: 0, setting, nullable);
        return (expression, known, true);
    }

    /// <summary>A TimeSpan expression meant to be about <paramref name="ticks"/>, and whether the analyzers should know it.</summary>
    private (string Expression, bool Known) SpanForm(long ticks, int depth, GeneratedSetting setting, bool nullable)
    {
        while (true)
        {
            switch (random.Next(26))
            {
                case 0:
                case 1:
                case 2:
                case 3:
                    return (SafeSpanForm(ticks), true);
                case 4:
                    {
                        // The double overloads truncate the product to whole ticks.
                        (string name, long unit) = PickUnit();
                        return ($"TimeSpan.{name}({DoubleLiteral((double)ticks / unit)})", true);
                    }

                case 5 when ConstructorParts(ticks) is { } parts:
                    return (parts, true);
                case 6 when MultipartFactory(ticks) is { } parts:
                    return (parts, true);
                case 7 when depth < 2:
                    {
                        (string inner, bool known) = SpanForm(ticks, depth + 1, setting, nullable: false);
                        return ($"GoDuration.FromTimeSpan({inner}).ToTimeSpan()", known && ticks is >= -GoMaxTicks and <= GoMaxTicks);
                    }

                case 8 when depth < 2:
                case 9 when depth < 2:
                    {
                        long left = random.Next(3) switch
                        {
                            0 => ticks / 2,
                            1 => Hour,
                            _ => SpanTarget(),
                        };
                        bool add = Chance(0.6);
                        long right;
                        try
                        {
                            right = add ? checked(ticks - left) : checked(left - ticks);
                        }
                        catch (OverflowException)
                        {
                            break;
                        }

                        (string a, bool knownA) = SpanForm(left, depth + 1, setting, nullable: false);
                        (string b, bool knownB) = SpanForm(right, depth + 1, setting, nullable: false);
                        return ($"({a} {(add ? '+' : '-')} {b})", knownA && knownB);
                    }

                case 10 when depth < 2:
                    {
                        // TimeSpan * double and TimeSpan / double round the ticks (Math.Round, to even).
                        double factor = Pick(2.0, 0.5, 1.5, 3.0, 0.1, 1.0000001);
                        (string inner, bool known) = SpanForm((long)Math.Clamp(ticks / factor, long.MinValue / 2, long.MaxValue / 2), depth + 1, setting, nullable: false);
                        return (Chance(0.5) ? $"({inner} * {DoubleLiteral(factor)})" : $"({DoubleLiteral(factor)} * {inner})", known);
                    }

                case 11 when depth < 2:
                    {
                        double divisor = Pick(2.0, 3.0, 0.5, 7.0);
                        (string inner, bool known) = SpanForm((long)Math.Clamp(ticks * divisor, long.MinValue / 2, long.MaxValue / 2), depth + 1, setting, nullable: false);
                        return ($"({inner} / {DoubleLiteral(divisor)})", known);
                    }

                case 12:
                    {
                        // A constant in a TimeSpan factory.
                        (string name, long unit) = PickUnit();
                        string constant = program.Name("C");
                        if (ticks % unit == 0 && ticks / unit is >= int.MinValue and <= int.MaxValue && Chance(0.5))
                        {
                            program.Fields.Add($"private const int {constant} = {(ticks / unit).ToString(CultureInfo.InvariantCulture)};");
                        }
                        else
                        {
                            program.Fields.Add($"private const double {constant} = {DoubleLiteral((double)ticks / unit)};");
                        }

                        return ($"TimeSpan.{name}({constant})", true);
                    }

                case 13:
                case 14:
                case 15:
                    return SpanField(ticks, nullable);
                case 16 when depth < 2:
                    {
                        (string inner, bool known) = SpanForm(ticks, depth + 1, setting, nullable: false);
                        return ($"(TimeSpan)(TimeSpan?)({inner})", known);
                    }

                case 17 when depth < 2:
                    {
                        (string inner, bool known) = SpanForm(ticks, depth + 1, setting, nullable: false);
                        return ((Chance(0.5) ? "checked(" : "unchecked(") + inner + ")", known);
                    }

                case 18:
                    // Not followed by the evaluator: default values and TimeSpan's extreme fields.
                    return (Pick("default(TimeSpan)", "TimeSpan.MaxValue", "TimeSpan.MinValue", "TimeSpan.FromMicroseconds(1.5)"), false);
                case 19:
                    {
                        // Integer arithmetic that wraps at run time (unchecked by default): no value the analyzers can know.
                        string field = program.Name("I");
                        program.Fields.Add($"private static readonly int {field} = 100000;");
                        return (Pick($"TimeSpan.FromSeconds({field} * {field})", $"TimeSpan.FromHours({field} * 30000)", $"TimeSpan.FromSeconds((short)({field} * 3))"), false);
                    }

                case 20 when Chance(0.5):
                    // Forms that throw at run time: no value either.
                    return (Pick(
                        "TimeSpan.FromDays(1e10)",
                        "TimeSpan.FromHours(double.NaN)",
                        "new TimeSpan(int.MaxValue, 0, 0, 0)",
                        "GoDuration.Parse(\"1d\").ToTimeSpan()",
                        "TimeSpan.Parse(\"1:2:3:4:5\")",
                        "(TimeSpan.MaxValue + TimeSpan.FromTicks(1))",
                        "(TimeSpan.FromTicks(long.MaxValue) + TimeSpan.FromTicks(1))",
                        "(TimeSpan.FromTicks(long.MaxValue) * 2.0)",
                        "(TimeSpan.FromHours(1) / 0.0)",
                        "TimeSpan.FromDays(int.MaxValue)",
                        "GoDuration.FromTimeSpan(TimeSpan.FromDays(365 * 300)).ToTimeSpan()"), false);
                case 21 when depth > 0 && !IsIntermediateSpan(setting):
                    {
                        (string unknown, _, _) = Unknown(setting, "TimeSpan", "TimeSpan");
                        return (unknown, false);
                    }

                case 22 when nullable:
                    {
                        // Lifted operators on nullable fields.
                        long left = ticks / 2;
                        (string a, bool knownA) = NullableSpanField(left);
                        (string b, bool knownB) = NullableSpanField(ticks - left);
                        return ($"({a} + {b})", knownA && knownB);
                    }

                case 23:
                    {
                        // A field read before its initializer has run holds TimeSpan.Zero.
                        string reader = program.Name("A");
                        string later = program.Name("B");
                        program.Fields.Add($"private static readonly TimeSpan {reader} = {later};");
                        program.Fields.Add($"private static readonly TimeSpan {later} = {SafeSpanForm(ticks)};");
                        return (reader, false);
                    }

                case 24:
                    {
                        // Fields initialized in order, one read from the other.
                        string first = program.Name("F");
                        string second = program.Name("F");
                        program.Fields.Add($"private static readonly TimeSpan {first} = {SafeSpanForm(ticks)};");
                        program.Fields.Add($"private static readonly TimeSpan {second} = {first};");
                        ReassignInStaticConstructor(second, "TimeSpan.FromHours(2)");
                        return (second, program.OwnFieldsKnown);
                    }

                case 25:
                    return ($"TimeSpan.Parse(\"{TimeSpan.FromTicks(ticks).ToString("c", CultureInfo.InvariantCulture)}\", CultureInfo.InvariantCulture)", true);
                default:
                    break;
            }
        }
    }

    /// <summary>A form that cannot throw, for field initializers (a throwing type initializer would break the whole class).</summary>
    private string SafeSpanForm(long ticks)
    {
        while (true)
        {
            switch (random.Next(6))
            {
                case 0:
                    return $"TimeSpan.FromTicks({LongLiteral(ticks)})";
                case 1:
                    return $"new TimeSpan({LongLiteral(ticks)})";
                case 2 when IntegerUnit(ticks) is { } integer:
                    return integer;
                case 3:
                    return $"TimeSpan.Parse(\"{TimeSpan.FromTicks(ticks).ToString("c", CultureInfo.InvariantCulture)}\")";
                case 4 when ticks is >= -GoMaxTicks and <= GoMaxTicks:
                    return $"GoDuration.Parse(\"{GoDuration.FromTimeSpan(TimeSpan.FromTicks(ticks)).Format()}\").ToTimeSpan()";
                case 5 when Math.Abs((double)ticks) < 1e18:
                    (string name, long unit) = PickUnit();
                    return $"TimeSpan.{name}({DoubleLiteral((double)ticks / unit)})";
                default:
                    break;
            }
        }
    }

    /// <summary>A static readonly TimeSpan (or TimeSpan?) field in this class, a partial part or another file.</summary>
    private (string, bool) SpanField(long ticks, bool nullable)
    {
        string type = nullable && Chance(0.5) ? "TimeSpan?" : "TimeSpan";
        (string reference, bool known) = Field(type, SafeSpanForm(ticks), "TimeSpan.FromHours(2)");
        return nullable || type == "TimeSpan" ? (reference, known) : ("(TimeSpan)" + reference, known);
    }

    private (string, bool) NullableSpanField(long ticks) => Field("TimeSpan?", SafeSpanForm(ticks), "null");

    /// <summary>A static readonly field initialized with <paramref name="initializer"/>; its reference, and whether the analyzers may read it.</summary>
    private (string Reference, bool Known) Field(string type, string initializer, string reassigned)
    {
        string name = program.Name("F");
        string declaration = $"static readonly {type} {name} = {initializer};";
        switch (random.Next(4))
        {
            case 0:
                program.OtherFileFields.Add("public " + declaration);
                return (program.ClassName + "Other." + name, true);
            case 1 when program.Partial:
                program.PartFields.Add("private " + declaration);
                return (name, false);
            default:
                program.Fields.Add("private " + declaration);
                ReassignInStaticConstructor(name, reassigned);
                return (name, program.OwnFieldsKnown);
        }
    }

    private void ReassignInStaticConstructor(string field, string value)
    {
        if (program.StaticConstructor is { } statements && Chance(0.5))
        {
            statements.Add($"{field} = {value};");
        }
    }

    private (string, bool, bool) NumberValue(GeneratedSetting setting, bool nullable)
    {
        if (nullable && Chance(0.1))
        {
            return (Pick("null", "(double?)null"), true, true);
        }

        if (Chance(0.1))
        {
            return Unknown(setting, nullable ? "double?" : "double", nullable ? "NullableDouble" : "Double");
        }

        double[] pool = setting == GeneratedSetting.Ratio ? Ratios : Jitters;
        double value = pool[random.Next(pool.Length)];
        (string expression, bool known) = NumberForm(value);
        return (nullable && Chance(0.3) ? "(double?)(" + expression + ")" : expression, known, true);
    }

    private (string, bool) NumberForm(double value)
    {
        bool finite = double.IsFinite(value);
        while (true)
        {
            switch (random.Next(13))
            {
                case 0:
                case 1:
                    return (DoubleLiteral(value), true);
                case 2 when finite && value == Math.Floor(value) && Math.Abs(value) < 1e9 && !double.IsNegative(value):
                    return (((long)value).ToString(CultureInfo.InvariantCulture), true);
                case 3 when finite && Math.Abs(value) < 1e30:
                    // A float widened to double (0.95f is 0.949999988079071).
                    return (FloatLiteral((float)value), true);
                case 4 when finite && (value == 0 || Math.Abs(value) is > 1e-20 and < 1e20):
                    return ("(double)" + value.ToString("R", CultureInfo.InvariantCulture) + "m", true);
                case 5:
                    {
                        string constant = program.Name("D");
                        program.Fields.Add($"private const double {constant} = {DoubleLiteral(value)};");
                        return (constant, true);
                    }

                case 6:
                case 7:
                    return Field("double", DoubleLiteral(value), "0.5");
                case 8 when finite:
                    {
                        // Float arithmetic is float arithmetic: 0.1f + 0.2f is not (double)0.1f + (double)0.2f.
                        float half = (float)(value / 2);
                        (string a, bool knownA) = Field("float", FloatLiteral(half), "0.25f");
                        (string b, bool knownB) = Field("float", FloatLiteral((float)value - half), "0.25f");
                        return ($"({a} + {b})", knownA && knownB);
                    }

                case 9:
                    {
                        double half = value / 2;
                        (string a, bool knownA) = Field("double", DoubleLiteral(half), "0.25");
                        (string b, bool knownB) = Field("double", DoubleLiteral(value - half), "0.25");
                        return ($"({a} {Pick("+", "+", "*")} {b})", knownA && knownB);
                    }

                case 10 when finite && Math.Abs(value) < 1e6:
                    {
                        (string a, bool known) = Field("int", ((long)Math.Round(value * 1000)).ToString(CultureInfo.InvariantCulture), "500");
                        return ($"((double){a} / 1000)", known);
                    }

                case 11:
                    {
                        // A readonly division by zero is infinity at run time; the evaluator leaves it unknown.
                        (string a, _) = Field("double", DoubleLiteral(value), "0.5");
                        return ($"({a} / 0)", false);
                    }

                case 12:
                    return ((Chance(0.5) ? "checked(" : "unchecked(") + DoubleLiteral(value) + ")", true);
                default:
                    break;
            }
        }
    }

    private (string, bool, bool) PercentageValue(Targets targets)
    {
        if (Chance(0.1))
        {
            return (Pick("null", "(int?)null", "default(int?)"), true, true);
        }

        if (Chance(0.1))
        {
            return Chance(0.5)
                ? Unknown(GeneratedSetting.Percentage, "int", "Int")
                : Unknown(GeneratedSetting.Percentage, "int?", "NullableInt");
        }

        int value = Percentages[random.Next(Percentages.Length)];
        targets.Percentage = value;
        while (true)
        {
            switch (random.Next(11))
            {
                case 0:
                case 1:
                    return (IntLiteral(value), true, true);
                case 2:
                    {
                        string constant = program.Name("P");
                        program.Fields.Add($"private const int {constant} = {IntLiteral(value)};");
                        return (constant, true, true);
                    }

                case 3:
                case 4:
                    {
                        (string reference, bool known) = Field("int", IntLiteral(value), "20");
                        return (reference, known, true);
                    }

                case 5:
                    {
                        int half = value / 2;
                        (string a, bool knownA) = Field("int", IntLiteral(half), "10");
                        (string b, bool knownB) = Field("int", IntLiteral(value - half), "10");
                        return ($"({a} + {b})", knownA && knownB, true);
                    }

                case 6:
                    {
                        // Overflowing int arithmetic wraps at run time (unchecked) or throws (checked).
                        (string a, _) = Field("int", IntLiteral(int.MaxValue), "10");
                        (string b, _) = Field("int", IntLiteral(Math.Max(1, value)), "10");
                        return (Pick($"({a} + {b})", $"unchecked({a} + {b})", $"checked({a} + {b})"), false, true);
                    }

                case 7:
                    {
                        // Double to int truncates toward zero.
                        double wide = value + 0.75;
                        (string a, bool known) = Field("double", DoubleLiteral(wide), "20.5");
                        return ($"(int){a}", known && Math.Truncate(wide) is >= int.MinValue and <= int.MaxValue, true);
                    }

                case 8:
                    {
                        // A long narrowed to int: exact when it fits, wrapped (or thrown, checked) when not.
                        bool fits = Chance(0.5);
                        long wide = fits ? value : value + (1L << 32);
                        (string a, bool known) = Field("long", wide.ToString(CultureInfo.InvariantCulture) + "L", "20L");
                        return (Pick($"(int){a}", $"checked((int){a})"), known && fits, true);
                    }

                case 9 when value is >= short.MinValue and <= short.MaxValue:
                    {
                        (string a, _) = Field("int", IntLiteral(value + 65536), "20");
                        return ($"(short){a}", false, true);
                    }

                case 10:
                    return ("(int?)(" + IntLiteral(value) + ")", true, true);
                default:
                    break;
            }
        }
    }

    private (string, bool, bool) GoDurationValue(Targets targets, GeneratedSetting setting)
    {
        if (Chance(0.1))
        {
            return ("null", true, true);
        }

        if (Chance(0.08))
        {
            return Unknown(setting, "string", "GoDuration");
        }

        if (Chance(0.06))
        {
            // Go rejects these: the factory throws FormatException.
            return (StringLiteral(Pick(InvalidGoDurations)), false, true);
        }

        long ticks = targets.Span(setting);
        if (ticks is < -GoMaxTicks or > GoMaxTicks)
        {
            return (StringLiteral(ticks > 0 ? "2562048h" : "-2562048h"), false, true);
        }

        string text = GoSpelling(ticks);
        switch (random.Next(7))
        {
            case 0:
            case 1:
                return (StringLiteral(text), true, true);
            case 2:
                {
                    string constant = program.Name("G");
                    program.Fields.Add($"private const string {constant} = {StringLiteral(text)};");
                    return (constant, true, true);
                }

            case 3:
            case 4:
                {
                    (string reference, bool known) = Field("string", StringLiteral(text), "\"24h\"");
                    return (reference, known, true);
                }

            case 5 when text.Length > 1:
                {
                    int split = 1 + random.Next(text.Length - 1);
                    return ($"{StringLiteral(text[..split])} + {StringLiteral(text[split..])}", true, true);
                }

            case 6 when text.Length > 1:
                {
                    // A constant interpolated string (C# 10).
                    string constant = program.Name("G");
                    int split = 1 + random.Next(text.Length - 1);
                    program.Fields.Add($"private const string {constant} = {StringLiteral(text[..split])};");
                    return ("$\"{" + constant + "}" + text[split..] + "\"", true, true);
                }

            default:
                return (StringLiteral(text), true, true);
        }
    }

    /// <summary>A Go spelling of the duration: Go's own (<c>24h0m0s</c>) or a shorter one (<c>24h</c>, <c>1440m</c>, <c>1.5h</c>).</summary>
    private string GoSpelling(long ticks)
    {
        string canonical = GoDuration.FromTimeSpan(TimeSpan.FromTicks(ticks)).Format();
        string sign = ticks < 0 ? "-" : Chance(0.1) ? "+" : string.Empty;
        long magnitude = Math.Abs(ticks);
        var spellings = new List<string> { canonical };
        if (magnitude % Hour == 0)
        {
            spellings.Add(sign + (magnitude / Hour).ToString(CultureInfo.InvariantCulture) + "h");
        }

        if (magnitude % (Hour / 2) == 0 && magnitude % Hour != 0)
        {
            spellings.Add(sign + (magnitude / Hour).ToString(CultureInfo.InvariantCulture) + ".5h");
        }

        if (magnitude % Minute == 0)
        {
            spellings.Add(sign + (magnitude / Minute).ToString(CultureInfo.InvariantCulture) + "m");
        }

        if (magnitude % Second == 0)
        {
            spellings.Add(sign + (magnitude / Second).ToString(CultureInfo.InvariantCulture) + "s");
        }

        if (magnitude <= long.MaxValue / 100)
        {
            spellings.Add(sign + (magnitude * 100).ToString(CultureInfo.InvariantCulture) + "ns");
        }

        if (ticks == 0)
        {
            spellings.Add("0");
        }

        return spellings[random.Next(spellings.Count)];
    }

    // ---- literals ----------------------------------------------------------------------------------------------

    private (string Name, long Unit) PickUnit() => random.Next(5) switch
    {
        0 => ("FromDays", Day),
        1 => ("FromHours", Hour),
        2 => ("FromMinutes", Minute),
        3 => ("FromSeconds", Second),
        _ => ("FromMilliseconds", TimeSpan.TicksPerMillisecond),
    };

    /// <summary>An integer overload (.NET 9+) when the ticks are a whole number of the unit: exact.</summary>
    private string? IntegerUnit(long ticks)
    {
        (string name, long unit) = PickUnit();
        if (ticks % unit != 0)
        {
            return null;
        }

        long amount = ticks / unit;
        bool intParameter = name is "FromDays" or "FromHours";
        return intParameter && amount is < int.MinValue or > int.MaxValue
            ? null
            : $"TimeSpan.{name}({(amount is >= int.MinValue and <= int.MaxValue ? amount.ToString(CultureInfo.InvariantCulture) : LongLiteral(amount))})";
    }

    /// <summary><c>new TimeSpan(d, h, m, s[, ms])</c> or <c>new TimeSpan(h, m, s)</c> when the parts fit.</summary>
    private string? ConstructorParts(long ticks)
    {
        if (ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            return null;
        }

        long days = ticks / Day;
        int hours = (int)(ticks % Day / Hour);
        int minutes = (int)(ticks % Hour / Minute);
        int seconds = (int)(ticks % Minute / Second);
        int milliseconds = (int)(ticks % Second / TimeSpan.TicksPerMillisecond);
        if (days is < int.MinValue or > int.MaxValue)
        {
            return null;
        }

        static string Inv(long v) => v.ToString(CultureInfo.InvariantCulture);
        if (milliseconds != 0 || Chance(0.3))
        {
            return $"new TimeSpan({Inv(days)}, {Inv(hours)}, {Inv(minutes)}, {Inv(seconds)}, {Inv(milliseconds)})";
        }

        long totalHours = ticks / Hour;
        return totalHours is >= int.MinValue and <= int.MaxValue && Chance(0.5)
            ? $"new TimeSpan({Inv(totalHours)}, {Inv(minutes)}, {Inv(seconds)})"
            : $"new TimeSpan({Inv(days)}, {Inv(hours)}, {Inv(minutes)}, {Inv(seconds)})";
    }

    /// <summary>A .NET 9+ multi-part factory, <c>TimeSpan.FromDays(d, h, m, s, ms, µs)</c> or <c>FromHours(h, m)</c>: exact.</summary>
    private string? MultipartFactory(long ticks)
    {
        if (ticks % 10 != 0)
        {
            return null;
        }

        long days = ticks / Day;
        long hours = ticks % Day / Hour;
        long minutes = ticks % Hour / Minute;
        long seconds = ticks % Minute / Second;
        long milliseconds = ticks % Second / TimeSpan.TicksPerMillisecond;
        long microseconds = ticks % TimeSpan.TicksPerMillisecond / 10;
        static string Inv(long v) => v.ToString(CultureInfo.InvariantCulture);
        if (days is < int.MinValue or > int.MaxValue)
        {
            return null;
        }

        long totalHours = ticks / Hour;
        return Chance(0.5) && totalHours is >= int.MinValue and <= int.MaxValue && ticks % Minute == 0
            ? $"TimeSpan.FromHours({Inv(totalHours)}, {Inv(minutes)})"
            : $"TimeSpan.FromDays({Inv(days)}, {Inv(hours)}, {Inv(minutes)}, {Inv(seconds)}, {Inv(milliseconds)}, {Inv(microseconds)})";
    }

    private static string LongLiteral(long value) => value == long.MinValue ? "long.MinValue" : value.ToString(CultureInfo.InvariantCulture) + "L";

    private static string IntLiteral(int value) => value == int.MinValue ? "int.MinValue" : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A C# double literal (with a <c>d</c> suffix, so that an integer-looking one still picks a double overload).</summary>
    public static string DoubleLiteral(double value) => value switch
    {
        double.NaN => "double.NaN",
        double.PositiveInfinity => "double.PositiveInfinity",
        double.NegativeInfinity => "double.NegativeInfinity",
        _ => value.ToString("R", CultureInfo.InvariantCulture) + "d",
    };

    private static string FloatLiteral(float value) => value switch
    {
        float.NaN => "float.NaN",
        float.PositiveInfinity => "float.PositiveInfinity",
        float.NegativeInfinity => "float.NegativeInfinity",
        _ => value.ToString("R", CultureInfo.InvariantCulture) + "f",
    };

    private static string StringLiteral(string value)
    {
        var text = new StringBuilder("\"");
        foreach (char c in value)
        {
            text.Append(c is '"' or '\\' or < ' ' or > '~' ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString());
        }

        return text.Append('"').ToString();
    }

    private bool Chance(double probability) => random.NextDouble() < probability;

    private string Pick(params string[] choices) => choices[random.Next(choices.Length)];

    private T Pick<T>(params T[] choices) => choices[random.Next(choices.Length)];
}
