using Golem.MeshPki.Certificates.Der;

namespace Golem.MeshPki.Tests.Certificates;

/// <summary>
/// <see cref="DerReader.IsShortValidObjectIdentifier"/> is the loop-free check in front of the
/// octet-by-octet OBJECT IDENTIFIER check. Where it applies (1 to 16 octets, 16 octets of data up
/// to their end) it must agree exactly with the rule of X.690 8.19: not empty, the last octet ends
/// an arc, no arc starts with 0x80. Random identifiers of every length, with octets chosen around
/// the 0x80 boundary, behind random data that the check must ignore.
/// </summary>
public class ObjectIdentifierFastPathTests
{
    private static readonly byte[] Interesting = [0x00, 0x01, 0x06, 0x2A, 0x55, 0x7F, 0x80, 0x81, 0x86, 0xF7, 0xFF];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    public void FastPath_AgreesWithTheRule(int length)
    {
        var random = new Random(length);
        int accepted = 0;
        for (int i = 0; i < 20000; i++)
        {
            int before = random.Next(0, 24);
            var buffer = new byte[before + length + random.Next(0, 4)];
            random.NextBytes(buffer);
            for (int j = before; j < before + length; j++)
            {
                buffer[j] = random.Next(3) == 0 ? (byte)random.Next(256) : Interesting[random.Next(Interesting.Length)];
            }

            bool fast = DerReader.IsShortValidObjectIdentifier(buffer, before, length);
            bool rule = FollowsTheRule(buffer.AsSpan(before, length));
            if (length <= 16 && before + length >= 16)
            {
                Assert.True(fast == rule, $"fast {fast}, rule {rule}: {Convert.ToHexString(buffer)} at {before}");
            }
            else
            {
                Assert.False(fast, "the fast path must decline what it cannot see whole");
            }

            accepted += fast ? 1 : 0;
        }

        Assert.True(length > 16 || accepted > 0, "no identifier took the fast path: the property was not exercised");
    }

    [Fact]
    public void FastPath_IgnoresTheOctetsBeforeTheIdentifier()
    {
        // 0x80 right before the identifier must not make its first octet a continuation.
        byte[] buffer = [.. Enumerable.Repeat((byte)0x80, 15), 0x2A, 0x03];
        Assert.True(DerReader.IsShortValidObjectIdentifier(buffer, 15, 2));
        Assert.False(DerReader.IsShortValidObjectIdentifier([.. Enumerable.Repeat((byte)0x01, 15), 0x80, 0x01], 15, 2));
    }

    private static bool FollowsTheRule(ReadOnlySpan<byte> contents)
    {
        if (contents.IsEmpty || contents[^1] >= 0x80)
        {
            return false;
        }

        for (int i = 0; i < contents.Length; i++)
        {
            if (contents[i] == 0x80 && (i == 0 || contents[i - 1] < 0x80))
            {
                return false;
            }
        }

        return true;
    }
}
