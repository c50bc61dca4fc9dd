using System.Globalization;

namespace Golem.MeshPki.Validation.Names;

/// <summary>
/// The Public Suffix List (<see href="https://publicsuffix.org/list/"/>): the domains under which
/// anyone can register names (<c>com</c>, <c>co.uk</c>, <c>s3.amazonaws.com</c>). A wildcard
/// certificate over one of them (<c>*.co.uk</c>) would cover many registrants' domains, which
/// CABF BR 3.2.2.6 forbids. Rules of the ICANN and the PRIVATE sections both count.
/// </summary>
/// <remarks>Immutable once built, so one instance may be shared by all threads.</remarks>
public sealed class PublicSuffixList
{
    /// <summary>Where Debian's <c>publicsuffix</c> package installs the list.</summary>
    public const string DefaultPath = "/usr/share/publicsuffix/public_suffix_list.dat";

    private readonly HashSet<string> _rules;
    private readonly HashSet<string> _wildcardParents;
    private readonly HashSet<string> _exceptions;

    private PublicSuffixList(HashSet<string> rules, HashSet<string> wildcardParents, HashSet<string> exceptions)
    {
        _rules = rules;
        _wildcardParents = wildcardParents;
        _exceptions = exceptions;
    }

    /// <summary>The number of rules read: plain, wildcard and exception rules together.</summary>
    public int RuleCount => _rules.Count + _wildcardParents.Count + _exceptions.Count;

    /// <summary>Reads a list in the <c>public_suffix_list.dat</c> format from a file.</summary>
    /// <param name="path">The file, e.g. <see cref="DefaultPath"/>.</param>
    /// <returns>The list.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="FormatException">A rule is malformed; the message names the line.</exception>
    public static PublicSuffixList Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using StreamReader reader = File.OpenText(path);
        return Parse(reader);
    }

    /// <summary>
    /// Reads a list in the <c>public_suffix_list.dat</c> format: one rule per line, read up to the
    /// first whitespace; <c>//</c> starts a comment line; <c>*.ck</c> makes every child of
    /// <c>ck</c> a suffix and <c>!www.ck</c> excepts one. Unicode rules are stored as A-labels.
    /// </summary>
    /// <param name="reader">The text.</param>
    /// <returns>The list.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    /// <exception cref="FormatException">A rule is malformed (an empty label, or a '*' or '!' anywhere but at the start); the message names the line.</exception>
    public static PublicSuffixList Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rules = new HashSet<string>(StringComparer.Ordinal);
        var wildcardParents = new HashSet<string>(StringComparer.Ordinal);
        var exceptions = new HashSet<string>(StringComparer.Ordinal);
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            ReadOnlySpan<char> text = line.AsSpan().TrimStart();
            int end = text.IndexOfAny(' ', '\t');
            ReadOnlySpan<char> rule = end < 0 ? text : text[..end];
            if (rule.IsEmpty || rule.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            HashSet<string> target = rules;
            if (rule[0] == '!')
            {
                target = exceptions;
                rule = rule[1..];
            }
            else if (rule.StartsWith("*.", StringComparison.Ordinal))
            {
                target = wildcardParents;
                rule = rule[2..];
            }

            string? name = Normalize(rule);
            if (name is null || name.Contains('*', StringComparison.Ordinal) || name.Contains('!', StringComparison.Ordinal)
                || (target == exceptions && !name.Contains('.', StringComparison.Ordinal)))
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Line {lineNumber} of the public suffix list holds the malformed rule '{rule}'."));
            }

            target.Add(name);
        }

        return new PublicSuffixList(rules, wildcardParents, exceptions);
    }

    /// <summary>
    /// True when <paramref name="domain"/> is itself a public suffix under the list's algorithm:
    /// a plain rule names it, or a wildcard rule covers it and no exception rule names it, or it
    /// is a single label (the implicit <c>*</c> rule). Case-insensitive; Unicode labels are
    /// compared as their A-labels; one trailing dot is ignored.
    /// </summary>
    /// <param name="domain">A domain name, e.g. <c>co.uk</c>.</param>
    /// <returns>Whether it is a public suffix; false for text that is not a domain name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="domain"/> is null.</exception>
    public bool IsPublicSuffix(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ReadOnlySpan<char> text = domain;
        if (text.EndsWith('.'))
        {
            text = text[..^1];
        }

        string? name;
        try
        {
            name = Normalize(text);
        }
        catch (ArgumentException)
        {
            // An unpaired surrogate: not a domain name.
            return false;
        }

        if (name is null)
        {
            return false;
        }

        if (_exceptions.Contains(name))
        {
            return false;
        }

        int dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 || _rules.Contains(name) || _wildcardParents.Contains(name[(dot + 1)..]);
    }

    // Lowercase A-labels joined by dots; null for an empty name or an empty label.
    private static string? Normalize(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
        {
            return null;
        }

        if (DnsNames.IsAscii(name))
        {
            if (name[0] == '.' || name[^1] == '.' || name.Contains("..", StringComparison.Ordinal))
            {
                return null;
            }

            Span<char> lower = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
            System.Text.Ascii.ToLower(name, lower, out _);
            return lower.ToString();
        }

        string[] labels = name.ToString().Split('.');
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i].Length == 0)
            {
                return null;
            }

            labels[i] = Punycode.ToAsciiLabel(labels[i].ToLowerInvariant());
        }

        return string.Join('.', labels);
    }
}
