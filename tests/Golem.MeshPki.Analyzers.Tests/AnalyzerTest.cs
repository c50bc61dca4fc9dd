extern alias library;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>Runs an analyzer over test source that uses the real Golem.MeshPki library (net10.0 reference assemblies).</summary>
internal static class AnalyzerTest<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    // The library targets net10.0: compile the test sources against the SDK's net10.0 reference assemblies, which the
    // build lists in framework-references.txt (see the project file).
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

    public static Task VerifyAsync(string source, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        test.TestState.AdditionalReferences.AddRange(FrameworkReferences);
        test.TestState.AdditionalReferences.Add(typeof(library::Golem.MeshPki.Lifetimes.WorkloadCertificatePolicy).Assembly);
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig + "\n"));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
