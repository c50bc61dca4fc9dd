using Golem.MeshPki.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using RatioFix = Golem.MeshPki.Analyzers.Tests.CodeFixTest<Golem.MeshPki.Analyzers.Rules.GracePeriodRatioAnalyzer, Golem.MeshPki.Analyzers.CodeFixes.GracePeriodRatioCodeFixProvider>;
using TtlFix = Golem.MeshPki.Analyzers.Tests.CodeFixTest<Golem.MeshPki.Analyzers.Rules.WorkloadTtlAboveMaximumAnalyzer, Golem.MeshPki.Analyzers.CodeFixes.WorkloadTtlAboveMaximumCodeFixProvider>;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>The code fixes: MPKI2001 to a ratio of 0.5 when that clears it, MPKI2002 to istiod's default TTL of 24h when it fits.</summary>
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

    [Theory]
    [InlineData("return WorkloadCertificatePolicy.FromIstioSettings(secretGracePeriodRatio: {|#0:1.5|});", "return WorkloadCertificatePolicy.FromIstioSettings(secretGracePeriodRatio: 0.5);")]
    [InlineData("options.GracePeriodRatio = {|#0:1.5|}; return options;", "options.GracePeriodRatio = 0.5; return options;")]
    [InlineData("Services.Configure<MeshLifetimeOptions>(o => o.GracePeriodRatio = {|#0:1.5|}); return options;", "Services.Configure<MeshLifetimeOptions>(o => o.GracePeriodRatio = 0.5); return options;")]
    [InlineData("return new MeshLifetimeOptions { GracePeriodRatio = {|#0:1.5|} };", "return new MeshLifetimeOptions { GracePeriodRatio = 0.5 };")]
    public async Task Grace_ratio_is_set_to_one_half_on_every_surface(string statement, string fixedStatement) =>
        await RatioFix.VerifyAsync(
            MeshCode.Code(statement),
            MeshCode.Code(fixedStatement),
            null,
            RatioFix.Diagnostic("MPKI2001").WithLocation(0).WithArguments("Grace period ratio", "1.5", "istio-agent rotates at once, on every certificate it receives"));

    [Fact]
    public async Task A_ratio_above_0_9_is_set_to_one_half() =>
        await RatioFix.VerifyAsync(
            MeshCode.Code("return new WorkloadCertificatePolicy { GracePeriodRatio = {|#0:0.95|} };"),
            MeshCode.Code("return new WorkloadCertificatePolicy { GracePeriodRatio = 0.5 };"),
            null,
            RatioFix.Diagnostic(Descriptors.GracePeriodRatioRotatesTooOften).WithLocation(0).WithArguments("0.95", "1h12m0s", "Workload certificate TTL '1.00:00:00'"));

    [Fact]
    public async Task A_ratio_leaving_too_little_slack_is_set_to_one_half_when_that_leaves_an_hour() =>
        await RatioFix.VerifyAsync(
            MeshCode.Code("return new WorkloadCertificatePolicy(TimeSpan.FromHours(24), {|#0:0.0625|}, 0.03125);"),
            MeshCode.Code("return new WorkloadCertificatePolicy(TimeSpan.FromHours(24), 0.5, 0.03125);"),
            null,
            RatioFix.Diagnostic(Descriptors.RotationSlackTooShort).WithLocation(0).WithArguments("0.0625", "0.03125", "Workload certificate TTL '1.00:00:00'", "45m0s", "1h0m0s"));

    [Theory]
    // With a 1h TTL even 0.5 leaves under an hour: the TTL is the problem, and the right value is a choice.
    [InlineData("return new WorkloadCertificatePolicy { Ttl = TimeSpan.FromHours(1), GracePeriodRatio = {|#0:0.0625|}, GracePeriodRatioJitter = 0 };", "0.0625", "0", "Workload certificate TTL '01:00:00'", "3m45s")]
    // Reported at the TTL (the ratio is not written): nothing to set to 0.5.
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:TimeSpan.FromHours(1)|} };", "0.5", "0.01", "Workload certificate TTL '01:00:00'", "29m24s")]
    public async Task No_ratio_fix_when_one_half_does_not_clear_the_warning(string statement, string ratio, string jitter, string ttl, string slack)
    {
        string source = MeshCode.Code(statement);
        await RatioFix.VerifyAsync(
            source,
            source,
            null,
            RatioFix.Diagnostic(Descriptors.RotationSlackTooShort).WithLocation(0).WithArguments(ratio, jitter, ttl, slack, "1h0m0s"));
    }

    [Theory]
    [InlineData("options.WorkloadCertificateTtl = {|#0:TimeSpan.FromDays(100)|}; return options;", "options.WorkloadCertificateTtl = TimeSpan.FromHours(24); return options;")]
    [InlineData("return new MeshLifetimeOptions { WorkloadCertificateTtl = {|#0:TimeSpan.FromDays(100)|} };", "return new MeshLifetimeOptions { WorkloadCertificateTtl = TimeSpan.FromHours(24) };")]
    [InlineData("return new MeshCertificateLifetimes { Workload = new() { Ttl = {|#0:TimeSpan.FromDays(100)|} } };", "return new MeshCertificateLifetimes { Workload = new() { Ttl = TimeSpan.FromHours(24) } };")]
    public async Task Workload_ttl_is_set_to_istiods_default_on_every_surface(string statement, string fixedStatement) =>
        await TtlFix.VerifyAsync(
            MeshCode.Code(statement),
            MeshCode.Code(fixedStatement),
            null,
            TtlFix.Diagnostic("MPKI2002").WithLocation(0).WithArguments("100.00:00:00", "90.00:00:00"));

    [Theory]
    [InlineData("return WorkloadCertificatePolicy.FromIstioSettings({|#0:\"2400h\"|});", "return WorkloadCertificatePolicy.FromIstioSettings(\"24h\");")]
    [InlineData("return WorkloadCertificatePolicy.FromIstioSettings(secretTtl: {|#0:LongTtl|});", "return WorkloadCertificatePolicy.FromIstioSettings(secretTtl: \"24h\");")]
    public async Task A_Go_duration_ttl_is_set_to_24h_as_istio_writes_it(string statement, string fixedStatement) =>
        await TtlFix.VerifyAsync(
            MeshCode.Code(statement),
            MeshCode.Code(fixedStatement),
            null,
            TtlFix.Diagnostic("MPKI2002").WithLocation(0).WithArguments("100.00:00:00", "90.00:00:00"));

    [Fact]
    public async Task Fix_all_sets_every_ratio_and_ttl() =>
        await TtlFix.VerifyAsync(
            MeshCode.Code("""
                object[] all =
                        [
                            new WorkloadCertificatePolicy({|#0:TimeSpan.FromDays(100)|}),
                            existing with { Ttl = {|#1:TimeSpan.FromDays(200)|} },
                            new MeshLifetimeOptions { WorkloadCertificateTtl = {|#2:TimeSpan.FromDays(91)|} },
                        ];
                        return all;
                """),
            MeshCode.Code("""
                object[] all =
                        [
                            new WorkloadCertificatePolicy(TimeSpan.FromHours(24)),
                            existing with { Ttl = TimeSpan.FromHours(24) },
                            new MeshLifetimeOptions { WorkloadCertificateTtl = TimeSpan.FromHours(24) },
                        ];
                        return all;
                """),
            null,
            TtlFix.Diagnostic("MPKI2002").WithLocation(0).WithArguments("100.00:00:00", "90.00:00:00"),
            TtlFix.Diagnostic("MPKI2002").WithLocation(1).WithArguments("200.00:00:00", "90.00:00:00"),
            TtlFix.Diagnostic("MPKI2002").WithLocation(2).WithArguments("91.00:00:00", "90.00:00:00"));

    [Fact]
    public void The_fixes_fix_their_rules()
    {
        Assert.Equal("MPKI2001", Assert.Single(new GracePeriodRatioCodeFixProvider().FixableDiagnosticIds));
        Assert.Equal("MPKI2002", Assert.Single(new WorkloadTtlAboveMaximumCodeFixProvider().FixableDiagnosticIds));
    }
}
