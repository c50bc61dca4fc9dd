using System.Security.Cryptography;

namespace Golem.MeshPki.Benchmarks.Corpus;

/// <summary>
/// The benchmark corpus: the Mozilla root certificates that Debian's <c>ca-certificates</c>
/// package installs, one PEM certificate per <c>.crt</c> file. Real certificates, so that the
/// mix of RSA and EC keys, name shapes and extensions is the one production code meets.
/// </summary>
/// <remarks>
/// The size of the corpus depends on the installed <c>ca-certificates</c> version, so
/// benchmarks report time per corpus and <see cref="PerCertificateColumn"/> divides by
/// <see cref="CertificateCount"/>. Files are read in ordinal order of their names, so every
/// run and every variant sees the same bytes in the same order.
/// </remarks>
public static class MozillaCorpus
{
    /// <summary>Where Debian's <c>ca-certificates</c> puts the Mozilla bundle, one file per root.</summary>
    public const string Directory = "/usr/share/ca-certificates/mozilla";

    private static readonly Lazy<int> LazyCertificateCount = new(() => LoadCertificates().Length);

    /// <summary>How many certificates <see cref="LoadCertificates"/> returns on this machine.</summary>
    /// <exception cref="InvalidOperationException">The corpus is not installed.</exception>
    public static int CertificateCount => LazyCertificateCount.Value;

    /// <summary>The <c>.crt</c> files of the corpus, in ordinal order of their names.</summary>
    /// <returns>Full paths; never empty.</returns>
    /// <exception cref="InvalidOperationException">The corpus is not installed.</exception>
    public static string[] GetFiles()
    {
        string[] files = System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory, "*.crt")
            : [];
        if (files.Length == 0)
        {
            throw new InvalidOperationException(
                $"The benchmark corpus is missing: no *.crt file in '{Directory}'. Install Debian's ca-certificates package (apt-get install ca-certificates).");
        }

        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    /// <summary>The PEM text of every corpus file, as read from disk.</summary>
    /// <returns>One string per file, in <see cref="GetFiles"/> order.</returns>
    /// <exception cref="InvalidOperationException">The corpus is not installed.</exception>
    public static string[] LoadPemTexts() => Array.ConvertAll(GetFiles(), File.ReadAllText);

    /// <summary>
    /// The DER encoding of every certificate in the corpus, decoded with .NET's
    /// <see cref="PemEncoding"/> so that the corpus does not depend on the reader under test.
    /// </summary>
    /// <returns>One array per certificate, in file order.</returns>
    /// <exception cref="InvalidOperationException">The corpus is not installed, or a file holds no certificate.</exception>
    public static byte[][] LoadCertificates()
    {
        var certificates = new List<byte[]>();
        foreach (string file in GetFiles())
        {
            string text = File.ReadAllText(file);
            int before = certificates.Count;
            ReadOnlySpan<char> rest = text;
            while (PemEncoding.TryFind(rest, out PemFields fields))
            {
                if (rest[fields.Label].SequenceEqual("CERTIFICATE"))
                {
                    certificates.Add(Convert.FromBase64String(rest[fields.Base64Data].ToString()));
                }

                rest = rest[fields.Location.End..];
            }

            if (certificates.Count == before)
            {
                throw new InvalidOperationException($"The corpus file '{file}' holds no CERTIFICATE block.");
            }
        }

        return [.. certificates];
    }
}
