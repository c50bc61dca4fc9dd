namespace Golem.MeshPki.Validation.Names;

/// <summary>
/// rfc822Name values (RFC 5280 4.2.1.6: an addr-spec, RFC 5322 3.4.1) and rfc822Name constraints
/// (RFC 5280 4.2.1.10): a mailbox, a host, or a domain with a leading period.
/// </summary>
/// <remarks>
/// Mailboxes are read in the dot-atom form of RFC 5322 3.2.3 with a host name after the one
/// <c>@</c>. Quoted local parts and address literals are refused: they cannot be compared with a
/// constraint safely, and certificates do not use them.
/// </remarks>
internal static class MailboxNames
{
    private const int MaximumLocalPartLength = 64;

    /// <summary>Why <paramref name="mailbox"/> is not a valid addr-spec, or null.</summary>
    /// <returns>A clause that completes "The rfc822Name 'x' is not valid: ...", or null.</returns>
    public static string? CheckMailbox(string mailbox)
    {
        int at = mailbox.IndexOf('@', StringComparison.Ordinal);
        if (at < 0 || mailbox.IndexOf('@', at + 1) >= 0)
        {
            return "a mailbox holds exactly one '@'";
        }

        ReadOnlySpan<char> local = mailbox.AsSpan(0, at);
        if (local.IsEmpty)
        {
            return "the local part before '@' is empty";
        }

        if (local.Length > MaximumLocalPartLength)
        {
            return "the local part is longer than 64 characters (RFC 5321 4.5.3.1.1)";
        }

        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return "the local part has an empty dot-separated atom (RFC 5322 3.2.3)";
        }

        foreach (char c in local)
        {
            if (!IsAtomText(c) && c != '.')
            {
                return "the local part holds the character " + NameText.Quote(c.ToString()) + ", which an unquoted local part cannot hold (RFC 5322 3.2.3)";
            }
        }

        return DnsNames.CheckHostName(mailbox.AsSpan(at + 1), allowUnderscore: false) is { } hostReason
            ? "its host is not a valid host name: " + hostReason
            : null;
    }

    /// <summary>Why <paramref name="constraint"/> is not a valid rfc822Name constraint, or null; the empty constraint stands for every mailbox.</summary>
    /// <returns>A clause that completes "The rfc822Name constraint 'x' is not valid: ...", or null.</returns>
    public static string? CheckConstraint(string constraint)
    {
        if (constraint.Length == 0)
        {
            return null;
        }

        if (constraint.Contains('@', StringComparison.Ordinal))
        {
            return CheckMailbox(constraint);
        }

        ReadOnlySpan<char> host = constraint[0] == '.' ? constraint.AsSpan(1) : constraint;
        return DnsNames.CheckHostName(host, allowUnderscore: false);
    }

    /// <summary>
    /// True when the valid mailbox lies in the constraint's subtree (RFC 5280 4.2.1.10): a mailbox
    /// constraint is that mailbox (local part compared exactly, host ignoring case); <c>example.com</c>
    /// is every mailbox at that host; <c>.example.com</c> every mailbox at a host below it. An
    /// asterisk is an ordinary character everywhere.
    /// </summary>
    public static bool IsWithin(string mailbox, string constraint)
    {
        if (constraint.Length == 0)
        {
            return true;
        }

        int at = mailbox.LastIndexOf('@');
        ReadOnlySpan<char> host = mailbox.AsSpan(at + 1);
        int constraintAt = constraint.IndexOf('@', StringComparison.Ordinal);
        if (constraintAt >= 0)
        {
            return mailbox.AsSpan(0, at).SequenceEqual(constraint.AsSpan(0, constraintAt))
                && DnsNames.EqualsIgnoreCase(host, constraint.AsSpan(constraintAt + 1));
        }

        if (constraint[0] == '.')
        {
            return host.Length > constraint.Length
                && DnsNames.EqualsIgnoreCase(host[(host.Length - constraint.Length)..], constraint);
        }

        return DnsNames.EqualsIgnoreCase(host, constraint);
    }

    // RFC 5322 3.2.3 atext.
    private static bool IsAtomText(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~".Contains(c, StringComparison.Ordinal);
}
