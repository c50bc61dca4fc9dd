extern alias library;

using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Finding = library::Golem.MeshPki.Rules.Finding;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>
/// Compiles test source against the real library, runs analyzers over it and, for the message parity tests, runs the
/// compiled code too: the object it creates is the library's, with exactly the values the analyzers saw.
/// </summary>
internal static class AnalyzerRun
{
    private static readonly MetadataReference[] References = File
        .ReadAllLines(Path.Combine(AppContext.BaseDirectory, "framework-references.txt"))
        .Where(line => line.Length > 0)
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .Append(MetadataReference.CreateFromFile(typeof(library::Golem.MeshPki.Lifetimes.WorkloadCertificatePolicy).Assembly.Location))
        .ToArray();

    /// <summary>Every lifetime analyzer.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers { get; } = typeof(PolicyAnalyzer).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(DiagnosticAnalyzer)) && !t.IsAbstract)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>The diagnostics of <paramref name="analyzers"/> over <paramref name="source"/>, which must compile.</summary>
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(string source, ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        await AnalyzeAsync(Compile(source), analyzers);

    /// <summary><c>public static object Create() =&gt; <paramref name="expression"/>;</c>, after <paramref name="declarations"/>.</summary>
    public static string Source(string expression, string declarations = "") => $$"""
        using System;
        using Golem.MeshPki.Lifetimes;

        {{declarations}}

        public static class Mesh
        {
            public static object Create() => {{expression}};
        }
        """;

    /// <summary>
    /// The analyzers' diagnostics over <c>public static object Create() =&gt; <paramref name="expression"/>;</c> and the
    /// library's <c>Validate()</c> findings for the object that code creates when it runs.
    /// </summary>
    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Finding> Findings)> AnalyzeAndValidateAsync(string expression, string declarations = "")
    {
        (ImmutableArray<Diagnostic> diagnostics, object created) = await AnalyzeAndRunAsync(Source(expression, declarations));
        return (diagnostics, Validate(created));
    }

    /// <summary>The analyzers' diagnostics over <paramref name="source"/> and the object its <c>Mesh.Create()</c> returns.</summary>
    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, object Created)> AnalyzeAndRunAsync(string source)
    {
        CSharpCompilation compilation = Compile(source);
        ImmutableArray<Diagnostic> diagnostics = await AnalyzeAsync(compilation, AllAnalyzers);

        using var image = new MemoryStream();
        Assert.True(compilation.Emit(image).Success);
        return (diagnostics, Assembly.Load(image.ToArray()).GetType("Mesh")!.GetMethod("Create")!.Invoke(null, null)!);
    }

    /// <summary>The library's findings for a lifetime object.</summary>
    public static IReadOnlyList<Finding> Validate(object created)
    {
        IReadOnlyList<Finding> findings = created switch
        {
            library::Golem.MeshPki.Lifetimes.WorkloadCertificatePolicy workload => workload.Validate(),
            library::Golem.MeshPki.Lifetimes.IntermediateCaPolicy intermediate => intermediate.Validate(),
            library::Golem.MeshPki.Lifetimes.MeshCertificateLifetimes lifetimes => lifetimes.Validate(),
            library::Golem.MeshPki.Lifetimes.MeshLifetimeOptions options => options.Validate(),
            _ => throw new InvalidOperationException("Not a lifetime type: " + created.GetType()),
        };
        return findings;
    }

    // An analyzer that throws is reported as AD0001 and would merely be one more diagnostic: fail on it, with the exception.
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            (exception, analyzer, _) => { lock (exceptions) { exceptions.Add(analyzer.GetType().Name + ": " + exception); } },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    private static CSharpCompilation Compile(string source)
    {
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Mesh" + Guid.NewGuid().ToString("N"),
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return compilation;
    }
}
