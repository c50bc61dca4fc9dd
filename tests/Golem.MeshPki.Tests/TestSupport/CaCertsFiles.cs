using System.Text;
using Golem.MeshPki.Packaging;

namespace Golem.MeshPki.Tests.TestSupport;

/// <summary>The files of a <c>cacerts</c> Secret, as text, to load with <see cref="CaCertsBundle.FromFiles"/> under the name <c>cacerts</c>.</summary>
public sealed class CaCertsFiles
{
    /// <summary>The bundle's source name: sources read <c>cacerts/cert-chain.pem#2</c>.</summary>
    public const string SourceName = "cacerts";

    private readonly SortedDictionary<string, string> _files = new(StringComparer.Ordinal);

    /// <summary>The Istio layout: ca-cert.pem, ca-key.pem, cert-chain.pem (the CA certificate, then <paramref name="above"/>), root-cert.pem.</summary>
    public static CaCertsFiles Istio(MeshCa ca, IReadOnlyList<MeshCa> above, params IReadOnlyList<MeshCa> roots)
    {
        ArgumentNullException.ThrowIfNull(ca);
        ArgumentNullException.ThrowIfNull(above);
        return new CaCertsFiles()
            .With(CaCertsFileNames.CaCert, ca.Pem)
            .With(CaCertsFileNames.CaKey, ca.PrivateKeyPem)
            .With(CaCertsFileNames.CertChain, Concat([ca, .. above]))
            .With(CaCertsFileNames.RootCert, Concat(roots));
    }

    /// <summary>The cert-manager layout: tls.crt (the CA certificate, then <paramref name="intermediates"/>), tls.key, ca.crt.</summary>
    public static CaCertsFiles CertManager(MeshCa ca, IReadOnlyList<MeshCa> intermediates, MeshCa root)
    {
        ArgumentNullException.ThrowIfNull(ca);
        ArgumentNullException.ThrowIfNull(intermediates);
        ArgumentNullException.ThrowIfNull(root);
        return new CaCertsFiles()
            .With(CaCertsFileNames.TlsCert, Concat([ca, .. intermediates]))
            .With(CaCertsFileNames.TlsKey, ca.PrivateKeyPem)
            .With(CaCertsFileNames.CaCrt, root.Pem);
    }

    /// <summary>PEM blocks one after the other.</summary>
    public static string Concat(IEnumerable<MeshCa> certificates) => string.Concat(certificates.Select(certificate => certificate.Pem));

    /// <summary>Sets a file.</summary>
    public CaCertsFiles With(string name, string text)
    {
        _files[name] = text;
        return this;
    }

    /// <summary>Removes a file.</summary>
    public CaCertsFiles Without(string name)
    {
        _files.Remove(name);
        return this;
    }

    /// <summary>Loads the files as <see cref="CaCertsBundle.FromFiles"/> does.</summary>
    public CaCertsBundle Load() =>
        CaCertsBundle.FromFiles(_files.ToDictionary(pair => pair.Key, pair => (ReadOnlyMemory<byte>)Encoding.ASCII.GetBytes(pair.Value), StringComparer.Ordinal), SourceName);
}
