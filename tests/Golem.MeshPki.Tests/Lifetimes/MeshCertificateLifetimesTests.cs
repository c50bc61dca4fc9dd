using Golem.MeshPki.Lifetimes;
using Golem.MeshPki.Rules;

namespace Golem.MeshPki.Tests.Lifetimes;

/// <summary>The workload and intermediate lifetimes together: MPKI2003, the Go-duration factories and the options.</summary>
public sealed class MeshCertificateLifetimesTests
{
    [Fact]
    public void Defaults_have_no_findings()
    {
        Assert.Empty(new MeshCertificateLifetimes().Validate());
        Assert.Empty(new MeshLifetimeOptions().Validate());
    }

    [Fact]
    public void Workload_TTL_equal_to_renewBefore_is_MPKI2003_with_the_values_quoted()
    {
        var lifetimes = new MeshCertificateLifetimes(
            new WorkloadCertificatePolicy(TimeSpan.FromDays(7)),
            new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(7)));

        Finding finding = Assert.Single(lifetimes.Validate());

        Assert.Equal("MPKI2003", finding.Id);
        Assert.Equal(RuleSeverity.Error, finding.Severity);
        Assert.Equal(
            "Workload certificate TTL '7.00:00:00' is not below the '7.00:00:00' before expiry at which cert-manager renews the intermediate (RenewBefore '7.00:00:00'): workload certificates signed just before the renewal would outlive it; before Istio 1.31 their chain expires first, from 1.31 on istiod cuts them short.",
            finding.Message);
    }

    [Fact]
    public void Workload_TTL_one_second_below_renewBefore_passes()
    {
        var lifetimes = new MeshCertificateLifetimes(
            new WorkloadCertificatePolicy(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1)),
            new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(7)));

        Assert.Empty(lifetimes.Validate());
    }

    [Fact]
    public void RenewBefore_comes_from_the_percentage_when_only_it_is_set()
    {
        // 25% of 30 days is 7.5 days (renewaltime.go: lifetime * percentage / 100).
        var intermediate = new IntermediateCaPolicy(TimeSpan.FromDays(30), renewBeforePercentage: 25);
        var lifetimes = new MeshCertificateLifetimes(new WorkloadCertificatePolicy(TimeSpan.FromDays(8)), intermediate);

        Assert.Equal(TimeSpan.FromHours(180), lifetimes.IntermediateRenewBefore);
        Finding finding = Assert.Single(lifetimes.Validate());
        Assert.Contains("'7.12:00:00' before expiry", finding.Message, StringComparison.Ordinal);
        Assert.Contains("(RenewBeforePercentage 25 of Duration '30.00:00:00')", finding.Message, StringComparison.Ordinal);
        Assert.Empty((lifetimes with { Workload = new WorkloadCertificatePolicy(TimeSpan.FromDays(7)) }).Validate());
    }

    [Fact]
    public void RenewBefore_not_below_duration_falls_back_to_a_third_and_is_also_MPKI2004()
    {
        // The controller ignores such a renewBefore (renewaltime.go) and renews at two thirds: 10 days before expiry.
        var lifetimes = new MeshCertificateLifetimes(
            new WorkloadCertificatePolicy(TimeSpan.FromDays(10)),
            new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(30)));

        Assert.Equal(TimeSpan.FromDays(10), lifetimes.IntermediateRenewBefore);
        Assert.Equal(["MPKI2004", "MPKI2003"], lifetimes.Validate().Select(f => f.Id));
        Assert.Contains("(one third of Duration '30.00:00:00', cert-manager's default)", lifetimes.Validate()[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Absent_duration_is_cert_managers_90_days()
    {
        var lifetimes = new MeshCertificateLifetimes { Workload = new WorkloadCertificatePolicy(TimeSpan.FromDays(30)) };

        Assert.Equal(TimeSpan.FromDays(30), lifetimes.IntermediateRenewBefore);
        Assert.Equal("MPKI2003", Assert.Single(lifetimes.Validate()).Id);
    }

    [Fact]
    public void Both_policies_findings_are_included()
    {
        var lifetimes = new MeshCertificateLifetimes(
            new WorkloadCertificatePolicy(TimeSpan.FromDays(100)),
            new IntermediateCaPolicy(TimeSpan.FromMinutes(30)));

        Assert.Equal(["MPKI2002", "MPKI2005", "MPKI2003"], lifetimes.Validate().Select(f => f.Id));
    }

    [Fact]
    public void The_longest_TimeSpan_saturates_as_Go_does_and_does_not_throw()
    {
        // Go's Time.Sub saturates at int64 nanoseconds (about 292 years), so a third of it is about 97 years.
        var lifetimes = new MeshCertificateLifetimes { Intermediate = new IntermediateCaPolicy(TimeSpan.MaxValue) };

        Assert.Equal(long.MaxValue / 3 / 100, lifetimes.IntermediateRenewBefore.Ticks);
        Assert.Empty(lifetimes.Validate());
        Assert.Empty(new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.MinValue).Validate());
    }

    [Fact]
    public void Null_policies_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => new MeshCertificateLifetimes(null!, new IntermediateCaPolicy()));
        Assert.Throws<ArgumentNullException>(() => new MeshCertificateLifetimes(new WorkloadCertificatePolicy(), null!));
    }

    [Fact]
    public void FromIstioSettings_reads_Go_durations_and_keeps_defaults_for_the_rest()
    {
        var policy = WorkloadCertificatePolicy.FromIstioSettings(secretTtl: "12h30m", maxWorkloadCertTtl: "2160h");

        Assert.Equal(new WorkloadCertificatePolicy(TimeSpan.FromMinutes(750), 0.5, 0.01, TimeSpan.FromDays(90)), policy);
        Assert.Equal(new WorkloadCertificatePolicy(), WorkloadCertificatePolicy.FromIstioSettings());
        Assert.Equal(0.25, WorkloadCertificatePolicy.FromIstioSettings(secretGracePeriodRatio: 0.25).GracePeriodRatio);
    }

    [Theory]
    [InlineData("90d", null, "SECRET_TTL: Invalid Go duration '90d'")]
    [InlineData(null, "2160", "MAX_WORKLOAD_CERT_TTL: Invalid Go duration '2160': missing unit")]
    public void FromIstioSettings_names_the_setting_it_cannot_read(string? secretTtl, string? max, string expected)
    {
        var error = Assert.Throws<FormatException>(() => WorkloadCertificatePolicy.FromIstioSettings(secretTtl: secretTtl, maxWorkloadCertTtl: max));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCertManagerSpec_reads_the_runbook_values()
    {
        // The runbook's intermediate: duration 720h, renewBefore 168h.
        var policy = IntermediateCaPolicy.FromCertManagerSpec(duration: "720h", renewBefore: "168h");

        Assert.Equal(new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(7)), policy);
        Assert.Equal(new IntermediateCaPolicy(), IntermediateCaPolicy.FromCertManagerSpec());
        var error = Assert.Throws<FormatException>(() => IntermediateCaPolicy.FromCertManagerSpec(renewBefore: "7 days"));
        Assert.StartsWith("spec.renewBefore: Invalid Go duration '7 days'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_set_one_property_at_a_time_snapshot_into_the_policies()
    {
        var options = new MeshLifetimeOptions();
        options.WorkloadCertificateTtl = TimeSpan.FromDays(8);
        options.IntermediateDuration = TimeSpan.FromDays(30);
        options.IntermediateRenewBefore = TimeSpan.FromDays(7);

        MeshCertificateLifetimes lifetimes = options.ToLifetimes();
        options.WorkloadCertificateTtl = TimeSpan.FromDays(1);

        Assert.Equal(TimeSpan.FromDays(8), lifetimes.Workload.Ttl);
        Assert.Equal(new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(7)), lifetimes.Intermediate);
        Assert.Equal("MPKI2003", Assert.Single(lifetimes.Validate()).Id);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Options_carry_every_setting()
    {
        var options = new MeshLifetimeOptions
        {
            GracePeriodRatio = 1.5,
            GracePeriodRatioJitter = 0.02,
            MaxWorkloadCertTtl = TimeSpan.FromHours(12),
            IntermediateRenewBeforePercentage = 25,
            IntermediateRenewBefore = TimeSpan.FromDays(7),
        };

        Assert.Equal(["MPKI2001", "MPKI2002", "MPKI2006"], options.Validate().Select(f => f.Id));
        Assert.Equal(0.02, options.ToLifetimes().Workload.GracePeriodRatioJitter);
    }
}
