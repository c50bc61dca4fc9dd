namespace Golem.MeshPki.Configuration;

/// <summary>
/// A cert-manager <c>Issuer</c> or <c>ClusterIssuer</c> (<c>cert-manager.io/v1</c>). Only the Vault issuer's
/// settings are read in detail; the other issuer types are named in <see cref="IssuerType"/>.
/// </summary>
/// <remarks>Field names follow cert-manager's <c>pkg/apis/certmanager/v1/types_issuer.go</c>.</remarks>
public sealed class CertManagerIssuer
{
    /// <summary>Gets the kind: <c>Issuer</c> or <c>ClusterIssuer</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Gets <c>metadata.name</c>.</summary>
    public string? Name { get; init; }

    /// <summary>Gets <c>metadata.namespace</c>, when the manifest says (a ClusterIssuer has none).</summary>
    public string? Namespace { get; init; }

    /// <summary>Gets where the object starts.</summary>
    public SourcePosition Position { get; init; }

    /// <summary>Gets the issuer type set in <c>spec</c> (<c>vault</c>, <c>ca</c>, <c>acme</c>, <c>selfSigned</c>, <c>venafi</c>), or <see langword="null"/> when none is.</summary>
    public string? IssuerType { get; init; }

    /// <summary>Gets <c>spec.vault</c>, or <see langword="null"/> when this is not a Vault issuer.</summary>
    public CertManagerVaultIssuer? Vault { get; init; }
}

/// <summary>An issuer's <c>spec.vault</c> (cert-manager's <c>VaultIssuer</c>).</summary>
public sealed class CertManagerVaultIssuer
{
    /// <summary>Gets where <c>vault</c>'s mapping starts.</summary>
    public SourcePosition Position { get; init; }

    /// <summary>Gets <c>server</c>, e.g. <c>https://vault.example.com:8200</c>.</summary>
    public ConfigurationValue<string>? Server { get; init; }

    /// <summary>
    /// Gets <c>path</c>, the PKI endpoint cert-manager posts to: <c>pki/sign/ROLE</c> (signs with the role's
    /// settings, a non-CA certificate) or <c>pki/root/sign-intermediate</c> (a CA certificate).
    /// </summary>
    public ConfigurationValue<string>? Path { get; init; }

    /// <summary>Gets <c>namespace</c>, the Vault Enterprise namespace.</summary>
    public ConfigurationValue<string>? VaultNamespace { get; init; }

    /// <summary>Gets <c>caBundle</c> as written (base64 of PEM).</summary>
    public ConfigurationValue<string>? CABundle { get; init; }

    /// <summary>Gets <c>spec.vault.auth</c>, or <see langword="null"/> when absent.</summary>
    public CertManagerVaultAuth? Auth { get; init; }
}

/// <summary>An issuer's <c>spec.vault.auth</c> (cert-manager's <c>VaultAuth</c>).</summary>
public sealed class CertManagerVaultAuth
{
    /// <summary>Gets where <c>auth</c>'s mapping starts.</summary>
    public SourcePosition Position { get; init; }

    /// <summary>Gets the authentication methods set, in file order (<c>tokenSecretRef</c>, <c>appRole</c>, <c>clientCertificate</c>, <c>kubernetes</c>, <c>aws</c>).</summary>
    public IReadOnlyList<string> Methods { get; init; } = [];

    /// <summary>Gets <c>kubernetes.role</c>.</summary>
    public ConfigurationValue<string>? KubernetesRole { get; init; }

    /// <summary>Gets <c>kubernetes.mountPath</c>.</summary>
    public ConfigurationValue<string>? KubernetesMountPath { get; init; }

    /// <summary>Gets <c>kubernetes.secretRef.name</c>.</summary>
    public ConfigurationValue<string>? KubernetesSecretName { get; init; }

    /// <summary>Gets <c>kubernetes.serviceAccountRef.name</c>.</summary>
    public ConfigurationValue<string>? KubernetesServiceAccountName { get; init; }

    /// <summary>Gets <c>appRole.path</c>.</summary>
    public ConfigurationValue<string>? AppRolePath { get; init; }

    /// <summary>Gets <c>appRole.roleId</c>.</summary>
    public ConfigurationValue<string>? AppRoleRoleId { get; init; }

    /// <summary>Gets <c>appRole.secretRef.name</c>.</summary>
    public ConfigurationValue<string>? AppRoleSecretName { get; init; }

    /// <summary>Gets <c>tokenSecretRef.name</c>.</summary>
    public ConfigurationValue<string>? TokenSecretName { get; init; }
}
