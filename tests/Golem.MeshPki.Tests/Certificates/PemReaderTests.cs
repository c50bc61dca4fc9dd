using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Golem.MeshPki.Certificates;
using Org.BouncyCastle.Security;
using MiscPemGenerator = Org.BouncyCastle.OpenSsl.MiscPemGenerator;

namespace Golem.MeshPki.Tests.Certificates;

/// <summary>
/// <see cref="PemReader"/>: layouts it tolerates and label routing (this file), broken blocks
/// (<c>.Errors.cs</c>), FsCheck properties (<c>.Properties.cs</c>) and real CA bundles
/// (<c>.RealBundles.cs</c>).
/// </summary>
public partial class PemReaderTests
{
    [Theory]
    [MemberData(nameof(ToleratedLayoutNames))]
    public void Reads_every_block_of_a_tolerated_layout(string layout)
    {
        (string text, IReadOnlyList<ExpectedBlock> expected) = ToleratedLayouts[layout]();

        AssertReadsAs(text, expected);
    }

    public static TheoryData<string> ToleratedLayoutNames() => [.. ToleratedLayouts.Keys];

    private static readonly Dictionary<string, Func<(string Text, IReadOnlyList<ExpectedBlock> Expected)>> ToleratedLayouts = new()
    {
        ["one certificate"] = () => new BundleBuilder()
            .Block("CERTIFICATE", PemLabel.Certificate, Fixtures.RootCertificate)
            .Build(),

        ["CRLF bundle"] = () => new BundleBuilder("\r\n")
            .Block("CERTIFICATE", PemLabel.Certificate, Fixtures.IntermediateCertificate)
            .Block("CERTIFICATE", PemLabel.Certificate, Fixtures.RootCertificate)
            .Build(),

        ["blank lines before, between and after blocks"] = () => new BundleBuilder()
            .Text("\n\n")
            .Block("CERTIFICATE", PemLabel.Certificate, Fixtures.IntermediateCertificate)
            .Text("\n\n\n")
            .Block("CERTIFICATE", PemLabel.Certificate, Fixtures.RootCertificate)
            .Text("\n\n")
            .Build(),

        ["leading and trailing whitespace on every line"] = () => new BundleBuilder()
            .Text("   \t\n")
            .Block("CERTIFICATE", PemLabel.Certificate, Fixtures.RootCertificate, indent: "\t  ", trailing: "  \t")
            .Text("  \n")
            .Build(),

        ["openssl x509 -text dump before each block"] = () => new BundleBuilder()
            .Text(OpenSslTextDump)
            .Block("CERTIFICATE", PemLabel.Certificate, Fixtures.IntermediateCertificate)
            .Text(OpenSslTextDump)
            .Block("CERTIFICATE", PemLabel.Certificate, Fixtures.RootCertificate)
            .Build(),

        ["indented in a kubectl ConfigMap"] = () => new BundleBuilder()
            .Text("apiVersion: v1\ndata:\n  root-cert.pem: |\n")
            .Block("CERTIFICATE", PemLabel.Certificate, Fixtures.RootCertificate, indent: "    ")
            .Text("kind: ConfigMap\nmetadata:\n  name: istio-ca-root-cert\n  namespace: istio-system\n")
            .Build(),

        ["kubectl and shell output around blocks"] = () => new BundleBuilder("\r\n")
            .Text("$ kubectl -n istio-system get secret cacerts -o jsonpath='{.data.ca-cert\\.pem}' | base64 -d\n")
            .Block("CERTIFICATE", PemLabel.Certificate, Fixtures.IntermediateCertificate)
            .Text("Warning: this key is readable by everyone in the namespace (mode 0644)\n$ cat key.pem\n")
            .Block("PRIVATE KEY", PemLabel.PrivateKey, Fixtures.EcPkcs8PrivateKey)
            .Text("$ \n")
            .Build(),

        ["UTF-8 byte order mark before the first block"] = () => new BundleBuilder()
            .Text("\uFEFF")
            .Block("CERTIFICATE", PemLabel.Certificate, Fixtures.RootCertificate)
            .Build(),

        ["blocks squashed onto one line"] = () => new BundleBuilder()
            .Text(
                "-----BEGIN CERTIFICATE----- " + Convert.ToBase64String(Fixtures.RootCertificate) + " -----END CERTIFICATE----- "
                + "-----BEGIN PUBLIC KEY----- " + Convert.ToBase64String(Fixtures.EcPublicKey) + " -----END PUBLIC KEY-----\n")
            .Expect(1, "CERTIFICATE", PemLabel.Certificate, Fixtures.RootCertificate)
            .Expect(1, "PUBLIC KEY", PemLabel.PublicKey, Fixtures.EcPublicKey)
            .Build(),

        ["base64 lines of any length, not only 64"] = () => new BundleBuilder()
            .Text("-----BEGIN CERTIFICATE-----\n" + Convert.ToBase64String(Fixtures.RootCertificate, Base64FormattingOptions.InsertLineBreaks) + "\n-----END CERTIFICATE-----\n")
            .Expect(1, "CERTIFICATE", PemLabel.Certificate, Fixtures.RootCertificate)
            .Build(),

        ["boundaries mentioned inside a line of prose are text"] = () => new BundleBuilder()
            .Text("A bundle starts with '-----BEGIN CERTIFICATE-----' and ends with '-----END CERTIFICATE-----'.\n")
            .Block("CERTIFICATE", PemLabel.Certificate, Fixtures.RootCertificate)
            .Text("Markdown rule:\n---------------------\n")
            .Build(),

        ["every known label and an unknown one"] = () => new BundleBuilder()
            .Block("CERTIFICATE", PemLabel.Certificate, Fixtures.IntermediateCertificate)
            .Block("TRUSTED CERTIFICATE", PemLabel.Certificate, Fixtures.RootCertificate)
            .Block("X509 CERTIFICATE", PemLabel.Certificate, Fixtures.RootCertificate)
            .Block("PRIVATE KEY", PemLabel.PrivateKey, Fixtures.EcPkcs8PrivateKey)
            .Block("RSA PRIVATE KEY", PemLabel.RsaPrivateKey, Fixtures.RsaPkcs1PrivateKey)
            .Block("EC PRIVATE KEY", PemLabel.EcPrivateKey, Fixtures.EcSec1PrivateKey)
            .Block("ENCRYPTED PRIVATE KEY", PemLabel.EncryptedPrivateKey, Fixtures.EcEncryptedPkcs8PrivateKey)
            .Block("CERTIFICATE REQUEST", PemLabel.CertificateRequest, Fixtures.CertificateRequest)
            .Block("NEW CERTIFICATE REQUEST", PemLabel.CertificateRequest, Fixtures.CertificateRequest)
            .Block("X509 CRL", PemLabel.Crl, Fixtures.Crl)
            .Block("PUBLIC KEY", PemLabel.PublicKey, Fixtures.EcPublicKey)
            .Block("DH PARAMETERS", PemLabel.Unknown, [0x30, 0x03, 0x02, 0x01, 0x02])
            .Build(),

        ["empty block"] = () => new BundleBuilder()
            .Text("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n")
            .Expect(1, "CERTIFICATE", PemLabel.Certificate, [])
            .Build(),

        ["empty input"] = () => new BundleBuilder().Build(),

        ["whitespace only"] = () => new BundleBuilder().Text(" \r\n\t\n\n").Build(),

        ["text without any block"] = () => new BundleBuilder().Text(OpenSslTextDump).Build(),
    };

    [Fact]
    public void Mixed_blocks_route_to_their_labels()
    {
        string text = new BundleBuilder()
            .Block("CERTIFICATE", PemLabel.Certificate, Fixtures.IntermediateCertificate)
            .Block("EC PRIVATE KEY", PemLabel.EcPrivateKey, Fixtures.EcSec1PrivateKey)
            .Block("CERTIFICATE", PemLabel.Certificate, Fixtures.RootCertificate)
            .Block("OPENSSH PRIVATE KEY", PemLabel.Unknown, [1, 2, 3])
            .Build().Text;

        IReadOnlyList<PemBlock> blocks = PemReader.ReadAll(text);

        Assert.Equal(
            [Fixtures.IntermediateCertificate, Fixtures.RootCertificate],
            blocks.Where(b => b.Label == PemLabel.Certificate).Select(b => b.Data.ToArray()));
        Assert.Equal([false, true, false, true], blocks.Select(b => b.IsPrivateKey));
        Assert.Equal([false, true, false, false], blocks.Select(b => b.Label.IsPrivateKey()));
    }

    [Fact]
    public void Unknown_label_is_kept_literally()
    {
        PemBlock block = Assert.Single(PemReader.ReadAll("-----BEGIN OPENSSH PRIVATE KEY-----\nAQID\n-----END OPENSSH PRIVATE KEY-----\n"));

        Assert.Equal(PemLabel.Unknown, block.Label);
        Assert.Equal("OPENSSH PRIVATE KEY", block.LabelText);
        Assert.True(block.IsPrivateKey);
        Assert.Equal([1, 2, 3], block.Data.ToArray());
    }

    [Fact]
    public void Known_labels_reuse_one_string_and_unknown_labels_are_allocated()
    {
        const string Text = "-----BEGIN TRUSTED CERTIFICATE-----\nAQID\n-----END TRUSTED CERTIFICATE-----\n-----BEGIN FOO-----\nAQID\n-----END FOO-----\n";

        IReadOnlyList<PemBlock> first = PemReader.ReadAll(Text);
        IReadOnlyList<PemBlock> second = PemReader.ReadAll(Encoding.ASCII.GetBytes(Text));

        Assert.Same(first[0].LabelText, second[0].LabelText);
        Assert.Equal("FOO", first[1].LabelText);
        Assert.NotSame(first[1].LabelText, second[1].LabelText);
    }

    [Fact]
    public void Legacy_encrypted_key_headers_are_skipped_and_its_encrypted_body_returned()
    {
        (string pem, byte[] encryptedBody) = Fixtures.LegacyEncryptedRsaKey();
        string text = "subject=CN = workload\n" + pem + Fixtures.Pem("CERTIFICATE", Fixtures.RootCertificate);

        IReadOnlyList<PemBlock> blocks = PemReader.ReadAll(text);

        Assert.Equal([PemLabel.RsaPrivateKey, PemLabel.Certificate], blocks.Select(b => b.Label));
        Assert.True(blocks[0].HasEncapsulatedHeaders);
        Assert.False(blocks[1].HasEncapsulatedHeaders);
        Assert.Equal(encryptedBody, blocks[0].Data.ToArray());
        string headers = text[blocks[0].EncapsulatedHeaders];
        Assert.StartsWith("Proc-Type: 4,ENCRYPTED", headers, StringComparison.Ordinal);
        Assert.Contains("DEK-Info: AES-128-CBC,", headers, StringComparison.Ordinal);
        Assert.Equal(Fixtures.RootCertificate, blocks[1].Data.ToArray());
    }

    [Fact]
    public void Location_spans_the_block_from_BEGIN_to_END_in_chars_and_in_bytes()
    {
        string text = "é notes\n" + Fixtures.Pem("CERTIFICATE", Fixtures.RootCertificate) + "trailer\n";
        byte[] utf8 = Encoding.UTF8.GetBytes(text);

        PemBlock fromChars = Assert.Single(PemReader.ReadAll(text));
        PemBlock fromBytes = Assert.Single(PemReader.ReadAll(utf8));

        Assert.Equal(Fixtures.Pem("CERTIFICATE", Fixtures.RootCertificate).TrimEnd('\n'), text[fromChars.Location]);
        Assert.Equal(Fixtures.Pem("CERTIFICATE", Fixtures.RootCertificate).TrimEnd('\n'), Encoding.UTF8.GetString(utf8[fromBytes.Location]));
        Assert.Equal(fromChars.Location.Start.Value + 1, fromBytes.Location.Start.Value);
    }

    [Fact]
    public void Enumerator_decodes_into_a_caller_buffer_and_refuses_a_short_one()
    {
        string text = Fixtures.Pem("CERTIFICATE", Fixtures.RootCertificate) + Fixtures.Pem("X509 CRL", Fixtures.Crl);
        var buffer = new byte[4096];
        var decoded = new List<byte[]>();

        foreach (EncodedPemBlock block in PemReader.EnumerateBlocks(text))
        {
            Assert.False(block.TryDecode(buffer.AsSpan(0, block.MaxDecodedLength - 1), out int none));
            Assert.Equal(0, none);
            Assert.True(block.TryDecode(buffer, out int written));
            Assert.True(written <= block.MaxDecodedLength);
            decoded.Add(buffer[..written]);
            Assert.Equal(block.ToPemBlock().Data.ToArray(), buffer[..written]);
        }

        Assert.Equal([Fixtures.RootCertificate, Fixtures.Crl], decoded);
    }

    [Fact]
    public void LooksLikePem_finds_a_BEGIN_boundary_and_not_DER()
    {
        Assert.True(PemReader.LooksLikePem(Encoding.ASCII.GetBytes("junk\n" + Fixtures.Pem("CERTIFICATE", Fixtures.RootCertificate))));
        Assert.True(PemReader.LooksLikePem("x -----BEGIN X-----"));
        Assert.False(PemReader.LooksLikePem(Fixtures.RootCertificate));
        Assert.False(PemReader.LooksLikePem(ReadOnlySpan<byte>.Empty));
        Assert.False(PemReader.LooksLikePem("-----BEGIN-----"));
    }

    [Fact]
    public void ToString_names_the_block_but_not_its_key()
    {
        PemBlock block = Assert.Single(PemReader.ReadAll(Fixtures.Pem("EC PRIVATE KEY", Fixtures.EcSec1PrivateKey)));

        Assert.Equal($"EC PRIVATE KEY at line 1 ({Fixtures.EcSec1PrivateKey.Length} bytes)", block.ToString());
    }

    [Fact]
    public void Default_block_is_unknown_and_empty()
    {
        PemBlock block = default;

        Assert.Equal(PemLabel.Unknown, block.Label);
        Assert.Equal(string.Empty, block.LabelText);
        Assert.True(block.Data.IsEmpty);
        Assert.False(block.IsPrivateKey);
        Assert.False(block.HasEncapsulatedHeaders);
    }

    /// <summary>Reads <paramref name="text"/> as chars, as UTF-8 and with the enumerator, and checks all three against <paramref name="expected"/>.</summary>
    private static void AssertReadsAs(string text, IReadOnlyList<ExpectedBlock> expected)
    {
        IReadOnlyList<PemBlock> fromChars = PemReader.ReadAll(text);
        IReadOnlyList<PemBlock> fromBytes = PemReader.ReadAll(Encoding.UTF8.GetBytes(text));
        var fromEnumerator = new List<(PemLabel, string, int, string)>();
        foreach (EncodedPemBlock block in PemReader.EnumerateBlocks(text))
        {
            PemBlock decoded = block.ToPemBlock();
            fromEnumerator.Add((block.Label, block.LabelText.ToString(), block.LineNumber, Convert.ToHexString(decoded.Data.Span)));
        }

        var want = expected.Select(e => (e.Label, e.LabelText, e.LineNumber, Convert.ToHexString(e.Data))).ToList();
        Assert.Equal(want, fromChars.Select(b => (b.Label, b.LabelText, b.LineNumber, Convert.ToHexString(b.Data.Span))));
        Assert.Equal(want, fromBytes.Select(b => (b.Label, b.LabelText, b.LineNumber, Convert.ToHexString(b.Data.Span))));
        Assert.Equal(want, fromEnumerator);
    }

    /// <summary>What a block should read as.</summary>
    public sealed record ExpectedBlock(PemLabel Label, string LabelText, byte[] Data, int LineNumber);

    /// <summary>
    /// Writes a bundle and, as it goes, the line each block starts on: the expected line numbers
    /// come from counting what was written, not from the reader.
    /// </summary>
    private sealed class BundleBuilder(string newline = "\n")
    {
        private readonly StringBuilder _text = new();
        private readonly List<ExpectedBlock> _expected = [];
        private int _line = 1;

        public BundleBuilder Text(string text)
        {
            _text.Append(text.Replace("\n", newline, StringComparison.Ordinal));
            _line += text.Count(c => c == '\n');
            return this;
        }

        /// <summary>Appends <c>PemEncoding.WriteString(label, data)</c> and a line end, each line indented and trailed as asked.</summary>
        public BundleBuilder Block(string label, PemLabel expected, byte[] data, string indent = "", string trailing = "")
        {
            _expected.Add(new ExpectedBlock(expected, label, data, _line));
            foreach (string line in Fixtures.Pem(label, data).TrimEnd('\n').Split('\n'))
            {
                Text(indent + line + trailing + "\n");
            }

            return this;
        }

        public BundleBuilder Expect(int line, string label, PemLabel expected, byte[] data)
        {
            _expected.Add(new ExpectedBlock(expected, label, data, line));
            return this;
        }

        public (string Text, IReadOnlyList<ExpectedBlock> Expected) Build() => (_text.ToString(), _expected);
    }

    /// <summary>What <c>openssl x509 -text</c> prints before the PEM block (abridged).</summary>
    private const string OpenSslTextDump = """
        Certificate:
            Data:
                Version: 3 (0x2)
                Serial Number:
                    5e:c3:b7:a6:43:7f:a4:e0
                Signature Algorithm: ecdsa-with-SHA256
                Issuer: CN = golem-test-root
                Validity
                    Not Before: Jan  1 00:00:00 2025 GMT
                    Not After : Jan  1 00:00:00 2035 GMT
                Subject: CN = golem-test-root
                Subject Public Key Info:
                    Public Key Algorithm: id-ecPublicKey
                        Public-Key: (256 bit)
                        pub:
                            04:1b:7e:...
                        ASN1 OID: prime256v1
                        NIST CURVE: P-256
                X509v3 extensions:
                    X509v3 Basic Constraints: critical
                        CA:TRUE
            Signature Algorithm: ecdsa-with-SHA256
            Signature Value:
                30:45:02:20:6b:...

        """;

    /// <summary>Keys and certificates made once per test run, with a fixed validity window so that nothing ages.</summary>
    private static class Fixtures
    {
        private static readonly DateTimeOffset NotBefore = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        private static readonly DateTimeOffset NotAfter = new(2035, 1, 1, 0, 0, 0, TimeSpan.Zero);
        private static readonly ECDsa RootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        private static readonly ECDsa IntermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        private static readonly RSA RsaKey = RSA.Create(2048);
        private static readonly X509Certificate2 Root = CreateRoot();

        public static readonly byte[] RootCertificate = Root.RawData;
        public static readonly byte[] IntermediateCertificate = CreateIntermediate();
        public static readonly byte[] CertificateRequest =
            new CertificateRequest("CN=workload.default.svc", IntermediateKey, HashAlgorithmName.SHA384).CreateSigningRequest();
        public static readonly byte[] Crl = new CertificateRevocationListBuilder().Build(Root, BigInteger.One, NotAfter, HashAlgorithmName.SHA256, thisUpdate: NotBefore);
        public static readonly byte[] EcPkcs8PrivateKey = RootKey.ExportPkcs8PrivateKey();
        public static readonly byte[] EcSec1PrivateKey = RootKey.ExportECPrivateKey();
        public static readonly byte[] EcPublicKey = RootKey.ExportSubjectPublicKeyInfo();
        public static readonly byte[] RsaPkcs1PrivateKey = RsaKey.ExportRSAPrivateKey();
        public static readonly byte[] EcEncryptedPkcs8PrivateKey = RootKey.ExportEncryptedPkcs8PrivateKey(
            "fixture password", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000));

        /// <summary>The bundle of several certificates a CA chain file holds.</summary>
        public static string Chain => Pem("CERTIFICATE", IntermediateCertificate) + Pem("CERTIFICATE", RootCertificate);

        /// <summary>PEM as .NET writes it (64-character lines, LF), with a final line end.</summary>
        public static string Pem(string label, byte[] data) => PemEncoding.WriteString(label, data) + "\n";

        /// <summary>
        /// A legacy OpenSSL encrypted RSA key (<c>Proc-Type</c>/<c>DEK-Info</c> headers), written
        /// by BouncyCastle, with the encrypted body it holds.
        /// </summary>
        public static (string Pem, byte[] EncryptedBody) LegacyEncryptedRsaKey()
        {
            var key = PrivateKeyFactory.CreateKey(RsaKey.ExportPkcs8PrivateKey());
            var pemObject = new MiscPemGenerator(key, "AES-128-CBC", "fixture password".ToCharArray(), new SecureRandom()).Generate();
            using var writer = new StringWriter { NewLine = "\n" };
            new Org.BouncyCastle.Utilities.IO.Pem.PemWriter(writer).WriteObject(pemObject);
            return (writer.ToString(), pemObject.Content);
        }

        private static X509Certificate2 CreateRoot()
        {
            var request = new CertificateRequest("CN=golem-test-root", RootKey, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            return request.CreateSelfSigned(NotBefore, NotAfter);
        }

        private static byte[] CreateIntermediate()
        {
            var request = new CertificateRequest("CN=golem-test-intermediate", IntermediateKey, HashAlgorithmName.SHA384);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
            using X509Certificate2 certificate = request.Create(Root, NotBefore, NotAfter, [0x01, 0x02, 0x03, 0x04]);
            return certificate.RawData;
        }
    }
}
