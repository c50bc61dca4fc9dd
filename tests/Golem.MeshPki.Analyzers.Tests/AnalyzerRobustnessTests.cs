using System.Collections.Immutable;
using System.Globalization;
using Golem.MeshPki.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>
/// Odd code, as an editor sees it while typing and as real codebases write it: every analyzer runs over it and every
/// code fix (one diagnostic at a time, and Fix All) is applied to every diagnostic it offers to fix. No analyzer or
/// fix may throw (an analyzer exception is AD0001, a squiggle-free silent failure in the IDE). Where a case says what
/// is reported, that is checked too (look-alike types must not be mistaken for the library's).
/// </summary>
public sealed class AnalyzerRobustnessTests
{
    private const string Usings = "using System;\nusing System.Threading.Tasks;\nusing Golem.MeshPki.Lifetimes;\n";

    private static readonly CodeFixProvider[] Fixes =
    [
        new GracePeriodRatioCodeFixProvider(),
        new WorkloadTtlAboveMaximumCodeFixProvider(),
        new RemoveIgnoredRenewBeforeCodeFixProvider(),
    ];

    public static TheoryData<string, string, string?> IncompleteAndErroneousCode => new()
    {
        // While typing: the analyzers see whatever binds.
        { "an unfinished initializer", "class C { object M() => new WorkloadCertificatePolicy { Ttl = TimeSpan.FromDays(100), GracePeriodRatio = ", null },
        { "an unfinished argument list", "class C { object M() => new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(30),", null },
        { "an unfinished factory call", "class C { object M() => WorkloadCertificatePolicy.FromIstioSettings(\"2400h\", ", null },
        { "an unfinished with", "class C { object M(WorkloadCertificatePolicy p) => p with { Ttl = TimeSpan.FromDays(100), MaxWorkloadCertTtl = } }", null },
        { "an unfinished with, no braces", "class C { object M(WorkloadCertificatePolicy p) => p with }", null },
        { "a missing value", "class C { object M() => new IntermediateCaPolicy { RenewBefore = , Duration = TimeSpan.FromDays(1) }; }", null },
        { "an unfinished statement", "class C { void M(MeshLifetimeOptions o) { o.IntermediateRenewBefore = ; o.GracePeriodRatio = 1.5 } }", null },
        { "an unfinished nested creation", "class C { object M() => new MeshCertificateLifetimes(new(TimeSpan.FromDays(100)), new(", null },
        { "an unfinished TimeSpan", "class C { object M() => new WorkloadCertificatePolicy { Ttl = TimeSpan.FromDays( }; }", null },
        { "an unfinished Go string", "class C { object M() => IntermediateCaPolicy.FromCertManagerSpec(\"720h, \"720h\"); }", null },

        // Error types, wrong arguments, duplicates.
        { "error types", "class C { object M() => new WorkloadCertificatePolicy { Ttl = Missing.Value, GracePeriodRatio = Undefined, MaxWorkloadCertTtl = TimeSpan.FromDays(undefined) }; }", null },
        { "an unknown type with the settings' names", "class C { object M() => new Missing { Ttl = TimeSpan.FromDays(100), RenewBefore = TimeSpan.Zero }; }", null },
        { "wrong argument types", "class C { object[] M() => [new IntermediateCaPolicy(\"30d\", 5, \"x\"), WorkloadCertificatePolicy.FromIstioSettings(TimeSpan.FromDays(1)), new WorkloadCertificatePolicy(1, 2, 3, 4, 5), new IntermediateCaPolicy(foo: 1)]; }", null },
        { "a setting assigned twice", "class C { object M() => new IntermediateCaPolicy { RenewBefore = TimeSpan.Zero, RenewBefore = TimeSpan.Zero }; }", null },
        { "with on a class", "class C { object M(MeshLifetimeOptions o) => o with { WorkloadCertificateTtl = TimeSpan.FromDays(100) }; }", null },
        { "a nested member initializer on an init-only policy", "class C { object M() => new MeshCertificateLifetimes { Workload = { Ttl = TimeSpan.FromDays(100) } }; }", null },
        { "recursive constants", "class C { const int A = B; const int B = A; object M() => new IntermediateCaPolicy(TimeSpan.FromDays(30), renewBeforePercentage: A); }", null },
        { "constant overflow", "class C { object M() => new IntermediateCaPolicy(TimeSpan.FromDays(30), renewBeforePercentage: int.MaxValue + 1); }", null },
    };

    public static TheoryData<string, string, string?> UnusualCode => new()
    {
        // Generic methods and types.
        { "a generic method's result", "class C { static T Same<T>(T value) => value; object M() => new WorkloadCertificatePolicy { Ttl = Same(TimeSpan.FromDays(100)) }; }", "" },
        { "a policy made by a generic method", "class C { static T Make<T>() where T : new() => new T(); object M() => Make<WorkloadCertificatePolicy>(); }", "" },
        { "a static readonly field of a generic type", "static class G<T> { public static readonly TimeSpan Ttl = TimeSpan.FromDays(100); } class C { object M() => new WorkloadCertificatePolicy { Ttl = G<int>.Ttl }; }", "MPKI2002" },
        { "a static readonly field of a nested type in a struct", "struct S { public static class Inner { public static readonly double Ratio = 1.5; } } class C { object M() => new WorkloadCertificatePolicy { GracePeriodRatio = S.Inner.Ratio }; }", "MPKI2001" },
        { "a static readonly field of an interface", "interface I { static readonly TimeSpan Ttl = TimeSpan.FromDays(100); } class C { object M() => new WorkloadCertificatePolicy { Ttl = I.Ttl }; }", "MPKI2002" },
        { "a [ThreadStatic] field", "class C { [ThreadStatic] static readonly TimeSpan Ttl = TimeSpan.FromDays(100); object M() => new WorkloadCertificatePolicy { Ttl = Ttl }; }", "" },

        // dynamic.
        { "dynamic values", "class C { object M(dynamic d) => new WorkloadCertificatePolicy { Ttl = d, GracePeriodRatio = d }; }", "" },
        { "a dynamic factory call", "class C { object M(dynamic d) => WorkloadCertificatePolicy.FromIstioSettings(d, 1.5); }", "" },
        { "a dynamic receiver", "class C { void M() { dynamic o = new MeshLifetimeOptions(); o.WorkloadCertificateTtl = TimeSpan.FromDays(100); } }", "" },
        { "dynamic arguments", "class C { object M(dynamic d) => new IntermediateCaPolicy(d, d, d); }", "" },

        // default literals.
        { "default literals", "class C { object[] M() => [new WorkloadCertificatePolicy(default), new IntermediateCaPolicy(default, default, default), WorkloadCertificatePolicy.FromIstioSettings(default, default, default, default), new WorkloadCertificatePolicy { Ttl = default, GracePeriodRatio = default }]; }", "MPKI2001" },

        // checked, unchecked, overflow, huge values.
        { "checked and unchecked", "class C { object[] M() => [new WorkloadCertificatePolicy { Ttl = checked(TimeSpan.FromTicks(long.MaxValue) + TimeSpan.FromTicks(1)) }, new IntermediateCaPolicy(TimeSpan.FromDays(30), renewBeforePercentage: unchecked((int)ulong.MaxValue)), new IntermediateCaPolicy(TimeSpan.FromDays(30), renewBeforePercentage: unchecked(int.MaxValue + 1))]; }", "MPKI2004 MPKI2005" },
        {
            "huge values",
            """
            class C
            {
                object[] M() =>
                [
                    new WorkloadCertificatePolicy { Ttl = TimeSpan.FromDays(1e308), GracePeriodRatio = double.Epsilon, GracePeriodRatioJitter = double.MaxValue },
                    new WorkloadCertificatePolicy { Ttl = TimeSpan.FromTicks(long.MaxValue), MaxWorkloadCertTtl = TimeSpan.FromTicks(long.MinValue) },
                    new WorkloadCertificatePolicy { Ttl = TimeSpan.MaxValue * 0.5, GracePeriodRatio = (double)79228162514264337593543950335m },
                    new WorkloadCertificatePolicy { Ttl = TimeSpan.FromTicks(long.MaxValue) / 0.5, MaxWorkloadCertTtl = TimeSpan.FromTicks(long.MinValue) / -1.0 },
                    new WorkloadCertificatePolicy { Ttl = new TimeSpan(int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue) },
                    new WorkloadCertificatePolicy { Ttl = TimeSpan.FromDays(double.MaxValue) * double.MaxValue, GracePeriodRatio = 1e308 * 10 },
                    new IntermediateCaPolicy(TimeSpan.FromTicks(long.MaxValue), TimeSpan.FromTicks(long.MinValue), int.MinValue),
                    new MeshCertificateLifetimes(new WorkloadCertificatePolicy(TimeSpan.FromTicks(long.MaxValue), 0.95, 1e308), new IntermediateCaPolicy(TimeSpan.FromTicks(long.MaxValue), null, int.MaxValue)),
                    IntermediateCaPolicy.FromCertManagerSpec("2562047h47m16.854775807s", "-2562047h47m16.854775808s", int.MinValue),
                    WorkloadCertificatePolicy.FromIstioSettings("99999999999999999999999999999999999999h", double.NaN, double.NegativeInfinity, "0"),
                    new WorkloadCertificatePolicy { Ttl = GoDuration.Parse(new string('9', 10000) + "h").ToTimeSpan() },
                    new WorkloadCertificatePolicy { Ttl = TimeSpan.FromDays(100, 1000000, long.MaxValue, long.MaxValue, long.MaxValue, long.MaxValue) },
                ];
            }
            """,
            null
        },

        // Recursive and deep fields, deep expressions.
        { "a field cycle", "class C { static readonly TimeSpan X = Y, Y = X; static readonly TimeSpan Self = Self + TimeSpan.FromDays(1); object[] M() => [new WorkloadCertificatePolicy { Ttl = X }, new WorkloadCertificatePolicy { Ttl = Self }]; }", "" },
        { "a chain of 200 fields", "class C { " + string.Concat(Enumerable.Range(0, 200).Select(i => $"static readonly TimeSpan F{i} = {(i == 199 ? "TimeSpan.FromDays(100)" : "F" + (i + 1).ToString(CultureInfo.InvariantCulture))}; ")) + "object M() => new WorkloadCertificatePolicy { Ttl = F0 }; }", "" },
        { "a sum of 2000 TimeSpans", "class C { object M() => new WorkloadCertificatePolicy { Ttl = " + string.Join(" + ", Enumerable.Repeat("TimeSpan.FromDays(1)", 2000)) + " }; }", "" },
        { "300 nested parentheses", "class C { object M() => new WorkloadCertificatePolicy { GracePeriodRatio = " + new string('(', 300) + "1.5" + new string(')', 300) + " }; }", "MPKI2001" },

        // Records, classes and factories with the library's names elsewhere.
        {
            "look-alike types in another namespace",
            """
            namespace Other
            {
                public sealed record WorkloadCertificatePolicy(TimeSpan Ttl) { public double GracePeriodRatio { get; init; } public static WorkloadCertificatePolicy FromIstioSettings(string secretTtl) => new(TimeSpan.Zero); }
                public sealed record IntermediateCaPolicy(TimeSpan? Duration, TimeSpan? RenewBefore = null, int? RenewBeforePercentage = null);
                public sealed record MeshCertificateLifetimes(WorkloadCertificatePolicy Workload, IntermediateCaPolicy Intermediate);
                public sealed class MeshLifetimeOptions { public TimeSpan WorkloadCertificateTtl { get; set; } public TimeSpan? IntermediateRenewBefore { get; set; } }
                public static class Use
                {
                    public static object[] M() =>
                    [
                        new WorkloadCertificatePolicy(TimeSpan.FromDays(100)) { GracePeriodRatio = 1.5 },
                        WorkloadCertificatePolicy.FromIstioSettings("2400h"),
                        new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(30), 20),
                        new MeshCertificateLifetimes(new(TimeSpan.FromDays(100)), new(TimeSpan.FromMinutes(1))),
                        new MeshLifetimeOptions { WorkloadCertificateTtl = TimeSpan.FromDays(100), IntermediateRenewBefore = TimeSpan.Zero },
                    ];
                }
            }
            """,
            ""
        },
        { "an extension method named like a factory", "static class E { public static WorkloadCertificatePolicy FromIstioSettings(this string s, double ratio) => new(); } class C { object M() => \"2400h\".FromIstioSettings(1.5); }", "" },
        {
            "a TimeSpan of one's own",
            """
            namespace Mine
            {
                public struct TimeSpan
                {
                    public static TimeSpan FromDays(double days) => default;
                    public static TimeSpan Zero => default;
                    public static implicit operator System.TimeSpan(TimeSpan value) => System.TimeSpan.FromHours(2);
                }

                public static class Use
                {
                    public static object[] M() =>
                    [
                        new WorkloadCertificatePolicy { Ttl = TimeSpan.FromDays(100) },
                        new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.Zero),
                    ];
                }
            }
            """,
            ""
        },
        {
            "a GoDuration of one's own",
            """
            namespace Mine
            {
                using GoDuration = Mine.Durations.GoDuration;

                public static class Durations
                {
                    public sealed class GoDuration
                    {
                        public static GoDuration Parse(string text) => new();
                        public static GoDuration FromTimeSpan(System.TimeSpan value) => new();
                        public System.TimeSpan ToTimeSpan() => System.TimeSpan.FromHours(2);
                    }
                }

                public static class Use
                {
                    public static object[] M() =>
                    [
                        new WorkloadCertificatePolicy { Ttl = GoDuration.Parse("2400h").ToTimeSpan() },
                        new WorkloadCertificatePolicy { Ttl = GoDuration.FromTimeSpan(System.TimeSpan.FromDays(100)).ToTimeSpan() },
                    ];
                }
            }
            """,
            ""
        },
        {
            "aliases for the library's types",
            """
            using W = Golem.MeshPki.Lifetimes.WorkloadCertificatePolicy;
            using I = Golem.MeshPki.Lifetimes.IntermediateCaPolicy;
            using O = Golem.MeshPki.Lifetimes.MeshLifetimeOptions;
            using TS = System.TimeSpan;
            using Go = Golem.MeshPki.Lifetimes.GoDuration;

            class C
            {
                object[] M(O o)
                {
                    o.IntermediateRenewBefore = TS.Zero;
                    return [new W { Ttl = TS.FromDays(100), GracePeriodRatio = 1.5 }, new I(TS.FromDays(30), Go.Parse("720h").ToTimeSpan()), W.FromIstioSettings("2400h")];
                }
            }
            """,
            "MPKI2001 MPKI2002 MPKI2002 MPKI2004 MPKI2005"
        },

        // Other shapes values come in.
        { "an expression tree", "class C { System.Linq.Expressions.Expression<Func<object>> M() => () => new WorkloadCertificatePolicy { Ttl = TimeSpan.FromDays(100) }; }", "MPKI2002" },
        { "await, switch, ?? and ?:", "class C { async Task<object> M(bool f, TimeSpan? maybe) => new WorkloadCertificatePolicy { Ttl = await Task.FromResult(TimeSpan.FromDays(100)), GracePeriodRatio = f switch { true => 1.5, _ => 2 }, MaxWorkloadCertTtl = maybe ?? TimeSpan.FromHours(1), GracePeriodRatioJitter = f ? 1 : 2 }; }", "" },
        { "char, enum and sizeof percentages", "enum Level { High = 150 } class C { object[] M() => [new IntermediateCaPolicy(TimeSpan.FromDays(30), renewBeforePercentage: 'a'), new IntermediateCaPolicy(TimeSpan.FromDays(30), renewBeforePercentage: (int)Level.High), new IntermediateCaPolicy(TimeSpan.FromDays(30), renewBeforePercentage: sizeof(long))]; }", "MPKI2005" },
        { "a nested member initializer of options", "class Holder { public MeshLifetimeOptions Options { get; } = new(); } class C { object M() => new Holder { Options = { WorkloadCertificateTtl = TimeSpan.FromDays(100), IntermediateRenewBefore = TimeSpan.Zero } }; }", null },
        { "ref locals and out variables", "class C { static TimeSpan field = TimeSpan.FromDays(100); static bool Try(out TimeSpan t) { t = TimeSpan.FromDays(100); return true; } object M() { ref TimeSpan r = ref field; Try(out var t); return new WorkloadCertificatePolicy { Ttl = r, MaxWorkloadCertTtl = t }; } }", "" },
        { "local constants and local functions", "class C { object M() { const double ratio = 1.5; const string ttl = \"2400h\"; static TimeSpan Local() => TimeSpan.FromDays(100); return new object[] { new WorkloadCertificatePolicy { GracePeriodRatio = ratio, Ttl = Local() }, WorkloadCertificatePolicy.FromIstioSettings(ttl) }; } }", "MPKI2001 MPKI2002" },
        {
            "preprocessor directives in an initializer",
            """
            class C
            {
                object M() => new IntermediateCaPolicy
                {
                    Duration = TimeSpan.FromDays(30),
            #if !NEVER
                    RenewBefore = TimeSpan.FromDays(30),
            #endif
                    RenewBeforePercentage = 0,
                };
            }
            """,
            "MPKI2004 MPKI2004 MPKI2006"
        },
    };

    [Theory]
    [MemberData(nameof(IncompleteAndErroneousCode))]
    [MemberData(nameof(UnusualCode))]
    public async Task No_analyzer_or_fix_throws(string description, string code, string? reported)
    {
        (ImmutableArray<Diagnostic> diagnostics, List<string> problems) = await AnalyzeAndFixAsync(OutputKind.DynamicallyLinkedLibrary, Usings + code);

        Assert.True(problems.Count == 0, description + ":\n" + string.Join("\n", problems));
        if (reported is not null)
        {
            Assert.Equal(reported, string.Join(" ", diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal)));
        }
    }

    [Fact]
    public async Task Top_level_statements()
    {
        const string Program = """
            using System;
            using Golem.MeshPki.Lifetimes;

            const double Ratio = 1.5;
            var policy = new WorkloadCertificatePolicy { Ttl = TimeSpan.FromDays(100), GracePeriodRatio = Ratio };
            var options = new MeshLifetimeOptions();
            options.IntermediateRenewBefore = TimeSpan.Zero;
            Console.WriteLine(new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(30), 0));
            Console.WriteLine(new WorkloadCertificatePolicy { Ttl = Local() });
            Console.WriteLine(policy);

            static TimeSpan Local() => TimeSpan.FromDays(100);
            """;

        (ImmutableArray<Diagnostic> diagnostics, List<string> problems, int fixes) = await AnalyzeAndFixCountingAsync(OutputKind.ConsoleApplication, Program);

        Assert.Empty(problems);
        Assert.Equal(5, fixes); // 0.5, 24h, the statement's RenewBefore = null, the ignored renewBefore and percentage of 0 removed.
        Assert.Equal(
            ["MPKI2001", "MPKI2002", "MPKI2004", "MPKI2004", "MPKI2005", "MPKI2006"],
            diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_GoDuration_of_ones_own_in_the_librarys_namespace_is_not_the_librarys()
    {
        // It hides the library's (CS0436); its ToTimeSpan says 2 hours, whatever the string.
        const string Code = """
            namespace Golem.MeshPki.Lifetimes
            {
                public sealed class GoDuration
                {
                    public static GoDuration Parse(string text) => new();
                    public System.TimeSpan ToTimeSpan() => System.TimeSpan.FromHours(2);
                }
            }

            class C
            {
                object M() => new WorkloadCertificatePolicy { Ttl = GoDuration.Parse("2400h").ToTimeSpan() };
            }
            """;

        (ImmutableArray<Diagnostic> diagnostics, List<string> problems) = await AnalyzeAndFixAsync(OutputKind.DynamicallyLinkedLibrary, Usings + Code);

        Assert.Empty(problems);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task A_TimeSpan_of_ones_own_in_the_System_namespace_is_not_the_real_one()
    {
        // It hides System.TimeSpan (CS0436), and its division is its own: 2 days / 1 day is 0.5 here, a safe ratio.
        const string Code = """
            namespace System
            {
                public struct TimeSpan
                {
                    public static TimeSpan FromDays(double value) => default;
                    public static double operator /(TimeSpan left, TimeSpan right) => 0.5;
                }
            }

            class C
            {
                object M() => new Golem.MeshPki.Lifetimes.WorkloadCertificatePolicy { GracePeriodRatio = System.TimeSpan.FromDays(2) / System.TimeSpan.FromDays(1) };
            }
            """;

        (ImmutableArray<Diagnostic> diagnostics, List<string> problems) = await AnalyzeAndFixAsync(OutputKind.DynamicallyLinkedLibrary, Code);

        Assert.Empty(problems);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Partial_classes_over_two_files()
    {
        const string First = """
            using System;
            using Golem.MeshPki.Lifetimes;

            public static partial class Mesh
            {
                private static readonly TimeSpan LongTtl = TimeSpan.FromDays(100);

                static partial void Configure(MeshLifetimeOptions options);

                public static object[] Create() => [new WorkloadCertificatePolicy { Ttl = LongTtl, GracePeriodRatio = Ratio }, new IntermediateCaPolicy(Month, Month)];
            }

            public sealed partial record Settings
            {
                public static readonly TimeSpan Ttl = TimeSpan.FromDays(100);
            }
            """;
        const string Second = """
            using System;
            using Golem.MeshPki.Lifetimes;

            public static partial class Mesh
            {
                private const double Ratio = 1.5;
                private static readonly TimeSpan Month = TimeSpan.FromDays(30);

                static partial void Configure(MeshLifetimeOptions options) => options.WorkloadCertificateTtl = Settings.Ttl;
            }

            public sealed partial record Settings;
            """;

        (ImmutableArray<Diagnostic> diagnostics, List<string> problems) = await AnalyzeAndFixAsync(OutputKind.DynamicallyLinkedLibrary, First, Second);

        // A partial type's parts initialize in no set order: its static readonly fields are unknown; its constants are not.
        Assert.Empty(problems);
        Assert.Equal(["MPKI2001"], diagnostics.Select(d => d.Id));
    }

    [Fact]
    public async Task The_test_harness_fails_on_an_analyzer_exception()
    {
        // Every analyzer and code fix test goes through these helpers: an analyzer exception (AD0001) must fail them,
        // not pass as one more diagnostic nobody expected to check.
        const string Code = "public static class C { public static object M() => new object(); }";

        Exception analyzer = await Assert.ThrowsAnyAsync<Exception>(() => AnalyzerTest<ThrowingAnalyzer>.VerifyAsync(Code, null));
        Exception fix = await Assert.ThrowsAnyAsync<Exception>(() => CodeFixTest<ThrowingAnalyzer, GracePeriodRatioCodeFixProvider>.VerifyAsync(Code, Code, null));

        Assert.Contains("AD0001", analyzer.Message, StringComparison.Ordinal);
        Assert.Contains("AD0001", fix.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The analyzers' diagnostics over the sources (which need not compile), and every problem: an analyzer exception
    /// (AD0001), a code fix that throws while registering or computing its change, or a Fix All that throws.
    /// </summary>
    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, List<string> Problems)> AnalyzeAndFixAsync(OutputKind kind, params string[] sources)
    {
        (ImmutableArray<Diagnostic> diagnostics, List<string> problems, _) = await AnalyzeAndFixCountingAsync(kind, sources);
        return (diagnostics, problems);
    }

    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, List<string> Problems, int Fixes)> AnalyzeAndFixCountingAsync(OutputKind kind, params string[] sources)
    {
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        Solution solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            "Robustness",
            "Robustness",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: TestReferences.FrameworkAndLibrary));
        for (int i = 0; i < sources.Length; i++)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), $"File{i}.cs", SourceText.From(sources[i]), filePath: $"/File{i}.cs");
        }

        Project project = solution.GetProject(projectId)!;
        Compilation compilation = (await project.GetCompilationAsync())!;
        var problems = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            (exception, analyzer, _) => { lock (problems) { problems.Add(analyzer.GetType().Name + " threw " + exception); } },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        ImmutableArray<Diagnostic> all = await compilation.WithAnalyzers(AnalyzerRun.AllAnalyzers, options).GetAnalyzerDiagnosticsAsync();
        problems.AddRange(all.Where(d => d.Id == "AD0001").Select(d => d.GetMessage(CultureInfo.InvariantCulture)));
        ImmutableArray<Diagnostic> diagnostics = all.Where(d => d.Id.StartsWith("MPKI", StringComparison.Ordinal)).ToImmutableArray();
        int applied = 0;

        foreach (CodeFixProvider fix in Fixes)
        {
            var keys = new HashSet<string>();
            foreach (Diagnostic diagnostic in diagnostics.Where(d => fix.FixableDiagnosticIds.Contains(d.Id)))
            {
                Document document = project.GetDocument(diagnostic.Location.SourceTree)!;
                var actions = new List<CodeAction>();
                try
                {
                    await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                    foreach (CodeAction action in actions)
                    {
                        keys.Add(action.EquivalenceKey ?? string.Empty);
                        foreach (ApplyChangesOperation change in (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>())
                        {
                            _ = await change.ChangedSolution.GetDocument(document.Id)!.GetTextAsync();
                            applied++;
                        }
                    }
                }
                catch (Exception exception)
                {
                    problems.Add($"{fix.GetType().Name} on {diagnostic} threw {exception}");
                }
            }

            foreach (string key in keys)
            {
                try
                {
                    var context = new FixAllContext(
                        project.Documents.First(),
                        fix,
                        FixAllScope.Solution,
                        key,
                        fix.FixableDiagnosticIds,
                        new FixedDiagnostics(diagnostics),
                        CancellationToken.None);
                    if (fix.GetFixAllProvider() is { } fixAll && await fixAll.GetFixAsync(context) is { } action)
                    {
                        _ = await action.GetOperationsAsync(CancellationToken.None);
                    }
                }
                catch (Exception exception)
                {
                    problems.Add($"Fix All of {fix.GetType().Name} ({key}) threw {exception}");
                }
            }
        }

        return (diagnostics, problems, applied);
    }

    /// <summary>The diagnostics Fix All works on: those computed once for the project.</summary>
    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}

/// <summary>An analyzer that throws on every object creation, to check that the test harness fails on it.</summary>
// RS1036, RS1038, RS1041, RS2008: a test double, never shipped or loaded by a compiler.
#pragma warning disable RS1036, RS1038, RS1041, RS2008
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ThrowingAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Descriptor = new("TEST0001", "Test", "Test", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(_ => throw new InvalidOperationException("The analyzer failed."), OperationKind.ObjectCreation);
    }
}
#pragma warning restore RS1036, RS1038, RS1041, RS2008
