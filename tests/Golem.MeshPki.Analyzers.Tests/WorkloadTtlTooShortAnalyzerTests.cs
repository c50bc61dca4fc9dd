extern alias library;

using Verify = Golem.MeshPki.Analyzers.Tests.AnalyzerTest<Golem.MeshPki.Analyzers.Rules.WorkloadTtlTooShortAnalyzer>;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>MPKI2010: a workload TTL above zero and below 1 hour is a warning; 1 hour and more, zero and unknown are silent.</summary>
public sealed class WorkloadTtlTooShortAnalyzerTests
{
    private const string Id = "MPKI2010";

    private static string Code(string statement) => $$"""
        using System;
        using Golem.MeshPki.Lifetimes;

        public static class Mesh
        {
            public static object Configure(WorkloadCertificatePolicy existing, TimeSpan configured)
            {
                {{statement}}
            }
        }
        """;

    [Theory]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:TimeSpan.FromMinutes(30)|} };", "00:30:00")]
    [InlineData("return new WorkloadCertificatePolicy({|#0:TimeSpan.FromMinutes(59)|});", "00:59:00")]
    [InlineData("return new WorkloadCertificatePolicy(ttl: {|#0:new TimeSpan(0, 59, 59)|});", "00:59:59")]
    [InlineData("return existing with { Ttl = {|#0:TimeSpan.FromSeconds(1)|} };", "00:00:01")]
    public async Task Ttl_below_one_hour_is_reported(string statement, string ttl) =>
        await Verify.VerifyAsync(Code(statement), null, Verify.Diagnostic(Id).WithLocation(0).WithArguments("Workload certificate TTL '" + ttl + "'", "1h0m0s"));

    [Theory]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = TimeSpan.FromHours(1) };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = TimeSpan.FromHours(24) };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = TimeSpan.Zero };")]
    [InlineData("return new WorkloadCertificatePolicy();")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = configured };")]
    [InlineData("return existing with { GracePeriodRatio = 0.5 };")]
    public async Task Ttl_of_one_hour_or_more_zero_or_unknown_is_not_reported(string statement) =>
        await Verify.VerifyAsync(Code(statement), null);

    [Fact]
    public void The_message_is_the_policy_checks_message()
    {
        var finding = Assert.Single(new library::Golem.MeshPki.Lifetimes.WorkloadCertificatePolicy { Ttl = TimeSpan.FromMinutes(30) }.Validate(), f => f.Id == "MPKI2010");
        string expected = string.Format(
            System.Globalization.CultureInfo.InvariantCulture,
            Assert.Single(new Rules.WorkloadTtlTooShortAnalyzer().SupportedDiagnostics).MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "Workload certificate TTL '00:30:00'",
            "1h0m0s");
        Assert.Equal(expected, finding.Message);
    }
}
