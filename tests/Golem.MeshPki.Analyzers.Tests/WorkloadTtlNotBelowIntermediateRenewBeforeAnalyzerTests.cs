using System.Globalization;
using Golem.MeshPki.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Verify = Golem.MeshPki.Analyzers.Tests.AnalyzerTest<Golem.MeshPki.Analyzers.Rules.WorkloadTtlNotBelowIntermediateRenewBeforeAnalyzer>;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>
/// MPKI2003: the workload TTL against the renewBefore cert-manager will use for the intermediate, where both are visible
/// in one object: a <c>MeshCertificateLifetimes</c> (policies written in place, or defaults on a new one) or a
/// <c>MeshLifetimeOptions</c> initializer.
/// </summary>
public sealed class WorkloadTtlNotBelowIntermediateRenewBeforeAnalyzerTests
{
    private const string Id = "MPKI2003";

    [Theory]
    [InlineData(
        "return new MeshCertificateLifetimes(new WorkloadCertificatePolicy({|#0:TimeSpan.FromDays(7)|}), new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(7)));",
        "7.00:00:00", "7.00:00:00", "RenewBefore '7.00:00:00'")]
    [InlineData(
        "return new MeshCertificateLifetimes(intermediate: new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(7)), workload: new WorkloadCertificatePolicy { Ttl = {|#0:TimeSpan.FromDays(8)|} });",
        "8.00:00:00", "7.00:00:00", "RenewBefore '7.00:00:00'")]
    [InlineData(
        "return new MeshCertificateLifetimes(new WorkloadCertificatePolicy({|#0:TimeSpan.FromDays(8)|}), new IntermediateCaPolicy(TimeSpan.FromDays(30), renewBeforePercentage: 25));",
        "8.00:00:00", "7.12:00:00", "RenewBeforePercentage 25 of Duration '30.00:00:00'")]
    [InlineData(
        "return new MeshCertificateLifetimes { Workload = new() { Ttl = {|#0:TimeSpan.FromDays(31)|} } };",
        "31.00:00:00", "30.00:00:00", "one third of Duration '90.00:00:00', cert-manager's default")]
    [InlineData(
        "return new MeshCertificateLifetimes { Intermediate = new IntermediateCaPolicy(TimeSpan.FromDays(30), {|#0:TimeSpan.FromHours(12)|}) };",
        "1.00:00:00", "12:00:00", "RenewBefore '12:00:00'")]
    [InlineData(
        "return new MeshCertificateLifetimes { Intermediate = new IntermediateCaPolicy({|#0:TimeSpan.FromHours(12)|}) };",
        "1.00:00:00", "04:00:00", "one third of Duration '12:00:00', cert-manager's default")]
    [InlineData(
        "return new MeshCertificateLifetimes(WorkloadCertificatePolicy.FromIstioSettings(secretGracePeriodRatio: 0.5), new IntermediateCaPolicy({|#0:TimeSpan.FromHours(12)|}));",
        "1.00:00:00", "04:00:00", "one third of Duration '12:00:00', cert-manager's default")]
    [InlineData(
        "return new MeshCertificateLifetimes(new WorkloadCertificatePolicy(TimeSpan.FromDays(7)), new IntermediateCaPolicy()) { Workload = new WorkloadCertificatePolicy({|#0:TimeSpan.FromDays(40)|}) };",
        "40.00:00:00", "30.00:00:00", "one third of Duration '90.00:00:00', cert-manager's default")]
    [InlineData(
        "return lifetimes with { Workload = new WorkloadCertificatePolicy({|#0:TimeSpan.FromDays(7)|}), Intermediate = new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(7)) };",
        "7.00:00:00", "7.00:00:00", "RenewBefore '7.00:00:00'")]
    [InlineData(
        "return lifetimes with { Workload = existing with { Ttl = {|#0:TimeSpan.FromDays(40)|} }, Intermediate = new IntermediateCaPolicy(TimeSpan.FromDays(30)) };",
        "40.00:00:00", "10.00:00:00", "one third of Duration '30.00:00:00', cert-manager's default")]
    [InlineData(
        "return new MeshLifetimeOptions { WorkloadCertificateTtl = {|#0:TimeSpan.FromDays(10)|}, IntermediateDuration = TimeSpan.FromDays(30) };",
        "10.00:00:00", "10.00:00:00", "one third of Duration '30.00:00:00', cert-manager's default")]
    [InlineData(
        "return new MeshLifetimeOptions { IntermediateRenewBefore = {|#0:TimeSpan.FromHours(20)|} };",
        "1.00:00:00", "20:00:00", "RenewBefore '20:00:00'")]
    [InlineData(
        "return new MeshLifetimeOptions { IntermediateDuration = TimeSpan.FromDays(2), IntermediateRenewBeforePercentage = {|#0:40|} };",
        "1.00:00:00", "19:12:00", "RenewBeforePercentage 40 of Duration '2.00:00:00'")]
    [InlineData(
        "return new MeshCertificateLifetimes(WorkloadCertificatePolicy.FromIstioSettings({|#0:\"336h\"|}), IntermediateCaPolicy.FromCertManagerSpec(Month, Week));",
        "14.00:00:00", "7.00:00:00", "RenewBefore '7.00:00:00'")]
    [InlineData(
        "return new MeshCertificateLifetimes { Intermediate = IntermediateCaPolicy.FromCertManagerSpec(renewBefore: {|#0:\"20h\"|}) };",
        "1.00:00:00", "20:00:00", "RenewBefore '20:00:00'")]
    public async Task Ttl_not_below_the_intermediates_renewBefore_is_reported(string statement, string ttl, string renewBefore, string source) =>
        await Verify.VerifyAsync(
            MeshCode.Code(statement),
            null,
            Verify.Diagnostic(Id).WithLocation(0).WithArguments("Workload certificate TTL '" + ttl + "'", renewBefore, source));

    [Theory]
    [InlineData("return new MeshCertificateLifetimes(new WorkloadCertificatePolicy(TimeSpan.FromDays(6)), new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(7)));")]
    [InlineData("return new MeshCertificateLifetimes(new WorkloadCertificatePolicy(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1)), new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(7)));")]
    [InlineData("return new MeshCertificateLifetimes();")]
    [InlineData("return new MeshLifetimeOptions();")]
    [InlineData("return new MeshCertificateLifetimes(new WorkloadCertificatePolicy(TimeSpan.Zero), new IntermediateCaPolicy(TimeSpan.FromHours(2)));")]
    [InlineData("return new MeshLifetimeOptions { WorkloadCertificateTtl = TimeSpan.FromDays(29), IntermediateDuration = TimeSpan.FromDays(90) };")]
    public async Task Ttl_below_the_intermediates_renewBefore_is_not_reported(string statement) =>
        await Verify.VerifyAsync(MeshCode.Code(statement), null);

    [Theory]
    [InlineData("return new MeshCertificateLifetimes(existing, new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(7)));")]
    [InlineData("return new MeshCertificateLifetimes(new WorkloadCertificatePolicy(TimeSpan.FromDays(7)), intermediate);")]
    [InlineData("return new MeshCertificateLifetimes(new WorkloadCertificatePolicy(TimeSpan.FromDays(7)), new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(7))) { Workload = existing };")]
    [InlineData("return new MeshCertificateLifetimes(new WorkloadCertificatePolicy(TimeSpan.FromDays(40)), new IntermediateCaPolicy(TimeSpan.FromDays(30), maybe));")]
    [InlineData("return new MeshCertificateLifetimes(new WorkloadCertificatePolicy(TimeSpan.FromDays(40)), new IntermediateCaPolicy(TimeSpan.FromDays(30), renewBeforePercentage: maybePercent));")]
    [InlineData("return new MeshCertificateLifetimes(new WorkloadCertificatePolicy(configured), new IntermediateCaPolicy(TimeSpan.FromHours(2)));")]
    [InlineData("return lifetimes with { Intermediate = new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(7)) };")]
    [InlineData("return lifetimes with { Workload = new WorkloadCertificatePolicy(TimeSpan.FromDays(100)) };")]
    [InlineData("options.WorkloadCertificateTtl = TimeSpan.FromDays(100); return options;")]
    [InlineData("Services.Configure<MeshLifetimeOptions>(o => { o.WorkloadCertificateTtl = TimeSpan.FromDays(40); o.IntermediateDuration = TimeSpan.FromDays(30); }); return options;")]
    [InlineData("return new MeshLifetimeOptions { WorkloadCertificateTtl = configured, IntermediateDuration = TimeSpan.FromHours(1) };")]
    [InlineData("return new MeshCertificateLifetimes(WorkloadCertificatePolicy.FromIstioSettings(text), IntermediateCaPolicy.FromCertManagerSpec(Month, Week));")]
    [InlineData("return new MeshCertificateLifetimes(WorkloadCertificatePolicy.FromIstioSettings(\"336h\"), IntermediateCaPolicy.FromCertManagerSpec(Month, text));")]
    public async Task Unknown_or_separate_values_are_not_reported(string statement) =>
        await Verify.VerifyAsync(MeshCode.Code(statement), null);

    [Theory]
    [InlineData("return new WorkloadCertificatePolicy(TimeSpan.FromDays(100));")]
    [InlineData("return new IntermediateCaPolicy(TimeSpan.FromHours(2));")]
    [InlineData("return WorkloadCertificatePolicy.FromIstioSettings(secretGracePeriodRatio: 0.5);")]
    public async Task A_policy_alone_holds_only_one_half(string statement) =>
        await Verify.VerifyAsync(MeshCode.Code(statement), null);

    [Fact]
    public async Task Each_rule_reports_a_nested_policy_once()
    {
        // The nested policies are analyzed where they are written; each composite adds MPKI2003 only, and the `with`
        // (whose intermediate is the source's, unknown) adds nothing.
        string source = MeshCode.Code("""
            return new MeshCertificateLifetimes(
                    new WorkloadCertificatePolicy(TimeSpan.FromDays(100), 1.5),
                    new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(30), 20))
                with { Workload = new WorkloadCertificatePolicy(TimeSpan.FromMinutes(30)) };
            """);

        var diagnostics = await AnalyzerRun.DiagnosticsAsync(source, AnalyzerRun.AllAnalyzers);

        Assert.Equal(
            ["MPKI2001", "MPKI2001", "MPKI2002", "MPKI2003", "MPKI2004", "MPKI2006", "MPKI2010"],
            diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.Single(diagnostics, d => d.Id == "MPKI2001" && d.GetMessage(CultureInfo.InvariantCulture).StartsWith("Grace period ratio '1.5'", StringComparison.Ordinal));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }
}
