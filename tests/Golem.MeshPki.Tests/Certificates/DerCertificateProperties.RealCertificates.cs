using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Golem.MeshPki.Certificates;

namespace Golem.MeshPki.Tests.Certificates;

/// <summary>Properties over real certificates: the Mozilla roots and the generated seeds of <see cref="MutationTests"/>.</summary>
public sealed partial class DerCertificateProperties
{
    private static Gen<MutationTests.Seed> Seeds => Gen.Elements<MutationTests.Seed>(MutationTests.SeedCorpus.Instance.Seeds);

    private static Gen<Splice> Splices =>
        from position in Gen.Choose(0, int.MaxValue - 1)
        from deleted in Gen.Choose(0, 8)
        from length in Gen.Frequency((1, Gen.Constant(deleted)), (1, Gen.Choose(0, 8)))
        from inserted in Gen.ArrayOf(DerishByte, length)
        select new Splice(position, deleted, inserted);

    private static Gen<SplicedCertificate> SplicedCertificates =>
        from seed in Seeds
        from count in Gen.Choose(1, 4)
        from splices in Gen.ArrayOf(Splices, count)
        select new SplicedCertificate(seed, splices);

    private static Gen<DerInput> TruncatedCertificates =>
        from seed in Seeds
        from length in Gen.Choose(0, seed.Der.Length - 1)
        select new DerInput($"{seed.Name} cut to {length} bytes", seed.Der[..length]);

    /// <summary>
    /// (c) A real certificate with a few random splices: bytes deleted and random bytes inserted at random places. Half
    /// the splices keep the length, so that the outer lengths still hold and the change is met where it is.
    /// </summary>
    [Property(MaxTest = 5_000)]
    public Property A_certificate_with_random_splices_is_read_or_rejected_with_CertificateFormatException() =>
        Prop.ForAll(SplicedCertificates.ToArbitrary(), spliced => ReadOrReject(spliced.Apply()));

    /// <summary>
    /// (d) <c>Parse(data, out consumed)</c> reads a certificate followed by other bytes, the same as the certificate alone,
    /// and <c>Parse(data)</c> rejects the same input at the first byte after the certificate.
    /// </summary>
    [Property(MaxTest = 1_000)]
    public Property Parse_with_bytesConsumed_reads_a_certificate_followed_by_other_bytes() =>
        Prop.ForAll(Seeds.ToArbitrary(), Arb.Filter(ArbMap.Default.ArbFor<byte[]>(), bytes => bytes.Length > 0), (seed, trailing) =>
        {
            byte[] input = [.. seed.Der, .. trailing];
            DerCertificate certificate = DerCertificate.Parse(input, out int consumed);
            Assert.Equal(seed.Der.Length, consumed);
            Assert.Equal(seed.Der.Length, certificate.RawData.Length);
            Assert.Equal(seed.Summary, MutationTests.Summarize(certificate));

            // Offsets are relative to the memory given, not to the array behind it.
            byte[] shifted = [0x30, 0x82, 0xFF, .. input];
            DerCertificate.Parse(shifted.AsMemory(3), out int shiftedConsumed);
            Assert.Equal(seed.Der.Length, shiftedConsumed);

            var rejection = Assert.Throws<CertificateFormatException>(() => DerCertificate.Parse(input));
            Assert.Equal(seed.Der.Length, rejection.Offset);
            Assert.False(string.IsNullOrEmpty(rejection.FieldPath));
        });

    /// <summary>One splice: at <see cref="Position"/> (modulo the length), delete up to <see cref="Deleted"/> bytes and insert <see cref="Inserted"/>.</summary>
    private readonly record struct Splice(int Position, int Deleted, byte[] Inserted);

    /// <summary>A seed certificate and the splices applied to it in order.</summary>
    private sealed record SplicedCertificate(MutationTests.Seed Seed, Splice[] Splices)
    {
        public byte[] Apply()
        {
            byte[] bytes = Seed.Der;
            foreach (Splice splice in Splices)
            {
                int at = splice.Position % (bytes.Length + 1);
                int end = at + Math.Min(splice.Deleted, bytes.Length - at);
                bytes = MutationTests.DerLayout.Splice(bytes, at, end, splice.Inserted);
            }

            return bytes;
        }

        public override string ToString() =>
            $"{Seed.Name} with splices {string.Join(", ", Splices.Select(s => $"at {s.Position} delete {s.Deleted} insert {MutationTests.Hex(s.Inserted)}"))}";
    }
}
