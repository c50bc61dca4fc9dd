namespace Golem.MeshPki.Validation.Names;

/// <summary>
/// uniformResourceIdentifier names (RFC 5280 4.2.1.6, RFC 3986) and URI name constraints
/// (RFC 5280 4.2.1.10), which restrict the host of the URI: <c>host.example.com</c> is that host
/// exactly and <c>.example.com</c> every host below it. A SPIFFE ID's host is its trust domain.
/// </summary>
internal static class UriNames
{
    /// <summary>
    /// Why the URI subjectAltName is not valid, or null: an RFC 3986 scheme and a non-empty rest of
    /// visible ASCII characters, and for the <c>spiffe</c> scheme a valid SPIFFE ID.
    /// </summary>
    /// <returns>A clause that completes "The uniformResourceIdentifier 'x' is not valid: ...", or null.</returns>
    public static string? CheckPresented(string uri)
    {
        int colon = uri.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !IsScheme(uri.AsSpan(0, colon)))
        {
            return "it does not start with a scheme such as 'https:' (RFC 3986 3.1)";
        }

        if (colon == uri.Length - 1)
        {
            return "it has nothing after the scheme (RFC 5280 4.2.1.6)";
        }

        foreach (char c in uri)
        {
            if (c is <= ' ' or > '~')
            {
                return "it holds a space, control or non-ASCII character (RFC 3986 2)";
            }
        }

        if (uri.AsSpan(0, colon).Equals("spiffe", StringComparison.OrdinalIgnoreCase) && !SpiffeId.TryParse(uri, out _))
        {
            return "it is not a valid SPIFFE ID (SPIFFE-ID 2: lowercase 'spiffe://', a trust domain of lowercase letters, digits, '.', '-' and '_', non-empty path segments, no query, fragment, port or userinfo)";
        }

        return null;
    }

    /// <summary>
    /// The host of the URI, for comparison with URI constraints, or null with the reason: the URI
    /// must have an authority (<c>scheme://host...</c>) whose host is a domain name; userinfo and a
    /// numeric port are skipped, and an IP literal host cannot be held against a domain constraint.
    /// </summary>
    public static string? GetHost(string uri, out string? reason)
    {
        reason = CheckPresented(uri);
        if (reason is not null)
        {
            return null;
        }

        int colon = uri.IndexOf(':', StringComparison.Ordinal);
        ReadOnlySpan<char> rest = uri.AsSpan(colon + 1);
        if (!rest.StartsWith("//", StringComparison.Ordinal))
        {
            reason = "it has no authority ('//host') whose host a URI constraint could restrict (RFC 5280 4.2.1.10)";
            return null;
        }

        ReadOnlySpan<char> authority = rest[2..];
        int end = authority.IndexOfAny('/', '?', '#');
        if (end >= 0)
        {
            authority = authority[..end];
        }

        int at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = authority[(at + 1)..];
        }

        if (!authority.IsEmpty && authority[0] == '[')
        {
            reason = "its host is an IP literal, which a URI constraint (a domain name) cannot restrict";
            return null;
        }

        int portColon = authority.LastIndexOf(':');
        if (portColon >= 0)
        {
            ReadOnlySpan<char> port = authority[(portColon + 1)..];
            if (port.ContainsAnyExceptInRange('0', '9'))
            {
                reason = "its port is not a number";
                return null;
            }

            authority = authority[..portColon];
        }

        // SPIFFE trust domains may hold '_', so the host syntax here allows it.
        if (DnsNames.CheckHostName(authority, allowUnderscore: true) is { } hostReason)
        {
            reason = "its host is not a domain name: " + hostReason;
            return null;
        }

        return authority.ToString();
    }

    /// <summary>Why <paramref name="constraint"/> is not a valid URI constraint, or null: a domain name, optionally with a leading period; empty stands for every host.</summary>
    /// <returns>A clause that completes "The uniformResourceIdentifier constraint 'x' is not valid: ...", or null.</returns>
    public static string? CheckConstraint(string constraint)
    {
        if (constraint.Length == 0)
        {
            return null;
        }

        ReadOnlySpan<char> host = constraint[0] == '.' ? constraint.AsSpan(1) : constraint;
        return DnsNames.CheckHostName(host, allowUnderscore: true) is { } reason
            ? "a URI constraint is a host name, optionally with a leading period (RFC 5280 4.2.1.10), and " + reason
            : null;
    }

    /// <summary>True when the host lies in the constraint's subtree: <c>.domain</c> is every host below the domain (not the domain), anything else exactly that host.</summary>
    public static bool IsWithin(string host, string constraint)
    {
        if (constraint.Length == 0)
        {
            return true;
        }

        if (constraint[0] == '.')
        {
            return host.Length > constraint.Length
                && DnsNames.EqualsIgnoreCase(host.AsSpan(host.Length - constraint.Length), constraint);
        }

        return DnsNames.EqualsIgnoreCase(host, constraint);
    }

    // RFC 3986 3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
    private static bool IsScheme(ReadOnlySpan<char> scheme)
    {
        if (!char.IsAsciiLetter(scheme[0]))
        {
            return false;
        }

        foreach (char c in scheme)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
