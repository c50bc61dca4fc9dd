using Golem.MeshPki.Certificates.Der;
using Segment = Golem.MeshPki.Certificates.DerCertificate.Segment;

namespace Golem.MeshPki.Certificates;

/// <summary>Serial number lookup for <see cref="IsRevoked"/>.</summary>
public sealed partial class DerCertificateRevocationList
{
    /// <summary>Scans the entries for <paramref name="serialNumber"/>; for short lists, where a hash set would not pay.</summary>
    /// <returns>The offset of the first matching entry, or -1.</returns>
    private int FindLinearly(ReadOnlySpan<byte> serialNumber)
    {
        var entries = new DerReader(_data.Span, _entries.Start, _entries.End);
        while (entries.HasData)
        {
            DerElement entry = entries.ReadAny(EntryField);
            DerReader inner = entries.Enter(entry);
            if (inner.Contents(inner.ReadAny(SerialField)).SequenceEqual(serialNumber))
            {
                return entry.HeaderStart;
            }
        }

        return -1;
    }

    /// <summary>The serial set, built on first use exactly once: threads that ask meanwhile wait for it rather than build their own.</summary>
    private RevokedSerialSet SerialSet() =>
        LazyInitializer.EnsureInitialized(ref _serialSet, ref _serialSetLock, () => new RevokedSerialSet(_data, _entries, RevokedCertificateCount));

    /// <summary>An entry's serial number (contents offsets) and where the entry starts.</summary>
    private readonly record struct SerialReference(int SerialStart, int SerialLength, int EntryStart);

    /// <summary>
    /// A hash set of the entries' serial numbers. Keys are offsets into the CRL's bytes, not copies,
    /// and lookups take a span through an alternate comparer, so neither building nor looking up copies
    /// a serial. The hash is <see cref="HashCode"/>'s, randomized per process, so a hostile CRL cannot
    /// choose serials that collide.
    /// </summary>
    private sealed class RevokedSerialSet
    {
        private readonly HashSet<SerialReference> _serials;

        public RevokedSerialSet(ReadOnlyMemory<byte> data, Segment entriesSegment, int count)
        {
            _serials = new HashSet<SerialReference>(count, new SerialComparer(data));
            var entries = new DerReader(data.Span, entriesSegment.Start, entriesSegment.End);
            while (entries.HasData)
            {
                DerElement entry = entries.ReadAny(EntryField);
                DerElement serial = entries.Enter(entry).ReadAny(SerialField);

                // Add keeps the first of duplicate serials, as the linear scan finds the first.
                _serials.Add(new SerialReference(serial.ContentStart, serial.ContentLength, entry.HeaderStart));
            }
        }

        /// <returns>The offset of the entry listing <paramref name="serialNumber"/>, or -1.</returns>
        public int Find(ReadOnlySpan<byte> serialNumber) =>
            _serials.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(serialNumber, out SerialReference found) ? found.EntryStart : -1;
    }

    /// <summary>Compares serial references by the serial octets they point at, and spans against them.</summary>
    private sealed class SerialComparer(ReadOnlyMemory<byte> data) : IEqualityComparer<SerialReference>, IAlternateEqualityComparer<ReadOnlySpan<byte>, SerialReference>
    {
        public bool Equals(SerialReference x, SerialReference y) => Serial(x).SequenceEqual(Serial(y));

        public int GetHashCode(SerialReference obj) => Hash(Serial(obj));

        public bool Equals(ReadOnlySpan<byte> alternate, SerialReference other) => alternate.SequenceEqual(Serial(other));

        public int GetHashCode(ReadOnlySpan<byte> alternate) => Hash(alternate);

        // Only adding through the alternate lookup creates keys, and the set is never added to that way.
        public SerialReference Create(ReadOnlySpan<byte> alternate) =>
            throw new NotSupportedException("Serial references point into the CRL and cannot be made from other bytes.");

        private static int Hash(ReadOnlySpan<byte> serial)
        {
            HashCode hash = default;
            hash.AddBytes(serial);
            return hash.ToHashCode();
        }

        private ReadOnlySpan<byte> Serial(SerialReference reference) => data.Span.Slice(reference.SerialStart, reference.SerialLength);
    }
}
