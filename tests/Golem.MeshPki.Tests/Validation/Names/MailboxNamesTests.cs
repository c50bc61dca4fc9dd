using Golem.MeshPki.Validation.Names;

namespace Golem.MeshPki.Tests.Validation.Names;

public class MailboxNamesTests
{
    [Theory]
    [InlineData("foo@example.com")]
    [InlineData("*@example.com")]
    [InlineData("**@example.com")]
    [InlineData("user*@example.com")]
    [InlineData("first.last+tag@sub.example.com")]
    [InlineData("ops@localhost")]
    public void CheckMailbox_AcceptsDotAtomMailboxes(string mailbox)
    {
        Assert.Null(MailboxNames.CheckMailbox(mailbox));
    }

    [Theory]
    [InlineData("invalid@address@example.com", "exactly one '@'")]
    [InlineData("example.com", "exactly one '@'")]
    [InlineData("@example.com", "empty")]
    [InlineData("foo@", "host")]
    [InlineData("foo@.example.com", "host")]
    [InlineData("foo@exa_mple.com", "host")]
    [InlineData("foo@8.8.8.8", "host")]
    [InlineData("foo@[192.0.2.1]", "host")]
    [InlineData(".foo@example.com", "atom")]
    [InlineData("foo..bar@example.com", "atom")]
    [InlineData("fo o@example.com", "character")]
    [InlineData("\"quoted\"@example.com", "character")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.com", "64")]
    public void CheckMailbox_RejectsWhatCannotBePlacedInASubtree(string mailbox, string reasonWord)
    {
        Assert.Contains(reasonWord, MailboxNames.CheckMailbox(mailbox), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("foo@example.com")]
    [InlineData("*@example.com")]
    [InlineData("example.com")]
    [InlineData(".example.com")]
    public void CheckConstraint_AcceptsMailboxesHostsAndDomains(string constraint)
    {
        Assert.Null(MailboxNames.CheckConstraint(constraint));
    }

    [Theory]
    [InlineData("invalid@invalid@example.com")]
    [InlineData("@example.com")]
    [InlineData("..example.com")]
    [InlineData(".")]
    [InlineData("exa mple.com")]
    public void CheckConstraint_RejectsMalformedConstraints(string constraint)
    {
        Assert.NotNull(MailboxNames.CheckConstraint(constraint));
    }

    public static TheoryData<string, string, bool> WithinCases => new()
    {
        { "foo@example.com", "foo@example.com", true },
        { "foo@EXAMPLE.com", "foo@example.COM", true },
        { "Foo@example.com", "foo@example.com", false },
        { "foo@sub.example.com", "foo@example.com", false },
        { "user@example.com", "*@example.com", false },
        { "*@example.com", "*@example.com", true },
        { "*@subdomain.example.com", "*@example.com", false },
        { "*@example.com", "**@example.com", false },
        { "**@example.com", "**@example.com", true },
        { "user*@example.com", "user*@example.com", true },
        { "foo@example.com", "example.com", true },
        { "foo@Example.Com", "example.com", true },
        { "foo@sub.example.com", "example.com", false },
        { "foo@sub.example.com", ".example.com", true },
        { "foo@a.b.example.com", ".example.com", true },
        { "foo@example.com", ".example.com", false },
        { "foo@notexample.com", ".example.com", false },
        { "any@x.test", "", true },
    };

    [Theory]
    [MemberData(nameof(WithinCases))]
    public void IsWithin_MailboxHostAndDomainConstraintsWithLiteralAsterisks(string mailbox, string constraint, bool expected)
    {
        Assert.Equal(expected, MailboxNames.IsWithin(mailbox, constraint));
    }
}
