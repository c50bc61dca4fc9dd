namespace Golem.MeshPki.Validation.Names;

/// <summary>
/// DNS names as certificates present them, as clients ask for them and as name constraints
/// restrict them: syntax (RFC 1034 3.5 as modified by RFC 1123 2.1, RFC 5280 4.2.1.6 and 7.2),
/// wildcards (RFC 6125 6.4.3, CABF BR 1.6.1 "Wildcard Domain Name" and 3.2.2.6) and matching.
/// Every comparison is ASCII case-insensitive; every valid name is ASCII.
/// </summary>
internal static class DnsNames
{
    /// <summary>The longest name in text form without the trailing dot (RFC 1034 3.1: 255 octets on the wire).</summary>
    public const int MaximumLength = 253;

    /// <summary>The longest label (RFC 1034 3.1).</summary>
    public const int MaximumLabelLength = 63;

    private const string WildcardPosition = "a wildcard is allowed only as the whole leftmost label, as in '*.example.com' (RFC 6125 6.4.3, CABF BR 1.6.1)";

    /// <summary>True when <paramref name="presented"/> is a wildcard name <c>*.rest</c>.</summary>
    public static bool IsWildcard(string presented) => presented.StartsWith("*.", StringComparison.Ordinal);

    /// <summary>
    /// Why <paramref name="name"/> is not a valid presented dNSName, or null when it is: LDH
    /// labels, and a wildcard only as the whole leftmost label followed by at least one label.
    /// Whether a wildcard may be honoured is a separate question (<see cref="CheckWildcardBase"/>).
    /// </summary>
    /// <returns>A clause that completes "The dNSName 'x' is not valid: ...", or null.</returns>
    public static string? CheckPresented(string name)
    {
        if (name == "*")
        {
            return "a bare '*' would match every name; a wildcard must be followed by a registrable domain (CABF BR 3.2.2.6)";
        }

        if (IsWildcard(name))
        {
            string rest = name[2..];
            return rest.Contains('*', StringComparison.Ordinal) ? WildcardPosition : CheckHostName(rest, allowUnderscore: false);
        }

        if (IsAscii(name) && name.Contains('*', StringComparison.Ordinal))
        {
            return WildcardPosition;
        }

        return CheckHostName(name, allowUnderscore: false);
    }

    /// <summary>
    /// Why the valid presented wildcard <paramref name="presented"/> must never be honoured, or null
    /// (always null for a name without wildcard): its base is a public suffix, so it would cover
    /// the domains of many registrants (CABF BR 3.2.2.6). Without a list only a single-label base
    /// (<c>*.com</c>) is known to be one: every top-level domain is a public suffix (the PSL's
    /// implicit <c>*</c> rule). Such a wildcard is not malformed, only unusable: a registry may
    /// hold a certificate for its own suffix (Amazon's for <c>s3.amazonaws.com</c> names
    /// <c>*.s3.amazonaws.com</c>), and the list changes over time.
    /// </summary>
    /// <returns>A clause that completes "The wildcard '*.x' is never honoured: ...", or null.</returns>
    public static string? CheckWildcardBase(string presented, PublicSuffixList? publicSuffixes)
    {
        if (!IsWildcard(presented))
        {
            return null;
        }

        string rest = presented[2..];
        if (!rest.Contains('.', StringComparison.Ordinal))
        {
            return "'" + rest + "' is a top-level domain, and so a public suffix (CABF BR 3.2.2.6)";
        }

        return publicSuffixes is not null && publicSuffixes.IsPublicSuffix(rest)
            ? "'" + rest + "' is a public suffix, and a wildcard over it would cover the domains of many registrants (CABF BR 3.2.2.6)"
            : null;
    }

    /// <summary>Why <paramref name="name"/> is not a valid reference name (the name a client asked for), or null: a host name without wildcard or trailing dot.</summary>
    /// <returns>A clause that completes "The DNS name 'x' is not valid: ...", or null.</returns>
    public static string? CheckReference(string name)
    {
        if (IsAscii(name) && name.Contains('*', StringComparison.Ordinal))
        {
            return "a reference name cannot hold a wildcard";
        }

        return CheckHostName(name, allowUnderscore: false);
    }

    /// <summary>
    /// Why <paramref name="constraint"/> is not a valid dNSName name constraint, or null. RFC 5280
    /// 4.2.1.10 expresses them as <c>host.example.com</c>: no wildcard and no leading period (that
    /// form belongs to URI and rfc822Name constraints). The empty constraint stands for every name.
    /// </summary>
    /// <returns>A clause that completes "The dNSName constraint 'x' is not valid: ...", or null.</returns>
    public static string? CheckConstraint(string constraint)
    {
        if (constraint.Length == 0)
        {
            return null;
        }

        if (constraint[0] == '.')
        {
            return "a dNSName constraint is written without a leading period; the leading-period form is for URI and rfc822Name constraints (RFC 5280 4.2.1.10)";
        }

        if (IsAscii(constraint) && constraint.Contains('*', StringComparison.Ordinal))
        {
            return "a dNSName constraint cannot hold a wildcard; 'example.com' already covers every subdomain (RFC 5280 4.2.1.10)";
        }

        return CheckHostName(constraint, allowUnderscore: false);
    }

    /// <summary>
    /// Why <paramref name="name"/> is not a host name in the preferred name syntax, or null:
    /// ASCII, 1..63-character labels of letters, digits and inner hyphens (and underscores when
    /// <paramref name="allowUnderscore"/>, as SPIFFE trust domains allow), at most 253 characters,
    /// no empty label, and not an IPv4 literal (a last label of digits or <c>0x</c> and hex digits).
    /// </summary>
    /// <returns>A clause saying what is wrong, or null.</returns>
    public static string? CheckHostName(ReadOnlySpan<char> name, bool allowUnderscore)
    {
        if (name.IsEmpty)
        {
            return "it is empty";
        }

        foreach (char c in name)
        {
            if (c > '\u007f')
            {
                return "it holds a non-ASCII character; internationalized names must be written as A-labels ('xn--...', RFC 5280 7.2)";
            }
        }

        if (name.Length > MaximumLength)
        {
            return "it is longer than 253 characters (RFC 1034 3.1)";
        }

        if (name[0] == '.')
        {
            return "it starts with a dot";
        }

        if (name[^1] == '.')
        {
            return "it ends with a dot";
        }

        ReadOnlySpan<char> lastLabel = default;
        foreach (Range range in name.Split('.'))
        {
            ReadOnlySpan<char> label = name[range];
            if (label.IsEmpty)
            {
                return "it has an empty label";
            }

            if (label.Length > MaximumLabelLength)
            {
                return "it has a label longer than 63 characters (RFC 1034 3.1)";
            }

            if (label[0] == '-' || label[^1] == '-')
            {
                return "a label starts or ends with a hyphen (RFC 1123 2.1)";
            }

            foreach (char c in label)
            {
                if (char.IsAsciiLetterOrDigit(c) || c == '-' || (c == '_' && allowUnderscore))
                {
                    continue;
                }

                return c switch
                {
                    '_' => "it holds an underscore, which the preferred name syntax does not allow (RFC 1034 3.5, RFC 5280 4.2.1.6)",
                    '*' => "it holds a wildcard",
                    _ => "it holds the character " + NameText.Quote(c.ToString()) + ", which is not a letter, digit or hyphen (RFC 1034 3.5)",
                };
            }

            lastLabel = label;
        }

        if (LooksLikeNumber(lastLabel))
        {
            return "it is an IP address literal, which belongs in an iPAddress name (RFC 5280 4.2.1.6; RFC 1123 2.1: a host name is never all-numeric)";
        }

        return null;
    }

    /// <summary>
    /// True when the valid presented name matches the valid reference name (RFC 6125 6.4): equal
    /// ignoring ASCII case, or a wildcard <c>*.rest</c> and a reference of exactly one more label
    /// (never the apex <c>rest</c> itself, never two labels).
    /// </summary>
    public static bool Matches(string presented, string reference)
    {
        if (IsWildcard(presented))
        {
            int dot = reference.IndexOf('.', StringComparison.Ordinal);
            return dot > 0 && EqualsIgnoreCase(presented.AsSpan(2), reference.AsSpan(dot + 1));
        }

        return EqualsIgnoreCase(presented, reference);
    }

    /// <summary>
    /// True when the name lies in the subtree of the dNSName constraint (RFC 5280 4.2.1.10): the
    /// constraint itself or the constraint with labels added on the left. Whole labels only:
    /// <c>example.com</c> covers <c>www.example.com</c>, not <c>notexample.com</c>.
    /// </summary>
    public static bool IsWithin(ReadOnlySpan<char> name, ReadOnlySpan<char> constraint)
    {
        if (constraint.IsEmpty)
        {
            return true;
        }

        if (name.Length == constraint.Length)
        {
            return EqualsIgnoreCase(name, constraint);
        }

        return name.Length > constraint.Length
            && name[name.Length - constraint.Length - 1] == '.'
            && EqualsIgnoreCase(name[(name.Length - constraint.Length)..], constraint);
    }

    /// <summary>
    /// True when every name the wildcard <c>*.rest</c> matches lies in the subtree of the
    /// constraint: exactly when <c>rest</c> does. A permitted subtree must contain them all.
    /// </summary>
    public static bool WildcardIsWithin(string wildcard, string constraint) => IsWithin(wildcard.AsSpan(2), constraint);

    /// <summary>
    /// True when some name the wildcard <c>*.rest</c> matches lies in the subtree of the constraint
    /// (CVE-2025-61727: an excluded <c>bar.example.com</c> must stop <c>*.example.com</c>): when
    /// <c>rest</c> is in the subtree, or the constraint is <c>rest</c> with one label added.
    /// </summary>
    public static bool WildcardMayMatch(string wildcard, string constraint)
    {
        ReadOnlySpan<char> rest = wildcard.AsSpan(2);
        if (IsWithin(rest, constraint))
        {
            return true;
        }

        ReadOnlySpan<char> span = constraint;
        return span.Length > rest.Length + 1
            && span[span.Length - rest.Length - 1] == '.'
            && EqualsIgnoreCase(span[(span.Length - rest.Length)..], rest)
            && !span[..(span.Length - rest.Length - 1)].Contains('.');
    }

    /// <summary>ASCII case-insensitive equality; non-ASCII characters compare ordinally.</summary>
    public static bool EqualsIgnoreCase(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        for (int i = 0; i < left.Length; i++)
        {
            char a = left[i];
            char b = right[i];
            if (a != b && (!char.IsAsciiLetter(a) || (a | 0x20) != (b | 0x20)))
            {
                return false;
            }
        }

        return true;
    }

    internal static bool IsAscii(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (c > '\u007f')
            {
                return false;
            }
        }

        return true;
    }

    // WHATWG URL "ends in a number": a last label of decimal digits, or 0x and hex digits, makes
    // the whole host an IPv4 address to URL parsers and resolvers; no top-level domain looks so.
    private static bool LooksLikeNumber(ReadOnlySpan<char> label)
    {
        if (label.Length >= 2 && label[0] == '0' && (label[1] | 0x20) == 'x')
        {
            foreach (char c in label[2..])
            {
                if (!char.IsAsciiHexDigit(c))
                {
                    return false;
                }
            }

            return true;
        }

        foreach (char c in label)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
