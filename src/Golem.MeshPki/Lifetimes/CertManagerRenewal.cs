using Golem.MeshPki.Rules;

namespace Golem.MeshPki.Lifetimes;

/// <summary>Which setting cert-manager took its renew-before period from.</summary>
public enum CertManagerRenewBeforeSource
{
    /// <summary><c>spec.renewBefore</c>, used because 0 &lt; renewBefore &lt; lifetime.</summary>
    RenewBefore,

    /// <summary><c>spec.renewBeforePercentage</c>, used because renewBefore was not usable and 0 &lt; percentage &lt; 100.</summary>
    RenewBeforePercentage,

    /// <summary>Neither setting was usable: one third of the lifetime (renewal two thirds of the way through).</summary>
    OneThirdOfLifetime,
}

/// <summary>When cert-manager renews a certificate, and why.</summary>
/// <param name="RenewalTime">The renewal time, truncated to the second (what cert-manager stores in <c>status.renewalTime</c>).</param>
/// <param name="RenewBefore">The period before NotAfter that cert-manager used.</param>
/// <param name="Source">Which setting the period came from.</param>
public readonly record struct CertManagerRenewalTime(DateTimeOffset RenewalTime, TimeSpan RenewBefore, CertManagerRenewBeforeSource Source);

/// <summary>
/// cert-manager's renewal time for a certificate, computed as cert-manager/cert-manager
/// pkg/util/pki/renewaltime.go <c>RenewalTime</c> and <c>desiredRenewalTime</c> do (without renewal windows or ARI).
/// </summary>
public static class CertManagerRenewal
{
    private const long NanosecondsPerTick = 100;

    /// <summary>cert-manager's default <c>spec.duration</c>, 90 days (<c>cmapi.DefaultCertificateDuration</c>).</summary>
    public static TimeSpan DefaultDuration => LifetimeRuleThresholds.DefaultCertificateDuration;

    /// <summary>
    /// The renewal time of an issued certificate: lifetime = NotAfter - NotBefore; renewBefore if
    /// 0 &lt; renewBefore &lt; lifetime, else lifetime * percentage / 100 if 0 &lt; percentage &lt; 100, else lifetime / 3;
    /// renewal = NotAfter - that, truncated to the second.
    /// </summary>
    /// <remarks>
    /// The webhook rejects renewBefore &gt;= duration (<see cref="CertManagerCertificateValidation"/>), but the
    /// controller falls back to one third here, because the issuer may return a certificate shorter than asked.
    /// With NotBefore on a whole second (as X.509 times are), the result is within [NotBefore, NotAfter].
    /// The percentage is computed in float64 as the current source does (it once overflowed int64 for long
    /// lifetimes; cert-manager's TestRenewBefore pins the fix).
    /// </remarks>
    /// <param name="notBefore">The issued certificate's NotBefore (or the issuance time when planning).</param>
    /// <param name="notAfter">The issued certificate's NotAfter (or issuance + duration when planning).</param>
    /// <param name="renewBefore"><c>spec.renewBefore</c>, or null when absent.</param>
    /// <param name="renewBeforePercentage"><c>spec.renewBeforePercentage</c>, or null when absent.</param>
    /// <returns>The renewal time, the period used and where it came from.</returns>
    public static CertManagerRenewalTime RenewalTime(DateTimeOffset notBefore, DateTimeOffset notAfter, TimeSpan? renewBefore, int? renewBeforePercentage)
    {
        // Go's Time.Sub saturates at the int64 nanosecond range.
        long lifetime = SaturatingNanoseconds(notAfter.UtcTicks - notBefore.UtcTicks);

        long before;
        CertManagerRenewBeforeSource source;
        if (renewBefore is TimeSpan rb && rb > TimeSpan.Zero && SaturatingNanoseconds(rb.Ticks) < lifetime)
        {
            before = SaturatingNanoseconds(rb.Ticks);
            source = CertManagerRenewBeforeSource.RenewBefore;
        }
        else if (renewBeforePercentage is int p and > 0 and < 100)
        {
            before = (long)((double)lifetime * p / 100);
            source = CertManagerRenewBeforeSource.RenewBeforePercentage;
        }
        else
        {
            before = lifetime / 3;
            source = CertManagerRenewBeforeSource.OneThirdOfLifetime;
        }

        // notAfter.Add(-before).Truncate(time.Second): subtracting whole ticks rounded up gives the same second
        // as subtracting the exact nanoseconds, because second boundaries are whole ticks.
        long beforeTicks = (before / NanosecondsPerTick) + (before % NanosecondsPerTick == 0 ? 0 : 1);
        long renewalTicks = notAfter.UtcTicks - beforeTicks;
        renewalTicks -= renewalTicks % TimeSpan.TicksPerSecond;
        var renewal = new DateTimeOffset(renewalTicks, TimeSpan.Zero).ToOffset(notAfter.Offset);
        return new CertManagerRenewalTime(renewal, TimeSpan.FromTicks(before / NanosecondsPerTick), source);
    }

    private static long SaturatingNanoseconds(long ticks) => ticks switch
    {
        > long.MaxValue / NanosecondsPerTick => long.MaxValue,
        < long.MinValue / NanosecondsPerTick => long.MinValue,
        _ => ticks * NanosecondsPerTick,
    };
}
