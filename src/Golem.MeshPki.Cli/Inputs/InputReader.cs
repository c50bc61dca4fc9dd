using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Packaging;

namespace Golem.MeshPki.Cli.Inputs;

/// <summary>
/// Reads one input's bytes and hands every certificate, private key and error to a sink, routing by
/// content: a Kubernetes Secret manifest (YAML or JSON), else PEM, else DER (one certificate or
/// several concatenated).
/// </summary>
/// <remarks>
/// <para>
/// Names: a file's certificates are <c>&lt;path&gt;#&lt;index&gt;</c>, the index counting certificates
/// (0-based) in that file; private keys have their own count, so <c>tls.pem#0</c> can be both the first
/// certificate and the first key. A Secret's data key is read as an input of its own named
/// <c>&lt;path&gt;:&lt;secret name&gt;/&lt;data key&gt;</c>, so its first certificate is
/// <c>cacerts.yaml:cacerts/ca-cert.pem#0</c>.
/// </para>
/// <para>
/// Data keys whose name ends in <c>key</c> before the extension (<c>ca-key.pem</c>, <c>tls.key</c>)
/// hold private keys: DER there is read as a key, not as a certificate. Every decoded private key
/// is zeroed once the sink has seen it.
/// </para>
/// </remarks>
internal sealed class InputReader(IInputSink sink)
{
    private const string NothingFound = "no certificate or private key found";

    /// <summary>Reads one file's (or standard input's) bytes.</summary>
    /// <param name="sourceName">The input's name.</param>
    /// <param name="content">The bytes; private key material in it is zeroed when this returns.</param>
    public void Read(string sourceName, Memory<byte> content)
    {
        try
        {
            if (IsBlank(content.Span))
            {
                sink.OnError(sourceName, $"{NothingFound}: the input is empty.");
            }
            else if (SecretManifestReader.LooksLikeManifest(content.Span))
            {
                ReadManifest(sourceName, content);
            }
            else
            {
                ReadMaterial(sourceName, content, holdsKey: NameSaysPrivateKey(Path.GetFileName(sourceName)), out _);
            }
        }
        finally
        {
            // The text of a PEM key is as secret as its DER.
            CryptographicOperations.ZeroMemory(content.Span);
        }
    }

    /// <summary>Whether a file or data key name says it holds a private key: <c>tls.key</c>, <c>ca-key.pem</c>, <c>key.der</c>.</summary>
    /// <param name="name">A file name or Secret data key.</param>
    /// <returns>True when the name ends in <c>key</c>, before any extension.</returns>
    internal static bool NameSaysPrivateKey(string name) =>
        name.EndsWith("key", StringComparison.OrdinalIgnoreCase)
        || Path.GetFileNameWithoutExtension(name).EndsWith("key", StringComparison.OrdinalIgnoreCase);

    private void ReadManifest(string sourceName, Memory<byte> content)
    {
        SecretManifestReadResult manifest;
        try
        {
            manifest = SecretManifestReader.Read(content.Span, sourceName);
        }
        catch (ManifestFormatException exception)
        {
            sink.OnError(sourceName, string.Create(
                CultureInfo.InvariantCulture,
                $"Malformed Kubernetes manifest at line {exception.Line}, column {exception.Column}: {exception.Reason}."));
            return;
        }

        if (manifest.Secrets.Count == 0)
        {
            string[] kinds = [.. manifest.Skipped.Select(static skipped => skipped.Kind).OfType<string>().Distinct(StringComparer.Ordinal)];
            sink.OnError(sourceName, kinds.Length == 0
                ? $"{NothingFound}: the manifest has no Kubernetes Secret."
                : $"{NothingFound}: the manifest has no Kubernetes Secret (found {string.Join(", ", kinds)}).");
            return;
        }

        foreach (SecretManifest secret in manifest.Secrets)
        {
            string secretName = secret.Name ?? string.Create(CultureInfo.InvariantCulture, $"(unnamed, document {secret.DocumentIndex})");
            int found = 0;
            try
            {
                foreach (SecretDataEntry entry in secret.Entries)
                {
                    // An empty value (kubectl shows `ca.crt: ""`) has nothing to read and nothing wrong.
                    if (entry.Value.IsEmpty)
                    {
                        continue;
                    }

                    ReadMaterial($"{sourceName}:{secretName}/{entry.Key}", AsWritable(entry.Value), NameSaysPrivateKey(entry.Key), out int entryFound);
                    found += entryFound;
                }
            }
            finally
            {
                foreach (SecretDataEntry entry in secret.Entries)
                {
                    CryptographicOperations.ZeroMemory(AsWritable(entry.Value).Span);
                }
            }

            if (found == 0 && secret.Entries.All(entry => entry.Value.IsEmpty))
            {
                sink.OnError($"{sourceName}:{secretName}", $"{NothingFound}: the Secret has no data.");
            }
        }
    }

    /// <summary>Reads PEM or DER material; <paramref name="found"/> counts the certificates and keys handed to the sink.</summary>
    private void ReadMaterial(string sourceName, Memory<byte> content, bool holdsKey, out int found)
    {
        found = 0;
        if (PemReader.LooksLikePem(content.Span))
        {
            ReadPem(sourceName, content, ref found);
        }
        else if (holdsKey)
        {
            found++;
            sink.OnPrivateKey(sourceName + "#0", new PrivateKeyMaterial("DER", content, 0, null));
        }
        else if (content.Span[0] != 0x30)
        {
            // Every DER certificate starts with a SEQUENCE (X.690 8.9); anything else is not one.
            sink.OnError(sourceName, $"{NothingFound}: the input is not PEM, DER or a Kubernetes Secret manifest.");
        }
        else
        {
            ReadDer(sourceName, content, ref found);
        }
    }

    private void ReadPem(string sourceName, Memory<byte> content, ref int found)
    {
        IReadOnlyList<PemBlock> blocks;
        try
        {
            blocks = PemReader.ReadAll(content.Span);
        }
        catch (CertificateFormatException exception)
        {
            sink.OnError(sourceName, exception.Message);
            return;
        }

        int certificates = 0;
        int keys = 0;
        var otherLabels = new List<string>();
        try
        {
            foreach (PemBlock block in blocks)
            {
                if (block.Label == PemLabel.Certificate)
                {
                    string name = Indexed(sourceName, certificates++);
                    found++;
                    ReadPemCertificate(name, block);
                }
                else if (block.IsPrivateKey)
                {
                    string name = Indexed(sourceName, keys++);
                    found++;
                    sink.OnPrivateKey(name, new PrivateKeyMaterial(block.LabelText, block.Data, block.LineNumber, block));
                }
                else if (!otherLabels.Contains(block.LabelText))
                {
                    otherLabels.Add(block.LabelText);
                }
            }
        }
        finally
        {
            // Zeroed here only, once: this also covers the blocks after one whose sink call threw.
            foreach (PemBlock block in blocks)
            {
                if (block.IsPrivateKey)
                {
                    CryptographicOperations.ZeroMemory(AsWritable(block.Data).Span);
                }
            }
        }

        if (found == 0)
        {
            sink.OnError(sourceName, otherLabels.Count == 0
                ? $"{NothingFound}: the input has no PEM block."
                : $"{NothingFound}: the input has only {string.Join(", ", otherLabels)} PEM blocks.");
        }
    }

    private void ReadPemCertificate(string name, PemBlock block)
    {
        try
        {
            // OpenSSL's TRUSTED CERTIFICATE is the certificate followed by its trust settings.
            DerCertificate certificate = block.LabelText == "TRUSTED CERTIFICATE"
                ? DerCertificate.Parse(block.Data, out _)
                : DerCertificate.Parse(block.Data);
            sink.OnCertificate(name, certificate);
        }
        catch (CertificateFormatException exception)
        {
            sink.OnError(name, string.Create(CultureInfo.InvariantCulture, $"{block.LabelText} at line {block.LineNumber}: {exception.Message}"));
        }
    }

    private void ReadDer(string sourceName, Memory<byte> content, ref int found)
    {
        // Several DER certificates written back to back (cat a.der b.der) read one after another.
        int offset = 0;
        int index = 0;
        while (offset < content.Length)
        {
            string name = Indexed(sourceName, index);
            try
            {
                DerCertificate certificate = DerCertificate.Parse(content[offset..], out int consumed);
                sink.OnCertificate(name, certificate);
                found++;
                offset += consumed;
                index++;
            }
            catch (CertificateFormatException exception)
            {
                sink.OnError(name, offset == 0
                    ? exception.Message
                    : string.Create(CultureInfo.InvariantCulture, $"DER certificate starting at byte {offset}: {exception.Message}"));
                return;
            }
        }
    }

    private static string Indexed(string sourceName, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{sourceName}#{index}");

    private static bool IsBlank(ReadOnlySpan<byte> content) =>
        content.TrimStart(" \t\r\n"u8).IsEmpty;

    /// <summary>
    /// The readers hand out read-only memory over arrays this reader owns (the input it read, the
    /// arrays PEM and base64 were decoded into); zeroing key material needs them writable.
    /// </summary>
    private static Memory<byte> AsWritable(ReadOnlyMemory<byte> memory) => MemoryMarshal.AsMemory(memory);
}
