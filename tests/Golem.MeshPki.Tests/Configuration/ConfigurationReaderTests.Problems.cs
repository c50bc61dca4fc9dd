using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

using Golem.MeshPki.Configuration;

namespace Golem.MeshPki.Tests.Configuration;

public sealed partial class ConfigurationReaderTests
{
    [Fact]
    public void UnknownFields_InVaultIssuerAtAnyDepth_WithSuggestions()
    {
        const string Yaml = """
            apiVersion: cert-manager.io/v1
            kind: ClusterIssuer
            metadata:
              name: vault-issuer
            sepc:
              x: 1
            spec:
              vault:
                sever: https://vault:8200
                path: pki/sign/istio-ca
                auth:
                  kubernetes:
                    rol: cert-manager
                    secretRef:
                      name: t
                      keys: token
                  tokenSecretref:
                    name: t
            """;

        ConfigurationDocumentSet set = ConfigurationReader.Read(Yaml, "issuer.yaml");

        Assert.Equal(
            [
                ("sepc", "spec", 5, 1),
                ("spec.vault.sever", "server", 9, 5),
                ("spec.vault.auth.kubernetes.rol", "role", 13, 9),
                ("spec.vault.auth.kubernetes.secretRef.keys", "key", 16, 11),
                ("spec.vault.auth.tokenSecretref", "tokenSecretRef", 17, 7),
            ],
            set.Problems.Select(p => (p.FieldPath!, p.Suggestion!, p.Position.Line, p.Position.Column)));
        Assert.All(set.Problems, p => Assert.Equal(ConfigurationProblemKind.UnknownField, p.Kind));
        Assert.Equal("pki/sign/istio-ca", Assert.Single(set.Issuers).Vault!.Path!.Value);
    }

    [Fact]
    public void FreeFormMapsAndAcme_AreNotChecked()
    {
        const string Yaml = """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: c
              labels:
                anything-goes: "yes"
            spec:
              secretName: s
              secretTemplate:
                annotations:
                  reflector.v1.k8s.emberstack.com/reflection-allowed: "true"
              issuerRef:
                name: i
            ---
            apiVersion: cert-manager.io/v1
            kind: Issuer
            metadata:
              name: le
            spec:
              acme:
                server: https://acme.example/directory
                privateKeySecretRef:
                  name: k
            """;

        ConfigurationDocumentSet set = ConfigurationReader.Read(Yaml, "free.yaml");

        Assert.Empty(set.Problems);
        Assert.Equal("acme", Assert.Single(set.Issuers).IssuerType);
        Assert.Null(set.Issuers[0].Vault);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("T", true)]
    [InlineData("False", false)]
    [InlineData("0", false)]
    public void IstioMultirootMesh_ReadsAsGoParseBool(string text, bool expected)
    {
        string yaml = $"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: istiod
            spec:
              template:
                spec:
                  containers:
                  - name: discovery
                    env:
                    - name: ISTIO_MULTIROOT_MESH
                      value: "{text}"
            """;

        IstiodDeploymentSettings istiod = Assert.Single(ConfigurationReader.Read(yaml, "istiod.yaml").IstiodDeployments);
        Assert.Equal(expected, istiod.MultiRootMesh!.Value);
    }

    [Fact]
    public void IstioMultirootMesh_YesIsNotAGoBool()
    {
        const string Yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: istiod
            spec:
              template:
                spec:
                  containers:
                  - name: discovery
                    env:
                    - name: ISTIO_MULTIROOT_MESH
                      value: "yes"
            """;

        ConfigurationDocumentSet set = ConfigurationReader.Read(Yaml, "istiod.yaml");

        Assert.Null(Assert.Single(set.IstiodDeployments).MultiRootMesh);
        ConfigurationProblem problem = Assert.Single(set.Problems);
        Assert.Equal(new SourcePosition("istiod.yaml", 12, 18), problem.Position);
    }

    // ---- properties -------------------------------------------------------------------------------

    [Property(MaxTest = 1000)]
    public bool AnyString_ReadsWithoutThrowing(string text)
    {
        return text is null || ConfigurationReader.Read(text, "fuzz.yaml") is not null;
    }

    [Property(MaxTest = 1500)]
    public Property MutatedRunbookManifests_NeverThrow_AndProblemsPointInsideTheFile()
    {
        string fixture = File.ReadAllText(FixturePath("runbook-all.yaml"));
        string[] pieces = ["", "\n", "  ", "    ", ": ", "- ", "|\n", "\"", "'", "{", "[", "---\n", "x", "0.5", "organisations", "\t", "#"];
        Gen<string> mutated =
            from position in Gen.Choose(0, fixture.Length)
            from length in Gen.Choose(0, 6)
            from piece in Gen.Elements(pieces)
            select string.Concat(fixture.AsSpan(0, position), piece, fixture.AsSpan(Math.Min(fixture.Length, position + length)));
        return Prop.ForAll(mutated.ToArbitrary(), text =>
        {
            ConfigurationDocumentSet set = ConfigurationReader.Read(text, "m.yaml");
            int lines = text.Split('\n').Length;
            return set.Problems.All(p => p.Position.Line >= 1 && p.Position.Line <= lines && p.Position.Column >= 1);
        });
    }
}
