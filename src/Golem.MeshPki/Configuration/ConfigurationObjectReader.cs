using Golem.MeshPki.Packaging;

namespace Golem.MeshPki.Configuration;

/// <summary>Interprets parsed documents as the Kubernetes objects (or Helm values) that hold mesh PKI settings.</summary>
internal sealed partial class ConfigurationObjectReader(ConfigurationContext file)
{
    /// <summary>The annotation that overrides ProxyConfig for one workload (istio/api annotation/annotations.yaml).</summary>
    public const string ProxyConfigAnnotation = "proxy.istio.io/config";

    private static readonly string[] WorkloadKinds = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "ReplicationController"];

    public List<MeshConfigSettings> MeshConfigs { get; } = [];

    public List<IstiodDeploymentSettings> IstiodDeployments { get; } = [];

    public List<CertManagerCertificate> Certificates { get; } = [];

    public List<CertManagerIssuer> Issuers { get; } = [];

    public List<SkippedManifestObject> Skipped { get; } = [];

    public void ReadObject(ManifestNode node, int documentIndex, bool inList)
    {
        if (node is not ManifestMapping obj)
        {
            Skipped.Add(new SkippedManifestObject(null, null, null, documentIndex, node.Line, node.Column));
            return;
        }

        string? kind = Text(Find(obj, "kind"));
        string? apiVersion = Text(Find(obj, "apiVersion"));
        ManifestMapping? metadata = Find(obj, "metadata") as ManifestMapping;
        string? name = Text(Find(metadata, "name"));
        string? ns = Text(Find(metadata, "namespace"));
        bool read = false;

        // kubectl prints several objects as "kind: List"; the API server's own lists are "<Kind>List". Lists
        // do not nest, so a List inside a List is passed over.
        if (!inList && kind is not null && kind.EndsWith("List", StringComparison.Ordinal) && Find(obj, "items") is ManifestSequence items)
        {
            foreach (ManifestNode item in items.Items)
            {
                ReadObject(item, documentIndex, inList: true);
            }

            return;
        }

        switch (kind)
        {
            case null when apiVersion is null && Find(obj, "meshConfig") is ManifestNode meshConfig:
                // A Helm values file of the istiod (istio-discovery) chart has no kind: meshConfig is top level.
                ReadMeshConfig(file, meshConfig, "meshConfig", MeshConfigOrigin.HelmValues, null, null, null, file.At(obj));
                read = true;
                break;
            case "ConfigMap" when apiVersion is null or "v1" && Find(Find(obj, "data"), "mesh") is ManifestNode mesh:
                read = ReadMeshConfigMap(mesh, name, ns, obj);
                break;
            case "IstioOperator" when apiVersion is null || apiVersion.StartsWith("install.istio.io/", StringComparison.Ordinal):
                ReadMeshConfig(file, Find(Find(obj, "spec"), "meshConfig"), "spec.meshConfig", MeshConfigOrigin.IstioOperator, kind, name, ns, file.At(obj));
                read = true;
                break;
            case "Certificate" when apiVersion == "cert-manager.io/v1":
                Certificates.Add(ReadCertificate(obj, name, ns));
                read = true;
                break;
            case "Issuer" or "ClusterIssuer" when apiVersion == "cert-manager.io/v1":
                Issuers.Add(ReadIssuer(obj, kind, name, ns));
                read = true;
                break;
            case "Pod" when apiVersion is null or "v1":
                read = ReadProxyConfigAnnotation(metadata, kind, name, ns);
                break;
            case "CronJob":
                read = ReadProxyConfigAnnotation(
                    Find(Find(Find(Find(Find(obj, "spec"), "jobTemplate"), "spec"), "template"), "metadata") as ManifestMapping, kind, name, ns);
                break;
            case not null when WorkloadKinds.Contains(kind):
                ManifestMapping? template = Find(Find(obj, "spec"), "template") as ManifestMapping;
                if (kind == "Deployment" && ReadIstiod(obj, template, name, ns))
                {
                    read = true;
                }

                read |= ReadProxyConfigAnnotation(Find(template, "metadata") as ManifestMapping, kind, name, ns);
                break;
            default:
                break;
        }

        if (!read)
        {
            Skipped.Add(new SkippedManifestObject(kind, apiVersion, name, documentIndex, obj.Line, obj.Column));
        }
    }

    // ---- Istio ------------------------------------------------------------------------------------

    private bool ReadMeshConfigMap(ManifestNode mesh, string? name, string? ns, ManifestMapping obj)
    {
        // The mesh ConfigMap is "istio", or "istio-<revision>" for a revisioned control plane
        // (istio/istio pkg/config/mesh: the istiod flag meshConfig defaults to ./etc/istio/config/mesh, mounted from it).
        if (name is not null && name != "istio" && !name.StartsWith("istio-", StringComparison.Ordinal))
        {
            return false;
        }

        if (mesh is not ManifestScalar { IsNull: false } meshText)
        {
            if (mesh is not ManifestScalar)
            {
                file.Report(ConfigurationProblemKind.InvalidValue, mesh, "'data.mesh' must be a string holding the mesh configuration as YAML.", "data.mesh");
            }

            return true;
        }

        ConfigurationContext embedded = file.Embedded(meshText);
        ManifestNode? root = ParseEmbedded(embedded, "data.mesh");
        ReadMeshConfig(embedded, root, "data.mesh", MeshConfigOrigin.ConfigMap, "ConfigMap", name, ns, file.At(obj));
        return true;
    }

    private bool ReadProxyConfigAnnotation(ManifestMapping? metadata, string kind, string? name, string? ns)
    {
        if (Find(Find(metadata, "annotations"), ProxyConfigAnnotation) is not ManifestNode value)
        {
            return false;
        }

        string path = $"annotations['{ProxyConfigAnnotation}']";
        if (value is not ManifestScalar { IsNull: false } scalar)
        {
            if (value is not ManifestScalar)
            {
                file.Report(ConfigurationProblemKind.InvalidValue, value, $"The '{ProxyConfigAnnotation}' annotation must be a string holding ProxyConfig as YAML.", path);
            }

            return true;
        }

        ConfigurationContext embedded = file.Embedded(scalar);
        ManifestNode? root = ParseEmbedded(embedded, path);

        // The annotation holds a ProxyConfig, which is what meshConfig.defaultConfig holds.
        var settings = ReadProxyMetadata(embedded, root is null ? null : Find(root, "proxyMetadata"), path + ".proxyMetadata");
        MeshConfigs.Add(new MeshConfigSettings
        {
            Origin = MeshConfigOrigin.PodAnnotation,
            ObjectKind = kind,
            ObjectName = name,
            Namespace = ns,
            Position = file.At(scalar),
            SecretTtl = settings.Ttl,
            GracePeriodRatio = settings.Ratio,
            GracePeriodRatioJitter = settings.Jitter,
        });
        return true;
    }

    private void ReadMeshConfig(
        ConfigurationContext context, ManifestNode? meshConfig, string path, MeshConfigOrigin origin, string? kind, string? name, string? ns, SourcePosition position)
    {
        ManifestNode? proxyMetadata = Find(Find(meshConfig, "defaultConfig"), "proxyMetadata");
        var settings = ReadProxyMetadata(context, proxyMetadata, path + ".defaultConfig.proxyMetadata");
        MeshConfigs.Add(new MeshConfigSettings
        {
            Origin = origin,
            ObjectKind = kind,
            ObjectName = name,
            Namespace = ns,
            Position = position,
            SecretTtl = settings.Ttl,
            GracePeriodRatio = settings.Ratio,
            GracePeriodRatioJitter = settings.Jitter,
        });
    }

    private static (ConfigurationValue<string>? Ttl, ConfigurationValue<double>? Ratio, ConfigurationValue<double>? Jitter) ReadProxyMetadata(
        ConfigurationContext context, ManifestNode? proxyMetadata, string path)
    {
        if (proxyMetadata is null or ManifestScalar { IsNull: true })
        {
            return default;
        }

        if (proxyMetadata is not ManifestMapping mapping)
        {
            context.Report(ConfigurationProblemKind.InvalidValue, proxyMetadata, $"'{path}' must be a mapping of environment variable names to values.", path);
            return default;
        }

        // istio-agent reads these as environment variables (pkg/istio-agent, security/pkg/nodeagent/cache).
        return (
            ReadString(context, mapping, "SECRET_TTL", $"{path}.SECRET_TTL"),
            ReadDouble(context, mapping, "SECRET_GRACE_PERIOD_RATIO", $"{path}.SECRET_GRACE_PERIOD_RATIO"),
            ReadDouble(context, mapping, "SECRET_GRACE_PERIOD_RATIO_JITTER", $"{path}.SECRET_GRACE_PERIOD_RATIO_JITTER"));
    }

    private bool ReadIstiod(ManifestMapping obj, ManifestMapping? template, string? name, string? ns)
    {
        // istiod's container is "discovery" in every Istio chart (manifests/charts/istio-control/istio-discovery).
        ManifestMapping? discovery = null;
        if (Find(Find(template, "spec"), "containers") is ManifestSequence containers)
        {
            discovery = containers.Items.OfType<ManifestMapping>().FirstOrDefault(c => Text(Find(c, "name")) == "discovery");
            if (discovery is null && name is not null && name.StartsWith("istiod", StringComparison.Ordinal))
            {
                discovery = containers.Items.OfType<ManifestMapping>().FirstOrDefault();
            }
        }

        if (discovery is null)
        {
            return false;
        }

        ConfigurationValue<string>? image = ReadString(file, discovery, "image", "spec.template.spec.containers[discovery].image");
        ConfigurationValue<string>? maxTtl = null, defaultTtl = null;
        ConfigurationValue<bool>? multiRoot = null;
        if (Find(discovery, "env") is ManifestSequence env)
        {
            foreach (ManifestMapping variable in env.Items.OfType<ManifestMapping>())
            {
                string? variableName = Text(Find(variable, "name"));
                string path = $"spec.template.spec.containers[discovery].env[{variableName}].value";
                switch (variableName)
                {
                    case "MAX_WORKLOAD_CERT_TTL":
                        maxTtl = ReadString(file, variable, "value", path);
                        break;
                    case "DEFAULT_WORKLOAD_CERT_TTL":
                        defaultTtl = ReadString(file, variable, "value", path);
                        break;
                    case "ISTIO_MULTIROOT_MESH":
                        multiRoot = ReadGoBool(file, variable, "value", path);
                        break;
                    default:
                        break;
                }
            }
        }

        IstiodDeployments.Add(new IstiodDeploymentSettings
        {
            Name = name,
            Namespace = ns,
            Position = file.At(obj),
            Image = image,
            ImageTag = image is null ? null : ImageTag(image),
            MaxWorkloadCertTtl = maxTtl,
            DefaultWorkloadCertTtl = defaultTtl,
            MultiRootMesh = multiRoot,
        });
        return true;
    }

    private static ConfigurationValue<string>? ImageTag(ConfigurationValue<string> image)
    {
        // registry[:port]/path/name[:tag][@digest]: the tag is in the last path segment.
        string reference = image.Value;
        int at = reference.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            reference = reference[..at];
        }

        string lastSegment = reference[(reference.LastIndexOf('/') + 1)..];
        int colon = lastSegment.LastIndexOf(':');
        return colon < 0 || colon == lastSegment.Length - 1 ? null : image with { Value = lastSegment[(colon + 1)..] };
    }

    private static ManifestNode? ParseEmbedded(ConfigurationContext embedded, string path)
    {
        try
        {
            List<ManifestDocument> documents = ManifestYamlParser.Parse(embedded.Text, embedded.File);
            ManifestNode? root = documents.Count > 0 ? documents[0].Root : null;
            if (root is ManifestScalar { IsNull: true })
            {
                return null;
            }

            if (root is not null and not ManifestMapping)
            {
                embedded.Report(ConfigurationProblemKind.InvalidValue, root, $"The YAML in '{path}' must be a mapping.", path);
                return null;
            }

            return root;
        }
        catch (ManifestFormatException ex)
        {
            embedded.Problems.Add(new ConfigurationProblem(
                ConfigurationProblemKind.InvalidSyntax, embedded.At(ex.Line, ex.Column), $"The YAML in '{path}' cannot be read: {ex.Reason}.", path));
            return null;
        }
    }
}
