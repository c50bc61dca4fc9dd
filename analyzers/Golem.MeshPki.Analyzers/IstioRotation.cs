namespace Golem.MeshPki.Analyzers;

/// <summary>
/// When istio-agent rotates a workload certificate, as istio/istio security/pkg/nodeagent/cache/secretcache.go
/// <c>rotateTime</c> computes it: <c>ratio = clamp(graceRatio + jitter, 0, 1)</c>, <c>gracePeriod =
/// time.Duration(ratio * float64(lifetime))</c>, rotation at <c>expiry - gracePeriod</c>. The library's
/// <c>WorkloadRotation</c> computes the same; a test compares them.
/// </summary>
internal static class IstioRotation
{
    /// <summary>The rotation offset from issuance for a ratio (the jitter already added).</summary>
    public static TimeSpan OffsetFromIssuance(TimeSpan lifetime, double ratio)
    {
        double clamped = Math.Min(Math.Max(ratio, 0), 1);

        // Go truncates the float product of int64 nanoseconds toward zero; then to whole 100 ns ticks.
        long gracePeriodNanoseconds = (long)(clamped * (lifetime.Ticks * 100.0));
        return lifetime - TimeSpan.FromTicks(gracePeriodNanoseconds / 100);
    }

    /// <summary>The time between the latest rotation (ratio - |jitter|) and expiry: what is left to retry a failed CSR.</summary>
    public static TimeSpan Slack(TimeSpan lifetime, double ratio, double jitter) =>
        lifetime - OffsetFromIssuance(lifetime, ratio - Math.Abs(jitter));
}
