using System.Globalization;
using Golem.MeshPki.Rules;

namespace Golem.MeshPki.Lifetimes;

/// <summary>One error cert-manager's webhook reports, as a Kubernetes <c>field.Invalid</c>.</summary>
/// <param name="Field">The field path, e.g. <c>spec.renewBefore</c>.</param>
/// <param name="Value">The rejected value as Go prints it (a Go duration or a number).</param>
/// <param name="Detail">cert-manager's message, verbatim.</param>
public readonly record struct CertManagerValidationError(string Field, string Value, string Detail);

/// <summary>
/// The duration checks of cert-manager's admission webhook for a <c>Certificate</c>, as
/// cert-manager/cert-manager internal/apis/certmanager/validation/certificate.go <c>ValidateDuration</c>
/// makes them, with its messages verbatim.
/// </summary>
/// <remarks>
/// The comparisons are not what the messages say: a duration of exactly 1h and a renewBefore of exactly 5m
/// pass ("must be greater than" is checked as "not less than"), while renewBefore equal to the duration fails.
/// <c>ValidateCertificateSpec</c> runs these checks only when <c>spec.duration</c> or <c>spec.renewBefore</c> is set.
/// </remarks>
public static class CertManagerCertificateValidation
{
    /// <summary>The shortest duration the webhook accepts, 1 hour (<c>cmapi.MinimumCertificateDuration</c>).</summary>
    public static TimeSpan MinimumCertificateDuration => LifetimeRuleThresholds.MinimumCertificateDuration;

    /// <summary>The shortest renewBefore the webhook accepts, 5 minutes (<c>cmapi.MinimumRenewBefore</c>).</summary>
    public static TimeSpan MinimumRenewBefore => LifetimeRuleThresholds.MinimumRenewBefore;

    /// <summary>Whether the webhook runs <see cref="ValidateDuration"/> for a spec: only when duration or renewBefore is set.</summary>
    /// <param name="duration"><c>spec.duration</c>, or null when absent.</param>
    /// <param name="renewBefore"><c>spec.renewBefore</c>, or null when absent.</param>
    /// <returns>Whether the duration checks run.</returns>
    public static bool WebhookChecksDuration(TimeSpan? duration, TimeSpan? renewBefore) => duration is not null || renewBefore is not null;

    /// <summary>
    /// The errors <c>ValidateDuration</c> reports: duration &lt; 1h; renewBefore and renewBeforePercentage both set;
    /// renewBefore &lt; 5m; renewBefore &gt;= duration; a percentage whose <c>duration * (100 - p) / 100</c> (int64
    /// nanoseconds, wrapping as Go does) is below 5m or not below the duration.
    /// </summary>
    /// <param name="duration"><c>spec.duration</c>, or null for the 90-day default.</param>
    /// <param name="renewBefore"><c>spec.renewBefore</c>, or null when absent.</param>
    /// <param name="renewBeforePercentage"><c>spec.renewBeforePercentage</c>, or null when absent.</param>
    /// <returns>The errors, in cert-manager's order; empty when the webhook accepts the settings.</returns>
    public static IReadOnlyList<CertManagerValidationError> ValidateDuration(TimeSpan? duration, TimeSpan? renewBefore, int? renewBeforePercentage)
    {
        var errors = new List<CertManagerValidationError>();
        GoDuration effective = GoDuration.FromTimeSpan(duration ?? CertManagerRenewal.DefaultDuration);
        GoDuration minimumDuration = GoDuration.FromTimeSpan(MinimumCertificateDuration);
        GoDuration minimumRenewBefore = GoDuration.FromTimeSpan(MinimumRenewBefore);

        if (effective < minimumDuration)
        {
            errors.Add(new("spec.duration", effective.Format(), Detail(LifetimeRuleMessages.CertManagerDurationTooShortDetail, minimumDuration)));
        }

        const string MutuallyExclusive = LifetimeRuleMessages.CertManagerRenewBeforeMutuallyExclusiveDetail;
        if (renewBefore is TimeSpan both && renewBeforePercentage is int bothPercentage)
        {
            errors.Add(new("spec.renewBefore", GoDuration.FromTimeSpan(both).Format(), MutuallyExclusive));
            errors.Add(new("spec.renewBeforePercentage", bothPercentage.ToString(CultureInfo.InvariantCulture), MutuallyExclusive));
        }

        if (renewBefore is TimeSpan rbSpan)
        {
            GoDuration rb = GoDuration.FromTimeSpan(rbSpan);
            if (rb < minimumRenewBefore)
            {
                errors.Add(new("spec.renewBefore", rb.Format(), Detail(LifetimeRuleMessages.CertManagerRenewBeforeTooShortDetail, minimumRenewBefore)));
            }

            if (rb >= effective)
            {
                errors.Add(new("spec.renewBefore", rb.Format(), Detail(LifetimeRuleMessages.CertManagerRenewBeforeNotBelowDurationDetail, effective, rb)));
            }
        }

        if (renewBeforePercentage is int p)
        {
            // Go: renewBefore := duration * time.Duration(100-p) / 100, in int64 nanoseconds that wrap on
            // overflow (a 10-year duration with p = 50 wraps negative and is rejected as below 5m).
            var computed = new GoDuration(unchecked(effective.Nanoseconds * (100L - p)) / 100);
            string value = p.ToString(CultureInfo.InvariantCulture);
            if (computed < minimumRenewBefore)
            {
                errors.Add(new("spec.renewBeforePercentage", value, Detail(LifetimeRuleMessages.CertManagerPercentageTooShortDetail, minimumRenewBefore)));
            }

            if (computed >= effective)
            {
                errors.Add(new("spec.renewBeforePercentage", value, LifetimeRuleMessages.CertManagerPercentageNotBelowDurationDetail));
            }
        }

        return errors;
    }

    private static string Detail(string format, params object[] arguments) => string.Format(CultureInfo.InvariantCulture, format, arguments);
}
