namespace Golem.MeshPki.Rules;

/// <summary>
/// One problem found by a check: the rule, its severity, a specific message that quotes the values and
/// ends with a period, and where: the source (file or Secret key and PEM block) and the certificate's subject.
/// </summary>
/// <remarks>Messages never contain key material.</remarks>
public sealed class Finding
{
    /// <summary>Creates a finding with the rule's default severity.</summary>
    /// <param name="rule">The rule that fired.</param>
    /// <param name="message">What is wrong and what breaks, one or two sentences ending with a period.</param>
    /// <param name="source">Where the material came from, e.g. <c>cacerts/cert-chain.pem#2</c>; <see langword="null"/> when not tied to a file.</param>
    /// <param name="subject">The subject of the certificate concerned (RFC 4514); <see langword="null"/> when not tied to a certificate.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> or <paramref name="message"/> is <see langword="null"/>.</exception>
    public Finding(RuleDescriptor rule, string message, string? source = null, string? subject = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(message);
        Rule = rule;
        Severity = rule.DefaultSeverity;
        Message = message;
        Source = source;
        Subject = subject;
    }

    /// <summary>Returns this finding pointing at <paramref name="location"/> in a configuration file.</summary>
    /// <param name="location">The file, line and column.</param>
    /// <returns>A finding that differs from this one only in <see cref="Location"/>.</returns>
    public Finding WithLocation(FindingLocation location) =>
        new(Rule, Message, Source, Subject) { Severity = Severity, Location = location };

    /// <summary>Returns this finding with another severity, e.g. as configured by the user.</summary>
    /// <param name="severity">The severity to report.</param>
    /// <returns>A finding that differs from this one only in <see cref="Severity"/>.</returns>
    public Finding WithSeverity(RuleSeverity severity) =>
        severity == Severity ? this : new Finding(Rule, Message, Source, Subject) { Severity = severity, Location = Location };

    /// <summary>The rule that fired.</summary>
    public RuleDescriptor Rule { get; }

    /// <summary>The rule id, e.g. <c>MPKI1001</c>.</summary>
    public string Id => Rule.Id;

    /// <summary>The severity of this finding.</summary>
    public RuleSeverity Severity { get; private init; }

    /// <summary>What is wrong and what breaks.</summary>
    public string Message { get; }

    /// <summary>Where the material came from (file or Secret key, PEM block); <see langword="null"/> when not tied to one.</summary>
    public string? Source { get; }

    /// <summary>The subject of the certificate concerned; <see langword="null"/> when not tied to one.</summary>
    public string? Subject { get; }

    /// <summary>The file, line and column of the configuration value concerned; <see langword="null"/> for certificate findings.</summary>
    public FindingLocation? Location { get; private init; }

    /// <summary>
    /// Returns <c>file(line,col): error MPKI2007: message</c> for configuration findings (a compiler's form), or
    /// <c>error MPKI1001 [source] message</c> for certificate findings.
    /// </summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => Location is { } location
        ? location + ": " + Severity.ToString().ToLowerInvariant() + " " + Id + ": " + Message
        : Severity.ToString().ToLowerInvariant() + " " + Id + (Source is null ? string.Empty : " [" + Source + "]") + " " + Message;
}
