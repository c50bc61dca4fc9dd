using System.Security.Cryptography;
using Golem.MeshPki.Packaging;
using Golem.MeshPki.Tests.TestCertificates;
using Golem.MeshPki.Tests.TestSupport;

namespace Golem.MeshPki.Tests.Packaging;

/// <summary>Where each certificate came from: BlockIndex counts every PEM block, Line is the BEGIN line, Source says both.</summary>
public sealed partial class CaCertsBundleTests
{
    [Fact]
    public void SeveralBlocks_HaveTheirBlockIndexLineAndSource()
    {
        // As `openssl x509 -text` writes a bundle: a dump before each block; and a public key between the roots.
        const string Dump = "Certificate:\n    Data:\n        Version: 3 (0x2)\n";
        string publicKey = PemEncoding.WriteString("PUBLIC KEY", TestKeys.P384.ECDsa!.ExportSubjectPublicKeyInfo()) + "\n";
        string rootCert = Dump + RootPem + "\n" + publicKey + Dump + CertificatePem(SecondRoot.Der);
        Dictionary<string, string> files = IstioFiles();
        files["root-cert.pem"] = rootCert;
        using var directory = new TempDirectory();
        WriteFiles(directory, files);

        CaCertsBundle bundle = CaCertsBundle.LoadDirectory(directory.Path);

        Assert.Equal(2, bundle.Roots.Count);
        int firstLine = LineCount(Dump) + 1;
        int publicKeyLine = firstLine + LineCount(RootPem) + 1;
        int secondLine = publicKeyLine + LineCount(publicKey) + LineCount(Dump);
        Assert.Equal([1, 3], bundle.Roots.Select(root => root.BlockIndex));
        Assert.Equal([firstLine, secondLine], bundle.Roots.Select(root => root.Line));
        Assert.Equal([directory.Path + "/root-cert.pem#1", directory.Path + "/root-cert.pem#3"], bundle.Roots.Select(root => root.Source));
        Assert.All(bundle.Roots, root => Assert.Equal("root-cert.pem", root.Key));
        Assert.Equal([Root.Der, SecondRoot.Der], bundle.Roots.Select(root => root.Certificate.RawData.ToArray()));
        Assert.Equal(directory.Path + "/root-cert.pem#2", Assert.Single(bundle.Findings).Source);
        Assert.Contains($"at line {publicKeyLine};", bundle.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CrlfLineEnds_CountEachLineOnce()
    {
        Dictionary<string, string> files = IstioFiles();
        files["cert-chain.pem"] = (IntermediatePem + "\n" + RootPem).ReplaceLineEndings("\r\n");

        CaCertsBundle bundle = FromFiles(files);

        Assert.Empty(bundle.Findings);
        Assert.Equal([1, LineCount(IntermediatePem) + 2], bundle.CertificateChain.Select(c => c.Line));
    }

    [Fact]
    public void PemIndentedAsInYaml_IsRead()
    {
        Dictionary<string, string> files = IstioFiles();
        files["cert-chain.pem"] = string.Join('\n', (IntermediatePem + RootPem).Split('\n').Select(line => "    " + line));

        CaCertsBundle bundle = FromFiles(files);

        Assert.Empty(bundle.Findings);
        Assert.Equal(2, bundle.CertificateChain.Count);
    }
}
