using System.Security.Cryptography.X509Certificates;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Tests.TestCertificates;
using Golem.MeshPki.Validation.Names;
using static Golem.MeshPki.Tests.Validation.Names.NameCertificates;

namespace Golem.MeshPki.Tests.Validation.Names;

public partial class NameConstraintsEvaluatorTests
{
    private static readonly byte[] BankName = Der.SimpleName((Country, Der.Printable("DE")), (Organization, Der.Utf8("Bank")));

    private static readonly byte[] BankLeafName = Der.SimpleName((Country, Der.Printable("DE")), (Organization, Der.Utf8("Bank")), (CommonName, Der.Utf8("payments")));

    /// <summary>(what, constraints, leaf subject, leaf subjectAltNames, permitted?, phrase of the reason).</summary>
    public static TheoryData<string, X509Extension, byte[], byte[][], bool, string> DirectoryNameCases => new()
    {
        { "subject equals the permitted name", NameConstraints(permitted: [DirectoryName(Name("foo"))]), Name("foo"), [DirectoryName(Name("foo"))], true, "" },
        { "subject below the permitted name", NameConstraints(permitted: [DirectoryName(BankName)]), BankLeafName, [Dns("payments.bank.example")], true, "" },
        { "subject outside", NameConstraints(permitted: [DirectoryName(Name("foo"))]), Name("not-foo"), [DirectoryName(Name("not-foo"))], false, "The subject 'CN=not-foo' of certificate 0 is not within the permitted directoryName subtrees of certificate 1 ('CN=foo')" },
        { "SAN inside but subject outside", NameConstraints(permitted: [DirectoryName(Name("foo"))]), Name("not-foo"), [DirectoryName(Name("foo"))], false, "The subject 'CN=not-foo'" },
        { "subject inside but SAN outside", NameConstraints(permitted: [DirectoryName(Name("foo"))]), Name("foo"), [DirectoryName(Name("not-foo"))], false, "'DirName:CN=not-foo' of certificate 0 is not within" },
        { "excluded subject", NameConstraints(excluded: [DirectoryName(Name("foo"))]), Name("foo"), [DirectoryName(Name("not-foo"))], false, "The subject 'CN=foo' of certificate 0 is in the excluded directoryName subtree 'CN=foo'" },
        { "excluded SAN directoryName", NameConstraints(excluded: [DirectoryName(Name("foo"))]), Name("not-foo"), [DirectoryName(Name("foo"))], false, "'DirName:CN=foo' of certificate 0 is in the excluded" },
        { "excluded, case and spacing ignored", NameConstraints(excluded: [DirectoryName(BankName)]), Der.SimpleName((Country, Der.Printable("de")), (Organization, Der.Printable(" BANK ")), (CommonName, Der.Utf8("x"))), [Dns("x.example")], false, "excluded" },
        { "empty subject is not a name", NameConstraints(permitted: [DirectoryName(Name("foo"))]), Der.Seq(), [Dns("example.com")], true, "" },
        { "dNSName constraint does not restrict the subject", NameConstraints(permitted: [Dns("example.com")]), Name("anything"), [Dns("example.com")], true, "" },
    };

    [Theory]
    [MemberData(nameof(DirectoryNameCases))]
    public void Evaluate_DirectoryNamesOfSubjectAndSubjectAltName(string what, X509Extension constraints, byte[] subject, byte[][] names, bool permitted, string reasonPart)
    {
        DerCertificate leaf = Leaf(subject, SubjectAltName(critical: subject.Length == 2, names));

        NameConstraintsResult result = NameConstraintsEvaluator.Evaluate([leaf, Root(constraints)]);

        Assert.True(permitted == result.Permitted, what + ": " + result.Reason);
        if (!permitted)
        {
            AssertRejected(result, 0, 1, reasonPart);
        }
    }

    /// <summary>RFC 5280 6.1.3 (b): the subject of every constrained CA is checked too.</summary>
    [Fact]
    public void Evaluate_DirectoryNameConstraintsApplyToIntermediateSubjects()
    {
        byte[] outside = Der.SimpleName((Country, Der.Printable("DE")), (Organization, Der.Utf8("Other")));
        DerCertificate intermediate = Ca(outside, RootName);
        DerCertificate leaf = Issue(BankLeafName, outside, SubjectAltName(Dns("x.example")));

        NameConstraintsResult result = NameConstraintsEvaluator.Evaluate([leaf, intermediate, Root(NameConstraints(permitted: [DirectoryName(BankName)]))]);

        AssertRejected(result, 1, 2, "The subject 'O=Other,C=DE' of certificate 1");
    }
}
