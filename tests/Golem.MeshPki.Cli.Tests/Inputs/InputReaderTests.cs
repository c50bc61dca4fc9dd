using Golem.MeshPki.Cli.Inputs;

namespace Golem.MeshPki.Cli.Tests.Inputs;

public sealed class InputReaderTests
{
    [Theory]
    [InlineData("tls.key", true)]
    [InlineData("ca-key.pem", true)]
    [InlineData("key.der", true)]
    [InlineData("TLS.KEY", true)]
    [InlineData("tls.crt", false)]
    [InlineData("ca-cert.pem", false)]
    [InlineData("cert-chain.pem", false)]
    [InlineData("root-cert.pem", false)]
    [InlineData("keys.pem", false)]
    public void Names_ending_in_key_hold_private_keys(string name, bool holdsKey)
    {
        Assert.Equal(holdsKey, InputReader.NameSaysPrivateKey(name));
    }
}
