using Golem.MeshPki.Analyzers.Rules;
using Microsoft.CodeAnalysis.Testing;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>
/// <c>MeshLifetimeOptions</c> properties set in consecutive statements on the same object (a <c>Configure</c> callback
/// writes them one per line) are analyzed together, once; another statement in between ends the run, because it may
/// change the object.
/// </summary>
public sealed class OptionsStatementTests
{
    private const string MutuallyExclusive = "renewBefore and renewBeforePercentage are mutually exclusive and cannot both be set";

    private static Task Verify<TAnalyzer>(string statement, params DiagnosticResult[] expected)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new() =>
        AnalyzerTest<TAnalyzer>.VerifyAsync(MeshCode.Code(statement), null, expected);

    [Theory]
    [InlineData("options.IntermediateRenewBefore = TimeSpan.FromDays(10); options.IntermediateRenewBeforePercentage = {|#0:20|}; return options;")]
    [InlineData("Services.Configure<MeshLifetimeOptions>(o => { o.IntermediateRenewBefore = TimeSpan.FromDays(10); o.WorkloadCertificateTtl = TimeSpan.FromHours(24); o.IntermediateRenewBeforePercentage = {|#0:20|}; }); return options;")]
    public async Task MPKI2006_across_consecutive_statements(string statement) =>
        await Verify<RenewBeforeSetTwiceAnalyzer>(
            statement,
            AnalyzerTest<RenewBeforeSetTwiceAnalyzer>.Diagnostic("MPKI2006").WithLocation(0)
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("spec.renewBeforePercentage", "20", MutuallyExclusive));

    [Theory]
    [InlineData("options.IntermediateRenewBefore = TimeSpan.FromDays(10); _ = options.Validate(); options.IntermediateRenewBeforePercentage = 20; return options;")]
    [InlineData("options.IntermediateRenewBefore = TimeSpan.FromDays(10); other.IntermediateRenewBeforePercentage = 20; return options;")]
    [InlineData("options.IntermediateRenewBefore = TimeSpan.FromDays(10); options.IntermediateRenewBeforePercentage = null; return options;")]
    public async Task MPKI2006_not_across_another_statement_another_object_or_null(string statement) =>
        await Verify<RenewBeforeSetTwiceAnalyzer>("var other = new MeshLifetimeOptions(); " + statement);

    [Theory]
    [InlineData("options.WorkloadCertificateTtl = TimeSpan.FromDays(365); options.MaxWorkloadCertTtl = TimeSpan.FromDays(400); return options;")]
    [InlineData("options.MaxWorkloadCertTtl = TimeSpan.FromDays(400); options.WorkloadCertificateTtl = TimeSpan.FromDays(365); return options;")]
    [InlineData("options.WorkloadCertificateTtl = TimeSpan.FromDays(365); options.MaxWorkloadCertTtl = configured; return options;")]
    public async Task MPKI2002_uses_the_maximum_set_beside_the_TTL(string statement) =>
        await Verify<WorkloadTtlAboveMaximumAnalyzer>(statement);

    [Theory]
    [InlineData("options.WorkloadCertificateTtl = {|#0:TimeSpan.FromDays(365)|}; options.MaxWorkloadCertTtl = TimeSpan.FromDays(300); return options;", "300.00:00:00")]
    [InlineData("options.WorkloadCertificateTtl = {|#0:TimeSpan.FromDays(365)|}; _ = options.Validate(); options.MaxWorkloadCertTtl = TimeSpan.FromDays(400); return options;", "90.00:00:00")]
    [InlineData("options.GracePeriodRatio = 0.5; options.WorkloadCertificateTtl = {|#0:TimeSpan.FromDays(365)|}; options.GracePeriodRatioJitter = 0.01; return options;", "90.00:00:00")]
    public async Task MPKI2002_is_reported_once_per_run(string statement, string maximum) =>
        await Verify<WorkloadTtlAboveMaximumAnalyzer>(
            statement,
            AnalyzerTest<WorkloadTtlAboveMaximumAnalyzer>.Diagnostic("MPKI2002").WithLocation(0).WithArguments("365.00:00:00", maximum));

    // Every setting the renewal depends on must be written in the run: the percentage may come from configuration.
    [Fact]
    public async Task MPKI2003_across_consecutive_statements_that_write_both_halves() =>
        await Verify<WorkloadTtlNotBelowIntermediateRenewBeforeAnalyzer>(
            "options.WorkloadCertificateTtl = {|#0:TimeSpan.FromDays(14)|}; options.IntermediateDuration = TimeSpan.FromDays(30); options.IntermediateRenewBefore = TimeSpan.FromDays(7); options.IntermediateRenewBeforePercentage = null; return options;",
            AnalyzerTest<WorkloadTtlNotBelowIntermediateRenewBeforeAnalyzer>.Diagnostic("MPKI2003").WithLocation(0)
                .WithArguments("Workload certificate TTL '14.00:00:00'", "7.00:00:00", "RenewBefore '7.00:00:00'"));

    [Theory]
    [InlineData("options.WorkloadCertificateTtl = TimeSpan.FromDays(14); options.IntermediateRenewBefore = TimeSpan.FromDays(7); options.IntermediateRenewBeforePercentage = null; return options;")]
    [InlineData("options.WorkloadCertificateTtl = TimeSpan.FromDays(14); options.IntermediateDuration = TimeSpan.FromDays(30); options.IntermediateRenewBefore = TimeSpan.FromDays(7); return options;")]
    public async Task MPKI2003_not_when_part_of_the_intermediate_is_unknown(string statement) =>
        await Verify<WorkloadTtlNotBelowIntermediateRenewBeforeAnalyzer>(statement);
}
