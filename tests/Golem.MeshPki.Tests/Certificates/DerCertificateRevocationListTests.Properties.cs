using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Tests.TestCertificates;

namespace Golem.MeshPki.Tests.Certificates;

/// <summary>
/// Mutation properties: whatever is done to a real CRL's bytes, <see cref="DerCertificateRevocationList.Parse(ReadOnlyMemory{byte})"/>
/// returns or throws <see cref="CertificateFormatException"/> naming an offset inside the input and a field, never
/// anything else; and a CRL it returns answers every accessor, enumerates, and finds each entry it enumerates. A failure
/// prints FsCheck's Replay seed and the input in hex.
/// </summary>
public sealed partial class DerCertificateRevocationListTests
{
    private static readonly byte[] DerBytes = [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0A, 0x0C, 0x13, 0x17, 0x18, 0x30, 0x31, 0x7F, 0x80, 0x81, 0x82, 0x84, 0xA0, 0xA1, 0xFF];

    private static readonly Lazy<CrlSeed[]> LazySeeds = new(static () =>
    [
        new("openssl/revoked", OpenSslCrls.Instance.Revoked),
        new("openssl/empty", OpenSslCrls.Instance.Empty),
        new("openssl/v1", OpenSslCrls.Instance.Version1),
        new("bouncycastle/full", BouncyCastleCrls.Full),
        new("bouncycastle/delta", BouncyCastleCrls.Delta),
        new("handmade/relative-name-some-reasons", DifferentialCrl("handmade/relative-name-some-reasons")),
    ]);

    private static Gen<byte> DerishByte => Gen.Frequency((2, ArbMap.Default.GeneratorFor<byte>()), (2, Gen.Elements(DerBytes)));

    private static Gen<CrlSeed> CrlSeeds => Gen.Elements<CrlSeed>(LazySeeds.Value);

    /// <summary>One change to a CRL's bytes, chosen from the families that break DER in different ways.</summary>
    private static Gen<CrlMutation> CrlMutations => Gen.Frequency(
        (3, from position in Gen.Choose(0, int.MaxValue - 1)
            from bit in Gen.Choose(0, 7)
            select new CrlMutation($"flip bit {bit} at {{0}}", position, bytes => Replaced(bytes, position, (byte)(bytes[position % bytes.Length] ^ (1 << bit))))),
        (3, from position in Gen.Choose(0, int.MaxValue - 1)
            from value in DerishByte
            select new CrlMutation($"replace byte at {{0}} with {value:x2}", position, bytes => Replaced(bytes, position, value))),
        (1, from length in Gen.Choose(0, int.MaxValue - 1)
            select new CrlMutation("cut to {0} bytes", length, bytes => bytes[..(length % bytes.Length)])),
        (2, from position in Gen.Choose(0, int.MaxValue - 1)
            from deleted in Gen.Choose(0, 4)
            from insertedLength in Gen.Choose(0, 4)
            from inserted in Gen.ArrayOf(DerishByte, insertedLength)
            select new CrlMutation($"at {{0}} delete {deleted} insert {Convert.ToHexStringLower(inserted)}", position, bytes =>
            {
                int at = position % (bytes.Length + 1);
                return MutationTests.DerLayout.Splice(bytes, at, at + Math.Min(deleted, bytes.Length - at), inserted);
            })),
        (3, from element in Gen.Choose(0, int.MaxValue - 1)
            from contentsLength in Gen.Choose(0, 12)
            from contents in Gen.ArrayOf(DerishByte, contentsLength)
            select new CrlMutation($"contents of element {{0}} replaced by {Convert.ToHexStringLower(contents)}, lengths repaired", element, bytes =>
            {
                // Enclosing lengths repaired, so that the change is met where it is, deep inside the structure.
                var layout = MutationTests.DerLayout.Walk(bytes);
                if (layout.Nodes.Count == 0)
                {
                    return bytes;
                }

                int index = element % layout.Nodes.Count;
                MutationTests.Tlv node = layout.Nodes[index];
                return layout.SpliceRepaired(bytes, index, node.ContentStart, node.End, contents);
            })));

    private static Gen<MutatedCrl> MutatedCrls =>
        from seed in CrlSeeds
        from count in Gen.Choose(1, 3)
        from mutations in Gen.ArrayOf(CrlMutations, count)
        select new MutatedCrl(seed, mutations);

    [Property(MaxTest = 20_000)]
    public Property A_mutated_CRL_is_read_or_rejected_with_CertificateFormatException() =>
        Prop.ForAll(MutatedCrls.ToArbitrary(), mutated =>
        {
            byte[] input = mutated.Apply();
            CrlOutcome outcome = InspectCrl(input);
            if (outcome.Problem is not null)
            {
                Assert.Fail($"{outcome.Problem}\n{mutated}\ninput ({input.Length} bytes): {Convert.ToHexStringLower(input)}");
            }

            string field = outcome.Exception?.FieldPath ?? string.Empty;
            return true
                .Classify(outcome.Exception is null, "parsed")
                .Classify(field.StartsWith("tbsCertList.revokedCertificates", StringComparison.Ordinal), "rejected in an entry")
                .Classify(field.StartsWith("tbsCertList.crlExtensions", StringComparison.Ordinal), "rejected in crlExtensions");
        });

    [Property(MaxTest = 5_000, EndSize = 300)]
    public Property Arbitrary_bytes_under_a_SEQUENCE_header_are_read_or_rejected_with_CertificateFormatException() =>
        Prop.ForAll(Gen.ArrayOf(DerishByte).Select(static contents => Der.Tlv(Der.SequenceTag, [.. Der.Tlv(Der.SequenceTag, contents)])).ToArbitrary(), input =>
        {
            CrlOutcome outcome = InspectCrl(input);
            Assert.True(outcome.Problem is null, $"{outcome.Problem}\ninput: {Convert.ToHexStringLower(input)}");
        });

    [Property(MaxTest = 500)]
    public Property Parse_with_bytesConsumed_reads_a_CRL_followed_by_other_bytes() =>
        Prop.ForAll(CrlSeeds.ToArbitrary(), Arb.Filter(ArbMap.Default.ArbFor<byte[]>(), static bytes => bytes.Length > 0), (seed, trailing) =>
        {
            byte[] input = [.. seed.Der, .. trailing];
            DerCertificateRevocationList crl = DerCertificateRevocationList.Parse(input, out int consumed);
            Assert.Equal(seed.Der.Length, consumed);
            Assert.Equal(SummarizeCrl(DerCertificateRevocationList.Parse(seed.Der)), SummarizeCrl(crl));

            var rejection = Assert.Throws<CertificateFormatException>(() => DerCertificateRevocationList.Parse(input));
            Assert.Equal(seed.Der.Length, rejection.Offset);
            Assert.Equal("certificateList", rejection.FieldPath);
        });

    /// <summary>Every single-bit flip and every truncation of the openssl CRL, exhaustively.</summary>
    [Fact]
    public void Every_bit_flip_and_truncation_of_the_openssl_CRL_is_read_or_rejected_with_CertificateFormatException()
    {
        byte[] seed = OpenSslCrls.Instance.Revoked;
        var problems = new List<string>();
        int parsed = 0;
        for (int position = 0; position < seed.Length; position++)
        {
            for (int bit = 0; bit < 8; bit++)
            {
                byte[] input = Replaced(seed, position, (byte)(seed[position] ^ (1 << bit)));
                CrlOutcome outcome = InspectCrl(input);
                parsed += outcome.Exception is null ? 1 : 0;
                if (outcome.Problem is not null)
                {
                    problems.Add($"bit {bit} at {position}: {outcome.Problem}");
                }
            }

            CrlOutcome truncated = InspectCrl(seed[..position]);
            if (truncated.Problem is not null || truncated.Exception is null)
            {
                problems.Add($"cut to {position}: {truncated.Problem ?? "parsed"}");
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problems, e.g.\n" + string.Join('\n', problems.Take(5)));

        // Flips inside the signature, times' digits and serials parse: the accessors were exercised.
        Assert.True(parsed > seed.Length, $"only {parsed} of {seed.Length * 8} flips parsed");
    }

    /// <summary>Parses <paramref name="input"/> and, when it is accepted, reads every accessor. Never throws.</summary>
    private static CrlOutcome InspectCrl(byte[] input)
    {
        DerCertificateRevocationList crl;
        try
        {
            crl = DerCertificateRevocationList.Parse(input);
        }
        catch (CertificateFormatException exception)
        {
            string? problem = exception.Offset < 0 || exception.Offset > input.Length || string.IsNullOrEmpty(exception.FieldPath) || string.IsNullOrEmpty(exception.Reason)
                ? $"CertificateFormatException names offset {exception.Offset} and field '{exception.FieldPath}' for an input of {input.Length} bytes: {exception.Message}"
                : null;
            return new CrlOutcome(exception, problem);
        }
#pragma warning disable CA1031 // Any other exception is the bug this test looks for: report it with the input.
        catch (Exception exception)
        {
            return new CrlOutcome(null, $"Parse threw {exception.GetType().FullName} instead of CertificateFormatException: {exception}");
        }

        try
        {
            SummarizeCrl(crl);
            return new CrlOutcome(null, null);
        }
        catch (Exception exception)
        {
            return new CrlOutcome(null, $"Parse accepted the input but an accessor threw {exception.GetType().FullName}: {exception}");
        }
#pragma warning restore CA1031
    }

    /// <summary>Reads every accessor of <paramref name="crl"/> into text, and checks that each entry it enumerates is found by IsRevoked.</summary>
    private static string SummarizeCrl(DerCertificateRevocationList crl)
    {
        CultureInfo invariant = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(invariant, $"{crl}\nv{crl.Version} {crl.SignatureAlgorithmName} {crl.SignatureAlgorithm} {Convert.ToHexStringLower(crl.EncodedSignatureAlgorithm.Span)} matching {crl.HasMatchingSignatureAlgorithms}\n");
        text.Append(invariant, $"issuer {crl.Issuer} {crl.Issuer.CommonName} empty {crl.Issuer.IsEmpty}; {crl.ThisUpdate:O} .. {crl.NextUpdate:O}\n");
        text.Append(invariant, $"tbs {crl.TbsCertList.Length} signature {crl.Signature.Length} raw {crl.RawData.Length}\n");
        text.Append(invariant, $"number {crl.HasCrlNumber} {Convert.ToHexStringLower(crl.CrlNumber.Span)} critical {crl.IsCrlNumberCritical}; aki {Convert.ToHexStringLower(crl.AuthorityKeyIdentifier.Span)}\n");
        text.Append(invariant, $"delta {crl.IsDeltaCrl} base {Convert.ToHexStringLower(crl.BaseCrlNumber.Span)}; idp {crl.HasIssuingDistributionPoint}\n");
        text.Append(invariant, $"unknown critical {crl.HasUnknownCriticalExtension} entries {crl.HasEntryWithUnknownCriticalExtension} indirect {crl.HasEntryWithCertificateIssuer}\n");
        foreach (CrlExtensionKind kind in Enum.GetValues<CrlExtensionKind>())
        {
            text.Append(invariant, $"{kind} {crl.HasExtension(kind)} {crl.IsExtensionCritical(kind)}; ");
        }

        if (crl.IssuingDistributionPoint is { } idp)
        {
            text.Append(invariant, $"\nidp name {idp.HasDistributionPointName} relative {idp.IsNameRelativeToCrlIssuer} user {idp.OnlyContainsUserCertificates} ca {idp.OnlyContainsCACertificates} attribute {idp.OnlyContainsAttributeCertificates} reasons {idp.HasOnlySomeReasons} indirect {idp.IsIndirectCrl}");
            foreach (Golem.MeshPki.Certificates.GeneralName name in idp.GetFullNames())
            {
                text.Append(' ').Append(name.ToString());
            }
        }

        foreach (CrlExtension extension in crl.GetExtensions())
        {
            text.Append(invariant, $"\next {extension} {extension.Oid.FriendlyName} {extension.Kind} {Convert.ToHexStringLower(extension.Value.Span)}");
        }

        int count = 0;
        foreach (RevokedCertificate entry in crl.GetRevokedCertificates())
        {
            count++;
            text.Append(invariant, $"\nentry {entry} {entry.InvalidityDate:O}");
            foreach (CrlExtension extension in entry.GetExtensions())
            {
                text.Append(invariant, $" [{extension}]");
            }

            if (!crl.IsRevoked(entry.SerialNumber.Span, out _, out _))
            {
                throw new InvalidOperationException($"entry {count - 1} is enumerated but IsRevoked does not find serial {Convert.ToHexStringLower(entry.SerialNumber.Span)}");
            }
        }

        if (count != crl.RevokedCertificateCount)
        {
            throw new InvalidOperationException($"{count} entries enumerated, RevokedCertificateCount says {crl.RevokedCertificateCount}");
        }

        return text.ToString();
    }

    private static byte[] Replaced(byte[] bytes, int position, byte value)
    {
        byte[] copy = (byte[])bytes.Clone();
        copy[position % copy.Length] = value;
        return copy;
    }

    /// <summary>A seed CRL by name.</summary>
    private sealed record CrlSeed(string Name, byte[] Der)
    {
        public override string ToString() => Name;
    }

    /// <summary>One mutation: a description with <c>{0}</c> for the raw position, and the change.</summary>
    private sealed record CrlMutation(string Description, int Position, Func<byte[], byte[]> Apply)
    {
        public override string ToString() => string.Format(CultureInfo.InvariantCulture, Description, Position);
    }

    /// <summary>A seed and the mutations applied to it in order; FsCheck prints it as the counterexample.</summary>
    private sealed record MutatedCrl(CrlSeed Seed, CrlMutation[] Mutations)
    {
        public byte[] Apply()
        {
            byte[] bytes = Seed.Der;
            foreach (CrlMutation mutation in Mutations)
            {
                bytes = bytes.Length == 0 ? bytes : mutation.Apply(bytes);
            }

            return bytes;
        }

        public override string ToString() => $"{Seed.Name} with {string.Join(", ", Mutations.Select(static m => m.ToString()))}";
    }

    /// <summary>What parsing did: rejected (with the exception), or accepted; <see cref="Problem"/> says what broke the contract.</summary>
    private sealed record CrlOutcome(CertificateFormatException? Exception, string? Problem);
}
