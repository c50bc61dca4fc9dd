using System.Globalization;
using System.Numerics;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Tests.TestCertificates;

namespace Golem.MeshPki.Tests.Certificates;

/// <summary>
/// <see cref="DerCertificateRevocationList.IsRevoked"/> on large lists: correctness only (speed is the benchmarks' to
/// judge). Lists of up to 16 entries are scanned and longer ones hashed, so cases run on both sides of that line.
/// </summary>
public sealed partial class DerCertificateRevocationListTests
{
    private const int LargeCount = 100_000;

    private static readonly DateTimeOffset LargeFirstRevocation = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<LargeCrl> LazyLargeCrl = new(static () => new LargeCrl(LargeCount));

    [Fact]
    public void IsRevoked_finds_each_of_100000_entries_with_its_date_and_reason()
    {
        LargeCrl large = LazyLargeCrl.Value;
        DerCertificateRevocationList crl = DerCertificateRevocationList.Parse(large.Der);
        Assert.Equal(LargeCount, crl.RevokedCertificateCount);

        var misses = new List<string>();
        for (int i = 0; i < LargeCount; i++)
        {
            bool listed = crl.IsRevoked(large.Serials[i], out DateTimeOffset revoked, out CrlReason? reason);
            if (!listed || revoked != LargeCrl.RevocationDate(i) || reason != large.Reasons[i])
            {
                misses.Add($"entry {i} serial {Convert.ToHexStringLower(large.Serials[i])}: listed {listed}, {revoked:O}, {reason}");
            }
        }

        Assert.True(misses.Count == 0, $"{misses.Count} entries not found as listed, e.g.\n" + string.Join('\n', misses.Take(10)));
    }

    [Fact]
    public void IsRevoked_finds_no_unlisted_serial_in_100000_entries_and_no_other_encoding_of_a_listed_one()
    {
        LargeCrl large = LazyLargeCrl.Value;
        DerCertificateRevocationList crl = DerCertificateRevocationList.Parse(large.Der);
        var listed = new HashSet<string>(large.Serials.Select(static serial => Convert.ToHexStringLower(serial)));

        var falsePositives = new List<string>();
        void ExpectUnlisted(byte[] serial)
        {
            Assert.DoesNotContain(Convert.ToHexStringLower(serial), listed);
            if (crl.IsRevoked(serial, out DateTimeOffset revoked, out CrlReason? reason) || revoked != default || reason is not null)
            {
                falsePositives.Add(Convert.ToHexStringLower(serial));
            }
        }

        for (int i = 0; i < LargeCount; i++)
        {
            // Values between the listed ones, of every shape the list holds.
            ExpectUnlisted(Integer(LargeCrl.SerialValue(i) + (i % 4 == 3 ? -LargeCount : LargeCount * 4)));
        }

        foreach (byte[] serial in large.Serials.Take(4_000))
        {
            // The same number, not the same octets: a sign octet added or dropped is another INTEGER encoding.
            ExpectUnlisted(serial[0] < 0x80 ? [0x00, .. serial] : [0xFF, .. serial]);
            if (serial.Length > 1 && serial[0] == 0x00)
            {
                ExpectUnlisted(serial[1..]);
            }
        }

        ExpectUnlisted([]);
        Assert.True(falsePositives.Count == 0, $"{falsePositives.Count} unlisted serials reported revoked, e.g. {string.Join(", ", falsePositives.Take(10))}");
    }

    [Fact]
    public void Enumerating_100000_entries_yields_each_in_order()
    {
        LargeCrl large = LazyLargeCrl.Value;
        DerCertificateRevocationList crl = DerCertificateRevocationList.Parse(large.Der);

        int index = 0;
        foreach (RevokedCertificate entry in crl.GetRevokedCertificates())
        {
            Assert.True(entry.SerialNumber.Span.SequenceEqual(large.Serials[index]), $"entry {index}");
            Assert.Equal(LargeCrl.RevocationDate(index), entry.RevocationDate);
            Assert.Equal(large.Reasons[index], entry.Reason);
            index++;
        }

        Assert.Equal(LargeCount, index);
    }

    [Fact]
    public void Concurrent_first_lookups_build_one_index_and_all_find_their_serials()
    {
        LargeCrl large = LazyLargeCrl.Value;

        // A fresh instance, so that the threads race to build its index.
        DerCertificateRevocationList crl = DerCertificateRevocationList.Parse(large.Der);
        int found = 0;
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, thread =>
        {
            for (int i = thread; i < LargeCount; i += 8)
            {
                if (crl.IsRevoked(large.Serials[i], out DateTimeOffset revoked, out _) && revoked == LargeCrl.RevocationDate(i))
                {
                    Interlocked.Increment(ref found);
                }
            }
        });

        Assert.Equal(LargeCount, found);
    }

    /// <summary>Both lookups, the scan (up to 16 entries) and the hash set (more), compare exact octets and let the first of duplicate serials answer.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(1_000)]
    public void Scanned_and_hashed_lookups_agree_on_exact_octets_and_duplicates(int count)
    {
        // Entry 0 is serial 128 (00 80); the last entry lists it again with another date and reason.
        var entries = new List<byte[]> { CrlSpec.Entry([0x00, 0x80], "260101000000Z", CrlSpec.ReasonCode(1)) };
        for (int i = 1; i < count - 1; i++)
        {
            entries.Add(CrlSpec.Entry(Integer(1_000 + i)));
        }

        if (count > 1)
        {
            entries.Add(CrlSpec.Entry([0x00, 0x80], "260202000000Z", CrlSpec.ReasonCode(4)));
        }

        DerCertificateRevocationList crl = DerCertificateRevocationList.Parse(new CrlSpec { Entries = entries }.Encode());

        Assert.Equal(count, crl.RevokedCertificateCount);
        Assert.True(crl.IsRevoked([0x00, 0x80], out DateTimeOffset revoked, out CrlReason? reason));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), revoked);
        Assert.Equal(CrlReason.KeyCompromise, reason);
        Assert.False(crl.IsRevoked([0x80], out _, out _));
        Assert.False(crl.IsRevoked([0x00, 0x00, 0x80], out _, out _));
        Assert.False(crl.IsRevoked([], out _, out _));
        for (int i = 1; i < count - 1; i++)
        {
            Assert.True(crl.IsRevoked(Integer(1_000 + i), out _, out CrlReason? none));
            Assert.Null(none);
        }

        Assert.False(crl.IsRevoked(Integer(1_000 + count), out _, out _));
    }

    /// <summary>The DER INTEGER content octets of <paramref name="value"/> (X.690 8.3: minimal two's complement).</summary>
    private static byte[] Integer(BigInteger value) => value.ToByteArray(isUnsigned: false, isBigEndian: true);

    /// <summary>A CRL of <c>count</c> entries whose serials take every shape real ones do, written with the test DER writer.</summary>
    private sealed class LargeCrl
    {
        public LargeCrl(int count)
        {
            Serials = new byte[count][];
            Reasons = new CrlReason?[count];
            var entries = new byte[count][];
            for (int i = 0; i < count; i++)
            {
                Serials[i] = Integer(SerialValue(i));

                // Every third entry has a reasonCode, 0..10 but 7 (unused).
                int reason = (i / 3) % 11;
                Reasons[i] = i % 3 == 0 && reason != 7 ? (CrlReason)reason : null;
                string date = RevocationDate(i).ToString("yyMMddHHmmss", CultureInfo.InvariantCulture) + "Z";
                entries[i] = Reasons[i] is { } code ? CrlSpec.Entry(Serials[i], date, CrlSpec.ReasonCode((int)code)) : CrlSpec.Entry(Serials[i], date);
            }

            Assert.Equal(count, Serials.Select(static serial => Convert.ToHexStringLower(serial)).Distinct().Count());
            Der = new CrlSpec { Entries = entries }.Encode();
        }

        public byte[][] Serials { get; }

        public CrlReason?[] Reasons { get; }

        public byte[] Der { get; }

        /// <summary>
        /// Four shapes in turn: short positive; positive with the top bit set (a sign octet); 20 octets (RFC 5280's
        /// maximum, as random serials are); negative (a CA bug readers still meet).
        /// </summary>
        public static BigInteger SerialValue(int i) => (i % 4) switch
        {
            0 => i + 1,
            1 => 0x80_0000 + i,
            2 => (BigInteger.One << 158) + (new BigInteger(i) * 0x9E37_79B9_7F4A_7C15UL),
            _ => -(i + 1),
        };

        public static DateTimeOffset RevocationDate(int i) => LargeFirstRevocation.AddSeconds(i);
    }
}
