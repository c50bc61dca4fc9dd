using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Golem.MeshPki.Validation.Names;

namespace Golem.MeshPki.Tests.Validation.Names;

public partial class DnsNamesTests
{
    /// <summary>Few labels, so that random names and constraints often share suffixes.</summary>
    private static readonly string[] Labels = ["a", "b", "bar", "example", "com", "Example", "x-y", "xn--n3h"];

    private static Gen<string> NameOf(int minimumLabels, int maximumLabels) =>
        from count in Gen.Choose(minimumLabels, maximumLabels)
        from labels in Gen.Elements(Labels).ListOf(count)
        select string.Join('.', labels);

    /// <summary>
    /// The wildcard rules against name constraints are exact: some one-label expansion of
    /// <c>*.rest</c> lies in the subtree exactly when <see cref="DnsNames.WildcardMayMatch"/> says
    /// so (no false accept past an excluded subtree), and every expansion does when
    /// <see cref="DnsNames.WildcardIsWithin"/> says so.
    /// </summary>
    [Property(MaxTest = 2000)]
    public Property WildcardRules_AgreeWithTheirExpansions()
    {
        Gen<(string Parent, string Constraint)> cases = NameOf(1, 3).Zip(NameOf(0, 4));
        return Prop.ForAll(cases.ToArbitrary(), pair =>
        {
            string wildcard = "*." + pair.Parent;

            // Every label that could make a difference: the alphabet, the constraint's labels, one never used.
            IEnumerable<string> expansions = Labels.Concat(pair.Constraint.Split('.')).Append("zz").Where(static l => l.Length > 0);
            bool someInside = expansions.Any(label => DnsNames.IsWithin(label + "." + pair.Parent, pair.Constraint));
            bool allInside = expansions.All(label => DnsNames.IsWithin(label + "." + pair.Parent, pair.Constraint));

            Assert.Equal(someInside, DnsNames.WildcardMayMatch(wildcard, pair.Constraint));
            Assert.Equal(allInside, DnsNames.WildcardIsWithin(wildcard, pair.Constraint));
        });
    }

    /// <summary>A wildcard matches a reference exactly when the reference is one label added to the wildcard's rest.</summary>
    [Property(MaxTest = 1000)]
    public Property WildcardMatch_IsOneLabelOnTheRest()
    {
        Gen<(string Parent, string Reference)> cases = NameOf(1, 3).Zip(NameOf(1, 4));
        return Prop.ForAll(cases.ToArbitrary(), pair =>
        {
            int dot = pair.Reference.IndexOf('.', StringComparison.Ordinal);
            bool expected = dot > 0 && string.Equals(pair.Reference[(dot + 1)..], pair.Parent, StringComparison.OrdinalIgnoreCase);

            Assert.Equal(expected, DnsNames.Matches("*." + pair.Parent, pair.Reference));
        });
    }

    /// <summary>Any text at all gets a verdict, never an exception, and a valid name is LDH ASCII.</summary>
    [Property(MaxTest = 2000)]
    public Property AnyText_GetsAVerdict()
    {
        Gen<string> text = Gen.Elements("a", "b", ".", "*", "-", "_", "0", "9", "x", "é", " ", "xn--", "0x", "*.")
            .ListOf()
            .Select(string.Concat);
        return Prop.ForAll(text.ToArbitrary(), name =>
        {
            if (DnsNames.CheckPresented(name) is null)
            {
                Assert.All(name, static c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '*'));
                Assert.DoesNotContain("..", name, StringComparison.Ordinal);
            }

            _ = DnsNames.CheckWildcardBase(name, PublicSuffixListTests.SmallList);
            _ = DnsNames.CheckReference(name);
            _ = DnsNames.CheckConstraint(name);
        });
    }
}
