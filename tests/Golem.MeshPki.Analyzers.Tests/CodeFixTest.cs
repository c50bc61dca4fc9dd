extern alias library;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>Runs an analyzer and its code fix over test source that uses the real Golem.MeshPki library.</summary>
internal static class CodeFixTest<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    private static readonly MetadataReference[] FrameworkReferences = File
        .ReadAllLines(Path.Combine(AppContext.BaseDirectory, "framework-references.txt"))
        .Where(line => line.Length > 0)
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToArray();

    /// <summary>
    /// The expected diagnostic of the analyzer's first descriptor with this id (MPKI2001 has three messages: the
    /// range error first; its warnings are expected with <see cref="Diagnostic(DiagnosticDescriptor)"/>).
    /// </summary>
    public static DiagnosticResult Diagnostic(string id) => new(new TAnalyzer().SupportedDiagnostics.First(d => d.Id == id));

    /// <summary>The expected diagnostic of one descriptor.</summary>
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    public static Task VerifyAsync(string source, string fixedSource, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        foreach (ProjectState state in new[] { test.TestState, test.FixedState })
        {
            state.AdditionalReferences.AddRange(FrameworkReferences);
            state.AdditionalReferences.Add(typeof(library::Golem.MeshPki.Lifetimes.WorkloadCertificatePolicy).Assembly);
            if (editorConfig is not null)
            {
                state.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig + "\n"));
            }
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
