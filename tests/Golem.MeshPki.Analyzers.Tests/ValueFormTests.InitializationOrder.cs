using Golem.MeshPki.Analyzers.Rules;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>
/// Static readonly fields read while static initializers run: a field read before its initializer has run holds its
/// default value (C# spec, static field initialization), so such reads are unknown, never the initializer's value.
/// </summary>
public sealed partial class ValueFormTests
{
    private static string StaticInitializers(string members) => $$"""
        using System;
        using Golem.MeshPki.Lifetimes;

        public static class Settings
        {
            {{members}}
        }

        public static class Other
        {
            public static readonly TimeSpan Ttl = TimeSpan.FromDays(100);
            public static readonly TimeSpan ReadsSettings = Settings.EarlyTtl;
        }
        """;

    [Theory]
    [InlineData("""
        public static readonly TimeSpan EarlyTtl = TimeSpan.FromDays(100);
        public static readonly object Policy = new WorkloadCertificatePolicy { Ttl = {|#0:EarlyTtl|} };
        """)]
    [InlineData("""
        public static readonly TimeSpan EarlyTtl = TimeSpan.FromDays(100);
        public static readonly TimeSpan Copy = EarlyTtl;
        public static object Policy { get; } = new WorkloadCertificatePolicy { Ttl = {|#0:Copy|} };
        """)]
    [InlineData("""
        public static readonly object Policy = new WorkloadCertificatePolicy { Ttl = {|#0:Other.Ttl|} };
        public static readonly TimeSpan EarlyTtl = TimeSpan.FromDays(1);
        """)]
    public async Task Fields_initialized_before_the_read_are_known(string members) =>
        await AnalyzerTest<WorkloadTtlAboveMaximumAnalyzer>.VerifyAsync(
            StaticInitializers(members),
            null,
            AnalyzerTest<WorkloadTtlAboveMaximumAnalyzer>.Diagnostic("MPKI2002").WithLocation(0).WithArguments("100.00:00:00", "90.00:00:00"));

    [Theory]
    // Declared after the initializer that reads it: still zero when read.
    [InlineData("""
        public static readonly object Policy = new WorkloadCertificatePolicy { Ttl = LateTtl };
        public static readonly TimeSpan LateTtl = TimeSpan.FromDays(100);
        public static readonly TimeSpan EarlyTtl = TimeSpan.FromDays(1);
        """)]
    [InlineData("""
        public static object Policy { get; } = new WorkloadCertificatePolicy { Ttl = LateTtl };
        public static readonly TimeSpan LateTtl = TimeSpan.FromDays(100);
        public static readonly TimeSpan EarlyTtl = TimeSpan.FromDays(1);
        """)]
    // Read through a chain that reaches a later field of the type being initialized.
    [InlineData("""
        public static readonly TimeSpan EarlyTtl = TimeSpan.FromDays(1);
        public static readonly TimeSpan Copy = LateTtl;
        public static readonly object Policy = new WorkloadCertificatePolicy { Ttl = Copy };
        public static readonly TimeSpan LateTtl = TimeSpan.FromDays(100);
        """)]
    // A lambda in a static initializer may run during it: treated as running there.
    [InlineData("""
        public static readonly Func<object> Make = () => new WorkloadCertificatePolicy { Ttl = LateTtl };
        public static readonly TimeSpan LateTtl = TimeSpan.FromDays(100);
        public static readonly TimeSpan EarlyTtl = TimeSpan.FromDays(1);
        """)]
    // Other.ReadsSettings reads Settings, whose initialization is under way: what it holds depends on who ran first.
    [InlineData("""
        public static readonly TimeSpan EarlyTtl = TimeSpan.FromDays(100);
        public static readonly object Policy = new WorkloadCertificatePolicy { Ttl = Other.ReadsSettings };
        """)]
    public async Task Fields_read_before_their_initializer_may_have_run_are_skipped(string members) =>
        await AnalyzerTest<WorkloadTtlAboveMaximumAnalyzer>.VerifyAsync(StaticInitializers(members), null);

    [Theory]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = ReadsLater };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = CycleStart.Reads };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = ThreadLocalSettings.Ttl };")]
    [InlineData("return new WorkloadCertificatePolicy { Ttl = TimeSpan.MaxValue };")]
    public async Task Fields_whose_value_is_not_their_initializer_are_skipped(string statement) =>
        await AnalyzerTest<WorkloadTtlAboveMaximumAnalyzer>.VerifyAsync(Code(statement), null);

    [Fact]
    public async Task A_method_reading_a_field_declared_later_is_known() =>
        await AnalyzerTest<WorkloadTtlAboveMaximumAnalyzer>.VerifyAsync(
            Code("return new WorkloadCertificatePolicy { Ttl = {|#0:DeclaredLater|} };"),
            null,
            AnalyzerTest<WorkloadTtlAboveMaximumAnalyzer>.Diagnostic("MPKI2002").WithLocation(0).WithArguments("100.00:00:00", "90.00:00:00"));
}
