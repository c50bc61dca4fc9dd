using Golem.MeshPki.Analyzers.Rules;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>
/// Go duration strings given to the library's parser: <c>GoDuration.Parse(known string).ToTimeSpan()</c> and
/// <c>GoDuration.FromTimeSpan(known).ToTimeSpan()</c>, read by the library's own parser and truncated to ticks as
/// <c>ToTimeSpan</c> does.
/// </summary>
public sealed partial class ValueFormTests
{
    [Theory]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:GoDuration.Parse(\"2400h\").ToTimeSpan()|} };", "100.00:00:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:GoDuration.Parse(GoTtl).ToTimeSpan()|} };", "100.00:00:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:GoDuration.Parse(GoTtlText).ToTimeSpan()|} };", "100.00:00:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:GoLong.ToTimeSpan()|} };", "100.00:00:00")]
    [InlineData("return new WorkloadCertificatePolicy(ttl: {|#0:GoDuration.Parse(\"2159h59m60.5s\").ToTimeSpan()|});", "90.00:00:00.5000000")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:GoDuration.Parse(\"+1.5h\").ToTimeSpan() * 1500|} };", "93.18:00:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:GoDuration.FromTimeSpan(LongTtl).ToTimeSpan()|} };", "100.00:00:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:GoDuration.Parse(\"2160h0m0.00000019s\").ToTimeSpan()|} };", "90.00:00:00.0000001")]
    public async Task Go_durations_above_the_maximum_are_reported(string statement, string ttl) =>
        await AnalyzerTest<WorkloadTtlAboveMaximumAnalyzer>.VerifyAsync(
            Code(statement),
            null,
            AnalyzerTest<WorkloadTtlAboveMaximumAnalyzer>.Diagnostic("MPKI2002").WithLocation(0).WithArguments(ttl, "90.00:00:00"));

    [Theory]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = GoDuration.Parse(\"2160h\").ToTimeSpan() };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = GoDuration.Parse(\"720h\").ToTimeSpan() };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = GoDuration.FromTimeSpan(SafeTtl).ToTimeSpan() };")]
    // 90 ns more than 90 days: ToTimeSpan truncates it to 90 days exactly, which istiod accepts.
    [InlineData("return new WorkloadCertificatePolicy { Ttl = GoDuration.Parse(\"2160h0m0.00000009s\").ToTimeSpan() };")]
    public async Task Go_durations_within_the_maximum_are_not_reported(string statement) =>
        await AnalyzerTest<WorkloadTtlAboveMaximumAnalyzer>.VerifyAsync(Code(statement), null);

    [Theory]
    // Strings Go rejects: GoDuration.Parse throws at run time; that is no lifetime.
    [InlineData("return new WorkloadCertificatePolicy { Ttl = GoDuration.Parse(\"100d\").ToTimeSpan() };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = GoDuration.Parse(\"2400 h\").ToTimeSpan() };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = GoDuration.Parse(\"9223372036854775808ns\").ToTimeSpan() };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = GoDuration.Parse(Console.ReadLine()!).ToTimeSpan() };")]
    // Beyond Go's int64 nanoseconds (about 292 years): FromTimeSpan throws. (These ticks times 100 wrap in int64 to
    // about 100 days: the evaluator must refuse the value, not wrap it.)
    [InlineData("return new WorkloadCertificatePolicy { Ttl = GoDuration.FromTimeSpan(TimeSpan.FromDays(213604)).ToTimeSpan() };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = GoDuration.FromTimeSpan(configured).ToTimeSpan() };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = GoDuration.TryParse(\"2400h\", out GoDuration d) ? d.ToTimeSpan() : default };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = new GoDuration(8640000000000000).ToTimeSpan() };")]
    public async Task Unknown_Go_durations_are_skipped(string statement) =>
        await AnalyzerTest<WorkloadTtlAboveMaximumAnalyzer>.VerifyAsync(Code(statement), null);

    [Theory]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:GoDuration.Parse(\"30m\").ToTimeSpan()|} };", "00:30:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:GoDuration.Parse(\"59m59.9999999s\").ToTimeSpan()|} };", "00:59:59.9999999")]
    public async Task Go_durations_below_one_hour_are_reported(string statement, string ttl) =>
        await AnalyzerTest<WorkloadTtlTooShortAnalyzer>.VerifyAsync(
            Code(statement),
            null,
            AnalyzerTest<WorkloadTtlTooShortAnalyzer>.Diagnostic("MPKI2010").WithLocation(0).WithArguments("Workload certificate TTL '" + ttl + "'", "1h0m0s"));

    [Theory]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = GoDuration.Parse(\"1h\").ToTimeSpan() };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = GoDuration.Parse(\"-30m\").ToTimeSpan() };")]
    public async Task Go_durations_of_one_hour_or_more_or_negative_are_not_reported_as_short(string statement) =>
        await AnalyzerTest<WorkloadTtlTooShortAnalyzer>.VerifyAsync(Code(statement), null);

    [Theory]
    [InlineData("return new IntermediateCaPolicy({|#0:GoDuration.Parse(\"30m\").ToTimeSpan()|});", "30m0s")]
    [InlineData("return new IntermediateCaPolicy { Duration = {|#0:GoDuration.Parse(\"59m\").ToTimeSpan()|} };", "59m0s")]
    public async Task Go_durations_reach_nullable_settings(string statement, string duration) =>
        await AnalyzerTest<CertManagerDurationTooShortAnalyzer>.VerifyAsync(
            Code(statement),
            null,
            AnalyzerTest<CertManagerDurationTooShortAnalyzer>.Diagnostic("MPKI2005").WithLocation(0).WithArguments(
                "spec.duration", duration, "certificate duration must be greater than 1h0m0s"));
}
