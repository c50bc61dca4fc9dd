using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Golem.MeshPki.Lifetimes;
using Microsoft.Extensions.Time.Testing;

namespace Golem.MeshPki.Tests.Lifetimes;

public class WorkloadRotationTests
{
    private static readonly DateTimeOffset Issued = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Defaults_are_istio_agents()
    {
        Assert.Equal(TimeSpan.FromHours(24), WorkloadRotation.DefaultSecretTtl);
        Assert.Equal(new WorkloadRotation(0.5, 0.01), WorkloadRotation.Default);
    }

    [Fact]
    public void Default_24h_certificate_rotates_12h_after_issuance_plus_or_minus_14_4_minutes()
    {
        WorkloadRotationWindow window = WorkloadRotation.Default.Window(TimeSpan.FromHours(24));

        // The numbers `meshpki schedule --json` prints (issue 4): 42336 / 43200 / 44064 seconds.
        Assert.Equal(42336, Math.Round(window.Earliest.TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(43200), window.Nominal);
        Assert.Equal(44064, Math.Round(window.Latest.TotalSeconds));
        Assert.InRange(window.Earliest - TimeSpan.FromSeconds(42336), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
        Assert.InRange(TimeSpan.FromSeconds(44064) - window.Latest, TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
    }

    /// <summary>
    /// istio/istio security/pkg/nodeagent/cache/secretcache_test.go TestRotateTime (no jitter): created, expire,
    /// grace period ratio and the expected delay from now, with minutes relative to now.
    /// </summary>
    public static TheoryData<string, int, int, double, int> IstioRotateTimeCases() => new()
    {
        { "already expired", -2, -1, 0.5, 0 },
        { "grace period .50", 0, 60, 0.5, 30 },
        { "grace period .25", 0, 60, 0.25, 45 },
        { "grace period .75", 0, 60, 0.75, 15 },
        { "grace period 1", 0, 60, 1, 0 },
        { "grace period 0", 0, 60, 0, 60 },
        { "grace period .25 shifted", 30, 90, 0.25, 75 },
    };

    [Theory]
    [MemberData(nameof(IstioRotateTimeCases))]
    public void RotationTime_matches_istio_TestRotateTime(string name, int createdMinutes, int expireMinutes, double ratio, int expectedDelayMinutes)
    {
        _ = name;
        var clock = new FakeTimeProvider(Issued);
        DateTimeOffset now = clock.GetUtcNow();
        var rotation = new WorkloadRotation(ratio, 0);

        WorkloadRotationTime time = rotation.RotationTime(
            now.AddMinutes(createdMinutes), now.AddMinutes(expireMinutes), clock, new Random(1));

        Assert.Equal(TimeSpan.FromMinutes(expectedDelayMinutes), time.Delay);
        Assert.Equal(now + time.Delay, time.RotateAt);
    }

    [Fact]
    public void Rotation_is_never_in_the_past()
    {
        var clock = new FakeTimeProvider(Issued);
        DateTimeOffset notAfter = Issued.AddHours(24);
        clock.Advance(TimeSpan.FromHours(20)); // the agent was asleep past the rotation point

        WorkloadRotationTime time = WorkloadRotation.Default.RotationTime(Issued, notAfter, clock, new Random(7));

        Assert.Equal(TimeSpan.Zero, time.Delay);
        Assert.Equal(clock.GetUtcNow(), time.RotateAt);
    }

    [Fact]
    public void Delay_counts_from_now_and_the_rotation_time_from_creation()
    {
        var clock = new FakeTimeProvider(Issued);
        clock.Advance(TimeSpan.FromHours(2));

        WorkloadRotationTime time = new WorkloadRotation(0.5, 0).RotationTime(Issued, Issued.AddHours(24), clock, new Random(3));

        Assert.Equal(Issued.AddHours(12), time.RotateAt);
        Assert.Equal(TimeSpan.FromHours(10), time.Delay);
    }

    [Theory]
    [InlineData(0.995, 0.01, 0, 180, 540)]  // ratio + jitter clamps to 1: earliest is issuance itself
    [InlineData(0.005, 0.01, 35460, 35820, 36000)] // ratio - jitter clamps to 0: latest is expiry
    [InlineData(1.5, 0.01, 0, 0, 0)]        // ratio above 1: rotate at once
    [InlineData(-0.5, 0.01, 36000, 36000, 36000)] // ratio below 0: rotate at expiry
    [InlineData(0.5, -0.01, 17640, 18000, 18360)]  // a negative jitter setting draws both ways like a positive one
    public void Ratio_plus_or_minus_jitter_is_clamped_to_0_1(double ratio, double jitter, int earliest, int nominal, int latest)
    {
        WorkloadRotationWindow window = new WorkloadRotation(ratio, jitter).Window(TimeSpan.FromHours(10));

        Assert.Equal(earliest, Math.Round(window.Earliest.TotalSeconds));
        Assert.Equal(nominal, Math.Round(window.Nominal.TotalSeconds));
        Assert.Equal(latest, Math.Round(window.Latest.TotalSeconds));
    }

    [Fact]
    public void A_draw_is_inside_the_window_and_the_sampled_value_is_reproducible_for_a_seed()
    {
        WorkloadRotation rotation = WorkloadRotation.Default;
        TimeSpan lifetime = TimeSpan.FromHours(24);
        WorkloadRotationWindow window = rotation.Window(lifetime);

        double first = WorkloadRotation.DrawJitter(new Random(42));
        double again = WorkloadRotation.DrawJitter(new Random(42));
        Assert.Equal(first, again);

        var random = new Random(2026);
        for (int i = 0; i < 200; i++)
        {
            double draw = WorkloadRotation.DrawJitter(random);
            Assert.InRange(draw, -1, 1);
            Assert.InRange(rotation.OffsetFromIssuance(lifetime, draw), window.Earliest, window.Latest);
        }
    }

    [Fact]
    public void Arguments_outside_the_model_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkloadRotation.Default.Window(TimeSpan.FromHours(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkloadRotation.Default.OffsetFromIssuance(TimeSpan.FromHours(1), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkloadRotation.Default.OffsetFromIssuance(TimeSpan.FromHours(1), double.NaN));
        Assert.Throws<ArgumentException>(() => new WorkloadRotation(double.NaN, 0.01).Window(TimeSpan.FromHours(1)));
        Assert.Throws<ArgumentException>(() => new WorkloadRotation(0.5, double.PositiveInfinity).Window(TimeSpan.FromHours(1)));
        Assert.Throws<ArgumentException>(() => WorkloadRotation.Default.RotationTime(Issued, Issued.AddHours(-1), Issued, 0));
        Assert.Throws<ArgumentNullException>(() => WorkloadRotation.DrawJitter(null!));
        Assert.Throws<ArgumentNullException>(() => WorkloadRotation.Default.RotationTime(Issued, Issued.AddHours(1), null!, new Random(1)));
    }

    [Property(MaxTest = 1000)]
    public Property Rotation_offsets_are_ordered_earliest_nominal_latest_and_inside_the_lifetime()
    {
        Gen<(double Ratio, double Jitter, long Seconds, double Draw)> cases =
            from ratio in Gen.Choose(-200, 1200).Select(x => x / 1000.0)
            from jitter in Gen.Choose(-300, 300).Select(x => x / 1000.0)
            from seconds in Gen.Choose(0, 400 * 24 * 3600).Select(x => (long)x)
            from draw in Gen.Choose(-999_999, 999_999).Select(x => x / 1_000_000.0)
            select (ratio, jitter, seconds, draw);

        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var rotation = new WorkloadRotation(c.Ratio, c.Jitter);
            TimeSpan lifetime = TimeSpan.FromSeconds(c.Seconds);
            WorkloadRotationWindow window = rotation.Window(lifetime);
            Assert.True(window.Earliest <= window.Nominal, $"{window}");
            Assert.True(window.Nominal <= window.Latest, $"{window}");
            Assert.InRange(window.Earliest, TimeSpan.Zero, lifetime);
            Assert.InRange(window.Latest, TimeSpan.Zero, lifetime);
            Assert.InRange(rotation.OffsetFromIssuance(lifetime, c.Draw), window.Earliest, window.Latest);
        });
    }
}
