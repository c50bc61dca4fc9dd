using System.Security.Cryptography.X509Certificates;
using Golem.MeshPki.Tests.TestCertificates;
using Golem.MeshPki.Validation.Names;
using static Golem.MeshPki.Tests.Validation.Names.NameCertificates;

namespace Golem.MeshPki.Tests.Validation.Names;

public partial class NameConstraintsEvaluatorTests
{
    public static TheoryData<string, X509Extension, byte[][], bool, string> MailboxCases => new()
    {
        { "exact mailbox", NameConstraints(permitted: [Email("foo@example.com")]), [Email("foo@example.com")], true, "" },
        { "exact mailbox, host case ignored", NameConstraints(permitted: [Email("foo@EXAMPLE.com")]), [Email("foo@example.COM")], true, "" },
        { "exact mailbox, local part case kept", NameConstraints(permitted: [Email("foo@example.com")]), [Email("Foo@example.com")], false, "'email:Foo@example.com' of certificate 0 is not within the permitted rfc822Name subtrees of certificate 1 ('foo@example.com')" },
        { "every mailbox at a host", NameConstraints(permitted: [Email("example.com")]), [Email("foo@example.com")], true, "" },
        { "host constraint excludes subdomains", NameConstraints(permitted: [Email("example.com")]), [Email("foo@sub.example.com")], false, "not within" },
        { "every mailbox below a domain", NameConstraints(permitted: [Email(".example.com")]), [Email("foo@sub.example.com")], true, "" },
        { "domain constraint excludes the domain's own host", NameConstraints(permitted: [Email(".example.com")]), [Email("foo@example.com")], false, "not within" },
        { "literal asterisk matches itself", NameConstraints(permitted: [Email("*@example.com")]), [Email("*@example.com")], true, "" },
        { "literal asterisk is no wildcard", NameConstraints(permitted: [Email("*@example.com")]), [Email("user@example.com")], false, "not within" },
        { "literal asterisk, other host", NameConstraints(permitted: [Email("*@example.com")]), [Email("*@subdomain.example.com")], false, "not within" },
        { "double asterisk matches itself", NameConstraints(permitted: [Email("**@example.com")]), [Email("**@example.com")], true, "" },
        { "double asterisk is not single", NameConstraints(permitted: [Email("**@example.com")]), [Email("*@example.com")], false, "not within" },
        { "asterisk inside a local part", NameConstraints(permitted: [Email("user*@example.com")]), [Email("user*@example.com")], true, "" },
        { "excluded host", NameConstraints(excluded: [Email("example.com")]), [Email("foo@example.com")], false, "is in the excluded rfc822Name subtree 'example.com'" },
        { "invalid mailbox a constraint would permit", NameConstraints(permitted: [Email("example.com")]), [Email("good@example.com"), Email("invalid@address@example.com")], false, "is not a valid mailbox (a mailbox holds exactly one '@')" },
        { "dNSName constraint does not restrict mailboxes", NameConstraints(permitted: [Dns("example.com")]), [Email("foo@example.org")], true, "" },
    };

    [Theory]
    [MemberData(nameof(MailboxCases))]
    public void Evaluate_Rfc822Names(string what, X509Extension constraints, byte[][] names, bool permitted, string reasonPart)
    {
        NameConstraintsResult result = RootOverLeaf(constraints, names);

        Assert.True(permitted == result.Permitted, what + ": " + result.Reason);
        if (!permitted)
        {
            AssertRejected(result, 0, 1, reasonPart);
        }
    }

    /// <summary>RFC 5280 4.2.1.10: rfc822Name constraints apply to the emailAddress attributes of the subject too.</summary>
    [Theory]
    [InlineData("ops@example.com", true)]
    [InlineData("ops@example.org", false)]
    [InlineData("ops@@example.com", false)]
    public void Evaluate_Rfc822ConstraintsApplyToSubjectEmailAddresses(string emailAddress, bool permitted)
    {
        byte[] subject = Der.SimpleName((Organization, Der.Utf8("Golem Test")), (EmailAddress, Der.Ia5(emailAddress)));
        var leaf = Leaf(subject, SubjectAltName(Dns("www.example.com")));

        NameConstraintsResult result = NameConstraintsEvaluator.Evaluate([leaf, Root(NameConstraints(permitted: [Email("example.com")]))]);

        Assert.Equal(permitted, result.Permitted);
        if (!permitted)
        {
            AssertRejected(result, 0, 1, "The subject emailAddress '" + emailAddress + "' of certificate 0");
        }
    }
}
