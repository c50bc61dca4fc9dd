using Golem.MeshPki.Packaging;

namespace Golem.MeshPki.Configuration;

/// <summary>Everything <see cref="ConfigurationReader"/> found in one file.</summary>
public sealed class ConfigurationDocumentSet
{
    /// <summary>Gets the file name given to the reader.</summary>
    public required string File { get; init; }

    /// <summary>Gets the number of YAML documents in the file (JSON is one document).</summary>
    public int DocumentCount { get; init; }

    /// <summary>Gets the istio-agent settings found, in file order.</summary>
    public IReadOnlyList<MeshConfigSettings> MeshConfigs { get; init; } = [];

    /// <summary>Gets the istiod Deployments found, in file order.</summary>
    public IReadOnlyList<IstiodDeploymentSettings> IstiodDeployments { get; init; } = [];

    /// <summary>Gets the cert-manager Certificates found, in file order.</summary>
    public IReadOnlyList<CertManagerCertificate> Certificates { get; init; } = [];

    /// <summary>Gets the cert-manager Issuers and ClusterIssuers found, in file order.</summary>
    public IReadOnlyList<CertManagerIssuer> Issuers { get; init; } = [];

    /// <summary>Gets the objects passed over because they hold none of these settings.</summary>
    public IReadOnlyList<SkippedManifestObject> Skipped { get; init; } = [];

    /// <summary>Gets the problems found while reading, in file order; reading goes on after each.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems { get; init; } = [];
}
