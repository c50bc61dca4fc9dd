using Golem.MeshPki.Certificates;
using Golem.MeshPki.Validation.Names;
using static Golem.MeshPki.Tests.Validation.Names.NameCertificates;

namespace Golem.MeshPki.Tests.Validation.Names;

public partial class NameConstraintsEvaluatorTests
{
    private static readonly byte[] FirstCaName = Name("Intermediate 1");
    private static readonly byte[] SecondCaName = Name("Intermediate 2");

    [Fact]
    public void Evaluate_TrustAnchorConstraintsApply()
    {
        AssertRejected(RootOverLeaf(NameConstraints(permitted: [Dns("example.com")]), Dns("example.org")), 0, 1, "certificate 1");
    }

    /// <summary>RFC 5280 6.1.3: a self-issued intermediate (key rollover) is not checked against the constraints above it.</summary>
    [Fact]
    public void Evaluate_SelfIssuedIntermediate_IsExempt()
    {
        byte[] caName = Name("not-example.com");
        DerCertificate root = Ca(caName, caName, NameConstraints(permitted: [Dns("example.com")]));
        DerCertificate rollover = Ca(caName, caName, SubjectAltName(Dns("not-example.com")));
        DerCertificate leaf = Issue(LeafName, caName, SubjectAltName(Dns("example.com")));

        AssertPermitted(NameConstraintsEvaluator.Evaluate([leaf, rollover, root]));
    }

    /// <summary>The exemption never covers the leaf, self-issued or not.</summary>
    [Fact]
    public void Evaluate_SelfIssuedLeaf_IsNotExempt()
    {
        byte[] leafName = Name("not-example.com");
        DerCertificate root = Root(NameConstraints(permitted: [Dns("example.com")]));
        DerCertificate intermediate = Ca(leafName, RootName);
        DerCertificate leaf = Issue(leafName, leafName, SubjectAltName(Dns("not-example.com")));

        AssertRejected(NameConstraintsEvaluator.Evaluate([leaf, intermediate, root]), 0, 2, "'DNS:not-example.com' of certificate 0");
    }

    /// <summary>The constraints of an exempt self-issued CA still apply below it.</summary>
    [Fact]
    public void Evaluate_ConstraintsOfASelfIssuedIntermediate_ApplyBelowIt()
    {
        DerCertificate rollover = Ca(RootName, RootName, NameConstraints(permitted: [Dns("example.com")]));
        DerCertificate leaf = Leaf(SubjectAltName(Dns("example.org")));

        AssertRejected(NameConstraintsEvaluator.Evaluate([leaf, rollover, Root()]), 0, 1, "certificate 1");
    }

    [Fact]
    public void Evaluate_IntermediateSubjectAltName_RejectedByTheRootsConstraints()
    {
        DerCertificate root = Root(NameConstraints(permitted: [Dns("permitted.example.com")], excluded: [Dns("forbidden.example.com")]));
        DerCertificate first = Ca(FirstCaName, RootName, SubjectAltName(Dns("permitted.example.com")));
        DerCertificate second = Ca(SecondCaName, FirstCaName, SubjectAltName(Dns("forbidden.example.com")));
        DerCertificate leaf = Issue(LeafName, SecondCaName, SubjectAltName(Dns("permitted.example.com")));

        AssertRejected(NameConstraintsEvaluator.Evaluate([leaf, second, first, root]), 1, 3, "'DNS:forbidden.example.com' of certificate 1 is in the excluded dNSName subtree");
    }

    [Fact]
    public void Evaluate_IntermediateSubjectAltName_RejectedByAnIntermediatesConstraints()
    {
        DerCertificate first = Ca(FirstCaName, RootName, NameConstraints(permitted: [Dns("permitted.example.com")], excluded: [Dns("forbidden.example.com")]));
        DerCertificate second = Ca(SecondCaName, FirstCaName, SubjectAltName(Dns("forbidden.example.com")));
        DerCertificate leaf = Issue(LeafName, SecondCaName, SubjectAltName(Dns("permitted.example.com")));

        AssertRejected(NameConstraintsEvaluator.Evaluate([leaf, second, first, Root()]), 1, 2, "certificate 1");
    }

    /// <summary>Each CA's permitted subtrees must hold the name: a lower CA can narrow, never widen (RFC 5280 6.1.4 (g) intersection).</summary>
    [Theory]
    [InlineData("foo.example.com bar.example.com", "bar.example.com", "foo.example.com", false)]
    [InlineData("bar.example.com", "foo.example.com bar.example.com", "foo.example.com", false)]
    [InlineData("example.com", "foo.example.com", "foo.example.com", true)]
    [InlineData("example.com", "foo.example.com", "www.foo.example.com", true)]
    [InlineData("example.com", "foo.example.com", "bar.example.com", false)]
    public void Evaluate_PermittedSubtreesOfSeveralCas_Intersect(string upper, string lower, string name, bool permitted)
    {
        DerCertificate first = Ca(FirstCaName, RootName, NameConstraints(permitted: [.. upper.Split(' ').Select(Dns)]));
        DerCertificate second = Ca(SecondCaName, FirstCaName, NameConstraints(permitted: [.. lower.Split(' ').Select(Dns)]));
        DerCertificate leaf = Issue(LeafName, SecondCaName, SubjectAltName(Dns(name)));

        NameConstraintsResult result = NameConstraintsEvaluator.Evaluate([leaf, second, first, Root()]);

        Assert.Equal(permitted, result.Permitted);
    }

    /// <summary>A CA's constraints do not apply to itself.</summary>
    [Fact]
    public void Evaluate_ConstraintsDoNotApplyToTheirOwnCertificate()
    {
        DerCertificate intermediate = Ca(FirstCaName, RootName, SubjectAltName(Dns("ca.example.org")), NameConstraints(permitted: [Dns("example.com")]));
        DerCertificate leaf = Issue(LeafName, FirstCaName, SubjectAltName(Dns("www.example.com")));

        AssertPermitted(NameConstraintsEvaluator.Evaluate([leaf, intermediate, Root()]));
    }

    /// <summary>
    /// x509-limbo <c>pathological::nc-dos-*</c>: names times subtrees above 2^20 fail before any
    /// comparison. Deterministic: the count is of names and subtrees, never of time.
    /// </summary>
    [Fact]
    public void Evaluate_TooManyNameChecks_FailsInsteadOfPassing()
    {
        byte[][] permitted = [.. Enumerable.Range(0, 1100).Select(static i => Dns("t" + i + ".test"))];
        byte[][] names = [.. Enumerable.Range(0, 1000).Select(static i => Dns("t" + i + ".test"))];

        NameConstraintsResult result = RootOverLeaf(NameConstraints(permitted: permitted), names);

        AssertRejected(result, -1, -1, "Too many name constraint checks");
    }

    [Fact]
    public void Evaluate_ManyNamesWithinTheBudget_AreEvaluated()
    {
        byte[][] permitted = [.. Enumerable.Range(0, 200).Select(static i => Dns("t" + i + ".test"))];
        byte[][] names = [.. Enumerable.Range(0, 200).Select(static i => Dns("t" + i + ".test"))];

        AssertPermitted(RootOverLeaf(NameConstraints(permitted: permitted), names));
        AssertRejected(RootOverLeaf(NameConstraints(permitted: permitted), [.. names, Dns("x.test")]), 0, 1, "'t0.test', 't1.test', 't2.test' and 197 more");
    }

    /// <summary>The budget counts subject attributes too, so a certificate of many subject names (nc-dos-3) cannot slip past it.</summary>
    [Fact]
    public void Evaluate_BudgetCountsSubjectAttributes()
    {
        byte[] subject = Golem.MeshPki.Tests.TestCertificates.Der.SimpleName(Enumerable.Range(0, 1100).Select(static i => (EmailAddress, Golem.MeshPki.Tests.TestCertificates.Der.Ia5("u" + i + "@t.test"))));
        byte[][] permitted = [.. Enumerable.Range(0, 1000).Select(static i => Dns("t" + i + ".test"))];
        DerCertificate leaf = Leaf(subject);

        AssertRejected(NameConstraintsEvaluator.Evaluate([leaf, Root(NameConstraints(permitted: permitted))]), -1, -1, "Too many");
    }
}
