using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Golem.MeshPki.Lifetimes;

namespace Golem.MeshPki.Tests.Lifetimes;

public class CertManagerRenewalTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// cert-manager/cert-manager pkg/util/pki/renewaltime_test.go TestRenewalTime (without windows and ARI):
    /// lifetime, renewBefore, renewBeforePercentage and the expected renewal time after NotBefore, in seconds.
    /// </summary>
    public static TheoryData<string, long, long?, int?, long, CertManagerRenewBeforeSource> CertManagerCases() => new()
    {
        { "short lived cert, spec.renewBefore is not set", 3 * 3600, null, null, 2 * 3600, CertManagerRenewBeforeSource.OneThirdOfLifetime },
        { "long lived cert, spec.renewBefore is not set", 4380 * 3600, null, null, 2920 * 3600, CertManagerRenewBeforeSource.OneThirdOfLifetime },
        { "spec.renewBefore is set", 24 * 3600, 20 * 3600, null, 4 * 3600, CertManagerRenewBeforeSource.RenewBefore },
        { "long lived cert, spec.renewBefore is set to renew every day", 730 * 3600, 706 * 3600, null, 24 * 3600, CertManagerRenewBeforeSource.RenewBefore },
        { "spec.renewBefore is set, but would result in renewal time after expiry", 24 * 3600, 25 * 3600, null, 16 * 3600, CertManagerRenewBeforeSource.OneThirdOfLifetime },
        { "long lived cert, spec.renewBeforePercentage is set to renew 30% before expiry", 730 * 3600, null, 30, 511 * 3600, CertManagerRenewBeforeSource.RenewBeforePercentage },
        { "spec.renewBefore is set to a value slightly less than cert's duration", (24 * 3600) + 180, 24 * 3600, null, 180, CertManagerRenewBeforeSource.RenewBefore },
        { "certificate's duration is skewed by a second", (24 * 3600) - 1, null, null, (16 * 3600) - 1, CertManagerRenewBeforeSource.OneThirdOfLifetime },
        // Seed runbook mistake 6: "the intermediate renews every 30 days" is wrong; 720h - 168h = 552h (23 days).
        { "runbook mistake 6: duration 720h, renewBefore 168h renews 552h after issuance", 720 * 3600, 168 * 3600, null, 552 * 3600, CertManagerRenewBeforeSource.RenewBefore },
        { "renewBefore equal to the lifetime falls back to one third", 720 * 3600, 720 * 3600, null, 480 * 3600, CertManagerRenewBeforeSource.OneThirdOfLifetime },
        { "renewBefore wins over a percentage when both are set", 720 * 3600, 168 * 3600, 50, 552 * 3600, CertManagerRenewBeforeSource.RenewBefore },
        { "unusable renewBefore falls back to the percentage", 720 * 3600, 800 * 3600, 25, 540 * 3600, CertManagerRenewBeforeSource.RenewBeforePercentage },
        { "zero renewBefore is not used", 3 * 3600, 0, null, 2 * 3600, CertManagerRenewBeforeSource.OneThirdOfLifetime },
    };

    [Theory]
    [MemberData(nameof(CertManagerCases))]
    public void RenewalTime_matches_cert_manager(string name, long lifetimeSeconds, long? renewBeforeSeconds, int? percentage, long expectedAfterSeconds, CertManagerRenewBeforeSource expectedSource)
    {
        _ = name;
        TimeSpan? renewBefore = renewBeforeSeconds is long rb ? TimeSpan.FromSeconds(rb) : null;

        CertManagerRenewalTime renewal = CertManagerRenewal.RenewalTime(Now, Now.AddSeconds(lifetimeSeconds), renewBefore, percentage);

        Assert.Equal(Now.AddSeconds(expectedAfterSeconds), renewal.RenewalTime);
        Assert.Equal(expectedSource, renewal.Source);
    }

    /// <summary>cert-manager pkg/util/pki/renewaltime_test.go TestRenewBefore, over a 3h lifetime.</summary>
    [Theory]
    [InlineData(null, null, 3600)]   // spec.renewBefore and spec.renewBeforePercentage are not set
    [InlineData(null, 25, 2700)]     // spec.renewBeforePercentage is valid
    [InlineData(null, 100, 3600)]    // spec.renewBeforePercentage is too large so default is used
    [InlineData(null, 0, 3600)]      // spec.renewBeforePercentage is too small so default is used
    [InlineData(3600L, null, 3600)]  // spec.renewBefore is valid
    [InlineData(14400L, null, 3600)] // spec.renewBefore is invalid so default is used
    public void RenewBefore_matches_cert_manager_TestRenewBefore(long? renewBeforeSeconds, int? percentage, long expectedSeconds)
    {
        TimeSpan? renewBefore = renewBeforeSeconds is long rb ? TimeSpan.FromSeconds(rb) : null;

        CertManagerRenewalTime renewal = CertManagerRenewal.RenewalTime(Now, Now.AddHours(3), renewBefore, percentage);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), renewal.RenewBefore);
        Assert.Equal(Now.AddHours(3) - TimeSpan.FromSeconds(expectedSeconds), renewal.RenewalTime);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(3)]
    public void Percentage_99_of_a_multi_year_lifetime_does_not_overflow(int years)
    {
        // renewaltime_test.go regression: "spec.renewBeforePercentage=99 with 10-year duration does not overflow int64".
        TimeSpan lifetime = TimeSpan.FromHours(24 * 365 * years);

        CertManagerRenewalTime renewal = CertManagerRenewal.RenewalTime(Now, Now + lifetime, null, 99);

        Assert.Equal(CertManagerRenewBeforeSource.RenewBeforePercentage, renewal.Source);
        Assert.Equal(TimeSpan.FromTicks((long)(lifetime.Ticks * 0.99)), renewal.RenewBefore);
        Assert.Equal(Now + (lifetime - renewal.RenewBefore), renewal.RenewalTime);
    }

    [Fact]
    public void Renewal_time_is_truncated_to_the_second_and_keeps_the_offset()
    {
        var notBefore = new DateTimeOffset(2026, 3, 1, 14, 0, 0, TimeSpan.FromHours(2));

        // 10s lifetime: one third is 3.333...s, so the renewal is at 6.666...s, truncated to 6s.
        CertManagerRenewalTime renewal = CertManagerRenewal.RenewalTime(notBefore, notBefore.AddSeconds(10), null, null);

        Assert.Equal(notBefore.AddSeconds(6), renewal.RenewalTime);
        Assert.Equal(TimeSpan.FromHours(2), renewal.RenewalTime.Offset);
    }

    [Fact]
    public void Default_duration_is_90_days() => Assert.Equal(TimeSpan.FromDays(90), CertManagerRenewal.DefaultDuration);

    [Property(MaxTest = 2000)]
    public Property Renewal_time_is_always_within_NotBefore_and_NotAfter()
    {
        // X.509 validity times are whole seconds; the truncation to the second keeps the result inside them.
        Gen<(long Start, long Lifetime, long? RenewBefore, int? Percentage)> cases =
            from start in Gen.Choose(0, int.MaxValue).Select(x => (long)x)
            from lifetime in Gen.OneOf(Gen.Choose(0, 100), Gen.Choose(0, int.MaxValue)).Select(x => (long)x)
            from renewBefore in Gen.OneOf(
                Gen.Constant<long?>(null),
                Gen.Choose(-100, int.MaxValue).Select(x => (long?)x),
                Gen.Choose(0, 200).Select(x => (long?)x))
            from percentage in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(-10, 110).Select(x => (int?)x))
            select (start, lifetime, renewBefore, percentage);

        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            DateTimeOffset notBefore = Now.AddSeconds(c.Start);
            DateTimeOffset notAfter = notBefore.AddSeconds(c.Lifetime);
            TimeSpan? renewBefore = c.RenewBefore is long rb ? TimeSpan.FromSeconds(rb) : null;

            CertManagerRenewalTime renewal = CertManagerRenewal.RenewalTime(notBefore, notAfter, renewBefore, c.Percentage);

            Assert.InRange(renewal.RenewalTime, notBefore, notAfter);
            Assert.Equal(0, renewal.RenewalTime.UtcTicks % TimeSpan.TicksPerSecond);
        });
    }
}
