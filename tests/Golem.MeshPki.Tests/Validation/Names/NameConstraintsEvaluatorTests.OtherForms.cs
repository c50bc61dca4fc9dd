using System.Security.Cryptography.X509Certificates;
using Golem.MeshPki.Tests.TestCertificates;
using Golem.MeshPki.Validation.Names;
using static Golem.MeshPki.Tests.Validation.Names.NameCertificates;

namespace Golem.MeshPki.Tests.Validation.Names;

public partial class NameConstraintsEvaluatorTests
{
    private const string PrivateOtherName = TestExtensions.PrivateArc + ".42";

    private static readonly byte[] SomeOtherName = OtherName(PrivateOtherName, Der.Utf8("value"));

    /// <summary>RFC 5280 4.2.1.10: a constraint on a form the verifier cannot evaluate must be processed or the certificate rejected, when a name of that form appears.</summary>
    public static TheoryData<string, X509Extension, byte[][], bool, string> OtherFormCases => new()
    {
        { "excluded otherName and an otherName SAN", NameConstraints(excluded: [SomeOtherName]), [Dns("example.com"), SomeOtherName], false, "is of the form otherName, whose name constraints this library cannot evaluate" },
        { "excluded otherName and a different otherName SAN", NameConstraints(excluded: [SomeOtherName]), [OtherName(PrivateOtherName + ".1", Der.Utf8("x"))], false, "otherName" },
        { "permitted otherName and an otherName SAN", NameConstraints(permitted: [SomeOtherName]), [SomeOtherName], false, "otherName" },
        { "excluded otherName without otherName SANs", NameConstraints(permitted: [Dns("example.com")], excluded: [SomeOtherName]), [Dns("example.com")], true, "" },
        { "registeredID constraint and a registeredID SAN", NameConstraints(permitted: [RegisteredId(PrivateOtherName)]), [RegisteredId(PrivateOtherName)], false, "registeredID" },
        { "registeredID constraint without registeredID SANs", NameConstraints(excluded: [RegisteredId(PrivateOtherName)]), [Dns("example.com")], true, "" },
        { "otherName SAN without otherName constraints", NameConstraints(permitted: [Dns("example.com")]), [Dns("example.com"), SomeOtherName], true, "" },
    };

    [Theory]
    [MemberData(nameof(OtherFormCases))]
    public void Evaluate_FormsThatCannotBeEvaluated_RejectOnlyWhenBothConstraintAndNameAppear(string what, X509Extension constraints, byte[][] names, bool permitted, string reasonPart)
    {
        NameConstraintsResult result = RootOverLeaf(constraints, names);

        Assert.True(permitted == result.Permitted, what + ": " + result.Reason);
        if (!permitted)
        {
            AssertRejected(result, 0, 1, reasonPart);
        }
    }
}
