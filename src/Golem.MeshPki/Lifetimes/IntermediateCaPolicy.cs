using System.Globalization;
using Golem.MeshPki.Rules;

namespace Golem.MeshPki.Lifetimes;

/// <summary>
/// The lifetime of the mesh's intermediate CA as a cert-manager <c>Certificate</c> sets it: <c>spec.duration</c>,
/// <c>spec.renewBefore</c> and <c>spec.renewBeforePercentage</c>.
/// </summary>
/// <remarks>
/// Immutable; an unset property is absent from the Certificate (cert-manager's defaults apply: 90 days, renewal at
/// one third before expiry). Construction never throws: call <see cref="Validate"/> for what cert-manager's webhook
/// rejects (MPKI2004, MPKI2005, MPKI2006), the same rules <c>meshpki lint</c> applies to YAML.
/// </remarks>
public sealed record IntermediateCaPolicy
{
    /// <summary>A policy with none of the settings: cert-manager's defaults.</summary>
    public IntermediateCaPolicy()
    {
    }

    /// <summary>A policy with the given settings.</summary>
    /// <param name="duration"><c>spec.duration</c>, or <see langword="null"/> for cert-manager's default, 90 days.</param>
    /// <param name="renewBefore"><c>spec.renewBefore</c>, or <see langword="null"/> when absent.</param>
    /// <param name="renewBeforePercentage"><c>spec.renewBeforePercentage</c>, or <see langword="null"/> when absent.</param>
    public IntermediateCaPolicy(TimeSpan? duration, TimeSpan? renewBefore = null, int? renewBeforePercentage = null)
    {
        Duration = duration;
        RenewBefore = renewBefore;
        RenewBeforePercentage = renewBeforePercentage;
    }

    /// <summary>
    /// A policy from a cert-manager <c>Certificate</c>'s spec as written in YAML: durations are Go duration strings
    /// (<c>720h</c>, <c>168h</c>), read as cert-manager reads them (<c>metav1.Duration</c>, Go's
    /// <c>time.ParseDuration</c>). A setting left <see langword="null"/> is absent from the Certificate.
    /// </summary>
    /// <param name="duration"><c>spec.duration</c> (absent: cert-manager's default, 90 days).</param>
    /// <param name="renewBefore"><c>spec.renewBefore</c>.</param>
    /// <param name="renewBeforePercentage"><c>spec.renewBeforePercentage</c>.</param>
    /// <returns>The policy; call <see cref="Validate"/> for what cert-manager's webhook would reject.</returns>
    /// <exception cref="FormatException">A duration is not a Go duration; the message names the field, quotes the value and says what is wrong.</exception>
    public static IntermediateCaPolicy FromCertManagerSpec(string? duration = null, string? renewBefore = null, int? renewBeforePercentage = null) =>
        new(
            duration is null ? null : GoDurationSetting.Parse("spec.duration", duration),
            renewBefore is null ? null : GoDurationSetting.Parse("spec.renewBefore", renewBefore),
            renewBeforePercentage);

    /// <summary><c>spec.duration</c>, or <see langword="null"/> when absent (cert-manager's default, 90 days).</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary><c>spec.renewBefore</c>, or <see langword="null"/> when absent.</summary>
    public TimeSpan? RenewBefore { get; init; }

    /// <summary><c>spec.renewBeforePercentage</c>, or <see langword="null"/> when absent.</summary>
    public int? RenewBeforePercentage { get; init; }

    /// <summary>Checks the policy as cert-manager's webhook does: MPKI2004, MPKI2005 and MPKI2006.</summary>
    /// <returns>The findings, empty when cert-manager admits the Certificate.</returns>
    public IReadOnlyList<Finding> Validate()
    {
        var findings = new List<Finding>();
        // A value beyond Go's int64 nanoseconds (about 292 years) cannot be written in a Certificate at all
        // (metav1.Duration), so the webhook's checks have nothing to say about it.
        if (!CertManagerCertificateValidation.WebhookChecksDuration(Duration, RenewBefore) || !FitsGoDuration(Duration) || !FitsGoDuration(RenewBefore))
        {
            return findings.AsReadOnly();
        }

        string minimumRenewBefore = GoDuration.FromTimeSpan(LifetimeRuleThresholds.MinimumRenewBefore).Format();
        foreach (CertManagerValidationError error in CertManagerCertificateValidation.ValidateDuration(Duration, RenewBefore, RenewBeforePercentage))
        {
            RuleDescriptor rule;
            if (error.Detail.Contains("mutually exclusive", StringComparison.Ordinal))
            {
                // Reported for both fields; one finding.
                if (error.Field != "spec.renewBeforePercentage")
                {
                    continue;
                }

                rule = RuleCatalog.RenewBeforeSetTwice;
            }
            else if (error.Field == "spec.duration" || error.Detail.EndsWith("greater than " + minimumRenewBefore, StringComparison.Ordinal))
            {
                rule = RuleCatalog.CertManagerDurationTooShort;
            }
            else
            {
                rule = RuleCatalog.RenewBeforeNotBelowDuration;
            }

            findings.Add(new Finding(rule, Message(LifetimeRuleMessages.CertManagerWebhookRejectsIntermediate, error.Field, error.Value, error.Detail)));
        }

        return findings.AsReadOnly();
    }

    private static bool FitsGoDuration(TimeSpan? value) => value is not { } known || GoDuration.Fits(known);

    private static string Message(string format, params object?[] arguments) => string.Format(CultureInfo.InvariantCulture, format, arguments);
}
