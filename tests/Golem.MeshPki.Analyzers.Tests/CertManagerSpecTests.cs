extern alias library;
using Golem.MeshPki.Rules;
using LibraryLifetimes = library::Golem.MeshPki.Lifetimes;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>
/// The analyzers' own small copies of cert-manager's and istio-agent's arithmetic (they cannot load the library) agree
/// with the library's: the renewBefore cert-manager's controller plans, the webhook's percentage, istio-agent's rotation.
/// </summary>
public sealed class CertManagerSpecTests
{
    public static TheoryData<TimeSpan?, TimeSpan?, int?> Specs => new()
    {
        { null, null, null },
        { TimeSpan.FromDays(30), TimeSpan.FromDays(7), null },
        { TimeSpan.FromDays(30), TimeSpan.FromDays(30), null },
        { TimeSpan.FromDays(30), TimeSpan.FromDays(31), 25 },
        { TimeSpan.FromDays(30), TimeSpan.Zero, 25 },
        { TimeSpan.FromDays(30), TimeSpan.FromTicks(-1), 0 },
        { TimeSpan.FromDays(30), null, 1 },
        { TimeSpan.FromDays(30), null, 99 },
        { TimeSpan.FromDays(30), null, 100 },
        { TimeSpan.FromDays(30), null, -3 },
        { TimeSpan.Zero, TimeSpan.FromDays(7), null },
        { TimeSpan.FromDays(-1), null, 50 },
        { TimeSpan.FromHours(1) + TimeSpan.FromTicks(7), TimeSpan.FromHours(1), 33 },
        { TimeSpan.FromDays(3650), null, 50 },
        { TimeSpan.FromDays(365 * 300), TimeSpan.FromDays(365 * 299), null },
        { TimeSpan.FromDays(365 * 300), null, 37 },
        { TimeSpan.MaxValue, null, null },
        { TimeSpan.MaxValue, TimeSpan.MaxValue, 10 },
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void The_planned_renewBefore_is_the_librarys(TimeSpan? duration, TimeSpan? renewBefore, int? percentage)
    {
        var library = new LibraryLifetimes.MeshCertificateLifetimes(new LibraryLifetimes.WorkloadCertificatePolicy(), new LibraryLifetimes.IntermediateCaPolicy(duration, renewBefore, percentage));

        Assert.Equal(library.IntermediateRenewBefore, CertManagerSpec.PlanRenewBefore(duration, renewBefore, percentage).RenewBefore);
    }

    [Theory]
    [InlineData(30 * 24, 0)]
    [InlineData(30 * 24, -5)]
    [InlineData(30 * 24, 100)]
    [InlineData(30 * 24, 20)]
    [InlineData(1, 99)]
    [InlineData(1, 91)]
    [InlineData(3650 * 24, 50)]
    [InlineData(3650 * 24, 1)]
    [InlineData(2562047, 0)]
    public void The_webhooks_percentage_check_is_the_librarys(int hours, int percentage)
    {
        TimeSpan duration = TimeSpan.FromHours(hours);
        Assert.True(CertManagerSpec.TryPercentageRenewBefore(duration, percentage, out long renewBefore, out long durationNanoseconds));
        var errors = LibraryLifetimes.CertManagerCertificateValidation.ValidateDuration(duration, null, percentage);

        string tooShort = LifetimeRuleMessages.CertManagerPercentageTooShortDetail.Replace("{0}", "5m0s", StringComparison.Ordinal);
        Assert.Equal(renewBefore < TimeSpan.FromMinutes(5).Ticks * 100, errors.Any(e => e.Detail == tooShort));
        Assert.Equal(renewBefore >= durationNanoseconds, errors.Any(e => e.Detail == LifetimeRuleMessages.CertManagerPercentageNotBelowDurationDetail));
    }

    [Fact]
    public void A_duration_beyond_Gos_int64_nanoseconds_is_not_computed() =>
        Assert.False(CertManagerSpec.TryPercentageRenewBefore(TimeSpan.FromDays(365 * 300), 50, out _, out _));

    [Theory]
    [InlineData(24 * 3600, 0.5, 0.01)]
    [InlineData(24 * 3600, 0.95, 0.01)]
    [InlineData(24 * 3600, 0.03, 0.01)]
    [InlineData(24 * 3600, 0.0625, 0.03125)]
    [InlineData(3600, 0.5, 0.01)]
    [InlineData(3600, 0.5, 0.6)]
    [InlineData(1800, 0.999, 0)]
    [InlineData(7 * 24 * 3600, 0.33, -0.02)]
    [InlineData(90 * 24 * 3600, 0.1, 0.2)]
    [InlineData(1, 0.7, 0.01)]
    public void The_rotation_is_istio_agents_as_the_library_computes_it(int seconds, double ratio, double jitter)
    {
        TimeSpan ttl = TimeSpan.FromSeconds(seconds);
        LibraryLifetimes.WorkloadRotationWindow window = new LibraryLifetimes.WorkloadRotation(ratio, jitter).Window(ttl);

        Assert.Equal(window.Nominal, IstioRotation.OffsetFromIssuance(ttl, ratio));
        Assert.Equal(ttl - window.Latest, IstioRotation.Slack(ttl, ratio, jitter));
    }
}
