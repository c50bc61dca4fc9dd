using Verify = Golem.MeshPki.Analyzers.Tests.AnalyzerTest<Golem.MeshPki.Analyzers.Rules.GracePeriodRatioAnalyzer>;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>MPKI2001: every value form, outside (reported) and inside (silent) (0, 1).</summary>
public sealed class GracePeriodRatioAnalyzerTests
{
    private const string Id = "MPKI2001";
    private const string AtOnce = "istio-agent rotates at once, on every certificate it receives";
    private const string AtExpiry = "istio-agent rotates at expiry, so workloads hold an expired certificate until the new one arrives";

    private static string Code(string statement) => $$"""
        using System;
        using Golem.MeshPki.Lifetimes;

        public static class Mesh
        {
            private const double Unsafe = 1.5;
            private const double Safe = 0.5;
            private const int One = 1;

            public static object Configure(WorkloadCertificatePolicy existing, double configured)
            {
                {{statement}}
            }
        }
        """;

    [Theory]
    [InlineData("return new WorkloadCertificatePolicy { GracePeriodRatio = {|#0:1.5|} };", "1.5", AtOnce)]
    [InlineData("return new WorkloadCertificatePolicy { GracePeriodRatio = {|#0:0|} };", "0", AtExpiry)]
    [InlineData("return new WorkloadCertificatePolicy { GracePeriodRatio = {|#0:-0.25|} };", "-0.25", AtExpiry)]
    [InlineData("return new WorkloadCertificatePolicy { GracePeriodRatio = {|#0:Unsafe|} };", "1.5", AtOnce)]
    [InlineData("return new WorkloadCertificatePolicy { GracePeriodRatio = {|#0:One|} };", "1", AtOnce)]
    [InlineData("return new WorkloadCertificatePolicy { GracePeriodRatio = {|#0:1f|} };", "1", AtOnce)]
    [InlineData("return new WorkloadCertificatePolicy(TimeSpan.FromHours(24), {|#0:1.0|});", "1", AtOnce)]
    [InlineData("return new WorkloadCertificatePolicy(TimeSpan.FromHours(24), gracePeriodRatio: {|#0:0.0|});", "0", AtExpiry)]
    [InlineData("return existing with { GracePeriodRatio = {|#0:2|} };", "2", AtOnce)]
    public async Task Ratio_outside_0_1_is_reported(string statement, string ratio, string effect) =>
        await Verify.VerifyAsync(Code(statement), null, Verify.Diagnostic(Id).WithLocation(0).WithArguments("Grace period ratio", ratio, effect));

    [Theory]
    [InlineData("return new WorkloadCertificatePolicy { GracePeriodRatio = 0.5 };")]
    [InlineData("return new WorkloadCertificatePolicy { GracePeriodRatio = Safe };")]
    [InlineData("return new WorkloadCertificatePolicy(TimeSpan.FromHours(24), 0.25);")]
    [InlineData("return new WorkloadCertificatePolicy(TimeSpan.FromHours(24));")]
    [InlineData("return existing with { GracePeriodRatio = 0.1 };")]
    [InlineData("return new WorkloadCertificatePolicy(TimeSpan.FromHours(24), 1.5) { GracePeriodRatio = 0.5 };")]
    public async Task Ratio_inside_0_1_is_not_reported(string statement) =>
        await Verify.VerifyAsync(Code(statement), null);

    [Theory]
    [InlineData("return new WorkloadCertificatePolicy { GracePeriodRatio = configured };")]
    [InlineData("return new WorkloadCertificatePolicy { GracePeriodRatio = existing.GracePeriodRatio * 3 };")]
    [InlineData("return existing with { GracePeriodRatio = Math.Max(configured, 2) };")]
    public async Task Unknown_values_are_skipped(string statement) =>
        await Verify.VerifyAsync(Code(statement), null);
}
