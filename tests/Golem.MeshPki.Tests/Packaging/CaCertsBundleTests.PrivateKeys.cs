using System.Security.Cryptography;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Packaging;
using Golem.MeshPki.Rules;
using Golem.MeshPki.Tests.TestCertificates;
using Golem.MeshPki.Tests.TestSupport;

namespace Golem.MeshPki.Tests.Packaging;

/// <summary>The CA key: matched to certificates, never shown; one unencrypted key in the first block, as istiod reads it.</summary>
public sealed partial class CaCertsBundleTests
{
    private static readonly PbeParameters KeyEncryption = new(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000);

    public static TheoryData<string> MatchingKeys => ["RSA PKCS#8", "RSA PKCS#1", "EC PKCS#8", "EC SEC1", "Ed25519 PKCS#8"];

    [Theory]
    [MemberData(nameof(MatchingKeys))]
    public void CaKey_MatchesItsCertificate(string encoding)
    {
        (byte[] certificate, string keyPem, PublicKeyAlgorithm algorithm, string name) = KeyCase(encoding);
        Dictionary<string, string> files = IstioFiles();
        files["ca-cert.pem"] = CertificatePem(certificate);
        files["ca-key.pem"] = keyPem;

        CaCertsBundle bundle = FromFiles(files);

        Assert.Empty(bundle.Findings);
        CaPrivateKey key = bundle.CaPrivateKey!;
        Assert.Equal(algorithm, key.Algorithm);
        Assert.False(key.IsEncrypted);
        Assert.Null(key.UnknownReason);
        Assert.Equal(KeyMatch.Matches, key.MatchesCertificate(bundle.CaCertificate!.Certificate));
        Assert.Equal($"mem/ca-key.pem#1 ({name} private key)", key.ToString());
        Assert.Equal(("ca-key.pem", 1, 1), (key.Key, key.BlockIndex, key.Line));
        AssertNoKeyMaterial(bundle, keyPem);
    }

    [Theory]
    [MemberData(nameof(MatchingKeys))]
    public void CaKey_DoesNotMatchAnotherCertificate(string encoding)
    {
        (_, string keyPem, _, _) = KeyCase(encoding);
        Dictionary<string, string> files = CertManagerFiles();
        files["tls.key"] = keyPem;
        files["tls.crt"] = CertificatePem(SecondRoot.Der);

        CaCertsBundle bundle = FromFiles(files);

        Assert.Empty(bundle.Findings);
        Assert.Equal(KeyMatch.DoesNotMatch, bundle.CaPrivateKey!.MatchesCertificate(bundle.CaCertificate!.Certificate));
    }

    [Fact]
    public void EncryptedKey_MatchesUnknown_AndIsMpki1013()
    {
        string keyPem = TestKeys.P256.ECDsa!.ExportEncryptedPkcs8PrivateKeyPem("changeit", KeyEncryption) + "\n";
        Dictionary<string, string> files = IstioFiles();
        files["ca-key.pem"] = keyPem;

        CaCertsBundle bundle = FromFiles(files);

        CaPrivateKey key = bundle.CaPrivateKey!;
        Assert.True(key.IsEncrypted);
        Assert.Equal(PublicKeyAlgorithm.Unknown, key.Algorithm);
        Assert.Equal(KeyMatch.Unknown, key.MatchesCertificate(bundle.CaCertificate!.Certificate));
        Assert.Equal("the key is encrypted", key.UnknownReason);
        Assert.Equal("mem/ca-key.pem#1 (encrypted private key)", key.ToString());
        Finding finding = Assert.Single(bundle.Findings);
        Assert.Equal(RuleSeverity.Error, finding.Severity);
        Assert.Equal("mem/ca-key.pem#1", finding.Source);
        Assert.Equal(
            "Block 1 of key 'ca-key.pem' of bundle 'mem' is an encrypted private key (an 'ENCRYPTED PRIVATE KEY' block at line 1); istiod cannot decrypt it.",
            finding.Message);
        AssertNoKeyMaterial(bundle, keyPem);
    }

    [Fact]
    public void LegacyOpenSslEncryptedKey_IsEncrypted()
    {
        // What `openssl genrsa -aes256` printed before OpenSSL 3: PKCS #1 with RFC 1421 headers.
        string body = string.Join('\n', Convert.ToBase64String(new byte[96]).Chunk(64).Select(chunk => new string(chunk)));
        string keyPem = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00112233445566778899AABBCCDDEEFF\n\n" + body + "\n-----END RSA PRIVATE KEY-----\n";
        Dictionary<string, string> files = IstioFiles();
        files["ca-key.pem"] = keyPem;

        CaCertsBundle bundle = FromFiles(files);

        Assert.True(bundle.CaPrivateKey!.IsEncrypted);
        Assert.Contains("is an encrypted private key (an 'RSA PRIVATE KEY' block with RFC 1421 headers at line 1)", Assert.Single(bundle.Findings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralKeys_IsMpki1013_AndTheFirstIsTheKey()
    {
        string first = IntermediateKeyPem;
        string second = TestKeys.P384.ECDsa!.ExportPkcs8PrivateKeyPem() + "\n";
        Dictionary<string, string> files = IstioFiles();
        files["ca-key.pem"] = first + second;

        CaCertsBundle bundle = FromFiles(files);

        Assert.Equal(KeyMatch.Matches, bundle.CaPrivateKey!.MatchesCertificate(bundle.CaCertificate!.Certificate));
        Finding finding = Assert.Single(bundle.Findings);
        Assert.Equal("mem/ca-key.pem", finding.Source);
        Assert.Equal(
            $"Key 'ca-key.pem' of bundle 'mem' holds 2 private keys, at lines 1, {LineCount(first) + 1}; istiod reads only the first PEM block, so a bundle holds exactly one key.",
            finding.Message);
        AssertNoKeyMaterial(bundle, first);
        AssertNoKeyMaterial(bundle, second);
    }

    [Fact]
    public void KeyFileWithoutAKey_SaysWhatItHolds()
    {
        Dictionary<string, string> files = CertManagerFiles();
        files["tls.key"] = IntermediatePem;

        CaCertsBundle bundle = FromFiles(files);

        Assert.Null(bundle.CaPrivateKey);
        Finding finding = Assert.Single(bundle.Findings);
        Assert.Equal("mem/tls.key", finding.Source);
        Assert.Equal("Key 'tls.key' of bundle 'mem' holds no private key block (found 'CERTIFICATE').", finding.Message);
    }

    [Fact]
    public void KeyAfterACertificate_IsFound_ButIstiodReadsOnlyTheFirstBlock()
    {
        // A combined PEM (certificate, then key) used as tls.key: tls.X509KeyPair would take it, ParsePemEncodedKey does not.
        Dictionary<string, string> files = CertManagerFiles();
        files["tls.key"] = IntermediatePem + IntermediateKeyPem;

        CaCertsBundle bundle = FromFiles(files);

        Assert.Equal("mem/tls.key#2", bundle.CaPrivateKey!.Source);
        Assert.Equal(LineCount(IntermediatePem) + 1, bundle.CaPrivateKey.Line);
        Finding finding = Assert.Single(bundle.Findings);
        Assert.Equal("mem/tls.key#1", finding.Source);
        Assert.Equal(
            "The first PEM block of key 'tls.key' of bundle 'mem' is a 'CERTIFICATE' block at line 1, not a private key; istiod reads the key from the first block only.",
            finding.Message);
    }

    [Fact]
    public void InvalidKey_IsMpki1013_WithoutItsBytes()
    {
        byte[] truncated = TestKeys.P256.ECDsa!.ExportPkcs8PrivateKey()[..60];
        string keyPem = PemEncoding.WriteString("PRIVATE KEY", truncated) + "\n";
        Dictionary<string, string> files = IstioFiles();
        files["ca-key.pem"] = keyPem;

        CaCertsBundle bundle = FromFiles(files);

        Assert.Null(bundle.CaPrivateKey);
        Finding finding = Assert.Single(bundle.Findings);
        Assert.Equal("mem/ca-key.pem#1", finding.Source);
        Assert.Equal("Block 1 of key 'ca-key.pem' of bundle 'mem' (a 'PRIVATE KEY' block at line 1) is not a valid private key of that kind.", finding.Message);
        AssertNoKeyMaterial(bundle, keyPem);
    }

    [Theory]
    [InlineData("OPENSSH PRIVATE KEY", "OPENSSH PRIVATE KEY blocks are not supported")]
    [InlineData("DSA PRIVATE KEY", "traditional DSA PRIVATE KEY blocks are not supported")]
    public void KeyLabelIstiodDoesNotRead_IsMpki1013_AndMatchesUnknown(string label, string reason)
    {
        string keyPem = PemEncoding.WriteString(label, new byte[48]) + "\n";
        Dictionary<string, string> files = IstioFiles();
        files["ca-key.pem"] = keyPem;

        CaCertsBundle bundle = FromFiles(files);

        Assert.Equal(KeyMatch.Unknown, bundle.CaPrivateKey!.MatchesCertificate(bundle.CaCertificate!.Certificate));
        Assert.Equal(reason, bundle.CaPrivateKey.UnknownReason);
        Assert.Equal(
            $"Block 1 of key 'ca-key.pem' of bundle 'mem' is {(label.StartsWith('O') ? "an" : "a")} '{label}' block at line 1; istiod reads only 'RSA PRIVATE KEY', 'EC PRIVATE KEY' and 'PRIVATE KEY' blocks.",
            Assert.Single(bundle.Findings).Message);
    }

    [Fact]
    public void KeyFileWithGarbage_DoesNotQuoteTheKey()
    {
        // A key whose base64 is broken in its middle: the message names the line and the one bad character.
        string[] lines = IntermediateKeyPem.Split('\n');
        lines[2] = lines[2][..10] + "*" + lines[2][11..];
        string keyPem = string.Join('\n', lines);
        using var directory = new TempDirectory();
        Dictionary<string, string> files = IstioFiles();
        files["ca-key.pem"] = keyPem;
        WriteFiles(directory, files);

        CaCertsBundle bundle = CaCertsBundle.LoadDirectory(directory.Path);

        Assert.Null(bundle.CaPrivateKey);
        Assert.Equal($"File 'ca-key.pem' in directory '{directory.Path}' is not valid PEM at line 3: '*' is not a base64 character.", Assert.Single(bundle.Findings).Message);
        AssertNoKeyMaterial(bundle, IntermediateKeyPem);
    }

    [Fact]
    public void NoMessageOrToStringShowsTheKey_WhateverGoesWrong()
    {
        string keyPem = TestKeys.Rsa2048.Rsa!.ExportRSAPrivateKeyPem() + "\n";
        var cases = new List<Dictionary<string, string>>();
        foreach (Func<string, string> mangle in new Func<string, string>[]
        {
            pem => pem,
            pem => pem + pem,
            pem => RootPem + pem,
            pem => pem.Replace("RSA PRIVATE KEY", "OPENSSH PRIVATE KEY", StringComparison.Ordinal),
            pem => pem.Replace("-----END RSA PRIVATE KEY-----", "-----END EC PRIVATE KEY-----", StringComparison.Ordinal),
            pem => pem.Replace("RSA PRIVATE KEY", "EC PRIVATE KEY", StringComparison.Ordinal),
        })
        {
            Dictionary<string, string> istio = IstioFiles();
            istio["ca-key.pem"] = mangle(keyPem);
            istio["cert-chain.pem"] = IntermediatePem + mangle(keyPem);
            cases.Add(istio);
            Dictionary<string, string> certManager = CertManagerFiles();
            certManager["tls.key"] = mangle(keyPem);
            certManager["ca.crt"] = RootPem + mangle(keyPem);
            cases.Add(certManager);
        }

        foreach (Dictionary<string, string> files in cases)
        {
            CaCertsBundle fromMemory = FromFiles(files);
            CaCertsBundle fromSecret = CaCertsBundle.FromSecret(ReadSecret(SecretYamlWithData("cacerts", files)));

            Assert.NotEmpty(fromMemory.Findings);
            AssertNoKeyMaterial(fromMemory, keyPem);
            AssertNoKeyMaterial(fromSecret, keyPem);
            AssertWellFormed(fromMemory);
        }
    }

    /// <summary>A CA certificate and its key in an encoding, the algorithm, and the name ToString uses.</summary>
    private static (byte[] Certificate, string KeyPem, PublicKeyAlgorithm Algorithm, string Name) KeyCase(string encoding) => encoding switch
    {
        "RSA PKCS#8" => (Root.Der, TestKeys.Rsa2048.Rsa!.ExportPkcs8PrivateKeyPem() + "\n", PublicKeyAlgorithm.Rsa, "RSA"),
        "RSA PKCS#1" => (Root.Der, TestKeys.Rsa2048.Rsa!.ExportRSAPrivateKeyPem() + "\n", PublicKeyAlgorithm.Rsa, "RSA"),
        "EC PKCS#8" => (Intermediate.Der, IntermediateKeyPem, PublicKeyAlgorithm.EC, "EC"),
        "EC SEC1" => (Intermediate.Der, TestKeys.P256.ECDsa!.ExportECPrivateKeyPem() + "\n", PublicKeyAlgorithm.EC, "EC"),
        _ => (EdDsaIntermediate.Der, Ed25519KeyPem(TestKeys.Ed25519), PublicKeyAlgorithm.Ed25519, "Ed25519"),
    };
}
