using Golem.MeshPki.Analyzers.Rules;
using Microsoft.CodeAnalysis.Testing;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>
/// Every workload rule on every API surface: constructor (positional, named), initializer, <see langword="with"/>,
/// factory, <c>MeshLifetimeOptions</c> property set in a statement or an options callback, its initializer, and a policy
/// written inside a <c>MeshCertificateLifetimes</c> (reported once, where it is written).
/// </summary>
public sealed partial class ApiSurfaceTests
{
    private const string Ttl24h = "Workload certificate TTL '1.00:00:00'";

    private static Task Verify<TAnalyzer>(string statement, params DiagnosticResult[] expected)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new() =>
        AnalyzerTest<TAnalyzer>.VerifyAsync(MeshCode.Code(statement), null, expected);

    // MPKI2002: a TTL of 100 days against istiod's default maximum.
    [Theory]
    [InlineData("return new WorkloadCertificatePolicy({|#0:TimeSpan.FromDays(100)|});")]
    [InlineData("return new WorkloadCertificatePolicy(ttl: {|#0:TimeSpan.FromDays(100)|}, gracePeriodRatio: 0.5);")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:TimeSpan.FromDays(100)|} };")]
    [InlineData("return existing with { Ttl = {|#0:TimeSpan.FromDays(100)|} };")]
    [InlineData("options.WorkloadCertificateTtl = {|#0:TimeSpan.FromDays(100)|}; return options;")]
    [InlineData("Services.Configure<MeshLifetimeOptions>(o => o.WorkloadCertificateTtl = {|#0:TimeSpan.FromDays(100)|}); return options;")]
    [InlineData("Services.Configure<MeshLifetimeOptions>(o => { o.GracePeriodRatio = 0.5; o.WorkloadCertificateTtl = {|#0:TimeSpan.FromDays(100)|}; }); return options;")]
    [InlineData("return new MeshLifetimeOptions { WorkloadCertificateTtl = {|#0:TimeSpan.FromDays(100)|} };")]
    [InlineData("return new MeshCertificateLifetimes(new WorkloadCertificatePolicy({|#0:TimeSpan.FromDays(100)|}), new IntermediateCaPolicy());")]
    [InlineData("return new MeshCertificateLifetimes { Workload = new() { Ttl = {|#0:TimeSpan.FromDays(100)|} } };")]
    [InlineData("return lifetimes with { Workload = lifetimes.Workload with { Ttl = {|#0:TimeSpan.FromDays(100)|} } };")]
    [InlineData("return WorkloadCertificatePolicy.FromIstioSettings({|#0:\"2400h\"|});")]
    [InlineData("return WorkloadCertificatePolicy.FromIstioSettings(secretTtl: {|#0:LongTtl|}, secretGracePeriodRatio: 0.5);")]
    [InlineData("return WorkloadCertificatePolicy.FromIstioSettings(secretTtl: {|#0:\"2399h59m60s\"|}, maxWorkloadCertTtl: null);")]
    [InlineData("return new MeshCertificateLifetimes(WorkloadCertificatePolicy.FromIstioSettings({|#0:\"2400h\"|}), new IntermediateCaPolicy());")]
    public async Task MPKI2002_is_reported_on_every_surface(string statement) =>
        await Verify<WorkloadTtlAboveMaximumAnalyzer>(
            statement,
            AnalyzerTest<WorkloadTtlAboveMaximumAnalyzer>.Diagnostic("MPKI2002").WithLocation(0).WithArguments("100.00:00:00", "90.00:00:00"));

    [Theory]
    [InlineData("return new WorkloadCertificatePolicy(TimeSpan.FromDays(90));")]
    [InlineData("return existing with { Ttl = TimeSpan.FromDays(30) };")]
    [InlineData("options.WorkloadCertificateTtl = TimeSpan.FromDays(90); return options;")]
    [InlineData("Services.Configure<MeshLifetimeOptions>(o => o.WorkloadCertificateTtl = TimeSpan.FromHours(24)); return options;")]
    [InlineData("return new MeshLifetimeOptions { WorkloadCertificateTtl = TimeSpan.FromDays(100), MaxWorkloadCertTtl = TimeSpan.FromDays(120) };")]
    [InlineData("return new MeshCertificateLifetimes(new WorkloadCertificatePolicy(TimeSpan.FromDays(7)), new IntermediateCaPolicy());")]
    [InlineData("options.WorkloadCertificateTtl = configured; return options;")]
    [InlineData("return new MeshLifetimeOptions { WorkloadCertificateTtl = TimeSpan.FromDays(100), MaxWorkloadCertTtl = configured };")]
    [InlineData("options.MaxWorkloadCertTtl = TimeSpan.FromDays(1); return options;")]
    [InlineData("return WorkloadCertificatePolicy.FromIstioSettings(\"2160h\");")]
    [InlineData("return WorkloadCertificatePolicy.FromIstioSettings(\"2400h\", maxWorkloadCertTtl: \"2880h\");")]
    [InlineData("return WorkloadCertificatePolicy.FromIstioSettings(\"2400h\", maxWorkloadCertTtl: text);")]
    [InlineData("return WorkloadCertificatePolicy.FromIstioSettings(secretTtl: text);")]
    [InlineData("return WorkloadCertificatePolicy.FromIstioSettings(secretTtl: null);")]
    // Go rejects "100d" (no day unit): FromIstioSettings throws at run time; that is no TTL.
    [InlineData("return WorkloadCertificatePolicy.FromIstioSettings(\"100d\");")]
    public async Task MPKI2002_is_not_reported_within_the_maximum_or_unknown(string statement) =>
        await Verify<WorkloadTtlAboveMaximumAnalyzer>(statement);

    [Fact]
    public async Task MPKI2002_takes_the_maximum_written_as_a_Go_duration() =>
        await Verify<WorkloadTtlAboveMaximumAnalyzer>(
            "return WorkloadCertificatePolicy.FromIstioSettings(secretTtl: {|#0:Month|}, maxWorkloadCertTtl: Week);",
            AnalyzerTest<WorkloadTtlAboveMaximumAnalyzer>.Diagnostic("MPKI2002").WithLocation(0).WithArguments("30.00:00:00", "7.00:00:00"));

    [Fact]
    public async Task MPKI2002_takes_the_maximum_written_in_the_options_initializer() =>
        await Verify<WorkloadTtlAboveMaximumAnalyzer>(
            "return new MeshLifetimeOptions { WorkloadCertificateTtl = {|#0:TimeSpan.FromDays(30)|}, MaxWorkloadCertTtl = TimeSpan.FromDays(7) };",
            AnalyzerTest<WorkloadTtlAboveMaximumAnalyzer>.Diagnostic("MPKI2002").WithLocation(0).WithArguments("30.00:00:00", "7.00:00:00"));

    // MPKI2010: a TTL of 30 minutes.
    [Theory]
    [InlineData("return new WorkloadCertificatePolicy({|#0:TimeSpan.FromMinutes(30)|});")]
    [InlineData("return new WorkloadCertificatePolicy(ttl: {|#0:TimeSpan.FromMinutes(30)|});")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:TimeSpan.FromMinutes(30)|} };")]
    [InlineData("return existing with { Ttl = {|#0:TimeSpan.FromMinutes(30)|} };")]
    [InlineData("options.WorkloadCertificateTtl = {|#0:TimeSpan.FromMinutes(30)|}; return options;")]
    [InlineData("Services.Configure<MeshLifetimeOptions>(o => o.WorkloadCertificateTtl = {|#0:TimeSpan.FromMinutes(30)|}); return options;")]
    [InlineData("return new MeshLifetimeOptions { WorkloadCertificateTtl = {|#0:TimeSpan.FromMinutes(30)|} };")]
    [InlineData("return new MeshCertificateLifetimes(new WorkloadCertificatePolicy({|#0:TimeSpan.FromMinutes(30)|}), new IntermediateCaPolicy());")]
    [InlineData("return new MeshCertificateLifetimes { Workload = new WorkloadCertificatePolicy { Ttl = {|#0:TimeSpan.FromMinutes(30)|} } };")]
    [InlineData("return WorkloadCertificatePolicy.FromIstioSettings({|#0:\"30m\"|});")]
    [InlineData("return WorkloadCertificatePolicy.FromIstioSettings(secretTtl: {|#0:\"1800s\"|});")]
    public async Task MPKI2010_is_reported_on_every_surface(string statement) =>
        await Verify<WorkloadTtlTooShortAnalyzer>(
            statement,
            AnalyzerTest<WorkloadTtlTooShortAnalyzer>.Diagnostic("MPKI2010").WithLocation(0).WithArguments("Workload certificate TTL '00:30:00'", "1h0m0s"));

    [Theory]
    [InlineData("options.WorkloadCertificateTtl = TimeSpan.FromHours(1); return options;")]
    [InlineData("return new MeshLifetimeOptions { WorkloadCertificateTtl = TimeSpan.FromHours(2) };")]
    [InlineData("return new MeshLifetimeOptions();")]
    [InlineData("return new MeshCertificateLifetimes(new WorkloadCertificatePolicy(TimeSpan.FromHours(1)), intermediate);")]
    [InlineData("Services.Configure<MeshLifetimeOptions>(o => o.WorkloadCertificateTtl = configured); return options;")]
    [InlineData("return WorkloadCertificatePolicy.FromIstioSettings(\"1h\");")]
    [InlineData("return WorkloadCertificatePolicy.FromIstioSettings(\"30 m\");")]
    public async Task MPKI2010_is_not_reported_from_one_hour_or_unknown(string statement) =>
        await Verify<WorkloadTtlTooShortAnalyzer>(statement);

    // MPKI2001's error: a ratio of 1.5, which needs nothing else.
    [Theory]
    [InlineData("return new WorkloadCertificatePolicy(TimeSpan.FromHours(24), {|#0:1.5|});")]
    [InlineData("return new WorkloadCertificatePolicy(TimeSpan.FromHours(24), gracePeriodRatio: {|#0:1.5|});")]
    [InlineData("return new WorkloadCertificatePolicy { GracePeriodRatio = {|#0:1.5|} };")]
    [InlineData("return existing with { GracePeriodRatio = {|#0:1.5|} };")]
    [InlineData("return WorkloadCertificatePolicy.FromIstioSettings(secretGracePeriodRatio: {|#0:1.5|});")]
    [InlineData("return WorkloadCertificatePolicy.FromIstioSettings(null, {|#0:1.5|});")]
    [InlineData("options.GracePeriodRatio = {|#0:1.5|}; return options;")]
    [InlineData("Services.Configure<MeshLifetimeOptions>(o => o.GracePeriodRatio = {|#0:1.5|}); return options;")]
    [InlineData("return new MeshLifetimeOptions { GracePeriodRatio = {|#0:1.5|} };")]
    [InlineData("return new MeshCertificateLifetimes(new WorkloadCertificatePolicy { GracePeriodRatio = {|#0:1.5|} }, new IntermediateCaPolicy());")]
    [InlineData("return new MeshCertificateLifetimes { Workload = WorkloadCertificatePolicy.FromIstioSettings(secretGracePeriodRatio: {|#0:1.5|}) };")]
    public async Task MPKI2001_ratio_outside_0_1_is_reported_on_every_surface(string statement) =>
        await Verify<GracePeriodRatioAnalyzer>(
            statement,
            AnalyzerTest<GracePeriodRatioAnalyzer>.Diagnostic("MPKI2001").WithLocation(0).WithArguments(
                "Grace period ratio", "1.5", "istio-agent rotates at once, on every certificate it receives"));

    // MPKI2001's warnings need the TTL, the ratio and the jitter: a new object (defaults 24h, 0.5, 0.01), not a `with`
    // or a property set alone. Reported at the ratio, else the jitter, else the TTL (as meshpki lint does).
    [Theory]
    [InlineData("return new WorkloadCertificatePolicy(TimeSpan.FromHours(24), {|#0:0.95|});")]
    [InlineData("return new WorkloadCertificatePolicy { GracePeriodRatio = {|#0:0.95|} };")]
    [InlineData("return WorkloadCertificatePolicy.FromIstioSettings(secretGracePeriodRatio: {|#0:0.95|});")]
    [InlineData("return new MeshLifetimeOptions { GracePeriodRatio = {|#0:0.95|} };")]
    [InlineData("return new MeshCertificateLifetimes { Workload = new WorkloadCertificatePolicy { GracePeriodRatio = {|#0:0.95|} } };")]
    [InlineData("return existing with { Ttl = TimeSpan.FromHours(24), GracePeriodRatio = {|#0:0.95|}, GracePeriodRatioJitter = 0.01 };")]
    public async Task MPKI2001_ratio_above_0_9_is_reported_where_ttl_and_jitter_are_known(string statement) =>
        await Verify<GracePeriodRatioAnalyzer>(
            statement,
            AnalyzerTest<GracePeriodRatioAnalyzer>.Diagnostic(Descriptors.GracePeriodRatioRotatesTooOften).WithLocation(0).WithArguments("0.95", "1h12m0s", Ttl24h));

    [Theory]
    [InlineData("return new WorkloadCertificatePolicy(TimeSpan.FromHours(24), {|#0:0.0625|}, 0.03125);", "0.0625", "0.03125", Ttl24h, "45m0s")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = TimeSpan.FromHours(2), GracePeriodRatioJitter = {|#0:0.25|} };", "0.5", "0.25", "Workload certificate TTL '02:00:00'", "30m0s")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:TimeSpan.FromHours(1)|} };", "0.5", "0.01", "Workload certificate TTL '01:00:00'", "29m24s")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = TimeSpan.FromHours(1), GracePeriodRatioJitter = {|#0:0|} };", "0.5", "0", "Workload certificate TTL '01:00:00'", "30m0s")]
    [InlineData("return WorkloadCertificatePolicy.FromIstioSettings(secretGracePeriodRatio: {|#0:0.0625|}, secretGracePeriodRatioJitter: 0.03125);", "0.0625", "0.03125", Ttl24h, "45m0s")]
    [InlineData("return new MeshLifetimeOptions { WorkloadCertificateTtl = TimeSpan.FromHours(2), GracePeriodRatioJitter = {|#0:0.25|} };", "0.5", "0.25", "Workload certificate TTL '02:00:00'", "30m0s")]
    [InlineData("return new MeshCertificateLifetimes(new WorkloadCertificatePolicy(TimeSpan.FromHours(24), {|#0:0.0625|}, 0.03125), new IntermediateCaPolicy());", "0.0625", "0.03125", Ttl24h, "45m0s")]
    [InlineData("return WorkloadCertificatePolicy.FromIstioSettings({|#0:\"1h\"|}, null);", "0.5", "0.01", "Workload certificate TTL '01:00:00'", "29m24s")]
    [InlineData("return WorkloadCertificatePolicy.FromIstioSettings(\"2h\", null, {|#0:0.25|});", "0.5", "0.25", "Workload certificate TTL '02:00:00'", "30m0s")]
    public async Task MPKI2001_slack_below_one_hour_is_reported_where_ttl_ratio_and_jitter_are_known(string statement, string ratio, string jitter, string ttl, string slack) =>
        await Verify<GracePeriodRatioAnalyzer>(
            statement,
            AnalyzerTest<GracePeriodRatioAnalyzer>.Diagnostic(Descriptors.RotationSlackTooShort).WithLocation(0).WithArguments(ratio, jitter, ttl, slack, "1h0m0s"));

    [Theory]
    [InlineData("return existing with { GracePeriodRatio = 0.95 };")]
    [InlineData("return existing with { GracePeriodRatio = 0.03 };")]
    [InlineData("options.GracePeriodRatio = 0.95; return options;")]
    [InlineData("Services.Configure<MeshLifetimeOptions>(o => { o.WorkloadCertificateTtl = TimeSpan.FromHours(24); o.GracePeriodRatio = 0.03; }); return options;")]
    [InlineData("return new WorkloadCertificatePolicy { GracePeriodRatio = 0.95, Ttl = configured };")]
    [InlineData("return new WorkloadCertificatePolicy { GracePeriodRatio = 0.03, GracePeriodRatioJitter = ratio };")]
    [InlineData("return new MeshLifetimeOptions { GracePeriodRatio = 0.9 };")]
    [InlineData("return new WorkloadCertificatePolicy { GracePeriodRatio = 0.1 };")]
    [InlineData("return new WorkloadCertificatePolicy();")]
    [InlineData("return new MeshCertificateLifetimes(existing, new IntermediateCaPolicy());")]
    [InlineData("return WorkloadCertificatePolicy.FromIstioSettings(secretGracePeriodRatio: ratio);")]
    public async Task MPKI2001_is_not_reported_when_safe_or_when_a_needed_value_is_unknown(string statement) =>
        await Verify<GracePeriodRatioAnalyzer>(statement);

    [Fact]
    public async Task MPKI2001_reports_the_range_error_alone() =>
        await Verify<GracePeriodRatioAnalyzer>(
            "return new WorkloadCertificatePolicy { Ttl = TimeSpan.FromMinutes(30), GracePeriodRatio = {|#0:0|} };",
            AnalyzerTest<GracePeriodRatioAnalyzer>.Diagnostic("MPKI2001").WithLocation(0).WithArguments(
                "Grace period ratio", "0", "istio-agent rotates at expiry, so workloads hold an expired certificate until the new one arrives"));
}
