using Golem.MeshPki.Analyzers.Rules;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>
/// Nullable values: lifted operators on <c>TimeSpan?</c> and <c>double?</c> (known when every operand is known, so
/// none is null), and <c>(TimeSpan?)</c>/<c>(TimeSpan)</c> casts.
/// </summary>
public sealed partial class ValueFormTests
{
    [Theory]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:(TimeSpan)(NullableWeek * 14)|} };", "98.00:00:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:(TimeSpan)(NullableWeek * NullableFactor)|} };", "98.00:00:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:(TimeSpan)(NullableWeek + NullableWeek * NullableFactor)|} };", "105.00:00:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:(TimeSpan)(NullableLong - (TimeSpan?)Week)|} };", "93.00:00:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:(TimeSpan)((TimeSpan?)LongTtl)|} };", "100.00:00:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:(TimeSpan)NullableLong|} };", "100.00:00:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:TimeSpan.FromDays((double)(NullableFactor * 7))|} };", "98.00:00:00")]
    public async Task Known_nullable_forms_above_the_maximum_are_reported(string statement, string ttl) =>
        await AnalyzerTest<WorkloadTtlAboveMaximumAnalyzer>.VerifyAsync(
            Code(statement),
            null,
            AnalyzerTest<WorkloadTtlAboveMaximumAnalyzer>.Diagnostic("MPKI2002").WithLocation(0).WithArguments(ttl, "90.00:00:00"));

    [Theory]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = (TimeSpan)(NullableWeek * 2) };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = (TimeSpan)(NullableLong / 2) };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = (TimeSpan)(TimeSpan?)SafeTtl };")]
    public async Task Known_nullable_forms_within_the_maximum_are_not_reported(string statement) =>
        await AnalyzerTest<WorkloadTtlAboveMaximumAnalyzer>.VerifyAsync(Code(statement), null);

    [Theory]
    // A null operand makes a lifted result null: (TimeSpan) of it throws at run time. Unknown, not a lifetime.
    [InlineData("return new WorkloadCertificatePolicy { Ttl = (TimeSpan)(NoTtl * 20) };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = (TimeSpan)(NullableWeek * (double?)null) };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = (TimeSpan)(LongTtl + NoTtl) };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = (TimeSpan)(NullableWeek * factor) };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = (TimeSpan)(NullableWeek + (TimeSpan?)configured) };")]
    public async Task Nullable_forms_with_a_null_or_unknown_operand_are_skipped(string statement) =>
        await AnalyzerTest<WorkloadTtlAboveMaximumAnalyzer>.VerifyAsync(Code(statement), null);

    [Theory]
    [InlineData("return new IntermediateCaPolicy { Duration = {|#0:NullableWeek / 336|} };", "30m0s")]
    [InlineData("return new IntermediateCaPolicy { Duration = {|#0:(TimeSpan?)TimeSpan.FromMinutes(30)|} };", "30m0s")]
    [InlineData("return new IntermediateCaPolicy({|#0:NullableWeek / NullableFactor / 24|});", "30m0s")]
    public async Task Lifted_forms_reach_nullable_settings(string statement, string duration) =>
        await AnalyzerTest<CertManagerDurationTooShortAnalyzer>.VerifyAsync(
            Code(statement),
            null,
            AnalyzerTest<CertManagerDurationTooShortAnalyzer>.Diagnostic("MPKI2005").WithLocation(0).WithArguments(
                "spec.duration", duration, "certificate duration must be greater than 1h0m0s"));

    [Theory]
    [InlineData("return new IntermediateCaPolicy { Duration = NullableWeek / 2 };")]
    [InlineData("return new IntermediateCaPolicy { Duration = NoTtl / 336 };")]
    public async Task Lifted_forms_of_one_hour_or_more_or_null_are_not_reported_on_nullable_settings(string statement) =>
        await AnalyzerTest<CertManagerDurationTooShortAnalyzer>.VerifyAsync(Code(statement), null);

    [Fact]
    public async Task Lifted_forms_are_compared_by_MPKI2004() =>
        await AnalyzerTest<RenewBeforeNotBelowDurationAnalyzer>.VerifyAsync(
            Code("return new IntermediateCaPolicy(NullableWeek, {|#0:NullableWeek * 2|});"),
            null,
            AnalyzerTest<RenewBeforeNotBelowDurationAnalyzer>.Diagnostic("MPKI2004").WithLocation(0).WithArguments(
                "spec.renewBefore", "336h0m0s", "certificate duration 168h0m0s must be greater than renewBefore 336h0m0s"));

    [Fact]
    public async Task Lifted_forms_below_the_duration_are_not_reported_by_MPKI2004() =>
        await AnalyzerTest<RenewBeforeNotBelowDurationAnalyzer>.VerifyAsync(
            Code("return new IntermediateCaPolicy(NullableWeek * 2, NullableWeek);"),
            null);

    [Theory]
    // A TimeSpan? field with a known value cannot be null: both settings are set (MPKI2006).
    [InlineData("return new IntermediateCaPolicy { RenewBefore = NullableWeek, RenewBeforePercentage = {|#0:20|} };")]
    [InlineData("return new IntermediateCaPolicy { RenewBefore = NullableWeek * 2, RenewBeforePercentage = {|#0:20|} };")]
    public async Task Known_nullable_values_count_as_set(string statement) =>
        await AnalyzerTest<RenewBeforeSetTwiceAnalyzer>.VerifyAsync(
            Code(statement),
            null,
            AnalyzerTest<RenewBeforeSetTwiceAnalyzer>.Diagnostic("MPKI2006").WithLocation(0).WithArguments(
                "spec.renewBeforePercentage", "20", "renewBefore and renewBeforePercentage are mutually exclusive and cannot both be set"));

    [Theory]
    [InlineData("return new IntermediateCaPolicy { RenewBefore = NoTtl, RenewBeforePercentage = 20 };")]
    [InlineData("return new IntermediateCaPolicy { RenewBefore = NoTtl * 2, RenewBeforePercentage = 20 };")]
    public async Task Null_or_unknown_nullable_values_do_not_count_as_set(string statement) =>
        await AnalyzerTest<RenewBeforeSetTwiceAnalyzer>.VerifyAsync(Code(statement), null);
}
