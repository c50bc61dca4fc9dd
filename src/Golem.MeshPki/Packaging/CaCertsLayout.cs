namespace Golem.MeshPki.Packaging;

/// <summary>Which set of keys a <c>cacerts</c> bundle is read from, chosen as istiod chooses it (see <see cref="CaCertsBundle"/>).</summary>
public enum CaCertsLayout
{
    /// <summary>
    /// Istio's own keys: <c>ca-cert.pem</c>, <c>ca-key.pem</c>, <c>cert-chain.pem</c>, <c>root-cert.pem</c>
    /// and the optional <c>ca-crl.pem</c>. istiod uses them when <c>tls.crt</c> is absent.
    /// </summary>
    Istio = 0,

    /// <summary>
    /// The keys of a <c>kubernetes.io/tls</c> Secret as cert-manager writes it: <c>tls.crt</c>, <c>tls.key</c>
    /// and <c>ca.crt</c> (Istio 1.15 and later). istiod uses them whenever <c>tls.crt</c> is present.
    /// </summary>
    CertManager = 1,
}
