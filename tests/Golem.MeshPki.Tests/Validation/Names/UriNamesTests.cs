using Golem.MeshPki.Validation.Names;

namespace Golem.MeshPki.Tests.Validation.Names;

public class UriNamesTests
{
    [Theory]
    [InlineData("https://example.com/path")]
    [InlineData("spiffe://cluster.local/ns/default/sa/sleep")]
    [InlineData("urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66")]
    [InlineData("mailto:ops@example.com")]
    public void CheckPresented_AcceptsUrisWithAScheme(string uri)
    {
        Assert.Null(UriNames.CheckPresented(uri));
    }

    [Theory]
    [InlineData("example.com", "scheme")]
    [InlineData("1http://example.com", "scheme")]
    [InlineData(":no-scheme", "scheme")]
    [InlineData("https:", "nothing after")]
    [InlineData("https://exa mple.com", "space")]
    [InlineData("https://b\u00fccher.example", "non-ASCII")]
    [InlineData("spiffe://Cluster.local/ns/a/sa/b", "SPIFFE")]
    [InlineData("spiffe://cluster.local/ns//sa/b", "SPIFFE")]
    [InlineData("SPIFFE://cluster.local/ns/a/sa/b", "SPIFFE")]
    public void CheckPresented_RejectsMalformedUrisAndSpiffeIds(string uri, string reasonWord)
    {
        Assert.Contains(reasonWord, UriNames.CheckPresented(uri), StringComparison.Ordinal);
    }

    public static TheoryData<string, string?> HostCases => new()
    {
        { "spiffe://cluster.local/ns/a/sa/b", "cluster.local" },
        { "spiffe://trust_domain/ns/a/sa/b", "trust_domain" },
        { "https://user@www.example.com:8443/x?y#z", "www.example.com" },
        { "https://Example.COM", "Example.COM" },
        { "https://example.com?q", "example.com" },
        { "urn:example:thing", null },
        { "https://[2001:db8::1]/", null },
        { "https://192.0.2.1/", null },
        { "https://example.com:https/", null },
        { "https:///path", null },
    };

    [Theory]
    [MemberData(nameof(HostCases))]
    public void GetHost_FindsTheDomainAConstraintRestricts(string uri, string? expected)
    {
        string? host = UriNames.GetHost(uri, out string? reason);

        Assert.Equal(expected, host);
        Assert.Equal(expected is null, reason is not null);
    }

    [Theory]
    [InlineData("")]
    [InlineData("cluster.local")]
    [InlineData(".cluster.local")]
    [InlineData("trust_domain")]
    public void CheckConstraint_AcceptsHostsAndDomains(string constraint)
    {
        Assert.Null(UriNames.CheckConstraint(constraint));
    }

    [Theory]
    [InlineData("spiffe://cluster.local")]
    [InlineData("cluster.local/ns")]
    [InlineData("*.example.com")]
    [InlineData("..example.com")]
    [InlineData("10.0.0.1")]
    public void CheckConstraint_RejectsWhatIsNotAHost(string constraint)
    {
        Assert.NotNull(UriNames.CheckConstraint(constraint));
    }

    public static TheoryData<string, string, bool> WithinCases => new()
    {
        { "cluster.local", "cluster.local", true },
        { "CLUSTER.local", "cluster.local", true },
        { "east.cluster.local", "cluster.local", false },
        { "east.cluster.local", ".cluster.local", true },
        { "cluster.local", ".cluster.local", false },
        { "evilcluster.local", ".cluster.local", false },
        { "anything", "", true },
    };

    [Theory]
    [MemberData(nameof(WithinCases))]
    public void IsWithin_HostIsExactAndLeadingPeriodMeansBelow(string host, string constraint, bool expected)
    {
        Assert.Equal(expected, UriNames.IsWithin(host, constraint));
    }
}
