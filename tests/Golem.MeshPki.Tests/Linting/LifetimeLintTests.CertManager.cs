using Golem.MeshPki.Configuration;
using Golem.MeshPki.Linting;
using Golem.MeshPki.Rules;

namespace Golem.MeshPki.Tests.Linting;

/// <summary>cert-manager and Vault settings: MPKI2004-MPKI2009, and the runbook's own manifests.</summary>
public sealed partial class LifetimeLintTests
{
    private const string VaultClusterIssuer = """
        apiVersion: cert-manager.io/v1
        kind: ClusterIssuer
        metadata:
          name: vault-issuer
        spec:
          vault:
            server: https://vault:8200
            path: pki/sign/istio-ca
        """;

    [Fact]
    public void MPKI2004_renewBefore_equal_to_duration_is_rejected_by_the_webhook()
    {
        // certificate.go ValidateDuration: renewBefore >= duration fails.
        Finding finding = Single(Lint(Leaf("duration: 720h", "renewBefore: 720h")), "MPKI2004", 11, 16, RuleSeverity.Error);

        Assert.Equal(
            "cert-manager's webhook rejects Certificate 'apps/web': spec.renewBefore: Invalid value: \"720h0m0s\": certificate duration 720h0m0s must be greater than renewBefore 720h0m0s (were it admitted, cert-manager's controller would renew at two thirds of the lifetime instead).",
            finding.Message);
    }

    [Fact]
    public void MPKI2004_renewBefore_above_the_default_duration()
    {
        Single(Lint(Leaf("renewBefore: 2200h")), "MPKI2004", 10, 16, RuleSeverity.Error);
    }

    [Fact]
    public void MPKI2004_passes_below_duration()
    {
        Assert.Empty(Lint(Leaf("duration: 720h", "renewBefore: 719h59m59s")));
    }

    [Theory]
    [InlineData("duration: 59m59s", 10, 13, "spec.duration: Invalid value: \"59m59s\": certificate duration must be greater than 1h0m0s")]
    [InlineData("renewBefore: 4m59s", 10, 16, "spec.renewBefore: Invalid value: \"4m59s\": certificate renewBefore must be greater than 5m0s")]
    public void MPKI2005_duration_or_renewBefore_too_short(string line, int lineNumber, int column, string detail)
    {
        Finding finding = Single(Lint(Leaf(line)), "MPKI2005", lineNumber, column, RuleSeverity.Error);

        Assert.Contains(detail, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MPKI2005_percentage_resulting_below_5m()
    {
        // duration 1h, 92%: renewBefore = 1h * 8 / 100 = 4m48s.
        Single(Lint(Leaf("duration: 1h", "renewBeforePercentage: 92")), "MPKI2005", 11, 26, RuleSeverity.Error);
    }

    [Fact]
    public void MPKI2005_passes_at_the_webhook_boundaries_1h_and_5m()
    {
        // The webhook compares with <, not <=, whatever its message says.
        Assert.Empty(Lint(Leaf("duration: 1h", "renewBefore: 5m")));
    }

    [Fact]
    public void MPKI2005_unreadable_duration_is_a_finding_of_the_rule()
    {
        Finding finding = Single(Lint(Leaf("duration: 30d")), "MPKI2005", 10, 13, RuleSeverity.Error);

        Assert.StartsWith("spec.duration '30d' cannot be read as a Go duration: ", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MPKI2006_renewBefore_and_renewBeforePercentage_both_set_one_finding_at_the_percentage()
    {
        IReadOnlyList<Finding> findings = Lint(Leaf("duration: 720h", "renewBefore: 168h", "renewBeforePercentage: 25"));

        Finding finding = Single(findings, "MPKI2006", 12, 26, RuleSeverity.Error);
        Assert.Contains("renewBefore and renewBeforePercentage are mutually exclusive and cannot both be set", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MPKI2006_passes_with_one_of_them()
    {
        Assert.Empty(Lint(Leaf("duration: 720h", "renewBeforePercentage: 25")));
    }

    [Fact]
    public void MPKI2007_unknown_field_with_did_you_mean()
    {
        Finding finding = Single(Lint(Leaf("subject:", "  organisations: [Golem Trust]")), "MPKI2007", 11, 5, RuleSeverity.Error);

        Assert.Contains("'spec.subject.organisations'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'organizations'?", finding.Message, StringComparison.Ordinal);
        Assert.Empty(Lint(Leaf("subject:", "  organizations: [Golem Trust]")));
    }

    [Fact]
    public void MPKI2008_isCA_from_a_Vault_sign_role_ClusterIssuer_points_at_isCA()
    {
        IReadOnlyList<Finding> findings = Lint(Intermediate("duration: 720h", "renewBefore: 168h"), VaultClusterIssuer);

        Finding finding = Single(findings, "MPKI2008", 8, 9, RuleSeverity.Error);
        Assert.Contains("posts to Vault path 'pki/sign/istio-ca' (m1.yaml(8,11)), a sign/<role> endpoint: Vault returns a non-CA certificate", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pki/root/sign-intermediate")]
    [InlineData("pki_int/root/sign-intermediate")]
    public void MPKI2008_passes_with_sign_intermediate(string path)
    {
        Assert.Empty(Lint(Intermediate("duration: 720h", "renewBefore: 168h"), VaultClusterIssuer.Replace("pki/sign/istio-ca", path, StringComparison.Ordinal)));
    }

    [Fact]
    public void MPKI2008_resolves_Issuers_by_name_and_namespace()
    {
        string issuer = VaultClusterIssuer.Replace("kind: ClusterIssuer", "kind: Issuer", StringComparison.Ordinal);
        string certificate = Intermediate("duration: 720h", "renewBefore: 168h").Replace("    kind: ClusterIssuer\n", string.Empty, StringComparison.Ordinal);
        string inNamespace = issuer.Replace("  name: vault-issuer", "  name: vault-issuer\n  namespace: istio-system", StringComparison.Ordinal);

        Assert.Empty(Lint(certificate, issuer));
        Single(Lint(certificate, inNamespace), "MPKI2008", 8, 9, RuleSeverity.Error);
        Assert.Empty(Lint(Intermediate("duration: 720h", "renewBefore: 168h"), inNamespace));
    }

    [Fact]
    public void MPKI2009_duration_above_the_Vault_max_TTL_warning_only_when_known()
    {
        string certificate = Intermediate("duration: 720h", "renewBefore: 168h");

        Finding finding = Single(Lint(new LifetimeLintOptions { VaultMaxTtl = TimeSpan.FromHours(500) }, certificate), "MPKI2009", 12, 13, RuleSeverity.Warning);
        Assert.Contains("duration '720h' is above the Vault mount's max TTL 500h0m0s", finding.Message, StringComparison.Ordinal);
        Assert.Empty(Lint(new LifetimeLintOptions { VaultMaxTtl = TimeSpan.FromHours(720) }, certificate));
        Assert.Empty(Lint(certificate));
    }

    [Fact]
    public void MPKI2009_duration_past_the_root_NotAfter_warning()
    {
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        string certificate = Intermediate("duration: 720h", "renewBefore: 168h");

        Finding finding = Single(
            Lint(new LifetimeLintOptions { EvaluationTime = now, RootNotAfter = now.AddDays(29) }, certificate), "MPKI2009", 12, 13, RuleSeverity.Warning);
        Assert.Contains("runs past the root's NotAfter 2026-01-30 00:00:00Z", finding.Message, StringComparison.Ordinal);
        Assert.Empty(Lint(new LifetimeLintOptions { EvaluationTime = now, RootNotAfter = now.AddDays(30) }, certificate));
    }

    [Fact]
    public void Runbook_all_in_one_file_reports_organisations_and_the_sign_role_issuer()
    {
        IReadOnlyList<Finding> findings = LifetimeLint.Check([Fixture("runbook-all.yaml")]);

        Assert.Equal(
            [
                ("MPKI2008", RuleSeverity.Error, "runbook-all.yaml", 34, 9),
                ("MPKI2007", RuleSeverity.Error, "runbook-all.yaml", 36, 5),
            ],
            Summary(findings));
    }

    [Fact]
    public void Runbook_files_together_report_organisations_and_the_sign_role_issuer()
    {
        IReadOnlyList<Finding> findings = LifetimeLint.Check(
            [Fixture("runbook-istio-configmap.yaml"), Fixture("runbook-istio-ca-certificate.yaml"), Fixture("runbook-vault-clusterissuer.yaml")]);

        Assert.Equal(
            [
                ("MPKI2008", RuleSeverity.Error, "runbook-istio-ca-certificate.yaml", 11, 9),
                ("MPKI2007", RuleSeverity.Error, "runbook-istio-ca-certificate.yaml", 13, 5),
            ],
            Summary(findings));
        Assert.Equal(
            "runbook-istio-ca-certificate.yaml(13,5): error MPKI2007: Unknown field 'spec.subject.organisations' in Certificate 'istio-ca'; did you mean 'organizations'? cert-manager drops it, or rejects the object under strict field validation.",
            findings[1].ToString());
    }

    [Fact]
    public void Runbook_Certificate_without_its_issuer_reports_only_organisations()
    {
        Assert.Equal(
            [("MPKI2007", RuleSeverity.Error, "runbook-istio-ca-certificate.yaml", 13, 5)],
            Summary(LifetimeLint.Check([Fixture("runbook-istio-ca-certificate.yaml")])));
    }

    [Fact]
    public void Problems_no_rule_reads_are_not_findings_and_RuleFor_says_so()
    {
        ConfigurationDocumentSet set = ConfigurationReader.Read("a: [\n", File);

        Assert.Null(LifetimeLint.RuleFor(Assert.Single(set.Problems)));
        Assert.Empty(LifetimeLint.Check([set]));
        ConfigurationDocumentSet invalid = Fixture("invalid-values.yaml");
        Assert.Equal(
            invalid.Problems.Count(p => LifetimeLint.RuleFor(p) is not null),
            LifetimeLint.Check([invalid]).Count);
    }
}
