namespace Golem.MeshPki.Configuration;

/// <summary>The fields an object of a cert-manager resource may have, for reporting unknown ones.</summary>
/// <remarks>
/// A schema with no <see cref="Fields"/> is a leaf: a scalar, a list of scalars, or a free-form map
/// (labels, annotations) whose keys are not checked. A schema with fields applies to a mapping, and to
/// each item when the value is a list of mappings.
/// </remarks>
internal sealed class FieldSchema
{
    public static readonly FieldSchema Leaf = new(null);

    private FieldSchema(IReadOnlyDictionary<string, FieldSchema>? fields)
    {
        Fields = fields;
    }

    public IReadOnlyDictionary<string, FieldSchema>? Fields { get; }

    public static FieldSchema Object(params (string Name, FieldSchema Schema)[] fields)
    {
        return new FieldSchema(fields.ToDictionary(f => f.Name, f => f.Schema, StringComparer.Ordinal));
    }

    public static FieldSchema Leaves(params string[] names)
    {
        return new FieldSchema(names.ToDictionary(n => n, _ => Leaf, StringComparer.Ordinal));
    }
}

/// <summary>
/// cert-manager's v1 API field names: <c>pkg/apis/certmanager/v1/types_certificate.go</c>,
/// <c>types_issuer.go</c> and <c>pkg/apis/meta/v1/types.go</c> in cert-manager/cert-manager (v1.18, with
/// Vault's <c>serverName</c>, <c>clientCertSecretRef</c>/<c>clientKeySecretRef</c> and <c>auth.aws</c>).
/// </summary>
/// <remarks>
/// ACME and Venafi issuer configurations are large and outside this product's concern, so they are leaves
/// (not checked). Status is written by cert-manager, so it is a leaf too.
/// </remarks>
internal static class CertManagerSchema
{
    private static readonly FieldSchema SecretKeySelector = FieldSchema.Leaves("name", "key");

    private static readonly FieldSchema ServiceAccountRef = FieldSchema.Leaves("name", "audiences");

    private static readonly FieldSchema Metadata = FieldSchema.Leaves(
        "name", "namespace", "labels", "annotations", "uid", "resourceVersion", "generation", "creationTimestamp",
        "deletionTimestamp", "deletionGracePeriodSeconds", "finalizers", "ownerReferences", "managedFields",
        "generateName", "selfLink");

    // CertificateSpec.
    public static readonly FieldSchema CertificateSpec = FieldSchema.Object(
        ("subject", FieldSchema.Leaves(
            "organizations", "countries", "organizationalUnits", "localities", "provinces", "streetAddresses",
            "postalCodes", "serialNumber")),
        ("literalSubject", FieldSchema.Leaf),
        ("commonName", FieldSchema.Leaf),
        ("duration", FieldSchema.Leaf),
        ("renewBefore", FieldSchema.Leaf),
        ("renewBeforePercentage", FieldSchema.Leaf),
        ("dnsNames", FieldSchema.Leaf),
        ("ipAddresses", FieldSchema.Leaf),
        ("uris", FieldSchema.Leaf),
        ("otherNames", FieldSchema.Leaves("oid", "utf8Value")),
        ("emailAddresses", FieldSchema.Leaf),
        ("secretName", FieldSchema.Leaf),
        ("secretTemplate", FieldSchema.Leaves("annotations", "labels")),
        ("keystores", FieldSchema.Object(
            ("jks", FieldSchema.Object(
                ("create", FieldSchema.Leaf), ("passwordSecretRef", SecretKeySelector), ("password", FieldSchema.Leaf), ("alias", FieldSchema.Leaf))),
            ("pkcs12", FieldSchema.Object(
                ("create", FieldSchema.Leaf), ("passwordSecretRef", SecretKeySelector), ("password", FieldSchema.Leaf), ("profile", FieldSchema.Leaf))))),
        ("issuerRef", FieldSchema.Leaves("name", "kind", "group")),
        ("isCA", FieldSchema.Leaf),
        ("usages", FieldSchema.Leaf),
        ("privateKey", FieldSchema.Leaves("rotationPolicy", "encoding", "algorithm", "size")),
        ("signatureAlgorithm", FieldSchema.Leaf),
        ("encodeUsagesInRequest", FieldSchema.Leaf),
        ("revisionHistoryLimit", FieldSchema.Leaf),
        ("additionalOutputFormats", FieldSchema.Leaves("type")),
        ("nameConstraints", FieldSchema.Object(
            ("critical", FieldSchema.Leaf),
            ("permitted", FieldSchema.Leaves("dnsDomains", "ipRanges", "emailAddresses", "uriDomains")),
            ("excluded", FieldSchema.Leaves("dnsDomains", "ipRanges", "emailAddresses", "uriDomains")))));

    // IssuerSpec = IssuerConfig.
    public static readonly FieldSchema IssuerSpec = FieldSchema.Object(
        ("acme", FieldSchema.Leaf),
        ("ca", FieldSchema.Leaves("secretName", "crlDistributionPoints", "ocspServers", "issuingCertificateURLs")),
        ("vault", FieldSchema.Object(
            ("auth", FieldSchema.Object(
                ("tokenSecretRef", SecretKeySelector),
                ("appRole", FieldSchema.Object(("path", FieldSchema.Leaf), ("roleId", FieldSchema.Leaf), ("secretRef", SecretKeySelector))),
                ("clientCertificate", FieldSchema.Leaves("mountPath", "secretName", "name")),
                ("kubernetes", FieldSchema.Object(
                    ("mountPath", FieldSchema.Leaf), ("secretRef", SecretKeySelector), ("serviceAccountRef", ServiceAccountRef), ("role", FieldSchema.Leaf))),
                ("aws", FieldSchema.Object(
                    ("mountPath", FieldSchema.Leaf), ("role", FieldSchema.Leaf), ("region", FieldSchema.Leaf),
                    ("serviceAccountRef", ServiceAccountRef), ("iamRoleArn", FieldSchema.Leaf), ("vaultHeaderValue", FieldSchema.Leaf))))),
            ("server", FieldSchema.Leaf),
            ("serverName", FieldSchema.Leaf),
            ("path", FieldSchema.Leaf),
            ("namespace", FieldSchema.Leaf),
            ("caBundle", FieldSchema.Leaf),
            ("caBundleSecretRef", SecretKeySelector),
            ("clientCertSecretRef", SecretKeySelector),
            ("clientKeySecretRef", SecretKeySelector))),
        ("selfSigned", FieldSchema.Leaves("crlDistributionPoints")),
        ("venafi", FieldSchema.Leaf));

    public static readonly FieldSchema Certificate = TopLevel(CertificateSpec);

    public static readonly FieldSchema Issuer = TopLevel(IssuerSpec);

    private static FieldSchema TopLevel(FieldSchema spec)
    {
        return FieldSchema.Object(
            ("apiVersion", FieldSchema.Leaf), ("kind", FieldSchema.Leaf), ("metadata", Metadata), ("spec", spec), ("status", FieldSchema.Leaf));
    }
}
