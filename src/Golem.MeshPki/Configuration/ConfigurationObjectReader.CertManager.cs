using Golem.MeshPki.Packaging;

namespace Golem.MeshPki.Configuration;

/// <summary>cert-manager Certificates, Issuers and ClusterIssuers.</summary>
internal sealed partial class ConfigurationObjectReader
{
    private static readonly string[] IssuerTypes = ["acme", "ca", "vault", "selfSigned", "venafi"];

    private static readonly string[] VaultAuthMethods = ["tokenSecretRef", "appRole", "clientCertificate", "kubernetes", "aws"];

    private CertManagerCertificate ReadCertificate(ManifestMapping obj, string? name, string? ns)
    {
        CheckFields(obj, CertManagerSchema.Certificate, "", $"Certificate '{name}'");
        ManifestMapping? spec = Mapping(obj, "spec", "spec");
        ManifestMapping? subject = Mapping(spec, "subject", "spec.subject");
        ManifestMapping? privateKey = Mapping(spec, "privateKey", "spec.privateKey");
        ManifestMapping? issuerRef = Mapping(spec, "issuerRef", "spec.issuerRef");
        return new CertManagerCertificate
        {
            Name = name,
            Namespace = ns,
            Position = file.At(obj),
            Duration = ReadString(file, spec, "duration", "spec.duration"),
            RenewBefore = ReadString(file, spec, "renewBefore", "spec.renewBefore"),
            RenewBeforePercentage = ReadInt(file, spec, "renewBeforePercentage", "spec.renewBeforePercentage"),
            IsCA = ReadYamlBool(file, spec, "isCA", "spec.isCA"),
            CommonName = ReadString(file, spec, "commonName", "spec.commonName"),
            SecretName = ReadString(file, spec, "secretName", "spec.secretName"),
            Usages = ReadStringList(file, spec, "usages", "spec.usages"),
            DnsNames = ReadStringList(file, spec, "dnsNames", "spec.dnsNames"),
            Uris = ReadStringList(file, spec, "uris", "spec.uris"),
            IPAddresses = ReadStringList(file, spec, "ipAddresses", "spec.ipAddresses"),
            EmailAddresses = ReadStringList(file, spec, "emailAddresses", "spec.emailAddresses"),
            Subject = subject is null ? null : new CertManagerSubject
            {
                Position = file.At(subject),
                Organizations = ReadStringList(file, subject, "organizations", "spec.subject.organizations"),
                Countries = ReadStringList(file, subject, "countries", "spec.subject.countries"),
                OrganizationalUnits = ReadStringList(file, subject, "organizationalUnits", "spec.subject.organizationalUnits"),
                Localities = ReadStringList(file, subject, "localities", "spec.subject.localities"),
                Provinces = ReadStringList(file, subject, "provinces", "spec.subject.provinces"),
                StreetAddresses = ReadStringList(file, subject, "streetAddresses", "spec.subject.streetAddresses"),
                PostalCodes = ReadStringList(file, subject, "postalCodes", "spec.subject.postalCodes"),
                SerialNumber = ReadString(file, subject, "serialNumber", "spec.subject.serialNumber"),
            },
            PrivateKey = privateKey is null ? null : new CertManagerPrivateKey
            {
                Position = file.At(privateKey),
                Algorithm = ReadString(file, privateKey, "algorithm", "spec.privateKey.algorithm"),
                Size = ReadInt(file, privateKey, "size", "spec.privateKey.size"),
                Encoding = ReadString(file, privateKey, "encoding", "spec.privateKey.encoding"),
                RotationPolicy = ReadString(file, privateKey, "rotationPolicy", "spec.privateKey.rotationPolicy"),
            },
            IssuerRef = issuerRef is null ? null : new CertManagerIssuerReference
            {
                Position = file.At(issuerRef),
                Name = ReadString(file, issuerRef, "name", "spec.issuerRef.name"),
                Kind = ReadString(file, issuerRef, "kind", "spec.issuerRef.kind"),
                Group = ReadString(file, issuerRef, "group", "spec.issuerRef.group"),
            },
        };
    }

    private CertManagerIssuer ReadIssuer(ManifestMapping obj, string kind, string? name, string? ns)
    {
        CheckFields(obj, CertManagerSchema.Issuer, "", $"{kind} '{name}'");
        ManifestMapping? spec = Mapping(obj, "spec", "spec");
        string? issuerType = spec?.Entries.Select(e => Text(e.Key)).FirstOrDefault(k => k is not null && IssuerTypes.Contains(k));
        ManifestMapping? vault = Mapping(spec, "vault", "spec.vault");
        ManifestMapping? auth = Mapping(vault, "auth", "spec.vault.auth");
        ManifestMapping? kubernetes = Mapping(auth, "kubernetes", "spec.vault.auth.kubernetes");
        ManifestMapping? appRole = Mapping(auth, "appRole", "spec.vault.auth.appRole");
        return new CertManagerIssuer
        {
            Kind = kind,
            Name = name,
            Namespace = ns,
            Position = file.At(obj),
            IssuerType = issuerType,
            Vault = vault is null ? null : new CertManagerVaultIssuer
            {
                Position = file.At(vault),
                Server = ReadString(file, vault, "server", "spec.vault.server"),
                Path = ReadString(file, vault, "path", "spec.vault.path"),
                VaultNamespace = ReadString(file, vault, "namespace", "spec.vault.namespace"),
                CABundle = ReadString(file, vault, "caBundle", "spec.vault.caBundle"),
                Auth = auth is null ? null : new CertManagerVaultAuth
                {
                    Position = file.At(auth),
                    Methods = auth.Entries.Select(e => Text(e.Key)).Where(k => k is not null && VaultAuthMethods.Contains(k)).Select(k => k!).ToArray(),
                    KubernetesRole = ReadString(file, kubernetes, "role", "spec.vault.auth.kubernetes.role"),
                    KubernetesMountPath = ReadString(file, kubernetes, "mountPath", "spec.vault.auth.kubernetes.mountPath"),
                    KubernetesSecretName = ReadString(file, Mapping(kubernetes, "secretRef", "spec.vault.auth.kubernetes.secretRef"), "name", "spec.vault.auth.kubernetes.secretRef.name"),
                    KubernetesServiceAccountName = ReadString(
                        file, Mapping(kubernetes, "serviceAccountRef", "spec.vault.auth.kubernetes.serviceAccountRef"), "name", "spec.vault.auth.kubernetes.serviceAccountRef.name"),
                    AppRolePath = ReadString(file, appRole, "path", "spec.vault.auth.appRole.path"),
                    AppRoleRoleId = ReadString(file, appRole, "roleId", "spec.vault.auth.appRole.roleId"),
                    AppRoleSecretName = ReadString(file, Mapping(appRole, "secretRef", "spec.vault.auth.appRole.secretRef"), "name", "spec.vault.auth.appRole.secretRef.name"),
                    TokenSecretName = ReadString(file, Mapping(auth, "tokenSecretRef", "spec.vault.auth.tokenSecretRef"), "name", "spec.vault.auth.tokenSecretRef.name"),
                },
            },
        };
    }

    /// <summary>A child mapping; a scalar or list in its place is a problem, and reads as absent.</summary>
    private ManifestMapping? Mapping(ManifestMapping? parent, string key, string path)
    {
        switch (Find(parent, key))
        {
            case ManifestMapping mapping:
                return mapping;
            case null or ManifestScalar { IsNull: true }:
                return null;
            case ManifestNode other:
                file.Report(ConfigurationProblemKind.InvalidValue, other, $"'{path}' must be a mapping.", path);
                return null;
        }
    }
}
