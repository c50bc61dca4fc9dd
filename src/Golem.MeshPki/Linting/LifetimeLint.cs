using System.Globalization;
using Golem.MeshPki.Configuration;
using Golem.MeshPki.Lifetimes;
using Golem.MeshPki.Rules;

namespace Golem.MeshPki.Linting;

/// <summary>
/// The MPKI2001-MPKI2010 checks over the manifests <see cref="ConfigurationReader"/> read: workload certificate TTLs
/// and rotation (istio-agent, istiod) against the intermediate CA's lifetime and renewal (cert-manager, Vault).
/// </summary>
/// <remarks>
/// <para>
/// The files are checked together: the Certificate in one file names the ClusterIssuer in another, and istiod's
/// Deployment decides the maximum TTL for the mesh ConfigMap's <c>SECRET_TTL</c>. Every finding points at the value
/// concerned (file, line, column); a setting that is absent takes its component's default, and a finding about a
/// default points at the value it is compared with.
/// </para>
/// <para>
/// Reading problems become findings of the rule whose setting they are: an unknown cert-manager field is MPKI2007;
/// an unreadable grace ratio or jitter MPKI2001; an unreadable workload TTL or istiod TTL MPKI2002; an unreadable
/// duration, renewBefore or renewBeforePercentage MPKI2005 (the API server rejects the Certificate); an unreadable
/// isCA, secretName, issuerRef or Vault path MPKI2008. Problems no rule reads (a file that is not YAML, a field no
/// rule uses) are not findings: <see cref="RuleFor(ConfigurationProblem)"/> returns <see langword="null"/> for them,
/// and callers report them as unreadable input.
/// </para>
/// </remarks>
public static class LifetimeLint
{
    // The MPKI2xxx thresholds and message formats live in Rules/LifetimeRuleThresholds.cs and
    // Rules/LifetimeRuleMessages.cs, shared with the policy types and the Roslyn analyzers.

    // Istio's plug-in CA Secret (istio/istio pilot/pkg/bootstrap/istio_ca.go); a Certificate writing it is the intermediate.
    private const string CaCertsSecretName = "cacerts";

    // cert-manager's API group; issuerRef.group defaults to it (pkg/apis/certmanager/v1 types.go).
    private const string CertManagerGroup = "cert-manager.io";

    private const string SecretTtl = "SECRET_TTL";

    private const string SecretGracePeriodRatio = "SECRET_GRACE_PERIOD_RATIO";

    /// <summary>Checks the manifests read from one or more files.</summary>
    /// <param name="sets">What <see cref="ConfigurationReader.Read(string, string)"/> found in each file.</param>
    /// <param name="options">Limits known from outside the manifests, or <see langword="null"/>.</param>
    /// <returns>The findings, ordered by file, line, column and rule id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sets"/> is <see langword="null"/> or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><see cref="LifetimeLintOptions.RootNotAfter"/> is given without <see cref="LifetimeLintOptions.EvaluationTime"/>.</exception>
    public static IReadOnlyList<Finding> Check(IReadOnlyList<ConfigurationDocumentSet> sets, LifetimeLintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sets);
        options ??= new LifetimeLintOptions();
        if (options.RootNotAfter is not null && options.EvaluationTime is null)
        {
            throw new ArgumentException("RootNotAfter needs EvaluationTime: the intermediate's NotAfter is the evaluation time plus its duration.", nameof(options));
        }

        var findings = new List<Finding>();
        foreach (ConfigurationDocumentSet set in sets)
        {
            ArgumentNullException.ThrowIfNull(set, nameof(sets));
            foreach (ConfigurationProblem problem in set.Problems)
            {
                if (RuleFor(problem) is { } rule)
                {
                    findings.Add(At(new Finding(rule, ProblemMessage(problem)), problem.Position));
                }
            }
        }

        var mesh = sets.SelectMany(s => s.MeshConfigs).Select(m => new MeshSource(m, ReadDuration(m.SecretTtl, RuleCatalog.WorkloadTtlAboveMaximum, SecretTtl, findings))).ToList();
        var istiods = sets.SelectMany(s => s.IstiodDeployments).Select(d => new IstiodSource(
            d,
            ReadDuration(d.MaxWorkloadCertTtl, RuleCatalog.WorkloadTtlAboveMaximum, "MAX_WORKLOAD_CERT_TTL", findings),
            ReadDuration(d.DefaultWorkloadCertTtl, RuleCatalog.WorkloadTtlAboveMaximum, "DEFAULT_WORKLOAD_CERT_TTL", findings))).ToList();
        var certificates = sets.SelectMany(s => s.Certificates).Select(c => new CertificateSource(
            c,
            ReadDuration(c.Duration, RuleCatalog.CertManagerDurationTooShort, "spec.duration", findings),
            ReadDuration(c.RenewBefore, RuleCatalog.CertManagerDurationTooShort, "spec.renewBefore", findings))).ToList();
        var issuers = sets.SelectMany(s => s.Issuers).ToList();
        IstioVersion? version = options.IstioVersion ?? istiods
            .Select(d => IstioVersion.TryParse(d.Settings!.ImageTag?.Value, out IstioVersion v) ? v : (IstioVersion?)null)
            .FirstOrDefault(v => v is not null);

        List<WorkloadTtl> workloadTtls = WorkloadTtls(mesh);
        CheckGracePeriodRatios(mesh, findings);
        CheckWorkloadTtlMaximum(workloadTtls, istiods, findings);
        CheckWorkloadTtlMinimum(workloadTtls, istiods, findings);
        foreach (CertificateSource certificate in certificates)
        {
            CheckWebhookValidation(certificate, findings);
            if (IsIntermediate(certificate.Certificate))
            {
                CheckWorkloadTtlAgainstRenewBefore(certificate, workloadTtls, version, findings);
                CheckVaultSignEndpoint(certificate.Certificate, issuers, findings);
                CheckIntermediateLimits(certificate, options, findings);
            }
        }

        return findings
            .OrderBy(f => f.Location!.Value.File, StringComparer.Ordinal)
            .ThenBy(f => f.Location!.Value.Line)
            .ThenBy(f => f.Location!.Value.Column)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToList()
            .AsReadOnly();
    }

    /// <summary>The rule a reading problem is a finding of: the rule whose setting could not be read.</summary>
    /// <param name="problem">A problem <see cref="ConfigurationReader"/> reported.</param>
    /// <returns>The rule, or <see langword="null"/> when no MPKI2xxx rule reads that setting (e.g. a file that is not YAML).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="problem"/> is <see langword="null"/>.</exception>
    public static RuleDescriptor? RuleFor(ConfigurationProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.Kind == ConfigurationProblemKind.UnknownField)
        {
            return RuleCatalog.UnknownCertManagerField;
        }

        string path = problem.FieldPath ?? string.Empty;
        if (path.EndsWith(".SECRET_GRACE_PERIOD_RATIO", StringComparison.Ordinal) || path.EndsWith(".SECRET_GRACE_PERIOD_RATIO_JITTER", StringComparison.Ordinal))
        {
            return RuleCatalog.GracePeriodRatioUnsafe;
        }

        if (path.EndsWith(".SECRET_TTL", StringComparison.Ordinal)
            || path.Contains("env[MAX_WORKLOAD_CERT_TTL]", StringComparison.Ordinal)
            || path.Contains("env[DEFAULT_WORKLOAD_CERT_TTL]", StringComparison.Ordinal))
        {
            return RuleCatalog.WorkloadTtlAboveMaximum;
        }

        return path switch
        {
            "spec.duration" or "spec.renewBefore" or "spec.renewBeforePercentage" => RuleCatalog.CertManagerDurationTooShort,
            "spec.isCA" or "spec.secretName" or "spec.vault" or "spec.vault.path" => RuleCatalog.VaultSignRoleForCaCertificate,
            _ when path.StartsWith("spec.issuerRef", StringComparison.Ordinal) => RuleCatalog.VaultSignRoleForCaCertificate,
            _ => null,
        };
    }

    private static string ProblemMessage(ConfigurationProblem problem)
    {
        string message = problem.Message;
        if (problem.Kind == ConfigurationProblemKind.UnknownField && problem.Suggestion is not null)
        {
            // The reader's did-you-mean ends with a question mark; say what cert-manager does with the field.
            message += " cert-manager drops it, or rejects the object under strict field validation.";
        }

        return message.EndsWith('.') ? message : message + ".";
    }

    private static void CheckGracePeriodRatios(List<MeshSource> mesh, List<Finding> findings)
    {
        foreach (MeshSource source in mesh)
        {
            MeshConfigSettings settings = source.Settings;
            double ratio = settings.GracePeriodRatio?.Value ?? WorkloadRotation.DefaultGracePeriodRatio;
            double jitter = settings.GracePeriodRatioJitter?.Value ?? WorkloadRotation.DefaultGracePeriodRatioJitter;
            if (settings.GracePeriodRatio is { } ratioValue
                && (ratio <= LifetimeRuleThresholds.MinimumGracePeriodRatioExclusive || ratio >= LifetimeRuleThresholds.MaximumGracePeriodRatioExclusive))
            {
                // secretcache.go rotateTime clamps ratio + jitter to [0, 1].
                string effect = ratio <= LifetimeRuleThresholds.MinimumGracePeriodRatioExclusive
                    ? LifetimeRuleMessages.GracePeriodRatioAtOrBelowZeroEffect
                    : LifetimeRuleMessages.GracePeriodRatioAtOrAboveOneEffect;
                findings.Add(At(
                    new Finding(RuleCatalog.GracePeriodRatioUnsafe, Message(LifetimeRuleMessages.GracePeriodRatioOutsideRange, SecretGracePeriodRatio, ratioValue.RawValue, effect)),
                    ratioValue.Position));
                continue;
            }

            TimeSpan ttl = source.Ttl is { } t && t > TimeSpan.Zero ? t : WorkloadRotation.DefaultSecretTtl;
            string ttlText = source.Ttl is null ? $"istio-agent's default {SecretTtl} {Format(ttl)}" : $"{SecretTtl} '{settings.SecretTtl!.RawValue}'";
            if (settings.GracePeriodRatio is { } highRatio && ratio > LifetimeRuleThresholds.MaximumUsefulGracePeriodRatio)
            {
                TimeSpan nominal = new WorkloadRotation(ratio, 0).Window(ttl).Nominal;
                findings.Add(At(
                    new Finding(
                        RuleCatalog.GracePeriodRatioUnsafe,
                        Message(LifetimeRuleMessages.GracePeriodRatioRotatesTooOften, highRatio.RawValue, Format(nominal), ttlText))
                        .WithSeverity(RuleSeverity.Warning),
                    highRatio.Position));
                continue;
            }

            SourcePosition? where = settings.GracePeriodRatio?.Position ?? settings.GracePeriodRatioJitter?.Position ?? settings.SecretTtl?.Position;
            if (where is not { } position)
            {
                continue;
            }

            // The latest rotation (ratio - |jitter|) leaves the least time before expiry.
            TimeSpan slack = ttl - new WorkloadRotation(ratio, jitter).Window(ttl).Latest;
            if (slack < LifetimeRuleThresholds.MinimumRotationSlack)
            {
                findings.Add(At(
                    new Finding(
                        RuleCatalog.GracePeriodRatioUnsafe,
                        Message(
                            LifetimeRuleMessages.RotationSlackTooShort,
                            ratio.ToString(CultureInfo.InvariantCulture),
                            jitter.ToString(CultureInfo.InvariantCulture),
                            ttlText,
                            Format(slack),
                            Format(LifetimeRuleThresholds.MinimumRotationSlack)))
                        .WithSeverity(RuleSeverity.Warning),
                    position));
            }
        }
    }

    private static void CheckWorkloadTtlMaximum(List<WorkloadTtl> workloadTtls, List<IstiodSource> istiods, List<Finding> findings)
    {
        foreach (IstiodSource istiod in IstiodsOrDefault(istiods))
        {
            TimeSpan max = istiod.MaxTtl ?? IstiodWorkloadCertificateTtls.DefaultMaxTtl;
            string maxText = istiod.MaxTtl is null
                ? $"istiod's default MAX_WORKLOAD_CERT_TTL {Format(max)}"
                : $"istiod's MAX_WORKLOAD_CERT_TTL '{istiod.Settings!.MaxWorkloadCertTtl!.RawValue}'";
            var ttls = new IstiodWorkloadCertificateTtls(IstiodWorkloadCertificateTtls.DefaultDefaultTtl, max);
            foreach (WorkloadTtl workload in workloadTtls)
            {
                // istiod's own comparison (security/pkg/pki/ca/ca.go sign): only the requested TTL is checked.
                WorkloadCertificateIssuance issuance = WorkloadCertificateIssuance.Compute(
                    workload.Ttl, DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue, IstioVersion.ClampsWorkloadNotAfter, ttls);
                if (issuance.Succeeded)
                {
                    continue;
                }

                SourcePosition? where = workload.Value?.Position ?? istiod.Settings?.MaxWorkloadCertTtl?.Position;
                if (where is { } position)
                {
                    findings.Add(At(
                        new Finding(RuleCatalog.WorkloadTtlAboveMaximum, Message(LifetimeRuleMessages.WorkloadTtlAboveMaximum, workload.Describe(), maxText, issuance.ErrorCode, issuance.ErrorMessage)),
                        position));
                }
            }

            if (istiod.DefaultTtl is { } defaultTtl && istiod.Settings?.DefaultWorkloadCertTtl is { } defaultValue && defaultTtl.TotalSeconds > max.TotalSeconds)
            {
                // ca.go applies DEFAULT_WORKLOAD_CERT_TTL after the maximum check: it is issued, not refused.
                findings.Add(At(
                    new Finding(
                        RuleCatalog.WorkloadTtlAboveMaximum,
                        Message(LifetimeRuleMessages.DefaultWorkloadTtlAboveMaximum, defaultValue.RawValue, maxText))
                        .WithSeverity(RuleSeverity.Warning),
                    defaultValue.Position));
            }
        }
    }

    private static void CheckWorkloadTtlMinimum(List<WorkloadTtl> workloadTtls, List<IstiodSource> istiods, List<Finding> findings)
    {
        var values = workloadTtls.Where(w => w.Value is not null).Select(w => (w.Ttl, Text: w.Describe(), w.Value!.Position))
            .Concat(istiods.Where(d => d.DefaultTtl is not null).Select(d => (Ttl: d.DefaultTtl!.Value, Text: $"DEFAULT_WORKLOAD_CERT_TTL '{d.Settings!.DefaultWorkloadCertTtl!.RawValue}'", d.Settings.DefaultWorkloadCertTtl.Position)));
        foreach ((TimeSpan ttl, string text, SourcePosition position) in values)
        {
            if (ttl > TimeSpan.Zero && ttl < LifetimeRuleThresholds.MinimumWorkloadTtl)
            {
                findings.Add(At(
                    new Finding(RuleCatalog.WorkloadTtlTooShort, Message(LifetimeRuleMessages.WorkloadTtlTooShort, text, Format(LifetimeRuleThresholds.MinimumWorkloadTtl))),
                    position));
            }
        }
    }

    private static void CheckWebhookValidation(CertificateSource source, List<Finding> findings)
    {
        CertManagerCertificate certificate = source.Certificate;
        if (source.DurationUnreadable || source.RenewBeforeUnreadable
            || !CertManagerCertificateValidation.WebhookChecksDuration(source.Duration, source.RenewBefore))
        {
            return;
        }

        int? percentage = certificate.RenewBeforePercentage?.Value;
        string minimumRenewBefore = GoDuration.FromTimeSpan(CertManagerCertificateValidation.MinimumRenewBefore).Format();
        foreach (CertManagerValidationError error in CertManagerCertificateValidation.ValidateDuration(source.Duration, source.RenewBefore, percentage))
        {
            RuleDescriptor rule;
            if (error.Detail.Contains("mutually exclusive", StringComparison.Ordinal))
            {
                // ValidateDuration reports both fields; one finding, at the second setting.
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

            SourcePosition position = error.Field switch
            {
                "spec.duration" => certificate.Duration?.Position ?? certificate.Position,
                "spec.renewBefore" => certificate.RenewBefore?.Position ?? certificate.Position,
                _ => certificate.RenewBeforePercentage?.Position ?? certificate.Position,
            };
            string consequence = rule == RuleCatalog.RenewBeforeNotBelowDuration
                ? " (were it admitted, cert-manager's controller would renew at two thirds of the lifetime instead)"
                : string.Empty;
            findings.Add(At(
                new Finding(rule, $"cert-manager's webhook rejects Certificate '{Name(certificate.Namespace, certificate.Name)}': {error.Field}: Invalid value: \"{error.Value}\": {error.Detail}{consequence}."),
                position));
        }
    }

    private static void CheckWorkloadTtlAgainstRenewBefore(CertificateSource source, List<WorkloadTtl> workloadTtls, IstioVersion? version, List<Finding> findings)
    {
        CertManagerCertificate certificate = source.Certificate;
        if (source.DurationUnreadable || source.RenewBeforeUnreadable)
        {
            return;
        }

        // pkg/util/pki/renewaltime.go: planned from issuance, NotAfter = issuance + duration.
        TimeSpan duration = source.Duration ?? CertManagerRenewal.DefaultDuration;
        CertManagerRenewalTime renewal = CertManagerRenewal.RenewalTime(
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch + duration, source.RenewBefore, certificate.RenewBeforePercentage?.Value);
        string used = renewal.Source switch
        {
            CertManagerRenewBeforeSource.RenewBefore => $"renewBefore '{certificate.RenewBefore!.RawValue}'",
            CertManagerRenewBeforeSource.RenewBeforePercentage => $"renewBeforePercentage {certificate.RenewBeforePercentage!.RawValue}",
            _ => "one third of the duration",
        };
        string effect = version switch
        {
            { ClampsWorkloadCertificateToSigningCertificate: true } => $"from Istio {IstioVersion.ClampsWorkloadNotAfter} on, istiod cuts them short to the intermediate's NotAfter",
            { } older => $"istiod {older} issues them past the intermediate's NotAfter, and their chain expires first",
            null => $"before Istio {IstioVersion.ClampsWorkloadNotAfter} they outlive the intermediate and their chain expires first; from {IstioVersion.ClampsWorkloadNotAfter} on they are cut short",
        };
        foreach (WorkloadTtl workload in workloadTtls)
        {
            if (workload.Ttl < renewal.RenewBefore)
            {
                continue;
            }

            SourcePosition position = workload.Value?.Position
                ?? certificate.RenewBefore?.Position ?? certificate.RenewBeforePercentage?.Position ?? certificate.Duration?.Position ?? certificate.Position;
            findings.Add(At(
                new Finding(
                    RuleCatalog.WorkloadTtlNotBelowIntermediateRenewBefore,
                    $"{workload.Describe()} is not below the {Format(renewal.RenewBefore)} before expiry at which cert-manager renews intermediate '{Name(certificate.Namespace, certificate.Name)}' ({used}): workload certificates signed just before the renewal would outlive it; {effect}."),
                position));
        }
    }

    private static void CheckVaultSignEndpoint(CertManagerCertificate certificate, List<CertManagerIssuer> issuers, List<Finding> findings)
    {
        if (certificate.IsCA is not { Value: true } isCA || certificate.IssuerRef?.Name?.Value is not { } issuerName)
        {
            return;
        }

        if ((certificate.IssuerRef.Group?.Value ?? CertManagerGroup) != CertManagerGroup)
        {
            return;
        }

        // An issuerRef without kind names an Issuer in the Certificate's namespace.
        string kind = certificate.IssuerRef.Kind?.Value ?? "Issuer";
        CertManagerIssuer? issuer = issuers.FirstOrDefault(i =>
            i.Kind == kind && i.Name == issuerName && (kind == "ClusterIssuer" || string.Equals(i.Namespace, certificate.Namespace, StringComparison.Ordinal)));
        if (issuer?.Vault?.Path is not { } path || !IsSignRoleEndpoint(path.Value))
        {
            return;
        }

        // internal/vault/vault.go Sign POSTs the CSR to /v1/<path> without any CA flag.
        findings.Add(At(
            new Finding(
                RuleCatalog.VaultSignRoleForCaCertificate,
                $"Certificate '{Name(certificate.Namespace, certificate.Name)}' has isCA: true but its {kind} '{issuer.Name}' posts to Vault path '{path.RawValue}' ({path.Position}), a sign/<role> endpoint: Vault returns a non-CA certificate, which istiod refuses at start-up and installs silently on a hot reload; use <mount>/root/sign-intermediate."),
            isCA.Position));
    }

    private static void CheckIntermediateLimits(CertificateSource source, LifetimeLintOptions options, List<Finding> findings)
    {
        CertManagerCertificate certificate = source.Certificate;
        if (source.DurationUnreadable)
        {
            return;
        }

        TimeSpan duration = source.Duration ?? CertManagerRenewal.DefaultDuration;
        string durationText = certificate.Duration is { } d ? $"duration '{d.RawValue}'" : $"cert-manager's default duration {Format(duration)}";
        SourcePosition position = certificate.Duration?.Position ?? certificate.Position;
        string name = Name(certificate.Namespace, certificate.Name);
        if (options.VaultMaxTtl is { } maxTtl && duration > maxTtl)
        {
            findings.Add(At(
                new Finding(RuleCatalog.IntermediateOutlivesItsLimit, $"Intermediate '{name}' {durationText} is above the Vault mount's max TTL {Format(maxTtl)}: Vault caps it silently (a warning in the response), so the intermediate expires sooner than planned."),
                position));
        }

        if (options.RootNotAfter is { } rootNotAfter && options.EvaluationTime is { } now && rootNotAfter - now < duration)
        {
            findings.Add(At(
                new Finding(RuleCatalog.IntermediateOutlivesItsLimit, $"Intermediate '{name}' {durationText}, issued at {now.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)}, runs past the root's NotAfter {rootNotAfter.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)}: Vault's sign-intermediate permits it, and the chain expires with the root."),
                position));
        }
    }

    private static bool IsSignRoleEndpoint(string path)
    {
        // <mount>/sign/<role> and <mount>/sign-verbatim[/<role>] sign leaves; root/sign-intermediate signs CAs.
        string[] segments = path.Trim('/').Split('/');
        for (int i = 0; i < segments.Length; i++)
        {
            if ((segments[i] == "sign" && i < segments.Length - 1) || segments[i] == "sign-verbatim")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsIntermediate(CertManagerCertificate certificate) =>
        certificate.IsCA is { Value: true } || certificate.SecretName?.Value == CaCertsSecretName;

    private static List<WorkloadTtl> WorkloadTtls(List<MeshSource> mesh)
    {
        var ttls = mesh.Where(m => m.Ttl is not null).Select(m => new WorkloadTtl(m.Ttl!.Value, m.Settings.SecretTtl)).ToList();
        if (!mesh.Any(m => m.Settings.SecretTtl is not null))
        {
            // No source sets SECRET_TTL: istio-agent requests its default.
            ttls.Add(new WorkloadTtl(WorkloadRotation.DefaultSecretTtl, null));
        }

        return ttls;
    }

    private static List<IstiodSource> IstiodsOrDefault(List<IstiodSource> istiods) =>
        istiods.Count > 0 ? istiods : [new IstiodSource(null, null, null)];

    private static TimeSpan? ReadDuration(ConfigurationValue<string>? value, RuleDescriptor rule, string setting, List<Finding> findings)
    {
        if (value is null)
        {
            return null;
        }

        if (GoDuration.TryParse(value.Value, out GoDuration duration, out string? error))
        {
            // Go's parser takes "-1m"; every setting read here is a lifetime or a window, where negative makes no sense.
            if (duration < GoDuration.Zero)
            {
                findings.Add(At(new Finding(rule, $"{setting} '{value.RawValue}' is negative; a lifetime or renewal window cannot be, so the setting is ignored or rejected."), value.Position));
                return null;
            }

            return duration.ToTimeSpan();
        }

        findings.Add(At(new Finding(rule, $"{setting} '{value.RawValue}' cannot be read as a Go duration: {error.TrimEnd('.')}."), value.Position));
        return null;
    }

    private static string Message(string format, params object?[] arguments) => string.Format(CultureInfo.InvariantCulture, format, arguments);

    private static string Format(TimeSpan value) => GoDuration.FromTimeSpan(value).Format();

    private static string Name(string? ns, string? name) => ns is null ? name ?? "(unnamed)" : ns + "/" + (name ?? "(unnamed)");

    private static Finding At(Finding finding, SourcePosition position) =>
        finding.WithLocation(new FindingLocation(position.File, position.Line, position.Column));

    private sealed record MeshSource(MeshConfigSettings Settings, TimeSpan? Ttl);

    private sealed record IstiodSource(IstiodDeploymentSettings? Settings, TimeSpan? MaxTtl, TimeSpan? DefaultTtl);

    private sealed record CertificateSource(CertManagerCertificate Certificate, TimeSpan? Duration, TimeSpan? RenewBefore)
    {
        public bool DurationUnreadable => Certificate.Duration is not null && Duration is null;

        public bool RenewBeforeUnreadable => Certificate.RenewBefore is not null && RenewBefore is null;
    }

    private sealed record WorkloadTtl(TimeSpan Ttl, ConfigurationValue<string>? Value)
    {
        public string Describe() => Value is null
            ? $"istio-agent's default {SecretTtl} {Format(Ttl)}"
            : $"{SecretTtl} '{Value.RawValue}'";
    }
}
