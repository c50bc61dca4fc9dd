using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Golem.MeshPki.Certificates;
using BcPemReader = Org.BouncyCastle.Utilities.IO.Pem.PemReader;

namespace Golem.MeshPki.Benchmarks.Certificates;

/// <summary>
/// Decodes every block of the Mozilla root bundle (Debian's ca-certificates, 142 certificates
/// concatenated): <see cref="PemReader"/> against the BCL baseline (PemEncoding.TryFind, then
/// Convert.TryFromBase64Chars into a reused buffer) and BouncyCastle's PEM object reader.
/// </summary>
[MemoryDiagnoser]
public class PemDecodingBenchmarks
{
    private const string MozillaDirectory = "/usr/share/ca-certificates/mozilla";

    private string _bundle = string.Empty;
    private byte[] _buffer = [];

    /// <summary>Reads the bundle and checks that every variant decodes the same number of bytes.</summary>
    [GlobalSetup]
    public void ReadMozillaBundle()
    {
        string[] files = Directory.Exists(MozillaDirectory) ? Directory.GetFiles(MozillaDirectory, "*.crt") : [];
        if (files.Length == 0)
        {
            throw new InvalidOperationException($"No certificates in {MozillaDirectory}: install Debian's ca-certificates package.");
        }

        Array.Sort(files, StringComparer.Ordinal);
        _bundle = string.Concat(files.Select(File.ReadAllText));
        _buffer = new byte[_bundle.Length];

        int baseline = PemEncodingFindAndTryFromBase64Chars();
        int[] others = [GolemMeshPki(), GolemMeshPkiEnumerateBlocks(), BouncyCastlePemReader()];
        if (others.Any(total => total != baseline))
        {
            throw new InvalidOperationException($"Variants disagree: baseline decoded {baseline} bytes, others {string.Join(", ", others)}.");
        }
    }

    /// <summary>The BCL: PemEncoding.TryFind, then Convert.TryFromBase64Chars into a reused buffer.</summary>
    /// <returns>The number of bytes decoded.</returns>
    [Benchmark(Baseline = true)]
    public int PemEncodingFindAndTryFromBase64Chars()
    {
        int total = 0;
        ReadOnlySpan<char> rest = _bundle;
        while (PemEncoding.TryFind(rest, out PemFields fields))
        {
            if (!Convert.TryFromBase64Chars(rest[fields.Base64Data], _buffer, out int written))
            {
                throw new InvalidOperationException("PemEncoding found a block Convert cannot decode.");
            }

            total += written;
            rest = rest[fields.Location.End..];
        }

        return total;
    }

    /// <summary>PemReader.ReadAll: every block decoded into shared arrays, with label, line and location.</summary>
    /// <returns>The number of bytes decoded.</returns>
    [Benchmark]
    public int GolemMeshPki()
    {
        int total = 0;
        foreach (PemBlock block in PemReader.ReadAll(_bundle))
        {
            total += block.Data.Length;
        }

        return total;
    }

    /// <summary>PemReader.EnumerateBlocks: the same work as the baseline, decoding into a reused buffer.</summary>
    /// <returns>The number of bytes decoded.</returns>
    [Benchmark]
    public int GolemMeshPkiEnumerateBlocks()
    {
        int total = 0;
        foreach (EncodedPemBlock block in PemReader.EnumerateBlocks(_bundle))
        {
            _ = block.TryDecode(_buffer, out int written);
            total += written;
        }

        return total;
    }

    /// <summary>BouncyCastle's Utilities.IO.Pem.PemReader reading every PEM object (label, headers, content).</summary>
    /// <returns>The number of bytes decoded.</returns>
    [Benchmark]
    public int BouncyCastlePemReader()
    {
        int total = 0;
        using var reader = new BcPemReader(new StringReader(_bundle));
        while (reader.ReadPemObject() is { } pemObject)
        {
            total += pemObject.Content.Length;
        }

        return total;
    }
}
