using System.Security.Cryptography.X509Certificates;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Tests.TestCertificates;
using Golem.MeshPki.Validation.Names;
using static Golem.MeshPki.Tests.Validation.Names.NameCertificates;

namespace Golem.MeshPki.Tests.Validation.Names;

public partial class NameConstraintsEvaluatorTests
{
    /// <summary>Malformed nameConstraints extensions (RFC 5280 4.2.1.10), with a phrase the reason must hold.</summary>
    public static TheoryData<string, X509Extension, string> MalformedConstraints => new()
    {
        { "dNSName with a wildcard", NameConstraints(permitted: [Dns("*.example.com")]), "dNSName constraint '*.example.com' is not valid" },
        { "dNSName with a leading period", NameConstraints(permitted: [Dns(".example.com")]), "leading period" },
        { "dNSName with an underscore", NameConstraints(excluded: [Dns("exa_mple.com")]), "underscore" },
        { "dNSName with a space", NameConstraints(excluded: [Dns("exa mple.com")]), "character" },
        { "iPAddress with a non-contiguous mask", NameConstraints(permitted: [IPOctets(192, 0, 2, 0, 255, 0, 255, 0)]), "not a CIDR range" },
        { "iPAddress with host bits set", NameConstraints(permitted: [IPOctets(192, 0, 2, 1, 255, 255, 255, 0)]), "outside the mask" },
        { "IPv6 range with host bits set", NameConstraints(excluded: [IPOctets([.. new byte[15], 1, .. new byte[16]])]), "outside the mask" },
        { "rfc822Name with two '@'", NameConstraints(permitted: [Email("invalid@invalid@example.com")]), "rfc822Name constraint 'invalid@invalid@example.com'" },
        { "URI constraint holding a URI", NameConstraints(permitted: [Uri("spiffe://cluster.local")]), "uniformResourceIdentifier constraint" },
        { "minimum other than 0", NameConstraintsOfSubtrees([Subtree(Dns("example.com"), minimum: 1)], null), "minimum other than 0" },
        { "maximum present", NameConstraintsOfSubtrees([Subtree(Dns("example.com"), maximum: 0)], null), "maximum" },
        { "maximum in excluded subtrees", NameConstraintsOfSubtrees(null, [Subtree(Dns("example.com"), maximum: 3)]), "excludedSubtrees has a maximum" },
    };

    [Theory]
    [MemberData(nameof(MalformedConstraints))]
    public void Evaluate_RejectsAMalformedExtensionOfAnyCertificate(string what, X509Extension constraints, string reasonPart)
    {
        NameConstraintsResult result = NameConstraintsEvaluator.Evaluate([Leaf(SubjectAltName(Dns("foo.example.com"))), Root(constraints)]);

        AssertRejected(result, -1, 1, reasonPart);
        Assert.StartsWith("The nameConstraints extension of certificate 1 is malformed", result.Reason, StringComparison.Ordinal);
        _ = what;
    }

    [Fact]
    public void Evaluate_AcceptsAnExplicitMinimumOfZero()
    {
        X509Extension constraints = NameConstraintsOfSubtrees([Subtree(Dns("example.com"), minimum: 0)], null);

        AssertPermitted(RootOverLeaf(constraints, Dns("www.example.com")));
    }

    /// <summary>These never reach the evaluator: the reader refuses them (RFC 5280 4.2.1.10).</summary>
    public static TheoryData<string, X509Extension> UnreadableConstraints => new()
    {
        { "neither permitted nor excluded", TestExtensions.Raw(TestExtensions.NameConstraintsOid, Der.Seq(), critical: true) },
        { "both lists empty", NameConstraintsOfSubtrees([], []) },
        { "IPv4 address without a mask", NameConstraints(permitted: [IPOctets(127, 0, 0, 1)]) },
        { "IPv6 address without a mask", NameConstraints(permitted: [IP("::1")]) },
        { "NULL for both lists", TestExtensions.Raw(TestExtensions.NameConstraintsOid, Der.Seq(Der.Tlv(0xA0, Der.NullValue()), Der.Tlv(0xA1, Der.NullValue())), critical: true) },
    };

    [Theory]
    [MemberData(nameof(UnreadableConstraints))]
    public void ReaderRejectsExtensionsTooMalformedToRead(string what, X509Extension constraints)
    {
        byte[] der = TestCertificate.Issue(new CertificateSpec
        {
            Extensions = [TestExtensions.BasicConstraints(certificateAuthority: true), constraints],
        }).Der;

        Assert.Throws<CertificateFormatException>(() => DerCertificate.Parse(der));
        _ = what;
    }

    [Fact]
    public void Evaluate_RejectsNameConstraintsInAnEndEntity()
    {
        DerCertificate leaf = Leaf(SubjectAltName(Dns("example.com")), NameConstraints(permitted: [Dns("example.com")], critical: false));

        AssertRejected(NameConstraintsEvaluator.Evaluate([leaf, Root()]), -1, 0, "not a CA certificate");
        Assert.NotNull(NameConstraintsEvaluator.CheckPlacement(leaf));
    }

    [Fact]
    public void Evaluate_RejectsNameConstraintsInANonCaIntermediate()
    {
        DerCertificate intermediate = Issue(Name("Intermediate"), RootName, NameConstraints(permitted: [Dns("example.com")]));
        DerCertificate leaf = Issue(LeafName, Name("Intermediate"), SubjectAltName(Dns("example.com")));

        AssertRejected(NameConstraintsEvaluator.Evaluate([leaf, intermediate, Root()]), -1, 1, "not a CA certificate");
    }

    [Fact]
    public void CheckPlacement_AllowsCaCertificatesAndCertificatesWithoutTheExtension()
    {
        Assert.Null(NameConstraintsEvaluator.CheckPlacement(Root(NameConstraints(permitted: [Dns("example.com")]))));
        Assert.Null(NameConstraintsEvaluator.CheckPlacement(Leaf()));
    }
}
