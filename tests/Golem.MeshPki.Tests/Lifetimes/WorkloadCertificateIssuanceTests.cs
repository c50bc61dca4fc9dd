using Golem.MeshPki.Lifetimes;
using Microsoft.Extensions.Time.Testing;

namespace Golem.MeshPki.Tests.Lifetimes;

public class WorkloadCertificateIssuanceTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly IstioVersion Istio124 = new(1, 24, 2);
    private static readonly IstioVersion Istio131 = new(1, 31, 0);

    [Fact]
    public void Defaults_are_istiods()
    {
        Assert.Equal(TimeSpan.FromHours(24), IstiodWorkloadCertificateTtls.Default.DefaultTtl);
        Assert.Equal(TimeSpan.FromDays(90), IstiodWorkloadCertificateTtls.Default.MaxTtl);
        Assert.Equal(TimeSpan.FromMinutes(2), WorkloadCertificateIssuance.ClockSkewGracePeriod);
    }

    [Fact]
    public void NotBefore_is_backdated_2_minutes_and_NotAfter_is_now_plus_ttl()
    {
        var clock = new FakeTimeProvider(Now);
        WorkloadCertificateIssuance issued = WorkloadCertificateIssuance.Compute(
            TimeSpan.FromHours(24), clock, Now.AddDays(365), Istio124, IstiodWorkloadCertificateTtls.Default);

        Assert.True(issued.Succeeded);
        Assert.Null(issued.ErrorCode);
        Assert.Equal(Now.AddMinutes(-2), issued.NotBefore);
        Assert.Equal(Now.AddHours(24), issued.NotAfter);
        Assert.Equal(TimeSpan.FromHours(24), issued.Ttl);
        Assert.False(issued.ClampedToSigningCertificate);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3600)]
    public void A_non_positive_requested_ttl_takes_DEFAULT_WORKLOAD_CERT_TTL(int requestedSeconds)
    {
        var ttls = new IstiodWorkloadCertificateTtls(TimeSpan.FromHours(12), TimeSpan.FromDays(90));
        WorkloadCertificateIssuance issued = WorkloadCertificateIssuance.Compute(
            TimeSpan.FromSeconds(requestedSeconds), Now, Now.AddDays(365), Istio124, ttls);

        Assert.True(issued.Succeeded);
        Assert.Equal(TimeSpan.FromHours(12), issued.Ttl);
        Assert.Equal(Now.AddHours(12), issued.NotAfter);
    }

    [Fact]
    public void A_requested_ttl_above_the_maximum_is_a_TTL_ERROR_not_a_cap()
    {
        // istio/istio security/pkg/pki/ca/ca_test.go "CSR uses RSA TTL error": max 2h, requested 3h.
        var ttls = new IstiodWorkloadCertificateTtls(TimeSpan.FromHours(1), TimeSpan.FromHours(2));
        WorkloadCertificateIssuance issued = WorkloadCertificateIssuance.Compute(
            TimeSpan.FromHours(3), Now, Now.AddDays(365), Istio131, ttls);

        Assert.False(issued.Succeeded);
        Assert.Equal("TTL_ERROR", issued.ErrorCode);
        Assert.Equal("requested TTL 3h0m0s is greater than the max allowed TTL 2h0m0s", issued.ErrorMessage);
    }

    [Fact]
    public void A_requested_ttl_equal_to_the_maximum_is_signed()
    {
        WorkloadCertificateIssuance issued = WorkloadCertificateIssuance.Compute(
            TimeSpan.FromDays(90), Now, Now.AddDays(365), Istio124, IstiodWorkloadCertificateTtls.Default);

        Assert.True(issued.Succeeded);
        Assert.Equal(Now.AddDays(90), issued.NotAfter);
    }

    [Fact]
    public void From_Istio_1_31_NotAfter_is_clamped_to_the_signing_certificate()
    {
        DateTimeOffset caNotAfter = Now.AddHours(6);
        WorkloadCertificateIssuance issued = WorkloadCertificateIssuance.Compute(
            TimeSpan.FromHours(24), Now, caNotAfter, Istio131, IstiodWorkloadCertificateTtls.Default);

        Assert.True(issued.Succeeded);
        Assert.True(issued.ClampedToSigningCertificate);
        Assert.Equal(caNotAfter, issued.NotAfter);
        Assert.Equal(TimeSpan.FromHours(24), issued.Ttl);
    }

    [Fact]
    public void Before_Istio_1_31_a_workload_certificate_outlives_its_CA()
    {
        DateTimeOffset caNotAfter = Now.AddHours(6);
        WorkloadCertificateIssuance issued = WorkloadCertificateIssuance.Compute(
            TimeSpan.FromHours(24), Now, caNotAfter, new IstioVersion(1, 30, 3), IstiodWorkloadCertificateTtls.Default);

        Assert.False(issued.ClampedToSigningCertificate);
        Assert.Equal(Now.AddHours(24), issued.NotAfter);
        Assert.True(issued.NotAfter > caNotAfter);
    }

    [Fact]
    public void TimeProvider_overload_needs_a_clock()
    {
        Assert.Throws<ArgumentNullException>(() => WorkloadCertificateIssuance.Compute(
            TimeSpan.FromHours(1), (TimeProvider)null!, Now, Istio124, IstiodWorkloadCertificateTtls.Default));
    }
}
