namespace Golem.MeshPki.Validation.Names;

/// <summary>The outcome of <see cref="PeerNameMatcher.Match(Golem.MeshPki.Certificates.DerCertificate, PeerName, PublicSuffixList?)"/>: the subjectAltName that matched, or why none did or the certificate cannot be used.</summary>
public readonly record struct PeerNameMatch
{
    private PeerNameMatch(bool isMatch, string? matchedName, string? reason)
    {
        IsMatch = isMatch;
        MatchedName = matchedName;
        Reason = reason;
    }

    /// <summary>True when the certificate is well formed and one of its subjectAltNames matches the expected name.</summary>
    public bool IsMatch { get; }

    /// <summary>The matching subjectAltName as printed by OpenSSL (<c>DNS:*.example.com</c>, <c>IP:192.0.2.1</c>); null when there is no match.</summary>
    public string? MatchedName { get; }

    /// <summary>Why there is no match, as one sentence that quotes the names involved; null on a match.</summary>
    public string? Reason { get; }

    internal static PeerNameMatch Success(string matchedName) => new(true, matchedName, null);

    internal static PeerNameMatch Failure(string reason) => new(false, null, reason);
}
