using Golem.MeshPki.Packaging;

namespace Golem.MeshPki.Configuration;

/// <summary>
/// Reads the settings that decide a mesh's certificate lifetimes from the manifests a platform team has:
/// the Istio mesh ConfigMap, IstioOperator and Helm values files, workloads' <c>proxy.istio.io/config</c>
/// annotations, istiod's Deployment, and cert-manager Certificates, Issuers and ClusterIssuers.
/// </summary>
/// <remarks>
/// <para>
/// Input is YAML with any number of documents separated by <c>---</c>, or JSON (read as YAML, of which it
/// is a subset), as written by hand or printed by <c>kubectl get -o yaml</c> / <c>-o json</c>, including
/// <c>List</c> objects whose <c>items</c> are read one by one. Objects that hold none of these settings are
/// listed in <see cref="ConfigurationDocumentSet.Skipped"/>.
/// </para>
/// <para>
/// Every value keeps its file, line and column, also inside YAML embedded in a string (the ConfigMap's
/// <c>data.mesh</c> and the annotation), where positions are mapped back to the outer file. Durations are
/// kept as written. Nothing in the input makes this reader throw: text that cannot be read, a value of the
/// wrong type and a field that cert-manager does not know become <see cref="ConfigurationProblem"/>s.
/// </para>
/// </remarks>
public static class ConfigurationReader
{
    /// <summary>Reads the settings in a file's bytes (UTF-8 with or without BOM, or UTF-16 with BOM).</summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="fileName">The file name for positions (<c>istio.yaml</c>), or <c>-</c> for standard input.</param>
    /// <returns>The settings found, the objects passed over, and the problems found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fileName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> is empty.</exception>
    public static ConfigurationDocumentSet Read(ReadOnlySpan<byte> content, string fileName)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        string text;
        try
        {
            text = ManifestYamlParser.DecodeText(content, fileName);
        }
        catch (ManifestFormatException ex)
        {
            return SyntaxProblem(fileName, ex);
        }

        return ReadText(text, fileName);
    }

    /// <summary>Reads the settings in a file's text.</summary>
    /// <param name="text">The file's text, YAML or JSON; a leading byte order mark is ignored.</param>
    /// <param name="fileName">The file name for positions (<c>istio.yaml</c>), or <c>-</c> for standard input.</param>
    /// <returns>The settings found, the objects passed over, and the problems found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="fileName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> is empty.</exception>
    public static ConfigurationDocumentSet Read(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        return ReadText(text.StartsWith('\uFEFF') ? text[1..] : text, fileName);
    }

    private static ConfigurationDocumentSet ReadText(string text, string fileName)
    {
        List<ManifestDocument> documents;
        try
        {
            documents = ManifestYamlParser.Parse(text, fileName);
        }
        catch (ManifestFormatException ex)
        {
            // The parser stops at the first error, so documents before it are not read either: a file with
            // broken syntax is reported as such rather than half-read.
            return SyntaxProblem(fileName, ex);
        }

        var problems = new List<ConfigurationProblem>();
        var reader = new ConfigurationObjectReader(ConfigurationContext.ForFile(fileName, text, problems));
        foreach (ManifestDocument document in documents)
        {
            if (document.Root is null or ManifestScalar { IsNull: true })
            {
                continue;
            }

            reader.ReadObject(document.Root, document.Index, inList: false);
        }

        return new ConfigurationDocumentSet
        {
            File = fileName,
            DocumentCount = documents.Count,
            MeshConfigs = reader.MeshConfigs.AsReadOnly(),
            IstiodDeployments = reader.IstiodDeployments.AsReadOnly(),
            Certificates = reader.Certificates.AsReadOnly(),
            Issuers = reader.Issuers.AsReadOnly(),
            Skipped = reader.Skipped.AsReadOnly(),
            Problems = problems.AsReadOnly(),
        };
    }

    private static ConfigurationDocumentSet SyntaxProblem(string fileName, ManifestFormatException ex)
    {
        var problem = new ConfigurationProblem(
            ConfigurationProblemKind.InvalidSyntax, new SourcePosition(fileName, ex.Line, ex.Column), $"The file cannot be read: {ex.Reason}.");
        return new ConfigurationDocumentSet { File = fileName, Problems = [problem] };
    }
}
