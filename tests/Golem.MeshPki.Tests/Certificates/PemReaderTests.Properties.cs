using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Golem.MeshPki.Certificates;

namespace Golem.MeshPki.Tests.Certificates;

public partial class PemReaderTests
{
    /// <summary>Pieces that PEM-like text is made of, so that random text reaches every branch of the reader.</summary>
    private static readonly string[] TextFragments =
    [
        "-----BEGIN ", "-----END ", "-----", "-", "CERTIFICATE", "PRIVATE KEY", "X", " ", "\t", "\n", "\r\n", "\r",
        "QUJD", "QUJDQUJD\n", "QQ==", "QUI=", "QR==", "=", "Proc-Type: 4,ENCRYPTED\n", ":", "é", "\uFEFF", "\0", "!", "\v", "\uD800",
    ];

    private static readonly string[] PropertyLabels =
    [
        "CERTIFICATE", "TRUSTED CERTIFICATE", "PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY",
        "CERTIFICATE REQUEST", "X509 CRL", "PUBLIC KEY", "DH PARAMETERS", "X",
    ];

    [Property(MaxTest = 1000)]
    public Property Any_text_reads_or_throws_CertificateFormatException_and_never_anything_else()
    {
        Gen<string> fragments = Gen.Elements(TextFragments)
            .Or(ArbMap.Default.GeneratorFor<char>().Select(c => c.ToString()))
            .ListOf()
            .Select(string.Concat);

        // Nearly well-formed blocks: a BEGIN and an END line (labels may differ) around base64-ish lines.
        Gen<string> blocks =
            from beginLabel in Gen.Elements(PropertyLabels)
            from endLabel in Gen.Elements(PropertyLabels).Or(Gen.Constant(beginLabel))
            from body in Gen.Elements(TextFragments).Or(Gen.Elements("QUJD", "QUJD", "\n", "AQID")).ListOf()
            from around in fragments
            select around + "-----BEGIN " + beginLabel + "-----\n" + string.Concat(body) + "\n-----END " + endLabel + "-----\n";

        return Prop.ForAll(Gen.OneOf(fragments, blocks, blocks.ListOf().Select(string.Concat)).ToArbitrary(), text =>
        {
            string fromChars = Outcome(() => PemReader.ReadAll(text));
            string fromBytes = Outcome(() => PemReader.ReadAll(Encoding.UTF8.GetBytes(text)));
            string fromEnumerator = Outcome(() => EnumerateAndDecode(text));
            Assert.Equal(fromChars, fromBytes);
            Assert.Equal(fromChars, fromEnumerator);
        });
    }

    [Property(MaxTest = 300)]
    public Property PemEncoding_Write_output_reads_back_equal()
    {
        Gen<(string Label, byte[] Data)> block = Gen.Elements(PropertyLabels).Zip(ArbMap.Default.GeneratorFor<byte[]>());
        Gen<(List<(string Label, byte[] Data)> Blocks, bool Crlf)> bundles = block.ListOf().Zip(ArbMap.Default.GeneratorFor<bool>());

        return Prop.ForAll(bundles.ToArbitrary(), bundle =>
        {
            string newline = bundle.Crlf ? "\r\n" : "\n";
            var text = new StringBuilder();
            int line = 1;
            var expected = new List<string>();
            foreach ((string label, byte[] data) in bundle.Blocks)
            {
                text.Append("subject=CN = example").Append(newline);
                line++;
                expected.Add(Describe(label, line, data));
                string pem = new string(PemEncoding.Write(label, data)).Replace("\n", newline, StringComparison.Ordinal);
                text.Append(pem).Append(newline);
                line += pem.Count(c => c == '\n') + 1;
            }

            Assert.Equal(expected, PemReader.ReadAll(text.ToString()).Select(b => Describe(b.LabelText, b.LineNumber, b.Data.ToArray())));
            Assert.Equal(expected, PemReader.ReadAll(Encoding.UTF8.GetBytes(text.ToString())).Select(b => Describe(b.LabelText, b.LineNumber, b.Data.ToArray())));
        });
    }

    [Property(MaxTest = 1000)]
    public Property Mutated_bundle_reads_or_throws_and_decodes_as_Convert_does()
    {
        string bundle = "# chain\r\n" + Fixtures.Chain + Fixtures.Pem("EC PRIVATE KEY", Fixtures.EcSec1PrivateKey);
        Gen<string> replacement = Gen.Elements("", "!", "-", "=", "==", " ", "\n", "\r", "A", ":", "é", "-----", "-----END X-----", "\t\t");
        Gen<string> mutated =
            from count in Gen.Choose(1, 3)
            from edits in Gen.Choose(0, bundle.Length - 1).Zip(Gen.Choose(0, 2)).Zip(replacement).ListOf(count)
            select edits.Aggregate(bundle, (text, edit) =>
            {
                int at = Math.Min(edit.Item1.Item1, text.Length);
                int removed = Math.Min(edit.Item1.Item2, text.Length - at);
                return text.Remove(at, removed).Insert(at, edit.Item2);
            });

        return Prop.ForAll(mutated.ToArbitrary(), text =>
        {
            string fromChars = Outcome(() => PemReader.ReadAll(text));
            Assert.Equal(fromChars, Outcome(() => PemReader.ReadAll(Encoding.UTF8.GetBytes(text))));

            // Every body decodes exactly when Convert.TryFromBase64Chars does, to the same bytes.
            try
            {
                var buffer = new byte[text.Length];
                foreach (EncodedPemBlock block in PemReader.EnumerateBlocks(text))
                {
                    bool convertDecodes = Convert.TryFromBase64Chars(block.Base64Data, buffer, out int convertWritten);
                    byte[] byConvert = buffer[..convertWritten];
                    string ours;
                    try
                    {
                        ours = Convert.ToHexString(block.ToPemBlock().Data.Span);
                    }
                    catch (CertificateFormatException)
                    {
                        ours = "error";
                    }

                    Assert.Equal(convertDecodes ? Convert.ToHexString(byConvert) : "error", ours);
                }
            }
            catch (CertificateFormatException)
            {
                // A broken boundary: covered by the outcomes above.
            }
        });
    }

    /// <summary>What reading gave, as text to compare: the blocks, or the line of the error. Any other exception escapes.</summary>
    private static string Outcome(Func<object> read)
    {
        try
        {
            return read() switch
            {
                IReadOnlyList<PemBlock> blocks => string.Join(" ", blocks.Select(b => Describe(b.LabelText, b.LineNumber, b.Data.ToArray()))),
                byte[] data => Convert.ToHexString(data),
                var other => other.ToString() ?? string.Empty,
            };
        }
        catch (CertificateFormatException e)
        {
            return $"error at line {e.LineNumber}";
        }
    }

    private static string EnumerateAndDecode(string text)
    {
        var read = new List<string>();
        foreach (EncodedPemBlock block in PemReader.EnumerateBlocks(text))
        {
            PemBlock decoded = block.ToPemBlock();
            read.Add(Describe(decoded.LabelText, decoded.LineNumber, decoded.Data.ToArray()));
        }

        return string.Join(" ", read);
    }

    private static string Describe(string label, int line, byte[] data) => $"{label}@{line}:{Convert.ToHexString(data)}";
}
