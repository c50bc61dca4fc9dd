using System.Collections.Immutable;
using Golem.MeshPki.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>
/// Static readonly fields declared in another file of the compilation: evaluated with that file's semantic model,
/// under the same rules as fields of the same file; and found when only the using document is analyzed, as the IDE
/// analyzes a document.
/// </summary>
public sealed partial class ValueFormTests
{
    private const string Use = """
        using System;
        using Golem.MeshPki.Lifetimes;

        public static class Mesh
        {
            public static object Configure(TimeSpan configured)
            {
                return new WorkloadCertificatePolicy { STATEMENT };
            }
        }
        """;

    private const string Defaults = """
        using System;
        using Golem.MeshPki.Lifetimes;

        public static class MeshDefaults
        {
            public static readonly TimeSpan LongTtl = TimeSpan.FromDays(100);
            public static readonly TimeSpan SafeTtl = TimeSpan.FromDays(30);
            public static readonly TimeSpan Chained = Deeper.Week * 14;
            public static readonly TimeSpan? NullableLong = LongTtl;
            public static readonly string SecretTtl = "2400h";
            public const string ConstSecretTtl = "2400h";
            public static readonly GoDuration MaxTtl = GoDuration.Parse(ConstSecretTtl);
            public static readonly double HighRatio = 1.5;
            public static readonly TimeSpan Cycle = Cyclic.Back;
        }

        public static class WithStaticConstructor
        {
            public static readonly TimeSpan Ttl = TimeSpan.FromDays(100);

            static WithStaticConstructor()
            {
            }
        }

        public static partial class SplitAcrossFiles
        {
            public static readonly TimeSpan Ttl = TimeSpan.FromDays(100);
        }

        public static partial class PartialInOneFile
        {
            public static readonly TimeSpan Ttl = TimeSpan.FromDays(100);
        }

        public static partial class PartialInOneFile
        {
            public static readonly TimeSpan Other = TimeSpan.FromDays(1);
        }

        public static class FromOtherFile
        {
            public static readonly TimeSpan ReadsLater = LaterInFile;
            public static readonly TimeSpan LaterInFile = TimeSpan.FromDays(100);
        }
        """;

    private const string Deeper = """
        using System;

        public static class Deeper
        {
            public static readonly TimeSpan Week = TimeSpan.FromDays(7);
        }

        public static class Cyclic
        {
            public static readonly TimeSpan Back = MeshDefaults.Cycle;
        }

        public static partial class SplitAcrossFiles
        {
            public static readonly TimeSpan Other = TimeSpan.FromDays(1);
        }
        """;

    [Theory]
    [InlineData("Ttl = {|#0:MeshDefaults.LongTtl|}", "100.00:00:00")]
    [InlineData("Ttl = {|#0:MeshDefaults.Chained|}", "98.00:00:00")]
    [InlineData("Ttl = {|#0:MeshDefaults.SafeTtl + Deeper.Week * 10|}", "100.00:00:00")]
    [InlineData("Ttl = {|#0:(TimeSpan)MeshDefaults.NullableLong|}", "100.00:00:00")]
    [InlineData("Ttl = {|#0:GoDuration.Parse(MeshDefaults.SecretTtl).ToTimeSpan()|}", "100.00:00:00")]
    [InlineData("Ttl = {|#0:MeshDefaults.MaxTtl.ToTimeSpan()|}", "100.00:00:00")]
    [InlineData("Ttl = {|#0:PartialInOneFile.Ttl|}", "100.00:00:00")]
    public async Task Fields_declared_in_other_files_are_known(string statement, string ttl) =>
        await VerifyAcrossFilesAsync<WorkloadTtlAboveMaximumAnalyzer>(
            statement,
            AnalyzerTest<WorkloadTtlAboveMaximumAnalyzer>.Diagnostic("MPKI2002").WithLocation(0).WithArguments(ttl, "90.00:00:00"));

    [Theory]
    [InlineData("Ttl = MeshDefaults.SafeTtl")]
    [InlineData("Ttl = MeshDefaults.LongTtl - Deeper.Week * 2")]
    [InlineData("Ttl = GoDuration.Parse(\"720h\").ToTimeSpan() + Deeper.Week")]
    public async Task Safe_fields_declared_in_other_files_are_not_reported(string statement) =>
        await VerifyAcrossFilesAsync<WorkloadTtlAboveMaximumAnalyzer>(statement);

    [Theory]
    [InlineData("Ttl = WithStaticConstructor.Ttl")]
    [InlineData("Ttl = SplitAcrossFiles.Ttl")]
    [InlineData("Ttl = MeshDefaults.Cycle")]
    [InlineData("Ttl = Cyclic.Back")]
    [InlineData("Ttl = FromOtherFile.ReadsLater")]
    [InlineData("Ttl = MeshDefaults.LongTtl + configured")]
    public async Task Fields_declared_in_other_files_whose_value_is_unknown_are_skipped(string statement) =>
        await VerifyAcrossFilesAsync<WorkloadTtlAboveMaximumAnalyzer>(statement);

    [Fact]
    public async Task Numbers_declared_in_other_files_are_known() =>
        await VerifyAcrossFilesAsync<GracePeriodRatioAnalyzer>(
            "GracePeriodRatio = {|#0:MeshDefaults.HighRatio|}",
            AnalyzerTest<GracePeriodRatioAnalyzer>.Diagnostic("MPKI2001").WithLocation(0).WithArguments(
                "Grace period ratio", "1.5", "istio-agent rotates at once, on every certificate it receives"));

    [Fact]
    public async Task Numbers_declared_in_other_files_inside_0_1_are_not_reported() =>
        await VerifyAcrossFilesAsync<GracePeriodRatioAnalyzer>("GracePeriodRatio = MeshDefaults.HighRatio / 3");

    [Fact]
    public async Task Fields_in_other_files_are_read_when_only_the_using_document_is_analyzed()
    {
        // What the IDE does on every edit: analyze one document of the compilation (CompilationWithAnalyzers, which
        // also gives the compilation the driver's shared semantic models).
        SyntaxTree use = CSharpSyntaxTree.ParseText(Use.Replace("STATEMENT", "Ttl = MeshDefaults.Chained", StringComparison.Ordinal), path: "Use.cs");
        CSharpCompilation compilation = CSharpCompilation.Create(
            "PerDocument",
            [use, CSharpSyntaxTree.ParseText(Defaults, path: "Defaults.cs"), CSharpSyntaxTree.ParseText(Deeper, path: "Deeper.cs")],
            TestReferences.FrameworkAndLibrary,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        CompilationWithAnalyzers analysis = compilation.WithAnalyzers([new WorkloadTtlAboveMaximumAnalyzer()]);

        ImmutableArray<Diagnostic> diagnostics = await analysis.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(use), filterSpan: null, CancellationToken.None);

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("MPKI2002", diagnostic.Id);
        Assert.Equal("MeshDefaults.Chained", use.GetText().ToString(diagnostic.Location.SourceSpan));
    }

    private static Task VerifyAcrossFilesAsync<TAnalyzer>(string statement, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        test.TestState.Sources.Add(("Use.cs", Use.Replace("STATEMENT", statement, StringComparison.Ordinal)));
        test.TestState.Sources.Add(("Defaults.cs", Defaults));
        test.TestState.Sources.Add(("Deeper.cs", Deeper));
        test.TestState.AdditionalReferences.AddRange(TestReferences.FrameworkAndLibrary);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
