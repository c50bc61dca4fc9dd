using Golem.MeshPki.Configuration;

namespace Golem.MeshPki.Lifetimes;

/// <summary>
/// A mesh's certificate timeline at one moment: when istio-agent rotates a workload certificate, when
/// cert-manager renews the intermediate in <c>cacerts</c>, when the intermediate and the root expire, and the
/// margins between them. Computed from the configuration and, when known, the real certificates.
/// </summary>
/// <remarks>
/// <para>
/// Settings come from the first istio-agent settings found (a mesh ConfigMap, IstioOperator or Helm values file is
/// preferred over a pod annotation) and from the cert-manager <c>Certificate</c> that writes the <c>cacerts</c>
/// Secret (else the first with <c>isCA: true</c>). Absent settings take the systems' defaults: <c>SECRET_TTL</c> 24h,
/// ratio 0.5, jitter 0.01 (istio-agent), duration 90 days and renewal at two thirds (cert-manager).
/// </para>
/// <para>
/// Workload offsets are counted from issuance and rounded to whole seconds (istio-agent's float product differs
/// from the exact value by nanoseconds). The intermediate's renewal is cert-manager's <c>RenewalTime</c>
/// (<see cref="CertManagerRenewal.RenewalTime"/>): on the real certificate's NotAfter - NotBefore when it is known,
/// else on the configured duration. A runbook's "720h with renewBefore 168h renews every 30 days" is wrong: it
/// renews 552h after issuance.
/// </para>
/// </remarks>
public sealed class MeshTimeline
{
    /// <summary>The Secret istiod reads its plugged-in CA from (istio/istio pilot/pkg/bootstrap/istio_ca.go).</summary>
    public const string CaCertsSecretName = "cacerts";

    private MeshTimeline(
        DateTimeOffset at, MeshTimelineWorkload workload, MeshTimelineIntermediate intermediate, DateTimeOffset? rootNotAfter, IReadOnlyList<ConfigurationProblem> unusableSettings)
    {
        At = at;
        Workload = workload;
        Intermediate = intermediate;
        RootNotAfter = rootNotAfter;
        UnusableSettings = unusableSettings;
    }

    /// <summary>Gets the moment the timeline is evaluated at.</summary>
    public DateTimeOffset At { get; }

    /// <summary>Gets the workload certificates' lifetime and rotation window.</summary>
    public MeshTimelineWorkload Workload { get; }

    /// <summary>Gets the intermediate's lifetime, renewal and expiry.</summary>
    public MeshTimelineIntermediate Intermediate { get; }

    /// <summary>Gets the root's NotAfter, when the root is known.</summary>
    public DateTimeOffset? RootNotAfter { get; }

    /// <summary>Gets the settings that were found but could not be used (a duration Go cannot parse, a non-positive TTL); their defaults applied instead.</summary>
    public IReadOnlyList<ConfigurationProblem> UnusableSettings { get; }

    /// <summary>
    /// Gets how long before the intermediate expires a workload certificate issued at the moment of renewal
    /// expires: the intermediate's renew-before period minus the workload TTL. Negative means workload
    /// certificates outlive the intermediate that signed them (before Istio 1.31) or are shortened (from 1.31).
    /// </summary>
    public TimeSpan WorkloadExpiryBeforeIntermediateExpiry => Intermediate.RenewalToExpiry - Workload.Ttl.Value;

    /// <summary>Gets the root's NotAfter minus the intermediate's NotAfter, when both are known; negative means the intermediate outlives its root.</summary>
    public TimeSpan? IntermediateExpiryBeforeRootExpiry => RootNotAfter - Intermediate.NotAfter;

    /// <summary>Gets the time from <see cref="At"/> to the intermediate's renewal, when the real certificate is known; negative when it is overdue.</summary>
    public TimeSpan? UntilIntermediateRenewal => Intermediate.RenewalTime - At;

    /// <summary>Gets the time from <see cref="At"/> to the intermediate's NotAfter, when the real certificate is known.</summary>
    public TimeSpan? UntilIntermediateExpiry => Intermediate.NotAfter - At;

    /// <summary>Gets the time from <see cref="At"/> to the root's NotAfter, when the root is known.</summary>
    public TimeSpan? UntilRootExpiry => RootNotAfter - At;

    /// <summary>Computes the timeline.</summary>
    /// <param name="configuration">What <see cref="ConfigurationReader"/> read from each file; may be empty (all defaults).</param>
    /// <param name="at">The moment to evaluate at (a workload certificate is taken to be issued then).</param>
    /// <param name="certificates">The real certificates of the <c>cacerts</c> bundle, or <see langword="null"/> to plan from the configuration alone.</param>
    /// <returns>The timeline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configuration"/> is <see langword="null"/>.</exception>
    public static MeshTimeline Compute(IReadOnlyList<ConfigurationDocumentSet> configuration, DateTimeOffset at, MeshTimelineCertificates? certificates = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var unusable = new List<ConfigurationProblem>();
        MeshTimelineWorkload workload = MeshTimelineWorkload.Compute(FindMeshConfig(configuration), at, unusable);
        MeshTimelineIntermediate intermediate = MeshTimelineIntermediate.Compute(FindIntermediateCertificate(configuration), certificates?.CaCertificate, unusable);
        return new MeshTimeline(at, workload, intermediate, certificates?.Root?.NotAfter, unusable.AsReadOnly());
    }

    /// <summary>The first mesh-wide istio-agent settings, else the first pod annotation, else none.</summary>
    private static MeshConfigSettings? FindMeshConfig(IReadOnlyList<ConfigurationDocumentSet> configuration)
    {
        IEnumerable<MeshConfigSettings> all = configuration.SelectMany(set => set.MeshConfigs);
        return all.FirstOrDefault(settings => settings.Origin != MeshConfigOrigin.PodAnnotation) ?? all.FirstOrDefault();
    }

    /// <summary>The Certificate whose secretName is <c>cacerts</c>, else the first with <c>isCA: true</c>, else none.</summary>
    private static CertManagerCertificate? FindIntermediateCertificate(IReadOnlyList<ConfigurationDocumentSet> configuration)
    {
        IEnumerable<CertManagerCertificate> all = configuration.SelectMany(set => set.Certificates);
        return all.FirstOrDefault(certificate => certificate.SecretName?.Value == CaCertsSecretName)
            ?? all.FirstOrDefault(certificate => certificate.IsCA?.Value == true);
    }

    /// <summary>A positive Go duration from a setting; null (and a problem) when it cannot be used.</summary>
    internal static MeshTimelineSetting<TimeSpan>? PositiveDuration(ConfigurationValue<string>? value, string field, List<ConfigurationProblem> unusable, string defaultText)
    {
        if (value is null)
        {
            return null;
        }

        if (!GoDuration.TryParse(value.Value, out GoDuration parsed, out string? error))
        {
            unusable.Add(new ConfigurationProblem(
                ConfigurationProblemKind.InvalidValue, value.Position, $"'{field}' is '{value.RawValue}', which is not a Go duration ({error}); {defaultText} is used.", field));
            return null;
        }

        if (parsed <= GoDuration.Zero)
        {
            unusable.Add(new ConfigurationProblem(
                ConfigurationProblemKind.InvalidValue, value.Position, $"'{field}' is '{value.RawValue}', which is not positive; {defaultText} is used.", field));
            return null;
        }

        return new MeshTimelineSetting<TimeSpan>(parsed.ToTimeSpan(), value.Position);
    }

    /// <summary>Rounds to the nearest whole second, halves away from zero.</summary>
    internal static TimeSpan WholeSeconds(TimeSpan value) =>
        TimeSpan.FromSeconds(Math.Round(value.Ticks / (double)TimeSpan.TicksPerSecond, MidpointRounding.AwayFromZero));
}

/// <summary>The workload certificates' part of a <see cref="MeshTimeline"/>: TTL, grace ratio and rotation window.</summary>
public sealed class MeshTimelineWorkload
{
    private MeshTimelineWorkload(
        DateTimeOffset issuedAt, MeshTimelineSetting<TimeSpan> ttl, MeshTimelineSetting<double> ratio, MeshTimelineSetting<double> jitter, WorkloadRotationWindow rotateAfter)
    {
        IssuedAt = issuedAt;
        Ttl = ttl;
        GracePeriodRatio = ratio;
        GracePeriodRatioJitter = jitter;
        RotateAfter = rotateAfter;
    }

    /// <summary>Gets <c>SECRET_TTL</c>: the lifetime istio-agent requests (default 24h).</summary>
    public MeshTimelineSetting<TimeSpan> Ttl { get; }

    /// <summary>Gets <c>SECRET_GRACE_PERIOD_RATIO</c> (default 0.5).</summary>
    public MeshTimelineSetting<double> GracePeriodRatio { get; }

    /// <summary>Gets <c>SECRET_GRACE_PERIOD_RATIO_JITTER</c> (default 0.01).</summary>
    public MeshTimelineSetting<double> GracePeriodRatioJitter { get; }

    /// <summary>Gets the rotation offsets from issuance, in whole seconds: earliest &lt;= nominal &lt;= latest.</summary>
    public WorkloadRotationWindow RotateAfter { get; }

    /// <summary>Gets the issuance time the absolute times below assume: the timeline's evaluation time.</summary>
    public DateTimeOffset IssuedAt { get; }

    /// <summary>Gets the earliest rotation of a certificate issued at <see cref="IssuedAt"/>.</summary>
    public DateTimeOffset EarliestRotation => IssuedAt + RotateAfter.Earliest;

    /// <summary>Gets the rotation without jitter of a certificate issued at <see cref="IssuedAt"/>.</summary>
    public DateTimeOffset NominalRotation => IssuedAt + RotateAfter.Nominal;

    /// <summary>Gets the latest rotation of a certificate issued at <see cref="IssuedAt"/>.</summary>
    public DateTimeOffset LatestRotation => IssuedAt + RotateAfter.Latest;

    /// <summary>Gets the expiry of a certificate issued at <see cref="IssuedAt"/> with the requested TTL.</summary>
    public DateTimeOffset Expiry => IssuedAt + Ttl.Value;

    internal static MeshTimelineWorkload Compute(MeshConfigSettings? settings, DateTimeOffset issuedAt, List<ConfigurationProblem> unusable)
    {
        MeshTimelineSetting<TimeSpan> ttl = MeshTimeline.PositiveDuration(settings?.SecretTtl, "SECRET_TTL", unusable, "the default 24h")
            ?? new(WorkloadRotation.DefaultSecretTtl, null);
        MeshTimelineSetting<double> ratio = Ratio(settings?.GracePeriodRatio, "SECRET_GRACE_PERIOD_RATIO", WorkloadRotation.DefaultGracePeriodRatio, unusable);
        MeshTimelineSetting<double> jitter = Ratio(settings?.GracePeriodRatioJitter, "SECRET_GRACE_PERIOD_RATIO_JITTER", WorkloadRotation.DefaultGracePeriodRatioJitter, unusable);
        WorkloadRotationWindow window = new WorkloadRotation(ratio.Value, jitter.Value).Window(ttl.Value);
        var rounded = new WorkloadRotationWindow(
            MeshTimeline.WholeSeconds(window.Earliest), MeshTimeline.WholeSeconds(window.Nominal), MeshTimeline.WholeSeconds(window.Latest));
        return new MeshTimelineWorkload(issuedAt, ttl, ratio, jitter, rounded);
    }

    private static MeshTimelineSetting<double> Ratio(ConfigurationValue<double>? value, string field, double defaultValue, List<ConfigurationProblem> unusable)
    {
        if (value is null)
        {
            return new(defaultValue, null);
        }

        if (!double.IsFinite(value.Value))
        {
            unusable.Add(new ConfigurationProblem(
                ConfigurationProblemKind.InvalidValue, value.Position, $"'{field}' is '{value.RawValue}', which is not a finite number; the default {defaultValue} is used.", field));
            return new(defaultValue, null);
        }

        // istio-agent clamps the ratio with jitter to [0, 1] (WorkloadRotation does the same); the value is kept as written.
        return new(value.Value, value.Position);
    }
}

/// <summary>The intermediate's part of a <see cref="MeshTimeline"/>: cert-manager's settings and renewal, and the real certificate's validity when known.</summary>
public sealed class MeshTimelineIntermediate
{
    // Planning without a real certificate: a notional issuance on a whole second, so that cert-manager's
    // truncation to the second does not move the offset.
    private static readonly DateTimeOffset PlanningIssuance = DateTimeOffset.UnixEpoch;

    private MeshTimelineIntermediate()
    {
    }

    /// <summary>Gets the name of the cert-manager Certificate the settings come from, or <see langword="null"/> when none was found.</summary>
    public string? CertificateName { get; private init; }

    /// <summary>Gets the namespace of that Certificate, when it says.</summary>
    public string? CertificateNamespace { get; private init; }

    /// <summary>Gets where that Certificate starts, or <see langword="null"/> when none was found.</summary>
    public SourcePosition? CertificatePosition { get; private init; }

    /// <summary>Gets <c>spec.duration</c> (default 90 days).</summary>
    public MeshTimelineSetting<TimeSpan> Duration { get; private init; }

    /// <summary>Gets <c>spec.renewBefore</c> as configured, or <see langword="null"/> when absent or unusable.</summary>
    public MeshTimelineSetting<TimeSpan>? ConfiguredRenewBefore { get; private init; }

    /// <summary>Gets <c>spec.renewBeforePercentage</c> as configured, or <see langword="null"/> when absent.</summary>
    public MeshTimelineSetting<int>? ConfiguredRenewBeforePercentage { get; private init; }

    /// <summary>Gets the lifetime cert-manager computes the renewal on: the real certificate's NotAfter - NotBefore when known, else <see cref="Duration"/>.</summary>
    public TimeSpan Lifetime { get; private init; }

    /// <summary>Gets a value indicating whether <see cref="Lifetime"/> and the absolute times come from the real certificate.</summary>
    public bool IsFromCertificate => NotBefore is not null;

    /// <summary>Gets the renew-before period cert-manager will actually use.</summary>
    public TimeSpan RenewBefore { get; private init; }

    /// <summary>Gets which setting <see cref="RenewBefore"/> came from.</summary>
    public CertManagerRenewBeforeSource RenewBeforeSource { get; private init; }

    /// <summary>Gets how long after issuance (NotBefore) cert-manager renews, in whole seconds (cert-manager truncates the renewal time to the second).</summary>
    public TimeSpan RenewAfter { get; private init; }

    /// <summary>Gets the time from renewal to expiry: <see cref="Lifetime"/> - <see cref="RenewAfter"/>.</summary>
    public TimeSpan RenewalToExpiry => Lifetime - RenewAfter;

    /// <summary>Gets the real certificate's NotBefore, when known.</summary>
    public DateTimeOffset? NotBefore { get; private init; }

    /// <summary>Gets the real certificate's NotAfter, when known.</summary>
    public DateTimeOffset? NotAfter { get; private init; }

    /// <summary>Gets cert-manager's renewal time for the real certificate, when known.</summary>
    public DateTimeOffset? RenewalTime { get; private init; }

    internal static MeshTimelineIntermediate Compute(CertManagerCertificate? certificate, Certificates.DerCertificate? real, List<ConfigurationProblem> unusable)
    {
        MeshTimelineSetting<TimeSpan> duration = MeshTimeline.PositiveDuration(certificate?.Duration, "spec.duration", unusable, "cert-manager's default 90 days")
            ?? new(CertManagerRenewal.DefaultDuration, null);
        MeshTimelineSetting<TimeSpan>? renewBefore = MeshTimeline.PositiveDuration(certificate?.RenewBefore, "spec.renewBefore", unusable, "the renewal without it");
        MeshTimelineSetting<int>? percentage = certificate?.RenewBeforePercentage is { } p ? new(p.Value, p.Position) : null;

        DateTimeOffset notBefore = real?.NotBefore ?? PlanningIssuance;
        DateTimeOffset notAfter = real?.NotAfter ?? PlanningIssuance + duration.Value;
        CertManagerRenewalTime renewal = CertManagerRenewal.RenewalTime(notBefore, notAfter, renewBefore?.Value, percentage?.Value);
        return new MeshTimelineIntermediate
        {
            CertificateName = certificate?.Name,
            CertificateNamespace = certificate?.Namespace,
            CertificatePosition = certificate?.Position,
            Duration = duration,
            ConfiguredRenewBefore = renewBefore,
            ConfiguredRenewBeforePercentage = percentage,
            Lifetime = notAfter - notBefore,
            RenewBefore = renewal.RenewBefore,
            RenewBeforeSource = renewal.Source,
            RenewAfter = renewal.RenewalTime - notBefore,
            NotBefore = real?.NotBefore,
            NotAfter = real?.NotAfter,
            RenewalTime = real is null ? null : renewal.RenewalTime,
        };
    }
}
