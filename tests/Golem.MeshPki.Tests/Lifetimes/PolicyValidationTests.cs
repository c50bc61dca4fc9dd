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
    public void Ttl_below_1h_is_MPKI2010_warning()
    {
        Finding finding = Assert.Single(new WorkloadCertificatePolicy { Ttl = TimeSpan.FromMinutes(30) }.Validate());
        Assert.Equal("MPKI2010", finding.Id);
        Assert.Equal(RuleSeverity.Warning, finding.Severity);
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
