namespace Golem.MeshPki.Rules;

/// <summary>
/// The message formats of the MPKI2xxx lifetime rules, in one place: <c>meshpki lint</c>, the library's run-time
/// policy checks and the Roslyn analyzers (which compile this file as linked source) say the same thing.
/// </summary>
/// <remarks>
/// Composite format strings for <see cref="string.Format(IFormatProvider, string, object[])"/> with the invariant
/// culture; each documents its arguments. Messages quote their values and end with a period (CONVENTIONS.md).
/// Plain C# that compiles for netstandard2.0 and net10.0.
/// </remarks>
internal static class LifetimeRuleMessages
{
    /// <summary>MPKI2001 error. {0}: the setting ("SECRET_GRACE_PERIOD_RATIO", "Grace period ratio"); {1}: its value; {2}: the effect.</summary>
    public const string GracePeriodRatioOutsideRange = "{0} '{1}' is outside (0, 1): {2}.";

    /// <summary>MPKI2001: the effect of a ratio at or below 0 (istio-agent clamps it to 0).</summary>
    public const string GracePeriodRatioAtOrBelowZeroEffect = "istio-agent rotates at expiry, so workloads hold an expired certificate until the new one arrives";

    /// <summary>MPKI2001: the effect of a ratio at or above 1 (istio-agent clamps it to 1).</summary>
    public const string GracePeriodRatioAtOrAboveOneEffect = "istio-agent rotates at once, on every certificate it receives";

    /// <summary>MPKI2001 warning. {0}: the ratio as written; {1}: the nominal rotation offset; {2}: the TTL described.</summary>
    public const string GracePeriodRatioRotatesTooOften = "SECRET_GRACE_PERIOD_RATIO '{0}' rotates workload certificates {1} after issuance with {2}, more often than every 10% of the TTL: CSR load on istiod for no gain.";

    /// <summary>MPKI2001 warning. {0}: ratio; {1}: jitter; {2}: the TTL described; {3}: the slack; {4}: the minimum slack.</summary>
    public const string RotationSlackTooShort = "SECRET_GRACE_PERIOD_RATIO {0} with jitter {1} and {2} leaves {3} between the latest rotation and expiry, less than {4}: an istiod outage that long lets workload certificates expire.";

    /// <summary>MPKI2002 (lint). {0}: the TTL described; {1}: the maximum described; {2}: istiod's error code; {3}: istiod's error text.</summary>
    public const string WorkloadTtlAboveMaximum = "{0} is above {1}: every workload CSR fails with {2} ({3}).";

    /// <summary>MPKI2002 (lint, warning). {0}: DEFAULT_WORKLOAD_CERT_TTL as written; {1}: the maximum described.</summary>
    public const string DefaultWorkloadTtlAboveMaximum = "DEFAULT_WORKLOAD_CERT_TTL '{0}' is above {1}: istiod does not refuse it, it issues certificates longer than its maximum to every client that requests no TTL.";

    /// <summary>MPKI2002 (code: run-time policy checks and analyzers). {0}: the TTL; {1}: the maximum (TimeSpan "c" format).</summary>
    public const string WorkloadCertificateTtlAboveMaximum = "Workload certificate TTL '{0}' exceeds istiod's maximum '{1}'; every CSR will fail with TTL_ERROR.";

    /// <summary>MPKI2010. {0}: the TTL described; {1}: the minimum.</summary>
    public const string WorkloadTtlTooShort = "{0} is below {1}: every workload renews its certificate that often, load on istiod for no security gain.";

    /// <summary>The name of the grace period ratio in code (C# API) messages.</summary>
    public const string GracePeriodRatioInCode = "Grace period ratio";

    /// <summary>MPKI2010 (code): how a workload TTL is described in code messages. {0}: the TTL (TimeSpan "c" format).</summary>
    public const string WorkloadCertificateTtlInCode = "Workload certificate TTL '{0}'";

    /// <summary>
    /// MPKI2003 (code: run-time policy checks and analyzers). {0}: the workload TTL described
    /// (<see cref="WorkloadCertificateTtlInCode"/>); {1}: the renewBefore cert-manager uses (TimeSpan "c" format);
    /// {2}: where it comes from, one of the <c>IntermediateRenewBeforeFrom*</c> texts.
    /// </summary>
    /// <remarks>1.31 is the release from which istiod clamps a workload certificate's NotAfter to its signer's (DOMAIN.md).</remarks>
    public const string WorkloadTtlNotBelowIntermediateRenewBefore = "{0} is not below the '{1}' before expiry at which cert-manager renews the intermediate ({2}): workload certificates signed just before the renewal would outlive it; before Istio 1.31 their chain expires first, from 1.31 on istiod cuts them short.";

    /// <summary>MPKI2003 (code): the intermediate's renewBefore is its own setting. {0}: its value (TimeSpan "c" format).</summary>
    public const string IntermediateRenewBeforeFromRenewBefore = "RenewBefore '{0}'";

    /// <summary>MPKI2003 (code): the renewBefore comes from the percentage. {0}: the percentage; {1}: the duration (TimeSpan "c" format).</summary>
    public const string IntermediateRenewBeforeFromPercentage = "RenewBeforePercentage {0} of Duration '{1}'";

    /// <summary>MPKI2003 (code): cert-manager's default, a third of the duration. {0}: the duration (TimeSpan "c" format).</summary>
    public const string IntermediateRenewBeforeFromDefault = "one third of Duration '{0}', cert-manager's default";

    /// <summary>
    /// MPKI2004-MPKI2006 (code: run-time policy checks and analyzers). {0}: the field (<c>spec.renewBefore</c>);
    /// {1}: its value (Go duration, or the percentage); {2}: cert-manager's detail, one of the <c>CertManager*Detail</c> formats.
    /// </summary>
    public const string CertManagerWebhookRejectsIntermediate = "cert-manager's webhook rejects the intermediate: {0}: Invalid value: \"{1}\": {2}.";

    /// <summary>MPKI2005, cert-manager's webhook detail (verbatim). {0}: the minimum duration (Go duration).</summary>
    public const string CertManagerDurationTooShortDetail = "certificate duration must be greater than {0}";

    /// <summary>MPKI2005, cert-manager's webhook detail (verbatim). {0}: the minimum renewBefore (Go duration).</summary>
    public const string CertManagerRenewBeforeTooShortDetail = "certificate renewBefore must be greater than {0}";

    /// <summary>
    /// MPKI2005, cert-manager's webhook detail (verbatim) for a percentage whose renewBefore (the webhook computes
    /// <c>duration * (100 - p) / 100</c>) is too short. {0}: the minimum renewBefore (Go duration).
    /// </summary>
    public const string CertManagerPercentageTooShortDetail = "certificate renewBeforePercentage must result in a renewBefore greater than {0}";

    /// <summary>MPKI2004, cert-manager's webhook detail (verbatim) for a percentage whose renewBefore is not below the duration.</summary>
    public const string CertManagerPercentageNotBelowDurationDetail = "certificate renewBeforePercentage must result in a renewBefore less than duration";

    /// <summary>MPKI2004, cert-manager's webhook detail (verbatim). {0}: the duration; {1}: renewBefore (Go durations).</summary>
    public const string CertManagerRenewBeforeNotBelowDurationDetail = "certificate duration {0} must be greater than renewBefore {1}";

    /// <summary>MPKI2006, cert-manager's webhook detail (verbatim).</summary>
    public const string CertManagerRenewBeforeMutuallyExclusiveDetail = "renewBefore and renewBeforePercentage are mutually exclusive and cannot both be set";
}
