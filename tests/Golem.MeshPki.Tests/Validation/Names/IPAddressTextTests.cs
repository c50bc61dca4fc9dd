using System.Net;
using Golem.MeshPki.Validation.Names;

namespace Golem.MeshPki.Tests.Validation.Names;

public class IPAddressTextTests
{
    public static TheoryData<string, string> ValidAddresses => new()
    {
        { "192.0.2.1", "192.0.2.1" },
        { "0.0.0.0", "0.0.0.0" },
        { "255.255.255.255", "255.255.255.255" },
        { "::", "::" },
        { "::1", "::1" },
        { "1::", "1::" },
        { "2001:db8::1", "2001:db8::1" },
        { "2001:DB8::8A2E:370:7334", "2001:db8::8a2e:370:7334" },
        { "2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1" },
        { "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8" },
        { "::ffff:192.0.2.1", "::ffff:192.0.2.1" },
        { "fe80::1:2", "fe80::1:2" },
        { "1:2:3:4:5:6:192.0.2.1", "1:2:3:4:5:6:192.0.2.1" },
    };

    [Theory]
    [MemberData(nameof(ValidAddresses))]
    public void Parse_ReadsDottedDecimalAndRfc4291Text(string text, string sameAddressForDotNet)
    {
        byte[]? parsed = IPAddressText.Parse(text);

        Assert.NotNull(parsed);
        Assert.Equal(IPAddress.Parse(sameAddressForDotNet).GetAddressBytes(), parsed);
    }

    [Theory]
    [InlineData("192.168.001.001")]
    [InlineData("01.2.3.4")]
    [InlineData("0xC0A80101")]
    [InlineData("3232235777")]
    [InlineData("192.168.1")]
    [InlineData("1.2.3.4.5")]
    [InlineData("256.1.1.1")]
    [InlineData("1.2.3.")]
    [InlineData("1..2.3")]
    [InlineData("")]
    [InlineData(" 1.2.3.4")]
    [InlineData("1.2.3.4 ")]
    [InlineData("\u0661.2.3.4")]
    [InlineData(":::")]
    [InlineData("1:::2")]
    [InlineData("1::2::3")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("1:2:3:4:5:6:7")]
    [InlineData("1:2:3:4:5:6:7::8")]
    [InlineData("12345::")]
    [InlineData("fe80::1%eth0")]
    [InlineData("::1.2.3")]
    [InlineData("::01.2.3.4")]
    [InlineData(":1::")]
    [InlineData("1:2:3:4:5:6:1.2.3.4:5")]
    [InlineData("g::1")]
    [InlineData("[::1]")]
    public void Parse_RejectsAmbiguousAndMalformedText(string text)
    {
        Assert.Null(IPAddressText.Parse(text));
    }

    public static TheoryData<string, string> CanonicalTexts => new()
    {
        { "192.168.1.1", "192.168.1.1" },
        { "2001:db8:0:0:0:0:0:1", "2001:db8::1" },
        { "2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1" },
        { "2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1" },
        { "1:0:0:2:0:0:0:3", "1:0:0:2::3" },
        { "1:0:0:2:0:0:3:4", "1::2:0:0:3:4" },
        { "0:0:0:0:0:0:0:0", "::" },
        { "0:0:0:0:0:0:0:1", "::1" },
        { "1:0:0:0:0:0:0:0", "1::" },
        { "2001:0DB8:0000:0000:0000:8A2E:0370:7334", "2001:db8::8a2e:370:7334" },
        { "::ffff:192.0.2.1", "::ffff:c000:201" },
    };

    [Theory]
    [MemberData(nameof(CanonicalTexts))]
    public void Format_WritesRfc5952Text(string address, string expected)
    {
        Assert.Equal(expected, IPAddressText.Format(IPAddress.Parse(address).GetAddressBytes()));
    }

    [Fact]
    public void Format_RejectsLengthsOtherThan4Or16()
    {
        Assert.Throws<ArgumentException>(() => IPAddressText.Format(new byte[8]));
    }

    /// <summary>Invariant over many addresses, zero runs included: the canonical text parses back to the address, and is lowercase with at most one "::".</summary>
    [Fact]
    public void Format_ThenParse_GivesTheAddressBack()
    {
        var random = new Random(5952);
        for (int i = 0; i < 2000; i++)
        {
            byte[] address = new byte[i % 3 == 0 ? 4 : 16];
            random.NextBytes(address);
            for (int group = 0; group < address.Length / 2; group++)
            {
                if (random.Next(3) == 0)
                {
                    address[group * 2] = 0;
                    address[(group * 2) + 1] = 0;
                }
            }

            string text = IPAddressText.Format(address);

            Assert.Equal(address, IPAddressText.Parse(text));
            Assert.Equal(text.ToLowerInvariant(), text);
            Assert.True(text.IndexOf("::", StringComparison.Ordinal) == text.LastIndexOf("::", StringComparison.Ordinal));
            Assert.True(IPAddressText.IsCanonicalText(text, address));
        }
    }

    public static TheoryData<string, string, bool> CanonicalTextCases => new()
    {
        { "192.168.1.1", "192.168.1.1", true },
        { "192.168.001.001", "192.168.1.1", false },
        { "0xC0A80101", "192.168.1.1", false },
        { "2001:db8::8a2e:370:7334", "2001:db8::8a2e:370:7334", true },
        { "2001:DB8::8A2E:370:7334", "2001:db8::8a2e:370:7334", false },
        { "2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1", false },
        { "2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1", false },
        { "2001:db8::1:0:0:1", "2001:db8::1:0:0:1", true },
        { "::ffff:c000:201", "::ffff:192.0.2.1", true },
        { "::ffff:192.0.2.1", "::ffff:192.0.2.1", true },
        { "::ffff:192.0.2.1", "192.0.2.1", false },
    };

    [Theory]
    [MemberData(nameof(CanonicalTextCases))]
    public void IsCanonicalText_AcceptsOnlyTheOneRfc3986OrRfc5952Spelling_CabfBr7143(string text, string address, bool expected)
    {
        Assert.Equal(expected, IPAddressText.IsCanonicalText(text, IPAddress.Parse(address).GetAddressBytes()));
    }
}
