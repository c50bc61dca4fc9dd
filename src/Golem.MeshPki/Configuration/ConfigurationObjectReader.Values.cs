using System.Globalization;

using Golem.MeshPki.Packaging;

namespace Golem.MeshPki.Configuration;

/// <summary>Typed reading of values, turning every value of the wrong type into a problem.</summary>
internal sealed partial class ConfigurationObjectReader
{
    private static ManifestNode? Find(ManifestNode? node, string key)
    {
        if (node is not ManifestMapping mapping)
        {
            return null;
        }

        foreach (KeyValuePair<ManifestNode, ManifestNode> entry in mapping.Entries)
        {
            if (entry.Key is ManifestScalar scalar && scalar.Value == key)
            {
                return entry.Value;
            }
        }

        return null;
    }

    private static string? Text(ManifestNode? node)
    {
        return node is ManifestScalar { IsNull: false } scalar ? scalar.Value : null;
    }

    private static ManifestScalar? Scalar(ConfigurationContext context, ManifestMapping? mapping, string key, string path, string expected)
    {
        switch (Find(mapping, key))
        {
            case null or ManifestScalar { IsNull: true }:
                return null;
            case ManifestScalar scalar:
                return scalar;
            case ManifestNode other:
                context.Report(ConfigurationProblemKind.InvalidValue, other, $"'{path}' must be {expected}, not a {(other is ManifestMapping ? "mapping" : "list")}.", path);
                return null;
        }
    }

    private static ConfigurationValue<string>? ReadString(ConfigurationContext context, ManifestMapping? mapping, string key, string path)
    {
        return Scalar(context, mapping, key, path, "a string") is ManifestScalar scalar
            ? new ConfigurationValue<string>(scalar.Value, scalar.Value, context.At(scalar))
            : null;
    }

    private static ConfigurationValue<double>? ReadDouble(ConfigurationContext context, ManifestMapping? mapping, string key, string path)
    {
        if (Scalar(context, mapping, key, path, "a number") is not ManifestScalar scalar)
        {
            return null;
        }

        // istio-agent reads these with strconv.ParseFloat; the invariant culture keeps "0,5" from reading as 5.
        string text = scalar.Value.Trim();
        if (double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out double value)
            && double.IsFinite(value))
        {
            return new ConfigurationValue<double>(value, scalar.Value, context.At(scalar));
        }

        context.Report(ConfigurationProblemKind.InvalidValue, scalar, $"'{path}' is '{scalar.Value}', which is not a number.", path);
        return null;
    }

    private static ConfigurationValue<int>? ReadInt(ConfigurationContext context, ManifestMapping? mapping, string key, string path)
    {
        if (Scalar(context, mapping, key, path, "an integer") is not ManifestScalar scalar)
        {
            return null;
        }

        if (int.TryParse(scalar.Value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            return new ConfigurationValue<int>(value, scalar.Value, context.At(scalar));
        }

        context.Report(ConfigurationProblemKind.InvalidValue, scalar, $"'{path}' is '{scalar.Value}', which is not a 32-bit integer.", path);
        return null;
    }

    /// <summary>A boolean field of a Kubernetes object: YAML 1.1 booleans, as sigs.k8s.io/yaml (go-yaml v2) reads them.</summary>
    private static ConfigurationValue<bool>? ReadYamlBool(ConfigurationContext context, ManifestMapping? mapping, string key, string path)
    {
        if (Scalar(context, mapping, key, path, "true or false") is not ManifestScalar scalar)
        {
            return null;
        }

        bool? value = scalar.Value switch
        {
            "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "y" or "Y" => true,
            "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF" or "n" or "N" => false,
            _ => null,
        };
        return Bool(context, scalar, value, path);
    }

    /// <summary>An environment variable read as Go's strconv.ParseBool reads it (Istio's env.RegisterBoolVar).</summary>
    private static ConfigurationValue<bool>? ReadGoBool(ConfigurationContext context, ManifestMapping? mapping, string key, string path)
    {
        if (Scalar(context, mapping, key, path, "true or false") is not ManifestScalar scalar)
        {
            return null;
        }

        bool? value = scalar.Value switch
        {
            "1" or "t" or "T" or "true" or "TRUE" or "True" => true,
            "0" or "f" or "F" or "false" or "FALSE" or "False" => false,
            _ => null,
        };
        return Bool(context, scalar, value, path);
    }

    private static ConfigurationValue<bool>? Bool(ConfigurationContext context, ManifestScalar scalar, bool? value, string path)
    {
        if (value is bool b)
        {
            return new ConfigurationValue<bool>(b, scalar.Value, context.At(scalar));
        }

        context.Report(ConfigurationProblemKind.InvalidValue, scalar, $"'{path}' is '{scalar.Value}', which is not true or false.", path);
        return null;
    }

    private static ConfigurationValue<string>[] ReadStringList(ConfigurationContext context, ManifestMapping? mapping, string key, string path)
    {
        switch (Find(mapping, key))
        {
            case null or ManifestScalar { IsNull: true }:
                return [];
            case ManifestSequence sequence:
                var values = new List<ConfigurationValue<string>>(sequence.Items.Count);
                for (int i = 0; i < sequence.Items.Count; i++)
                {
                    if (sequence.Items[i] is ManifestScalar { IsNull: false } item)
                    {
                        values.Add(new ConfigurationValue<string>(item.Value, item.Value, context.At(item)));
                    }
                    else
                    {
                        context.Report(ConfigurationProblemKind.InvalidValue, sequence.Items[i], $"'{path}[{i}]' must be a string.", $"{path}[{i}]");
                    }
                }

                return [.. values];
            case ManifestNode other:
                context.Report(ConfigurationProblemKind.InvalidValue, other, $"'{path}' must be a list of strings.", path);
                return [];
        }
    }

    /// <summary>Reports every key of <paramref name="node"/> (and of the mappings under it) that <paramref name="schema"/> does not know.</summary>
    private void CheckFields(ManifestNode? node, FieldSchema schema, string path, string objectDescription)
    {
        if (schema.Fields is null || node is null)
        {
            return;
        }

        if (node is ManifestSequence sequence)
        {
            for (int i = 0; i < sequence.Items.Count; i++)
            {
                CheckFields(sequence.Items[i], schema, $"{path}[{i}]", objectDescription);
            }

            return;
        }

        if (node is not ManifestMapping mapping)
        {
            return;
        }

        foreach (KeyValuePair<ManifestNode, ManifestNode> entry in mapping.Entries)
        {
            if (entry.Key is not ManifestScalar key)
            {
                continue;
            }

            string fieldPath = path.Length == 0 ? key.Value : $"{path}.{key.Value}";
            if (schema.Fields.TryGetValue(key.Value, out FieldSchema? child))
            {
                CheckFields(entry.Value, child, fieldPath, objectDescription);
                continue;
            }

            string? suggestion = FieldNameSuggestion.Closest(key.Value, schema.Fields.Keys);
            string message = suggestion is null
                ? $"Unknown field '{fieldPath}' in {objectDescription}; cert-manager drops it, or rejects the object under strict field validation."
                : $"Unknown field '{fieldPath}' in {objectDescription}; did you mean '{suggestion}'?";
            file.Report(ConfigurationProblemKind.UnknownField, key, message, fieldPath, suggestion);
        }
    }
}
