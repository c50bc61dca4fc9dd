using Golem.MeshPki.Validation.Names;

namespace Golem.MeshPki.Tests.Validation.Names;

public class PeerNameTests
{
    [Theory]
    [InlineData("DNS", "example.com", PeerNameKind.Dns, "DNS:example.com")]
    [InlineData("dns", "example.com", PeerNameKind.Dns, "DNS:example.com")]
    [InlineData("IP", "2001:db8::1", PeerNameKind.IPAddress, "IP:2001:db8::1")]
    [InlineData("ip", "192.0.2.1", PeerNameKind.IPAddress, "IP:192.0.2.1")]
    public void Parse_ReadsLimboKindWords(string kind, string value, PeerNameKind expectedKind, string text)
    {
        PeerName name = PeerName.Parse(kind, value);

        Assert.Equal(expectedKind, name.Kind);
        Assert.Equal(value, name.Value);
        Assert.Equal(text, name.ToString());
    }

    [Theory]
    [InlineData("RFC822")]
    [InlineData("URI")]
    [InlineData("")]
    public void Parse_RejectsKindsServerIdentityDoesNotUse(string kind)
    {
        var exception = Assert.Throws<ArgumentException>(() => PeerName.Parse(kind, "x"));

        Assert.Equal("kind", exception.ParamName);
    }

    [Fact]
    public void Factories_AreValuesThatCompareEqual()
    {
        Assert.Equal(PeerName.Dns("example.com"), new PeerName(PeerNameKind.Dns, "example.com"));
        Assert.Equal(PeerName.IPAddress("::1"), PeerName.Parse("IP", "::1"));
        Assert.NotEqual(PeerName.Dns("1.2.3.4"), PeerName.IPAddress("1.2.3.4"));
    }

    [Fact]
    public void Constructor_RejectsNullValuesAndUndefinedKinds()
    {
        Assert.Throws<ArgumentNullException>(() => PeerName.Dns(null!));
        Assert.Throws<ArgumentNullException>(() => PeerName.Parse(null!, "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PeerName((PeerNameKind)7, "x"));
    }
}
