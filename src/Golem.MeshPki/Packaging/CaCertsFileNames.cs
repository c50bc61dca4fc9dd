namespace Golem.MeshPki.Packaging;

/// <summary>
/// The file names (Secret keys) of a <c>cacerts</c> bundle, as istiod spells them
/// (istio/istio security/pkg/pki/ca/ca.go: <c>CACertFile</c>, <c>CAPrivateKeyFile</c>, <c>CertChainFile</c>,
/// <c>RootCertFile</c>, <c>CACRLFile</c>, <c>TLSSecretCACertFile</c>, <c>TLSSecretCAPrivateKeyFile</c>,
/// <c>TLSSecretRootCertFile</c>).
/// </summary>
public static class CaCertsFileNames
{
    /// <summary><c>ca-cert.pem</c>: the CA certificate that signs workload certificates (Istio layout).</summary>
    public const string CaCert = "ca-cert.pem";

    /// <summary><c>ca-key.pem</c>: the CA certificate's private key (Istio layout).</summary>
    public const string CaKey = "ca-key.pem";

    /// <summary><c>cert-chain.pem</c>: the CA certificate first, then its issuers up to the root (Istio layout).</summary>
    public const string CertChain = "cert-chain.pem";

    /// <summary><c>root-cert.pem</c>: the roots the mesh trusts; may hold several (Istio layout).</summary>
    public const string RootCert = "root-cert.pem";

    /// <summary><c>ca-crl.pem</c>: optional certificate revocation lists (Istio layout).</summary>
    public const string CaCrl = "ca-crl.pem";

    /// <summary><c>tls.crt</c>: the CA certificate and its intermediates (cert-manager layout).</summary>
    public const string TlsCert = "tls.crt";

    /// <summary><c>tls.key</c>: the CA certificate's private key (cert-manager layout).</summary>
    public const string TlsKey = "tls.key";

    /// <summary><c>ca.crt</c>: the root, which ends the chain and is the trust bundle (cert-manager layout).</summary>
    public const string CaCrt = "ca.crt";
}
