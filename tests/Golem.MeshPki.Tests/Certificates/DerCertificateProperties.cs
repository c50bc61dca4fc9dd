using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Golem.MeshPki.Certificates;
using Xunit.Abstractions;

namespace Golem.MeshPki.Tests.Certificates;

/// <summary>
/// FsCheck properties of <see cref="DerCertificate.Parse(ReadOnlyMemory{byte})"/>: whatever the bytes, it returns or throws
/// <see cref="CertificateFormatException"/> naming an offset inside the input and a field, and a certificate it returns
/// answers every accessor. Real certificates are the seeds of <see cref="MutationTests"/>.
/// </summary>
/// <remarks>
/// This file holds the properties over made-up bytes; <c>DerCertificateProperties.RealCertificates.cs</c> those over
/// real certificates. A failure prints FsCheck's Replay seed and the input in hex.
/// </remarks>
public sealed partial class DerCertificateProperties
{
    /// <summary>Bytes that mean something in DER: universal and context tags, long-form length prefixes, small lengths.</summary>
    private static readonly byte[] DerBytes = [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0C, 0x13, 0x16, 0x17, 0x18, 0x30, 0x31, 0x7F, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0xA0, 0xA3, 0xFF];

    public DerCertificateProperties(ITestOutputHelper output) => MutationTests.SeedCorpus.Instance.WriteNotes(output);

    /// <summary>Uniform bytes and DER-meaningful ones, so that random input gets past the first header now and then.</summary>
    private static Gen<byte> DerishByte => Gen.Frequency(
        (2, ArbMap.Default.GeneratorFor<byte>()),
        (2, Gen.Elements(DerBytes)),
        (1, Gen.Choose(0, 20).Select(i => (byte)i)));

    private static Gen<byte[]> DerishBytes => Gen.ArrayOf(DerishByte);

    /// <summary>
    /// A SEQUENCE header of the right length over random contents, sometimes with a tbsCertificate SEQUENCE and a
    /// version and serial inside, so the input reaches the reader's deeper checks.
    /// </summary>
    private static Gen<byte[]> UnderSequenceHeader => Gen.Frequency(
        (2, DerishBytes.Select(contents => Tlv(0x30, contents))),
        (1, Gen.Zip(DerishBytes, DerishBytes, (tbs, rest) => Tlv(0x30, [.. Tlv(0x30, tbs), .. rest]))),
        (1, Gen.Zip(DerishBytes, DerishBytes, (tbs, rest) => Tlv(0x30, [.. Tlv(0x30, [0xA0, 0x03, 0x02, 0x01, 0x02, 0x02, 0x01, 0x01, .. tbs]), .. rest]))));

    /// <summary>(a) Any bytes at all.</summary>
    [Property(MaxTest = 10_000, EndSize = 200)]
    public Property Arbitrary_bytes_are_read_or_rejected_with_CertificateFormatException() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), input => ReadOrReject(input));

    /// <summary>(b) Random contents under a valid outer SEQUENCE header, so that parsing gets past the first element.</summary>
    [Property(MaxTest = 5_000, EndSize = 300)]
    public Property Bytes_under_a_valid_SEQUENCE_header_are_read_or_rejected_with_CertificateFormatException() =>
        Prop.ForAll(UnderSequenceHeader.Select(bytes => new DerInput("under a SEQUENCE header", bytes)).ToArbitrary(), input => ReadOrReject(input.Bytes));

    /// <summary>(e) A rejection says where: an offset in [0, input length] and a non-empty field path.</summary>
    [Property(MaxTest = 5_000, EndSize = 300)]
    public Property A_rejection_names_an_offset_inside_the_input_and_a_field()
    {
        Gen<DerInput> inputs = Gen.OneOf(
            ArbMap.Default.GeneratorFor<byte[]>().Select(bytes => new DerInput("arbitrary bytes", bytes)),
            UnderSequenceHeader.Select(bytes => new DerInput("under a SEQUENCE header", bytes)),
            SplicedCertificates.Select(spliced => new DerInput(spliced.ToString(), spliced.Apply())),
            TruncatedCertificates);
        return Prop.ForAll(inputs.ToArbitrary(), input =>
        {
            CertificateFormatException? rejection = RejectionOf(input.Bytes);
            bool inside = rejection is null
                || (rejection.Offset >= 0 && rejection.Offset <= input.Bytes.Length && !string.IsNullOrEmpty(rejection.FieldPath));
            return inside
                .Label($"offset {rejection?.Offset} and field '{rejection?.FieldPath}' for {input.Bytes.Length} bytes: {rejection?.Message}")
                .Classify(rejection is null, "parsed")
                .Classify(rejection is not null, "rejected");
        });
    }

    /// <summary>Parses and, when the input is accepted, reads every accessor; fails on anything but <see cref="CertificateFormatException"/>.</summary>
    /// <returns>A property classified by outcome, so that FsCheck's report shows how deep the inputs got.</returns>
    private static Property ReadOrReject(byte[] input)
    {
        MutationTests.Outcome outcome = MutationTests.Inspect(input);
        if (outcome.Problem is not null)
        {
            Assert.Fail($"{outcome.Problem}\ninput ({input.Length} bytes): {MutationTests.Hex(input)}");
        }

        // How far the inputs got, so the report shows whether they reach the reader's deeper checks.
        string field = outcome.Exception?.FieldPath ?? string.Empty;
        return true
            .Classify(outcome.Certificate is not null, "parsed")
            .Classify(field == "certificate", "rejected at the outer SEQUENCE")
            .Classify(field.StartsWith("tbsCertificate", StringComparison.Ordinal), "rejected inside tbsCertificate")
            .Classify(field.StartsWith("signature", StringComparison.Ordinal), "rejected after tbsCertificate");
    }

    /// <summary>The rejection, or null when the input parses; any other exception escapes and fails the property.</summary>
    private static CertificateFormatException? RejectionOf(byte[] input)
    {
        try
        {
            DerCertificate.Parse(input);
            return null;
        }
        catch (CertificateFormatException exception)
        {
            return exception;
        }
    }

    private static byte[] Tlv(byte tag, byte[] contents) => [tag, .. MutationTests.DerLayout.LengthOctets(contents.Length), .. contents];

    /// <summary>An input with where it came from; FsCheck prints it as a counterexample.</summary>
    private sealed record DerInput(string Origin, byte[] Bytes)
    {
        public override string ToString() => $"{Origin} ({Bytes.Length} bytes): {MutationTests.Hex(Bytes)}";
    }
}
