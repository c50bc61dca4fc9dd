using Golem.MeshPki.Analyzers.Rules;
using Verify = Golem.MeshPki.Analyzers.Tests.AnalyzerTest<Golem.MeshPki.Analyzers.Rules.WorkloadTtlAboveMaximumAnalyzer>;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>MPKI2002: every value form, above (reported) and within (silent) istiod's default maximum of 90 days.</summary>
public sealed class WorkloadTtlAboveMaximumAnalyzerTests
{
    private const string Id = "MPKI2002";

    private static string Code(string statement) => $$"""
        using System;
        using Golem.MeshPki.Lifetimes;

        public static class Mesh
        {
            private const int Days = 100;
            private const int SafeDays = 30;
            private const double Hours = 2400.5;

            public static object Configure(WorkloadCertificatePolicy existing)
            {
                {{statement}}
            }
        }
        """;

    [Theory]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:TimeSpan.FromDays(100)|} };", "100.00:00:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:TimeSpan.FromDays(Days)|} };", "100.00:00:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:TimeSpan.FromDays(100.0)|} };", "100.00:00:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:TimeSpan.FromHours(Hours)|} };", "100.00:30:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:TimeSpan.FromMinutes(144000)|} };", "100.00:00:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:TimeSpan.FromSeconds(8640000)|} };", "100.00:00:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:new TimeSpan(100, 0, 0, 0)|} };", "100.00:00:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:new TimeSpan(2400, 0, 1)|} };", "100.00:00:01")]
    [InlineData("return new WorkloadCertificatePolicy({|#0:TimeSpan.FromDays(100)|});", "100.00:00:00")]
    [InlineData("return new WorkloadCertificatePolicy(ttl: {|#0:TimeSpan.FromDays(100)|}, gracePeriodRatio: 0.5);", "100.00:00:00")]
    [InlineData("return existing with { Ttl = {|#0:TimeSpan.FromDays(100)|} };", "100.00:00:00")]
    [InlineData("WorkloadCertificatePolicy p = new() { Ttl = {|#0:TimeSpan.FromDays(100)|} }; return p;", "100.00:00:00")]
    public async Task Ttl_above_the_default_maximum_is_reported(string statement, string ttl) =>
        await Verify.VerifyAsync(Code(statement), null, Verify.Diagnostic(Id).WithLocation(0).WithArguments(ttl, "90.00:00:00"));

    [Theory]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = TimeSpan.FromDays(90) };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = TimeSpan.FromDays(SafeDays) };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = TimeSpan.FromDays(89.5) };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = TimeSpan.FromHours(24) };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = TimeSpan.FromMinutes(129600) };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = TimeSpan.FromSeconds(7776000) };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = new TimeSpan(90, 0, 0, 0) };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = new TimeSpan(2160, 0, 0) };")]
    [InlineData("return new WorkloadCertificatePolicy(TimeSpan.FromDays(90));")]
    [InlineData("return existing with { Ttl = TimeSpan.FromDays(1) };")]
    public async Task Ttl_within_the_default_maximum_is_not_reported(string statement) =>
        await Verify.VerifyAsync(Code(statement), null);

    [Theory]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = existing.Ttl };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = TimeSpan.FromDays(DateTime.Now.Day + 100) };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = TimeSpan.Parse(\"100 days\") };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = TimeSpan.FromDays(100), MaxWorkloadCertTtl = existing.MaxWorkloadCertTtl };")]
    public async Task Unknown_values_are_skipped(string statement) =>
        await Verify.VerifyAsync(Code(statement), null);

    [Fact]
    public async Task A_maximum_set_in_the_same_creation_is_the_threshold()
    {
        await Verify.VerifyAsync(Code("return new WorkloadCertificatePolicy { Ttl = TimeSpan.FromDays(100), MaxWorkloadCertTtl = TimeSpan.FromDays(120) };"), null);
        await Verify.VerifyAsync(
            Code("return new WorkloadCertificatePolicy(ttl: {|#0:TimeSpan.FromDays(30)|}, maxWorkloadCertTtl: TimeSpan.FromDays(7));"),
            null,
            Verify.Diagnostic(Id).WithLocation(0).WithArguments("30.00:00:00", "7.00:00:00"));
    }

    [Fact]
    public async Task The_initializer_overrides_the_constructor_argument() =>
        await Verify.VerifyAsync(Code("return new WorkloadCertificatePolicy(TimeSpan.FromDays(100)) { Ttl = TimeSpan.FromDays(1) };"), null);

    [Fact]
    public async Task EditorConfig_lowers_the_maximum() =>
        await Verify.VerifyAsync(
            Code("return new WorkloadCertificatePolicy { Ttl = {|#0:TimeSpan.FromDays(2)|} };"),
            "golem_meshpki.max_workload_cert_ttl = 24h",
            Verify.Diagnostic(Id).WithLocation(0).WithArguments("2.00:00:00", "1.00:00:00"));

    [Fact]
    public async Task EditorConfig_raises_the_maximum() =>
        await Verify.VerifyAsync(Code("return new WorkloadCertificatePolicy { Ttl = TimeSpan.FromDays(100) };"), "golem_meshpki.max_workload_cert_ttl = 2880h");

    [Fact]
    public async Task EditorConfig_2160h_is_istiods_default() =>
        await Verify.VerifyAsync(
            Code("return new WorkloadCertificatePolicy { Ttl = {|#0:TimeSpan.FromHours(2161)|} };"),
            "golem_meshpki.max_workload_cert_ttl = 2160h",
            Verify.Diagnostic(Id).WithLocation(0).WithArguments("90.01:00:00", "90.00:00:00"));

    [Fact]
    public async Task An_unreadable_editorconfig_value_falls_back_to_istiods_default() =>
        await Verify.VerifyAsync(
            Code("return new WorkloadCertificatePolicy { Ttl = {|#0:TimeSpan.FromDays(100)|} };"),
            "golem_meshpki.max_workload_cert_ttl = ninety days",
            Verify.Diagnostic(Id).WithLocation(0).WithArguments("100.00:00:00", "90.00:00:00"));

    [Fact]
    public async Task The_message_quotes_the_values()
    {
        var analyzer = new WorkloadTtlAboveMaximumAnalyzer();
        Assert.Equal(
            "Workload certificate TTL '{0}' exceeds istiod's maximum '{1}'; every CSR will fail with TTL_ERROR.",
            Assert.Single(analyzer.SupportedDiagnostics).MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Code_without_the_library_types_is_not_analyzed() =>
        await Verify.VerifyAsync("public sealed class WorkloadCertificatePolicy { public System.TimeSpan Ttl { get; set; } public static object M() => new WorkloadCertificatePolicy { Ttl = System.TimeSpan.FromDays(1000) }; }", null);
}
