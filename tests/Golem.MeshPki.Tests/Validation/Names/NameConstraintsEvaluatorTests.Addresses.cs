using System.Security.Cryptography.X509Certificates;
using Golem.MeshPki.Validation.Names;
using static Golem.MeshPki.Tests.Validation.Names.NameCertificates;

namespace Golem.MeshPki.Tests.Validation.Names;

public partial class NameConstraintsEvaluatorTests
{
    public static TheoryData<string, X509Extension, byte[][], bool, string> AddressCases => new()
    {
        { "permitted IPv4 inside", NameConstraints(permitted: [IPRange("192.0.2.0/24")]), [IP("192.0.2.1")], true, "" },
        { "permitted IPv4 outside", NameConstraints(permitted: [IPRange("192.0.2.0/24")]), [IP("192.0.3.1")], false, "'IP:192.0.3.1' of certificate 0 is not within the permitted iPAddress subtrees of certificate 1 (192.0.2.0/24)" },
        { "permitted IPv6 inside", NameConstraints(permitted: [IPRange("::1/128")]), [IP("::1")], true, "" },
        { "permitted IPv6 outside", NameConstraints(permitted: [IPRange("2001:db8::/32")]), [IP("2001:db9::1")], false, "not within" },
        { "IPv4 range never holds an IPv6 address", NameConstraints(permitted: [IPRange("0.0.0.0/0")]), [IP("::1")], false, "not within" },
        { "IPv4 range never holds an IPv4-mapped IPv6 address", NameConstraints(permitted: [IPRange("192.0.2.0/24")]), [IP("::ffff:192.0.2.1")], false, "not within" },
        { "either family permitted", NameConstraints(permitted: [IPRange("192.0.2.0/24"), IPRange("2001:db8::/32")]), [IP("192.0.2.7"), IP("2001:db8::7")], true, "" },
        { "excluded IPv4", NameConstraints(excluded: [IPRange("192.0.2.0/24")]), [IP("192.0.2.1")], false, "is in the excluded iPAddress subtree 192.0.2.0/24" },
        { "excluded IPv6", NameConstraints(excluded: [IPRange("::1/128")]), [IP("::1")], false, "excluded iPAddress subtree ::1/128" },
        { "excluded elsewhere", NameConstraints(excluded: [IPRange("10.0.0.0/8")]), [IP("192.0.2.1")], true, "" },
        { "permitted dNSName does not restrict iPAddresses", NameConstraints(permitted: [Dns("example.com")]), [IP("192.0.2.1")], true, "" },
    };

    [Theory]
    [MemberData(nameof(AddressCases))]
    public void Evaluate_IPAddresses(string what, X509Extension constraints, byte[][] names, bool permitted, string reasonPart)
    {
        NameConstraintsResult result = RootOverLeaf(constraints, names);

        Assert.True(permitted == result.Permitted, what + ": " + result.Reason);
        if (!permitted)
        {
            AssertRejected(result, 0, 1, reasonPart);
        }
    }
}
