using Golem.MeshPki.Analyzers.CodeFixes;
using Golem.MeshPki.Analyzers.Rules;
using Microsoft.CodeAnalysis.Testing;
using Fix2004 = Golem.MeshPki.Analyzers.Tests.CodeFixTest<Golem.MeshPki.Analyzers.Rules.RenewBeforeNotBelowDurationAnalyzer, Golem.MeshPki.Analyzers.CodeFixes.RemoveIgnoredRenewBeforeCodeFixProvider>;
using Fix2005 = Golem.MeshPki.Analyzers.Tests.CodeFixTest<Golem.MeshPki.Analyzers.Rules.CertManagerDurationTooShortAnalyzer, Golem.MeshPki.Analyzers.CodeFixes.RemoveIgnoredRenewBeforeCodeFixProvider>;
using Fix2006 = Golem.MeshPki.Analyzers.Tests.CodeFixTest<Golem.MeshPki.Analyzers.Rules.RenewBeforeSetTwiceAnalyzer, Golem.MeshPki.Analyzers.CodeFixes.RemoveIgnoredRenewBeforeCodeFixProvider>;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>
/// The fix that removes a renewBefore or renewBeforePercentage cert-manager's controller ignores: offered only when
/// the values say it is ignored, and the fixed code compiles (the harness compiles it) on every surface.
/// </summary>
public sealed class RemoveIgnoredRenewBeforeCodeFixTests
{
    private const string NotBelow30d = "certificate duration 720h0m0s must be greater than renewBefore 720h0m0s";
    private const string PercentageNotBelow = "certificate renewBeforePercentage must result in a renewBefore less than duration";
    private const string PercentageTooShort = "certificate renewBeforePercentage must result in a renewBefore greater than 5m0s";
    private const string MutuallyExclusive = "renewBefore and renewBeforePercentage are mutually exclusive and cannot both be set";

    // MPKI2004: a renewBefore not below the duration is ignored by the controller (it falls back to the percentage or a third).
    [Theory]
    [InlineData(
        "return new IntermediateCaPolicy(TimeSpan.FromDays(30), {|#0:TimeSpan.FromDays(30)|});",
        "return new IntermediateCaPolicy(TimeSpan.FromDays(30));")]
    [InlineData(
        "return new IntermediateCaPolicy(TimeSpan.FromDays(30), {|#0:TimeSpan.FromDays(30)|}, maybePercent);",
        "return new IntermediateCaPolicy(TimeSpan.FromDays(30), null, maybePercent);")]
    [InlineData(
        "return new IntermediateCaPolicy(TimeSpan.FromDays(30), {|#0:TimeSpan.FromDays(30)|}, renewBeforePercentage: maybePercent);",
        "return new IntermediateCaPolicy(TimeSpan.FromDays(30), renewBeforePercentage: maybePercent);")]
    [InlineData(
        "return new IntermediateCaPolicy(renewBefore: {|#0:TimeSpan.FromDays(30)|}, duration: TimeSpan.FromDays(30));",
        "return new IntermediateCaPolicy(duration: TimeSpan.FromDays(30));")]
    [InlineData(
        "return new IntermediateCaPolicy { Duration = TimeSpan.FromDays(30), RenewBefore = {|#0:TimeSpan.FromDays(30)|} };",
        "return new IntermediateCaPolicy { Duration = TimeSpan.FromDays(30) };")]
    [InlineData(
        "return new IntermediateCaPolicy { RenewBefore = {|#0:TimeSpan.FromDays(30)|}, Duration = TimeSpan.FromDays(30) };",
        "return new IntermediateCaPolicy { Duration = TimeSpan.FromDays(30) };")]
    [InlineData(
        "return new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(1)) { RenewBefore = {|#0:TimeSpan.FromDays(30)|} };",
        "return new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(1)) { RenewBefore = null };")]
    [InlineData(
        "return intermediate with { Duration = TimeSpan.FromDays(30), RenewBefore = {|#0:TimeSpan.FromDays(30)|} };",
        "return intermediate with { Duration = TimeSpan.FromDays(30), RenewBefore = null };")]
    [InlineData(
        "return new MeshLifetimeOptions { IntermediateDuration = TimeSpan.FromDays(30), IntermediateRenewBefore = {|#0:TimeSpan.FromDays(30)|} };",
        "return new MeshLifetimeOptions { IntermediateDuration = TimeSpan.FromDays(30) };")]
    [InlineData(
        "return new MeshCertificateLifetimes(new WorkloadCertificatePolicy(), new IntermediateCaPolicy(TimeSpan.FromDays(30), {|#0:TimeSpan.FromDays(30)|}));",
        "return new MeshCertificateLifetimes(new WorkloadCertificatePolicy(), new IntermediateCaPolicy(TimeSpan.FromDays(30)));")]
    [InlineData(
        "return IntermediateCaPolicy.FromCertManagerSpec(Month, {|#0:\"720h\"|});",
        "return IntermediateCaPolicy.FromCertManagerSpec(Month);")]
    [InlineData(
        "return IntermediateCaPolicy.FromCertManagerSpec(Month, {|#0:\"720h\"|}, maybePercent);",
        "return IntermediateCaPolicy.FromCertManagerSpec(Month, null, maybePercent);")]
    public async Task MPKI2004_removes_a_renewBefore_not_below_the_duration(string statement, string fixedStatement) =>
        await Fix2004.VerifyAsync(
            MeshCode.Code(statement),
            MeshCode.Code(fixedStatement),
            null,
            Fix2004.Diagnostic("MPKI2004").WithLocation(0).WithArguments("spec.renewBefore", "720h0m0s", NotBelow30d));

    [Fact]
    public async Task MPKI2004_removes_the_only_initializer_assignment_with_its_initializer()
    {
        await Fix2004.VerifyAsync(
            MeshCode.Code("return new IntermediateCaPolicy { RenewBefore = {|#0:TimeSpan.FromDays(90)|} };"),
            MeshCode.Code("return new IntermediateCaPolicy();"),
            null,
            Fix2004.Diagnostic("MPKI2004").WithLocation(0).WithArguments("spec.renewBefore", "2160h0m0s", "certificate duration 2160h0m0s must be greater than renewBefore 2160h0m0s"));
        await Fix2004.VerifyAsync(
            MeshCode.Code("IntermediateCaPolicy policy = new() { RenewBefore = {|#0:TimeSpan.FromDays(90)|} }; return policy;"),
            MeshCode.Code("IntermediateCaPolicy policy = new(); return policy;"),
            null,
            Fix2004.Diagnostic("MPKI2004").WithLocation(0).WithArguments("spec.renewBefore", "2160h0m0s", "certificate duration 2160h0m0s must be greater than renewBefore 2160h0m0s"));
    }

    [Fact]
    public async Task MPKI2004_removes_a_line_of_a_multi_line_initializer() =>
        await Fix2004.VerifyAsync(
            MeshCode.Code("""
                return new MeshLifetimeOptions
                        {
                            IntermediateDuration = TimeSpan.FromDays(30),
                            IntermediateRenewBefore = {|#0:TimeSpan.FromDays(30)|},
                            WorkloadCertificateTtl = TimeSpan.FromHours(24),
                        };
                """),
            MeshCode.Code("""
                return new MeshLifetimeOptions
                        {
                            IntermediateDuration = TimeSpan.FromDays(30),
                            WorkloadCertificateTtl = TimeSpan.FromHours(24),
                        };
                """),
            null,
            Fix2004.Diagnostic("MPKI2004").WithLocation(0).WithArguments("spec.renewBefore", "720h0m0s", NotBelow30d));

    // A percentage of 0 or less is ignored by the controller too (0 < p < 100), and so is 100 or more.
    [Theory]
    [InlineData(
        "return new IntermediateCaPolicy(TimeSpan.FromDays(30), renewBeforePercentage: {|#0:0|});",
        "return new IntermediateCaPolicy(TimeSpan.FromDays(30));")]
    [InlineData(
        "return new IntermediateCaPolicy(TimeSpan.FromDays(30), null, {|#0:0|});",
        "return new IntermediateCaPolicy(TimeSpan.FromDays(30), null);")]
    public async Task MPKI2004_removes_a_percentage_the_controller_ignores(string statement, string fixedStatement) =>
        await Fix2004.VerifyAsync(
            MeshCode.Code(statement),
            MeshCode.Code(fixedStatement),
            null,
            Fix2004.Diagnostic("MPKI2004").WithLocation(0).WithArguments("spec.renewBeforePercentage", "0", PercentageNotBelow));

    [Fact]
    public async Task Fix_all_removes_every_ignored_renewBefore_in_the_document() =>
        await Fix2004.VerifyAsync(
            MeshCode.Code("""
                object[] all =
                        [
                            new IntermediateCaPolicy(TimeSpan.FromDays(30), {|#0:TimeSpan.FromDays(30)|}),
                            new IntermediateCaPolicy { RenewBefore = {|#1:TimeSpan.FromDays(90)|} },
                            new IntermediateCaPolicy(TimeSpan.FromDays(30), renewBeforePercentage: {|#2:0|}),
                            intermediate with { Duration = TimeSpan.FromDays(1), RenewBefore = {|#3:TimeSpan.FromDays(2)|} },
                            new IntermediateCaPolicy { Duration = TimeSpan.FromDays(30), RenewBefore = {|#4:TimeSpan.FromDays(100)|}, RenewBeforePercentage = {|#5:-1|} },
                        ];
                        return all;
                """),
            MeshCode.Code("""
                object[] all =
                        [
                            new IntermediateCaPolicy(TimeSpan.FromDays(30)),
                            new IntermediateCaPolicy(),
                            new IntermediateCaPolicy(TimeSpan.FromDays(30)),
                            intermediate with { Duration = TimeSpan.FromDays(1), RenewBefore = null },
                            new IntermediateCaPolicy { Duration = TimeSpan.FromDays(30) },
                        ];
                        return all;
                """),
            null,
            Fix2004.Diagnostic("MPKI2004").WithLocation(0).WithArguments("spec.renewBefore", "720h0m0s", NotBelow30d),
            Fix2004.Diagnostic("MPKI2004").WithLocation(1).WithArguments("spec.renewBefore", "2160h0m0s", "certificate duration 2160h0m0s must be greater than renewBefore 2160h0m0s"),
            Fix2004.Diagnostic("MPKI2004").WithLocation(2).WithArguments("spec.renewBeforePercentage", "0", PercentageNotBelow),
            Fix2004.Diagnostic("MPKI2004").WithLocation(3).WithArguments("spec.renewBefore", "48h0m0s", "certificate duration 24h0m0s must be greater than renewBefore 48h0m0s"),
            Fix2004.Diagnostic("MPKI2004").WithLocation(4).WithArguments("spec.renewBefore", "2400h0m0s", "certificate duration 720h0m0s must be greater than renewBefore 2400h0m0s"),
            Fix2004.Diagnostic("MPKI2004").WithLocation(5).WithArguments("spec.renewBeforePercentage", "-1", PercentageNotBelow));

    // MPKI2005: only a renewBefore of zero or less, or a percentage outside (0, 100), is ignored.
    [Theory]
    [InlineData(
        "options.IntermediateRenewBefore = {|#0:TimeSpan.Zero|}; return options;",
        "options.IntermediateRenewBefore = null; return options;",
        "spec.renewBefore", "0s", "certificate renewBefore must be greater than 5m0s")]
    [InlineData(
        "Services.Configure<MeshLifetimeOptions>(o => o.IntermediateRenewBefore = {|#0:TimeSpan.FromMinutes(-1)|}); return options;",
        "Services.Configure<MeshLifetimeOptions>(o => o.IntermediateRenewBefore = null); return options;",
        "spec.renewBefore", "-1m0s", "certificate renewBefore must be greater than 5m0s")]
    [InlineData(
        "return new IntermediateCaPolicy(TimeSpan.FromDays(30), null, {|#0:100|});",
        "return new IntermediateCaPolicy(TimeSpan.FromDays(30), null);",
        "spec.renewBeforePercentage", "100", PercentageTooShort)]
    [InlineData(
        "return new MeshLifetimeOptions { IntermediateRenewBefore = TimeSpan.FromDays(1), IntermediateRenewBeforePercentage = {|#0:150|} };",
        "return new MeshLifetimeOptions { IntermediateRenewBefore = TimeSpan.FromDays(1) };",
        "spec.renewBeforePercentage", "150", PercentageTooShort)]
    public async Task MPKI2005_removes_what_the_controller_ignores(string statement, string fixedStatement, string field, string value, string detail) =>
        await Fix2005.VerifyAsync(
            MeshCode.Code(statement),
            MeshCode.Code(fixedStatement),
            null,
            Fix2005.Diagnostic("MPKI2005").WithLocation(0).WithArguments(field, value, detail));

    [Theory]
    [InlineData("return new IntermediateCaPolicy({|#0:TimeSpan.FromMinutes(30)|});", "spec.duration", "30m0s", "certificate duration must be greater than 1h0m0s")]
    [InlineData("return new IntermediateCaPolicy(TimeSpan.FromDays(30), {|#0:TimeSpan.FromMinutes(1)|});", "spec.renewBefore", "1m0s", "certificate renewBefore must be greater than 5m0s")]
    [InlineData("return new IntermediateCaPolicy(TimeSpan.FromHours(1), renewBeforePercentage: {|#0:99|});", "spec.renewBeforePercentage", "99", PercentageTooShort)]
    [InlineData("return new IntermediateCaPolicy(TimeSpan.FromDays(3650), renewBeforePercentage: {|#0:50|});", "spec.renewBeforePercentage", "50", PercentageTooShort)]
    public async Task MPKI2005_offers_no_fix_for_a_value_the_controller_uses(string statement, string field, string value, string detail)
    {
        // A short renewBefore, a 99% or a wrapped percentage are used as written: the right value is the user's choice.
        string source = MeshCode.Code(statement);
        await Fix2005.VerifyAsync(source, source, null, Fix2005.Diagnostic("MPKI2005").WithLocation(0).WithArguments(field, value, detail));
    }

    // MPKI2006: the controller uses renewBefore when 0 < renewBefore < duration, and then ignores the percentage;
    // otherwise it uses a percentage in (0, 100) and ignores renewBefore.
    [Theory]
    [InlineData(
        "return new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(10), {|#0:20|});",
        "return new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(10));")]
    [InlineData(
        "return new IntermediateCaPolicy { RenewBefore = TimeSpan.FromDays(10), RenewBeforePercentage = {|#0:20|} };",
        "return new IntermediateCaPolicy { RenewBefore = TimeSpan.FromDays(10) };")]
    [InlineData(
        "return new MeshLifetimeOptions { IntermediateRenewBefore = TimeSpan.FromDays(10), IntermediateRenewBeforePercentage = {|#0:20|} };",
        "return new MeshLifetimeOptions { IntermediateRenewBefore = TimeSpan.FromDays(10) };")]
    [InlineData(
        "return intermediate with { Duration = TimeSpan.FromDays(30), RenewBefore = TimeSpan.FromDays(10), RenewBeforePercentage = {|#0:20|} };",
        "return intermediate with { Duration = TimeSpan.FromDays(30), RenewBefore = TimeSpan.FromDays(10), RenewBeforePercentage = null };")]
    public async Task MPKI2006_removes_the_ignored_percentage(string statement, string fixedStatement) =>
        await Fix2006.VerifyAsync(
            MeshCode.Code(statement),
            MeshCode.Code(fixedStatement),
            null,
            Fix2006.Diagnostic("MPKI2006").WithLocation(0).WithArguments("spec.renewBeforePercentage", "20", MutuallyExclusive));

    [Fact]
    public async Task MPKI2006_removes_a_percentage_whose_value_is_unknown_when_renewBefore_is_used() =>
        await Fix2006.VerifyAsync(
            MeshCode.Code("return new IntermediateCaPolicy(null, TimeSpan.FromDays(10), {|#0:maybePercent!.Value|});"),
            MeshCode.Code("return new IntermediateCaPolicy(null, TimeSpan.FromDays(10));"),
            null,
            Fix2006.Diagnostic("MPKI2006").WithLocation(0).WithArguments("spec.renewBeforePercentage", "maybePercent!.Value", MutuallyExclusive));

    [Theory]
    [InlineData(
        "return new IntermediateCaPolicy(TimeSpan.FromDays(30), {|#1:TimeSpan.Zero|}, {|#0:20|});",
        "return new IntermediateCaPolicy(TimeSpan.FromDays(30), null, 20);")]
    [InlineData(
        "return new IntermediateCaPolicy { Duration = TimeSpan.FromDays(30), RenewBefore = {|#1:TimeSpan.FromDays(40)|}, RenewBeforePercentage = {|#0:20|} };",
        "return new IntermediateCaPolicy { Duration = TimeSpan.FromDays(30), RenewBeforePercentage = 20 };")]
    [InlineData(
        "return new MeshCertificateLifetimes(new WorkloadCertificatePolicy(), new IntermediateCaPolicy(TimeSpan.FromDays(30), renewBeforePercentage: {|#0:20|}, renewBefore: {|#1:TimeSpan.FromDays(40)|}));",
        "return new MeshCertificateLifetimes(new WorkloadCertificatePolicy(), new IntermediateCaPolicy(TimeSpan.FromDays(30), renewBeforePercentage: 20));")]
    [InlineData(
        "return IntermediateCaPolicy.FromCertManagerSpec(Month, {|#1:\"0s\"|}, {|#0:20|});",
        "return IntermediateCaPolicy.FromCertManagerSpec(Month, null, 20);")]
    public async Task MPKI2006_removes_the_ignored_renewBefore(string statement, string fixedStatement) =>
        await Fix2006.VerifyAsync(
            MeshCode.Code(statement),
            MeshCode.Code(fixedStatement),
            null,
            Fix2006.Diagnostic("MPKI2006").WithLocation(0).WithLocation(1).WithArguments("spec.renewBeforePercentage", "20", MutuallyExclusive));

    [Theory]
    [InlineData("return new IntermediateCaPolicy(TimeSpan.FromDays(30), configured, {|#0:20|});", "20")]
    [InlineData("return new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(40), {|#0:0|});", "0")]
    [InlineData("return intermediate with { RenewBefore = TimeSpan.FromDays(10), RenewBeforePercentage = {|#0:20|} };", "20")]
    public async Task MPKI2006_offers_no_fix_when_the_values_do_not_say_which_one_is_used(string statement, string percentage)
    {
        string source = MeshCode.Code(statement);
        await Fix2006.VerifyAsync(source, source, null, Fix2006.Diagnostic("MPKI2006").WithLocation(0).WithArguments("spec.renewBeforePercentage", percentage, MutuallyExclusive));
    }

    [Fact]
    public void The_fix_fixes_the_cert_manager_rules() =>
        Assert.Equal(["MPKI2004", "MPKI2005", "MPKI2006"], new RemoveIgnoredRenewBeforeCodeFixProvider().FixableDiagnosticIds.ToArray());
}
