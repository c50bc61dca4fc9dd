using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Packaging;
using Golem.MeshPki.Rules;
using Golem.MeshPki.Tests.TestCertificates;
using Golem.MeshPki.Tests.TestSupport;
using Org.BouncyCastle.Pkcs;

namespace Golem.MeshPki.Tests.Packaging;

/// <summary>
/// <see cref="CaCertsBundle"/>: the cacerts Secret read as istiod reads it. This file holds the test PKI,
/// the helpers, and the well-formed bundles from every origin; the partial files hold layouts, errors,
/// blocks, keys, CRLs and a bundle made with the openssl CLI as istio's tools/certs Makefiles make it.
/// </summary>
public sealed partial class CaCertsBundleTests
{
    private const string SecretManifestName = "cacerts.yaml";

    private static readonly byte[] RootName = Der.SimpleName(("2.5.4.10", Der.Utf8("Golem Test")), ("2.5.4.3", Der.Utf8("Golem Test Root CA")));
    private static readonly byte[] IntermediateName = Der.SimpleName(("2.5.4.10", Der.Utf8("Golem Test")), ("2.5.4.11", Der.Utf8("istio-system")), ("2.5.4.3", Der.Utf8("Golem Test Intermediate CA")));
    private static readonly byte[] SecondRootName = Der.SimpleName(("2.5.4.10", Der.Utf8("Golem Test")), ("2.5.4.3", Der.Utf8("Golem Test Root CA 2")));
    private static readonly byte[] EdDsaIntermediateName = Der.SimpleName(("2.5.4.10", Der.Utf8("Golem Test")), ("2.5.4.3", Der.Utf8("Golem Test Ed25519 CA")));

    /// <summary>The RSA 2048 root, self-signed, 2025-01-01..2035-01-01.</summary>
    private static readonly Lazy<TestCertificate> LazyRoot = new(() => TestCertificate.Issue(new CertificateSpec
    {
        Key = TestKeys.Rsa2048,
        Subject = RootName,
        SerialNumber = [0x01],
        Extensions =
        [
            TestExtensions.BasicConstraints(certificateAuthority: true),
            TestExtensions.KeyUsage(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign),
            TestExtensions.SubjectKeyIdentifier(TestExtensions.KeyIdentifierOf(TestKeys.Rsa2048)),
        ],
    }));

    /// <summary>The P-256 intermediate the root signs, pathlen 0, 2025-01-01..2030-01-01: the CA that signs workloads.</summary>
    private static readonly Lazy<TestCertificate> LazyIntermediate = new(() => TestCertificate.Issue(new CertificateSpec
    {
        Key = TestKeys.P256,
        IssuerKey = TestKeys.Rsa2048,
        Subject = IntermediateName,
        Issuer = RootName,
        SerialNumber = [0x10, 0x01],
        NotAfter = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero),
        Extensions =
        [
            TestExtensions.BasicConstraints(certificateAuthority: true, pathLength: 0),
            TestExtensions.KeyUsage(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature),
            TestExtensions.SubjectKeyIdentifier(TestExtensions.KeyIdentifierOf(TestKeys.P256)),
            TestExtensions.AuthorityKeyIdentifier(TestExtensions.KeyIdentifierOf(TestKeys.Rsa2048)),
        ],
    }));

    /// <summary>A second root (P-384), for root bundles with several roots and for keys that match nothing.</summary>
    private static readonly Lazy<TestCertificate> LazySecondRoot = new(() => TestCertificate.Issue(new CertificateSpec
    {
        Key = TestKeys.P384,
        Subject = SecondRootName,
        SerialNumber = [0x02],
        Extensions = [TestExtensions.BasicConstraints(certificateAuthority: true), TestExtensions.KeyUsage(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign)],
    }));

    /// <summary>An Ed25519 intermediate the RSA root signs.</summary>
    private static readonly Lazy<TestCertificate> LazyEdDsaIntermediate = new(() => TestCertificate.Issue(new CertificateSpec
    {
        Key = TestKeys.Ed25519,
        IssuerKey = TestKeys.Rsa2048,
        Subject = EdDsaIntermediateName,
        Issuer = RootName,
        SerialNumber = [0x10, 0x02],
        Extensions = [TestExtensions.BasicConstraints(certificateAuthority: true, pathLength: 0), TestExtensions.KeyUsage(X509KeyUsageFlags.KeyCertSign)],
    }));

    private static TestCertificate Root => LazyRoot.Value;

    private static TestCertificate Intermediate => LazyIntermediate.Value;

    private static TestCertificate SecondRoot => LazySecondRoot.Value;

    private static TestCertificate EdDsaIntermediate => LazyEdDsaIntermediate.Value;

    private static string RootPem => CertificatePem(Root.Der);

    private static string IntermediatePem => CertificatePem(Intermediate.Der);

    /// <summary>The intermediate's key as <c>openssl genpkey</c> and Vault write it: PKCS #8.</summary>
    private static string IntermediateKeyPem => TestKeys.P256.ECDsa!.ExportPkcs8PrivateKeyPem() + "\n";

    // ---- well-formed bundles from every origin ----------------------------------------------

    [Fact]
    public void IstioLayoutDirectory_ReadsEveryFile()
    {
        using var directory = new TempDirectory();
        WriteFiles(directory, IstioFiles());

        CaCertsBundle bundle = CaCertsBundle.LoadDirectory(directory.Path);

        Assert.Empty(bundle.Findings);
        Assert.Equal(CaCertsLayout.Istio, bundle.Layout);
        Assert.Equal(directory.Path, bundle.SourceName);
        BundleCertificate caCertificate = Assert.IsType<BundleCertificate>(bundle.CaCertificate);
        Assert.Equal(Intermediate.Der, caCertificate.Certificate.RawData.ToArray());
        Assert.Equal("ca-cert.pem", caCertificate.Key);
        Assert.Equal(directory.Path + "/ca-cert.pem#1", caCertificate.Source);
        Assert.Equal([Intermediate.Der, Root.Der], bundle.CertificateChain.Select(c => c.Certificate.RawData.ToArray()));
        Assert.Equal([directory.Path + "/cert-chain.pem#1", directory.Path + "/cert-chain.pem#2"], bundle.CertificateChain.Select(c => c.Source));
        BundleCertificate root = Assert.Single(bundle.Roots);
        Assert.Equal(Root.Der, root.Certificate.RawData.ToArray());
        Assert.Equal(directory.Path + "/root-cert.pem#1", root.Source);
        Assert.Empty(bundle.Crls);
        CaPrivateKey key = Assert.IsType<CaPrivateKey>(bundle.CaPrivateKey);
        Assert.Equal(directory.Path + "/ca-key.pem#1", key.Source);
        Assert.Equal(PublicKeyAlgorithm.EC, key.Algorithm);
        Assert.Equal(KeyMatch.Matches, key.MatchesCertificate(caCertificate.Certificate));
    }

    [Fact]
    public void CertManagerLayoutDirectory_ChainIsTlsCrtThenCaCrt_AndCaCrtIsTheRootBundle()
    {
        using var directory = new TempDirectory();
        WriteFiles(directory, CertManagerFiles());

        CaCertsBundle bundle = CaCertsBundle.LoadDirectory(directory.Path);

        Assert.Empty(bundle.Findings);
        Assert.Equal(CaCertsLayout.CertManager, bundle.Layout);
        Assert.Equal([directory.Path + "/tls.crt#1", directory.Path + "/ca.crt#1"], bundle.CertificateChain.Select(c => c.Source));
        Assert.Equal([Intermediate.Der, Root.Der], bundle.CertificateChain.Select(c => c.Certificate.RawData.ToArray()));

        // ca.crt is read once: the root in the chain and in the root bundle is one object, and so is the CA certificate.
        Assert.Same(bundle.CertificateChain[1], Assert.Single(bundle.Roots));
        Assert.Same(bundle.CertificateChain[0], bundle.CaCertificate);
        Assert.Equal("tls.key", bundle.CaPrivateKey!.Key);
        Assert.Equal(directory.Path + "/tls.key#1", bundle.CaPrivateKey.Source);
        Assert.Equal(KeyMatch.Matches, bundle.CaPrivateKey.MatchesCertificate(bundle.CaCertificate!.Certificate));
        Assert.Empty(bundle.Crls);
    }

    [Fact]
    public void CertManagerLayout_CaCertificateIsTheFirstBlockOfTlsCrt_AndTheChainHoldsEveryBlock()
    {
        // cert-manager writes the issued certificate and the intermediates it got back into tls.crt.
        Dictionary<string, string> files = CertManagerFiles();
        files["tls.crt"] = IntermediatePem + CertificatePem(SecondRoot.Der);

        CaCertsBundle bundle = FromFiles(files);

        Assert.Empty(bundle.Findings);
        Assert.Equal("mem/tls.crt#1", bundle.CaCertificate!.Source);
        Assert.Equal(["mem/tls.crt#1", "mem/tls.crt#2", "mem/ca.crt#1"], bundle.CertificateChain.Select(c => c.Source));
        Assert.Equal("mem/ca.crt#1", Assert.Single(bundle.Roots).Source);
    }

    [Fact]
    public void SecretWithBase64Data_NamesSourcesAfterManifestAndSecret()
    {
        SecretManifest secret = ReadSecret(SecretYamlWithData("cacerts", IstioFiles()));

        CaCertsBundle bundle = CaCertsBundle.FromSecret(secret);

        Assert.Empty(bundle.Findings);
        Assert.Equal(CaCertsLayout.Istio, bundle.Layout);
        Assert.Equal("cacerts.yaml:cacerts", bundle.SourceName);
        Assert.Equal("cacerts.yaml:cacerts/ca-cert.pem#1", bundle.CaCertificate!.Source);
        Assert.Equal("cacerts.yaml:cacerts/cert-chain.pem#2", bundle.CertificateChain[1].Source);
        Assert.Equal("cacerts.yaml:cacerts/ca-key.pem#1", bundle.CaPrivateKey!.Source);
        Assert.Equal(KeyMatch.Matches, bundle.CaPrivateKey.MatchesCertificate(bundle.CaCertificate.Certificate));
    }

    [Fact]
    public void SecretWithStringData_ReadsThePemAsWritten()
    {
        SecretManifest secret = ReadSecret(SecretYamlWithStringData("cacerts", CertManagerFiles()));

        CaCertsBundle bundle = CaCertsBundle.FromSecret(secret);

        Assert.Empty(bundle.Findings);
        Assert.Equal(CaCertsLayout.CertManager, bundle.Layout);
        Assert.Equal([Intermediate.Der, Root.Der], bundle.CertificateChain.Select(c => c.Certificate.RawData.ToArray()));

        // Lines count within the key's value, not the manifest.
        Assert.Equal(1, bundle.CaCertificate!.Line);
        Assert.Equal(KeyMatch.Matches, bundle.CaPrivateKey!.MatchesCertificate(bundle.CaCertificate.Certificate));
    }

    [Fact]
    public void SecretAsKubectlJson_ReadsTheSameBundleAsTheYaml()
    {
        CaCertsBundle fromYaml = CaCertsBundle.FromSecret(ReadSecret(SecretYamlWithData("cacerts", IstioFiles())));
        CaCertsBundle fromJson = CaCertsBundle.FromSecret(Assert.Single(SecretManifestReader.Read(SecretJson("cacerts", IstioFiles()), "cacerts.json").Secrets));

        Assert.Empty(fromJson.Findings);
        Assert.Equal("cacerts.json:cacerts", fromJson.SourceName);
        Assert.Equal(
            fromYaml.CertificateChain.Select(c => c.Certificate.RawData.ToArray()),
            fromJson.CertificateChain.Select(c => c.Certificate.RawData.ToArray()));
        Assert.Equal(fromYaml.Roots.Select(c => c.Line), fromJson.Roots.Select(c => c.Line));
        Assert.Equal(KeyMatch.Matches, fromJson.CaPrivateKey!.MatchesCertificate(fromJson.CaCertificate!.Certificate));
    }

    [Fact]
    public void FromFiles_DoesNotChangeTheCallersBytes()
    {
        Dictionary<string, ReadOnlyMemory<byte>> files = IstioFiles().ToDictionary(entry => entry.Key, entry => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(entry.Value));
        Dictionary<string, byte[]> copies = files.ToDictionary(entry => entry.Key, entry => entry.Value.ToArray());

        CaCertsBundle bundle = CaCertsBundle.FromFiles(files, "vault");

        Assert.Empty(bundle.Findings);
        Assert.Equal("vault/ca-key.pem#1", bundle.CaPrivateKey!.Source);

        // The bundle zeroes only what it allocated: the caller's bytes, keys included, are as they were.
        Assert.All(files, entry => Assert.Equal(copies[entry.Key], entry.Value.ToArray()));
    }

    [Fact]
    public void FromFiles_WithAnEmptySourceName_NamesSourcesByKey()
    {
        CaCertsBundle bundle = CaCertsBundle.FromFiles(Utf8(IstioFiles()), string.Empty);

        Assert.Equal(string.Empty, bundle.SourceName);
        Assert.Equal("ca-cert.pem#1", bundle.CaCertificate!.Source);
    }

    [Fact]
    public void LoadDirectory_WithATrailingSeparator_NamesTheDirectoryWithoutIt()
    {
        using var directory = new TempDirectory();
        WriteFiles(directory, IstioFiles());

        CaCertsBundle bundle = CaCertsBundle.LoadDirectory(directory.Path + "/");

        Assert.Equal(directory.Path, bundle.SourceName);
        Assert.Equal(directory.Path + "/root-cert.pem#1", bundle.Roots[0].Source);
    }

    [Fact]
    public void LoadDirectory_ThatDoesNotExist_ThrowsDirectoryNotFound()
    {
        using var directory = new TempDirectory();
        string missing = Path.Join(directory.Path, "cacerts");

        DirectoryNotFoundException exception = Assert.Throws<DirectoryNotFoundException>(() => CaCertsBundle.LoadDirectory(missing));

        Assert.Contains("'" + missing + "'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDirectory_OfAFile_ThrowsDirectoryNotFound()
    {
        using var directory = new TempDirectory();
        string file = directory.Write("cacerts.yaml", "kind: Secret\n");

        DirectoryNotFoundException exception = Assert.Throws<DirectoryNotFoundException>(() => CaCertsBundle.LoadDirectory(file));

        Assert.Equal($"'{file}' is a file, not a cacerts directory.", exception.Message);
    }

    [Fact]
    public void Factories_RejectNullArguments()
    {
        Assert.Throws<ArgumentNullException>(() => CaCertsBundle.LoadDirectory(null!));
        Assert.Throws<ArgumentNullException>(() => CaCertsBundle.FromSecret(null!));
        Assert.Throws<ArgumentNullException>(() => CaCertsBundle.FromFiles(null!, "x"));
        Assert.Throws<ArgumentNullException>(() => CaCertsBundle.FromFiles(new Dictionary<string, ReadOnlyMemory<byte>>(), null!));
    }

    [Fact]
    public void ToString_SummarisesWithoutKeyMaterial()
    {
        CaCertsBundle bundle = FromFiles(IstioFiles());

        Assert.Equal(
            "mem (Istio layout): CA certificate CN=Golem Test Intermediate CA,OU=istio-system,O=Golem Test, 2 chain certificates, 1 roots, 0 CRLs, key mem/ca-key.pem#1 (EC private key), 0 findings",
            bundle.ToString());
        Assert.Equal("mem/cert-chain.pem#2 CN=Golem Test Root CA,O=Golem Test", bundle.CertificateChain[1].ToString());
    }

    // ---- helpers ----------------------------------------------------------------------------

    /// <summary>A Makefile-style Istio bundle: the intermediate, its key, the chain intermediate + root, the root.</summary>
    private static Dictionary<string, string> IstioFiles() => new(StringComparer.Ordinal)
    {
        ["ca-cert.pem"] = IntermediatePem,
        ["ca-key.pem"] = IntermediateKeyPem,
        ["cert-chain.pem"] = IntermediatePem + RootPem,
        ["root-cert.pem"] = RootPem,
    };

    /// <summary>A kubernetes.io/tls bundle as cert-manager writes it.</summary>
    private static Dictionary<string, string> CertManagerFiles() => new(StringComparer.Ordinal)
    {
        ["tls.crt"] = IntermediatePem,
        ["tls.key"] = IntermediateKeyPem,
        ["ca.crt"] = RootPem,
    };

    private static string CertificatePem(byte[] der) => PemEncoding.WriteString("CERTIFICATE", der) + "\n";

    private static Dictionary<string, ReadOnlyMemory<byte>> Utf8(IReadOnlyDictionary<string, string> files) =>
        files.ToDictionary(entry => entry.Key, entry => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(entry.Value), StringComparer.Ordinal);

    /// <summary>Loads files held in memory under the source name <c>mem</c>.</summary>
    private static CaCertsBundle FromFiles(IReadOnlyDictionary<string, string> files) => CaCertsBundle.FromFiles(Utf8(files), "mem");

    private static void WriteFiles(TempDirectory directory, IReadOnlyDictionary<string, string> files)
    {
        foreach ((string name, string text) in files)
        {
            directory.Write(name, text);
        }
    }

    private static SecretManifest ReadSecret(string yaml) => Assert.Single(SecretManifestReader.Read(yaml, SecretManifestName).Secrets);

    /// <summary>What <c>kubectl get secret NAME -n istio-system -o yaml</c> prints: base64 <c>data</c>.</summary>
    private static string SecretYamlWithData(string name, IReadOnlyDictionary<string, string> files)
    {
        var yaml = new StringBuilder("apiVersion: v1\ndata:\n");
        foreach ((string key, string value) in files)
        {
            yaml.Append("  ").Append(key).Append(": ").Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(value))).Append('\n');
        }

        return yaml.Append("kind: Secret\nmetadata:\n  name: ").Append(name).Append("\n  namespace: istio-system\ntype: Opaque\n").ToString();
    }

    /// <summary>A hand-written manifest: PEM in <c>stringData</c> as literal block scalars.</summary>
    private static string SecretYamlWithStringData(string name, IReadOnlyDictionary<string, string> files)
    {
        var yaml = new StringBuilder("apiVersion: v1\nkind: Secret\nmetadata:\n  name: ").Append(name).Append("\n  namespace: istio-system\ntype: kubernetes.io/tls\nstringData:\n");
        foreach ((string key, string value) in files)
        {
            yaml.Append("  ").Append(key).Append(": |\n");
            foreach (string line in value.TrimEnd('\n').Split('\n'))
            {
                yaml.Append("    ").Append(line).Append('\n');
            }
        }

        return yaml.ToString();
    }

    /// <summary>What <c>kubectl get secret NAME -n istio-system -o json</c> prints.</summary>
    private static string SecretJson(string name, IReadOnlyDictionary<string, string> files)
    {
        string entries = string.Join(",\n", files.Select(entry => $"        \"{entry.Key}\": \"{Convert.ToBase64String(Encoding.UTF8.GetBytes(entry.Value))}\""));
        return "{\n    \"apiVersion\": \"v1\",\n    \"data\": {\n" + entries + "\n    },\n    \"kind\": \"Secret\",\n" +
            "    \"metadata\": {\n        \"name\": \"" + name + "\",\n        \"namespace\": \"istio-system\"\n    },\n    \"type\": \"Opaque\"\n}\n";
    }

    /// <summary>The PKCS #8 PEM of an Ed25519 test key (BouncyCastle writes it; .NET has no Ed25519).</summary>
    private static string Ed25519KeyPem(TestKey key) =>
        PemEncoding.WriteString("PRIVATE KEY", PrivateKeyInfoFactory.CreatePrivateKeyInfo(key.Ed25519!).GetEncoded()) + "\n";

    /// <summary>The one finding of <paramref name="bundle"/> with <paramref name="id"/>.</summary>
    private static Finding SingleFinding(CaCertsBundle bundle, string id) => Assert.Single(bundle.Findings, finding => finding.Id == id);

    /// <summary>Every message is a sentence that ends with a period and names a source.</summary>
    private static void AssertWellFormed(CaCertsBundle bundle)
    {
        Assert.All(bundle.Findings, finding =>
        {
            Assert.EndsWith(".", finding.Message, StringComparison.Ordinal);
            Assert.False(finding.Message.EndsWith("..", StringComparison.Ordinal), finding.Message);
            Assert.NotNull(finding.Source);
            Assert.StartsWith(bundle.SourceName, finding.Source, StringComparison.Ordinal);
        });
    }
}
