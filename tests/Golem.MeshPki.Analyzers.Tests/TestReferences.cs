extern alias library;

using Microsoft.CodeAnalysis;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>
/// The references test code compiles against (as <c>AnalyzerTest</c> gives them to single-file tests): the SDK's
/// net10.0 reference assemblies, listed by the build in framework-references.txt, and the real library.
/// </summary>
internal static class TestReferences
{
    public static MetadataReference[] FrameworkAndLibrary { get; } =
    [
        .. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "framework-references.txt"))
            .Where(line => line.Length > 0)
            .Select(path => MetadataReference.CreateFromFile(path)),
        MetadataReference.CreateFromFile(typeof(library::Golem.MeshPki.Lifetimes.WorkloadCertificatePolicy).Assembly.Location),
    ];
}
