using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Rules;
using static Golem.MeshPki.Packaging.CaCertsFileNames;

namespace Golem.MeshPki.Packaging;

/// <summary>
/// Reads the files of a <c>cacerts</c> bundle the way istiod does, and says in findings what istiod
/// would refuse or ignore. See <see cref="CaCertsBundle"/> for the rules and their sources.
/// </summary>
internal sealed class CaCertsBundleLoader
{
    /// <summary>The only label Go's <c>x509.CertPool.AppendCertsFromPEM</c> and <c>tls.X509KeyPair</c> read certificates from.</summary>
    private const string CertificateLabel = "CERTIFICATE";

    private const string IstioLayoutName = "Istio layout (ca-cert.pem, ca-key.pem, cert-chain.pem, root-cert.pem)";
    private const string CertManagerLayoutName = "cert-manager layout (tls.crt, tls.key, ca.crt)";

    private static readonly string[] IstioKeys = [CaCert, CaKey, CertChain, RootCert, CaCrl];
    private static readonly string[] CertManagerKeys = [TlsCert, TlsKey, CaCrt];

    private readonly BundleFiles _files;
    private readonly List<Finding> _findings = [];

    private CaCertsBundleLoader(BundleFiles files) => _files = files;

    /// <summary>Reads a bundle; never throws for bad content.</summary>
    /// <param name="files">Where the files come from.</param>
    /// <returns>The bundle, with a finding for everything istiod would refuse or ignore.</returns>
    public static CaCertsBundle Load(BundleFiles files) => new CaCertsBundleLoader(files).Load();

    private CaCertsBundle Load()
    {
        // istio/istio pilot/pkg/bootstrap/istio_ca.go, detectSigningCABundle: if os.Stat(tls.crt) succeeds
        // (the file exists, even empty), the kubernetes.io/tls keys are used: SigningCertFile tls.crt,
        // SigningKeyFile tls.key, RootCertFile ca.crt, CertChainFiles [tls.crt, ca.crt]. Otherwise the
        // Istio keys: ca-cert.pem, ca-key.pem, root-cert.pem, CertChainFiles [cert-chain.pem], and the
        // CRL file ca-crl.pem when present. The CRL is looked for in the Istio layout only
        // (detectSigningCABundleAndCRL, behind a CA CRL feature flag that is on by default; checked in the
        // copy of this code in apache/dubbo-kubernetes, as the index held no istio/istio version with it).
        bool certManager = _files.Exists(TlsCert);
        ReportBothLayouts(certManager);
        return certManager ? LoadCertManagerLayout() : LoadIstioLayout();
    }

    private CaCertsBundle LoadIstioLayout()
    {
        // checkCABundleCompleteness (istio_ca.go) needs the key, the signing cert, the root cert and a chain
        // file; from Istio 1.27 a bundle with only some of them stops istiod ("incomplete signing CA bundle").
        _ = ReadCertificates(CaCert, IstioLayoutName, firstIsCaCertificate: true, onlyFirstBlock: true, out BundleCertificate? caCertificate);
        CaPrivateKey? key = ReadPrivateKey(CaKey, IstioLayoutName);
        List<BundleCertificate> chain = ReadCertificates(CertChain, IstioLayoutName, firstIsCaCertificate: false, onlyFirstBlock: false, out _);
        List<BundleCertificate> roots = ReadCertificates(RootCert, IstioLayoutName, firstIsCaCertificate: false, onlyFirstBlock: false, out _);
        List<BundleCrl> crls = ReadCrls(CaCrl);
        return new CaCertsBundle(CaCertsLayout.Istio, _files.SourceName, caCertificate, key, chain, roots, crls, _findings);
    }

    private CaCertsBundle LoadCertManagerLayout()
    {
        // The CA certificate is the first block of tls.crt (util.ParsePemEncodedCertificate reads one block);
        // the chain is tls.crt followed by ca.crt (the chain files' bytes are concatenated, keycertbundle.go
        // NewVerifiedKeyCertBundleFromFile); ca.crt is the root bundle. ca.crt is read once and its
        // certificates are the same objects in both lists.
        List<BundleCertificate> tlsCertificates = ReadCertificates(TlsCert, CertManagerLayoutName, firstIsCaCertificate: true, onlyFirstBlock: false, out BundleCertificate? caCertificate);
        CaPrivateKey? key = ReadPrivateKey(TlsKey, CertManagerLayoutName);
        List<BundleCertificate> roots = ReadCertificates(CaCrt, CertManagerLayoutName, firstIsCaCertificate: false, onlyFirstBlock: false, out _);
        List<BundleCertificate> chain = [.. tlsCertificates, .. roots];
        return new CaCertsBundle(CaCertsLayout.CertManager, _files.SourceName, caCertificate, key, chain, roots, [], _findings);
    }

    private void ReportBothLayouts(bool certManager)
    {
        string[] istioPresent = Array.FindAll(IstioKeys, _files.Exists);
        string[] certManagerPresent = Array.FindAll(CertManagerKeys, _files.Exists);
        if (istioPresent.Length == 0 || certManagerPresent.Length == 0)
        {
            return;
        }

        string message = certManager
            ? $"{Capitalized(_files.Origin)} has keys of both layouts: istiod uses the {CertManagerLayoutName} because '{TlsCert}' is present, and ignores {QuoteList(istioPresent)}."
            : $"{Capitalized(_files.Origin)} has keys of both layouts: istiod uses the {IstioLayoutName} because '{TlsCert}' is absent, and ignores {QuoteList(certManagerPresent)}.";
        _findings.Add(new Finding(RuleCatalog.BothLayoutsPresent, message, _files.SourceName));
    }

    /// <summary>
    /// Reads the certificates of a file, as Go's <c>AppendCertsFromPEM</c> does: only blocks labelled
    /// <c>CERTIFICATE</c> without headers. With <paramref name="onlyFirstBlock"/> (ca-cert.pem) only the first
    /// block is read, as <c>util.ParsePemEncodedCertificate</c> does.
    /// </summary>
    /// <param name="key">The file.</param>
    /// <param name="layoutName">The layout that needs it, for messages.</param>
    /// <param name="firstIsCaCertificate">Whether the first block is the CA certificate (ca-cert.pem, tls.crt).</param>
    /// <param name="onlyFirstBlock">Whether only the first block matters (ca-cert.pem).</param>
    /// <param name="first">The certificate of the file's first block when it is one, else null.</param>
    /// <returns>The certificates read, in file order.</returns>
    private List<BundleCertificate> ReadCertificates(string key, string layoutName, bool firstIsCaCertificate, bool onlyFirstBlock, out BundleCertificate? first)
    {
        first = null;
        var certificates = new List<BundleCertificate>();
        IReadOnlyList<PemBlock>? blocks = ReadBlocks(key, layoutName, required: true);
        if (blocks is null)
        {
            return certificates;
        }

        try
        {
            if (!blocks.Any(IsCertificate))
            {
                Report(RuleCatalog.BundleMaterialMissingOrUnreadable, $"{Where(key)} holds no {CertificateLabel} block (found {DescribeLabels(blocks)}).", FileSource(key));
                return certificates;
            }

            for (int i = 0; i < (onlyFirstBlock ? 1 : blocks.Count); i++)
            {
                PemBlock block = blocks[i];
                int index = i + 1;
                if (!IsCertificate(block))
                {
                    ReportNotCertificate(key, block, index, isCaCertificateBlock: i == 0 && firstIsCaCertificate);
                    continue;
                }

                DerCertificate certificate;
                try
                {
                    certificate = DerCertificate.Parse(block.Data);
                }
                catch (CertificateFormatException exception)
                {
                    Report(
                        RuleCatalog.BundleMaterialMissingOrUnreadable,
                        Invariant($"Block {index} of {WhereLower(key)} ({CertificateLabel} at line {block.LineNumber}) is not a valid certificate: {exception.Message}"),
                        BlockSource(key, index));
                    continue;
                }

                var bundleCertificate = new BundleCertificate(certificate, key, BlockSource(key, index), index, block.LineNumber);
                if (i == 0 && firstIsCaCertificate)
                {
                    first = bundleCertificate;
                }

                certificates.Add(bundleCertificate);
            }

            return certificates;
        }
        finally
        {
            ZeroPrivateKeys(blocks);
        }
    }

    private void ReportNotCertificate(string key, PemBlock block, int index, bool isCaCertificateBlock)
    {
        string what = DescribeBlock(block);
        if (isCaCertificateBlock)
        {
            // util.ParsePemEncodedCertificate decodes the first PEM block, whatever its label, as the CA certificate.
            Report(
                RuleCatalog.BundleMaterialMissingOrUnreadable,
                Invariant($"The first PEM block of {WhereLower(key)} is {what} at line {block.LineNumber}, not a certificate; istiod reads the CA certificate from the first block only."),
                BlockSource(key, index));
            return;
        }

        if (block.IsPrivateKey)
        {
            Report(
                RuleCatalog.BundleMaterialMissingOrUnreadable,
                Invariant($"Block {index} of {WhereLower(key)} is a private key ({what} at line {block.LineNumber}), which must not be in a certificate file; istiod skips it."),
                BlockSource(key, index));
            return;
        }

        // Harmless for istiod, which skips it, but not what the file should hold: a warning.
        Report(
            RuleCatalog.BundleMaterialMissingOrUnreadable,
            Invariant($"Block {index} of {WhereLower(key)} is {what} at line {block.LineNumber}; istiod reads only '{CertificateLabel}' blocks without headers, and skips it."),
            BlockSource(key, index),
            RuleSeverity.Warning);
    }

    /// <summary>
    /// Reads the CA key as istiod does: <c>util.ParsePemEncodedKey</c> decodes the first PEM block and accepts
    /// <c>RSA PRIVATE KEY</c>, <c>EC PRIVATE KEY</c> and <c>PRIVATE KEY</c> (PKCS #8) only.
    /// </summary>
    private CaPrivateKey? ReadPrivateKey(string key, string layoutName)
    {
        IReadOnlyList<PemBlock>? blocks = ReadBlocks(key, layoutName, required: true);
        if (blocks is null)
        {
            return null;
        }

        try
        {
            var keyBlocks = new List<int>();
            for (int i = 0; i < blocks.Count; i++)
            {
                if (blocks[i].IsPrivateKey)
                {
                    keyBlocks.Add(i);
                }
            }

            if (keyBlocks.Count == 0)
            {
                Report(RuleCatalog.BundleMaterialMissingOrUnreadable, $"{Where(key)} holds no private key block (found {DescribeLabels(blocks)}).", FileSource(key));
                return null;
            }

            int blockIndex = keyBlocks[0];
            PemBlock block = blocks[blockIndex];
            int index = blockIndex + 1;
            if (blockIndex != 0)
            {
                Report(
                    RuleCatalog.BundleMaterialMissingOrUnreadable,
                    Invariant($"The first PEM block of {WhereLower(key)} is {DescribeBlock(blocks[0])} at line {blocks[0].LineNumber}, not a private key; istiod reads the key from the first block only."),
                    BlockSource(key, 1));
            }

            if (keyBlocks.Count > 1)
            {
                string lines = string.Join(", ", keyBlocks.Select(i => blocks[i].LineNumber.ToString(CultureInfo.InvariantCulture)));
                Report(
                    RuleCatalog.BundleMaterialMissingOrUnreadable,
                    Invariant($"{Where(key)} holds {keyBlocks.Count} private keys, at lines {lines}; istiod reads only the first PEM block, so a bundle holds exactly one key."),
                    FileSource(key));
            }

            if (block.HasEncapsulatedHeaders || block.Label == PemLabel.EncryptedPrivateKey)
            {
                Report(
                    RuleCatalog.BundleMaterialMissingOrUnreadable,
                    Invariant($"Block {index} of {WhereLower(key)} is an encrypted private key ({DescribeBlock(block)} at line {block.LineNumber}); istiod cannot decrypt it."),
                    BlockSource(key, index));
            }
            else if (block.Label is not (PemLabel.PrivateKey or PemLabel.RsaPrivateKey or PemLabel.EcPrivateKey))
            {
                Report(
                    RuleCatalog.BundleMaterialMissingOrUnreadable,
                    Invariant($"Block {index} of {WhereLower(key)} is {DescribeBlock(block)} at line {block.LineNumber}; istiod reads only 'RSA PRIVATE KEY', 'EC PRIVATE KEY' and 'PRIVATE KEY' blocks."),
                    BlockSource(key, index));
            }

            if (!PrivateKeyIdentity.TryRead(block, out PrivateKeyIdentity? identity))
            {
                Report(
                    RuleCatalog.BundleMaterialMissingOrUnreadable,
                    Invariant($"Block {index} of {WhereLower(key)} ({DescribeBlock(block)} at line {block.LineNumber}) is not a valid private key of that kind."),
                    BlockSource(key, index));
                return null;
            }

            return new CaPrivateKey(identity, key, BlockSource(key, index), index, block.LineNumber);
        }
        finally
        {
            ZeroPrivateKeys(blocks);
        }
    }

    /// <summary>
    /// Keeps the <c>X509 CRL</c> blocks of the optional ca-crl.pem. istiod parses every block of the file as a CRL
    /// (keycertbundle.go Verify), so another block is an error; an empty file means no CRL.
    /// </summary>
    private List<BundleCrl> ReadCrls(string key)
    {
        var crls = new List<BundleCrl>();
        IReadOnlyList<PemBlock>? blocks = ReadBlocks(key, layoutName: null, required: false);
        if (blocks is null)
        {
            return crls;
        }

        try
        {
            for (int i = 0; i < blocks.Count; i++)
            {
                PemBlock block = blocks[i];
                int index = i + 1;
                if (block.Label == PemLabel.Crl && !block.HasEncapsulatedHeaders)
                {
                    crls.Add(new BundleCrl(block.Data, key, BlockSource(key, index), index, block.LineNumber));
                }
                else
                {
                    Report(
                        RuleCatalog.BundleMaterialMissingOrUnreadable,
                        Invariant($"Block {index} of {WhereLower(key)} is {DescribeBlock(block)} at line {block.LineNumber}, not an 'X509 CRL'; istiod fails to load a CRL file with other blocks."),
                        BlockSource(key, index));
                }
            }

            return crls;
        }
        finally
        {
            ZeroPrivateKeys(blocks);
        }
    }

    /// <summary>Reads and decodes a file's PEM blocks; reports and returns null when it is missing, unreadable, empty or not PEM.</summary>
    /// <param name="key">The file.</param>
    /// <param name="layoutName">The layout that needs it; null for an optional file.</param>
    /// <param name="required">Whether a missing or empty file is a finding.</param>
    private IReadOnlyList<PemBlock>? ReadBlocks(string key, string? layoutName, bool required)
    {
        if (!_files.Exists(key))
        {
            if (required)
            {
                Report(
                    RuleCatalog.BundleMaterialMissingOrUnreadable,
                    $"{Where(key)} is missing; the {layoutName} needs it, and istiod refuses a signing CA bundle with files missing (before Istio 1.27 it fell back silently to its self-signed CA).",
                    FileSource(key));
            }

            return null;
        }

        if (!_files.TryRead(key, out ReadOnlyMemory<byte> content, out bool owned, out string? error))
        {
            Report(RuleCatalog.BundleMaterialMissingOrUnreadable, $"{Where(key)} cannot be read: {error}.", FileSource(key));
            return null;
        }

        try
        {
            if (content.Span.Trim(" \t\r\n"u8).IsEmpty)
            {
                if (required)
                {
                    Report(RuleCatalog.BundleMaterialMissingOrUnreadable, $"{Where(key)} is empty; it must hold {Contents(key)} in PEM.", FileSource(key));
                }

                return null;
            }

            if (!PemReader.LooksLikePem(content.Span))
            {
                // istiod decodes every file with Go's pem.Decode: DER or other text is not read.
                Report(RuleCatalog.BundleMaterialMissingOrUnreadable, $"{Where(key)} holds no PEM block; istiod reads {Contents(key)} only from PEM.", FileSource(key));
                return null;
            }

            try
            {
                return PemReader.ReadAll(content.Span);
            }
            catch (CertificateFormatException exception)
            {
                Report(
                    RuleCatalog.BundleMaterialMissingOrUnreadable,
                    Invariant($"{Where(key)} is not valid PEM at line {exception.LineNumber}: {exception.Reason}."),
                    FileSource(key));
                return null;
            }
        }
        finally
        {
            if (owned)
            {
                // The text of a PEM key is as secret as its DER; the decoded blocks no longer need it.
                CryptographicOperations.ZeroMemory(MemoryMarshal.AsMemory(content).Span);
            }
        }
    }

    /// <summary>Zeroes the decoded bytes of every private key block: the arrays are this loader's, from <see cref="PemReader"/>.</summary>
    private static void ZeroPrivateKeys(IReadOnlyList<PemBlock> blocks)
    {
        foreach (PemBlock block in blocks)
        {
            if (block.IsPrivateKey)
            {
                CryptographicOperations.ZeroMemory(MemoryMarshal.AsMemory(block.Data).Span);
            }
        }
    }

    private static bool IsCertificate(PemBlock block) =>
        block.LabelText == CertificateLabel && !block.HasEncapsulatedHeaders;

    private static string DescribeBlock(PemBlock block)
    {
        // "an 'EC PRIVATE KEY' block", "an 'RSA PRIVATE KEY' block", "a 'CERTIFICATE' block": the article as the label is read aloud.
        string label = block.LabelText;
        string article = label.Length > 0 && ("AEIOU".Contains(label[0], StringComparison.Ordinal) || label.StartsWith("RSA", StringComparison.Ordinal) || label.StartsWith("X509", StringComparison.Ordinal))
            ? "an"
            : "a";
        return block.HasEncapsulatedHeaders ? $"{article} '{label}' block with RFC 1421 headers" : $"{article} '{label}' block";
    }

    private static string DescribeLabels(IReadOnlyList<PemBlock> blocks) =>
        string.Join(", ", blocks.Select(block => "'" + block.LabelText + "'").Distinct(StringComparer.Ordinal));

    private static string Contents(string key) => key switch
    {
        CaCert => "the CA certificate",
        CaKey or TlsKey => "the CA private key",
        CertChain => "the chain from the CA certificate up to the root",
        RootCert => "the root certificates",
        TlsCert => "the CA certificate and its intermediates",
        CaCrt => "the root certificate",
        _ => "certificate revocation lists",
    };

    private string Where(string key) => $"{_files.Noun} '{key}' {_files.Preposition} {_files.Origin}";

    private string WhereLower(string key) => $"{_files.Noun.ToLowerInvariant()} '{key}' {_files.Preposition} {_files.Origin}";

    private string FileSource(string key) => CaCertsBundle.ComposeSource(_files.SourceName, key);

    private string BlockSource(string key, int index) => Invariant($"{FileSource(key)}#{index}");

    private void Report(RuleDescriptor rule, string message, string source, RuleSeverity? severity = null)
    {
        var finding = new Finding(rule, message, source);
        _findings.Add(severity is { } configured ? finding.WithSeverity(configured) : finding);
    }

    private static string QuoteList(string[] keys) => string.Join(", ", keys.Select(key => "'" + key + "'"));

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
