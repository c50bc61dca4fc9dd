namespace Golem.MeshPki.Rules;

/// <summary>One rule of the catalogue: its id, a short imperative title, its default severity and where it is documented.</summary>
/// <remarks>Plain C# 7.3 so that the analyzers can share this source.</remarks>
public sealed class RuleDescriptor
{
    /// <summary>The base of every rule's documentation page.</summary>
    public const string HelpLinkBase = "https://github.com/golem-trust/golem-meshpki/blob/main/docs/rules/";

    internal RuleDescriptor(string id, string title, RuleSeverity defaultSeverity, string category)
    {
        Id = id;
        Title = title;
        DefaultSeverity = defaultSeverity;
        Category = category;
    }

    /// <summary>The rule id, e.g. <c>MPKI1001</c>.</summary>
    public string Id { get; }

    /// <summary>A short, imperative title.</summary>
    public string Title { get; }

    /// <summary>The severity a finding of this rule has unless configured otherwise.</summary>
    public RuleSeverity DefaultSeverity { get; }

    /// <summary>The area the rule belongs to: <c>CaCerts</c>, <c>Chain</c>, <c>Lifetimes</c>.</summary>
    public string Category { get; }

    /// <summary>The rule's documentation page, <c>docs/rules/&lt;id&gt;.md</c>.</summary>
    public string HelpLink => HelpLinkBase + Id + ".md";

    /// <summary>Returns <c>MPKI1001: title</c>.</summary>
    /// <returns>The id and the title.</returns>
    public override string ToString() => Id + ": " + Title;
}
