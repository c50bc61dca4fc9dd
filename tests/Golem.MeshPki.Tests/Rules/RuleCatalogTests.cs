using System.Reflection;
using System.Text.RegularExpressions;
using Golem.MeshPki.Rules;

namespace Golem.MeshPki.Tests.Rules;

/// <summary>One catalogue, one id per rule, one documentation page per id (CONVENTIONS.md "Findings and rule ids").</summary>
public sealed partial class RuleCatalogTests
{
    public static TheoryData<string> Ids => [.. RuleCatalog.All.Select(rule => rule.Id)];

    [Fact]
    public void Every_identifier_constant_has_exactly_one_descriptor_and_ids_are_well_formed()
    {
        string[] constants = typeof(RuleIdentifiers).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(constants, RuleCatalog.All.Select(rule => rule.Id).Order(StringComparer.Ordinal));
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(rule => rule.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(RuleCatalog.All, rule => Assert.Matches(IdPattern(), rule.Id));
        Assert.Equal(RuleCatalog.All.Select(rule => rule.Id).Order(StringComparer.Ordinal), RuleCatalog.All.Select(rule => rule.Id));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_rule_has_its_documentation_page_and_a_help_link_to_it(string id)
    {
        RuleDescriptor rule = RuleCatalog.Find(id)!;
        string page = Path.Combine(RepositoryRoot(), "docs", "rules", id + ".md");

        Assert.True(File.Exists(page), $"{id} has no page {page}.");
        Assert.StartsWith($"# {id}: ", File.ReadLines(page).First(), StringComparison.Ordinal);
        Assert.EndsWith("/docs/rules/" + id + ".md", rule.HelpLink, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(rule.Title));
    }

    [Fact]
    public void Find_returns_null_for_an_unknown_or_differently_cased_id()
    {
        Assert.Null(RuleCatalog.Find("MPKI9999"));
        Assert.Null(RuleCatalog.Find("mpki1001"));
        Assert.Same(RuleCatalog.CaKeyDoesNotMatchCertificate, RuleCatalog.Find("MPKI1001"));
    }

    [Fact]
    public void Finding_takes_the_rules_severity_unless_changed_and_prints_severity_id_source_and_message()
    {
        var finding = new Finding(RuleCatalog.BothLayoutsPresent, "Both layouts.", "cacerts");

        Assert.Equal(RuleSeverity.Warning, finding.Severity);
        Assert.Equal("warning MPKI1014 [cacerts] Both layouts.", finding.ToString());
        Finding error = finding.WithSeverity(RuleSeverity.Error);
        Assert.Equal(RuleSeverity.Error, error.Severity);
        Assert.Equal(finding.Message, error.Message);
        Assert.Same(finding, finding.WithSeverity(RuleSeverity.Warning));
        Assert.Throws<ArgumentNullException>(() => new Finding(null!, "message"));
    }

    [Fact]
    public void Finding_with_a_location_prints_like_a_compiler_and_keeps_it_through_severity_changes()
    {
        Finding finding = new Finding(RuleCatalog.UnknownCertManagerField, "Unknown field 'organisations'; did you mean 'organizations'?")
            .WithLocation(new FindingLocation("certificate.yaml", 13, 5));

        Assert.Equal("certificate.yaml(13,5): error MPKI2007: Unknown field 'organisations'; did you mean 'organizations'?", finding.ToString());
        Assert.Equal(finding.Location, finding.WithSeverity(RuleSeverity.Warning).Location);
        Assert.Null(new Finding(RuleCatalog.CaKeyDoesNotMatchCertificate, "Mismatch.").Location);
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Golem.MeshPki.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository: Golem.MeshPki.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("^MPKI[1-9][0-9]{3}$")]
    private static partial Regex IdPattern();
}
