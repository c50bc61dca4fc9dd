extern alias library;

using System.Collections.Immutable;
using System.Globalization;
using Golem.MeshPki.Analyzers.CodeFixes;
using Golem.MeshPki.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Lib = library::Golem.MeshPki.Lifetimes;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>
/// The code fixes on the shapes real code has: trailing commas, comments, named arguments in any order, nested
/// creations, <see langword="with"/> on a property access, target-typed <c>new</c>, a namespace that hides
/// <c>System</c>, Fix All on one creation and across documents (the harness compiles the fixed code, checks that the
/// fixed diagnostics are gone, and applies the fixes one at a time and all at once). Then the fixed code runs:
/// <c>Validate()</c> no longer finds what was fixed, and a removed renewBefore leaves cert-manager's plan unchanged.
/// </summary>
public sealed class CodeFixShapeTests
{
    private const string NotBelow30d = "certificate duration 720h0m0s must be greater than renewBefore 720h0m0s";
    private const string MutuallyExclusive = "renewBefore and renewBeforePercentage are mutually exclusive and cannot both be set";
    private const string PercentageNotBelow = "certificate renewBeforePercentage must result in a renewBefore less than duration";

    [Theory]
    // A trailing comma stays valid.
    [InlineData(
        "return new IntermediateCaPolicy { Duration = TimeSpan.FromDays(30), RenewBefore = {|#0:TimeSpan.FromDays(30)|}, };",
        "return new IntermediateCaPolicy { Duration = TimeSpan.FromDays(30), };")]
    // Comments around a removed argument go with it.
    [InlineData(
        "return new IntermediateCaPolicy(TimeSpan.FromDays(30), /* same as the duration */ {|#0:TimeSpan.FromDays(30)|} /* why */);",
        "return new IntermediateCaPolicy(TimeSpan.FromDays(30));")]
    // A line with its comment, from a multi-line initializer.
    [InlineData(
        "return new MeshLifetimeOptions\n        {\n            IntermediateDuration = TimeSpan.FromDays(30), // a month\n            IntermediateRenewBefore = {|#0:TimeSpan.FromDays(30)|}, // ignored\n        };",
        "return new MeshLifetimeOptions\n        {\n            IntermediateDuration = TimeSpan.FromDays(30), // a month\n        };")]
    // `with` on a property access keeps the source's value unless set: null.
    [InlineData(
        "return lifetimes.Intermediate with { Duration = TimeSpan.FromDays(30), RenewBefore = {|#0:TimeSpan.FromDays(30)|} };",
        "return lifetimes.Intermediate with { Duration = TimeSpan.FromDays(30), RenewBefore = null };")]
    // Target-typed new: its only initializer assignment goes with the initializer.
    [InlineData(
        "IntermediateCaPolicy policy = new(TimeSpan.FromDays(30)) { RenewBefore = {|#0:TimeSpan.FromDays(30)|} }; return policy;",
        "IntermediateCaPolicy policy = new(TimeSpan.FromDays(30)); return policy;")]
    // Nested in a composite's initializer.
    [InlineData(
        "return new MeshCertificateLifetimes { Intermediate = new IntermediateCaPolicy { Duration = TimeSpan.FromDays(30), RenewBefore = {|#0:TimeSpan.FromDays(30)|} } };",
        "return new MeshCertificateLifetimes { Intermediate = new IntermediateCaPolicy { Duration = TimeSpan.FromDays(30) } };")]
    // A named argument before a positional one (C# 7.2) cannot go: null.
    [InlineData(
        "return new IntermediateCaPolicy(TimeSpan.FromDays(30), renewBefore: {|#0:TimeSpan.FromDays(30)|}, null);",
        "return new IntermediateCaPolicy(TimeSpan.FromDays(30), renewBefore: null, null);")]
    public async Task MPKI2004_removal_on_real_shapes(string statement, string fixedStatement) =>
        await VerifyAsync<RenewBeforeNotBelowDurationAnalyzer, RemoveIgnoredRenewBeforeCodeFixProvider>(
            [MeshCode.Code(statement)],
            [MeshCode.Code(fixedStatement)],
            [Expected(Descriptors.RenewBeforeNotBelowDuration, 0, "spec.renewBefore", "720h0m0s", NotBelow30d)]);

    [Fact]
    public async Task Fix_all_removes_an_argument_and_the_initializer_of_the_same_creation()
    {
        // Regression: Fix All replaced the creation without its initializer as it was before the other edit, so the
        // removed renewBefore argument came back (`new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(40))`).
        await VerifyAsync<RenewBeforeNotBelowDurationAnalyzer, RemoveIgnoredRenewBeforeCodeFixProvider>(
            [MeshCode.Code("return new IntermediateCaPolicy(TimeSpan.FromDays(30), {|#0:TimeSpan.FromDays(40)|}) { RenewBeforePercentage = {|#1:0|} };")],
            [MeshCode.Code("return new IntermediateCaPolicy(TimeSpan.FromDays(30));")],
            [
                Expected(Descriptors.RenewBeforeNotBelowDuration, 0, "spec.renewBefore", "960h0m0s", "certificate duration 720h0m0s must be greater than renewBefore 960h0m0s"),
                Expected(Descriptors.RenewBeforeNotBelowDuration, 1, "spec.renewBeforePercentage", "0", PercentageNotBelow),
            ],
            iterations: 2);
    }

    [Theory]
    // Named arguments out of order: the deleted one may come first.
    [InlineData(
        "return new IntermediateCaPolicy(renewBeforePercentage: {|#0:20|}, renewBefore: TimeSpan.FromDays(10), duration: TimeSpan.FromDays(30));",
        "return new IntermediateCaPolicy(renewBefore: TimeSpan.FromDays(10), duration: TimeSpan.FromDays(30));")]
    [InlineData(
        "return IntermediateCaPolicy.FromCertManagerSpec(duration: Month, renewBeforePercentage: {|#0:20|}, renewBefore: \"240h\");",
        "return IntermediateCaPolicy.FromCertManagerSpec(duration: Month, renewBefore: \"240h\");")]
    public async Task MPKI2006_removal_with_named_arguments_out_of_order(string statement, string fixedStatement) =>
        await VerifyAsync<RenewBeforeSetTwiceAnalyzer, RemoveIgnoredRenewBeforeCodeFixProvider>(
            [MeshCode.Code(statement)],
            [MeshCode.Code(fixedStatement)],
            [Expected(Descriptors.RenewBeforeSetTwice, 0, "spec.renewBeforePercentage", "20", MutuallyExclusive)]);

    [Fact]
    public async Task MPKI2006_removal_of_a_renewBefore_named_first() =>
        await VerifyAsync<RenewBeforeSetTwiceAnalyzer, RemoveIgnoredRenewBeforeCodeFixProvider>(
            [MeshCode.Code("return IntermediateCaPolicy.FromCertManagerSpec(renewBefore: {|#1:\"0s\"|}, renewBeforePercentage: {|#0:20|}, duration: \"720h\");")],
            [MeshCode.Code("return IntermediateCaPolicy.FromCertManagerSpec(renewBeforePercentage: 20, duration: \"720h\");")],
            [Expected(Descriptors.RenewBeforeSetTwice, 0, "spec.renewBeforePercentage", "20", MutuallyExclusive).WithLocation(1)]);

    [Fact]
    public async Task Fix_all_across_documents()
    {
        const string Other = """
            using System;
            using Golem.MeshPki.Lifetimes;

            public static class Other
            {
                public static object[] Create() =>
                [
                    new IntermediateCaPolicy(TimeSpan.FromDays(30), {|#1:TimeSpan.FromDays(30)|}),
                    new MeshLifetimeOptions { IntermediateDuration = TimeSpan.FromDays(30), IntermediateRenewBefore = {|#2:TimeSpan.FromDays(30)|} },
                ];
            }
            """;
        const string OtherFixed = """
            using System;
            using Golem.MeshPki.Lifetimes;

            public static class Other
            {
                public static object[] Create() =>
                [
                    new IntermediateCaPolicy(TimeSpan.FromDays(30)),
                    new MeshLifetimeOptions { IntermediateDuration = TimeSpan.FromDays(30) },
                ];
            }
            """;
        await VerifyAsync<RenewBeforeNotBelowDurationAnalyzer, RemoveIgnoredRenewBeforeCodeFixProvider>(
            [MeshCode.Code("return intermediate with { Duration = TimeSpan.FromDays(30), RenewBefore = {|#0:TimeSpan.FromDays(30)|} };"), Other],
            [MeshCode.Code("return intermediate with { Duration = TimeSpan.FromDays(30), RenewBefore = null };"), OtherFixed],
            [
                Expected(Descriptors.RenewBeforeNotBelowDuration, 0, "spec.renewBefore", "720h0m0s", NotBelow30d),
                Expected(Descriptors.RenewBeforeNotBelowDuration, 1, "spec.renewBefore", "720h0m0s", NotBelow30d),
                Expected(Descriptors.RenewBeforeNotBelowDuration, 2, "spec.renewBefore", "720h0m0s", NotBelow30d),
            ]);
    }

    [Fact]
    public async Task A_renewBefore_the_plan_uses_is_not_removed_when_the_duration_is_not_positive()
    {
        // Regression: the webhook rejects 1s >= a zero duration (MPKI2004), but cert-manager's plan takes 90 days for a
        // duration of zero or less (as MeshCertificateLifetimes and MPKI2003 plan it), and uses the 1s: removing it
        // moved the planned renewal from 1s to 30 days before expiry. No fix now.
        string source = MeshCode.Code("return new IntermediateCaPolicy(TimeSpan.Zero, {|#0:TimeSpan.FromSeconds(1)|});");
        await VerifyAsync<RenewBeforeNotBelowDurationAnalyzer, RemoveIgnoredRenewBeforeCodeFixProvider>(
            [source],
            [source],
            [Expected(Descriptors.RenewBeforeNotBelowDuration, 0, "spec.renewBefore", "1s", "certificate duration 0s must be greater than renewBefore 1s")]);

        // With both set, the percentage is the one the plan ignores.
        await VerifyAsync<RenewBeforeSetTwiceAnalyzer, RemoveIgnoredRenewBeforeCodeFixProvider>(
            [MeshCode.Code("return IntermediateCaPolicy.FromCertManagerSpec(\"-1h\", \"240h\", {|#0:20|});")],
            [MeshCode.Code("return IntermediateCaPolicy.FromCertManagerSpec(\"-1h\", \"240h\");")],
            [Expected(Descriptors.RenewBeforeSetTwice, 0, "spec.renewBeforePercentage", "20", MutuallyExclusive)]);
    }

    [Theory]
    // Comments stay around the replaced value.
    [InlineData("return lifetimes.Workload with { GracePeriodRatio = /* too high */ {|#0:2|} /* really */ };", "return lifetimes.Workload with { GracePeriodRatio = /* too high */ 0.5 /* really */ };", "2")]
    // Nested, target-typed.
    [InlineData("return new MeshCertificateLifetimes { Workload = new() { GracePeriodRatio = {|#0:1.5|} } };", "return new MeshCertificateLifetimes { Workload = new() { GracePeriodRatio = 0.5 } };", "1.5")]
    // A cast to the factory's double?.
    [InlineData("return WorkloadCertificatePolicy.FromIstioSettings(secretGracePeriodRatioJitter: 0, secretGracePeriodRatio: {|#0:(double?)1.5|});", "return WorkloadCertificatePolicy.FromIstioSettings(secretGracePeriodRatioJitter: 0, secretGracePeriodRatio: 0.5);", "1.5")]
    public async Task MPKI2001_fix_on_real_shapes(string statement, string fixedStatement, string ratio) =>
        await VerifyAsync<GracePeriodRatioAnalyzer, GracePeriodRatioCodeFixProvider>(
            [MeshCode.Code(statement)],
            [MeshCode.Code(fixedStatement)],
            [Expected(Descriptors.GracePeriodRatioUnsafe, 0, "Grace period ratio", ratio, "istio-agent rotates at once, on every certificate it receives")]);

    [Fact]
    public async Task MPKI2001_range_fix_leaves_the_warning_the_TTL_causes()
    {
        // The fix offers istio-agent's default for a ratio outside (0, 1) whatever the TTL; with a 1h TTL even 0.5
        // rotates too late, which is then reported at the new value (and has no fix: the TTL is the problem).
        await VerifyAsync<GracePeriodRatioAnalyzer, GracePeriodRatioCodeFixProvider>(
            [MeshCode.Code("return new WorkloadCertificatePolicy { Ttl = TimeSpan.FromHours(1), GracePeriodRatio = {|#0:1.5|} };")],
            [MeshCode.Code("return new WorkloadCertificatePolicy { Ttl = TimeSpan.FromHours(1), GracePeriodRatio = {|#0:0.5|} };")],
            [Expected(Descriptors.GracePeriodRatioUnsafe, 0, "Grace period ratio", "1.5", "istio-agent rotates at once, on every certificate it receives")],
            fixedExpected: [Expected(Descriptors.RotationSlackTooShort, 0, "0.5", "0.01", "Workload certificate TTL '01:00:00'", "29m24s", "1h0m0s")]);
    }

    [Fact]
    public async Task MPKI2002_fix_where_a_namespace_hides_System()
    {
        // Regression: the fix wrote System.TimeSpan.FromHours(24), which inside namespace Corp means Corp.System.
        const string Source = """
            namespace Corp
            {
                namespace System { }

                public static class Mesh
                {
                    public static object Create() => new Golem.MeshPki.Lifetimes.WorkloadCertificatePolicy { Ttl = {|#0:global::System.TimeSpan.FromDays(100)|} };
                }
            }
            """;
        const string Fixed = """
            namespace Corp
            {
                namespace System { }

                public static class Mesh
                {
                    public static object Create() => new Golem.MeshPki.Lifetimes.WorkloadCertificatePolicy { Ttl = global::System.TimeSpan.FromHours(24) };
                }
            }
            """;
        await VerifyAsync<WorkloadTtlAboveMaximumAnalyzer, WorkloadTtlAboveMaximumCodeFixProvider>(
            [Source],
            [Fixed],
            [Expected(Descriptors.WorkloadTtlAboveMaximum, 0, "100.00:00:00", "90.00:00:00")]);
    }

    [Fact]
    public async Task MPKI2002_fix_with_named_arguments_out_of_order() =>
        await VerifyAsync<WorkloadTtlAboveMaximumAnalyzer, WorkloadTtlAboveMaximumCodeFixProvider>(
            [MeshCode.Code("return new WorkloadCertificatePolicy(maxWorkloadCertTtl: null, ttl: {|#0:TimeSpan.FromDays(100)|});")],
            [MeshCode.Code("return new WorkloadCertificatePolicy(maxWorkloadCertTtl: null, ttl: TimeSpan.FromHours(24));")],
            [Expected(Descriptors.WorkloadTtlAboveMaximum, 0, "100.00:00:00", "90.00:00:00")]);

    [Fact]
    public async Task MPKI2002_at_the_maximum_has_no_fix()
    {
        // The TTL is istio-agent's default (24h), reported at the maximum below it: 24h is no fix there.
        string source = MeshCode.Code("return new WorkloadCertificatePolicy { MaxWorkloadCertTtl = {|#0:TimeSpan.FromHours(1)|} };");
        await VerifyAsync<WorkloadTtlAboveMaximumAnalyzer, WorkloadTtlAboveMaximumCodeFixProvider>(
            [source],
            [source],
            [Expected(Descriptors.WorkloadTtlAboveMaximum, 0, "1.00:00:00", "01:00:00")]);
    }

    [Fact]
    public async Task Fix_all_of_MPKI2001_and_MPKI2002_across_documents()
    {
        const string Other = """
            using System;
            using Golem.MeshPki.Lifetimes;

            public static class Other
            {
                public static object[] Create() => [new WorkloadCertificatePolicy { Ttl = {|#1:TimeSpan.FromDays(100)|} }, WorkloadCertificatePolicy.FromIstioSettings({|#2:"2400h"|})];
            }
            """;
        const string OtherFixed = """
            using System;
            using Golem.MeshPki.Lifetimes;

            public static class Other
            {
                public static object[] Create() => [new WorkloadCertificatePolicy { Ttl = TimeSpan.FromHours(24) }, WorkloadCertificatePolicy.FromIstioSettings("24h")];
            }
            """;
        await VerifyAsync<WorkloadTtlAboveMaximumAnalyzer, WorkloadTtlAboveMaximumCodeFixProvider>(
            [MeshCode.Code("return existing with { Ttl = {|#0:TimeSpan.FromDays(100)|} };"), Other],
            [MeshCode.Code("return existing with { Ttl = TimeSpan.FromHours(24) };"), OtherFixed],
            [
                Expected(Descriptors.WorkloadTtlAboveMaximum, 0, "100.00:00:00", "90.00:00:00"),
                Expected(Descriptors.WorkloadTtlAboveMaximum, 1, "100.00:00:00", "90.00:00:00"),
                Expected(Descriptors.WorkloadTtlAboveMaximum, 2, "100.00:00:00", "90.00:00:00"),
            ]);
    }

    public static TheoryData<string, string> FixesToRun => new()
    {
        { "new WorkloadCertificatePolicy { GracePeriodRatio = 1.5 }", "MPKI2001" },
        { "new WorkloadCertificatePolicy(TimeSpan.FromDays(7), 0.95)", "MPKI2001" },
        { "new WorkloadCertificatePolicy(TimeSpan.FromHours(24), 0.0625, 0.03125)", "MPKI2001" },
        { "WorkloadCertificatePolicy.FromIstioSettings(\"720h\", secretGracePeriodRatio: 0)", "MPKI2001" },
        { "new MeshLifetimeOptions { GracePeriodRatio = 1, IntermediateDuration = TimeSpan.FromDays(365) }", "MPKI2001" },
        { "new WorkloadCertificatePolicy { Ttl = TimeSpan.FromDays(100) }", "MPKI2002" },
        { "WorkloadCertificatePolicy.FromIstioSettings(\"2400h\", maxWorkloadCertTtl: \"720h\")", "MPKI2002" },
        { "new MeshLifetimeOptions { WorkloadCertificateTtl = TimeSpan.FromDays(91), IntermediateDuration = TimeSpan.FromDays(365) }", "MPKI2002" },
        { "new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(30))", "MPKI2004" },
        { "new IntermediateCaPolicy(TimeSpan.FromDays(30), renewBeforePercentage: -5)", "MPKI2004" },
        { "new IntermediateCaPolicy { RenewBefore = TimeSpan.FromDays(90), RenewBeforePercentage = 20 }", "MPKI2004" },
        { "new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.Zero)", "MPKI2005" },
        { "new IntermediateCaPolicy(TimeSpan.FromDays(30), null, 150)", "MPKI2005" },
        { "IntermediateCaPolicy.FromCertManagerSpec(\"720h\", \"-1m\")", "MPKI2005" },
        { "new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(10), 20)", "MPKI2006" },
        { "new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(40), 20)", "MPKI2006" },
        { "IntermediateCaPolicy.FromCertManagerSpec(\"720h\", \"0s\", 25)", "MPKI2006" },
        { "new MeshCertificateLifetimes(new WorkloadCertificatePolicy(), new IntermediateCaPolicy(TimeSpan.FromDays(60), renewBefore: TimeSpan.FromDays(10), renewBeforePercentage: 50))", "MPKI2006" },
        { "new MeshLifetimeOptions { IntermediateDuration = TimeSpan.FromDays(30), IntermediateRenewBefore = TimeSpan.FromDays(45), IntermediateRenewBeforePercentage = 10 }", "MPKI2006" },
        { "new IntermediateCaPolicy(TimeSpan.FromHours(-1), TimeSpan.FromDays(10), 20)", "MPKI2006" },
        { "new IntermediateCaPolicy(TimeSpan.Zero, TimeSpan.FromDays(100), 20)", "MPKI2006" },
    };

    [Theory]
    [MemberData(nameof(FixesToRun))]
    public async Task The_fixed_code_runs_without_the_finding(string expression, string id)
    {
        string source = AnalyzerRun.Source(expression);
        (ImmutableArray<Diagnostic> before, object created) = await AnalyzerRun.AnalyzeAndRunAsync(source);
        Diagnostic diagnostic = Assert.Single(before, d => d.Id == id);
        string fixedFinding = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains(AnalyzerRun.Validate(created), f => f.Id == id && f.Message == fixedFinding);

        string fixedSource = await ApplyFixAsync(source, diagnostic);
        (ImmutableArray<Diagnostic> after, object fixedObject) = await AnalyzerRun.AnalyzeAndRunAsync(fixedSource);
        IReadOnlyList<library::Golem.MeshPki.Rules.Finding> findings = AnalyzerRun.Validate(fixedObject);

        // What was fixed is gone, and the analyzers still say exactly what Validate() finds.
        Assert.DoesNotContain(findings, f => f.Id == id && f.Message == fixedFinding);
        Assert.Equal(
            findings.Select(f => f.Id + ": " + f.Message).Order(StringComparer.Ordinal),
            after.Select(d => d.Id + ": " + d.GetMessage(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal));
        if (diagnostic.Properties.ContainsKey(DiagnosticProperties.IgnoredSetting))
        {
            // Only what cert-manager's controller ignores was removed: it plans the same renewal.
            Assert.Equal(PlannedRenewBefore(created), PlannedRenewBefore(fixedObject));
        }
    }

    private static TimeSpan PlannedRenewBefore(object created) => created switch
    {
        Lib.IntermediateCaPolicy intermediate => new Lib.MeshCertificateLifetimes(new Lib.WorkloadCertificatePolicy(), intermediate).IntermediateRenewBefore,
        Lib.MeshCertificateLifetimes lifetimes => lifetimes.IntermediateRenewBefore,
        Lib.MeshLifetimeOptions options => options.ToLifetimes().IntermediateRenewBefore,
        _ => throw new InvalidOperationException("No intermediate in " + created),
    };

    /// <summary>The source with the one fix offered for the diagnostic applied (as an IDE applies it: with its post-processing).</summary>
    private static async Task<string> ApplyFixAsync(string source, Diagnostic diagnostic)
    {
        using var workspace = new AdhocWorkspace();
        Document document = TestReferences.AdhocDocument(workspace, ("Mesh.cs", source));
        SyntaxTree tree = (await document.GetSyntaxTreeAsync())!;
        Diagnostic located = Diagnostic.Create(
            diagnostic.Descriptor,
            Location.Create(tree, diagnostic.Location.SourceSpan),
            diagnostic.AdditionalLocations.Select(l => Location.Create(tree, l.SourceSpan)),
            diagnostic.Properties);
        CodeFixProvider fix = located.Id switch
        {
            "MPKI2001" => new GracePeriodRatioCodeFixProvider(),
            "MPKI2002" => new WorkloadTtlAboveMaximumCodeFixProvider(),
            _ => new RemoveIgnoredRenewBeforeCodeFixProvider(),
        };
        var actions = new List<CodeAction>();
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, located, (action, _) => actions.Add(action), CancellationToken.None));
        ApplyChangesOperation change = Assert.Single((await Assert.Single(actions).GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>());
        return (await change.ChangedSolution.GetDocument(document.Id)!.GetTextAsync()).ToString();
    }

    private static DiagnosticResult Expected(DiagnosticDescriptor descriptor, int location, params object[] arguments) =>
        new DiagnosticResult(descriptor).WithLocation(location).WithArguments(arguments);

    private static Task VerifyAsync<TAnalyzer, TFix>(string[] sources, string[] fixedSources, DiagnosticResult[] expected, int? iterations = null, DiagnosticResult[]? fixedExpected = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier> { ReferenceAssemblies = new ReferenceAssemblies("net10.0") };
        foreach (ProjectState state in new[] { test.TestState, test.FixedState })
        {
            state.AdditionalReferences.AddRange(TestReferences.FrameworkAndLibrary);
        }

        for (int i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(($"/0/Test{i}.cs", sources[i]));
            test.FixedState.Sources.Add(($"/0/Test{i}.cs", fixedSources[i]));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        if (fixedExpected is not null)
        {
            test.FixedState.ExpectedDiagnostics.AddRange(fixedExpected);
            test.FixedState.MarkupHandling = MarkupMode.Allow;
        }

        if (iterations is { } count)
        {
            test.NumberOfIncrementalIterations = count;
            test.NumberOfFixAllIterations = 1;
        }

        return test.RunAsync();
    }
}
