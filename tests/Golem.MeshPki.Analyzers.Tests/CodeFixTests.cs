using Golem.MeshPki.Analyzers.CodeFixes;
using RatioFix = Golem.MeshPki.Analyzers.Tests.CodeFixTest<Golem.MeshPki.Analyzers.Rules.GracePeriodRatioAnalyzer, Golem.MeshPki.Analyzers.CodeFixes.GracePeriodRatioCodeFixProvider>;
using TtlFix = Golem.MeshPki.Analyzers.Tests.CodeFixTest<Golem.MeshPki.Analyzers.Rules.WorkloadTtlAboveMaximumAnalyzer, Golem.MeshPki.Analyzers.CodeFixes.WorkloadTtlAboveMaximumCodeFixProvider>;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>The code fixes: MPKI2001 to a ratio of 0.5, MPKI2002 to istiod's default TTL of 24h when it fits.</summary>
public sealed class CodeFixTests
{
    private static string Code(string statement) => $$"""
        using System;
        using Golem.MeshPki.Lifetimes;

        public static class Mesh
        {
            private const double Unsafe = 1.5;
            private static readonly TimeSpan LongTtl = TimeSpan.FromDays(100);

            public static object Configure(WorkloadCertificatePolicy existing)
            {
                {{statement}}
            }
        }
        """;

    [Theory]
    [InlineData("return new WorkloadCertificatePolicy { GracePeriodRatio = {|#0:1.5|} };", "return new WorkloadCertificatePolicy { GracePeriodRatio = 0.5 };", "1.5")]
    [InlineData("return new WorkloadCertificatePolicy { GracePeriodRatio = {|#0:Unsafe|} };", "return new WorkloadCertificatePolicy { GracePeriodRatio = 0.5 };", "1.5")]
    [InlineData("return new WorkloadCertificatePolicy(TimeSpan.FromHours(24), gracePeriodRatio: {|#0:0|});", "return new WorkloadCertificatePolicy(TimeSpan.FromHours(24), gracePeriodRatio: 0.5);", "0")]
    [InlineData("return existing with { GracePeriodRatio = {|#0:2|} };", "return existing with { GracePeriodRatio = 0.5 };", "2")]
    public async Task Grace_ratio_is_set_to_one_half(string statement, string fixedStatement, string ratio)
    {
        string effect = ratio == "0"
            ? "istio-agent rotates at expiry, so workloads hold an expired certificate until the new one arrives"
            : "istio-agent rotates at once, on every certificate it receives";
        await RatioFix.VerifyAsync(
            Code(statement),
            Code(fixedStatement),
            null,
            RatioFix.Diagnostic("MPKI2001").WithLocation(0).WithArguments("Grace period ratio", ratio, effect));
    }

    [Theory]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:TimeSpan.FromDays(100)|} };", "return new WorkloadCertificatePolicy { Ttl = TimeSpan.FromHours(24) };")]
    [InlineData("return new WorkloadCertificatePolicy({|#0:LongTtl|}, 0.5);", "return new WorkloadCertificatePolicy(TimeSpan.FromHours(24), 0.5);")]
    [InlineData("return existing with { Ttl = {|#0:LongTtl * 2|} };", "return existing with { Ttl = TimeSpan.FromHours(24) };")]
    public async Task Workload_ttl_is_set_to_istiods_default(string statement, string fixedStatement) =>
        await TtlFix.VerifyAsync(
            Code(statement),
            Code(fixedStatement),
            null,
            TtlFix.Diagnostic("MPKI2002").WithLocation(0).WithArguments(statement.Contains("* 2", StringComparison.Ordinal) ? "200.00:00:00" : "100.00:00:00", "90.00:00:00"));

    [Fact]
    public async Task Workload_ttl_is_written_qualified_without_a_using()
    {
        const string Source = """
            public static class Mesh
            {
                public static object Configure() => new Golem.MeshPki.Lifetimes.WorkloadCertificatePolicy { Ttl = {|#0:System.TimeSpan.FromDays(100)|} };
            }
            """;
        const string Fixed = """
            public static class Mesh
            {
                public static object Configure() => new Golem.MeshPki.Lifetimes.WorkloadCertificatePolicy { Ttl = System.TimeSpan.FromHours(24) };
            }
            """;
        await TtlFix.VerifyAsync(Source, Fixed, null, TtlFix.Diagnostic("MPKI2002").WithLocation(0).WithArguments("100.00:00:00", "90.00:00:00"));
    }

    [Fact]
    public async Task No_fix_when_24h_is_above_the_maximum()
    {
        // .editorconfig lowers the maximum to 12h: 24h would fail too, so the right value is not known.
        string source = Code("return new WorkloadCertificatePolicy { Ttl = {|#0:TimeSpan.FromDays(2)|} };");
        await TtlFix.VerifyAsync(
            source,
            source,
            "golem_meshpki.max_workload_cert_ttl = 12h",
            TtlFix.Diagnostic("MPKI2002").WithLocation(0).WithArguments("2.00:00:00", "12:00:00"));
    }

    [Fact]
    public void The_fixes_fix_their_rules()
    {
        Assert.Equal("MPKI2001", Assert.Single(new GracePeriodRatioCodeFixProvider().FixableDiagnosticIds));
        Assert.Equal("MPKI2002", Assert.Single(new WorkloadTtlAboveMaximumCodeFixProvider().FixableDiagnosticIds));
    }
}
