using Golem.MeshPki.Lifetimes;
using Golem.MeshPki.Rules;

namespace Golem.MeshPki.Tests.Lifetimes;

public sealed class PolicyValidationTests
{
    [Fact]
    public void Default_workload_policy_has_no_findings() => Assert.Empty(new WorkloadCertificatePolicy().Validate());

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(1.5)]
    public void Grace_ratio_outside_0_1_is_MPKI2001(double ratio)
    {
        Finding finding = Assert.Single(new WorkloadCertificatePolicy { GracePeriodRatio = ratio }.Validate());
        Assert.Equal("MPKI2001", finding.Id);
        Assert.StartsWith("Grace period ratio '", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ttl_above_the_maximum_is_MPKI2002_with_the_values_quoted()
    {
        Finding finding = Assert.Single(new WorkloadCertificatePolicy(TimeSpan.FromDays(100)).Validate());
        Assert.Equal("MPKI2002", finding.Id);
        Assert.Equal("Workload certificate TTL '100.00:00:00' exceeds istiod's maximum '90.00:00:00'; every CSR will fail with TTL_ERROR.", finding.Message);
    }

    [Fact]
    public void Ttl_within_a_raised_maximum_is_accepted() =>
        Assert.Empty((new WorkloadCertificatePolicy(TimeSpan.FromDays(100)) with { MaxWorkloadCertTtl = TimeSpan.FromDays(120) }).Validate());

    [Fact]
    public void Ttl_below_1h_is_MPKI2010_warning_and_leaves_too_little_slack()
    {
        IReadOnlyList<Finding> findings = new WorkloadCertificatePolicy { Ttl = TimeSpan.FromMinutes(30) }.Validate();

        Assert.Equal(["MPKI2001", "MPKI2010"], findings.Select(f => f.Id).Order());
        Assert.All(findings, f => Assert.Equal(RuleSeverity.Warning, f.Severity));
        Assert.Equal(
            "Workload certificate TTL '00:30:00' is below 1h0m0s: every workload renews its certificate that often, load on istiod for no security gain.",
            findings.Single(f => f.Id == "MPKI2010").Message);
    }

    [Fact]
    public void Ratio_above_0_9_is_an_MPKI2001_warning_quoting_the_rotation()
    {
        Finding finding = Assert.Single(new WorkloadCertificatePolicy { GracePeriodRatio = 0.95 }.Validate());

        Assert.Equal(("MPKI2001", RuleSeverity.Warning), (finding.Id, finding.Severity));
        Assert.Equal(
            "SECRET_GRACE_PERIOD_RATIO '0.95' rotates workload certificates 1h12m0s after issuance with Workload certificate TTL '1.00:00:00', more often than every 10% of the TTL: CSR load on istiod for no gain.",
            finding.Message);
        Assert.Empty(new WorkloadCertificatePolicy { GracePeriodRatio = 0.9 }.Validate());
    }

    [Fact]
    public void Less_than_an_hour_between_the_latest_rotation_and_expiry_is_an_MPKI2001_warning()
    {
        // 2h, 0.5 +/- 0.01: the latest rotation is at 0.51 x 2h = 61m12s, leaving 58m48s.
        Finding finding = Assert.Single(new WorkloadCertificatePolicy(TimeSpan.FromHours(2)).Validate());

        Assert.Equal(("MPKI2001", RuleSeverity.Warning), (finding.Id, finding.Severity));
        Assert.Equal(
            "SECRET_GRACE_PERIOD_RATIO 0.5 with jitter 0.01 and Workload certificate TTL '02:00:00' leaves 58m48s between the latest rotation and expiry, less than 1h0m0s: an istiod outage that long lets workload certificates expire.",
            finding.Message);
        Assert.Empty(new WorkloadCertificatePolicy(TimeSpan.FromHours(2)) { GracePeriodRatioJitter = 0 }.Validate());
    }

    [Theory]
    [InlineData(long.MaxValue, 0.5, 0.01)]
    [InlineData(long.MaxValue / 100, 0.5, 0.5)]
    [InlineData(365_000 * TimeSpan.TicksPerDay, 0.95, 0.01)]
    public void A_TTL_beyond_Gos_int64_nanoseconds_is_MPKI2002_without_a_rotation_warning(long ticks, double ratio, double jitter)
    {
        // istio-agent computes the grace period in int64 nanoseconds; past about 292 years there is no rotation to
        // warn about, and Validate() returns findings rather than throwing.
        var findings = new WorkloadCertificatePolicy(TimeSpan.FromTicks(ticks), ratio, jitter).Validate();

        Assert.Equal("MPKI2002", Assert.Single(findings).Id);
        Assert.Equal("MPKI2002", Assert.Single(new MeshLifetimeOptions { WorkloadCertificateTtl = TimeSpan.FromTicks(ticks), GracePeriodRatio = ratio, GracePeriodRatioJitter = jitter }.Validate(), f => f.Id != "MPKI2003").Id);
    }

    [Fact]
    public void Default_intermediate_policy_has_no_findings() => Assert.Empty(new IntermediateCaPolicy().Validate());

    [Fact]
    public void RenewBefore_not_below_duration_is_MPKI2004() =>
        Assert.Equal("MPKI2004", Assert.Single(new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(30)).Validate()).Id);

    [Fact]
    public void Short_duration_is_MPKI2005() =>
        Assert.Contains(new IntermediateCaPolicy(TimeSpan.FromMinutes(30)).Validate(), f => f.Id == "MPKI2005");

    [Fact]
    public void Both_renewal_settings_is_MPKI2006() =>
        Assert.Equal("MPKI2006", Assert.Single(new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(7), 25).Validate()).Id);
}
