using System.Security.Cryptography.X509Certificates;
using Golem.MeshPki.Tests.TestCertificates;
using Golem.MeshPki.Validation.Names;
using static Golem.MeshPki.Tests.Validation.Names.NameCertificates;

namespace Golem.MeshPki.Tests.Validation.Names;

public partial class NameConstraintsEvaluatorTests
{
    public static TheoryData<string, X509Extension, byte[][], bool, string> UriCases => new()
    {
        { "SPIFFE ID in the permitted trust domain", NameConstraints(permitted: [Uri("cluster.local")]), [Uri(TestExtensions.SleepSpiffeId)], true, "" },
        { "SPIFFE ID of another trust domain", NameConstraints(permitted: [Uri("cluster.local")]), [Uri("spiffe://other.local/ns/a/sa/b")], false, "has a host outside the permitted uniformResourceIdentifier subtrees of certificate 1 ('cluster.local')" },
        { "host constraint excludes subdomains", NameConstraints(permitted: [Uri("cluster.local")]), [Uri("spiffe://east.cluster.local/ns/a/sa/b")], false, "outside" },
        { "leading period: subdomains", NameConstraints(permitted: [Uri(".cluster.local")]), [Uri("spiffe://east.cluster.local/ns/a/sa/b")], true, "" },
        { "leading period: not the domain itself", NameConstraints(permitted: [Uri(".cluster.local")]), [Uri("spiffe://cluster.local/ns/a/sa/b")], false, "outside" },
        { "https URI with port and userinfo", NameConstraints(permitted: [Uri("example.com")]), [Uri("https://user@example.com:8443/x")], true, "" },
        { "excluded trust domain", NameConstraints(excluded: [Uri("evil.local")]), [Uri("spiffe://evil.local/ns/a/sa/b")], false, "has a host in the excluded uniformResourceIdentifier subtree 'evil.local'" },
        { "URI without a host under URI constraints", NameConstraints(permitted: [Uri("example.com")]), [Uri("urn:example:thing")], false, "has no host a URI constraint can restrict" },
        { "URI with an IP literal host under URI constraints", NameConstraints(excluded: [Uri("example.com")]), [Uri("https://192.0.2.1/")], false, "has no host" },
        { "dNSName constraint does not restrict URIs", NameConstraints(permitted: [Dns("example.com")]), [Uri("spiffe://other.local/ns/a/sa/b")], true, "" },
    };

    [Theory]
    [MemberData(nameof(UriCases))]
    public void Evaluate_UniformResourceIdentifiers(string what, X509Extension constraints, byte[][] names, bool permitted, string reasonPart)
    {
        NameConstraintsResult result = RootOverLeaf(constraints, names);

        Assert.True(permitted == result.Permitted, what + ": " + result.Reason);
        if (!permitted)
        {
            AssertRejected(result, 0, 1, reasonPart);
        }
    }
}
