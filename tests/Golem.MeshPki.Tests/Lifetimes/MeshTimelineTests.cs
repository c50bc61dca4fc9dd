using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Configuration;
using Golem.MeshPki.Lifetimes;
using Golem.MeshPki.Tests.TestCertificates;
using Golem.MeshPki.Tests.TestSupport;

namespace Golem.MeshPki.Tests.Lifetimes;

public class MeshTimelineTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The seed runbook's settings: SECRET_TTL 24h in the mesh ConfigMap, an intermediate of 720h renewed 168h before expiry.</summary>
    private const string RunbookYaml = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: istio
          namespace: istio-system
        data:
          mesh: |
            defaultConfig:
              proxyMetadata:
                SECRET_TTL: "24h"
        ---
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata:
          name: istio-ca
          namespace: istio-system
        spec:
          isCA: true
          commonName: istio-ca
          secretName: cacerts
          duration: 720h
          renewBefore: 168h
          issuerRef:
            name: vault-issuer
            kind: ClusterIssuer
        """;

    private static IReadOnlyList<ConfigurationDocumentSet> Read(string yaml) => [ConfigurationReader.Read(yaml, "mesh.yaml")];

    private static string Certificate(string spec) => $"""
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata:
          name: istio-ca
        spec:
          isCA: true
          secretName: cacerts
        {spec}
        """;

    [Fact]
    public void Runbook_mistake_6_intermediate_of_720h_with_renewBefore_168h_renews_552h_after_issuance_not_every_30_days()
    {
        MeshTimeline timeline = MeshTimeline.Compute(Read(RunbookYaml), At);

        Assert.Equal(TimeSpan.FromHours(24), timeline.Workload.Ttl.Value);
        Assert.False(timeline.Workload.Ttl.IsDefault);
        Assert.Equal(new SourcePosition("mesh.yaml", 10, 21), timeline.Workload.Ttl.Position);
        Assert.Equal(new WorkloadRotationWindow(TimeSpan.FromSeconds(42336), TimeSpan.FromSeconds(43200), TimeSpan.FromSeconds(44064)), timeline.Workload.RotateAfter);
        Assert.Equal(At.AddSeconds(43200), timeline.Workload.NominalRotation);
        Assert.Equal(At.AddHours(24), timeline.Workload.Expiry);

        MeshTimelineIntermediate intermediate = timeline.Intermediate;
        Assert.Equal("istio-ca", intermediate.CertificateName);
        Assert.Equal(TimeSpan.FromHours(720), intermediate.Duration.Value);
        Assert.Equal(TimeSpan.FromHours(720), intermediate.Lifetime);
        Assert.Equal(TimeSpan.FromSeconds(604800), intermediate.RenewBefore);
        Assert.Equal(CertManagerRenewBeforeSource.RenewBefore, intermediate.RenewBeforeSource);
        Assert.Equal(TimeSpan.FromSeconds(1987200), intermediate.RenewAfter);
        Assert.Equal(TimeSpan.FromHours(168), intermediate.RenewalToExpiry);
        Assert.False(intermediate.IsFromCertificate);
        Assert.Null(intermediate.RenewalTime);
        Assert.Null(timeline.UntilIntermediateRenewal);
        Assert.Equal(TimeSpan.FromHours(144), timeline.WorkloadExpiryBeforeIntermediateExpiry);
        Assert.Empty(timeline.UnusableSettings);
    }

    [Fact]
    public void Defaults_apply_when_nothing_is_configured()
    {
        MeshTimeline timeline = MeshTimeline.Compute([], At);

        Assert.True(timeline.Workload.Ttl.IsDefault);
        Assert.Equal(TimeSpan.FromHours(24), timeline.Workload.Ttl.Value);
        Assert.Equal(0.5, timeline.Workload.GracePeriodRatio.Value);
        Assert.Equal(0.01, timeline.Workload.GracePeriodRatioJitter.Value);
        Assert.Equal(TimeSpan.FromSeconds(42336), timeline.Workload.RotateAfter.Earliest);
        Assert.Null(timeline.Intermediate.CertificateName);
        Assert.True(timeline.Intermediate.Duration.IsDefault);
        Assert.Equal(TimeSpan.FromDays(90), timeline.Intermediate.Lifetime);

        // cert-manager renews two thirds of the way through: after 60 days.
        Assert.Equal(TimeSpan.FromDays(30), timeline.Intermediate.RenewBefore);
        Assert.Equal(CertManagerRenewBeforeSource.OneThirdOfLifetime, timeline.Intermediate.RenewBeforeSource);
        Assert.Equal(TimeSpan.FromDays(60), timeline.Intermediate.RenewAfter);
        Assert.Null(timeline.RootNotAfter);
        Assert.Null(timeline.IntermediateExpiryBeforeRootExpiry);
    }

    [Fact]
    public void A_Certificate_without_duration_takes_cert_managers_90_days()
    {
        MeshTimeline timeline = MeshTimeline.Compute(Read(Certificate("  renewBefore: 240h")), At);

        Assert.True(timeline.Intermediate.Duration.IsDefault);
        Assert.Equal(TimeSpan.FromDays(80), timeline.Intermediate.RenewAfter);
    }

    [Fact]
    public void RenewBeforePercentage_sets_the_renewal()
    {
        MeshTimeline timeline = MeshTimeline.Compute(Read(Certificate("  duration: 720h\n  renewBeforePercentage: 25")), At);

        Assert.Equal(25, timeline.Intermediate.ConfiguredRenewBeforePercentage?.Value);
        Assert.Equal(CertManagerRenewBeforeSource.RenewBeforePercentage, timeline.Intermediate.RenewBeforeSource);
        Assert.Equal(TimeSpan.FromHours(180), timeline.Intermediate.RenewBefore);
        Assert.Equal(TimeSpan.FromHours(540), timeline.Intermediate.RenewAfter);
    }

    [Fact]
    public void RenewBefore_not_below_duration_falls_back_to_one_third_as_the_controller_does()
    {
        MeshTimeline timeline = MeshTimeline.Compute(Read(Certificate("  duration: 720h\n  renewBefore: 720h")), At);

        Assert.Equal(CertManagerRenewBeforeSource.OneThirdOfLifetime, timeline.Intermediate.RenewBeforeSource);
        Assert.Equal(TimeSpan.FromHours(480), timeline.Intermediate.RenewAfter);
    }

    [Fact]
    public void Settings_that_cannot_be_used_are_reported_and_replaced_by_defaults()
    {
        const string Yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: istio
              namespace: istio-system
            data:
              mesh: |
                defaultConfig:
                  proxyMetadata:
                    SECRET_TTL: "one day"
            ---
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: istio-ca
            spec:
              isCA: true
              secretName: cacerts
              duration: -720h
            """;
        MeshTimeline timeline = MeshTimeline.Compute(Read(Yaml), At);

        Assert.True(timeline.Workload.Ttl.IsDefault);
        Assert.True(timeline.Intermediate.Duration.IsDefault);
        Assert.Collection(
            timeline.UnusableSettings,
            problem => Assert.Equal("SECRET_TTL", problem.FieldPath),
            problem => Assert.Equal("spec.duration", problem.FieldPath));
        Assert.All(timeline.UnusableSettings, problem => Assert.Equal(ConfigurationProblemKind.InvalidValue, problem.Kind));
    }

    [Fact]
    public void The_Certificate_writing_cacerts_is_preferred_over_another_CA_certificate()
    {
        const string Yaml = """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: other-ca
            spec:
              isCA: true
              secretName: other
              duration: 2160h
            ---
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: istio-ca
            spec:
              isCA: true
              secretName: cacerts
              duration: 720h
            """;
        MeshTimeline timeline = MeshTimeline.Compute(Read(Yaml), At);

        Assert.Equal("istio-ca", timeline.Intermediate.CertificateName);
        Assert.Equal(TimeSpan.FromHours(720), timeline.Intermediate.Duration.Value);
    }

    [Fact]
    public void Real_certificates_give_absolute_times_and_margins()
    {
        // The issuer returned a certificate of 700h (shorter than the 720h asked): cert-manager renews on the real lifetime.
        var notBefore = new DateTimeOffset(2026, 2, 20, 0, 0, 0, TimeSpan.Zero);
        var notAfter = notBefore.AddHours(700);
        var rootNotAfter = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        MeshCa root = MeshCa.Root(new CaCertificateSpec
        {
            CommonName = "Root",
            Key = TestKeys.P256,
            NotBefore = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero),
            NotAfter = rootNotAfter,
        });
        MeshCa intermediate = MeshCa.Issue(new CaCertificateSpec { CommonName = "Intermediate", Key = TestKeys.P256, NotBefore = notBefore, NotAfter = notAfter }, root);
        var certificates = new MeshTimelineCertificates(DerCertificate.Parse(intermediate.Der), DerCertificate.Parse(root.Der));

        MeshTimeline timeline = MeshTimeline.Compute(Read(RunbookYaml), At, certificates);

        MeshTimelineIntermediate result = timeline.Intermediate;
        Assert.True(result.IsFromCertificate);
        Assert.Equal(notBefore, result.NotBefore);
        Assert.Equal(notAfter, result.NotAfter);
        Assert.Equal(TimeSpan.FromHours(700), result.Lifetime);
        Assert.Equal(TimeSpan.FromHours(720), result.Duration.Value);
        Assert.Equal(TimeSpan.FromHours(532), result.RenewAfter);
        Assert.Equal(notBefore.AddHours(532), result.RenewalTime);
        Assert.Equal(rootNotAfter, timeline.RootNotAfter);
        Assert.Equal(notBefore.AddHours(532) - At, timeline.UntilIntermediateRenewal);
        Assert.Equal(notAfter - At, timeline.UntilIntermediateExpiry);
        Assert.Equal(rootNotAfter - At, timeline.UntilRootExpiry);
        Assert.Equal(rootNotAfter - notAfter, timeline.IntermediateExpiryBeforeRootExpiry);
        Assert.Equal(TimeSpan.FromHours(168), result.RenewalToExpiry);
    }

    [Fact]
    public void An_overdue_renewal_shows_as_a_negative_time_until_renewal()
    {
        var notBefore = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        MeshCa root = MeshCa.Root(new CaCertificateSpec { CommonName = "Root", Key = TestKeys.P256 });
        MeshCa intermediate = MeshCa.Issue(new CaCertificateSpec { CommonName = "Intermediate", Key = TestKeys.P256, NotBefore = notBefore, NotAfter = notBefore.AddHours(720) }, root);

        MeshTimeline timeline = MeshTimeline.Compute(Read(RunbookYaml), At, new MeshTimelineCertificates(DerCertificate.Parse(intermediate.Der), null));

        Assert.True(timeline.UntilIntermediateRenewal < TimeSpan.Zero);
        Assert.True(timeline.UntilIntermediateExpiry < TimeSpan.Zero);
        Assert.Null(timeline.UntilRootExpiry);
    }

    [Property(MaxTest = 500)]
    public Property Rotation_offsets_are_ordered_and_the_renewal_is_within_the_intermediates_validity()
    {
        Gen<(int TtlSeconds, int RatioPercent, int JitterPercent, int DurationHours, int? RenewBeforeHours, int? Percentage)> cases =
            from ttl in Gen.Choose(1, 90 * 86400)
            from ratio in Gen.Choose(-20, 120)
            from jitter in Gen.Choose(0, 60)
            from duration in Gen.Choose(1, 100_000)
            from renewBefore in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 120_000).Select(x => (int?)x))
            from percentage in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 99).Select(x => (int?)x))
            select (ttl, ratio, jitter, duration, renewBefore, percentage);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            string proxy = FormattableString.Invariant($"""
                meshConfig:
                  defaultConfig:
                    proxyMetadata:
                      SECRET_TTL: "{c.TtlSeconds}s"
                      SECRET_GRACE_PERIOD_RATIO: "{c.RatioPercent / 100.0}"
                      SECRET_GRACE_PERIOD_RATIO_JITTER: "{c.JitterPercent / 100.0}"
                """);
            string spec = FormattableString.Invariant($"  duration: {c.DurationHours}h")
                + (c.RenewBeforeHours is int rb ? FormattableString.Invariant($"\n  renewBefore: {rb}h") : string.Empty)
                + (c.Percentage is int p ? FormattableString.Invariant($"\n  renewBeforePercentage: {p}") : string.Empty);
            MeshTimeline timeline = MeshTimeline.Compute([ConfigurationReader.Read(proxy, "values.yaml"), ConfigurationReader.Read(Certificate(spec), "ca.yaml")], At);

            WorkloadRotationWindow window = timeline.Workload.RotateAfter;
            MeshTimelineIntermediate intermediate = timeline.Intermediate;
            Assert.Empty(timeline.UnusableSettings);
            return TimeSpan.Zero <= window.Earliest && window.Earliest <= window.Nominal && window.Nominal <= window.Latest
                && window.Latest <= timeline.Workload.Ttl.Value
                && TimeSpan.Zero <= intermediate.RenewAfter && intermediate.RenewAfter <= intermediate.Lifetime
                && intermediate.RenewalToExpiry >= TimeSpan.Zero;
        });
    }
}
