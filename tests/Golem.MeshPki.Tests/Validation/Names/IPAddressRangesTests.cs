using Golem.MeshPki.Validation.Names;

namespace Golem.MeshPki.Tests.Validation.Names;

public class IPAddressRangesTests
{
    private static byte[] Range(string cidr) => NameCertificates.IPRange(cidr)[2..];

    [Theory]
    [InlineData("192.0.2.0/24")]
    [InlineData("0.0.0.0/0")]
    [InlineData("10.0.0.1/32")]
    [InlineData("::1/128")]
    [InlineData("2001:db8::/32")]
    [InlineData("::/0")]
    public void CheckConstraint_AcceptsCidrRanges(string cidr)
    {
        Assert.Null(IPAddressRanges.CheckConstraint(Range(cidr)));
    }

    public static TheoryData<byte[], string> InvalidConstraints => new()
    {
        { [192, 0, 2, 1], "octets" },
        { new byte[16], "octets" },
        { new byte[9], "octets" },
        { [192, 0, 2, 0, 255, 0, 255, 0], "mask" },
        { [192, 0, 2, 0, 255, 255, 255, 1], "mask" },
        { [192, 0, 2, 0, 255, 255, 254, 128], "mask" },
        { [192, 0, 2, 1, 255, 255, 255, 0], "outside the mask" },
        { [.. new byte[15], 1, .. new byte[16]], "outside the mask" },
        { [.. new byte[16], 0xFF, 0, 0xFF, .. new byte[13]], "mask" },
    };

    [Theory]
    [MemberData(nameof(InvalidConstraints))]
    public void CheckConstraint_RejectsWrongLengthsNonContiguousMasksAndHostBits(byte[] constraint, string reasonWord)
    {
        Assert.Contains(reasonWord, IPAddressRanges.CheckConstraint(constraint), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, bool> ContainsCases => new()
    {
        { "192.0.2.0/24", "192.0.2.1", true },
        { "192.0.2.0/24", "192.0.3.1", false },
        { "10.0.0.0/8", "10.255.255.255", true },
        { "0.0.0.0/0", "203.0.113.9", true },
        { "0.0.0.0/0", "::1", false },
        { "::/0", "192.0.2.1", false },
        { "::1/128", "::1", true },
        { "::1/128", "::2", false },
        { "2001:db8::/32", "2001:db8:ffff::1", true },
        { "::ffff:0:0/96", "192.0.2.1", false },
    };

    [Theory]
    [MemberData(nameof(ContainsCases))]
    public void Contains_MatchesUnderTheMaskAndNeverAcrossFamilies(string cidr, string address, bool expected)
    {
        Assert.Equal(expected, IPAddressRanges.Contains(Range(cidr), System.Net.IPAddress.Parse(address).GetAddressBytes()));
    }

    [Theory]
    [InlineData("192.0.2.0/24")]
    [InlineData("2001:db8::/32")]
    [InlineData("::1/128")]
    public void Format_WritesCidrText(string cidr)
    {
        Assert.Equal(cidr, IPAddressRanges.Format(Range(cidr)));
    }
}
