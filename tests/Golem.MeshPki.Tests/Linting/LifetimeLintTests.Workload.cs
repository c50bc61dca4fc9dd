using Golem.MeshPki.Linting;
using Golem.MeshPki.Rules;

namespace Golem.MeshPki.Tests.Linting;

/// <summary>istio-agent and istiod settings: MPKI2001, MPKI2002, MPKI2003, MPKI2010.</summary>
public sealed partial class LifetimeLintTests
{
    [Theory]
    [InlineData("0", "istio-agent rotates at expiry")]
    [InlineData("1", "istio-agent rotates at once")]
    [InlineData("-0.5", "rotates at expiry")]
    [InlineData("1.5", "rotates at once")]
    public void MPKI2001_ratio_outside_0_1_is_an_error(string ratio, string effect)
    {
        // secretcache.go rotateTime clamps ratio + jitter to [0, 1].
        Finding finding = Single(Lint(Mesh("SECRET_GRACE_PERIOD_RATIO: " + ratio)), "MPKI2001", 9, 36, RuleSeverity.Error);

        Assert.Contains($"SECRET_GRACE_PERIOD_RATIO '{ratio}' is outside (0, 1)", finding.Message, StringComparison.Ordinal);
        Assert.Contains(effect, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MPKI2001_ratio_above_0_9_renews_more_often_than_every_10_percent_warning()
    {
        Finding finding = Single(Lint(Mesh("SECRET_GRACE_PERIOD_RATIO: 0.95")), "MPKI2001", 9, 36, RuleSeverity.Warning);

        Assert.Contains("rotates workload certificates 1h12m0s after issuance with istio-agent's default SECRET_TTL 24h0m0s", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MPKI2001_slack_below_1h_warning_at_the_TTL_when_ratio_is_default()
    {
        // 1h, 0.5 +/- 0.01: the latest rotation is at 0.51h, leaving 29m24s.
        Finding finding = Single(Lint(Mesh("SECRET_TTL: 1h")), "MPKI2001", 9, 21, RuleSeverity.Warning);

        Assert.Contains("leaves 29m24s between the latest rotation and expiry, less than 1h0m0s", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MPKI2001_slack_counts_the_jitter()
    {
        // 4h, 0.3 - 0.1: the latest rotation leaves 0.2 * 4h = 48m.
        Finding finding = Single(
            Lint(Mesh("SECRET_TTL: 4h", "SECRET_GRACE_PERIOD_RATIO: 0.3", "SECRET_GRACE_PERIOD_RATIO_JITTER: 0.1")), "MPKI2001", 10, 36, RuleSeverity.Warning);

        Assert.Contains("leaves 48m0s", finding.Message, StringComparison.Ordinal);
        Assert.Empty(Lint(Mesh("SECRET_TTL: 4h", "SECRET_GRACE_PERIOD_RATIO: 0.3", "SECRET_GRACE_PERIOD_RATIO_JITTER: 0.01")));
    }

    [Fact]
    public void Negative_SECRET_TTL_that_Go_parses_is_still_rejected()
    {
        // time.ParseDuration accepts "-1m"; a lifetime cannot be negative (issue 4: "-1m" rejected where negative makes no sense).
        Finding finding = Single(Lint(Mesh("SECRET_TTL: -1m")), "MPKI2002", 9, 21, RuleSeverity.Error);

        Assert.Contains("SECRET_TTL '-1m' is negative", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SECRET_GRACE_PERIOD_RATIO: 0.5")]
    [InlineData("SECRET_GRACE_PERIOD_RATIO: 0.9")]
    [InlineData("SECRET_GRACE_PERIOD_RATIO: 0.1")]
    [InlineData("SECRET_TTL: 2h3m")]
    public void MPKI2001_passes(string line)
    {
        Assert.Empty(Lint(Mesh(line)));
    }

    [Fact]
    public void MPKI2001_unreadable_ratio_is_a_finding_of_the_rule()
    {
        Finding finding = Single(Lint(Mesh("SECRET_GRACE_PERIOD_RATIO: half")), "MPKI2001", 9, 36, RuleSeverity.Error);

        Assert.Contains("'half', which is not a number", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MPKI2002_SECRET_TTL_above_default_maximum_fails_every_CSR()
    {
        Finding finding = Single(Lint(Mesh("SECRET_TTL: 2400h")), "MPKI2002", 9, 21, RuleSeverity.Error);

        Assert.Equal(
            "SECRET_TTL '2400h' is above istiod's default MAX_WORKLOAD_CERT_TTL 2160h0m0s: every workload CSR fails with TTL_ERROR (requested TTL 2400h0m0s is greater than the max allowed TTL 2160h0m0s).",
            finding.Message);
    }

    [Fact]
    public void MPKI2002_SECRET_TTL_above_the_Deployment_maximum()
    {
        IReadOnlyList<Finding> findings = Lint(Mesh("SECRET_TTL: 72h"), Istiod("- name: MAX_WORKLOAD_CERT_TTL", "  value: 48h"));

        Finding finding = Single(findings, "MPKI2002", 9, 21, RuleSeverity.Error);
        Assert.Contains("istiod's MAX_WORKLOAD_CERT_TTL '48h'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MPKI2002_default_SECRET_TTL_above_the_Deployment_maximum_points_at_the_maximum()
    {
        IReadOnlyList<Finding> findings = Lint(Istiod("- name: MAX_WORKLOAD_CERT_TTL", "  value: 12h"));

        Finding finding = Assert.Single(findings);
        Assert.Equal(("MPKI2002", RuleSeverity.Error, File, 14, 18), Summary(findings)[0]);
        Assert.StartsWith("istio-agent's default SECRET_TTL 24h0m0s is above istiod's MAX_WORKLOAD_CERT_TTL '12h'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MPKI2002_DEFAULT_WORKLOAD_CERT_TTL_above_maximum_is_issued_not_refused_warning()
    {
        IReadOnlyList<Finding> findings = Lint(Istiod("- name: MAX_WORKLOAD_CERT_TTL", "  value: 48h", "- name: DEFAULT_WORKLOAD_CERT_TTL", "  value: 72h"));

        Finding finding = Assert.Single(findings);
        Assert.Equal(("MPKI2002", RuleSeverity.Warning, File, 16, 18), Summary(findings)[0]);
        Assert.Contains("istiod does not refuse it", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SECRET_TTL: 2160h")]
    [InlineData("SECRET_TTL: 86400s")]
    public void MPKI2002_passes_up_to_the_maximum(string line)
    {
        Assert.Empty(Lint(Mesh(line)));
    }

    [Fact]
    public void MPKI2002_unreadable_SECRET_TTL_is_a_finding_of_the_rule()
    {
        Finding finding = Single(Lint(Mesh("SECRET_TTL: 1d")), "MPKI2002", 9, 21, RuleSeverity.Error);

        Assert.StartsWith("SECRET_TTL '1d' cannot be read as a Go duration: ", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MPKI2003_SECRET_TTL_not_below_the_intermediate_renewBefore()
    {
        IReadOnlyList<Finding> findings = Lint(Mesh("SECRET_TTL: 24h"), Intermediate("duration: 72h", "renewBefore: 24h"));

        Finding finding = Single(findings, "MPKI2003", 9, 21, RuleSeverity.Error);
        Assert.Equal(
            "SECRET_TTL '24h' is not below the 24h0m0s before expiry at which cert-manager renews intermediate 'istio-system/istio-ca' (renewBefore '24h'): workload certificates signed just before the renewal would outlive it; before Istio 1.31 they outlive the intermediate and their chain expires first; from 1.31 on they are cut short.",
            finding.Message);
    }

    [Fact]
    public void MPKI2003_uses_the_renewBefore_cert_manager_uses_and_the_Istio_version()
    {
        // renewBefore >= duration: cert-manager's controller falls back to one third (renewaltime.go), 8h here.
        IReadOnlyList<Finding> findings = Lint(
            Mesh("SECRET_TTL: 8h"), Intermediate("duration: 24h", "renewBefore: 24h"), Istiod("- name: PILOT_CERT_PROVIDER", "  value: istiod"));

        Finding finding = Single(findings, "MPKI2003", 9, 21, RuleSeverity.Error);
        Assert.Contains("the 8h0m0s before expiry at which cert-manager renews intermediate 'istio-system/istio-ca' (one third of the duration)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("istiod 1.24.2 issues them past the intermediate's NotAfter", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MPKI2003_default_SECRET_TTL_points_at_the_intermediate_renewBefore()
    {
        IReadOnlyList<Finding> findings = Lint(new LifetimeLintOptions { IstioVersion = new(1, 31) }, Intermediate("duration: 72h", "renewBefore: 12h"));

        Finding finding = Single(findings, "MPKI2003", 13, 16, RuleSeverity.Error);
        Assert.Contains("istio-agent's default SECRET_TTL 24h0m0s is not below the 12h0m0s", finding.Message, StringComparison.Ordinal);
        Assert.Contains("from Istio 1.31 on, istiod cuts them short", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MPKI2003_passes_below_renewBefore_and_for_leaf_certificates()
    {
        Assert.Empty(Lint(Mesh("SECRET_TTL: 24h"), Intermediate("duration: 720h", "renewBefore: 24h1s")));
        Assert.Empty(Lint(Mesh("SECRET_TTL: 24h"), Leaf("duration: 72h", "renewBefore: 12h")));
    }

    [Fact]
    public void MPKI2010_workload_TTL_below_1h_warning()
    {
        Finding finding = Single(Lint(Mesh("SECRET_TTL: 59m59s", "SECRET_GRACE_PERIOD_RATIO: 0.99")), "MPKI2010", 9, 21, RuleSeverity.Warning);

        Assert.Equal("SECRET_TTL '59m59s' is below 1h0m0s: every workload renews its certificate that often, load on istiod for no security gain.", finding.Message);
        Single(Lint(Istiod("- name: DEFAULT_WORKLOAD_CERT_TTL", "  value: 30m")), "MPKI2010", 14, 18, RuleSeverity.Warning);
    }

    [Fact]
    public void MPKI2010_passes_at_1h()
    {
        Assert.DoesNotContain(Lint(Mesh("SECRET_TTL: 1h")), f => f.Id == "MPKI2010");
    }
}
