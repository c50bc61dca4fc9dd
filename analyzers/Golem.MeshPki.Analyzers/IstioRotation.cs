namespace Golem.MeshPki.Analyzers;

/// <summary>
/// When istio-agent rotates a workload certificate, as istio/istio security/pkg/nodeagent/cache/secretcache.go
/// <c>rotateTime</c> computes it: <c>ratio = clamp(graceRatio + jitter, 0, 1)</c>, <c>gracePeriod =
/// time.Duration(ratio * float64(lifetime))</c>, rotation at <c>expiry - gracePeriod</c>. The library's
/// <c>WorkloadRotation</c> computes the same; a test compares them.
/// </summary>
internal static class IstioRotation
{
    // 2^63: the first double beyond int64.
    private const double Int64Bound = 9223372036854775808.0;

    /// <summary>The rotation offset from issuance for a ratio (the jitter already added).</summary>
    public static TimeSpan OffsetFromIssuance(TimeSpan lifetime, double ratio) =>
        TryOffsetFromIssuance(lifetime, ratio, out TimeSpan offset) ? offset : throw new OverflowException("The grace period does not fit in int64 nanoseconds.");

    /// <summary>
    /// The rotation offset from issuance for a ratio (the jitter already added), unless the grace period does not fit in
    /// int64 nanoseconds: Go's conversion of such a float is undefined, and the library's (checked) throws.
    /// </summary>
    public static bool TryOffsetFromIssuance(TimeSpan lifetime, double ratio, out TimeSpan offset)
    {
        double clamped = Math.Min(Math.Max(ratio, 0), 1);

        // Go truncates the float product of int64 nanoseconds toward zero; then to whole 100 ns ticks.
        double gracePeriodNanoseconds = clamped * (lifetime.Ticks * 100.0);
        if (gracePeriodNanoseconds >= Int64Bound)
        {
            offset = default;
            return false;
        }

        offset = lifetime - TimeSpan.FromTicks((long)gracePeriodNanoseconds / 100);
        return true;
    }

    /// <summary>The time between the latest rotation (ratio - |jitter|) and expiry: what is left to retry a failed CSR.</summary>
    public static TimeSpan Slack(TimeSpan lifetime, double ratio, double jitter) =>
        lifetime - OffsetFromIssuance(lifetime, ratio - Math.Abs(jitter));

    /// <summary>
    /// <see cref="Slack"/>, when the whole rotation window (earliest, nominal and latest, as the library's
    /// <c>WorkloadRotation.Window</c> computes them) fits in int64 nanoseconds.
    /// </summary>
    public static bool TrySlack(TimeSpan lifetime, double ratio, double jitter, out TimeSpan slack)
    {
        slack = default;
        if (!TryOffsetFromIssuance(lifetime, ratio + Math.Abs(jitter), out _)
            || !TryOffsetFromIssuance(lifetime, ratio, out _)
            || !TryOffsetFromIssuance(lifetime, ratio - Math.Abs(jitter), out TimeSpan latest))
        {
            return false;
        }

        slack = lifetime - latest;
        return true;
    }
}
