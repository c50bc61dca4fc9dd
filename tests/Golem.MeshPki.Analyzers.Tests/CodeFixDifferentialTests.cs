extern alias library;

using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Golem.MeshPki.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;
using Lib = library::Golem.MeshPki.Lifetimes;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>
/// The code fixes on generated programs (<see cref="LifetimeProgramGenerator"/>, fixed seed): every fix offered for
/// every diagnostic is applied, all fixed programs compile in one assembly and run with the same values as the original;
/// the finding that was fixed is gone from <c>Validate()</c>, and a removed renewBefore or percentage (which the analyzer
/// says cert-manager's controller ignores) leaves the renewal cert-manager plans unchanged.
/// </summary>
public sealed partial class CodeFixDifferentialTests(ITestOutputHelper output)
{
    // Fixed; GOLEM_DIFFERENTIAL_SEED and GOLEM_DIFFERENTIAL_PROGRAMS explore others, as for AnalyzerDifferentialTests.
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("GOLEM_DIFFERENTIAL_SEED"), CultureInfo.InvariantCulture, out int seed) ? seed + 7 : 7_2026;
    private static readonly int ProgramCount = int.TryParse(Environment.GetEnvironmentVariable("GOLEM_DIFFERENTIAL_PROGRAMS"), CultureInfo.InvariantCulture, out int count) ? count : 300;

    private static readonly CodeFixProvider[] Fixes =
    [
        new GracePeriodRatioCodeFixProvider(),
        new WorkloadTtlAboveMaximumCodeFixProvider(),
        new RemoveIgnoredRenewBeforeCodeFixProvider(),
    ];

    [Fact]
    public async Task Every_fix_removes_its_finding_when_the_fixed_code_runs()
    {
        var generator = new LifetimeProgramGenerator(Seed);

        // A partial class's other part is in the second file: a renamed copy would lose it.
        List<GeneratedProgram> programs = generator.Generate(ProgramCount).Where(p => !p.Partial).ToList();
        (string first, string second) = LifetimeProgramGenerator.Layout(programs, generator.SlotCount);
        string header = first[..first.IndexOf("public static class S", StringComparison.Ordinal)];

        // The programs with a diagnostic a fix may be offered for (one analysis of them all).
        SyntaxTree all = CSharpSyntaxTree.ParseText(first, new CSharpParseOptions(LanguageVersion.Latest), path: "Programs.cs");
        ImmutableArray<Diagnostic> found = await CSharpCompilation.Create(
                "Programs",
                [all, CSharpSyntaxTree.ParseText(second, new CSharpParseOptions(LanguageVersion.Latest), path: "Fields.cs")],
                TestReferences.FrameworkAndLibrary,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithAnalyzers(AnalyzerRun.AllAnalyzers)
            .GetAnalyzerDiagnosticsAsync();
        string[] fixable = [DiagnosticProperties.DefaultRatioFits, DiagnosticProperties.DefaultTtlFits, DiagnosticProperties.IgnoredSetting];
        var withFixes = programs
            .Where(p => found.Any(d => d.Location.SourceTree == all && p.BuildSpan.Contains(d.Location.SourceSpan) && fixable.Any(d.Properties.ContainsKey)))
            .ToList();

        // Apply each fix to each program on its own (a small document), and keep the fixed class under a new name.
        var variants = new List<(GeneratedProgram Program, string Class, Diagnostic Diagnostic, string FixedBuild)>();
        foreach (GeneratedProgram program in withFixes)
        {
            foreach ((Diagnostic diagnostic, string fixedClass) in await FixEachAsync(header + program.ClassText, second))
            {
                string name = program.ClassName + "X" + variants.Count.ToString(CultureInfo.InvariantCulture);
                string renamed = Regex.Replace(fixedClass, @"\b" + program.ClassName + @"\b(?!Other)", name);
                variants.Add((program, name, diagnostic, renamed));
            }
        }

        var source = new StringBuilder(first);
        foreach (var variant in variants)
        {
            source.Append(variant.FixedBuild).Append('\n');
        }

        CSharpCompilation compilation = CSharpCompilation.Create(
            "Fixed",
            [CSharpSyntaxTree.ParseText(source.ToString(), new CSharpParseOptions(LanguageVersion.Latest), path: "Programs.cs"), CSharpSyntaxTree.ParseText(second, new CSharpParseOptions(LanguageVersion.Latest), path: "Fields.cs")],
            TestReferences.FrameworkAndLibrary,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, "Fixed code does not compile:\n" + string.Join("\n", errors.Take(5).Select(e => e + "\n    " + e.Location.SourceTree!.GetText().Lines.GetLineFromPosition(e.Location.SourceSpan.Start).ToString().Trim())));

        using var image = new MemoryStream();
        Assert.True(compilation.Emit(image).Success);
        Assembly assembly = Assembly.Load(image.ToArray());
        object?[] values = (object?[])assembly.GetType("U")!.GetField("Values")!.GetValue(null)!;
        var random = new Random(Seed + 1);
        var failures = new List<string>();
        int checkedFixes = 0;
        foreach (var variant in variants)
        {
            // The unknowns as a Configure callback or a `with` source would have them: the same for both runs.
            foreach (UnknownSlot slot in variant.Program.Unknowns)
            {
                values[slot.Id] = UnknownValue(slot, random);
            }

            if (!TryCreate(assembly, variant.Program.ClassName, out object? original) || !TryCreate(assembly, variant.Class, out object? fixedObject))
            {
                continue;
            }

            checkedFixes++;
            string finding = variant.Diagnostic.GetMessage(CultureInfo.InvariantCulture);
            string[] before = Findings(original!);
            string[] after = Findings(fixedObject!);
            if (before.Contains(variant.Diagnostic.Id + ": " + finding) && after.Contains(variant.Diagnostic.Id + ": " + finding))
            {
                failures.Add($"{variant.Class}: the fix of {variant.Diagnostic.Id} leaves '{finding}'.\n{variant.FixedBuild}");
            }

            if (variant.Diagnostic.Properties.ContainsKey(DiagnosticProperties.IgnoredSetting)
                && Planned(original!) is { } plannedBefore
                && Planned(fixedObject!) is { } plannedAfter
                && plannedBefore != plannedAfter)
            {
                failures.Add($"{variant.Class}: removing what {variant.Diagnostic.Id} says cert-manager ignores changes the planned renewBefore from {plannedBefore:c} to {plannedAfter:c}.\n{variant.Program.ClassText}\n{variant.FixedBuild}");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{programs.Count} programs, {variants.Count} fixes applied, {checkedFixes} run and checked."));
        Assert.True(failures.Count == 0, $"{failures.Count} fixes break their promise (seed {Seed}):\n\n" + string.Join("\n\n", failures.Take(6)));
        Assert.True(checkedFixes > 50, "Too few fixes were checked: " + checkedFixes.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Each fix offered for each diagnostic in the program, applied alone: the diagnostic and the fixed class.</summary>
    private static async Task<List<(Diagnostic Diagnostic, string FixedClass)>> FixEachAsync(string programText, string fieldsText)
    {
        var results = new List<(Diagnostic, string)>();
        using var workspace = new AdhocWorkspace();
        Document document = TestReferences.AdhocDocument(workspace, ("Programs.cs", programText), ("Fields.cs", fieldsText));
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        SyntaxTree tree = (await document.GetSyntaxTreeAsync())!;
        ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(AnalyzerRun.AllAnalyzers).GetAnalyzerDiagnosticsAsync();
        int build = programText.IndexOf("    private static object Build(", StringComparison.Ordinal);
        int buildEnd = programText.IndexOf("    private static object BuildAlt(", StringComparison.Ordinal);
        foreach (Diagnostic diagnostic in diagnostics.Where(d => d.Location.SourceTree == tree && d.Location.SourceSpan.Start > build && d.Location.SourceSpan.End < buildEnd))
        {
            foreach (CodeFixProvider fix in Fixes.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var actions = new List<CodeAction>();
                await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                foreach (CodeAction action in actions)
                {
                    foreach (ApplyChangesOperation change in (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>())
                    {
                        string text = (await change.ChangedSolution.GetDocument(document.Id)!.GetTextAsync()).ToString();
                        results.Add((diagnostic, text[text.IndexOf("public static class S", StringComparison.Ordinal)..]));
                    }
                }
            }
        }

        return results;
    }

    private static bool TryCreate(Assembly assembly, string type, out object? created)
    {
        try
        {
            created = assembly.GetType(type)!.GetMethod("Create")!.Invoke(null, null);
            return true;
        }
        catch (TargetInvocationException)
        {
            created = null;
            return false;
        }
    }

    private static string[] Findings(object created)
    {
        try
        {
            return AnalyzerRun.Validate(created).Select(f => f.Id + ": " + f.Message).ToArray();
        }
        catch (OverflowException)
        {
            // The library's Validate() overflows on TTLs near Go's 292 years (see AnalyzerDifferentialTests).
            return [];
        }
    }

    private static TimeSpan? Planned(object created) => created switch
    {
        Lib.IntermediateCaPolicy intermediate => new Lib.MeshCertificateLifetimes(new Lib.WorkloadCertificatePolicy(), intermediate).IntermediateRenewBefore,
        Lib.MeshCertificateLifetimes lifetimes => lifetimes.IntermediateRenewBefore,
        Lib.MeshLifetimeOptions options => options.ToLifetimes().IntermediateRenewBefore,
        _ => null,
    };

    private static object? UnknownValue(UnknownSlot slot, Random random)
    {
        long Span() => LifetimeProgramGenerator.CommonSpans[random.Next(LifetimeProgramGenerator.CommonSpans.Length)];
        double Ratio() => LifetimeProgramGenerator.Ratios[random.Next(LifetimeProgramGenerator.Ratios.Length)];
        double Jitter() => LifetimeProgramGenerator.Jitters[random.Next(LifetimeProgramGenerator.Jitters.Length)];
        int Percentage() => LifetimeProgramGenerator.Percentages[random.Next(LifetimeProgramGenerator.Percentages.Length)];
        return slot.Kind switch
        {
            "TimeSpan" or "NullableTimeSpan" => TimeSpan.FromTicks(Span()),
            "Double" or "NullableDouble" => slot.Setting == GeneratedSetting.Jitter ? Jitter() : Ratio(),
            "Int" or "NullableInt" => Percentage(),
            "GoDuration" => Lib.GoDuration.FromTimeSpan(TimeSpan.FromTicks(Span())).Format(),
            "Workload" => new Lib.WorkloadCertificatePolicy(TimeSpan.FromTicks(Span()), Ratio(), Jitter()),
            "Intermediate" => new Lib.IntermediateCaPolicy(TimeSpan.FromTicks(Span()), TimeSpan.FromTicks(Span()), null),
            "Lifetimes" => new Lib.MeshCertificateLifetimes(new Lib.WorkloadCertificatePolicy(TimeSpan.FromTicks(Span())), new Lib.IntermediateCaPolicy(TimeSpan.FromTicks(Span()), null, Percentage())),
            _ => (Func<object>)(() => new Lib.MeshLifetimeOptions()),
        };
    }
}
