using Golem.MeshPki.Rules;

namespace Golem.MeshPki.Lifetimes;

/// <summary>
/// When istio-agent rotates a workload certificate, computed as its <c>rotateTime</c> does
/// (istio/istio security/pkg/nodeagent/cache/secretcache.go):
/// <c>jitter = rand.Float64() * graceRatioJitter * (rand.IntN(2)*2-1)</c>;
/// <c>ratio = clamp(graceRatio + jitter, 0, 1)</c>; <c>lifetime = ExpireTime - CreatedTime</c>;
/// <c>gracePeriod = time.Duration(ratio * float64(lifetime))</c> (truncated to the nanosecond);
/// rotation at <c>ExpireTime - gracePeriod</c>, and at once when that is already past.
/// </summary>
/// <remarks>
/// <c>CreatedTime</c> is the agent's clock when the certificate arrived, not the certificate's NotBefore
/// (which istiod backdates): the lifetime the agent uses is a little shorter than NotAfter - NotBefore.
/// </remarks>
/// <param name="GracePeriodRatio"><c>SECRET_GRACE_PERIOD_RATIO</c>: the share of the lifetime left when the agent rotates.</param>
/// <param name="GracePeriodRatioJitter"><c>SECRET_GRACE_PERIOD_RATIO_JITTER</c>: the largest random change to the ratio, either way.</param>
public readonly record struct WorkloadRotation(double GracePeriodRatio, double GracePeriodRatioJitter)
{
    /// <summary>istio-agent's default <c>SECRET_TTL</c>, 24 hours: the lifetime it asks istiod for.</summary>
    public static TimeSpan DefaultSecretTtl => LifetimeRuleThresholds.DefaultSecretTtl;

    /// <summary>istio-agent's default <c>SECRET_GRACE_PERIOD_RATIO</c>, 0.5.</summary>
    public const double DefaultGracePeriodRatio = LifetimeRuleThresholds.DefaultGracePeriodRatio;

    /// <summary>istio-agent's default <c>SECRET_GRACE_PERIOD_RATIO_JITTER</c>, 0.01.</summary>
    public const double DefaultGracePeriodRatioJitter = LifetimeRuleThresholds.DefaultGracePeriodRatioJitter;

    /// <summary>istio-agent's defaults: ratio 0.5, jitter 0.01.</summary>
    public static WorkloadRotation Default => new(DefaultGracePeriodRatio, DefaultGracePeriodRatioJitter);

    /// <summary>
    /// The range of rotation times for a certificate of the given lifetime, counted from issuance
    /// (<c>CreatedTime</c>). For 24h, 0.5 and 0.01: 42336 s, 43200 s, 44064 s.
    /// </summary>
    /// <param name="lifetime">The certificate's lifetime as the agent sees it (<c>ExpireTime - CreatedTime</c>).</param>
    /// <returns>The earliest, nominal (no jitter) and latest rotation offsets. A random draw is in [0, 1), so both bounds are approached but not reached unless clamped.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lifetime"/> is negative.</exception>
    /// <exception cref="ArgumentException">The ratio or jitter is not a finite number.</exception>
    public WorkloadRotationWindow Window(TimeSpan lifetime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lifetime, TimeSpan.Zero);
        ThrowIfNotFinite();
        return new WorkloadRotationWindow(
            Earliest: OffsetForRatio(lifetime, GracePeriodRatio + Math.Abs(GracePeriodRatioJitter)),
            Nominal: OffsetForRatio(lifetime, GracePeriodRatio),
            Latest: OffsetForRatio(lifetime, GracePeriodRatio - Math.Abs(GracePeriodRatioJitter)));
    }

    /// <summary>
    /// The rotation offset from issuance for one jitter draw, as <c>rotateTime</c> computes it before it
    /// subtracts the current time.
    /// </summary>
    /// <param name="lifetime">The certificate's lifetime as the agent sees it (<c>ExpireTime - CreatedTime</c>).</param>
    /// <param name="signedDraw">Go's <c>rand.Float64() * (rand.IntN(2)*2-1)</c>: a value in (-1, 1).</param>
    /// <returns>How long after issuance the agent rotates.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lifetime"/> is negative, or <paramref name="signedDraw"/> is outside (-1, 1).</exception>
    /// <exception cref="ArgumentException">The ratio or jitter is not a finite number.</exception>
    public TimeSpan OffsetFromIssuance(TimeSpan lifetime, double signedDraw)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lifetime, TimeSpan.Zero);
        if (!(signedDraw is > -1 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(signedDraw), signedDraw, "A jitter draw is in (-1, 1).");
        }

        ThrowIfNotFinite();
        return OffsetForRatio(lifetime, GracePeriodRatio + (GracePeriodRatioJitter * signedDraw));
    }

    /// <summary>Draws one jitter value the way istio-agent does: <c>rand.Float64()</c>, then a sign from <c>rand.IntN(2)</c>.</summary>
    /// <param name="random">The random source.</param>
    /// <returns>A value in (-1, 1) for <see cref="OffsetFromIssuance(TimeSpan, double)"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    public static double DrawJitter(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double fraction = random.NextDouble();
        int sign = (random.Next(2) * 2) - 1;
        return fraction * sign;
    }

    /// <summary>
    /// When the agent rotates a certificate it received at <paramref name="createdTime"/> and that expires at
    /// <paramref name="notAfter"/>, for one jitter draw; never before <paramref name="now"/>.
    /// </summary>
    /// <param name="createdTime">The agent's clock when the certificate arrived (<c>CreatedTime</c>).</param>
    /// <param name="notAfter">The certificate's NotAfter (<c>ExpireTime</c>).</param>
    /// <param name="now">The current time.</param>
    /// <param name="signedDraw">A jitter draw in (-1, 1) (<see cref="DrawJitter"/>).</param>
    /// <returns>The rotation time and the delay from <paramref name="now"/> (zero when already due).</returns>
    /// <exception cref="ArgumentException"><paramref name="notAfter"/> is before <paramref name="createdTime"/>, or the ratio or jitter is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="signedDraw"/> is outside (-1, 1).</exception>
    public WorkloadRotationTime RotationTime(DateTimeOffset createdTime, DateTimeOffset notAfter, DateTimeOffset now, double signedDraw)
    {
        if (notAfter < createdTime)
        {
            throw new ArgumentException($"The certificate's NotAfter '{notAfter:O}' is before its creation time '{createdTime:O}'.", nameof(notAfter));
        }

        TimeSpan offset = OffsetFromIssuance(notAfter - createdTime, signedDraw);
        DateTimeOffset rotateAt = createdTime + offset;

        // rotateTime: delay := time.Until(ExpireTime - gracePeriod); if delay < 0 { delay = 0 }.
        return rotateAt < now ? new WorkloadRotationTime(now, TimeSpan.Zero) : new WorkloadRotationTime(rotateAt, rotateAt - now);
    }

    /// <summary>
    /// <see cref="RotationTime(DateTimeOffset, DateTimeOffset, DateTimeOffset, double)"/> with the current time
    /// from <paramref name="timeProvider"/> and a draw from <paramref name="random"/>.
    /// </summary>
    /// <param name="createdTime">The agent's clock when the certificate arrived (<c>CreatedTime</c>).</param>
    /// <param name="notAfter">The certificate's NotAfter (<c>ExpireTime</c>).</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="random">The random source for the jitter.</param>
    /// <returns>The rotation time and the delay from now.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> or <paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="notAfter"/> is before <paramref name="createdTime"/>, or the ratio or jitter is not finite.</exception>
    public WorkloadRotationTime RotationTime(DateTimeOffset createdTime, DateTimeOffset notAfter, TimeProvider timeProvider, Random random)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return RotationTime(createdTime, notAfter, timeProvider.GetUtcNow(), DrawJitter(random));
    }

    /// <summary>
    /// Whether <see cref="Window"/> can be computed for the lifetime: every grace period of the window fits in Go's
    /// int64 nanoseconds (a lifetime of up to about 292 years). istio-agent never holds a longer certificate; its
    /// float-to-int64 conversion would be undefined, and <see cref="Window"/> throws <see cref="OverflowException"/>.
    /// </summary>
    internal bool WindowFits(TimeSpan lifetime) =>
        GracePeriodFits(lifetime, GracePeriodRatio + Math.Abs(GracePeriodRatioJitter))
        && GracePeriodFits(lifetime, GracePeriodRatio)
        && GracePeriodFits(lifetime, GracePeriodRatio - Math.Abs(GracePeriodRatioJitter));

    // 2^63, the first double beyond int64: the (long) conversion in OffsetForRatio overflows from there.
    private static bool GracePeriodFits(TimeSpan lifetime, double ratio) =>
        Math.Clamp(ratio, 0, 1) * (lifetime.Ticks * 100.0) < 9223372036854775808.0;

    private static TimeSpan OffsetForRatio(TimeSpan lifetime, double ratio)
    {
        double clamped = Math.Clamp(ratio, 0, 1);

        // Go works in int64 nanoseconds and truncates the float product toward zero; a tick is 100 ns, so the
        // result is truncated again to whole ticks (below what any schedule shows).
        double lifetimeNanoseconds = lifetime.Ticks * 100.0;
        long gracePeriodNanoseconds = (long)(clamped * lifetimeNanoseconds);
        long gracePeriodTicks = gracePeriodNanoseconds / 100;
        return lifetime - TimeSpan.FromTicks(gracePeriodTicks);
    }

    private void ThrowIfNotFinite()
    {
        if (!double.IsFinite(GracePeriodRatio))
        {
            throw new ArgumentException($"The grace period ratio '{GracePeriodRatio}' is not a finite number.", nameof(GracePeriodRatio));
        }

        if (!double.IsFinite(GracePeriodRatioJitter))
        {
            throw new ArgumentException($"The grace period ratio jitter '{GracePeriodRatioJitter}' is not a finite number.", nameof(GracePeriodRatioJitter));
        }
    }
}

/// <summary>The rotation offsets from issuance for a workload certificate: earliest &lt;= nominal &lt;= latest.</summary>
/// <param name="Earliest">With the largest jitter toward a longer grace period (ratio + jitter, clamped).</param>
/// <param name="Nominal">Without jitter (the ratio, clamped).</param>
/// <param name="Latest">With the largest jitter toward a shorter grace period (ratio - jitter, clamped).</param>
public readonly record struct WorkloadRotationWindow(TimeSpan Earliest, TimeSpan Nominal, TimeSpan Latest);

/// <summary>When istio-agent rotates a workload certificate.</summary>
/// <param name="RotateAt">The rotation time; never before the time it was computed at.</param>
/// <param name="Delay">How long from the time it was computed at (zero when already due).</param>
public readonly record struct WorkloadRotationTime(DateTimeOffset RotateAt, TimeSpan Delay);
