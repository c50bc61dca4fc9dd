using System.Text;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Cli.Inputs;
using Golem.MeshPki.Cli.Tests.TestSupport;

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

    [Fact]
    public void Every_decoded_PEM_key_and_the_input_are_zeroed_after_reading()
    {
        byte[] content = Encoding.UTF8.GetBytes(
            TestPki.Shared.LeafKey.ExportPkcs8PrivateKeyPem() + "\n" +
            TestPki.Shared.Leaf.ExportCertificatePem() + "\n" +
            TestPki.Shared.RootKey.ExportRSAPrivateKeyPem() + "\n");
        var sink = new RecordingSink();

        new InputReader(sink).Read("bundle.pem", content);

        Assert.Equal(2, sink.Keys.Count);
        Assert.All(sink.Keys, key => Assert.True(key.Span.IndexOfAnyExcept((byte)0) < 0, "A decoded key block was not zeroed."));
        Assert.True(content.AsSpan().IndexOfAnyExcept((byte)0) < 0, "The input was not zeroed.");
    }

    /// <summary>Keeps the memory of every key it is given, to look at after the reader is done with it.</summary>
    private sealed class RecordingSink : IInputSink
    {
        public List<ReadOnlyMemory<byte>> Keys { get; } = [];

        public void OnCertificate(string source, DerCertificate certificate)
        {
        }

        public void OnPrivateKey(string source, PrivateKeyMaterial key)
        {
            // Not zeroed while the sink looks at it.
            Assert.True(key.Data.Span.IndexOfAnyExcept((byte)0) >= 0);
            Keys.Add(key.Data);
        }

        public void OnError(string source, string message) => Assert.Fail($"{source}: {message}");
    }
}
