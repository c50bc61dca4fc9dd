using Golem.MeshPki.Rules;
using Microsoft.CodeAnalysis;

namespace Golem.MeshPki.Analyzers;

/// <summary>
/// The analyzers' descriptors, built from the library's rule catalogue (compiled in as shared source): the id, title
/// and help link are the library's; the message format is the shared <see cref="LifetimeRuleMessages"/> text.
/// </summary>
/// <remarks>
/// <para>
/// The id, category and default severity are written as constants because Roslyn's release tracking
/// (AnalyzerReleases.*.md) reads them at compile time; a test checks them against <see cref="RuleCatalog"/>.
/// </para>
/// <para>
/// Every analyzer rule defaults to <see cref="DiagnosticSeverity.Warning"/>, whatever the catalogue's severity (issue 5:
/// "underlined in the editor and as a build warning"). A constant in code is a finding about code that may never run
/// with those values, so it must not break a consumer's build on upgrade; <c>meshpki lint</c> keeps the catalogue's
/// severity for deployed configuration. A bank that wants the build to fail says so in .editorconfig
/// (<c>dotnet_diagnostic.MPKI2002.severity = error</c>) or with TreatWarningsAsErrors.
/// </para>
/// </remarks>
internal static class Descriptors
{
    public const string Category = "Lifetimes";

    public static readonly DiagnosticDescriptor GracePeriodRatioUnsafe = new(
        RuleIdentifiers.GracePeriodRatioUnsafe,
        RuleCatalog.GracePeriodRatioUnsafe.Title,
        LifetimeRuleMessages.GracePeriodRatioOutsideRange,
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: RuleCatalog.GracePeriodRatioUnsafe.HelpLink);

    /// <summary>MPKI2001's warning for a ratio above 0.9 (same id, its own message).</summary>
    public static readonly DiagnosticDescriptor GracePeriodRatioRotatesTooOften = new(
        RuleIdentifiers.GracePeriodRatioUnsafe,
        RuleCatalog.GracePeriodRatioUnsafe.Title,
        LifetimeRuleMessages.GracePeriodRatioRotatesTooOften,
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: RuleCatalog.GracePeriodRatioUnsafe.HelpLink);

    /// <summary>MPKI2001's warning for less than 1 hour between the latest rotation and expiry (same id, its own message).</summary>
    public static readonly DiagnosticDescriptor RotationSlackTooShort = new(
        RuleIdentifiers.GracePeriodRatioUnsafe,
        RuleCatalog.GracePeriodRatioUnsafe.Title,
        LifetimeRuleMessages.RotationSlackTooShort,
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: RuleCatalog.GracePeriodRatioUnsafe.HelpLink);

    public static readonly DiagnosticDescriptor WorkloadTtlAboveMaximum = new(
        RuleIdentifiers.WorkloadTtlAboveMaximum,
        RuleCatalog.WorkloadTtlAboveMaximum.Title,
        LifetimeRuleMessages.WorkloadCertificateTtlAboveMaximum,
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: RuleCatalog.WorkloadTtlAboveMaximum.HelpLink);

    public static readonly DiagnosticDescriptor WorkloadTtlNotBelowIntermediateRenewBefore = new(
        RuleIdentifiers.WorkloadTtlNotBelowIntermediateRenewBefore,
        RuleCatalog.WorkloadTtlNotBelowIntermediateRenewBefore.Title,
        LifetimeRuleMessages.WorkloadTtlNotBelowIntermediateRenewBefore,
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: RuleCatalog.WorkloadTtlNotBelowIntermediateRenewBefore.HelpLink);

    public static readonly DiagnosticDescriptor WorkloadTtlTooShort = new(
        RuleIdentifiers.WorkloadTtlTooShort,
        RuleCatalog.WorkloadTtlTooShort.Title,
        LifetimeRuleMessages.WorkloadTtlTooShort,
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: RuleCatalog.WorkloadTtlTooShort.HelpLink);

    public static readonly DiagnosticDescriptor RenewBeforeNotBelowDuration = new(
        RuleIdentifiers.RenewBeforeNotBelowDuration,
        RuleCatalog.RenewBeforeNotBelowDuration.Title,
        LifetimeRuleMessages.CertManagerWebhookRejectsIntermediate,
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: RuleCatalog.RenewBeforeNotBelowDuration.HelpLink);

    public static readonly DiagnosticDescriptor CertManagerDurationTooShort = new(
        RuleIdentifiers.CertManagerDurationTooShort,
        RuleCatalog.CertManagerDurationTooShort.Title,
        LifetimeRuleMessages.CertManagerWebhookRejectsIntermediate,
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: RuleCatalog.CertManagerDurationTooShort.HelpLink);

    public static readonly DiagnosticDescriptor RenewBeforeSetTwice = new(
        RuleIdentifiers.RenewBeforeSetTwice,
        RuleCatalog.RenewBeforeSetTwice.Title,
        LifetimeRuleMessages.CertManagerWebhookRejectsIntermediate,
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: RuleCatalog.RenewBeforeSetTwice.HelpLink);
}

/// <summary>The library types the analyzers look at, by metadata name (the analyzer never references the library).</summary>
internal static class LibraryTypes
{
    public const string WorkloadCertificatePolicy = "Golem.MeshPki.Lifetimes.WorkloadCertificatePolicy";

    public const string IntermediateCaPolicy = "Golem.MeshPki.Lifetimes.IntermediateCaPolicy";

    public const string MeshCertificateLifetimes = "Golem.MeshPki.Lifetimes.MeshCertificateLifetimes";

    public const string MeshLifetimeOptions = "Golem.MeshPki.Lifetimes.MeshLifetimeOptions";

    /// <summary>.editorconfig key for istiod's MAX_WORKLOAD_CERT_TTL, a Go duration (e.g. <c>2160h</c>).</summary>
    public const string MaxWorkloadCertTtlOption = "golem_meshpki.max_workload_cert_ttl";
}

/// <summary>Keys of <see cref="Diagnostic.Properties"/> the analyzers set for their code fixes.</summary>
public static class DiagnosticProperties
{
    /// <summary>MPKI2002: present when istiod's default TTL (24h) is within the maximum, so the fix to 24h is safe.</summary>
    public const string DefaultTtlFits = "DefaultTtlFits";

    /// <summary>MPKI2001: present when a ratio of 0.5 (istio-agent's default) in place of the reported one clears the rule.</summary>
    public const string DefaultRatioFits = "DefaultRatioFits";

    /// <summary>
    /// MPKI2004-MPKI2006: the cert-manager setting (<c>renewBefore</c> or <c>renewBeforePercentage</c>) that cert-manager's
    /// controller would ignore (pkg/util/pki/renewaltime.go), so removing it changes nothing but the webhook's verdict.
    /// The value to remove is the diagnostic's first additional location when it has one, else its location.
    /// </summary>
    public const string IgnoredSetting = "IgnoredSetting";
}
