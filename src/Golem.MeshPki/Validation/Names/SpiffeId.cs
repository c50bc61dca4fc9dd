namespace Golem.MeshPki.Validation.Names;

/// <summary>
/// A SPIFFE ID (SPIFFE-ID specification 2): <c>spiffe://trust-domain/path</c>, the identity Istio
/// puts in a workload certificate's URI subjectAltName.
/// </summary>
public readonly record struct SpiffeId
{
    /// <summary>The longest SPIFFE ID, in characters (SPIFFE-ID 2.3).</summary>
    public const int MaximumLength = 2048;

    /// <summary>The longest trust domain name, in characters (SPIFFE-ID 2.1).</summary>
    public const int MaximumTrustDomainLength = 255;

    private const string Scheme = "spiffe://";

    private SpiffeId(string trustDomain, string path)
    {
        TrustDomain = trustDomain;
        Path = path;
    }

    /// <summary>The trust domain: lowercase letters, digits, '.', '-' and '_', e.g. <c>cluster.local</c>.</summary>
    public string TrustDomain { get; }

    /// <summary>The path: empty (the trust domain's own ID) or '/'-separated segments, e.g. <c>/ns/default/sa/sleep</c>.</summary>
    public string Path { get; }

    /// <summary>
    /// Parses a SPIFFE ID strictly as the specification requires of validators: the lowercase
    /// scheme <c>spiffe://</c>; a non-empty trust domain of lowercase letters, digits, '.', '-' and
    /// '_' (so no port, userinfo or uppercase); path segments of letters, digits, '.', '-' and '_',
    /// never empty, <c>.</c> or <c>..</c>; no trailing '/', query, fragment or percent-encoding.
    /// </summary>
    /// <param name="uri">The URI text, e.g. a URI subjectAltName.</param>
    /// <param name="id">The SPIFFE ID, or default when the text is not one.</param>
    /// <returns>True when <paramref name="uri"/> is a valid SPIFFE ID.</returns>
    public static bool TryParse(string? uri, out SpiffeId id)
    {
        id = default;
        if (uri is null || uri.Length > MaximumLength || !uri.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return false;
        }

        ReadOnlySpan<char> rest = uri.AsSpan(Scheme.Length);
        int slash = rest.IndexOf('/');
        ReadOnlySpan<char> trustDomain = slash < 0 ? rest : rest[..slash];
        if (trustDomain.IsEmpty || trustDomain.Length > MaximumTrustDomainLength)
        {
            return false;
        }

        foreach (char c in trustDomain)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_'))
            {
                return false;
            }
        }

        ReadOnlySpan<char> path = slash < 0 ? [] : rest[slash..];
        if (!path.IsEmpty)
        {
            foreach (Range range in path[1..].Split('/'))
            {
                ReadOnlySpan<char> segment = path[1..][range];
                if (segment.IsEmpty || segment is "." or "..")
                {
                    return false;
                }

                foreach (char c in segment)
                {
                    if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
                    {
                        return false;
                    }
                }
            }
        }

        id = new SpiffeId(trustDomain.ToString(), path.ToString());
        return true;
    }

    /// <summary>
    /// True when the ID has Istio's workload form <c>/ns/&lt;namespace&gt;/sa/&lt;service account&gt;</c>
    /// (Istio <c>pkg/spiffe</c>), and gives the namespace and service account.
    /// </summary>
    /// <param name="id">A parsed SPIFFE ID.</param>
    /// <param name="kubernetesNamespace">The Kubernetes namespace, or empty when the ID is not a workload ID.</param>
    /// <param name="serviceAccount">The service account, or empty when the ID is not a workload ID.</param>
    /// <returns>True for a workload ID.</returns>
    public static bool IsIstioWorkloadId(SpiffeId id, out string kubernetesNamespace, out string serviceAccount)
    {
        kubernetesNamespace = string.Empty;
        serviceAccount = string.Empty;
        if (string.IsNullOrEmpty(id.Path))
        {
            return false;
        }

        string[] segments = id.Path[1..].Split('/');
        if (segments.Length != 4 || segments[0] != "ns" || segments[2] != "sa")
        {
            return false;
        }

        kubernetesNamespace = segments[1];
        serviceAccount = segments[3];
        return true;
    }

    /// <summary>The ID as text: <c>spiffe://</c>, the trust domain and the path; empty for default.</summary>
    public override string ToString() => TrustDomain is null ? string.Empty : Scheme + TrustDomain + Path;
}
