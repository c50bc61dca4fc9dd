using System.Text;

namespace Golem.MeshPki.Cli.Tests.TestSupport;

/// <summary>Kubernetes Secret manifests as kubectl prints them, with base64 data.</summary>
internal static class SecretManifests
{
    /// <summary>What <c>kubectl get secret NAME -n istio-system -o yaml</c> prints.</summary>
    /// <param name="name">metadata.name.</param>
    /// <param name="data">The data keys and their (not yet encoded) values.</param>
    /// <returns>The YAML.</returns>
    public static string Yaml(string name, params (string Key, string Value)[] data) =>
        Yaml(name, [.. data.Select(entry => (entry.Key, Encoding.UTF8.GetBytes(entry.Value)))]);

    /// <summary>What <c>kubectl get secret NAME -n istio-system -o yaml</c> prints, for binary values.</summary>
    /// <param name="name">metadata.name.</param>
    /// <param name="data">The data keys and their (not yet encoded) values.</param>
    /// <returns>The YAML.</returns>
    public static string Yaml(string name, params (string Key, byte[] Value)[] data)
    {
        var yaml = new StringBuilder();
        yaml.Append("apiVersion: v1\ndata:\n");
        foreach ((string key, byte[] value) in data)
        {
            yaml.Append("  ").Append(key).Append(": ").Append(Convert.ToBase64String(value)).Append('\n');
        }

        yaml.Append("kind: Secret\nmetadata:\n  creationTimestamp: \"2025-06-01T00:00:00Z\"\n  name: ").Append(name)
            .Append("\n  namespace: istio-system\n  resourceVersion: \"12345\"\n  uid: 0f6c1c7e-2d4b-4c36-9b1e-1b9f0c0c8a11\ntype: Opaque\n");
        return yaml.ToString();
    }

    /// <summary>What <c>kubectl get secret NAME -n istio-system -o json</c> prints.</summary>
    /// <param name="name">metadata.name.</param>
    /// <param name="data">The data keys and their (not yet encoded) values.</param>
    /// <returns>The JSON.</returns>
    public static string Json(string name, params (string Key, string Value)[] data)
    {
        string entries = string.Join(
            ",\n",
            data.Select(entry => $"        \"{entry.Key}\": \"{Convert.ToBase64String(Encoding.UTF8.GetBytes(entry.Value))}\""));
        return "{\n    \"apiVersion\": \"v1\",\n    \"data\": {\n" + entries + "\n    },\n    \"kind\": \"Secret\",\n" +
            "    \"metadata\": {\n        \"name\": \"" + name + "\",\n        \"namespace\": \"istio-system\"\n    },\n    \"type\": \"Opaque\"\n}\n";
    }
}
