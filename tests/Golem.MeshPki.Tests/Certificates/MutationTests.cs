using System.Formats.Asn1;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Golem.MeshPki.Certificates;
using Xunit.Abstractions;

namespace Golem.MeshPki.Tests.Certificates;

/// <summary>
/// Mutation test of <see cref="DerCertificate.Parse(ReadOnlyMemory{byte})"/>: on any input whatsoever the reader returns
/// or throws <see cref="CertificateFormatException"/>, and a certificate it returns answers every accessor without throwing.
/// </summary>
/// <remarks>
/// <para>
/// Seeds are the Mozilla roots Debian ships (<c>/usr/share/ca-certificates/mozilla</c>) and four certificates made here
/// with <see cref="CertificateRequest"/>, so the test has seeds without the corpus. Each family of mutation is one theory
/// case with its own quota; together they exceed 100,000 inputs.
/// </para>
/// <para>
/// Mutations are drawn from a <see cref="Random"/> seeded per family and certificate. A failure prints that seed, the
/// mutation and the mutated bytes in hex: the bytes reproduce it on their own, whatever the generated keys were.
/// </para>
/// </remarks>
public sealed class MutationTests(ITestOutputHelper output)
{
    /// <summary>The base of every family's <see cref="Random"/> seed; printed in every failure.</summary>
    private const int BaseSeed = 20_250_611;

    /// <summary>How many failures a case prints in full before it only counts them.</summary>
    private const int FailuresShown = 5;

    /// <summary>The families of mutation; one theory case each so that a failure names its family.</summary>
    public enum Family
    {
        /// <summary>One bit flipped anywhere.</summary>
        BitFlip,

        /// <summary>One byte replaced with 0x00, 0xFF, 0x80 or a random value.</summary>
        ByteReplacement,

        /// <summary>Cut at every TLV boundary and at random points; contents cut short with enclosing lengths repaired.</summary>
        Truncation,

        /// <summary>Length octets edited: +/-1, zero, indefinite, non-minimal, huge, too many octets.</summary>
        LengthEdit,

        /// <summary>A tag replaced with a plausible or random one, or the tags of two elements swapped.</summary>
        TagSwap,

        /// <summary>A byte inserted or deleted, raw or with the enclosing lengths repaired.</summary>
        InsertDelete,

        /// <summary>An extension duplicated, dropped or moved.</summary>
        ExtensionSurgery,

        /// <summary>Bytes appended after the certificate or at the end of an element's contents.</summary>
        TrailingData,
    }

    /// <summary>What a mutation must do to the reader's answer, beyond returning or throwing <see cref="CertificateFormatException"/>.</summary>
    internal enum Expectation
    {
        /// <summary>Either outcome is fine.</summary>
        Either,

        /// <summary>The reader must reject the input.</summary>
        Rejected,

        /// <summary>The reader must accept the input.</summary>
        Parsed,

        /// <summary>Only signatureValue bytes changed: the reader does not verify signatures, so every other field reads the same.</summary>
        SameFieldsExceptSignature,

        /// <summary>The seed followed by other bytes: <c>Parse(data)</c> rejects at the seed's end, <c>Parse(data, out consumed)</c> reads the seed.</summary>
        TrailingDataAfterSeed,
    }

    [Theory]
    [InlineData(Family.BitFlip, 25_000)]
    [InlineData(Family.ByteReplacement, 20_000)]
    [InlineData(Family.Truncation, 15_000)]
    [InlineData(Family.LengthEdit, 20_000)]
    [InlineData(Family.TagSwap, 10_000)]
    [InlineData(Family.InsertDelete, 10_000)]
    [InlineData(Family.ExtensionSurgery, 2_000)]
    [InlineData(Family.TrailingData, 3_000)]
    public void Mutated_certificates_are_read_or_rejected_with_CertificateFormatException(Family family, int quota)
    {
        SeedCorpus corpus = SeedCorpus.Instance;
        corpus.WriteNotes(output);
        List<Seed> seeds = [.. corpus.Seeds.Where(seed => family != Family.ExtensionSurgery || seed.Layout.Extensions.Count > 0)];
        Assert.NotEmpty(seeds);

        int perSeed = (quota + seeds.Count - 1) / seeds.Count;
        var tally = new Tally(family);
        for (int index = 0; index < seeds.Count; index++)
        {
            int randomSeed = BaseSeed + ((int)family * 100_003) + index;
            var random = new Random(randomSeed);
            foreach (Mutant mutant in Mutate(family, seeds[index], random, perSeed))
            {
                tally.Check(seeds[index], randomSeed, mutant);
            }
        }

        output.WriteLine(tally.ToString());
        Assert.True(tally.FailureCount == 0, tally.FailureReport());
        Assert.True(tally.Inputs >= quota, $"{family}: {tally.Inputs} mutated inputs, fewer than the quota of {quota}.");

        // Both outcomes must occur, or the family tests nothing (every input rejected at byte 0, say).
        Assert.True(tally.Parsed > 0, $"{family}: no mutated input parsed, so the accessors were never exercised. {tally}");
        Assert.True(tally.Rejected > 0, $"{family}: no mutated input was rejected. {tally}");
        if (family is Family.BitFlip or Family.ByteReplacement)
        {
            Assert.True(tally.SignatureOnly > 0, $"{family}: no mutation landed in signatureValue. {tally}");
        }
    }

    [Fact]
    public void Every_seed_certificate_parses_and_its_layout_is_found()
    {
        SeedCorpus corpus = SeedCorpus.Instance;
        corpus.WriteNotes(output);
        Assert.True(corpus.Seeds.Count >= 4, $"only {corpus.Seeds.Count} seeds");
        foreach (Seed seed in corpus.Seeds)
        {
            Assert.True(seed.Layout.SignatureValue >= 0, $"{seed.Name}: signatureValue not found");
            Assert.True(seed.Layout.Issuer >= 0 && seed.Layout.Subject >= 0, $"{seed.Name}: issuer or subject not found");
            Assert.Equal(DerCertificate.Parse(seed.Der).Signature.Length, seed.Layout.SignatureBytes.End - seed.Layout.SignatureBytes.Start);
        }

        // The generated seeds carry what the accessors have to show.
        Seed workload = corpus.Seeds.Single(seed => seed.Name == "generated/p256-spiffe-workload");
        Assert.Contains("san Uri URI:spiffe://cluster.local/ns/default/sa/workload", workload.Summary.Fields, StringComparison.Ordinal);
        Assert.Contains("spiffe True", workload.Summary.Fields, StringComparison.Ordinal);
        Assert.Contains("crl Uri URI:http://crl.mesh.example/root.crl", workload.Summary.Fields, StringComparison.Ordinal);
        Seed root = corpus.Seeds.Single(seed => seed.Name == "generated/rsa-root-ca");
        Assert.Contains("permitted IPAddress IP:10.0.0.0/255.0.0.0", root.Summary.Fields, StringComparison.Ordinal);
        Assert.Contains("excluded DirectoryName DirName:O=Evil Corp", root.Summary.Fields, StringComparison.Ordinal);
        Assert.Contains("CA True pathLen 0", root.Summary.Fields, StringComparison.Ordinal);
    }

    /// <summary>Minimal inputs for the crashes this test has found, so that each stays fixed.</summary>
    /// <param name="hex">A certificate whose notBefore holds a byte below '0' (0x00, 0x2f, a space): <c>DerCertificate.Digits</c>
    /// cast <c>byte - '0'</c> to <see cref="uint"/>, which the library's checked arithmetic turns into an <see cref="OverflowException"/>.</param>
    [Theory]
    [InlineData("301d301b020101300306012a3000300f170d0030303030303030303030305a")]
    [InlineData("301d301b020101300306012a3000300f170d2f30303030303030303030305a")]
    [InlineData("301d301b020101300306012a3000300f170d3234303130313030303020305a")]
    [InlineData("301f301d020101300306012a30003011180f00303030303030303030303030305a")]
    public void A_time_with_a_byte_below_the_digit_zero_is_rejected_not_an_OverflowException(string hex)
    {
        var exception = Assert.Throws<CertificateFormatException>(() => DerCertificate.Parse(Convert.FromHexString(hex)));
        Assert.Equal("tbsCertificate.validity.notBefore", exception.FieldPath);
        Assert.Equal(16, exception.Offset);
    }

    /// <summary>Parses <paramref name="input"/> and, when it is accepted, reads every accessor. Never throws.</summary>
    /// <returns>The outcome; <see cref="Outcome.Problem"/> says what broke the reader's contract.</returns>
    internal static Outcome Inspect(ReadOnlyMemory<byte> input)
    {
        DerCertificate certificate;
        try
        {
            certificate = DerCertificate.Parse(input);
        }
        catch (CertificateFormatException exception)
        {
            string? problem = exception.Offset < 0 || exception.Offset > input.Length || string.IsNullOrEmpty(exception.FieldPath)
                ? $"CertificateFormatException names offset {exception.Offset} and field '{exception.FieldPath}' for an input of {input.Length} bytes: {exception.Message}"
                : null;
            return new Outcome(null, exception, default, problem);
        }
#pragma warning disable CA1031 // Any other exception is the bug this test looks for: report it with the input.
        catch (Exception exception)
        {
            return new Outcome(null, null, default, $"Parse threw {exception.GetType().FullName} instead of CertificateFormatException: {exception}");
        }

        try
        {
            return new Outcome(certificate, null, Summarize(certificate), null);
        }
        catch (Exception exception)
        {
            return new Outcome(null, null, default, $"Parse accepted the input but an accessor threw {exception.GetType().FullName}: {exception}");
        }
#pragma warning restore CA1031
    }

    /// <summary>Reads every accessor of <paramref name="certificate"/> into text.</summary>
    /// <returns>Every field but the signature, and the signature with the fingerprints.</returns>
    internal static CertificateSummary Summarize(DerCertificate certificate)
    {
        CultureInfo invariant = CultureInfo.InvariantCulture;
        var fields = new StringBuilder();
        fields.Append(invariant, $"version {certificate.Version}; serial {certificate.GetSerialNumberHex()} ({Hex(certificate.SerialNumber.Span)}, negative {certificate.IsSerialNumberNegative})\n");
        fields.Append(invariant, $"signature algorithm {certificate.SignatureAlgorithmName} {certificate.SignatureAlgorithm} {Hex(certificate.EncodedSignatureAlgorithm.Span)}\n");
        AppendName(fields, "issuer", certificate.Issuer);
        AppendName(fields, "subject", certificate.Subject);
        fields.Append(invariant, $"self-issued {certificate.IsSelfIssued}; equal names {certificate.Issuer == certificate.Subject} {certificate.Issuer.Equals((object)certificate.Subject)}\n");
        fields.Append(invariant, $"validity {certificate.NotBefore:O} .. {certificate.NotAfter:O}\n");
        fields.Append(invariant, $"key {certificate.PublicKeyAlgorithm} {certificate.PublicKeyAlgorithmOid} ({certificate.PublicKeyAlgorithmOid.FriendlyName}) {certificate.KeySize} bits, curve {certificate.Curve} {certificate.CurveName}, ");
        fields.Append(invariant, $"spki {certificate.SubjectPublicKeyInfo.Length} bytes, key {certificate.PublicKey.Length} bytes\n");
        fields.Append(invariant, $"CA {certificate.IsCertificateAuthority} pathLen {certificate.PathLengthConstraint} keyUsage {certificate.KeyUsage}\n");
        fields.Append(invariant, $"ski {Hex(certificate.SubjectKeyIdentifier.Span)} aki {Hex(certificate.AuthorityKeyIdentifier.Span)}\n");
        foreach (CertificateExtensionKind kind in Enum.GetValues<CertificateExtensionKind>())
        {
            fields.Append(invariant, $"{kind} {certificate.HasExtension(kind)}/{certificate.IsExtensionCritical(kind)}; ");
        }

        fields.Append('\n');
        foreach (ObjectIdentifier usage in certificate.GetExtendedKeyUsages())
        {
            fields.Append(invariant, $"eku {usage} {usage.FriendlyName} {usage.Equals(usage.Contents.Span)}\n");
        }

        AppendGeneralNames(fields, "san", certificate.GetSubjectAlternativeNames());
        AppendGeneralNames(fields, "permitted", certificate.GetPermittedSubtrees());
        AppendGeneralNames(fields, "excluded", certificate.GetExcludedSubtrees());
        foreach (ObjectIdentifier policy in certificate.GetCertificatePolicies())
        {
            fields.Append(invariant, $"policy {policy} {policy.FriendlyName}\n");
        }

        foreach (GeneralName name in certificate.GetCrlDistributionPointNames())
        {
            AppendGeneralName(fields, "crl", name);
        }

        foreach (CertificateExtension extension in certificate.GetExtensions())
        {
            fields.Append(invariant, $"extension {extension} {extension.Kind} {extension.Oid.FriendlyName} {extension.Value.Length} bytes\n");
        }

        fields.Append(invariant, $"tbs {certificate.TbsCertificate.Length} bytes, sha256 {Hex(SHA256.HashData(certificate.TbsCertificate.Span))}\n");
        fields.Append(certificate.ToString());

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        certificate.ComputeSha256Fingerprint(digest);
        string signature = string.Create(
            invariant,
            $"signature {Hex(certificate.Signature.Span)}; fingerprint {certificate.GetSha256FingerprintHex()} {Hex(digest)}; {certificate.RawData.Length} bytes");
        return new CertificateSummary(fields.ToString(), signature);
    }

    internal static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    private static void AppendName(StringBuilder builder, string label, DistinguishedName name)
    {
        CultureInfo invariant = CultureInfo.InvariantCulture;
        _ = name.GetHashCode();
        builder.Append(invariant, $"{label} '{name}' cn '{name.CommonName}' empty {name.IsEmpty} {name.Encoded.Length} bytes:");
        AttributeTypeAndValueEnumerator attributes = name.GetAttributes();
        while (attributes.MoveNext())
        {
            AttributeTypeAndValue attribute = attributes.Current;
            builder.Append(invariant, $" [{attributes.RdnIndex}] {attribute.Type} {attribute.Type.FriendlyName} 0x{attribute.ValueTag:x2} {attribute.IsString} '{attribute.GetValueString()}' {attribute.Value.Length}/{attribute.EncodedValue.Length}");
        }

        builder.Append('\n');
    }

    private static void AppendGeneralNames(StringBuilder builder, string label, GeneralNameEnumerator names)
    {
        foreach (GeneralName name in names)
        {
            AppendGeneralName(builder, label, name);
        }
    }

    private static void AppendGeneralName(StringBuilder builder, string label, GeneralName name) =>
        builder.Append(CultureInfo.InvariantCulture, $"{label} {name.Kind} {name} text '{name.GetText()}' ip '{name.GetIPAddress()}' spiffe {name.IsSpiffeId} {name.Encoded.Length}/{name.Value.Length}\n");

    private static IEnumerable<Mutant> Mutate(Family family, Seed seed, Random random, int count) => family switch
    {
        Family.BitFlip => BitFlips(seed, random, count),
        Family.ByteReplacement => ByteReplacements(seed, random, count),
        Family.Truncation => Truncations(seed, random, count),
        Family.LengthEdit => LengthEdits(seed, random, count),
        Family.TagSwap => TagSwaps(seed, random, count),
        Family.InsertDelete => InsertionsAndDeletions(seed, random, count),
        Family.ExtensionSurgery => ExtensionSurgery(seed, random, count),
        Family.TrailingData => TrailingData(seed, random, count),
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "unknown mutation family"),
    };

    private static IEnumerable<Mutant> BitFlips(Seed seed, Random random, int count)
    {
        byte[] der = seed.Der;
        for (int i = 0; i < count; i++)
        {
            int position = random.Next(der.Length);
            int bit = random.Next(8);
            byte[] bytes = (byte[])der.Clone();
            bytes[position] ^= (byte)(1 << bit);
            yield return new Mutant(
                bytes,
                $"flip bit {bit} of byte {position} (0x{der[position]:x2} -> 0x{bytes[position]:x2}) {seed.Layout.Locate(position)}",
                seed.Layout.IsSignatureByte(position) ? Expectation.SameFieldsExceptSignature : Expectation.Either);
        }
    }

    private static IEnumerable<Mutant> ByteReplacements(Seed seed, Random random, int count)
    {
        byte[] der = seed.Der;
        for (int i = 0; i < count; i++)
        {
            int position = random.Next(der.Length);
            byte value = (i % 4) switch
            {
                0 => 0x00,
                1 => 0xFF,
                2 => 0x80,
                _ => (byte)random.Next(256),
            };
            if (value == der[position])
            {
                value = (byte)~value;
            }

            byte[] bytes = (byte[])der.Clone();
            bytes[position] = value;
            yield return new Mutant(
                bytes,
                $"replace byte {position} (0x{der[position]:x2}) with 0x{value:x2} {seed.Layout.Locate(position)}",
                seed.Layout.IsSignatureByte(position) ? Expectation.SameFieldsExceptSignature : Expectation.Either);
        }
    }

    private static IEnumerable<Mutant> Truncations(Seed seed, Random random, int count)
    {
        byte[] der = seed.Der;
        DerLayout layout = seed.Layout;

        // Every TLV boundary: a strict prefix of a certificate is never a certificate.
        var cuts = new SortedSet<int>();
        foreach (Tlv node in layout.Nodes)
        {
            cuts.Add(node.HeaderStart);
            cuts.Add(node.ContentStart);
            cuts.Add(node.End);
        }

        cuts.Remove(der.Length);
        foreach (int cut in cuts)
        {
            yield return new Mutant(der[..cut], $"truncate to {cut} bytes, a TLV boundary {layout.Locate(cut)}", Expectation.Rejected);
        }

        // Then random cut points, and element contents cut short with every enclosing length repaired,
        // which reach the checks deep inside (an empty extensions SEQUENCE, a one-octet INTEGER, ...).
        int more = Math.Max(count / 2, count - cuts.Count);
        for (int i = 0; i < more; i++)
        {
            if (i % 3 == 0)
            {
                int cut = random.Next(der.Length);
                yield return new Mutant(der[..cut], $"truncate to {cut} bytes {layout.Locate(cut)}", Expectation.Rejected);
                continue;
            }

            int index = random.Next(layout.Nodes.Count);
            Tlv node = layout.Nodes[index];
            IReadOnlyList<int> children = layout.Children(index);
            int from = children.Count > 0
                ? layout.Nodes[children[random.Next(children.Count)]].HeaderStart
                : node.ContentStart + random.Next(node.ContentLength + 1);
            yield return new Mutant(
                layout.SpliceRepaired(der, index, from, node.End, []),
                $"cut the contents of {layout.Describe(index)} at byte {from}, enclosing lengths repaired");
        }
    }

    private static IEnumerable<Mutant> LengthEdits(Seed seed, Random random, int count)
    {
        byte[] der = seed.Der;
        DerLayout layout = seed.Layout;
        for (int i = 0; i < count; i++)
        {
            int index = random.Next(layout.Nodes.Count);
            Tlv node = layout.Nodes[index];
            int lengthStart = node.HeaderStart + 1;
            byte[] old = der[lengthStart..node.ContentStart];
            (byte[] octets, string what) = random.Next(9) switch
            {
                0 => (DerLayout.LengthOctets(node.ContentLength + 1), "length + 1"),
                1 when node.ContentLength > 0 => (DerLayout.LengthOctets(node.ContentLength - 1), "length - 1"),
                1 or 2 => ([0x00], "length 0"),
                3 => ([0x80], "indefinite length"),
                4 => (NonMinimal(old), "one length octet more than needed"),
                5 => (Pick(random, [0x84, 0xFF, 0xFF, 0xFF, 0xFF], [0x84, 0x7F, 0xFF, 0xFF, 0xFF], [0x84, 0x01, 0x00, 0x00, 0x00], [0x83, 0xFF, 0xFF, 0xFF], [0x84, 0x00, 0xFF, 0xFF, 0xFF]), "huge length"),
                6 => (Pick(random, [0x85, 0x00, 0x00, 0x00, 0x00, (byte)Math.Min(node.ContentLength, 0xFF)], [0x88, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01], [0xFF], [0x85, 0x01, 0x02, 0x03, 0x04, 0x05]), "too many length octets"),
                7 => ([(byte)random.Next(256), .. old[1..]], "random first length octet"),
                _ => (DerLayout.LengthOctets(node.ContentLength + random.Next(2, 300)), "length beyond the contents"),
            };

            // A header that changes size is tried with the enclosing lengths repaired too, so that the
            // reader meets the bad length itself rather than a misaligned parent.
            bool repair = octets.Length != old.Length && random.Next(2) == 0;
            byte[] bytes = repair
                ? layout.SpliceRepaired(der, node.Parent, lengthStart, node.ContentStart, octets)
                : DerLayout.Splice(der, lengthStart, node.ContentStart, octets);
            yield return new Mutant(bytes, $"{what}: length octets of {layout.Describe(index)} {Hex(old)} -> {Hex(octets)}{(repair ? ", enclosing lengths repaired" : string.Empty)}");
        }

        static byte[] NonMinimal(byte[] old) => old[0] < 0x80 ? [0x81, old[0]] : [(byte)(old[0] + 1), 0x00, .. old[1..]];
    }

    private static readonly byte[][] TagGroups =
    [
        [0x0C, 0x12, 0x13, 0x14, 0x16, 0x1A, 0x1C, 0x1E],
        [0x17, 0x18],
        [0x30, 0x31, 0xA0, 0xA1, 0xA2, 0xA3, 0xA4],
        [0x01, 0x02, 0x03, 0x04, 0x05, 0x06],
        [0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88],
        [0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8],
    ];

    private static IEnumerable<Mutant> TagSwaps(Seed seed, Random random, int count)
    {
        byte[] der = seed.Der;
        DerLayout layout = seed.Layout;
        for (int i = 0; i < count; i++)
        {
            int index = random.Next(layout.Nodes.Count);
            Tlv node = layout.Nodes[index];
            byte[] bytes = (byte[])der.Clone();
            if (random.Next(2) == 0)
            {
                byte[] group = TagGroups.FirstOrDefault(g => g.Contains(node.Tag)) ?? TagGroups[random.Next(TagGroups.Length)];
                byte tag = random.Next(10) < 7 ? group[random.Next(group.Length)] : (byte)random.Next(256);
                if (tag == node.Tag)
                {
                    tag ^= 0x20;
                }

                bytes[node.HeaderStart] = tag;
                yield return new Mutant(bytes, $"replace the tag of {layout.Describe(index)} with 0x{tag:x2}");
            }
            else
            {
                // Swap with a sibling when there is one: a reordered SEQUENCE is the likelier corruption.
                IReadOnlyList<int> siblings = node.Parent >= 0 ? layout.Children(node.Parent) : [];
                int other = siblings.Count > 1 ? siblings[random.Next(siblings.Count)] : random.Next(layout.Nodes.Count);
                Tlv otherNode = layout.Nodes[other];
                (bytes[node.HeaderStart], bytes[otherNode.HeaderStart]) = (otherNode.Tag, node.Tag);
                yield return new Mutant(bytes, $"swap the tags of {layout.Describe(index)} and {layout.Describe(other)}");
            }
        }
    }

    private static IEnumerable<Mutant> InsertionsAndDeletions(Seed seed, Random random, int count)
    {
        byte[] der = seed.Der;
        DerLayout layout = seed.Layout;
        for (int i = 0; i < count; i++)
        {
            byte value = random.Next(2) == 0 ? (byte)random.Next(0x20, 0x7F) : (byte)random.Next(256);
            switch (i % 4)
            {
                case 0:
                    int at = random.Next(der.Length + 1);
                    yield return new Mutant(DerLayout.Splice(der, at, at, [value]), $"insert 0x{value:x2} before byte {at} {layout.Locate(at)}");
                    break;
                case 1:
                    int position = random.Next(der.Length);
                    yield return new Mutant(DerLayout.Splice(der, position, position + 1, []), $"delete byte {position} (0x{der[position]:x2}) {layout.Locate(position)}");
                    break;
                default:
                    // Inside one primitive element's contents, with every enclosing length repaired: the structure
                    // stays sound and the element's own checks (string alphabets, INTEGER minimality, ...) decide.
                    int index = layout.Leaves[random.Next(layout.Leaves.Count)];
                    Tlv leaf = layout.Nodes[index];
                    if (i % 4 == 2 || leaf.ContentLength == 0)
                    {
                        int insertAt = leaf.ContentStart + random.Next(leaf.ContentLength + 1);
                        yield return new Mutant(layout.SpliceRepaired(der, index, insertAt, insertAt, [value]), $"insert 0x{value:x2} before byte {insertAt} in the contents of {layout.Describe(index)}, enclosing lengths repaired");
                    }
                    else
                    {
                        int deleteAt = leaf.ContentStart + random.Next(leaf.ContentLength);
                        yield return new Mutant(layout.SpliceRepaired(der, index, deleteAt, deleteAt + 1, []), $"delete byte {deleteAt} (0x{der[deleteAt]:x2}) from the contents of {layout.Describe(index)}, enclosing lengths repaired");
                    }

                    break;
            }
        }
    }

    private static IEnumerable<Mutant> ExtensionSurgery(Seed seed, Random random, int count)
    {
        byte[] der = seed.Der;
        DerLayout layout = seed.Layout;
        IReadOnlyList<int> extensions = layout.Extensions;
        Tlv list = layout.Nodes[layout.ExtensionList];
        for (int i = 0; i < count; i++)
        {
            int k = random.Next(extensions.Count);
            Tlv extension = layout.Nodes[extensions[k]];
            byte[] encoded = der[extension.HeaderStart..extension.End];
            switch (i % 3)
            {
                case 0:
                    {
                        // RFC 5280 4.2: a certificate MUST NOT include more than one instance of an extension.
                        // The error must point at the second copy, wherever the copy lands.
                        int j = random.Next(extensions.Count + 1);
                        int at = j < extensions.Count ? layout.Nodes[extensions[j]].HeaderStart : list.End;
                        byte[] bytes = layout.SpliceRepaired(der, layout.ExtensionList, at, at, encoded);
                        DerLayout mutated = DerLayout.Walk(bytes);
                        int later = j <= k ? k + 1 : j;
                        yield return new Mutant(bytes, $"duplicate extension {k} ({layout.Describe(extensions[k])}) as extension {j}, enclosing lengths repaired", Expectation.Rejected)
                        {
                            ExpectedOffset = mutated.Nodes[mutated.Extensions[later]].HeaderStart,
                            ExpectedFieldPath = "tbsCertificate.extensions",
                        };
                        break;
                    }

                case 1:
                    {
                        // Extensions ::= SEQUENCE SIZE (1..MAX): dropping the only one leaves an empty SEQUENCE.
                        byte[] bytes = layout.SpliceRepaired(der, layout.ExtensionList, extension.HeaderStart, extension.End, []);
                        yield return new Mutant(bytes, $"drop extension {k} ({layout.Describe(extensions[k])}), enclosing lengths repaired", extensions.Count == 1 ? Expectation.Rejected : Expectation.Parsed)
                        {
                            ExpectedExtensionCount = extensions.Count - 1,
                        };
                        break;
                    }

                default:
                    {
                        // Order carries no meaning: a moved extension reads the same.
                        int j = random.Next(extensions.Count);
                        List<byte[]> order = [.. extensions.Select(e => der[layout.Nodes[e].HeaderStart..layout.Nodes[e].End])];
                        order.RemoveAt(k);
                        order.Insert(j, encoded);
                        byte[] contents = [.. order.SelectMany(e => e)];
                        yield return new Mutant(DerLayout.Splice(der, list.ContentStart, list.End, contents), $"move extension {k} ({layout.Describe(extensions[k])}) to position {j}", Expectation.Parsed)
                        {
                            ExpectedExtensionCount = extensions.Count,
                        };
                        break;
                    }
            }
        }
    }

    /// <summary>An extension with a private-arc identifier (1.3.6.1.4.1.99999.77) that no seed carries, and a NULL value.</summary>
    private static readonly byte[] UnknownExtension = [0x30, 0x10, 0x06, 0x0A, 0x2B, 0x06, 0x01, 0x04, 0x01, 0x86, 0x8D, 0x1F, 0x4D, 0x01, 0x04, 0x02, 0x05, 0x00];

    /// <summary>An RDN holding OU=extra.</summary>
    private static readonly byte[] ExtraRdn = [0x31, 0x0E, 0x30, 0x0C, 0x06, 0x03, 0x55, 0x04, 0x0B, 0x0C, 0x05, 0x65, 0x78, 0x74, 0x72, 0x61];

    private static IEnumerable<Mutant> TrailingData(Seed seed, Random random, int count)
    {
        byte[] der = seed.Der;
        DerLayout layout = seed.Layout;
        for (int i = 0; i < count; i++)
        {
            byte[] extra = new byte[random.Next(1, i % 3 == 0 ? 65 : 9)];
            random.NextBytes(extra);
            switch (i % 3)
            {
                case 0:
                    yield return new Mutant([.. der, .. extra], $"append {extra.Length} bytes {Hex(extra)} after the certificate", Expectation.TrailingDataAfterSeed);
                    break;
                case 1:
                    {
                        int index = layout.Constructed[random.Next(layout.Constructed.Count)];
                        int at = layout.Nodes[index].End;
                        yield return new Mutant(layout.SpliceRepaired(der, index, at, at, extra), $"append {Hex(extra)} to the contents of {layout.Describe(index)}, enclosing lengths repaired");
                        break;
                    }

                default:
                    {
                        // A well-formed element at the end of a structure: welcome in a Name or the extensions, not elsewhere.
                        int pick = random.Next(4);
                        int index = pick switch
                        {
                            0 => layout.Subject,
                            1 => layout.ExtensionList >= 0 ? layout.ExtensionList : layout.Issuer,
                            _ => layout.Constructed[random.Next(layout.Constructed.Count)],
                        };
                        bool knownName = index == layout.Subject || index == layout.Issuer;
                        byte[] element = index == layout.ExtensionList ? UnknownExtension
                            : knownName || layout.IsName(index) ? ExtraRdn
                            : [0x05, 0x00];
                        Expectation expect = knownName || index == layout.ExtensionList ? Expectation.Parsed : Expectation.Either;
                        int at = layout.Nodes[index].End;
                        yield return new Mutant(layout.SpliceRepaired(der, index, at, at, element), $"append {Hex(element)} to the contents of {layout.Describe(index)}, enclosing lengths repaired", expect);
                        break;
                    }
            }
        }
    }

    private static byte[] Pick(Random random, params byte[][] choices) => choices[random.Next(choices.Length)];

    /// <summary>What the reader did with one input.</summary>
    /// <param name="Certificate">The certificate, when the input was accepted.</param>
    /// <param name="Exception">The rejection, when the input was rejected.</param>
    /// <param name="Summary">Every accessor's answer, when the input was accepted.</param>
    /// <param name="Problem">A broken contract (another exception, an accessor that threw, an offset outside the input), or null.</param>
    internal sealed record Outcome(DerCertificate? Certificate, CertificateFormatException? Exception, CertificateSummary Summary, string? Problem);

    /// <summary>The answers of every accessor of a certificate, as text.</summary>
    /// <param name="Fields">Everything but the signature.</param>
    /// <param name="SignatureAndDigest">The signature bytes and the fingerprints.</param>
    internal readonly record struct CertificateSummary(string Fields, string SignatureAndDigest);

    /// <summary>One mutated input and what it must do.</summary>
    internal sealed record Mutant(byte[] Bytes, string Description, Expectation Expect = Expectation.Either)
    {
        /// <summary>The offset the rejection must name, or -1.</summary>
        public int ExpectedOffset { get; init; } = -1;

        /// <summary>The field the rejection must name, or null.</summary>
        public string? ExpectedFieldPath { get; init; }

        /// <summary>How many extensions the accepted certificate must have, or -1.</summary>
        public int ExpectedExtensionCount { get; init; } = -1;
    }

    /// <summary>Counts one family's outcomes and keeps the first failures in full.</summary>
    private sealed class Tally(Family family)
    {
        private readonly List<string> _failures = [];

        public int Inputs { get; private set; }

        public int Parsed { get; private set; }

        public int Rejected { get; private set; }

        public int SignatureOnly { get; private set; }

        public int FailureCount { get; private set; }

        public void Check(Seed seed, int randomSeed, Mutant mutant)
        {
            Inputs++;
            if (mutant.Expect == Expectation.SameFieldsExceptSignature)
            {
                SignatureOnly++;
            }

            Outcome outcome = Inspect(mutant.Bytes);
            if (outcome.Certificate is not null)
            {
                Parsed++;
            }
            else if (outcome.Exception is not null)
            {
                Rejected++;
            }

            string? problem = outcome.Problem ?? Verify(seed, mutant, outcome);
            if (problem is null)
            {
                return;
            }

            FailureCount++;
            if (_failures.Count < FailuresShown)
            {
                _failures.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"[{family}] base seed {BaseSeed}, Random seed {randomSeed}, certificate {seed.Name}, input #{Inputs}: {mutant.Description}\n{problem}\ninput ({mutant.Bytes.Length} bytes): {Hex(mutant.Bytes)}"));
            }
        }

        public string FailureReport() =>
            $"{FailureCount} of {Inputs} mutated inputs broke the reader's contract; the first {_failures.Count}:\n\n" + string.Join("\n\n", _failures);

        public override string ToString() =>
            $"{family}: {Inputs} mutated inputs, {Parsed} parsed, {Rejected} rejected, {SignatureOnly} signature-only, {FailureCount} failures.";

        private static string? Verify(Seed seed, Mutant mutant, Outcome outcome)
        {
            switch (mutant.Expect)
            {
                case Expectation.Rejected when outcome.Exception is null:
                    return "expected a CertificateFormatException, but the reader accepted the input";
                case Expectation.Parsed or Expectation.SameFieldsExceptSignature when outcome.Certificate is null:
                    return $"expected the reader to accept the input, but it threw: {outcome.Exception?.Message}";
                case Expectation.SameFieldsExceptSignature when outcome.Summary.Fields != seed.Summary.Fields:
                    return $"only signature bytes changed, but the fields read differently:\n--- seed\n{seed.Summary.Fields}\n--- mutated\n{outcome.Summary.Fields}";
                case Expectation.TrailingDataAfterSeed:
                    return VerifyTrailingData(seed, mutant.Bytes, outcome);
            }

            if (outcome.Exception is { } exception)
            {
                if (mutant.ExpectedOffset >= 0 && exception.Offset != mutant.ExpectedOffset)
                {
                    return $"expected the rejection at byte {mutant.ExpectedOffset}, but it names byte {exception.Offset}: {exception.Message}";
                }

                if (mutant.ExpectedFieldPath is not null && exception.FieldPath != mutant.ExpectedFieldPath)
                {
                    return $"expected the rejection in {mutant.ExpectedFieldPath}, but it names {exception.FieldPath}: {exception.Message}";
                }
            }

            if (outcome.Certificate is { } certificate && mutant.ExpectedExtensionCount >= 0)
            {
                int extensions = 0;
                foreach (CertificateExtension extension in certificate.GetExtensions())
                {
                    extensions++;
                }

                if (extensions != mutant.ExpectedExtensionCount)
                {
                    return $"expected {mutant.ExpectedExtensionCount} extensions, but the certificate has {extensions}";
                }
            }

            return null;
        }

        private static string? VerifyTrailingData(Seed seed, byte[] input, Outcome outcome)
        {
            if (outcome.Exception is null || outcome.Exception.Offset != seed.Der.Length)
            {
                return $"Parse(data) must reject the bytes after the certificate at byte {seed.Der.Length}; it answered: {outcome.Exception?.Message ?? "accepted"}";
            }

            try
            {
                DerCertificate certificate = DerCertificate.Parse(input, out int consumed);
                if (consumed != seed.Der.Length)
                {
                    return $"Parse(data, out consumed) consumed {consumed} bytes of a {seed.Der.Length}-byte certificate";
                }

                return Summarize(certificate) == seed.Summary ? null : "Parse(data, out consumed) read different fields than Parse(certificate)";
            }
#pragma warning disable CA1031 // Any exception here is the failure being reported.
            catch (Exception exception)
            {
                return $"Parse(data, out consumed) threw on a valid certificate followed by other bytes: {exception}";
            }
#pragma warning restore CA1031
        }
    }

    /// <summary>One seed certificate: its bytes, its layout and what the reader reads from it.</summary>
    internal sealed class Seed
    {
        public Seed(string name, byte[] der)
        {
            Name = name;
            Der = der;
            Layout = DerLayout.Walk(der);
            Summary = Summarize(DerCertificate.Parse(der));
        }

        public string Name { get; }

        public byte[] Der { get; }

        public DerLayout Layout { get; }

        public CertificateSummary Summary { get; }

        public override string ToString() => Name;
    }

    /// <summary>The seeds: four generated certificates, then the Mozilla roots in file-name order.</summary>
    internal sealed class SeedCorpus
    {
        public const string MozillaDirectory = "/usr/share/ca-certificates/mozilla";

        private static readonly Lazy<SeedCorpus> Loaded = new(Load);

        private SeedCorpus(IReadOnlyList<Seed> seeds, IReadOnlyList<string> notes)
        {
            Seeds = seeds;
            Notes = notes;
        }

        public static SeedCorpus Instance => Loaded.Value;

        public IReadOnlyList<Seed> Seeds { get; }

        public IReadOnlyList<string> Notes { get; }

        public void WriteNotes(ITestOutputHelper output)
        {
            foreach (string note in Notes)
            {
                output.WriteLine(note);
            }
        }

        private static SeedCorpus Load()
        {
            var seeds = new List<Seed>();
            var notes = new List<string>();
            foreach ((string name, byte[] der) in GeneratedCertificates.Create())
            {
                seeds.Add(new Seed(name, der));
            }

            int mozilla = 0;
            if (!Directory.Exists(MozillaDirectory))
            {
                notes.Add($"Note: the Mozilla corpus {MozillaDirectory} is missing (install ca-certificates); running on the {seeds.Count} generated seeds only.");
            }
            else
            {
                foreach (string path in Directory.EnumerateFiles(MozillaDirectory, "*.crt").Order(StringComparer.Ordinal))
                {
                    string text = File.ReadAllText(path);
                    if (!PemEncoding.TryFind(text, out PemFields fields) || text[fields.Label] != "CERTIFICATE")
                    {
                        notes.Add($"Note: {path} holds no PEM CERTIFICATE; skipped.");
                        continue;
                    }

                    byte[] der = Convert.FromBase64String(text[fields.Base64Data]);
                    try
                    {
                        seeds.Add(new Seed("mozilla/" + Path.GetFileName(path), der));
                        mozilla++;
                    }
                    catch (CertificateFormatException exception)
                    {
                        // Not this test's finding to judge: a root the reader rejects cannot seed mutations. Reported here.
                        notes.Add($"Note: the reader rejects the Mozilla root {path}, so it is not a seed: {exception.Message}");
                    }
                }
            }

            notes.Add($"Seeds: {seeds.Count - mozilla} generated and {mozilla} Mozilla roots.");
            return new SeedCorpus(seeds, notes);
        }
    }

    /// <summary>
    /// Certificates made with <see cref="CertificateRequest"/>, with fixed validity windows, so the test has seeds without
    /// the corpus, and seeds that carry what Mozilla roots lack: SPIFFE SANs, name constraints, policies, CRL points.
    /// </summary>
    /// <remarks>
    /// Keys are fresh on every run, but the layout is not: RSA 2048 moduli and signatures, P-256 points and SHA-1 key
    /// identifiers have fixed sizes, and ECDSA signatures are kept only at their longest DER length (72 bytes). So the
    /// same Random seed mutates the same places on every run.
    /// </remarks>
    internal static class GeneratedCertificates
    {
        private static readonly DateTimeOffset NotBefore = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        private static readonly DateTimeOffset NotAfter = new(2034, 1, 1, 0, 0, 0, TimeSpan.Zero);

        // RFC 5280 4.1.2.5: dates in 2050 or later are GeneralizedTime, so the root exercises both time forms.
        private static readonly DateTimeOffset RootNotAfter = new(2054, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public static IEnumerable<(string Name, byte[] Der)> Create()
        {
            using RSA rootKey = RSA.Create(2048);
            using ECDsa workloadKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using ECDsa intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using RSA clientKey = RSA.Create(2048);
            var result = new List<(string Name, byte[] Der)>();

            // An RSA 2048 root: CA with pathLen 0, keyCertSign, name constraints (raw DER) and policies.
            var rootName = new X500DistinguishedName("CN=Golem Mesh Root CA, O=Golem, C=NL");
            var rootRequest = new CertificateRequest(rootName, rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var rootKeyIdentifier = new X509SubjectKeyIdentifierExtension(rootRequest.PublicKey, critical: false);
            rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
            rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
            rootRequest.CertificateExtensions.Add(rootKeyIdentifier);
            rootRequest.CertificateExtensions.Add(new X509Extension("2.5.29.30", NameConstraints(), critical: true));
            rootRequest.CertificateExtensions.Add(new X509Extension("2.5.29.32", CertificatePolicies(), critical: false));
            X509SignatureGenerator rootSigner = X509SignatureGenerator.CreateForRSA(rootKey, RSASignaturePadding.Pkcs1);
            result.Add(("generated/rsa-root-ca", Issue(rootRequest, rootName, rootSigner, RootNotAfter, [0x01, 0x5E, 0xED])));

            // A P-256 SPIFFE workload issued by the root: SANs, EKU, AKI, CRL distribution point, an unknown extension.
            var workloadRequest = new CertificateRequest(new X500DistinguishedName("CN=workload, OU=mesh, O=Golem, C=NL"), workloadKey, HashAlgorithmName.SHA256);
            workloadRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
            workloadRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, critical: true));
            workloadRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
            var workloadNames = new SubjectAlternativeNameBuilder();
            workloadNames.AddDnsName("workload.mesh.example");
            workloadNames.AddUri(new Uri("spiffe://cluster.local/ns/default/sa/workload"));
            workloadNames.AddIpAddress(IPAddress.Parse("10.1.2.3"));
            workloadNames.AddIpAddress(IPAddress.Parse("2001:db8::1"));
            workloadNames.AddEmailAddress("workload@mesh.example");
            workloadRequest.CertificateExtensions.Add(workloadNames.Build(critical: false));
            workloadRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(workloadRequest.PublicKey, critical: false));
            workloadRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(rootKeyIdentifier));
            workloadRequest.CertificateExtensions.Add(new X509Extension("2.5.29.31", CrlDistributionPoints("http://crl.mesh.example/root.crl"), critical: false));
            workloadRequest.CertificateExtensions.Add(new X509Extension("1.3.6.1.5.5.7.1.1", AuthorityInformationAccess("http://pki.mesh.example/root.cer"), critical: false));
            result.Add(("generated/p256-spiffe-workload", Issue(workloadRequest, rootName, rootSigner, NotAfter, [0x02, 0x5E, 0xED])));

            // A self-signed P-256 intermediate: multi-valued RDN, BMPString, an unnamed attribute type, every GeneralName kind the reader decodes.
            var intermediateName = new X500DistinguishedName(IntermediateName());
            var intermediateRequest = new CertificateRequest(intermediateName, intermediateKey, HashAlgorithmName.SHA256);
            intermediateRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
            intermediateRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.DigitalSignature, critical: true));
            intermediateRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
            intermediateRequest.CertificateExtensions.Add(new X509Extension("2.5.29.17", ExoticSubjectAltNames(), critical: false));
            intermediateRequest.CertificateExtensions.Add(new X509Extension("2.5.29.30", NameConstraints(), critical: true));
            var intermediateSigner = new LongestEcdsaSignatureGenerator(intermediateKey);
            result.Add(("generated/p256-intermediate-ca", Issue(intermediateRequest, intermediateName, intermediateSigner, NotAfter, [0x03, 0x5E, 0xED])));

            // An RSA 2048 client leaf issued by the intermediate (ecdsa-with-SHA256).
            var clientRequest = new CertificateRequest(new X500DistinguishedName("CN=client, O=Golem"), clientKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            clientRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
            clientRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
            var clientNames = new SubjectAlternativeNameBuilder();
            clientNames.AddUri(new Uri("spiffe://cluster.local/ns/payments/sa/client"));
            clientRequest.CertificateExtensions.Add(clientNames.Build(critical: true));
            result.Add(("generated/rsa-client-leaf", Issue(clientRequest, intermediateName, intermediateSigner, NotAfter, [0x04, 0x5E, 0xED])));
            return result;
        }

        private static byte[] Issue(CertificateRequest request, X500DistinguishedName issuer, X509SignatureGenerator signer, DateTimeOffset notAfter, byte[] serial)
        {
            using X509Certificate2 certificate = request.Create(issuer, signer, NotBefore, notAfter, serial);
            return certificate.RawData;
        }

        // RFC 5280 4.2.1.10: NameConstraints ::= SEQUENCE { permittedSubtrees [0] GeneralSubtrees OPTIONAL, excludedSubtrees [1] ... }
        private static byte[] NameConstraints()
        {
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
                {
                    using (writer.PushSequence())
                    {
                        writer.WriteCharacterString(UniversalTagNumber.IA5String, ".mesh.example", new Asn1Tag(TagClass.ContextSpecific, 2));
                    }

                    using (writer.PushSequence())
                    {
                        writer.WriteCharacterString(UniversalTagNumber.IA5String, ".cluster.local", new Asn1Tag(TagClass.ContextSpecific, 6));
                    }

                    using (writer.PushSequence())
                    {
                        writer.WriteOctetString([10, 0, 0, 0, 255, 0, 0, 0], new Asn1Tag(TagClass.ContextSpecific, 7));
                    }

                    using (writer.PushSequence())
                    {
                        byte[] network = [.. IPAddress.Parse("fd00::").GetAddressBytes(), .. IPAddress.Parse("ff00::").GetAddressBytes()];
                        writer.WriteOctetString(network, new Asn1Tag(TagClass.ContextSpecific, 7));
                        writer.WriteInteger(0, new Asn1Tag(TagClass.ContextSpecific, 1));
                    }
                }

                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 1)))
                {
                    using (writer.PushSequence())
                    {
                        using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4)))
                        {
                            writer.WriteEncodedValue(new X500DistinguishedName("O=Evil Corp").RawData);
                        }
                    }

                    using (writer.PushSequence())
                    {
                        writer.WriteCharacterString(UniversalTagNumber.IA5String, "evil.example", new Asn1Tag(TagClass.ContextSpecific, 1));
                    }
                }
            }

            return writer.Encode();
        }

        // RFC 5280 4.2.1.4: certificatePolicies ::= SEQUENCE OF PolicyInformation { policyIdentifier, policyQualifiers OPTIONAL }
        private static byte[] CertificatePolicies()
        {
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier("2.23.140.1.2.1");
                    using (writer.PushSequence())
                    using (writer.PushSequence())
                    {
                        writer.WriteObjectIdentifier("1.3.6.1.5.5.7.2.1");
                        writer.WriteCharacterString(UniversalTagNumber.IA5String, "https://pki.mesh.example/cps");
                    }
                }

                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier("1.3.6.1.4.1.99999.2.1");
                }
            }

            return writer.Encode();
        }

        // RFC 5280 4.2.1.13: SEQUENCE OF DistributionPoint { distributionPoint [0] { fullName [0] GeneralNames } }
        private static byte[] CrlDistributionPoints(string uri)
        {
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            using (writer.PushSequence())
            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
            {
                writer.WriteCharacterString(UniversalTagNumber.IA5String, uri, new Asn1Tag(TagClass.ContextSpecific, 6));
            }

            return writer.Encode();
        }

        // RFC 5280 4.2.2.1: SEQUENCE OF AccessDescription { accessMethod, accessLocation GeneralName }; the reader keeps it raw.
        private static byte[] AuthorityInformationAccess(string uri)
        {
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier("1.3.6.1.5.5.7.48.2");
                writer.WriteCharacterString(UniversalTagNumber.IA5String, uri, new Asn1Tag(TagClass.ContextSpecific, 6));
            }

            return writer.Encode();
        }

        // C=NL, O=Golem "Mesh", CN=Intermediate CA+OU=wörkloads (BMPString), 1.3.6.1.4.1.99999.3=seven (a type without a short name).
        // .NET refuses to load a Name with a non-string value; tag swaps make those from this one.
        private static byte[] IntermediateName()
        {
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                Rdn(writer, "2.5.4.6", w => w.WriteCharacterString(UniversalTagNumber.PrintableString, "NL"));
                Rdn(writer, "2.5.4.10", w => w.WriteCharacterString(UniversalTagNumber.UTF8String, "Golem, \"Mesh\""));
                using (writer.PushSetOf())
                {
                    Attribute(writer, "2.5.4.3", w => w.WriteCharacterString(UniversalTagNumber.UTF8String, "Intermediate CA"));
                    Attribute(writer, "2.5.4.11", w => w.WriteCharacterString(UniversalTagNumber.BMPString, "wörkloads"));
                }

                Rdn(writer, "1.3.6.1.4.1.99999.3", w => w.WriteCharacterString(UniversalTagNumber.UTF8String, "seven"));
            }

            return writer.Encode();

            static void Rdn(AsnWriter writer, string type, Action<AsnWriter> value)
            {
                using (writer.PushSetOf())
                {
                    Attribute(writer, type, value);
                }
            }

            static void Attribute(AsnWriter writer, string type, Action<AsnWriter> value)
            {
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(type);
                    value(writer);
                }
            }
        }

        // RFC 5280 4.2.1.6: otherName, URI, directoryName, registeredID, IPv6.
        private static byte[] ExoticSubjectAltNames()
        {
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
                {
                    writer.WriteObjectIdentifier("1.3.6.1.4.1.311.20.2.3");
                    using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
                    {
                        writer.WriteCharacterString(UniversalTagNumber.UTF8String, "intermediate@mesh.example");
                    }
                }

                writer.WriteCharacterString(UniversalTagNumber.IA5String, "spiffe://cluster.local/intermediate", new Asn1Tag(TagClass.ContextSpecific, 6));
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4)))
                {
                    writer.WriteEncodedValue(new X500DistinguishedName("CN=Directory, O=Golem").RawData);
                }

                writer.WriteObjectIdentifier("1.3.6.1.4.1.99999.1", new Asn1Tag(TagClass.ContextSpecific, 8));
                writer.WriteOctetString(IPAddress.Parse("fd00::1").GetAddressBytes(), new Asn1Tag(TagClass.ContextSpecific, 7));
            }

            return writer.Encode();
        }

        /// <summary>ECDSA whose DER signatures are always 72 bytes (r and s both 33 octets), so the seed's layout is stable.</summary>
        private sealed class LongestEcdsaSignatureGenerator(ECDsa key) : X509SignatureGenerator
        {
            private readonly X509SignatureGenerator _inner = CreateForECDsa(key);

            public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm) => _inner.GetSignatureAlgorithmIdentifier(hashAlgorithm);

            public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm)
            {
                // About one signature in four has both high bits set; 200 tries fail with probability (3/4)^200.
                for (int attempt = 0; attempt < 200; attempt++)
                {
                    byte[] signature = key.SignData(data, hashAlgorithm, DSASignatureFormat.Rfc3279DerSequence);
                    if (signature.Length == 72)
                    {
                        return signature;
                    }
                }

                throw new CryptographicException("no 72-byte ECDSA signature in 200 attempts");
            }

            protected override PublicKey BuildPublicKey() => _inner.PublicKey;
        }
    }

    /// <summary>One TLV found by <see cref="DerLayout.Walk"/>: offsets into the seed and a path of child indices.</summary>
    internal readonly record struct Tlv(int Parent, byte Tag, int HeaderStart, int ContentStart, int ContentLength, string Path)
    {
        public int End => ContentStart + ContentLength;
    }

    /// <summary>
    /// The TLVs of a DER encoding, found by a lenient walk of its own (not the reader under test): constructed elements
    /// and OCTET STRING or BIT STRING contents that hold DER (extnValue, subjectPublicKey) are entered.
    /// </summary>
    internal sealed class DerLayout
    {
        private readonly List<int>[] _children;

        private DerLayout(List<Tlv> nodes)
        {
            Nodes = nodes;
            _children = new List<int>[nodes.Count];
            for (int i = 0; i < nodes.Count; i++)
            {
                _children[i] = [];
                if (nodes[i].Parent >= 0)
                {
                    _children[nodes[i].Parent].Add(i);
                }
            }

            Leaves = [.. Enumerable.Range(0, nodes.Count).Where(i => _children[i].Count == 0)];
            Constructed = [.. Enumerable.Range(0, nodes.Count).Where(i => (nodes[i].Tag & 0x20) != 0)];

            // Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue } (RFC 5280 4.1).
            if (nodes.Count == 0 || _children[0].Count != 3)
            {
                return;
            }

            SignatureValue = _children[0][2];
            List<int> tbs = _children[_children[0][0]];
            int skip = tbs.Count > 0 && nodes[tbs[0]].Tag == 0xA0 ? 1 : 0;
            Issuer = tbs.Count > 2 + skip ? tbs[2 + skip] : -1;
            Subject = tbs.Count > 4 + skip ? tbs[4 + skip] : -1;
            int wrapper = tbs.FirstOrDefault(i => nodes[i].Tag == 0xA3, -1);
            if (wrapper >= 0 && _children[wrapper].Count == 1)
            {
                ExtensionList = _children[wrapper][0];
                Extensions = _children[ExtensionList];
            }
        }

        public IReadOnlyList<Tlv> Nodes { get; }

        /// <summary>Elements without children found inside.</summary>
        public IReadOnlyList<int> Leaves { get; }

        /// <summary>Constructed elements.</summary>
        public IReadOnlyList<int> Constructed { get; }

        public int SignatureValue { get; } = -1;

        public int Issuer { get; } = -1;

        public int Subject { get; } = -1;

        /// <summary>The Extensions SEQUENCE inside [3], or -1.</summary>
        public int ExtensionList { get; } = -1;

        public IReadOnlyList<int> Extensions { get; } = [];

        /// <summary>The signature bytes: signatureValue's contents after the unused-bits octet.</summary>
        public (int Start, int End) SignatureBytes => SignatureValue < 0 ? (0, 0) : (Nodes[SignatureValue].ContentStart + 1, Nodes[SignatureValue].End);

        public static DerLayout Walk(byte[] der)
        {
            var nodes = new List<Tlv>();
            WalkRange(der, 0, der.Length, -1, string.Empty, nodes);
            return new DerLayout(nodes);
        }

        public IReadOnlyList<int> Children(int index) => _children[index];

        public bool IsSignatureByte(int position) => position >= SignatureBytes.Start && position < SignatureBytes.End;

        /// <summary>A Name: a SEQUENCE of one or more SETs.</summary>
        public bool IsName(int index) => Nodes[index].Tag == 0x30 && _children[index].Count > 0 && _children[index].All(i => Nodes[i].Tag == 0x31);

        public string Describe(int index)
        {
            Tlv node = Nodes[index];
            return string.Create(CultureInfo.InvariantCulture, $"TLV 0x{node.Tag:x2} at {node.HeaderStart} (path {node.Path}, {node.ContentLength} content bytes)");
        }

        /// <summary>Says which element's header or contents <paramref name="position"/> is in.</summary>
        public string Locate(int position)
        {
            // Nodes are in pre-order, so the last one that holds the position is the innermost.
            for (int i = Nodes.Count - 1; i >= 0; i--)
            {
                Tlv node = Nodes[i];
                if (position >= node.HeaderStart && position < node.End)
                {
                    return (position < node.ContentStart ? "in the header of " : "in the contents of ") + Describe(i);
                }
            }

            return "at the end";
        }

        /// <summary>Replaces <paramref name="der"/>[<paramref name="start"/>..<paramref name="end"/>) with <paramref name="replacement"/>.</summary>
        public static byte[] Splice(byte[] der, int start, int end, ReadOnlySpan<byte> replacement) => [.. der.AsSpan(0, start), .. replacement, .. der.AsSpan(end)];

        /// <summary>
        /// Replaces a range inside the contents of <paramref name="enclosing"/> and rewrites the length of it and of every
        /// element around it, so that the only thing wrong with the result is the change itself.
        /// </summary>
        public byte[] SpliceRepaired(byte[] der, int enclosing, int start, int end, ReadOnlySpan<byte> replacement)
        {
            var edits = new List<(int Start, int End, byte[] Bytes)> { (start, end, replacement.ToArray()) };
            int delta = replacement.Length - (end - start);
            for (int index = enclosing; index >= 0; index = Nodes[index].Parent)
            {
                Tlv node = Nodes[index];
                byte[] header = [node.Tag, .. LengthOctets(node.ContentLength + delta)];
                delta += header.Length - (node.ContentStart - node.HeaderStart);
                edits.Add((node.HeaderStart, node.ContentStart, header));
            }

            edits.Sort((a, b) => a.Start.CompareTo(b.Start));
            var result = new List<byte>(der.Length + delta);
            int position = 0;
            foreach ((int editStart, int editEnd, byte[] bytes) in edits)
            {
                result.AddRange(der.AsSpan(position, editStart - position));
                result.AddRange(bytes);
                position = editEnd;
            }

            result.AddRange(der.AsSpan(position));
            return [.. result];
        }

        /// <summary>The minimal DER length octets of <paramref name="length"/> (X.690 10.1).</summary>
        public static byte[] LengthOctets(int length) => length switch
        {
            < 0x80 => [(byte)length],
            <= 0xFF => [0x81, (byte)length],
            <= 0xFFFF => [0x82, (byte)(length >> 8), (byte)length],
            <= 0xFFFFFF => [0x83, (byte)(length >> 16), (byte)(length >> 8), (byte)length],
            _ => [0x84, (byte)(length >> 24), (byte)(length >> 16), (byte)(length >> 8), (byte)length],
        };

        private static bool WalkRange(byte[] der, int start, int end, int parent, string parentPath, List<Tlv> nodes)
        {
            int mark = nodes.Count;
            int position = start;
            for (int child = 0; position < end; child++)
            {
                if (!TryReadHeader(der, position, end, out byte tag, out int contentStart, out int length))
                {
                    nodes.RemoveRange(mark, nodes.Count - mark);
                    return false;
                }

                string path = parentPath.Length == 0 ? child.ToString(CultureInfo.InvariantCulture) : parentPath + "." + child.ToString(CultureInfo.InvariantCulture);
                int index = nodes.Count;
                nodes.Add(new Tlv(parent, tag, position, contentStart, length, path));
                if ((tag & 0x20) != 0)
                {
                    WalkRange(der, contentStart, contentStart + length, index, path, nodes);
                }
                else if (tag == 0x04 && length > 1)
                {
                    WalkRange(der, contentStart, contentStart + length, index, path, nodes);
                }
                else if (tag == 0x03 && length > 2 && der[contentStart] == 0)
                {
                    WalkRange(der, contentStart + 1, contentStart + length, index, path, nodes);
                }

                position = contentStart + length;
            }

            return true;
        }

        private static bool TryReadHeader(byte[] der, int position, int end, out byte tag, out int contentStart, out int length)
        {
            tag = der[position];
            contentStart = 0;
            length = 0;
            if ((tag & 0x1F) == 0x1F || position + 2 > end)
            {
                return false;
            }

            int first = der[position + 1];
            contentStart = position + 2;
            if (first < 0x80)
            {
                length = first;
            }
            else
            {
                int count = first & 0x7F;
                if (count is 0 or > 3 || contentStart + count > end)
                {
                    return false;
                }

                for (int i = 0; i < count; i++)
                {
                    length = (length << 8) | der[contentStart++];
                }
            }

            return length <= end - contentStart;
        }
    }
}
