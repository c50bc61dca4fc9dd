extern alias library;

using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>
/// Regressions found by the differential test (<see cref="AnalyzerDifferentialTests"/>), each compared with the
/// <c>Validate()</c> of the object the code creates at run time: a value the analyzers know must be the value the
/// code has, rounding, truncation, wrapping and overflow included; and nothing the analyzers know may be left out.
/// </summary>
public sealed class ValueExactnessParityTests
{
    private const string Fields = """
        public static class Values
        {
            public static readonly int HundredThousand = 100000;
            public static readonly int Wraps = 65586;
            public static readonly long BeyondInt = 4294967446L;
            public static readonly float Low = 0.4f;
            public static readonly float High = 0.55f;
            public static readonly double Small = 0.1;
        }
        """;

    [Theory]
    // The double TimeSpan factories truncate to whole ticks (12345678.9 ticks are 12345678), they do not round.
    [InlineData("new WorkloadCertificatePolicy { Ttl = TimeSpan.FromSeconds(1.23456789) }", "MPKI2001 MPKI2010")]
    [InlineData("new WorkloadCertificatePolicy { Ttl = TimeSpan.FromMinutes(59.999999999) }", "MPKI2001 MPKI2010")]
    // TimeSpan * double rounds each product to even: 3 ticks * 0.5 is 2 ticks, and twice that is 4, not 3.
    [InlineData("new IntermediateCaPolicy(TimeSpan.FromMinutes(4) + (TimeSpan.FromTicks(3) * 0.5) + (TimeSpan.FromTicks(3) * 0.5))", "MPKI2005")]
    // Ticks beyond 2^53 are exact: a double would make 9007199254740993 ticks 9007199254740992.
    [InlineData("new IntermediateCaPolicy(TimeSpan.FromTicks(9007199254740993), TimeSpan.FromTicks(9007199254740993))", "MPKI2004")]
    [InlineData("new IntermediateCaPolicy(GoDuration.Parse(\"250199h58m45.4740993s\").ToTimeSpan() + TimeSpan.FromTicks(1), TimeSpan.FromTicks(9007199254740994))", "MPKI2004")]
    // float arithmetic is float arithmetic: 0.4f + 0.55f is 0.9500000476837158, not 0.9500000178813934.
    [InlineData("new WorkloadCertificatePolicy { GracePeriodRatio = Values.Low + Values.High }", "MPKI2001")]
    // MPKI2002 with istio-agent's default TTL (24h) and a maximum written below it: every CSR fails.
    [InlineData("new WorkloadCertificatePolicy { MaxWorkloadCertTtl = TimeSpan.FromHours(1) }", "MPKI2002")]
    [InlineData("new WorkloadCertificatePolicy(maxWorkloadCertTtl: TimeSpan.FromHours(12), ttl: TimeSpan.FromHours(24))", "MPKI2002")]
    [InlineData("WorkloadCertificatePolicy.FromIstioSettings(maxWorkloadCertTtl: \"12h\")", "MPKI2002")]
    [InlineData("WorkloadCertificatePolicy.FromIstioSettings(null, 0.5, 0.01, \"23h59m59s\")", "MPKI2002")]
    [InlineData("new MeshLifetimeOptions { MaxWorkloadCertTtl = TimeSpan.FromHours(23) }", "MPKI2002")]
    [InlineData("new MeshCertificateLifetimes(new WorkloadCertificatePolicy { MaxWorkloadCertTtl = TimeSpan.FromHours(1) }, new IntermediateCaPolicy())", "MPKI2002")]
    [InlineData("new WorkloadCertificatePolicy { MaxWorkloadCertTtl = TimeSpan.FromHours(24) }", "")]
    // default(T?) is null, the setting's absence, as null is; default(TimeSpan) is TimeSpan.Zero.
    [InlineData("new IntermediateCaPolicy(default(TimeSpan?), TimeSpan.FromDays(90))", "MPKI2004")]
    [InlineData("new IntermediateCaPolicy(default, TimeSpan.FromDays(10), default)", "")]
    [InlineData("new IntermediateCaPolicy { Duration = default, RenewBefore = TimeSpan.FromDays(10), RenewBeforePercentage = 20 }", "MPKI2006")]
    [InlineData("new MeshCertificateLifetimes(new WorkloadCertificatePolicy(TimeSpan.FromDays(40)), new IntermediateCaPolicy(default, default, default))", "MPKI2003")]
    [InlineData("IntermediateCaPolicy.FromCertManagerSpec(default, \"2160h\", default(int?))", "MPKI2004")]
    [InlineData("new IntermediateCaPolicy(TimeSpan.FromDays(30), default(TimeSpan))", "MPKI2005")]
    // Rotation warnings with a TTL beyond Go's int64 nanoseconds, where Validate() computes them without overflowing.
    [InlineData("new WorkloadCertificatePolicy(TimeSpan.FromDays(365 * 300), 0.005, 0.01)", "MPKI2001 MPKI2002")]
    public async Task The_analyzers_know_the_value_the_code_has(string expression, string ids)
    {
        var (diagnostics, findings) = await AnalyzerRun.AnalyzeAndValidateAsync(expression, Fields);

        Assert.Equal(ids, string.Join(" ", findings.Select(f => f.Id).Order(StringComparer.Ordinal)));
        Assert.Equal(
            findings.Select(f => f.Id + ": " + f.Message).Order(StringComparer.Ordinal),
            diagnostics.Select(d => d.Id + ": " + d.GetMessage(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal));
    }

    [Theory]
    // Integer arithmetic wraps at run time (unchecked): 100000 * 100000 is 1410065408 seconds, not the 1e10 seconds
    // (115740 days) the analyzers used to quote; they leave such a value unknown.
    [InlineData("new WorkloadCertificatePolicy { Ttl = TimeSpan.FromSeconds(Values.HundredThousand * Values.HundredThousand) }")]
    [InlineData("new MeshLifetimeOptions { WorkloadCertificateTtl = TimeSpan.FromSeconds(Values.HundredThousand * Values.HundredThousand) }")]
    // A narrowing conversion wraps: (short)65586 is 50, a percentage cert-manager accepts (they used to report "65586").
    [InlineData("new IntermediateCaPolicy(TimeSpan.FromDays(30), renewBeforePercentage: (short)Values.Wraps)")]
    [InlineData("new IntermediateCaPolicy(TimeSpan.FromHours(2), renewBeforePercentage: (short)(Values.Wraps + 49))")]
    [InlineData("new IntermediateCaPolicy(TimeSpan.FromDays(30), renewBeforePercentage: unchecked((int)Values.BeyondInt))")]
    public async Task A_value_that_wraps_at_run_time_is_not_known(string expression)
    {
        var (diagnostics, findings) = await AnalyzerRun.AnalyzeAndValidateAsync(expression, Fields);

        Assert.Empty(diagnostics);
        Assert.All(findings, f => Assert.DoesNotContain("115740", f.Message, StringComparison.Ordinal));
    }

    [Theory]
    // checked((int)4294967446L) throws: the percentage has no value to quote (MPKI2006 needs only one that is set).
    [InlineData("new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(10), checked((int)Values.BeyondInt))", "MPKI2006", "(int)Values.BeyondInt")]
    [InlineData("new IntermediateCaPolicy(TimeSpan.FromDays(30), renewBeforePercentage: checked((int)Values.BeyondInt))", null, null)]
    // TimeSpan.FromTicks(long.MaxValue) + 1 tick throws OverflowException: no TTL to compare.
    [InlineData("new WorkloadCertificatePolicy { Ttl = TimeSpan.FromTicks(long.MaxValue) + TimeSpan.FromTicks(1) }", null, null)]
    [InlineData("new WorkloadCertificatePolicy { Ttl = TimeSpan.FromDays(Values.Small * 1e20) }", null, null)]
    // 100000 * 30000 wraps to -1294967296 hours, which FromHours(int) refuses (ArgumentOutOfRangeException).
    [InlineData("new WorkloadCertificatePolicy { Ttl = TimeSpan.FromHours(Values.HundredThousand * 30000) }", null, null)]
    public async Task A_value_that_throws_at_run_time_is_not_known(string expression, string? id, string? quoted)
    {
        ImmutableArray<Diagnostic> diagnostics = await AnalyzerRun.DiagnosticsAsync(AnalyzerRun.Source(expression, Fields), AnalyzerRun.AllAnalyzers);

        Assert.Equal(id is null ? [] : [id], diagnostics.Select(d => d.Id));
        if (quoted is not null)
        {
            Assert.Contains("Invalid value: \"" + quoted + "\"", diagnostics[0].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
    }

    [Theory]
    // Beyond Go's int64 nanoseconds istio-agent has no rotation to compute (it cannot hold such a SECRET_TTL): the
    // analyzers and Validate() both give MPKI2002 and no rotation warning. The analyzers used to print a warning with a
    // wrapped duration ("rotates workload certificates -...h after issuance"), and Validate() used to throw.
    [InlineData("new WorkloadCertificatePolicy { Ttl = TimeSpan.FromDays(365 * 1000), GracePeriodRatio = 0.95 }")]
    [InlineData("new WorkloadCertificatePolicy { Ttl = TimeSpan.FromDays(365 * 1000) }")]
    [InlineData("new WorkloadCertificatePolicy { Ttl = TimeSpan.FromTicks(long.MaxValue / 100), GracePeriodRatio = 0.5, GracePeriodRatioJitter = 0.5 }")]
    public async Task No_rotation_warning_where_the_rotation_arithmetic_overflows(string expression)
    {
        ImmutableArray<Diagnostic> diagnostics = await AnalyzerRun.DiagnosticsAsync(AnalyzerRun.Source(expression, Fields), AnalyzerRun.AllAnalyzers);

        Assert.Equal(["MPKI2002"], diagnostics.Select(d => d.Id));
        var (_, findings) = await AnalyzerRun.AnalyzeAndValidateAsync(expression, Fields);
        Assert.Equal(diagnostics.Select(d => (d.Id, d.GetMessage(CultureInfo.InvariantCulture))), findings.Select(f => (f.Id, f.Message)));
    }
}
