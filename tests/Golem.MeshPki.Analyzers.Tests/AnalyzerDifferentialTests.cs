extern alias library;

using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;
using Lib = library::Golem.MeshPki.Lifetimes;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>
/// A randomized differential test of the analyzers against the library: a few hundred generated programs
/// (<see cref="LifetimeProgramGenerator"/>, fixed seed) create lifetime objects through every API surface with every
/// value form; one compilation is analyzed, then every program runs and its object's <c>Validate()</c> is the oracle.
/// </summary>
/// <remarks>
/// <para>
/// The contract checked: where every value and object is known, the analyzers' diagnostics (ids and messages) are
/// exactly <c>Validate()</c>'s findings; otherwise they are a sub-multiset of them, for every value the unknown parts
/// are given at run time (each program with unknown parts runs several times with different values). When the code
/// throws, no diagnostic may be located on a value that throws, and what is reported must hold whatever that value
/// would have been (the program runs again with other values in its place).
/// </para>
/// <para>
/// Known deviations, documented in analyzers/DESIGN.md and kept out of the generated unknowns on purpose: an unknown
/// MaxWorkloadCertTtl (a <see langword="with"/>, an options property set alone) is taken to be istiod's, so the unknown
/// sources keep the default of 90 days; an unknown intermediate duration or renewBefore is taken to fit in Go's int64
/// nanoseconds, so unknown ones stay within 292 years; MPKI2006 quotes an unknown percentage as written. And one
/// library bug: <c>WorkloadCertificatePolicy.Validate()</c> overflows on TTLs near or beyond Go's limit, so for those
/// objects MPKI2001 has no oracle, and the other rules are compared with <c>Validate()</c> of the object with a ratio
/// outside (0, 1) (which skips the rotation arithmetic).
/// </para>
/// </remarks>
public sealed class AnalyzerDifferentialTests(ITestOutputHelper output)
{
    // Fixed, so that every run generates the same programs; GOLEM_DIFFERENTIAL_SEED and GOLEM_DIFFERENTIAL_PROGRAMS
    // explore others (a failure message names its seed).
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("GOLEM_DIFFERENTIAL_SEED"), CultureInfo.InvariantCulture, out int seed) ? seed : 5_2026;
    private static readonly int ProgramCount = int.TryParse(Environment.GetEnvironmentVariable("GOLEM_DIFFERENTIAL_PROGRAMS"), CultureInfo.InvariantCulture, out int count) ? count : 600;
    private const int RunsWithUnknowns = 3;

    [Fact]
    public async Task The_analyzers_say_what_Validate_finds_on_generated_programs()
    {
        var clock = Stopwatch.StartNew();
        var generator = new LifetimeProgramGenerator(Seed);
        List<GeneratedProgram> programs = generator.Generate(ProgramCount);
        (string first, string second) = LifetimeProgramGenerator.Layout(programs, generator.SlotCount);
        SyntaxTree programsTree = CSharpSyntaxTree.ParseText(first, new CSharpParseOptions(LanguageVersion.Latest), path: "Programs.cs");
        SyntaxTree fieldsTree = CSharpSyntaxTree.ParseText(second, new CSharpParseOptions(LanguageVersion.Latest), path: "Fields.cs");
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Generated",
            [programsTree, fieldsTree],
            TestReferences.FrameworkAndLibrary,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        AssertCompiles(compilation, programs);
        MarkNeverNull(compilation.GetSemanticModel(programsTree), programs);

        var exceptions = new List<string>();
        var analysis = compilation.WithAnalyzers(
            AnalyzerRun.AllAnalyzers,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([]),
                (exception, analyzer, _) => { lock (exceptions) { exceptions.Add(analyzer.GetType().Name + ": " + exception); } },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));
        ImmutableArray<Diagnostic> diagnostics = await analysis.GetAnalyzerDiagnosticsAsync();
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        TimeSpan analyzed = clock.Elapsed;

        using var image = new MemoryStream();
        Assert.True(compilation.Emit(image).Success);
        var runner = new Runner(Assembly.Load(image.ToArray()), new Random(Seed + 1));

        var failures = new List<string>();
        var statistics = new Statistics();
        foreach (GeneratedProgram program in programs)
        {
            Diagnostic[] own = diagnostics
                .Where(d => d.Location.SourceTree == programsTree && program.BuildSpan.Contains(d.Location.SourceSpan))
                .ToArray();
            failures.AddRange(runner.Check(program, own, statistics).Select(f => Describe(program, own, f)));
        }

        // Diagnostics anywhere else (CreateAlt, the V methods, field initializers) are ignored, but none may be outside the generated classes.
        Assert.DoesNotContain(diagnostics, d => d.Location.SourceTree == fieldsTree);

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{programs.Count} programs ({statistics.Exact} compared exactly, {statistics.Subset} as subsets, {statistics.Threw} threw, {statistics.ValidateThrew} with Validate() overflowing), {statistics.Runs} runs, {diagnostics.Length} diagnostics; analyzed in {analyzed.TotalSeconds:F1} s, total {clock.Elapsed.TotalSeconds:F1} s."));
        output.WriteLine("Rules reported where compared exactly: " + string.Join(", ", statistics.ExactIds.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => i.Key + " x" + i.Value.ToString(CultureInfo.InvariantCulture))));
        if (failures.Count > 0)
        {
            Assert.Fail($"{failures.Count} of {programs.Count} generated programs break the contract (seed {Seed}); the first ones:\n\n" + string.Join("\n\n", failures.Take(8)));
        }

        // The generator reaches every rule with all values known (else a rule could be silent everywhere and pass).
        Assert.All(
            new[] { "MPKI2001", "MPKI2002", "MPKI2003", "MPKI2004", "MPKI2005", "MPKI2006", "MPKI2010" },
            id => Assert.True(statistics.ExactIds.ContainsKey(id), id + " is never reported on an all-known program"));
    }

    private static void AssertCompiles(CSharpCompilation compilation, List<GeneratedProgram> programs)
    {
        Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (errors.Length == 0)
        {
            return;
        }

        var text = new StringBuilder("The generated programs do not compile:\n");
        foreach (Diagnostic error in errors.Take(10))
        {
            text.Append(error).Append('\n');
            string line = error.Location.SourceTree!.GetText().Lines.GetLineFromPosition(error.Location.SourceSpan.Start).ToString();
            text.Append("    ").Append(line.Trim()).Append('\n');
        }

        Assert.Fail(text.ToString());
    }

    // A value whose expression cannot be null is replaced only by non-null values (the analyzers may rely on its type).
    private static void MarkNeverNull(SemanticModel model, List<GeneratedProgram> programs)
    {
        SyntaxNode root = model.SyntaxTree.GetRoot();
        foreach (GeneratedValue value in programs.SelectMany(p => p.Values))
        {
            SyntaxNode node = root.FindNode(value.Span, getInnermostNodeForTie: true);
            while (node.Span != value.Span && node.Parent is { } parent)
            {
                node = parent;
            }

            value.NeverNull = model.GetTypeInfo(node).Type is { IsValueType: true } type
                && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T;
        }
    }

    private static string Describe(GeneratedProgram program, Diagnostic[] diagnostics, string failure) =>
        $"""
        Program {program.ClassName} ({program.Surface}): {failure}
        Reported:
        {string.Join("\n", diagnostics.Select(d => "  " + d.Id + " at '" + d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan) + "': " + d.GetMessage(CultureInfo.InvariantCulture)))}
        {Shown(program.ClassText)}
        {program.OtherFileText}
        """;

    // The class without BuildAlt and the V methods (the same code again).
    private static string Shown(string classText)
    {
        int alt = classText.IndexOf("    private static object BuildAlt(", StringComparison.Ordinal);
        return alt < 0 ? classText : classText[..alt] + "    ...\n}";
    }

    private sealed class Statistics
    {
        public int Exact { get; set; }

        public int Subset { get; set; }

        public int Threw { get; set; }

        public int ValidateThrew { get; set; }

        public int Runs { get; set; }

        public Dictionary<string, int> ExactIds { get; } = [];
    }

    /// <summary>Runs the generated programs: sets the unknown values, calls the methods, validates the objects.</summary>
    private sealed class Runner
    {
        private readonly Assembly assembly;
        private readonly Random random;
        private readonly object?[] values;
        private readonly bool[] alts;

        public Runner(Assembly assembly, Random random)
        {
            this.assembly = assembly;
            this.random = random;
            Type u = assembly.GetType("U")!;
            values = (object?[])u.GetField("Values")!.GetValue(null)!;
            alts = (bool[])u.GetField("Alts")!.GetValue(null)!;
        }

        private GeneratedProgram? current;
        private object? lastCreated;

        public List<string> Check(GeneratedProgram program, Diagnostic[] diagnostics, Statistics statistics)
        {
            current = program;
            var failures = new List<string>();
            string[] reported = diagnostics.Select(d => d.Id + ": " + d.GetMessage(CultureInfo.InvariantCulture)).ToArray();
            Type type = assembly.GetType(program.ClassName)!;
            Array.Clear(alts);
            DrawUnknowns(program);
            statistics.Runs++;
            if (!TryInvoke(type, "Create", out object? created, out Exception? thrown))
            {
                statistics.Threw++;
                CheckThrowing(program, type, diagnostics, reported, thrown!, failures, statistics);
                return failures;
            }

            bool exact = program.AllKnown;
            (string[] findings, bool validateThrew) = Oracle(created!);
            if (validateThrew)
            {
                statistics.ValidateThrew++;
            }

            if (exact && !validateThrew)
            {
                statistics.Exact++;
                foreach (string id in reported.Select(r => r[..8]))
                {
                    statistics.ExactIds[id] = statistics.ExactIds.GetValueOrDefault(id) + 1;
                }
            }
            else
            {
                statistics.Subset++;
            }

            Compare(reported, findings, exact && !validateThrew, validateThrew, "as written, " + Values(program), failures);
            for (int run = 1; run < RunsWithUnknowns && program.Unknowns.Count > 0; run++)
            {
                DrawUnknowns(program);
                statistics.Runs++;
                if (TryInvoke(type, "Create", out created, out _))
                {
                    (findings, validateThrew) = Oracle(created!);
                    Compare(reported, findings, exact: false, validateThrew, "with other unknowns, " + Values(program), failures);
                }
            }

            return failures;
        }

        // The code throws: nothing reported may be located on a value that throws, and whatever is reported must hold
        // whatever that value would have been.
        private void CheckThrowing(GeneratedProgram program, Type type, Diagnostic[] diagnostics, string[] reported, Exception thrown, List<string> failures, Statistics statistics)
        {
            // Replaced: the values that throw, and those that read an unknown (drawn again, it might throw instead).
            var replaced = new List<GeneratedValue>();
            foreach (GeneratedValue value in program.Values)
            {
                bool throws = value.Standalone && Throws(type, value);
                if (!value.Standalone || value.Expression.Contains("U.Get<", StringComparison.Ordinal) || throws)
                {
                    replaced.Add(value);
                }

                // MPKI2006 needs no value, only one that cannot be null, which the expression's type says.
                if (throws && diagnostics.FirstOrDefault(d => d.Id != "MPKI2006" && value.Span.Contains(d.Location.SourceSpan)) is { } onIt)
                {
                    failures.Add($"reported {onIt.Id} on the value '{value.Expression}', which throws at run time ({thrown.GetType().Name}: {thrown.Message})");
                }
            }

            for (int run = 0; run < RunsWithUnknowns; run++)
            {
                DrawUnknowns(program, allowInvalid: false);
                foreach (GeneratedValue value in replaced)
                {
                    alts[value.Id] = true;
                    values[value.Id] = Draw(value.Type, value.Setting, allowInvalid: false, allowNull: !value.NeverNull);
                }

                statistics.Runs++;
                if (!TryInvoke(type, "CreateAlt", out object? created, out Exception? still))
                {
                    failures.Add($"still throws with the throwing values replaced: {still!.GetType().Name}: {still.Message} (first: {thrown.GetType().Name}: {thrown.Message})");
                    break;
                }

                (string[] findings, bool validateThrew) = Oracle(created!);
                Compare(reported, findings, exact: false, validateThrew, "with the throwing values replaced by " + string.Join(", ", replaced.Select(v => "'" + v.Expression + "' = " + Show(values[v.Id]))), failures);
            }

            Array.Clear(alts);
        }

        private bool Throws(Type type, GeneratedValue value)
        {
            if (!TryInvoke(type, "V" + value.Id.ToString(CultureInfo.InvariantCulture), out object? result, out _))
            {
                return true;
            }

            // A Go duration string the factory cannot read throws there.
            return value.Type == GeneratedType.GoDuration && result is string text && !Lib.GoDuration.TryParse(text, out _);
        }

        private bool TryInvoke(Type type, string method, out object? result, out Exception? thrown)
        {
            try
            {
                result = type.GetMethod(method)!.Invoke(null, null);
                thrown = null;
                if (method.StartsWith("Create", StringComparison.Ordinal))
                {
                    lastCreated = result;
                }

                return true;
            }
            catch (TargetInvocationException exception)
            {
                result = null;
                thrown = exception.InnerException ?? exception;
                return false;
            }
        }

        private void Compare(string[] reported, string[] findings, bool exact, bool validateThrew, string context, List<string> failures)
        {
            if (!exact
                && current is { } program
                && IntermediateBeyondGo(lastCreated)
                && (program.Surface is "options-statements" or "options-callback"
                    || program.Values.Any(v => v.Setting is GeneratedSetting.Duration or GeneratedSetting.RenewBefore && !v.Known)))
            {
                // Known deviation (DESIGN.md): an intermediate duration or renewBefore the analyzers do not know (an
                // unknown value, or one set in another statement) is taken to fit a Certificate; beyond Go's int64
                // nanoseconds Validate() has nothing to say about cert-manager.
                reported = reported.Where(r => r[..8] is not ("MPKI2004" or "MPKI2005" or "MPKI2006")).ToArray();
            }

            if (validateThrew)
            {
                // Library bug: Validate() overflows in its rotation arithmetic, so MPKI2001 has no oracle here.
                reported = reported.Where(r => !r.StartsWith("MPKI2001", StringComparison.Ordinal)).ToArray();
            }

            string[] sortedReported = reported.Order(StringComparer.Ordinal).ToArray();
            string[] sortedFindings = findings.Order(StringComparer.Ordinal).ToArray();
            if (exact)
            {
                if (!sortedReported.SequenceEqual(sortedFindings))
                {
                    failures.Add($"not exactly Validate()'s findings ({context}).\nValidate():\n{Lines(sortedFindings)}\nAnalyzers:\n{Lines(sortedReported)}");
                }

                return;
            }

            var remaining = sortedFindings.ToList();
            foreach (string diagnostic in sortedReported)
            {
                if (remaining.Remove(diagnostic))
                {
                    continue;
                }

                // Known deviation: MPKI2006 quotes a percentage it does not know as written (the webhook rejects any value).
                if (diagnostic.StartsWith("MPKI2006", StringComparison.Ordinal)
                    && !int.TryParse(QuotedValue(diagnostic), NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
                    && remaining.FirstOrDefault(f => f.StartsWith("MPKI2006", StringComparison.Ordinal)) is { } twice)
                {
                    remaining.Remove(twice);
                    continue;
                }

                if (IsIstiodDefaultMaximum(diagnostic))
                {
                    continue;
                }

                failures.Add($"reports what Validate() does not find ({context}): {diagnostic}\nValidate():\n{Lines(sortedFindings)}");
            }
        }

        /// <summary>
        /// Known deviation (DESIGN.md, "MPKI2002's maximum"): where the operation does not write the maximum
        /// (a <see langword="with"/>, an options property set in a statement), MPKI2002 compares the TTL with istiod's
        /// (.editorconfig, else 90 days), not the object's. Accepted when that is what the message says and it holds:
        /// the TTL it quotes is the object's, above 90 days.
        /// </summary>
        private bool IsIstiodDefaultMaximum(string diagnostic)
        {
            const string Prefix = "MPKI2002: Workload certificate TTL '";
            const string Suffix = "' exceeds istiod's maximum '90.00:00:00'; every CSR will fail with TTL_ERROR.";
            if (current is not { } program
                || !(program.Surface is "options-statements" or "options-callback" || program.Body.Contains(" with ", StringComparison.Ordinal))
                || !diagnostic.StartsWith(Prefix, StringComparison.Ordinal)
                || !diagnostic.EndsWith(Suffix, StringComparison.Ordinal)
                || !TimeSpan.TryParseExact(diagnostic[Prefix.Length..^Suffix.Length], "c", CultureInfo.InvariantCulture, out TimeSpan ttl))
            {
                return false;
            }

            TimeSpan? actual = lastCreated switch
            {
                Lib.WorkloadCertificatePolicy w => w.Ttl,
                Lib.MeshCertificateLifetimes m => m.Workload.Ttl,
                Lib.MeshLifetimeOptions o => o.WorkloadCertificateTtl,
                _ => null,
            };
            return actual == ttl && ttl.TotalSeconds > TimeSpan.FromDays(90).TotalSeconds;
        }

        private static bool IntermediateBeyondGo(object? created)
        {
            Lib.IntermediateCaPolicy? intermediate = created switch
            {
                Lib.IntermediateCaPolicy i => i,
                Lib.MeshCertificateLifetimes m => m.Intermediate,
                Lib.MeshLifetimeOptions o => o.ToLifetimes().Intermediate,
                _ => null,
            };
            return intermediate is not null && (BeyondGo(intermediate.Duration) || BeyondGo(intermediate.RenewBefore));
        }

        private static bool BeyondGo(TimeSpan? value) =>
            value is { Ticks: > LifetimeProgramGenerator.GoMaxTicks or < -LifetimeProgramGenerator.GoMaxTicks };

        private static string QuotedValue(string message)
        {
            const string Marker = "Invalid value: \"";
            int start = message.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length;
            return message[start..message.IndexOf('"', start)];
        }

        private static string Lines(string[] lines) => lines.Length == 0 ? "  (none)" : string.Join("\n", lines.Select(l => "  " + l));

        /// <summary>Validate()'s findings; when it throws (library bug), those of the object with an out-of-range ratio, without MPKI2001.</summary>
        private static (string[] Findings, bool Threw) Oracle(object created)
        {
            try
            {
                return (Validate(created), false);
            }
            catch (OverflowException)
            {
                object withoutRotation = created switch
                {
                    Lib.WorkloadCertificatePolicy w => w with { GracePeriodRatio = 2 },
                    Lib.MeshCertificateLifetimes m => m with { Workload = m.Workload with { GracePeriodRatio = 2 } },
                    Lib.MeshLifetimeOptions o => o.ToLifetimes() with { Workload = o.ToLifetimes().Workload with { GracePeriodRatio = 2 } },
                    _ => throw new InvalidOperationException("Validate() threw for " + created),
                };
                return (Validate(withoutRotation).Where(f => !f.StartsWith("MPKI2001", StringComparison.Ordinal)).ToArray(), true);
            }
        }

        private static string[] Validate(object created)
        {
            IReadOnlyList<library::Golem.MeshPki.Rules.Finding> findings = created switch
            {
                Lib.WorkloadCertificatePolicy workload => workload.Validate(),
                Lib.IntermediateCaPolicy intermediate => intermediate.Validate(),
                Lib.MeshCertificateLifetimes lifetimes => lifetimes.Validate(),
                Lib.MeshLifetimeOptions options => options.Validate(),
                _ => throw new InvalidOperationException("Not a lifetime type: " + created.GetType()),
            };
            return findings.Select(f => f.Id + ": " + f.Message).ToArray();
        }

        private void DrawUnknowns(GeneratedProgram program, bool allowInvalid = true)
        {
            foreach (UnknownSlot slot in program.Unknowns)
            {
                values[slot.Id] = slot.Kind switch
                {
                    "TimeSpan" => Draw(GeneratedType.TimeSpan, slot.Setting, allowInvalid: true),
                    "NullableTimeSpan" => Draw(GeneratedType.NullableTimeSpan, slot.Setting, allowInvalid: true),
                    "Double" => Draw(GeneratedType.Double, slot.Setting, allowInvalid: true),
                    "NullableDouble" => Draw(GeneratedType.NullableDouble, slot.Setting, allowInvalid: true),
                    "Int" => Draw(GeneratedType.Int, slot.Setting, allowInvalid: true),
                    "NullableInt" => Draw(GeneratedType.NullableInt, slot.Setting, allowInvalid: true),
                    "GoDuration" => Draw(GeneratedType.GoDuration, slot.Setting, allowInvalid),
                    "Workload" => Workload(),
                    "Intermediate" => Intermediate(),
                    "Lifetimes" => new Lib.MeshCertificateLifetimes(Workload(), Intermediate()),
                    "Options" => Options(),
                    _ => throw new InvalidOperationException(slot.Kind),
                };
            }
        }

        // Known deviation (DESIGN.md): an unknown MaxWorkloadCertTtl is taken to be istiod's, so sources keep its default.
        private Lib.WorkloadCertificatePolicy Workload() => new(
            (TimeSpan)Draw(GeneratedType.TimeSpan, GeneratedSetting.Ttl, allowInvalid: false)!,
            (double)Draw(GeneratedType.Double, GeneratedSetting.Ratio, allowInvalid: false)!,
            (double)Draw(GeneratedType.Double, GeneratedSetting.Jitter, allowInvalid: false)!);

        private Lib.IntermediateCaPolicy Intermediate() => new(
            (TimeSpan?)Draw(GeneratedType.NullableTimeSpan, GeneratedSetting.Duration, allowInvalid: false),
            (TimeSpan?)Draw(GeneratedType.NullableTimeSpan, GeneratedSetting.RenewBefore, allowInvalid: false),
            (int?)Draw(GeneratedType.NullableInt, GeneratedSetting.Percentage, allowInvalid: false));

        private Func<object> Options()
        {
            Lib.WorkloadCertificatePolicy workload = Workload();
            Lib.IntermediateCaPolicy intermediate = Intermediate();
            return () => new Lib.MeshLifetimeOptions
            {
                WorkloadCertificateTtl = workload.Ttl,
                GracePeriodRatio = workload.GracePeriodRatio,
                GracePeriodRatioJitter = workload.GracePeriodRatioJitter,
                IntermediateDuration = intermediate.Duration,
                IntermediateRenewBefore = intermediate.RenewBefore,
                IntermediateRenewBeforePercentage = intermediate.RenewBeforePercentage,
            };
        }

        private object? Draw(GeneratedType type, GeneratedSetting? setting, bool allowInvalid, bool allowNull = true)
        {
            bool nullable = allowNull && type is GeneratedType.NullableTimeSpan or GeneratedType.NullableDouble or GeneratedType.NullableInt or GeneratedType.GoDuration;
            if (nullable && random.NextDouble() < 0.15)
            {
                return null;
            }

            switch (type)
            {
                case GeneratedType.TimeSpan or GeneratedType.NullableTimeSpan:
                    return TimeSpan.FromTicks(SpanTicks(setting));
                case GeneratedType.Double or GeneratedType.NullableDouble:
                    double[] pool = setting == GeneratedSetting.Jitter ? LifetimeProgramGenerator.Jitters : LifetimeProgramGenerator.Ratios;
                    return pool[random.Next(pool.Length)];
                case GeneratedType.Int or GeneratedType.NullableInt:
                    return LifetimeProgramGenerator.Percentages[random.Next(LifetimeProgramGenerator.Percentages.Length)];
                default:
                    if (allowInvalid && random.NextDouble() < 0.1)
                    {
                        return "1d";
                    }

                    long ticks = SpanTicks(setting);
                    return Lib.GoDuration.FromTimeSpan(TimeSpan.FromTicks(Math.Clamp(ticks, -LifetimeProgramGenerator.GoMaxTicks, LifetimeProgramGenerator.GoMaxTicks))).Format();
            }
        }

        // Known deviation (DESIGN.md): an unknown intermediate duration or renewBefore is taken to fit a Certificate.
        private long SpanTicks(GeneratedSetting? setting)
        {
            long[] pool = random.NextDouble() < 0.85 ? LifetimeProgramGenerator.CommonSpans : LifetimeProgramGenerator.ExtremeSpans;
            long ticks = pool[random.Next(pool.Length)];
            return setting is GeneratedSetting.Duration or GeneratedSetting.RenewBefore
                ? Math.Clamp(ticks, -LifetimeProgramGenerator.GoMaxTicks, LifetimeProgramGenerator.GoMaxTicks)
                : ticks;
        }

        private string Values(GeneratedProgram program) =>
            program.Unknowns.Count == 0 ? "no unknowns" : "unknowns " + string.Join(", ", program.Unknowns.Select(u => u.Id.ToString(CultureInfo.InvariantCulture) + " = " + Show(values[u.Id])));

        private static string Show(object? value) => value switch
        {
            null => "null",
            string text => "\"" + text + "\"",
            TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
            double number => number.ToString("R", CultureInfo.InvariantCulture),
            Func<object> make => Show(make()),
            Lib.MeshLifetimeOptions options => $"options {{ {Show(options.WorkloadCertificateTtl)}, {Show(options.GracePeriodRatio)}, {Show(options.GracePeriodRatioJitter)}, {Show(options.IntermediateDuration)}, {Show(options.IntermediateRenewBefore)}, {Show(options.IntermediateRenewBeforePercentage)} }}",
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "?",
        };
    }
}
