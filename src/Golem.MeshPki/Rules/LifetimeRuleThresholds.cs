namespace Golem.MeshPki.Rules;

/// <summary>
/// The thresholds of the MPKI2xxx lifetime rules, in one place: <c>meshpki lint</c>, the library's run-time policy
/// checks and the Roslyn analyzers (which compile this file as linked source) read the same values.
/// </summary>
/// <remarks>
/// Plain C# that compiles for netstandard2.0 (the analyzers) and net10.0 (the library): no records, no collection
/// expressions, no API newer than netstandard2.0. A change here changes every surface at once.
/// </remarks>
internal static class LifetimeRuleThresholds
{
    /// <summary>
    /// MPKI2001: the grace period ratio must be inside (0, 1) exclusive. istio-agent clamps ratio + jitter to [0, 1]
    /// (istio/istio security/pkg/nodeagent/cache/secretcache.go <c>rotateTime</c>): 0 rotates at expiry, 1 at once.
    /// </summary>
    public const double MinimumGracePeriodRatioExclusive = 0.0;

    /// <summary>MPKI2001: the upper, exclusive bound of the grace period ratio (see <see cref="MinimumGracePeriodRatioExclusive"/>).</summary>
    public const double MaximumGracePeriodRatioExclusive = 1.0;

    /// <summary>
    /// MPKI2001 (warning), issue 4: rotating more often than every 10% of the TTL (ratio above 0.9) multiplies CSR
    /// load on istiod for no gain.
    /// </summary>
    public const double MaximumUsefulGracePeriodRatio = 0.9;

    /// <summary>
    /// MPKI2001 (warning), issue 4: rotation must leave at least this long between the latest jittered rotation and
    /// expiry, for istiod outages and retries (istio-agent retries CSRs with backoff; a certificate that expires first
    /// drops traffic).
    /// </summary>
    public static readonly TimeSpan MinimumRotationSlack = TimeSpan.FromHours(1);

    /// <summary>
    /// MPKI2002: istiod's default <c>MAX_WORKLOAD_CERT_TTL</c>, 90 days (istio/istio pilot/pkg/features/security.go
    /// <c>MaxWorkloadCertTTL</c>); a CSR asking for more fails with <c>TTL_ERROR</c> (security/pkg/pki/ca/ca.go).
    /// </summary>
    public static readonly TimeSpan DefaultMaxWorkloadCertTtl = TimeSpan.FromDays(90);

    /// <summary>istiod's default <c>DEFAULT_WORKLOAD_CERT_TTL</c>, 24 hours (pilot/pkg/features/security.go).</summary>
    public static readonly TimeSpan DefaultWorkloadCertTtl = TimeSpan.FromHours(24);

    /// <summary>istio-agent's default <c>SECRET_TTL</c>, 24 hours (pkg/istio-agent and security/pkg/nodeagent options).</summary>
    public static readonly TimeSpan DefaultSecretTtl = TimeSpan.FromHours(24);

    /// <summary>istio-agent's default <c>SECRET_GRACE_PERIOD_RATIO</c>, 0.5.</summary>
    public const double DefaultGracePeriodRatio = 0.5;

    /// <summary>istio-agent's default <c>SECRET_GRACE_PERIOD_RATIO_JITTER</c>, 0.01.</summary>
    public const double DefaultGracePeriodRatioJitter = 0.01;

    /// <summary>
    /// MPKI2005: the shortest duration cert-manager's webhook accepts, 1 hour (cert-manager
    /// pkg/apis/certmanager/v1 <c>MinimumCertificateDuration</c>).
    /// </summary>
    public static readonly TimeSpan MinimumCertificateDuration = TimeSpan.FromHours(1);

    /// <summary>MPKI2005: the shortest renewBefore cert-manager's webhook accepts, 5 minutes (<c>MinimumRenewBefore</c>).</summary>
    public static readonly TimeSpan MinimumRenewBefore = TimeSpan.FromMinutes(5);

    /// <summary>cert-manager's default Certificate duration, 90 days (<c>DefaultCertificateDuration</c>).</summary>
    public static readonly TimeSpan DefaultCertificateDuration = TimeSpan.FromDays(90);

    /// <summary>MPKI2010 (warning), issue 4: below 1 hour, istiod's signing load grows for no security gain.</summary>
    public static readonly TimeSpan MinimumWorkloadTtl = TimeSpan.FromHours(1);
}
