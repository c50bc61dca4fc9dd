using System.Security.Cryptography;
using System.Text;
using Golem.MeshPki.Certificates;
using BouncyCastlePemReader = Org.BouncyCastle.Utilities.IO.Pem.PemReader;

namespace Golem.MeshPki.Tests.Certificates;

/// <summary>
/// Differential tests on the CA bundles of the machine (Debian's ca-certificates). Where a bundle
/// is absent the test has nothing to compare and passes; xunit 2 has no runtime skip.
/// </summary>
public partial class PemReaderTests
{
    private const string SystemBundlePath = "/etc/ssl/certs/ca-certificates.crt";
    private const string MozillaDirectory = "/usr/share/ca-certificates/mozilla";

    [Fact]
    public void System_bundle_reads_as_PemEncoding_and_Convert_read_it()
    {
        if (!File.Exists(SystemBundlePath))
        {
            return;
        }

        string text = File.ReadAllText(SystemBundlePath);
        string[] lines = File.ReadAllLines(SystemBundlePath);

        IReadOnlyList<PemBlock> blocks = PemReader.ReadAll(text);

        int[] beginLines = [.. lines.Index().Where(l => l.Item.StartsWith("-----BEGIN CERTIFICATE", StringComparison.Ordinal)).Select(l => l.Index + 1)];
        Assert.NotEmpty(blocks);
        Assert.Equal(beginLines, blocks.Select(b => b.LineNumber));
        Assert.All(blocks, b => Assert.Equal(PemLabel.Certificate, b.Label));
        Assert.Equal(ReadWithPemEncoding(text), blocks.Select(b => b.Data.ToArray()));
        Assert.Equal(
            blocks.Select(b => Convert.ToHexString(b.Data.Span)),
            PemReader.ReadAll(File.ReadAllBytes(SystemBundlePath)).Select(b => Convert.ToHexString(b.Data.Span)));
    }

    [Fact]
    public void Mozilla_roots_read_as_BouncyCastle_reads_them()
    {
        if (!Directory.Exists(MozillaDirectory))
        {
            return;
        }

        string text = string.Concat(Directory.GetFiles(MozillaDirectory, "*.crt").Order(StringComparer.Ordinal).Select(File.ReadAllText));

        IReadOnlyList<PemBlock> blocks = PemReader.ReadAll(text);

        var byBouncyCastle = new List<(string, string)>();
        using (var reader = new BouncyCastlePemReader(new StringReader(text)))
        {
            while (reader.ReadPemObject() is { } pemObject)
            {
                byBouncyCastle.Add((pemObject.Type, Convert.ToHexString(pemObject.Content)));
            }
        }

        Assert.NotEmpty(blocks);
        Assert.Equal(byBouncyCastle, blocks.Select(b => (b.LabelText, Convert.ToHexString(b.Data.Span))));
    }

    [Fact]
    public void Mozilla_roots_with_CRLF_and_a_bad_character_name_the_line_of_it()
    {
        if (!Directory.Exists(MozillaDirectory))
        {
            return;
        }

        string[] lines = [.. Directory.GetFiles(MozillaDirectory, "*.crt").Order(StringComparer.Ordinal)
            .SelectMany(File.ReadAllLines)];
        int bad = Array.FindLastIndex(lines, l => l.Length == 64);
        lines[bad] = lines[bad][..32] + "%" + lines[bad][33..];

        CertificateFormatException error = Assert.Throws<CertificateFormatException>(
            () => PemReader.ReadAll(Encoding.ASCII.GetBytes(string.Join("\r\n", lines))));

        Assert.Equal(bad + 1, error.LineNumber);
        Assert.Equal("'%' is not a base64 character", error.Reason);
    }

    /// <summary>The baseline: PemEncoding.TryFind, then Convert.TryFromBase64Chars.</summary>
    private static List<byte[]> ReadWithPemEncoding(string text)
    {
        var found = new List<byte[]>();
        ReadOnlySpan<char> rest = text;
        while (PemEncoding.TryFind(rest, out PemFields fields))
        {
            var data = new byte[fields.DecodedDataLength];
            Assert.True(Convert.TryFromBase64Chars(rest[fields.Base64Data], data, out int written));
            Assert.Equal(data.Length, written);
            found.Add(data);
            rest = rest[fields.Location.End..];
        }

        return found;
    }
}
