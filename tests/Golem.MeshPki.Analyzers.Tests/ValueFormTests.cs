using Golem.MeshPki.Analyzers.Rules;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>
/// The evaluator's further value forms (static readonly fields, arithmetic, <c>TimeSpan.Parse</c> of a literal), each
/// reported when unsafe and silent when safe or unknown, through MPKI2002 and MPKI2010 (TimeSpans), MPKI2001 (numbers)
/// and MPKI2005 (nullable TimeSpans). Go durations, nullable (lifted) operators, static initialization order and
/// fields declared in other files are in the partial files beside this one.
/// </summary>
public sealed partial class ValueFormTests
{
    private static string Code(string statement) => $$"""
        using System;
        using System.Globalization;
        using Golem.MeshPki.Lifetimes;

        public static class Mesh
        {
            private const int Days = 100;
            private static readonly TimeSpan LongTtl = TimeSpan.FromDays(100);
            private static readonly TimeSpan SafeTtl = TimeSpan.FromDays(30);
            private static readonly TimeSpan Chained = LongTtl;
            private static readonly TimeSpan Week = TimeSpan.FromDays(7);
            private static readonly TimeSpan FromParse = TimeSpan.Parse("100.00:00:00");
            private static readonly double HighRatio = 1.5;
            private static readonly int Ten = 10;
            private static readonly TimeSpan? NullableLong = TimeSpan.FromDays(100);
            private static readonly TimeSpan ShortTtl = TimeSpan.FromMinutes(30);
            private static readonly TimeSpan Cycle1 = Cycle2;
            private static readonly TimeSpan Cycle2 = Cycle1;
            private static TimeSpan mutable = TimeSpan.FromDays(100);
            private const string GoTtl = "2400h";
            private static readonly string GoTtlText = "2400h";
            private static readonly GoDuration GoLong = GoDuration.Parse("2400h");
            private static readonly TimeSpan? NullableWeek = TimeSpan.FromDays(7);
            private static readonly TimeSpan? NoTtl = null;
            private static readonly double? NullableFactor = 14;
            private static readonly TimeSpan ReadsLater = DeclaredLater;
            private static readonly TimeSpan DeclaredLater = TimeSpan.FromDays(100);

            public static object Configure(WorkloadCertificatePolicy existing, TimeSpan configured, double factor)
            {
                {{statement}}
            }
        }

        public static class Reassigned
        {
            public static readonly TimeSpan Ttl = TimeSpan.FromDays(100);

            static Reassigned() => Ttl = TimeSpan.FromDays(1);
        }

        public static class CycleStart
        {
            public static readonly TimeSpan Set = TimeSpan.FromDays(100);
            public static readonly TimeSpan Reads = CycleEnd.Reads;
        }

        public static class CycleEnd
        {
            public static readonly TimeSpan Reads = CycleStart.Set;
        }

        public static class ThreadLocalSettings
        {
            [ThreadStatic]
            public static readonly TimeSpan Ttl = TimeSpan.FromDays(100);
        }
        """;

    [Theory]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:LongTtl|} };", "100.00:00:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:Chained|} };", "100.00:00:00")]
    [InlineData("return new WorkloadCertificatePolicy(ttl: {|#0:FromParse|});", "100.00:00:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:TimeSpan.Parse(\"100.00:00:00\")|} };", "100.00:00:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:TimeSpan.Parse(\"91.00:00:00\", CultureInfo.InvariantCulture)|} };", "91.00:00:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:TimeSpan.FromDays(90) + TimeSpan.FromHours(1)|} };", "90.01:00:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:SafeTtl + SafeTtl + SafeTtl + Week|} };", "97.00:00:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:LongTtl - TimeSpan.FromDays(1)|} };", "99.00:00:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:Week * 14|} };", "98.00:00:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:3.5 * SafeTtl|} };", "105.00:00:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:(LongTtl * 2) / 2|} };", "100.00:00:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:TimeSpan.FromDays(Days * 2 - 50 / Ten)|} };", "195.00:00:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:TimeSpan.FromDays(LongTtl / Week * 7)|} };", "100.00:00:00")]
    public async Task Known_forms_above_the_maximum_are_reported(string statement, string ttl) =>
        await AnalyzerTest<WorkloadTtlAboveMaximumAnalyzer>.VerifyAsync(
            Code(statement),
            null,
            AnalyzerTest<WorkloadTtlAboveMaximumAnalyzer>.Diagnostic("MPKI2002").WithLocation(0).WithArguments(ttl, "90.00:00:00"));

    [Theory]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = SafeTtl };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = TimeSpan.Parse(\"30.00:00:00\") };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = LongTtl - Week - Week };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = SafeTtl * 3 };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = LongTtl / 2 };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = TimeSpan.FromDays(7 / 2 * 30) };")]
    public async Task Known_forms_within_the_maximum_are_not_reported(string statement) =>
        await AnalyzerTest<WorkloadTtlAboveMaximumAnalyzer>.VerifyAsync(Code(statement), null);

    [Theory]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = mutable };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = NullableLong!.Value };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = Reassigned.Ttl };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = Cycle1 };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = configured + LongTtl };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = LongTtl * factor };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = LongTtl / 0 };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = TimeSpan.Parse(\"100 days\") };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = TimeSpan.Parse(\"2400:00:00\") };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = TimeSpan.Parse(Console.ReadLine()!) };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = TimeSpan.ParseExact(\"100.00:00:00\", \"c\", null) };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = TimeSpan.FromDays(Days / (Ten - 10)) };")]
    public async Task Unknown_forms_are_skipped(string statement) =>
        await AnalyzerTest<WorkloadTtlAboveMaximumAnalyzer>.VerifyAsync(Code(statement), null);

    [Theory]
    [InlineData("return new WorkloadCertificatePolicy { GracePeriodRatio = {|#0:HighRatio|} };", "1.5")]
    [InlineData("return new WorkloadCertificatePolicy { GracePeriodRatio = {|#0:HighRatio - 0.5|} };", "1")]
    [InlineData("return new WorkloadCertificatePolicy { GracePeriodRatio = {|#0:Ten / 5|} };", "2")]
    [InlineData("return new WorkloadCertificatePolicy { GracePeriodRatio = {|#0:Week / Week|} };", "1")]
    public async Task Known_number_forms_outside_0_1_are_reported(string statement, string ratio) =>
        await AnalyzerTest<GracePeriodRatioAnalyzer>.VerifyAsync(
            Code(statement),
            null,
            AnalyzerTest<GracePeriodRatioAnalyzer>.Diagnostic("MPKI2001").WithLocation(0).WithArguments(
                "Grace period ratio", ratio, "istio-agent rotates at once, on every certificate it receives"));

    [Theory]
    [InlineData("return new WorkloadCertificatePolicy { GracePeriodRatio = HighRatio / 3 };")]
    [InlineData("return new WorkloadCertificatePolicy { GracePeriodRatio = 1.0 / Ten };")]
    [InlineData("return new WorkloadCertificatePolicy { GracePeriodRatio = Week / TimeSpan.FromDays(14) };")]
    [InlineData("return new WorkloadCertificatePolicy { GracePeriodRatio = HighRatio * factor };")]
    public async Task Number_forms_inside_0_1_or_unknown_are_not_reported(string statement) =>
        await AnalyzerTest<GracePeriodRatioAnalyzer>.VerifyAsync(Code(statement), null);

    [Theory]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:ShortTtl|} };", "00:30:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:TimeSpan.Parse(\"00:45:00\")|} };", "00:45:00")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = {|#0:ShortTtl + TimeSpan.FromMinutes(29)|} };", "00:59:00")]
    public async Task Known_forms_below_one_hour_are_reported(string statement, string ttl) =>
        await AnalyzerTest<WorkloadTtlTooShortAnalyzer>.VerifyAsync(
            Code(statement),
            null,
            AnalyzerTest<WorkloadTtlTooShortAnalyzer>.Diagnostic("MPKI2010").WithLocation(0).WithArguments("Workload certificate TTL '" + ttl + "'", "1h0m0s"));

    [Theory]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = ShortTtl * 2 };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = TimeSpan.Parse(\"01:00:00\") };")]
    public async Task Known_forms_of_one_hour_or_more_are_not_reported(string statement) =>
        await AnalyzerTest<WorkloadTtlTooShortAnalyzer>.VerifyAsync(Code(statement), null);

    [Theory]
    [InlineData("return new IntermediateCaPolicy({|#0:TimeSpan.Parse(\"00:30:00\")|});", "30m0s")]
    [InlineData("return new IntermediateCaPolicy { Duration = {|#0:TimeSpan.FromHours(2) / 4|} };", "30m0s")]
    public async Task Known_forms_reach_nullable_settings(string statement, string duration) =>
        await AnalyzerTest<CertManagerDurationTooShortAnalyzer>.VerifyAsync(
            Code(statement),
            null,
            AnalyzerTest<CertManagerDurationTooShortAnalyzer>.Diagnostic("MPKI2005").WithLocation(0).WithArguments(
                "spec.duration", duration, "certificate duration must be greater than 1h0m0s"));
}
