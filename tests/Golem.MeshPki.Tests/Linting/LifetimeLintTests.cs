using Golem.MeshPki.Configuration;
using Golem.MeshPki.Linting;
using Golem.MeshPki.Rules;

namespace Golem.MeshPki.Tests.Linting;

/// <summary>
/// MPKI2001-MPKI2010 over manifests: every rule has a failing and a passing case, and every finding points at
/// the value concerned. Partial files by topic: workload settings, cert-manager settings, the runbook.
/// </summary>
public sealed partial class LifetimeLintTests
{
    private const string File = "m.yaml";

    /// <summary>The mesh ConfigMap with <paramref name="proxyMetadata"/> lines under proxyMetadata, the first on line 9, values at column 8 + key + 3.</summary>
    private static string Mesh(params string[] proxyMetadata) => """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: istio
        data:
          mesh: |
            defaultConfig:
              proxyMetadata:

        """ + string.Concat(proxyMetadata.Select(line => "        " + line + "\n"));

    /// <summary>The runbook's intermediate (isCA at (8,9)) with <paramref name="spec"/> lines from line 12 (duration: col 13, renewBefore: col 16, renewBeforePercentage: col 26).</summary>
    private static string Intermediate(params string[] spec) => """
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata:
          name: istio-ca
          namespace: istio-system
        spec:
          secretName: cacerts
          isCA: true
          issuerRef:
            name: vault-issuer
            kind: ClusterIssuer

        """ + string.Concat(spec.Select(line => "  " + line + "\n"));

    /// <summary>A leaf Certificate (neither isCA nor cacerts) with <paramref name="spec"/> lines from line 10, same columns as <see cref="Intermediate"/>.</summary>
    private static string Leaf(params string[] spec) => """
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata:
          name: web
          namespace: apps
        spec:
          secretName: web-tls
          issuerRef:
            name: vault-issuer

        """ + string.Concat(spec.Select(line => "  " + line + "\n"));

    private static string Istiod(params string[] env) => """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: istiod
          namespace: istio-system
        spec:
          template:
            spec:
              containers:
              - name: discovery
                image: docker.io/istio/pilot:1.24.2
                env:

        """ + string.Concat(env.Select(line => "        " + line + "\n"));

    private static IReadOnlyList<Finding> Lint(params string[] files) => Lint(null, files);

    private static IReadOnlyList<Finding> Lint(LifetimeLintOptions? options, params string[] files) =>
        LifetimeLint.Check([.. files.Select((text, i) => ConfigurationReader.Read(text, i == 0 ? File : $"m{i}.yaml"))], options);

    private static (string Id, RuleSeverity Severity, string File, int Line, int Column)[] Summary(IEnumerable<Finding> findings) =>
        [.. findings.Select(f => (f.Id, f.Severity, f.Location!.Value.File, f.Location.Value.Line, f.Location.Value.Column))];

    private static Finding Single(IReadOnlyList<Finding> findings, string id, int line, int column, RuleSeverity severity)
    {
        Finding finding = Assert.Single(findings, f => f.Id == id);
        Assert.Equal((id, severity, File, line, column), Summary([finding])[0]);
        Assert.EndsWith(".", finding.Message, StringComparison.Ordinal);
        return finding;
    }

    private static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Configuration", "testdata", name);

    private static ConfigurationDocumentSet Fixture(string name) => ConfigurationReader.Read(System.IO.File.ReadAllText(FixturePath(name)), name);

    [Fact]
    public void Every_finding_is_located_and_ordered_by_file_line_column()
    {
        IReadOnlyList<Finding> findings = Lint(Mesh("SECRET_TTL: 30m", "SECRET_GRACE_PERIOD_RATIO: 0"), Leaf("duration: 30m"));

        Assert.All(findings, f => Assert.NotNull(f.Location));
        Assert.Equal(
            [
                ("MPKI2010", RuleSeverity.Warning, File, 9, 21),
                ("MPKI2001", RuleSeverity.Error, File, 10, 36),
                ("MPKI2005", RuleSeverity.Error, "m1.yaml", 10, 13),
            ],
            Summary(findings));
    }

    [Fact]
    public void Nothing_to_lint_gives_no_findings()
    {
        Assert.Empty(LifetimeLint.Check([]));
        Assert.Empty(Lint("apiVersion: v1\nkind: Secret\nmetadata:\n  name: x\n"));
    }

    [Fact]
    public void RootNotAfter_without_an_evaluation_time_is_misuse()
    {
        Assert.Throws<ArgumentException>(() => LifetimeLint.Check([], new LifetimeLintOptions { RootNotAfter = DateTimeOffset.UnixEpoch }));
    }
}
