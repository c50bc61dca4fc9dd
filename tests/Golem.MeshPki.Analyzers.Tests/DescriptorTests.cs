using Golem.MeshPki.Analyzers.Rules;
using Golem.MeshPki.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Golem.MeshPki.Analyzers.Tests;

/// <summary>The analyzers say what the rule catalogue says: one id, one title, one help page; a warning by default.</summary>
public sealed class DescriptorTests
{
    public static TheoryData<DiagnosticAnalyzer> Analyzers => new()
    {
        new GracePeriodRatioAnalyzer(),
        new WorkloadTtlAboveMaximumAnalyzer(),
        new WorkloadTtlTooShortAnalyzer(),
        new WorkloadTtlNotBelowIntermediateRenewBeforeAnalyzer(),
        new RenewBeforeNotBelowDurationAnalyzer(),
        new CertManagerDurationTooShortAnalyzer(),
        new RenewBeforeSetTwiceAnalyzer(),
    };

    [Theory]
    [MemberData(nameof(Analyzers))]
    public void Descriptors_match_the_rule_catalogue(DiagnosticAnalyzer analyzer)
    {
        foreach (DiagnosticDescriptor descriptor in analyzer.SupportedDiagnostics)
        {
            RuleDescriptor rule = Assert.IsType<RuleDescriptor>(RuleCatalog.Find(descriptor.Id));
            Assert.Equal(rule.Title, descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(rule.Category, descriptor.Category);
            Assert.Equal(rule.HelpLink, descriptor.HelpLinkUri);
            // In code every rule is a warning by default (issue 5: "as a build warning"); lint keeps the catalogue's.
            Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
            Assert.True(descriptor.IsEnabledByDefault);
        }
    }

    [Fact]
    public void Every_analyzer_is_listed()
    {
        Type[] listed = ((IEnumerable<object[]>)Analyzers).Select(row => row[0].GetType()).ToArray();
        Assert.Equal(
            AnalyzerRun.AllAnalyzers.Select<DiagnosticAnalyzer, Type>(a => a.GetType()).OrderBy(t => t.Name, StringComparer.Ordinal),
            listed.OrderBy(t => t.Name, StringComparer.Ordinal));
    }

    [Fact]
    public void MPKI2001_has_one_message_per_finding_of_the_library()
    {
        // The range error and the two warnings of WorkloadCertificatePolicy.Validate(), under one id.
        DiagnosticDescriptor[] descriptors = new GracePeriodRatioAnalyzer().SupportedDiagnostics.ToArray();
        Assert.Equal(3, descriptors.Length);
        Assert.All(descriptors, d => Assert.Equal("MPKI2001", d.Id));
        Assert.Equal(3, descriptors.Select(d => d.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture)).Distinct().Count());
    }

    [Theory]
    [InlineData("2160h", 2160 * 3600.0)]
    [InlineData("24h", 86400.0)]
    [InlineData("1h30m", 5400.0)]
    [InlineData("1.5h", 5400.0)]
    [InlineData("86400s", 86400.0)]
    [InlineData("300ms", 0.3)]
    [InlineData("0", 0.0)]
    public void EditorConfig_durations_read_as_Go_durations(string text, double seconds)
    {
        Assert.True(EditorConfigDuration.TryParse(text, out TimeSpan value));
        Assert.Equal(seconds, value.TotalSeconds, 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("90d")]
    [InlineData("ninety days")]
    [InlineData("h")]
    [InlineData("-1h")]
    public void Unreadable_editorconfig_durations_are_rejected(string text) => Assert.False(EditorConfigDuration.TryParse(text, out _));
}
