using Golem.MeshPki.Validation.Names;

namespace Golem.MeshPki.Tests.Validation.Names;

public class SpiffeIdTests
{
    public static TheoryData<string, string, string> ValidIds => new()
    {
        { "spiffe://cluster.local/ns/default/sa/sleep", "cluster.local", "/ns/default/sa/sleep" },
        { "spiffe://example.org", "example.org", "" },
        { "spiffe://trust_domain-1.example/a.b/c-d/E_F", "trust_domain-1.example", "/a.b/c-d/E_F" },
        { "spiffe://td/...", "td", "/..." },
    };

    [Theory]
    [MemberData(nameof(ValidIds))]
    public void TryParse_SplitsTrustDomainAndPath(string uri, string trustDomain, string path)
    {
        Assert.True(SpiffeId.TryParse(uri, out SpiffeId id));
        Assert.Equal(trustDomain, id.TrustDomain);
        Assert.Equal(path, id.Path);
        Assert.Equal(uri, id.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("spiffe://")]
    [InlineData("spiffe:///ns/a")]
    [InlineData("SPIFFE://cluster.local/ns/a")]
    [InlineData("https://cluster.local/ns/a")]
    [InlineData("spiffe:cluster.local/ns/a")]
    [InlineData("spiffe://Cluster.local/ns/a")]
    [InlineData("spiffe://cluster.local:8080/ns/a")]
    [InlineData("spiffe://user@cluster.local/ns/a")]
    [InlineData("spiffe://cluster.local/")]
    [InlineData("spiffe://cluster.local/ns//sa/b")]
    [InlineData("spiffe://cluster.local/ns/./sa/b")]
    [InlineData("spiffe://cluster.local/ns/../sa/b")]
    [InlineData("spiffe://cluster.local/ns/a?x=1")]
    [InlineData("spiffe://cluster.local/ns/a#frag")]
    [InlineData("spiffe://cluster.local/ns/a%20b")]
    [InlineData("spiffe://cluster.local/ns/a b")]
    [InlineData("spiffe://clüster.local/ns/a")]
    public void TryParse_RejectsWhatTheSpecificationForbids(string? uri)
    {
        Assert.False(SpiffeId.TryParse(uri, out SpiffeId id));
        Assert.Equal(default, id);
    }

    [Fact]
    public void TryParse_RejectsOverlongIdsAndTrustDomains()
    {
        Assert.False(SpiffeId.TryParse("spiffe://td/" + new string('a', SpiffeId.MaximumLength), out _));
        Assert.False(SpiffeId.TryParse("spiffe://" + new string('a', SpiffeId.MaximumTrustDomainLength + 1) + "/x", out _));
        Assert.True(SpiffeId.TryParse("spiffe://" + new string('a', SpiffeId.MaximumTrustDomainLength) + "/x", out _));
    }

    public static TheoryData<string, bool, string, string> WorkloadIds => new()
    {
        { "spiffe://cluster.local/ns/default/sa/sleep", true, "default", "sleep" },
        { "spiffe://bank.example/ns/payments/sa/ledger-api", true, "payments", "ledger-api" },
        { "spiffe://cluster.local/ns/default", false, "", "" },
        { "spiffe://cluster.local/ns/default/sa/sleep/extra", false, "", "" },
        { "spiffe://cluster.local/namespace/default/sa/sleep", false, "", "" },
        { "spiffe://cluster.local/ns/default/serviceaccount/sleep", false, "", "" },
        { "spiffe://cluster.local", false, "", "" },
    };

    [Theory]
    [MemberData(nameof(WorkloadIds))]
    public void IsIstioWorkloadId_ReadsNamespaceAndServiceAccount(string uri, bool expected, string kubernetesNamespace, string serviceAccount)
    {
        Assert.True(SpiffeId.TryParse(uri, out SpiffeId id));

        Assert.Equal(expected, SpiffeId.IsIstioWorkloadId(id, out string ns, out string sa));
        Assert.Equal(kubernetesNamespace, ns);
        Assert.Equal(serviceAccount, sa);
    }

    [Fact]
    public void Default_IsNoWorkloadAndPrintsEmpty()
    {
        Assert.False(SpiffeId.IsIstioWorkloadId(default, out _, out _));
        Assert.Equal(string.Empty, default(SpiffeId).ToString());
    }
}
