using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>
/// <c>ConstantValues.TryGetGoDuration</c>, what rules over string-typed Go duration settings (istio-agent's
/// <c>SECRET_TTL</c>, "2160h") read: a known string that Go reads, as <c>GoDuration.ToTimeSpan</c> would return it.
/// Called here on the argument of a string (or object) parameter, as such a rule would.
/// </summary>
public sealed class GoDurationSettingTests
{
    private static string Code(string call) => $$"""
        using System;

        public static class Istio
        {
            public static void SecretTtl(string value) { }

            public static void Boxed(object value) { }
        }

        public static class Mesh
        {
            private const string ConstTtl = "2160h";
            private static readonly string ReadonlyTtl = "1h30m";
            private static readonly string ChainedTtl = ReadonlyTtl;
            private static readonly string ReadsLater = DeclaredLater;
            private static readonly string DeclaredLater = "24h";
            private static readonly string NotConstant = Environment.GetEnvironmentVariable("SECRET_TTL") ?? "24h";
            private static string mutable = "24h";

            public static void Configure(string configured)
            {
                {{call}};
            }
        }
        """;

    public static TheoryData<string, long> Known() => new()
    {
        { "Istio.SecretTtl(\"2160h\")", TimeSpan.FromDays(90).Ticks },
        { "Istio.SecretTtl(ConstTtl)", TimeSpan.FromDays(90).Ticks },
        { "Istio.SecretTtl(value: ReadonlyTtl)", TimeSpan.FromMinutes(90).Ticks },
        { "Istio.SecretTtl(ChainedTtl)", TimeSpan.FromMinutes(90).Ticks },
        { "Istio.SecretTtl(DeclaredLater)", TimeSpan.FromHours(24).Ticks },
        { "Istio.SecretTtl(\"24h\" + \"30m\")", TimeSpan.FromMinutes(1470).Ticks },
        { "Istio.SecretTtl($\"{ConstTtl}\")", TimeSpan.FromDays(90).Ticks },
        { "Istio.SecretTtl((string)(object)\"1.5h\")", TimeSpan.FromMinutes(90).Ticks },
        { "Istio.Boxed(\"86400s\")", TimeSpan.FromDays(1).Ticks },
        { "Istio.SecretTtl(\"0\")", 0 },
        { "Istio.SecretTtl(\"-1h\")", -TimeSpan.FromHours(1).Ticks },
        // Truncated toward zero to 100 ns ticks, as GoDuration.ToTimeSpan does.
        { "Istio.SecretTtl(\"199ns\")", 1 },
        { "Istio.SecretTtl(\"-199ns\")", -1 },
        { "Istio.SecretTtl(\"2562047h47m16.854775807s\")", long.MaxValue / 100 },
    };

    [Theory]
    [MemberData(nameof(Known))]
    public void Known_strings_Go_reads_are_Go_durations(string call, long ticks)
    {
        Assert.True(ConstantValues.TryGetGoDuration(Argument(call), out TimeSpan value));
        Assert.Equal(TimeSpan.FromTicks(ticks), value);
    }

    [Theory]
    // Strings Go rejects (no days, no unit, spaces, overflow, empty).
    [InlineData("Istio.SecretTtl(\"90d\")")]
    [InlineData("Istio.SecretTtl(\"2160\")")]
    [InlineData("Istio.SecretTtl(\"2160h \")")]
    [InlineData("Istio.SecretTtl(\"2562048h\")")]
    [InlineData("Istio.SecretTtl(\"\")")]
    // Values that are not known strings.
    [InlineData("Istio.SecretTtl(null!)")]
    [InlineData("Istio.SecretTtl(configured)")]
    [InlineData("Istio.SecretTtl(mutable)")]
    [InlineData("Istio.SecretTtl(NotConstant)")]
    [InlineData("Istio.SecretTtl(ReadsLater)")]
    [InlineData("Istio.SecretTtl(Console.ReadLine()!)")]
    [InlineData("Istio.SecretTtl(configured + \"h\")")]
    [InlineData("Istio.Boxed(TimeSpan.FromHours(1))")]
    [InlineData("Istio.Boxed(3600)")]
    public void Anything_else_is_unknown(string call) =>
        Assert.False(ConstantValues.TryGetGoDuration(Argument(call), out _));

    [Fact]
    public void Inside_a_static_initializer_only_fields_declared_before_it_are_known()
    {
        // ReadsLater's initializer runs before DeclaredLater's: it reads null. ChainedTtl's runs after ReadonlyTtl's.
        List<IFieldInitializerOperation> initializers = Operations(Code("Istio.SecretTtl(\"1h\")")).OfType<IFieldInitializerOperation>().ToList();
        IOperation readsLater = initializers.Single(i => i.InitializedFields[0].Name == "ReadsLater").Value;
        IOperation chained = initializers.Single(i => i.InitializedFields[0].Name == "ChainedTtl").Value;

        Assert.False(ConstantValues.TryGetGoDuration(readsLater, out _));
        Assert.True(ConstantValues.TryGetGoDuration(chained, out TimeSpan value));
        Assert.Equal(TimeSpan.FromMinutes(90), value);
    }

    private static IOperation Argument(string call)
    {
        IInvocationOperation invocation = Operations(Code(call))
            .OfType<IInvocationOperation>()
            .Single(i => i.TargetMethod.ContainingType.Name == "Istio");
        return Assert.Single(invocation.Arguments).Value;
    }

    private static IEnumerable<IOperation> Operations(string source)
    {
        SyntaxTree tree = CSharpSyntaxTree.ParseText(source);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Settings",
            [tree],
            TestReferences.FrameworkAndLibrary,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        SemanticModel model = compilation.GetSemanticModel(tree);
        return tree.GetRoot().DescendantNodes()
            .Where(node => node is InvocationExpressionSyntax or EqualsValueClauseSyntax)
            .Select(node => model.GetOperation(node))
            .OfType<IOperation>()
            .SelectMany(operation => operation.DescendantsAndSelf());
    }
}
