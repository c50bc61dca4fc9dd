extern alias library;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

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

    /// <summary>
    /// A library project in <paramref name="workspace"/> with the given documents, compiled against
    /// <see cref="FrameworkAndLibrary"/>, as code fixes see it in an IDE; returns the first document.
    /// </summary>
    public static Document AdhocDocument(AdhocWorkspace workspace, params (string Name, string Text)[] documents)
    {
        var projectId = ProjectId.CreateNewId();
        Project project = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                "Fix",
                "Fix",
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: FrameworkAndLibrary))
            .GetProject(projectId)!;
        DocumentId? first = null;
        foreach ((string name, string text) in documents)
        {
            Document added = project.AddDocument(name, SourceText.From(text));
            first ??= added.Id;
            project = added.Project;
        }

        return project.GetDocument(first!)!;
    }
}
