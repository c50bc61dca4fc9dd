using System.Security.Cryptography.X509Certificates;
using Golem.MeshPki.Validation.Names;
using static Golem.MeshPki.Tests.Validation.Names.NameCertificates;

namespace Golem.MeshPki.Tests.Validation.Names;

public partial class NameConstraintsEvaluatorTests
{
    /// <summary>(what, constraints, subjectAltNames, permitted?, phrase of the reason when not).</summary>
    public static TheoryData<string, X509Extension, byte[][], bool, string> DnsCases => new()
    {
        { "permitted: the constraint itself", NameConstraints(permitted: [Dns("example.com")]), [Dns("example.com")], true, "" },
        { "permitted: labels added on the left", NameConstraints(permitted: [Dns("example.com")]), [Dns("foo.bar.example.com")], true, "" },
        { "permitted: case is ignored", NameConstraints(permitted: [Dns("Example.COM")]), [Dns("www.EXAMPLE.com")], true, "" },
        { "permitted: outside", NameConstraints(permitted: [Dns("example.com")]), [Dns("not-example.com")], false, "'DNS:not-example.com' of certificate 0 is not within the permitted dNSName subtrees of certificate 1 ('example.com')" },
        { "permitted: suffix bytes are not a label boundary", NameConstraints(permitted: [Dns("example.com")]), [Dns("notexample.com")], false, "is not within the permitted dNSName subtrees" },
        { "permitted: parent of the constraint", NameConstraints(permitted: [Dns("www.example.com")]), [Dns("example.com")], false, "is not within" },
        { "permitted: every name must be inside", NameConstraints(permitted: [Dns("example.com")]), [Dns("example.com"), Dns("example.org")], false, "'DNS:example.org'" },
        { "permitted: any of several subtrees", NameConstraints(permitted: [Dns("example.org"), Dns("example.com")]), [Dns("a.example.com"), Dns("b.example.org")], true, "" },
        { "permitted: the empty constraint holds every name", NameConstraints(permitted: [Dns(string.Empty)]), [Dns("anything.test")], true, "" },
        { "permitted wildcard inside", NameConstraints(permitted: [Dns("example.com")]), [Dns("*.example.com")], true, "" },
        { "permitted wildcard matching names outside (CVE-2025-61727 variant)", NameConstraints(permitted: [Dns("foo.example.com")]), [Dns("*.example.com")], false, "may match names outside the permitted dNSName subtrees" },
        { "excluded: the constraint itself", NameConstraints(excluded: [Dns("example.com")]), [Dns("example.com")], false, "is in the excluded dNSName subtree 'example.com'" },
        { "excluded: a subdomain", NameConstraints(excluded: [Dns("example.com")]), [Dns("www.example.com")], false, "excluded" },
        { "excluded: the second name", NameConstraints(excluded: [Dns("not-allowed.example.com")]), [Dns("example.com"), Dns("not-allowed.example.com")], false, "'DNS:not-allowed.example.com'" },
        { "excluded: outside", NameConstraints(excluded: [Dns("example.com")]), [Dns("example.org")], true, "" },
        { "excluded wildcard that may match (CVE-2025-61727)", NameConstraints(excluded: [Dns("bar.example.com")]), [Dns("*.example.com")], false, "may match a name in the excluded dNSName subtree 'bar.example.com'" },
        { "excluded wildcard two labels away", NameConstraints(excluded: [Dns("a.bar.example.com")]), [Dns("*.example.com")], true, "" },
        { "excluded wins over permitted", NameConstraints(permitted: [Dns("example.com")], excluded: [Dns("example.com")]), [Dns("example.com")], false, "excluded" },
        { "invalid name a constraint would permit", NameConstraints(permitted: [Dns("example.com")]), [Dns(".example.com"), Dns("foo.example.com")], false, "'DNS:.example.com' of certificate 0 is not a valid DNS name" },
        { "invalid name under an excluded constraint", NameConstraints(excluded: [Dns("example.org")]), [Dns("foo_bar.example.com")], false, "not a valid DNS name" },
        { "invalid name under other forms' constraints only", NameConstraints(permitted: [IPRange("192.0.2.0/24")]), [Dns("foo_bar.example.com")], true, "" },
        { "permitted iPAddress does not restrict dNSNames", NameConstraints(permitted: [IPRange("192.0.2.0/24")]), [Dns("example.com")], true, "" },
        { "excluded iPAddress does not restrict dNSNames", NameConstraints(excluded: [IPRange("192.0.2.0/24")]), [Dns("example.com")], true, "" },
    };

    [Theory]
    [MemberData(nameof(DnsCases))]
    public void Evaluate_DnsNames(string what, X509Extension constraints, byte[][] names, bool permitted, string reasonPart)
    {
        NameConstraintsResult result = RootOverLeaf(constraints, names);

        Assert.True(permitted == result.Permitted, what + ": " + result.Reason);
        if (!permitted)
        {
            AssertRejected(result, 0, 1, reasonPart);
        }
    }

    /// <summary>The subject commonName is not a DNS name here: the library never takes identity from it.</summary>
    [Fact]
    public void Evaluate_DnsConstraintsIgnoreTheSubjectCommonName()
    {
        var leaf = Leaf(Name("evil.example.org"), SubjectAltName(Dns("www.example.com")));

        Assert.True(NameConstraintsEvaluator.Evaluate([leaf, Root(NameConstraints(permitted: [Dns("example.com")]))]).Permitted);
    }
}
