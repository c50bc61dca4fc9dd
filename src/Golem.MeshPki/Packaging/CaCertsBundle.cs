using System.Globalization;
using Golem.MeshPki.Rules;

namespace Golem.MeshPki.Packaging;

/// <summary>
/// The plugged-in CA material of an Istio mesh, the <c>cacerts</c> Secret, read the way istiod reads it:
/// the CA certificate and key, the certificate chain, the roots and the CRLs, each with where it came from,
/// and a finding for everything istiod would refuse or ignore.
/// </summary>
/// <remarks>
/// <para>
/// Layout, as istiod resolves it (istio/istio pilot/pkg/bootstrap/istio_ca.go, <c>detectSigningCABundle</c>):
/// when <c>tls.crt</c> exists, even empty, the cert-manager layout wins: the CA certificate is the first
/// block of <c>tls.crt</c>, the key is <c>tls.key</c>, the chain is <c>tls.crt</c> followed by <c>ca.crt</c>,
/// and <c>ca.crt</c> is the root bundle. Otherwise the Istio layout: <c>ca-cert.pem</c> (its first block),
/// <c>ca-key.pem</c>, <c>cert-chain.pem</c>, <c>root-cert.pem</c>, and the optional <c>ca-crl.pem</c>.
/// Keys of the other layout are ignored, with an MPKI1014 warning.
/// </para>
/// <para>
/// Reading, as istiod reads the files (security/pkg/pki/util/keycertbundle.go and crypto.go): every file
/// is PEM; certificates are read only from <c>CERTIFICATE</c> blocks without headers (Go's
/// <c>AppendCertsFromPEM</c>), other blocks are skipped; the CA certificate and the key are read from
/// their file's first block; the key must be <c>RSA PRIVATE KEY</c>, <c>EC PRIVATE KEY</c> or
/// <c>PRIVATE KEY</c>, unencrypted. Every required file that is missing, empty, unreadable or not
/// such PEM, every block that does not parse, and a key file without a key or with several, is an
/// MPKI1013 finding; loading goes on, so that one pass reports every problem. Whether the chain
/// verifies, the key matches and the certificates are fit for a CA is for the checks that use the bundle.
/// </para>
/// <para>
/// Sources name the bundle, the file and the 1-based PEM block: <c>cacerts/cert-chain.pem#2</c>. Certificates
/// are views over the decoded PEM (nothing is copied); each file is read once. The CA key's public key is
/// derived at load and the decoded key is zeroed, as are the bytes this class read from disk; bytes passed
/// in by the caller (a <see cref="SecretManifest"/>, <see cref="FromFiles"/>) are the caller's to zero.
/// No message and no <see cref="object.ToString"/> contains any byte of the key.
/// </para>
/// </remarks>
public sealed class CaCertsBundle
{
    internal CaCertsBundle(
        CaCertsLayout layout,
        string sourceName,
        BundleCertificate? caCertificate,
        CaPrivateKey? caPrivateKey,
        List<BundleCertificate> certificateChain,
        List<BundleCertificate> roots,
        List<BundleCrl> crls,
        List<Finding> findings)
    {
        Layout = layout;
        SourceName = sourceName;
        CaCertificate = caCertificate;
        CaPrivateKey = caPrivateKey;
        CertificateChain = certificateChain.AsReadOnly();
        Roots = roots.AsReadOnly();
        Crls = crls.AsReadOnly();
        Findings = findings.AsReadOnly();
    }

    /// <summary>Which keys istiod uses: <see cref="CaCertsLayout.CertManager"/> when <c>tls.crt</c> is present, else <see cref="CaCertsLayout.Istio"/>.</summary>
    public CaCertsLayout Layout { get; }

    /// <summary>The bundle's name in every source: the directory path, <c>&lt;manifest&gt;:&lt;secret name&gt;</c>, or the name given to <see cref="FromFiles"/>.</summary>
    public string SourceName { get; }

    /// <summary>
    /// The CA certificate, which signs workload certificates: the first block of <c>ca-cert.pem</c> or <c>tls.crt</c>;
    /// <see langword="null"/> when that block is missing or not a valid certificate (see <see cref="Findings"/>).
    /// In the cert-manager layout it is the same object as the first element of <see cref="CertificateChain"/>.
    /// </summary>
    public BundleCertificate? CaCertificate { get; }

    /// <summary>The CA private key (<c>ca-key.pem</c> or <c>tls.key</c>); <see langword="null"/> when missing or unreadable (see <see cref="Findings"/>).</summary>
    public CaPrivateKey? CaPrivateKey { get; }

    /// <summary>
    /// The certificate chain istiod hands out with workload certificates: <c>cert-chain.pem</c>, or <c>tls.crt</c>
    /// followed by <c>ca.crt</c>; in file order, blocks that are not certificates left out.
    /// </summary>
    public IReadOnlyList<BundleCertificate> CertificateChain { get; }

    /// <summary>The roots the mesh trusts: <c>root-cert.pem</c> (may hold several) or <c>ca.crt</c>.</summary>
    public IReadOnlyList<BundleCertificate> Roots { get; }

    /// <summary>The CRLs of <c>ca-crl.pem</c> (Istio layout only; istiod does not look for CRLs in the cert-manager layout).</summary>
    public IReadOnlyList<BundleCrl> Crls { get; }

    /// <summary>What istiod would refuse (MPKI1013, errors) or ignore (MPKI1013 and MPKI1014 warnings) in the files; empty for a well-formed bundle.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Reads a directory as istiod mounts the <c>cacerts</c> Secret (<c>/etc/cacerts</c>), or as istio's tools/certs Makefiles write one (<c>make -f Makefile.selfsigned.mk cluster1-cacerts</c>).</summary>
    /// <param name="path">The directory; only the bundle's file names are read, subdirectories are not.</param>
    /// <returns>The bundle; problems with its files are <see cref="Findings"/>, never exceptions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="DirectoryNotFoundException"><paramref name="path"/> does not exist or is not a directory (the CLI reports this as a usage error, exit code 2).</exception>
    public static CaCertsBundle LoadDirectory(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException(File.Exists(path)
                ? $"'{path}' is a file, not a cacerts directory."
                : $"The cacerts directory '{path}' does not exist.");
        }

        string sourceName = Path.TrimEndingDirectorySeparator(path);
        return CaCertsBundleLoader.Load(new DirectoryBundleFiles(sourceName.Length == 0 ? path : sourceName));
    }

    /// <summary>Reads a Secret from a manifest (<see cref="SecretManifestReader"/>), its <c>data</c> and <c>stringData</c> keys merged as the API server merges them.</summary>
    /// <param name="secret">The Secret, e.g. <c>kubectl get secret cacerts -n istio-system -o yaml</c>.</param>
    /// <returns>The bundle; sources are named <c>&lt;manifest&gt;:&lt;secret name&gt;/&lt;key&gt;#&lt;block&gt;</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="secret"/> is <see langword="null"/>.</exception>
    public static CaCertsBundle FromSecret(SecretManifest secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var files = new Dictionary<string, ReadOnlyMemory<byte>>(secret.Entries.Count, StringComparer.Ordinal);
        foreach (SecretDataEntry entry in secret.Entries)
        {
            files[entry.Key] = entry.Value;
        }

        string name = secret.Name ?? string.Create(CultureInfo.InvariantCulture, $"(unnamed, document {secret.DocumentIndex})");
        string qualifiedName = secret.Namespace is null ? name : secret.Namespace + "/" + name;
        return CaCertsBundleLoader.Load(new MemoryBundleFiles(
            files, secret.SourceName + ":" + name, $"Secret '{qualifiedName}' in '{secret.SourceName}'", "Key", "of"));
    }

    /// <summary>Reads a bundle held in memory, e.g. files fetched from a Vault or a cluster by other means.</summary>
    /// <param name="files">The bundle's files by name (<c>ca-cert.pem</c>, <c>tls.crt</c>...), compared as the dictionary compares keys.</param>
    /// <param name="sourceName">The bundle's name in sources and messages; may be empty.</param>
    /// <returns>The bundle; the bytes are not copied, and certificates are views over the decoded PEM.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="files"/> or <paramref name="sourceName"/> is <see langword="null"/>.</exception>
    public static CaCertsBundle FromFiles(IReadOnlyDictionary<string, ReadOnlyMemory<byte>> files, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(sourceName);
        return CaCertsBundleLoader.Load(new MemoryBundleFiles(files, sourceName, $"bundle '{sourceName}'", "Key", "of"));
    }

    /// <summary>
    /// Summarises the bundle without key material, e.g.
    /// <c>cacerts (Istio layout): CA certificate CN=Intermediate CA, 2 chain certificates, 1 root, 0 CRLs, key cacerts/ca-key.pem#1 (RSA private key), 0 findings</c>.
    /// </summary>
    /// <returns>A one-line description safe to print or log.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{SourceName} ({(Layout == CaCertsLayout.Istio ? "Istio" : "cert-manager")} layout): CA certificate {(CaCertificate is null ? "none" : CaCertificate.Certificate.Subject.ToString())}, {CertificateChain.Count} chain certificates, {Roots.Count} roots, {Crls.Count} CRLs, key {CaPrivateKey?.ToString() ?? "none"}, {Findings.Count} findings");

    /// <summary>Names a file of a bundle: <c>&lt;source name&gt;/&lt;key&gt;</c>, or the key alone for an unnamed bundle.</summary>
    internal static string ComposeSource(string sourceName, string key) =>
        sourceName.Length == 0 ? key
        : sourceName.EndsWith('/') ? sourceName + key
        : sourceName + "/" + key;
}
