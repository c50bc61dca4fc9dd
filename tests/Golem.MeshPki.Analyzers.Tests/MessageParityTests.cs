using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>
/// For an object written entirely with known values, the analyzers say exactly what the library's <c>Validate()</c>
/// says about the object that code creates: the same rule ids, the same messages, nothing more and nothing less.
/// </summary>
public sealed class MessageParityTests
{
    [Theory]
    // WorkloadCertificatePolicy: MPKI2001 (error and both warnings), MPKI2002, MPKI2010.
    [InlineData("new WorkloadCertificatePolicy { GracePeriodRatio = 1.5 }", "MPKI2001")]
    [InlineData("new WorkloadCertificatePolicy { GracePeriodRatio = 0.95 }", "MPKI2001")]
    [InlineData("new WorkloadCertificatePolicy(TimeSpan.FromHours(24), 0.03)", "MPKI2001")]
    [InlineData("new WorkloadCertificatePolicy(TimeSpan.FromHours(24), 0.5, 0.49)", "MPKI2001")]
    [InlineData("new WorkloadCertificatePolicy { Ttl = TimeSpan.FromMinutes(30) }", "MPKI2001 MPKI2010")]
    [InlineData("new WorkloadCertificatePolicy { Ttl = TimeSpan.FromHours(1) }", "MPKI2001")]
    [InlineData("new WorkloadCertificatePolicy { Ttl = TimeSpan.FromDays(100), GracePeriodRatio = 0.999 }", "MPKI2001 MPKI2002")]
    [InlineData("new WorkloadCertificatePolicy(TimeSpan.FromDays(30), maxWorkloadCertTtl: TimeSpan.FromDays(7))", "MPKI2002")]
    [InlineData("new WorkloadCertificatePolicy(TimeSpan.FromHours(24), 0.5)", "")]
    // IntermediateCaPolicy: MPKI2004, MPKI2005, MPKI2006, the percentage as the webhook computes it.
    [InlineData("new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(30))", "MPKI2004")]
    [InlineData("new IntermediateCaPolicy(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(1))", "MPKI2005 MPKI2005")]
    [InlineData("new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(10), 20)", "MPKI2006")]
    [InlineData("new IntermediateCaPolicy(TimeSpan.FromDays(30), renewBeforePercentage: 0)", "MPKI2004")]
    [InlineData("new IntermediateCaPolicy(TimeSpan.FromDays(30), renewBeforePercentage: -5)", "MPKI2004")]
    [InlineData("new IntermediateCaPolicy(TimeSpan.FromDays(30), renewBeforePercentage: 100)", "MPKI2005")]
    [InlineData("new IntermediateCaPolicy(TimeSpan.FromHours(1), renewBeforePercentage: 99)", "MPKI2005")]
    [InlineData("new IntermediateCaPolicy(TimeSpan.FromDays(3650), renewBeforePercentage: 50)", "MPKI2005")]
    [InlineData("new IntermediateCaPolicy(null, TimeSpan.FromDays(1), 150)", "MPKI2005 MPKI2006")]
    [InlineData("new IntermediateCaPolicy { RenewBeforePercentage = 150 }", "")]
    [InlineData("new IntermediateCaPolicy { RenewBefore = TimeSpan.Zero }", "MPKI2005")]
    [InlineData("new IntermediateCaPolicy(TimeSpan.FromDays(30), renewBeforePercentage: 20)", "")]
    // Beyond Go's int64 nanoseconds no Certificate can hold the value: the webhook (and Validate) say nothing.
    [InlineData("new IntermediateCaPolicy(TimeSpan.FromDays(365 * 300), TimeSpan.FromDays(365 * 301), 20)", "")]
    [InlineData("new IntermediateCaPolicy(TimeSpan.FromDays(365 * 300), TimeSpan.FromMinutes(1))", "")]
    [InlineData("new IntermediateCaPolicy(TimeSpan.FromMinutes(30), TimeSpan.FromDays(365 * 300))", "")]
    // MeshCertificateLifetimes: MPKI2003 from each source of renewBefore, with the nested policies' own findings.
    [InlineData("new MeshCertificateLifetimes(new WorkloadCertificatePolicy(TimeSpan.FromDays(7)), new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(7)))", "MPKI2003")]
    [InlineData("new MeshCertificateLifetimes(new WorkloadCertificatePolicy(TimeSpan.FromDays(8)), new IntermediateCaPolicy(TimeSpan.FromDays(30), renewBeforePercentage: 25))", "MPKI2003")]
    [InlineData("new MeshCertificateLifetimes { Workload = new WorkloadCertificatePolicy { Ttl = TimeSpan.FromDays(31) } }", "MPKI2003")]
    [InlineData("new MeshCertificateLifetimes { Intermediate = new IntermediateCaPolicy(TimeSpan.FromHours(12)) }", "MPKI2003")]
    [InlineData("new MeshCertificateLifetimes(new WorkloadCertificatePolicy(TimeSpan.FromDays(100)), new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(30)))", "MPKI2002 MPKI2003 MPKI2004")]
    [InlineData("new MeshCertificateLifetimes(new WorkloadCertificatePolicy(TimeSpan.FromDays(6)), new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(7)))", "")]
    [InlineData("new MeshCertificateLifetimes()", "")]
    // MeshLifetimeOptions: its initializer, both halves.
    [InlineData("new MeshLifetimeOptions { WorkloadCertificateTtl = TimeSpan.FromDays(10), IntermediateDuration = TimeSpan.FromDays(30) }", "MPKI2003")]
    [InlineData("new MeshLifetimeOptions { GracePeriodRatio = 0.95, IntermediateRenewBefore = TimeSpan.FromDays(90) }", "MPKI2001 MPKI2004")]
    [InlineData("new MeshLifetimeOptions { WorkloadCertificateTtl = TimeSpan.FromMinutes(20), IntermediateRenewBeforePercentage = 0, IntermediateDuration = TimeSpan.FromDays(1) }", "MPKI2001 MPKI2004 MPKI2010")]
    [InlineData("new MeshLifetimeOptions { WorkloadCertificateTtl = TimeSpan.FromHours(12) }", "")]
    // The Go-duration factories.
    [InlineData("WorkloadCertificatePolicy.FromIstioSettings(\"2400h\", 1.5)", "MPKI2001 MPKI2002")]
    [InlineData("WorkloadCertificatePolicy.FromIstioSettings(\"1h30m\", secretGracePeriodRatioJitter: 0.2)", "MPKI2001")]
    [InlineData("WorkloadCertificatePolicy.FromIstioSettings(\"720h\", maxWorkloadCertTtl: \"168h\")", "MPKI2002")]
    [InlineData("WorkloadCertificatePolicy.FromIstioSettings(\"59m59.5s\")", "MPKI2001 MPKI2010")]
    [InlineData("IntermediateCaPolicy.FromCertManagerSpec(\"720h\", \"720h\")", "MPKI2004")]
    [InlineData("IntermediateCaPolicy.FromCertManagerSpec(\"87600h\", renewBeforePercentage: 50)", "MPKI2005")]
    [InlineData("IntermediateCaPolicy.FromCertManagerSpec(\"1h30m\", \"30m\", 40)", "MPKI2006")]
    [InlineData("IntermediateCaPolicy.FromCertManagerSpec(\"2562047h47m16.854775807s\", \"1h\")", "")]
    [InlineData("new MeshCertificateLifetimes(WorkloadCertificatePolicy.FromIstioSettings(\"336h\"), IntermediateCaPolicy.FromCertManagerSpec(\"720h\", \"168h\"))", "MPKI2003")]
    public async Task The_analyzers_report_what_Validate_finds(string expression, string ids)
    {
        var (diagnostics, findings) = await AnalyzerRun.AnalyzeAndValidateAsync(expression);

        Assert.Equal(ids, string.Join(" ", findings.Select(f => f.Id).Order(StringComparer.Ordinal)));
        string[] reported = diagnostics.Select(d => d.Id + ": " + d.GetMessage(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal).ToArray();
        string[] validated = findings.Select(f => f.Id + ": " + f.Message).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(validated, reported);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }
}
