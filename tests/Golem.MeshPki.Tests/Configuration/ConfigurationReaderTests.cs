using System.Text;

using Golem.MeshPki.Configuration;

namespace Golem.MeshPki.Tests.Configuration;

public sealed partial class ConfigurationReaderTests
{
    // ---- the runbook's manifests (../shared/seed-runbook.txt) ----------------------------------

    [Fact]
    public void RunbookCertificate_ReportsOrganisationsAtItsLineAndColumnWithDidYouMean()
    {
        ConfigurationDocumentSet set = Read("runbook-istio-ca-certificate.yaml");

        ConfigurationProblem problem = Assert.Single(set.Problems);
        Assert.Equal(ConfigurationProblemKind.UnknownField, problem.Kind);
        Assert.Equal(new SourcePosition("runbook-istio-ca-certificate.yaml", 13, 5), problem.Position);
        Assert.Equal("spec.subject.organisations", problem.FieldPath);
        Assert.Equal("organizations", problem.Suggestion);
        Assert.Equal(
            "runbook-istio-ca-certificate.yaml(13,5): Unknown field 'spec.subject.organisations' in Certificate 'istio-ca'; did you mean 'organizations'?",
            problem.ToString());
    }

    [Fact]
    public void RunbookCertificate_ReadsLifetimeIdentityAndIssuerWithPositions()
    {
        CertManagerCertificate certificate = Assert.Single(Read("runbook-istio-ca-certificate.yaml").Certificates);

        Assert.Equal("istio-ca", certificate.Name);
        Assert.Equal("istio-system", certificate.Namespace);
        Assert.Equal(new SourcePosition("runbook-istio-ca-certificate.yaml", 2, 1), certificate.Position);
        Assert.Equal("720h", certificate.Duration!.RawValue);
        Assert.Equal(new SourcePosition("runbook-istio-ca-certificate.yaml", 9, 13), certificate.Duration.Position);
        Assert.Equal("168h", certificate.RenewBefore!.Value);
        Assert.Null(certificate.RenewBeforePercentage);
        Assert.True(certificate.IsCA!.Value);
        Assert.Equal("cacerts", certificate.SecretName!.Value);
        Assert.Equal("Golem Trust Istio CA", certificate.CommonName!.Value);

        // The misspelt field is dropped, as cert-manager drops it: the certificate has no organization.
        Assert.Empty(certificate.Subject!.Organizations);
        Assert.Equal(["AM"], certificate.Subject.Countries.Select(c => c.Value));
        Assert.Equal("vault-issuer", certificate.IssuerRef!.Name!.Value);
        Assert.Equal("ClusterIssuer", certificate.IssuerRef.Kind!.Value);
        Assert.Equal("cert-manager.io", certificate.IssuerRef.Group!.Value);
    }

    [Fact]
    public void RunbookConfigMap_PositionsInsideDataMeshMapToTheOuterFile()
    {
        ConfigurationDocumentSet set = Read("runbook-istio-configmap.yaml");

        Assert.Empty(set.Problems);
        MeshConfigSettings mesh = Assert.Single(set.MeshConfigs);
        Assert.Equal(MeshConfigOrigin.ConfigMap, mesh.Origin);
        Assert.Equal("istio", mesh.ObjectName);
        Assert.Equal("istio-system", mesh.Namespace);
        Assert.Equal("86400s", mesh.SecretTtl!.RawValue);
        Assert.Equal(new SourcePosition("runbook-istio-configmap.yaml", 11, 21), mesh.SecretTtl.Position);
        Assert.Equal(0.5, mesh.GracePeriodRatio!.Value);
        Assert.Equal("0.5", mesh.GracePeriodRatio.RawValue);
        Assert.Equal(new SourcePosition("runbook-istio-configmap.yaml", 12, 36), mesh.GracePeriodRatio.Position);
        Assert.Null(mesh.GracePeriodRatioJitter);
    }

    [Fact]
    public void RunbookVaultClusterIssuer_ReadsSignPathAndKubernetesAuth()
    {
        ConfigurationDocumentSet set = Read("runbook-vault-clusterissuer.yaml");

        Assert.Empty(set.Problems);
        CertManagerIssuer issuer = Assert.Single(set.Issuers);
        Assert.Equal("ClusterIssuer", issuer.Kind);
        Assert.Equal("vault-issuer", issuer.Name);
        Assert.Null(issuer.Namespace);
        Assert.Equal("vault", issuer.IssuerType);
        Assert.Equal("pki/sign/istio-ca", issuer.Vault!.Path!.Value);
        Assert.Equal(new SourcePosition("runbook-vault-clusterissuer.yaml", 9, 11), issuer.Vault.Path.Position);
        Assert.Equal("https://vault.golem-trust.internal:8200", issuer.Vault.Server!.Value);
        Assert.Equal(["kubernetes"], issuer.Vault.Auth!.Methods);
        Assert.Equal("cert-manager", issuer.Vault.Auth.KubernetesRole!.Value);
        Assert.Equal("/v1/auth/kubernetes", issuer.Vault.Auth.KubernetesMountPath!.Value);
        Assert.Equal("cert-manager-vault-token", issuer.Vault.Auth.KubernetesSecretName!.Value);
    }

    [Fact]
    public void MultiDocument_ReadsEachKindAndSkipsTheSecret()
    {
        ConfigurationDocumentSet set = Read("runbook-all.yaml");

        Assert.Equal(4, set.DocumentCount);
        Assert.Single(set.MeshConfigs);
        Assert.Single(set.Issuers);
        Assert.Single(set.Certificates);
        Assert.Equal("Secret", Assert.Single(set.Skipped).Kind);
        Assert.Equal(3, Assert.Single(set.Skipped).DocumentIndex);

        // Positions count lines from the top of the file, not of the document.
        Assert.Equal(10, set.MeshConfigs[0].SecretTtl!.Position.Line);
        Assert.Equal(20, set.Issuers[0].Vault!.Path!.Position.Line);
        ConfigurationProblem problem = Assert.Single(set.Problems);
        Assert.Equal(new SourcePosition("runbook-all.yaml", 36, 5), problem.Position);
        Assert.Equal("organizations", problem.Suggestion);
    }

    // ---- input forms -------------------------------------------------------------------------------

    [Fact]
    public void KubectlJson_ReadsTheMeshAndMapsEmbeddedPositionsToTheEscapedString()
    {
        ConfigurationDocumentSet set = Read("istio-configmap-kubectl.json");

        Assert.Empty(set.Problems);
        MeshConfigSettings mesh = Assert.Single(set.MeshConfigs);
        Assert.Equal("12h", mesh.SecretTtl!.Value);
        Assert.Equal(0.25, mesh.GracePeriodRatio!.Value);

        // A JSON string's lines are escapes, so positions inside it are the string's own.
        Assert.Equal(new SourcePosition("istio-configmap-kubectl.json", 10, 17), mesh.SecretTtl.Position);
        Assert.Equal(mesh.SecretTtl.Position, mesh.GracePeriodRatio.Position);
    }

    [Fact]
    public void KubectlList_ReadsItemsAndSkipsOtherKinds()
    {
        ConfigurationDocumentSet set = Read("list-kubectl.yaml");

        Assert.Empty(set.Problems);
        CertManagerCertificate certificate = Assert.Single(set.Certificates);
        Assert.Equal("2160h", certificate.Duration!.Value);
        Assert.Equal(25, certificate.RenewBeforePercentage!.Value);
        Assert.Equal(new SourcePosition("list-kubectl.yaml", 11, 28), certificate.RenewBeforePercentage.Position);
        Assert.Equal("ECDSA", certificate.PrivateKey!.Algorithm!.Value);
        Assert.Equal(384, certificate.PrivateKey.Size!.Value);
        Assert.Equal("PKCS8", certificate.PrivateKey.Encoding!.Value);
        Assert.Equal("Always", certificate.PrivateKey.RotationPolicy!.Value);
        Assert.Equal(["cert sign", "crl sign"], certificate.Usages.Select(u => u.Value));

        CertManagerIssuer issuer = Assert.Single(set.Issuers);
        Assert.Equal("Issuer", issuer.Kind);
        Assert.Equal("pki_int/root/sign-intermediate", issuer.Vault!.Path!.Value);
        Assert.Equal("platform", issuer.Vault.VaultNamespace!.Value);
        Assert.Equal(["appRole"], issuer.Vault.Auth!.Methods);
        Assert.Equal("approle", issuer.Vault.Auth.AppRolePath!.Value);
        Assert.Equal("6f1c-role", issuer.Vault.Auth.AppRoleRoleId!.Value);
        Assert.Equal("approle-secret", issuer.Vault.Auth.AppRoleSecretName!.Value);

        Assert.Equal("Service", Assert.Single(set.Skipped).Kind);
    }

    [Fact]
    public void IstioOperator_ReadsSpecMeshConfig()
    {
        MeshConfigSettings mesh = Assert.Single(Read("istiooperator.yaml").MeshConfigs);

        Assert.Equal(MeshConfigOrigin.IstioOperator, mesh.Origin);
        Assert.Equal("control-plane", mesh.ObjectName);
        Assert.Equal("6h", mesh.SecretTtl!.Value);
        Assert.Equal(0.3, mesh.GracePeriodRatio!.Value);
        Assert.Equal(0.05, mesh.GracePeriodRatioJitter!.Value);
        Assert.Equal(new SourcePosition("istiooperator.yaml", 13, 43), mesh.GracePeriodRatioJitter.Position);
    }

    [Fact]
    public void HelmValues_ReadsTopLevelMeshConfig_UnquotedRatio()
    {
        ConfigurationDocumentSet set = Read("helm-values.yaml");

        Assert.Empty(set.Problems);
        Assert.Empty(set.Skipped);
        MeshConfigSettings mesh = Assert.Single(set.MeshConfigs);
        Assert.Equal(MeshConfigOrigin.HelmValues, mesh.Origin);
        Assert.Null(mesh.ObjectKind);
        Assert.Equal("1h30m", mesh.SecretTtl!.Value);
        Assert.Equal(0.4, mesh.GracePeriodRatio!.Value);
        Assert.Equal(new SourcePosition("helm-values.yaml", 8, 34), mesh.GracePeriodRatio.Position);
    }

    [Fact]
    public void ProxyConfigAnnotation_InDeploymentTemplateAndPod()
    {
        ConfigurationDocumentSet set = Read("workload-annotation.yaml");

        Assert.Empty(set.Problems);
        Assert.Empty(set.Skipped);
        Assert.Equal(2, set.MeshConfigs.Count);

        MeshConfigSettings deployment = set.MeshConfigs[0];
        Assert.Equal(MeshConfigOrigin.PodAnnotation, deployment.Origin);
        Assert.Equal("Deployment", deployment.ObjectKind);
        Assert.Equal("payments", deployment.ObjectName);
        Assert.Equal("2h", deployment.SecretTtl!.Value);
        Assert.Equal(new SourcePosition("workload-annotation.yaml", 12, 25), deployment.SecretTtl.Position);
        Assert.Equal(0.6, deployment.GracePeriodRatio!.Value);

        // A quoted one-line annotation: positions are the string's.
        MeshConfigSettings pod = set.MeshConfigs[1];
        Assert.Equal("Pod", pod.ObjectKind);
        Assert.Equal("30m", pod.SecretTtl!.Value);
        Assert.Equal(new SourcePosition("workload-annotation.yaml", 24, 28), pod.SecretTtl.Position);
    }

    [Fact]
    public void IstiodDeployment_ReadsEnvAndImageTag()
    {
        ConfigurationDocumentSet set = Read("istiod-deployment.yaml");

        Assert.Empty(set.Problems);
        IstiodDeploymentSettings istiod = Assert.Single(set.IstiodDeployments);
        Assert.Equal("istiod", istiod.Name);
        Assert.Equal("docker.io/istio/pilot:1.24.2", istiod.Image!.Value);
        Assert.Equal("1.24.2", istiod.ImageTag!.Value);
        Assert.Equal("docker.io/istio/pilot:1.24.2", istiod.ImageTag.RawValue);
        Assert.Equal(new SourcePosition("istiod-deployment.yaml", 11, 16), istiod.ImageTag.Position);
        Assert.Equal("48h", istiod.MaxWorkloadCertTtl!.Value);
        Assert.Equal(new SourcePosition("istiod-deployment.yaml", 16, 18), istiod.MaxWorkloadCertTtl.Position);
        Assert.Equal("24h", istiod.DefaultWorkloadCertTtl!.Value);
        Assert.True(istiod.MultiRootMesh!.Value);
        Assert.Equal("true", istiod.MultiRootMesh.RawValue);
    }

    [Theory]
    [InlineData("docker.io/istio/pilot:1.24.2", "1.24.2")]
    [InlineData("gcr.io/istio-release/pilot:1.25.0-distroless", "1.25.0-distroless")]
    [InlineData("registry.bank.internal:5000/istio/pilot:1.23.4@sha256:0123abcd", "1.23.4")]
    [InlineData("registry.bank.internal:5000/istio/pilot", null)]
    public void IstiodImageTag_IsTheLastSegmentsTag(string image, string? tag)
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
                    image: "{image}"
            """;

        IstiodDeploymentSettings istiod = Assert.Single(ConfigurationReader.Read(yaml, "istiod.yaml").IstiodDeployments);
        Assert.Equal(tag, istiod.ImageTag?.Value);
    }

    // ---- problems, never exceptions ---------------------------------------------------------------

    [Fact]
    public void ValuesThatCannotBeRead_AreProblemsAtTheirPositions()
    {
        ConfigurationDocumentSet set = Read("invalid-values.yaml");

        MeshConfigSettings mesh = Assert.Single(set.MeshConfigs);
        Assert.Null(mesh.GracePeriodRatio);
        Assert.Null(mesh.GracePeriodRatioJitter);
        Assert.Single(set.Certificates);

        string[] expected =
        [
            "invalid-values.yaml(9,36): 'data.mesh.defaultConfig.proxyMetadata.SECRET_GRACE_PERIOD_RATIO' is 'half', which is not a number.",
            "invalid-values.yaml(10,43): 'data.mesh.defaultConfig.proxyMetadata.SECRET_GRACE_PERIOD_RATIO_JITTER' is '0,01', which is not a number.",
            "invalid-values.yaml(20,3): Unknown field 'spec.dnsNamse' in Certificate 'bad'; did you mean 'dnsNames'?",
            "invalid-values.yaml(23,5): Unknown field 'spec.issuerRef.nmae' in Certificate 'bad'; did you mean 'name'?",
            "invalid-values.yaml(24,3): Unknown field 'spec.completelyUnrelatedField' in Certificate 'bad'; cert-manager drops it, or rejects the object under strict field validation.",
            "invalid-values.yaml(19,12): 'spec.subject' must be a mapping.",
            "invalid-values.yaml(17,9): 'spec.isCA' is 'maybe', which is not true or false.",
            "invalid-values.yaml(18,26): 'spec.renewBeforePercentage' is '33.3', which is not a 32-bit integer.",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), set.Problems.Select(p => p.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void BrokenYaml_IsASyntaxProblem()
    {
        ConfigurationDocumentSet set = ConfigurationReader.Read("kind: Certificate\nspec: [a, b\n", "broken.yaml");

        ConfigurationProblem problem = Assert.Single(set.Problems);
        Assert.Equal(ConfigurationProblemKind.InvalidSyntax, problem.Kind);
        Assert.Equal("broken.yaml", problem.Position.File);
    }

    [Fact]
    public void BrokenYamlInsideDataMesh_IsASyntaxProblemOnTheOuterLine()
    {
        const string Yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: istio
            data:
              mesh: |
                defaultConfig:
                  proxyMetadata: [SECRET_TTL
            """;

        ConfigurationDocumentSet set = ConfigurationReader.Read(Yaml, "istio.yaml");

        ConfigurationProblem problem = Assert.Single(set.Problems);
        Assert.Equal(ConfigurationProblemKind.InvalidSyntax, problem.Kind);
        Assert.InRange(problem.Position.Line, 7, 9);
        Assert.Single(set.MeshConfigs);
    }

    [Fact]
    public void InvalidUtf8Bytes_AreASyntaxProblem()
    {
        ConfigurationDocumentSet set = ConfigurationReader.Read([0x6B, 0x3A, 0x20, 0xFF], "bytes.yaml");

        Assert.Equal(ConfigurationProblemKind.InvalidSyntax, Assert.Single(set.Problems).Kind);
    }

    [Fact]
    public void Bytes_ReadTheSameAsText()
    {
        byte[] bytes = File.ReadAllBytes(FixturePath("runbook-istio-configmap.yaml"));

        ConfigurationDocumentSet set = ConfigurationReader.Read(bytes, "cm.yaml");

        Assert.Equal(new SourcePosition("cm.yaml", 11, 21), Assert.Single(set.MeshConfigs).SecretTtl!.Position);
    }

    [Fact]
    public void OtherConfigMapsAndOtherCertManagerVersions_AreSkipped()
    {
        const string Yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: istio-ca-root-cert
            data:
              root-cert.pem: x
            ---
            apiVersion: cert-manager.io/v1alpha2
            kind: Certificate
            metadata:
              name: old
            ---
            - just
            - a list
            """;

        ConfigurationDocumentSet set = ConfigurationReader.Read(Yaml, "misc.yaml");

        Assert.Empty(set.Problems);
        Assert.Equal(["ConfigMap", "Certificate", null], set.Skipped.Select(s => s.Kind));
    }

    internal static string FixturePath(string name)
    {
        return Path.Combine(AppContext.BaseDirectory, "Configuration", "testdata", name);
    }

    private static ConfigurationDocumentSet Read(string fixture)
    {
        return ConfigurationReader.Read(File.ReadAllText(FixturePath(fixture), Encoding.UTF8), fixture);
    }
}
