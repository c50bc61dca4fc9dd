using System.Reflection;
using Golem.MeshPki.Analyzers.CodeFixes;
using Golem.MeshPki.Analyzers.Rules;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>
/// Issue 5: "the analyzer must not load the library's own assembly or its dependencies". The compiler loads the
/// analyzers into its own process, where the library, BouncyCastle and YamlDotNet are not there to be found.
/// </summary>
public sealed class AssemblyIsolationTests
{
    public static TheoryData<string> AnalyzerAssemblies => new()
    {
        typeof(GracePeriodRatioAnalyzer).Assembly.Location,
        typeof(GracePeriodRatioCodeFixProvider).Assembly.Location,
    };

    [Theory]
    [MemberData(nameof(AnalyzerAssemblies))]
    public void References_only_the_compiler_and_netstandard(string path)
    {
        AssemblyName[] references = Assembly.LoadFile(path).GetReferencedAssemblies();

        Assert.All(references, reference => Assert.True(
            reference.Name is "netstandard" or "Golem.MeshPki.Analyzers"
                || reference.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
                || reference.Name.StartsWith("System.", StringComparison.Ordinal),
            $"{Path.GetFileName(path)} references {reference.FullName}"));
        Assert.DoesNotContain(references, r => r.Name is "Golem.MeshPki" or "BouncyCastle.Cryptography" or "YamlDotNet");
    }

    [Theory]
    [MemberData(nameof(AnalyzerAssemblies))]
    public void Targets_netstandard_2_0(string path)
    {
        var framework = Assembly.LoadFile(path).GetCustomAttribute<System.Runtime.Versioning.TargetFrameworkAttribute>();

        Assert.Equal(".NETStandard,Version=v2.0", framework?.FrameworkName);
    }
}
