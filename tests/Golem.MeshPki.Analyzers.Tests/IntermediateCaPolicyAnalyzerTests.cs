extern alias library;

using System.Globalization;
using Golem.MeshPki.Analyzers.Rules;
using Microsoft.CodeAnalysis.Diagnostics;
using Policy = library::Golem.MeshPki.Lifetimes.IntermediateCaPolicy;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>Shared code for the cert-manager rules over <c>IntermediateCaPolicy</c> (MPKI2004, MPKI2005, MPKI2006).</summary>
internal static class IntermediateCode
{
    public static string Code(string statement) => $$"""
        using System;
        using Golem.MeshPki.Lifetimes;

        public static class Mesh
        {
            private const int Percent = 20;

            public static object Configure(IntermediateCaPolicy existing, TimeSpan configured, TimeSpan? maybe, int? maybePercent)
            {
                {{statement}}
            }
        }
        """;

    /// <summary>The diagnostic's message, formatted as the analyzer's descriptor formats it.</summary>
    public static string Message(DiagnosticAnalyzer analyzer, params object[] arguments) => string.Format(
        CultureInfo.InvariantCulture,
        Assert.Single(analyzer.SupportedDiagnostics).MessageFormat.ToString(CultureInfo.InvariantCulture),
        arguments);

    /// <summary>The library's run-time check of the same policy, for the same rule.</summary>
    public static string ValidateMessage(Policy policy, string id) => Assert.Single(policy.Validate(), f => f.Id == id).Message;
}

/// <summary>MPKI2004: renewBefore not below the duration (the default 90 days when unset on a new policy).</summary>
public sealed class RenewBeforeNotBelowDurationAnalyzerTests
{
    private const string Id = "MPKI2004";

    [Theory]
    [InlineData("return new IntermediateCaPolicy(TimeSpan.FromDays(30), {|#0:TimeSpan.FromDays(30)|});", "720h0m0s", "720h0m0s")]
    [InlineData("return new IntermediateCaPolicy(duration: TimeSpan.FromDays(30), renewBefore: {|#0:TimeSpan.FromDays(365)|});", "720h0m0s", "8760h0m0s")]
    [InlineData("return new IntermediateCaPolicy { RenewBefore = {|#0:TimeSpan.FromDays(90)|} };", "2160h0m0s", "2160h0m0s")]
    [InlineData("return new IntermediateCaPolicy(null, {|#0:TimeSpan.FromDays(100)|});", "2160h0m0s", "2400h0m0s")]
    [InlineData("return existing with { Duration = TimeSpan.FromHours(2), RenewBefore = {|#0:TimeSpan.FromHours(3)|} };", "2h0m0s", "3h0m0s")]
    public async Task RenewBefore_not_below_duration_is_reported(string statement, string duration, string renewBefore) =>
        await AnalyzerTest<RenewBeforeNotBelowDurationAnalyzer>.VerifyAsync(
            IntermediateCode.Code(statement),
            null,
            AnalyzerTest<RenewBeforeNotBelowDurationAnalyzer>.Diagnostic(Id).WithLocation(0).WithArguments(
                "spec.renewBefore", renewBefore, $"certificate duration {duration} must be greater than renewBefore {renewBefore}"));

    [Theory]
    [InlineData("return new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(10));")]
    [InlineData("return new IntermediateCaPolicy { RenewBefore = TimeSpan.FromDays(89) };")]
    [InlineData("return new IntermediateCaPolicy(TimeSpan.FromDays(30));")]
    [InlineData("return new IntermediateCaPolicy(configured, TimeSpan.FromDays(365));")]
    [InlineData("return new IntermediateCaPolicy(maybe, TimeSpan.FromDays(365));")]
    [InlineData("return existing with { RenewBefore = TimeSpan.FromDays(365) };")]
    [InlineData("return new IntermediateCaPolicy(TimeSpan.FromDays(30), maybe);")]
    public async Task RenewBefore_below_duration_or_unknown_is_not_reported(string statement) =>
        await AnalyzerTest<RenewBeforeNotBelowDurationAnalyzer>.VerifyAsync(IntermediateCode.Code(statement), null);

    [Fact]
    public void The_message_is_the_policy_checks_message() =>
        Assert.Equal(
            IntermediateCode.ValidateMessage(new Policy(TimeSpan.FromDays(30), TimeSpan.FromDays(30)), Id),
            IntermediateCode.Message(new RenewBeforeNotBelowDurationAnalyzer(), "spec.renewBefore", "720h0m0s", "certificate duration 720h0m0s must be greater than renewBefore 720h0m0s"));
}

/// <summary>MPKI2005: duration below 1h or renewBefore below 5m, the webhook's comparisons.</summary>
public sealed class CertManagerDurationTooShortAnalyzerTests
{
    private const string Id = "MPKI2005";

    [Theory]
    [InlineData("return new IntermediateCaPolicy({|#0:TimeSpan.FromMinutes(30)|}, TimeSpan.FromMinutes(10));", "spec.duration", "30m0s", "certificate duration must be greater than 1h0m0s")]
    [InlineData("return new IntermediateCaPolicy { Duration = {|#0:new TimeSpan(0, 59, 59)|} };", "spec.duration", "59m59s", "certificate duration must be greater than 1h0m0s")]
    [InlineData("return new IntermediateCaPolicy(TimeSpan.FromDays(30), {|#0:TimeSpan.FromSeconds(1)|});", "spec.renewBefore", "1s", "certificate renewBefore must be greater than 5m0s")]
    [InlineData("return existing with { RenewBefore = {|#0:TimeSpan.FromMinutes(4)|} };", "spec.renewBefore", "4m0s", "certificate renewBefore must be greater than 5m0s")]
    public async Task Too_short_is_reported(string statement, string field, string value, string detail) =>
        await AnalyzerTest<CertManagerDurationTooShortAnalyzer>.VerifyAsync(
            IntermediateCode.Code(statement),
            null,
            AnalyzerTest<CertManagerDurationTooShortAnalyzer>.Diagnostic(Id).WithLocation(0).WithArguments(field, value, detail));

    [Fact]
    public async Task Both_too_short_are_reported_each_at_its_value() =>
        await AnalyzerTest<CertManagerDurationTooShortAnalyzer>.VerifyAsync(
            IntermediateCode.Code("return new IntermediateCaPolicy({|#0:TimeSpan.FromMinutes(30)|}, {|#1:TimeSpan.FromMinutes(1)|});"),
            null,
            AnalyzerTest<CertManagerDurationTooShortAnalyzer>.Diagnostic(Id).WithLocation(0).WithArguments("spec.duration", "30m0s", "certificate duration must be greater than 1h0m0s"),
            AnalyzerTest<CertManagerDurationTooShortAnalyzer>.Diagnostic(Id).WithLocation(1).WithArguments("spec.renewBefore", "1m0s", "certificate renewBefore must be greater than 5m0s"));

    [Theory]
    [InlineData("return new IntermediateCaPolicy(TimeSpan.FromHours(1), TimeSpan.FromMinutes(5));")]
    [InlineData("return new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(10));")]
    [InlineData("return new IntermediateCaPolicy(null);")]
    [InlineData("return new IntermediateCaPolicy();")]
    [InlineData("return new IntermediateCaPolicy(configured, maybe);")]
    public async Task Long_enough_or_unknown_is_not_reported(string statement) =>
        await AnalyzerTest<CertManagerDurationTooShortAnalyzer>.VerifyAsync(IntermediateCode.Code(statement), null);

    [Fact]
    public void The_message_is_the_policy_checks_message() =>
        Assert.Equal(
            IntermediateCode.ValidateMessage(new Policy(TimeSpan.FromMinutes(30)), Id),
            IntermediateCode.Message(new CertManagerDurationTooShortAnalyzer(), "spec.duration", "30m0s", "certificate duration must be greater than 1h0m0s"));
}

/// <summary>MPKI2006: renewBefore and renewBeforePercentage both set to values that cannot be null.</summary>
public sealed class RenewBeforeSetTwiceAnalyzerTests
{
    private const string Id = "MPKI2006";
    private const string Detail = "renewBefore and renewBeforePercentage are mutually exclusive and cannot both be set";

    [Theory]
    [InlineData("return new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(10), {|#0:20|});", "20")]
    [InlineData("return new IntermediateCaPolicy(null, renewBefore: configured, renewBeforePercentage: {|#0:Percent|});", "20")]
    [InlineData("return new IntermediateCaPolicy { RenewBefore = TimeSpan.FromDays(10), RenewBeforePercentage = {|#0:20|} };", "20")]
    [InlineData("return existing with { RenewBefore = TimeSpan.FromDays(10), RenewBeforePercentage = {|#0:Percent + 5|} };", "25")]
    [InlineData("return new IntermediateCaPolicy { RenewBefore = TimeSpan.FromDays(10), RenewBeforePercentage = {|#0:maybePercent!.Value|} };", "maybePercent!.Value")]
    public async Task Both_set_is_reported_at_the_percentage(string statement, string percentage) =>
        await AnalyzerTest<RenewBeforeSetTwiceAnalyzer>.VerifyAsync(
            IntermediateCode.Code(statement),
            null,
            AnalyzerTest<RenewBeforeSetTwiceAnalyzer>.Diagnostic(Id).WithLocation(0).WithArguments("spec.renewBeforePercentage", percentage, Detail));

    [Theory]
    [InlineData("return new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(10));")]
    [InlineData("return new IntermediateCaPolicy(TimeSpan.FromDays(30), renewBeforePercentage: 20);")]
    [InlineData("return new IntermediateCaPolicy(TimeSpan.FromDays(30), null, 20);")]
    [InlineData("return new IntermediateCaPolicy(TimeSpan.FromDays(30), maybe, 20);")]
    [InlineData("return new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(10), maybePercent);")]
    [InlineData("return existing with { RenewBeforePercentage = 20 };")]
    public async Task One_of_them_or_a_possibly_null_value_is_not_reported(string statement) =>
        await AnalyzerTest<RenewBeforeSetTwiceAnalyzer>.VerifyAsync(IntermediateCode.Code(statement), null);

    [Fact]
    public void The_message_is_the_policy_checks_message() =>
        Assert.Equal(
            IntermediateCode.ValidateMessage(new Policy(TimeSpan.FromDays(30), TimeSpan.FromDays(10), 20), Id),
            IntermediateCode.Message(new RenewBeforeSetTwiceAnalyzer(), "spec.renewBeforePercentage", "20", Detail));
}
