namespace Golem.MeshPki.Packaging;

/// <summary>What <see cref="SecretManifestReader"/> found in one manifest: the Secrets, and the other objects it passed over.</summary>
public sealed class SecretManifestReadResult
{
    internal SecretManifestReadResult(
        string sourceName,
        int documentCount,
        IReadOnlyList<SecretManifest> secrets,
        IReadOnlyList<SkippedManifestObject> skipped)
    {
        SourceName = sourceName;
        DocumentCount = documentCount;
        Secrets = secrets;
        Skipped = skipped;
    }

    /// <summary>The file name the manifest was read from, or <c>-</c> for standard input.</summary>
    public string SourceName { get; }

    /// <summary>The number of YAML documents in the input, empty ones included; 0 for an empty file.</summary>
    public int DocumentCount { get; }

    /// <summary>The Secrets in input order, those inside a <c>List</c> in item order.</summary>
    public IReadOnlyList<SecretManifest> Secrets { get; }

    /// <summary>The objects that are not Secrets, in input order. Empty documents are not listed.</summary>
    public IReadOnlyList<SkippedManifestObject> Skipped { get; }
}
