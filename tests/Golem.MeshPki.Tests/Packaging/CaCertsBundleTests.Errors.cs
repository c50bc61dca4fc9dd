using System.Security.Cryptography;
using System.Text;
using Golem.MeshPki.Packaging;
using Golem.MeshPki.Rules;
using Golem.MeshPki.Tests.TestCertificates;
using Golem.MeshPki.Tests.TestSupport;

namespace Golem.MeshPki.Tests.Packaging;

/// <summary>MPKI1013: files missing, empty, unreadable, not PEM, broken PEM, blocks that are not what istiod reads.</summary>
public sealed partial class CaCertsBundleTests
{
    public static TheoryData<string, string, string> EveryRequiredKeyOfEveryOrigin()
    {
        var data = new TheoryData<string, string, string>();
        foreach (string origin in new[] { "directory", "secret", "memory" })
        {
            foreach (string key in new[] { "ca-cert.pem", "ca-key.pem", "cert-chain.pem", "root-cert.pem" })
            {
                data.Add("istio", key, origin);
            }

            foreach (string key in new[] { "tls.key", "ca.crt" })
            {
                data.Add("cert-manager", key, origin);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryRequiredKeyOfEveryOrigin))]
    public void MissingRequiredKey_IsMpki1013_NamingTheKeyAndTheOrigin(string layout, string missingKey, string origin)
    {
        Dictionary<string, string> files = layout == "istio" ? IstioFiles() : CertManagerFiles();
        files.Remove(missingKey);
        using var directory = new TempDirectory();

        (CaCertsBundle bundle, string where) = origin switch
        {
            "directory" => (LoadDirectory(directory, files), $"File '{missingKey}' in directory '{directory.Path}'"),
            "secret" => (CaCertsBundle.FromSecret(ReadSecret(SecretYamlWithData("cacerts", files))), $"Key '{missingKey}' of Secret 'istio-system/cacerts' in 'cacerts.yaml'"),
            _ => (FromFiles(files), $"Key '{missingKey}' of bundle 'mem'"),
        };

        Finding finding = Assert.Single(bundle.Findings);
        Assert.Equal(RuleIdentifiers.BundleMaterialMissingOrUnreadable, finding.Id);
        Assert.Equal(RuleSeverity.Error, finding.Severity);
        Assert.Equal(bundle.SourceName + "/" + missingKey, finding.Source);
        string layoutName = layout == "istio"
            ? "Istio layout (ca-cert.pem, ca-key.pem, cert-chain.pem, root-cert.pem)"
            : "cert-manager layout (tls.crt, tls.key, ca.crt)";
        Assert.Equal(
            $"{where} is missing; the {layoutName} needs it, and istiod refuses a signing CA bundle with files missing (before Istio 1.27 it fell back silently to its self-signed CA).",
            finding.Message);
    }

    [Theory]
    [InlineData("ca-cert.pem", "the CA certificate")]
    [InlineData("ca-key.pem", "the CA private key")]
    [InlineData("cert-chain.pem", "the chain from the CA certificate up to the root")]
    [InlineData("root-cert.pem", "the root certificates")]
    public void EmptyOrBlankRequiredFile_IsMpki1013(string key, string contents)
    {
        Dictionary<string, string> files = IstioFiles();
        files[key] = " \r\n\n";

        CaCertsBundle bundle = FromFiles(files);

        Finding finding = Assert.Single(bundle.Findings);
        Assert.Equal($"Key '{key}' of bundle 'mem' is empty; it must hold {contents} in PEM.", finding.Message);
        Assert.Equal("mem/" + key, finding.Source);
    }

    [Fact]
    public void GarbagePem_NamesTheLineOfTheFirstBadCharacter()
    {
        // Line 1 BEGIN, lines 2.. base64: a '!' in the fourth line of the body is on line 5.
        string[] lines = RootPem.Split('\n');
        lines[4] = "!" + lines[4][1..];
        Dictionary<string, string> files = IstioFiles();
        files["root-cert.pem"] = string.Join('\n', lines);

        CaCertsBundle bundle = FromFiles(files);

        Assert.Empty(bundle.Roots);
        Finding finding = Assert.Single(bundle.Findings);
        Assert.Equal(RuleIdentifiers.BundleMaterialMissingOrUnreadable, finding.Id);
        Assert.Equal("mem/root-cert.pem", finding.Source);
        Assert.Equal("Key 'root-cert.pem' of bundle 'mem' is not valid PEM at line 5: '!' is not a base64 character.", finding.Message);
    }

    [Fact]
    public void PemWithoutEndLine_NamesTheBeginLine()
    {
        Dictionary<string, string> files = IstioFiles();
        files["cert-chain.pem"] = IntermediatePem + RootPem[..RootPem.IndexOf("-----END", StringComparison.Ordinal)];

        CaCertsBundle bundle = FromFiles(files);

        Assert.Empty(bundle.CertificateChain);
        int beginLine = LineCount(IntermediatePem) + 1;
        Assert.StartsWith($"Key 'cert-chain.pem' of bundle 'mem' is not valid PEM at line {beginLine}: ", Assert.Single(bundle.Findings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DerInsteadOfPem_IsNotRead_AsIstiodReadsOnlyPem()
    {
        Dictionary<string, ReadOnlyMemory<byte>> files = Utf8(IstioFiles());
        files["root-cert.pem"] = Root.Der;

        CaCertsBundle bundle = CaCertsBundle.FromFiles(files, "mem");

        Assert.Empty(bundle.Roots);
        Assert.Equal(
            "Key 'root-cert.pem' of bundle 'mem' holds no PEM block; istiod reads the root certificates only from PEM.",
            Assert.Single(bundle.Findings).Message);
    }

    [Fact]
    public void UnreadableFile_IsMpki1013_WithTheReason()
    {
        using var directory = new TempDirectory();
        WriteFiles(directory, IstioFiles());

        // A directory where the file should be exists for istiod's stat but cannot be read, whoever runs the test.
        File.Delete(Path.Join(directory.Path, "cert-chain.pem"));
        Directory.CreateDirectory(Path.Join(directory.Path, "cert-chain.pem"));

        CaCertsBundle bundle = CaCertsBundle.LoadDirectory(directory.Path);

        Finding finding = Assert.Single(bundle.Findings);
        Assert.Equal(directory.Path + "/cert-chain.pem", finding.Source);
        Assert.StartsWith($"File 'cert-chain.pem' in directory '{directory.Path}' cannot be read: ", finding.Message, StringComparison.Ordinal);
        AssertWellFormed(bundle);
        Assert.Empty(bundle.CertificateChain);
        Assert.Single(bundle.Roots);
    }

    [Fact]
    public void NonCertificateBlockInACertificateFile_IsSkippedWithAWarning()
    {
        string publicKey = PemEncoding.WriteString("PUBLIC KEY", TestKeys.P256.ECDsa!.ExportSubjectPublicKeyInfo()) + "\n";
        Dictionary<string, string> files = IstioFiles();
        files["cert-chain.pem"] = IntermediatePem + publicKey + RootPem;

        CaCertsBundle bundle = FromFiles(files);

        Assert.Equal(["mem/cert-chain.pem#1", "mem/cert-chain.pem#3"], bundle.CertificateChain.Select(c => c.Source));
        Finding finding = Assert.Single(bundle.Findings);
        Assert.Equal(RuleSeverity.Warning, finding.Severity);
        Assert.Equal("mem/cert-chain.pem#2", finding.Source);
        Assert.Equal(
            $"Block 2 of key 'cert-chain.pem' of bundle 'mem' is a 'PUBLIC KEY' block at line {LineCount(IntermediatePem) + 1}; istiod reads only 'CERTIFICATE' blocks without headers, and skips it.",
            finding.Message);
    }

    [Theory]
    [InlineData("TRUSTED CERTIFICATE", "a")]
    [InlineData("X509 CERTIFICATE", "an")]
    public void CertificateUnderAnotherLabel_IsSkipped_AsGosAppendCertsFromPemSkipsIt(string label, string article)
    {
        Dictionary<string, string> files = IstioFiles();
        files["root-cert.pem"] = RootPem + PemEncoding.WriteString(label, SecondRoot.Der) + "\n";

        CaCertsBundle bundle = FromFiles(files);

        Assert.Single(bundle.Roots);
        Finding finding = Assert.Single(bundle.Findings);
        Assert.Equal("mem/root-cert.pem#2", finding.Source);
        Assert.Contains($"is {article} '{label}' block at line", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PrivateKeyInACertificateFile_IsAnError_AndNotQuoted()
    {
        Dictionary<string, string> files = IstioFiles();
        files["cert-chain.pem"] = IntermediatePem + RootPem + IntermediateKeyPem;

        CaCertsBundle bundle = FromFiles(files);

        Assert.Equal(2, bundle.CertificateChain.Count);
        Finding finding = Assert.Single(bundle.Findings);
        Assert.Equal(RuleSeverity.Error, finding.Severity);
        Assert.Equal("mem/cert-chain.pem#3", finding.Source);
        Assert.Equal(
            $"Block 3 of key 'cert-chain.pem' of bundle 'mem' is a private key (a 'PRIVATE KEY' block at line {LineCount(IntermediatePem + RootPem) + 1}), which must not be in a certificate file; istiod skips it.",
            finding.Message);
        AssertNoKeyMaterial(bundle, IntermediateKeyPem);
    }

    [Fact]
    public void CertificateBlockThatIsNotDer_NamesTheBlockAndTheField()
    {
        byte[] broken = (byte[])Root.Der.Clone();
        broken[4] = 0x05; // the version's [0] wrapper becomes a NULL
        Dictionary<string, string> files = IstioFiles();
        files["cert-chain.pem"] = IntermediatePem + CertificatePem(broken);

        CaCertsBundle bundle = FromFiles(files);

        BundleCertificate only = Assert.Single(bundle.CertificateChain);
        Assert.Equal(1, only.BlockIndex);
        Finding finding = Assert.Single(bundle.Findings);
        Assert.Equal(RuleSeverity.Error, finding.Severity);
        Assert.Equal("mem/cert-chain.pem#2", finding.Source);
        Assert.StartsWith(
            $"Block 2 of key 'cert-chain.pem' of bundle 'mem' (CERTIFICATE at line {LineCount(IntermediatePem) + 1}) is not a valid certificate: Malformed certificate at byte ",
            finding.Message,
            StringComparison.Ordinal);
        AssertWellFormed(bundle);
    }

    [Fact]
    public void CaCertPem_WhoseFirstBlockIsNotACertificate_HasNoCaCertificate()
    {
        // util.ParsePemEncodedCertificate reads the first block only, whatever follows.
        Dictionary<string, string> files = IstioFiles();
        files["ca-cert.pem"] = IntermediateKeyPem + IntermediatePem;

        CaCertsBundle bundle = FromFiles(files);

        Assert.Null(bundle.CaCertificate);
        Finding finding = Assert.Single(bundle.Findings);
        Assert.Equal(RuleSeverity.Error, finding.Severity);
        Assert.Equal("mem/ca-cert.pem#1", finding.Source);
        Assert.Equal(
            "The first PEM block of key 'ca-cert.pem' of bundle 'mem' is a 'PRIVATE KEY' block at line 1, not a certificate; istiod reads the CA certificate from the first block only.",
            finding.Message);
    }

    [Fact]
    public void TlsCrt_WhoseFirstBlockIsNotACertificate_KeepsTheOtherCertificatesInTheChain()
    {
        Dictionary<string, string> files = CertManagerFiles();
        string request = PemEncoding.WriteString("CERTIFICATE REQUEST", [0x30, 0x00]) + "\n";
        files["tls.crt"] = request + IntermediatePem;

        CaCertsBundle bundle = FromFiles(files);

        Assert.Null(bundle.CaCertificate);
        Assert.Equal(["mem/tls.crt#2", "mem/ca.crt#1"], bundle.CertificateChain.Select(c => c.Source));
        Assert.StartsWith("The first PEM block of key 'tls.crt' of bundle 'mem' is a 'CERTIFICATE REQUEST' block at line 1", Assert.Single(bundle.Findings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CertificateFileWithoutCertificates_SaysWhatItHolds()
    {
        Dictionary<string, string> files = IstioFiles();
        files["root-cert.pem"] = CrlPem(CreateCrl());

        CaCertsBundle bundle = FromFiles(files);

        Assert.Empty(bundle.Roots);
        Assert.Equal("Key 'root-cert.pem' of bundle 'mem' holds no CERTIFICATE block (found 'X509 CRL').", Assert.Single(bundle.Findings).Message);
    }

    [Fact]
    public void OneLoadReportsEveryProblem()
    {
        Dictionary<string, string> files = new(StringComparer.Ordinal)
        {
            ["ca-cert.pem"] = "not pem at all",
            ["cert-chain.pem"] = string.Empty,
            ["root-cert.pem"] = RootPem + "-----END CERTIFICATE-----\n",
        };

        CaCertsBundle bundle = FromFiles(files);

        Assert.Equal(["mem/ca-cert.pem", "mem/ca-key.pem", "mem/cert-chain.pem", "mem/root-cert.pem"], bundle.Findings.Select(f => f.Source));
        AssertWellFormed(bundle);
    }

    private static CaCertsBundle LoadDirectory(TempDirectory directory, IReadOnlyDictionary<string, string> files)
    {
        WriteFiles(directory, files);
        return CaCertsBundle.LoadDirectory(directory.Path);
    }

    /// <summary>
    /// Neither a finding nor any ToString shows any of the key's base64 lines, its whole base64, or its PEM.
    /// </summary>
    private static void AssertNoKeyMaterial(CaCertsBundle bundle, string keyPem)
    {
        var texts = new List<string> { bundle.ToString() };
        texts.AddRange(bundle.Findings.SelectMany(f => new[] { f.ToString(), f.Message, f.Source ?? string.Empty, f.Subject ?? string.Empty }));
        texts.AddRange(bundle.CertificateChain.Concat(bundle.Roots).Select(c => c.ToString()));
        texts.AddRange(bundle.Crls.Select(c => c.ToString()));
        if (bundle.CaPrivateKey is { } key)
        {
            texts.Add(key.ToString());
            texts.Add(key.UnknownReason ?? string.Empty);
        }

        string[] base64Lines = [.. keyPem.Split('\n').Select(line => line.Trim()).Where(line => line.Length >= 16 && !line.StartsWith("-----", StringComparison.Ordinal))];
        string base64 = string.Concat(base64Lines);
        Assert.NotEmpty(base64Lines);
        foreach (string text in texts)
        {
            Assert.DoesNotContain(keyPem.Trim(), text, StringComparison.Ordinal);
            Assert.DoesNotContain(base64, text, StringComparison.Ordinal);
            foreach (string line in base64Lines)
            {
                // Any 16 characters of the key's base64 would be a leak.
                for (int start = 0; start + 16 <= line.Length; start += 8)
                {
                    Assert.DoesNotContain(line.Substring(start, 16), text, StringComparison.Ordinal);
                }
            }
        }

        Assert.DoesNotContain(Convert.ToHexString(Encoding.ASCII.GetBytes(base64))[..32], string.Concat(texts), StringComparison.Ordinal);
    }
}
