using Golem.MeshPki.Certificates;

namespace Golem.MeshPki.Cli.Inputs;

/// <summary>Receives what <see cref="InputReader"/> finds, in input order.</summary>
internal interface IInputSink
{
    /// <summary>A certificate, named <c>&lt;source&gt;#&lt;index&gt;</c>.</summary>
    /// <param name="source">The certificate's name.</param>
    /// <param name="certificate">The parsed certificate; its memory may be reused after the call, so copy what is kept.</param>
    void OnCertificate(string source, DerCertificate certificate);

    /// <summary>A private key, named <c>&lt;source&gt;#&lt;index&gt;</c>.</summary>
    /// <param name="source">The key's name.</param>
    /// <param name="key">The key material; zeroed after the call.</param>
    void OnPrivateKey(string source, PrivateKeyMaterial key);

    /// <summary>Something that could not be read.</summary>
    /// <param name="source">The input, or the certificate's or key's name.</param>
    /// <param name="message">Why, as a sentence; never containing key material.</param>
    void OnError(string source, string message);
}
