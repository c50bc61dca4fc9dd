using Golem.MeshPki.Analyzers.Rules;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>Every cert-manager rule (MPKI2004, MPKI2005, MPKI2006) on every API surface that holds the intermediate.</summary>
public sealed partial class ApiSurfaceTests
{
    private const string NotBelowDetail = "certificate duration 720h0m0s must be greater than renewBefore 720h0m0s";
    private const string PercentageNotBelowDetail = "certificate renewBeforePercentage must result in a renewBefore less than duration";
    private const string PercentageTooShortDetail = "certificate renewBeforePercentage must result in a renewBefore greater than 5m0s";
    private const string MutuallyExclusive = "renewBefore and renewBeforePercentage are mutually exclusive and cannot both be set";

    // MPKI2004: renewBefore 30 days with a duration of 30 days.
    [Theory]
    [InlineData("return new IntermediateCaPolicy(TimeSpan.FromDays(30), {|#0:TimeSpan.FromDays(30)|});")]
    [InlineData("return new IntermediateCaPolicy(renewBefore: {|#0:TimeSpan.FromDays(30)|}, duration: TimeSpan.FromDays(30));")]
    [InlineData("return new IntermediateCaPolicy { Duration = TimeSpan.FromDays(30), RenewBefore = {|#0:TimeSpan.FromDays(30)|} };")]
    [InlineData("return intermediate with { Duration = TimeSpan.FromDays(30), RenewBefore = {|#0:TimeSpan.FromDays(30)|} };")]
    [InlineData("return new MeshLifetimeOptions { IntermediateDuration = TimeSpan.FromDays(30), IntermediateRenewBefore = {|#0:TimeSpan.FromDays(30)|} };")]
    [InlineData("return new MeshCertificateLifetimes(new WorkloadCertificatePolicy(), new IntermediateCaPolicy(TimeSpan.FromDays(30), {|#0:TimeSpan.FromDays(30)|}));")]
    [InlineData("return new MeshCertificateLifetimes { Intermediate = new() { Duration = TimeSpan.FromDays(30), RenewBefore = {|#0:TimeSpan.FromDays(30)|} } };")]
    [InlineData("return lifetimes with { Intermediate = new IntermediateCaPolicy(TimeSpan.FromDays(30), {|#0:TimeSpan.FromDays(30)|}) };")]
    [InlineData("return IntermediateCaPolicy.FromCertManagerSpec(\"720h\", {|#0:\"720h\"|});")]
    [InlineData("return IntermediateCaPolicy.FromCertManagerSpec(renewBefore: {|#0:Month|}, duration: Month);")]
    [InlineData("return new MeshCertificateLifetimes(new WorkloadCertificatePolicy(), IntermediateCaPolicy.FromCertManagerSpec(Month, {|#0:\"43200m\"|}));")]
    public async Task MPKI2004_renewBefore_is_reported_on_every_surface(string statement) =>
        await Verify<RenewBeforeNotBelowDurationAnalyzer>(
            statement,
            AnalyzerTest<RenewBeforeNotBelowDurationAnalyzer>.Diagnostic("MPKI2004").WithLocation(0).WithArguments("spec.renewBefore", "720h0m0s", NotBelowDetail));

    // MPKI2004 for a percentage: the webhook computes duration * (100 - p) / 100, so 0 (or less) is not below the duration.
    [Theory]
    [InlineData("return new IntermediateCaPolicy(TimeSpan.FromDays(30), null, {|#0:0|});", "0")]
    [InlineData("return new IntermediateCaPolicy(TimeSpan.FromDays(30), renewBeforePercentage: {|#0:-5|});", "-5")]
    [InlineData("return new IntermediateCaPolicy { Duration = TimeSpan.FromDays(30), RenewBeforePercentage = {|#0:Percent - 20|} };", "0")]
    [InlineData("return intermediate with { Duration = TimeSpan.FromDays(30), RenewBeforePercentage = {|#0:0|} };", "0")]
    [InlineData("return new MeshLifetimeOptions { IntermediateDuration = TimeSpan.FromDays(30), IntermediateRenewBeforePercentage = {|#0:0|} };", "0")]
    [InlineData("return new MeshCertificateLifetimes { Intermediate = new IntermediateCaPolicy(TimeSpan.FromDays(30), renewBeforePercentage: {|#0:0|}) };", "0")]
    [InlineData("return IntermediateCaPolicy.FromCertManagerSpec(Month, renewBeforePercentage: {|#0:0|});", "0")]
    [InlineData("return IntermediateCaPolicy.FromCertManagerSpec(null, \"1h\", {|#0:-1|});", "-1")]
    public async Task MPKI2004_percentage_is_reported_on_every_surface(string statement, string percentage) =>
        await Verify<RenewBeforeNotBelowDurationAnalyzer>(
            statement,
            AnalyzerTest<RenewBeforeNotBelowDurationAnalyzer>.Diagnostic("MPKI2004").WithLocation(0).WithArguments("spec.renewBeforePercentage", percentage, PercentageNotBelowDetail));

    [Theory]
    [InlineData("return new IntermediateCaPolicy(TimeSpan.FromDays(30), renewBeforePercentage: 20);")]
    [InlineData("return new IntermediateCaPolicy { RenewBeforePercentage = 0 };")]
    [InlineData("return new MeshLifetimeOptions { IntermediateRenewBeforePercentage = 0 };")]
    [InlineData("return intermediate with { RenewBeforePercentage = 0 };")]
    [InlineData("return new IntermediateCaPolicy(maybe, renewBeforePercentage: 0);")]
    [InlineData("return new IntermediateCaPolicy(null, maybe, 0);")]
    [InlineData("options.IntermediateRenewBefore = TimeSpan.FromDays(365); return options;")]
    [InlineData("Services.Configure<MeshLifetimeOptions>(o => o.IntermediateRenewBeforePercentage = 0); return options;")]
    [InlineData("return new MeshLifetimeOptions { IntermediateDuration = TimeSpan.FromDays(30), IntermediateRenewBefore = TimeSpan.FromDays(29) };")]
    [InlineData("return new MeshLifetimeOptions { IntermediateDuration = configured, IntermediateRenewBefore = TimeSpan.FromDays(29) };")]
    [InlineData("return new MeshCertificateLifetimes(new WorkloadCertificatePolicy(), intermediate);")]
    [InlineData("return lifetimes with { Intermediate = intermediate with { RenewBefore = TimeSpan.FromDays(365) } };")]
    [InlineData("return IntermediateCaPolicy.FromCertManagerSpec(renewBeforePercentage: 0);")]
    [InlineData("return IntermediateCaPolicy.FromCertManagerSpec(Month, \"168h\");")]
    [InlineData("return IntermediateCaPolicy.FromCertManagerSpec(text, \"720h\");")]
    [InlineData("return IntermediateCaPolicy.FromCertManagerSpec(\"30 days\", \"720h\");")]
    public async Task MPKI2004_is_not_reported_when_below_unchecked_or_unknown(string statement) =>
        await Verify<RenewBeforeNotBelowDurationAnalyzer>(statement);

    // MPKI2005: a duration below 1h, a renewBefore below 5m, or a percentage whose renewBefore is below 5m.
    [Theory]
    [InlineData("return new IntermediateCaPolicy({|#0:TimeSpan.FromMinutes(30)|});", "spec.duration", "30m0s", "certificate duration must be greater than 1h0m0s")]
    [InlineData("return new IntermediateCaPolicy(duration: {|#0:TimeSpan.FromMinutes(30)|});", "spec.duration", "30m0s", "certificate duration must be greater than 1h0m0s")]
    [InlineData("options.IntermediateDuration = {|#0:TimeSpan.FromMinutes(30)|}; return options;", "spec.duration", "30m0s", "certificate duration must be greater than 1h0m0s")]
    [InlineData("Services.Configure<MeshLifetimeOptions>(o => o.IntermediateRenewBefore = {|#0:TimeSpan.FromMinutes(1)|}); return options;", "spec.renewBefore", "1m0s", "certificate renewBefore must be greater than 5m0s")]
    [InlineData("return new MeshLifetimeOptions { IntermediateRenewBefore = {|#0:TimeSpan.Zero|} };", "spec.renewBefore", "0s", "certificate renewBefore must be greater than 5m0s")]
    [InlineData("return new MeshCertificateLifetimes(new WorkloadCertificatePolicy(), new IntermediateCaPolicy({|#0:TimeSpan.FromMinutes(30)|}));", "spec.duration", "30m0s", "certificate duration must be greater than 1h0m0s")]
    [InlineData("return new IntermediateCaPolicy(TimeSpan.FromDays(30), null, {|#0:100|});", "spec.renewBeforePercentage", "100", PercentageTooShortDetail)]
    [InlineData("return new IntermediateCaPolicy { Duration = TimeSpan.FromHours(1), RenewBeforePercentage = {|#0:99|} };", "spec.renewBeforePercentage", "99", PercentageTooShortDetail)]
    [InlineData("return new IntermediateCaPolicy(TimeSpan.FromDays(3650), renewBeforePercentage: {|#0:50|});", "spec.renewBeforePercentage", "50", PercentageTooShortDetail)]
    [InlineData("return new MeshLifetimeOptions { IntermediateRenewBefore = TimeSpan.FromDays(1), IntermediateRenewBeforePercentage = {|#0:150|} };", "spec.renewBeforePercentage", "150", PercentageTooShortDetail)]
    [InlineData("return IntermediateCaPolicy.FromCertManagerSpec({|#0:\"30m\"|});", "spec.duration", "30m0s", "certificate duration must be greater than 1h0m0s")]
    [InlineData("return IntermediateCaPolicy.FromCertManagerSpec(Month, {|#0:\"1m\"|});", "spec.renewBefore", "1m0s", "certificate renewBefore must be greater than 5m0s")]
    [InlineData("return IntermediateCaPolicy.FromCertManagerSpec(\"87600h\", renewBeforePercentage: {|#0:50|});", "spec.renewBeforePercentage", "50", PercentageTooShortDetail)]
    public async Task MPKI2005_is_reported_on_every_surface(string statement, string field, string value, string detail) =>
        await Verify<CertManagerDurationTooShortAnalyzer>(
            statement,
            AnalyzerTest<CertManagerDurationTooShortAnalyzer>.Diagnostic("MPKI2005").WithLocation(0).WithArguments(field, value, detail));

    [Theory]
    [InlineData("options.IntermediateDuration = TimeSpan.FromHours(1); return options;")]
    [InlineData("options.IntermediateRenewBefore = TimeSpan.FromMinutes(5); return options;")]
    [InlineData("options.IntermediateRenewBefore = null; return options;")]
    [InlineData("options.IntermediateRenewBeforePercentage = 100; return options;")]
    [InlineData("return new MeshLifetimeOptions { IntermediateRenewBeforePercentage = 100 };")]
    [InlineData("return new IntermediateCaPolicy(TimeSpan.FromDays(3650), renewBeforePercentage: 20);")]
    [InlineData("return new IntermediateCaPolicy(TimeSpan.FromHours(1), renewBeforePercentage: 90);")]
    [InlineData("return new MeshLifetimeOptions { IntermediateDuration = maybe };")]
    [InlineData("return new MeshCertificateLifetimes(existing, intermediate with { Duration = TimeSpan.FromHours(2) });")]
    [InlineData("return IntermediateCaPolicy.FromCertManagerSpec(\"1h\", \"5m\");")]
    [InlineData("return IntermediateCaPolicy.FromCertManagerSpec(text, text);")]
    [InlineData("return IntermediateCaPolicy.FromCertManagerSpec(renewBeforePercentage: 100);")]
    public async Task MPKI2005_is_not_reported_when_long_enough_unchecked_or_unknown(string statement) =>
        await Verify<CertManagerDurationTooShortAnalyzer>(statement);

    // MPKI2006: both set, in one object or call.
    [Theory]
    [InlineData("return new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(10), {|#0:20|});", "20")]
    [InlineData("return new IntermediateCaPolicy(null, renewBeforePercentage: {|#0:Percent|}, renewBefore: configured);", "20")]
    [InlineData("return new IntermediateCaPolicy { RenewBefore = TimeSpan.FromDays(10), RenewBeforePercentage = {|#0:20|} };", "20")]
    [InlineData("return intermediate with { RenewBefore = TimeSpan.FromDays(10), RenewBeforePercentage = {|#0:20|} };", "20")]
    [InlineData("return new MeshLifetimeOptions { IntermediateRenewBefore = TimeSpan.FromDays(10), IntermediateRenewBeforePercentage = {|#0:20|} };", "20")]
    [InlineData("return new MeshCertificateLifetimes(new WorkloadCertificatePolicy(), new IntermediateCaPolicy(null, TimeSpan.FromDays(10), {|#0:20|}));", "20")]
    [InlineData("return IntermediateCaPolicy.FromCertManagerSpec(Month, Week, {|#0:25|});", "25")]
    [InlineData("return IntermediateCaPolicy.FromCertManagerSpec(renewBeforePercentage: {|#0:Percent|}, renewBefore: \"1h\");", "20")]
    public async Task MPKI2006_is_reported_on_every_surface(string statement, string percentage) =>
        await Verify<RenewBeforeSetTwiceAnalyzer>(
            statement,
            AnalyzerTest<RenewBeforeSetTwiceAnalyzer>.Diagnostic("MPKI2006").WithLocation(0)
                .WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("spec.renewBeforePercentage", percentage, MutuallyExclusive));

    [Theory]
    [InlineData("options.IntermediateRenewBefore = TimeSpan.FromDays(10); Services.Configure<MeshLifetimeOptions>(o => { }); options.IntermediateRenewBeforePercentage = 20; return options;")]
    [InlineData("return new MeshLifetimeOptions { IntermediateRenewBefore = TimeSpan.FromDays(10), IntermediateRenewBeforePercentage = maybePercent };")]
    [InlineData("return new MeshLifetimeOptions { IntermediateRenewBefore = maybe, IntermediateRenewBeforePercentage = 20 };")]
    [InlineData("return new MeshLifetimeOptions { IntermediateRenewBeforePercentage = 20 };")]
    [InlineData("return lifetimes with { Intermediate = intermediate with { RenewBeforePercentage = 20 } };")]
    [InlineData("return IntermediateCaPolicy.FromCertManagerSpec(Month, text, 25);")]
    [InlineData("return IntermediateCaPolicy.FromCertManagerSpec(Month, \"7 days\", 25);")]
    [InlineData("return IntermediateCaPolicy.FromCertManagerSpec(Month, null, 25);")]
    public async Task MPKI2006_is_not_reported_unless_both_are_set_in_one_place(string statement) =>
        await Verify<RenewBeforeSetTwiceAnalyzer>(statement);
}
