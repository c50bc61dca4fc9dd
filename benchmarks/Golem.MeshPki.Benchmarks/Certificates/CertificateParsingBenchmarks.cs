using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Golem.MeshPki.Benchmarks.Corpus;
using Golem.MeshPki.Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.X509;
using BcGeneralName = Org.BouncyCastle.Asn1.X509.GeneralName;
using BcX509Certificate = Org.BouncyCastle.X509.X509Certificate;
using GeneralName = Golem.MeshPki.Certificates.GeneralName;
using X509Extension = System.Security.Cryptography.X509Certificates.X509Extension;

namespace Golem.MeshPki.Benchmarks.Certificates;

/// <summary>
/// Parses every certificate of the Mozilla corpus (<see cref="MozillaCorpus"/>) and reads the
/// same fields with each library: <see cref="DerCertificate"/>, BouncyCastle and .NET's
/// <see cref="X509CertificateLoader"/> (the baseline), next to <see cref="RawTlvWalk"/>, a loop
/// that only walks the DER TLVs of the same bytes: the practical floor for any reader.
/// </summary>
/// <remarks>
/// <para>
/// One operation is one pass over the whole corpus; the <c>Mean/cert</c> and <c>Alloc/cert</c>
/// columns divide by its size (it depends on the installed <c>ca-certificates</c> version).
/// </para>
/// <para>
/// <b>Fields</b> variants read version, serial, validity, issuer and subject (raw), key
/// algorithm and size, basicConstraints, keyUsage, extendedKeyUsage, subject and authority key
/// identifiers and every subjectAltName entry, and fold them into a checksum that each method
/// returns so that nothing is eliminated as dead code. <b>Names</b> variants read the same and
/// also build the subject and issuer strings. Fingerprints are left out: hashing costs every
/// library the same.
/// </para>
/// <para>
/// Where a library offers both a raw view and a decoded object, the cheapest way to the same
/// information is used: the key size comes from the SubjectPublicKeyInfo DER (RSA modulus
/// length, or the named curve) rather than from building a key object, for BouncyCastle
/// (<c>GetPublicKey()</c> builds <c>RsaKeyParameters</c>, whose modulus checks take milliseconds) and for .NET
/// (<c>GetRSAPublicKey()</c> imports the key into OpenSSL). BouncyCastle's raw names are its
/// already decoded <see cref="X509Name"/>'s ASN.1 sequence, not a re-encoding. .NET's
/// <c>EnumerateDnsNames</c> and <c>EnumerateIPAddresses</c> skip the email and directoryName
/// entries that three corpus roots carry, so .NET's subjectAltName is read with
/// <see cref="AsnDecoder"/>, every entry as tag and value, as <see cref="DerCertificate"/> hands them out.
/// </para>
/// </remarks>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[Config(typeof(PerCertificateConfig))]
public class CertificateParsingBenchmarks
{
    private const string Fields = "Fields";
    private const string Names = "Names";

    private const string RsaEncryption = "1.2.840.113549.1.1.1";
    private const string EcPublicKey = "1.2.840.10045.2.1";

    private byte[][] _certificates = [];
    private ReadOnlyMemory<byte>[] _memories = [];

    /// <summary>Loads the corpus: PEM files decoded to DER before any measurement.</summary>
    [GlobalSetup]
    public void LoadCorpus()
    {
        _certificates = MozillaCorpus.LoadCertificates();
        _memories = Array.ConvertAll(_certificates, der => new ReadOnlyMemory<byte>(der));
    }

    /// <summary>Golem.MeshPki's <see cref="DerCertificate"/>: one object per certificate, every field a slice.</summary>
    [Benchmark, BenchmarkCategory(Fields)]
    public long GolemMeshPki()
    {
        long checksum = 0;
        foreach (ReadOnlyMemory<byte> der in _memories)
        {
            checksum += ReadFields(DerCertificate.Parse(der));
        }

        return checksum;
    }

    /// <summary>BouncyCastle's <see cref="X509CertificateParser"/>, which decodes the whole ASN.1 tree into objects.</summary>
    [Benchmark, BenchmarkCategory(Fields)]
    public long BouncyCastle()
    {
        var parser = new X509CertificateParser();
        long checksum = 0;
        foreach (byte[] der in _certificates)
        {
            checksum += ReadFields(parser.ReadCertificate(der));
        }

        return checksum;
    }

    /// <summary>.NET's <see cref="X509CertificateLoader"/> (OpenSSL underneath on Linux), with the typed extensions.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(Fields)]
    public long DotNetX509CertificateLoader()
    {
        long checksum = 0;
        foreach (byte[] der in _certificates)
        {
            using X509Certificate2 certificate = X509CertificateLoader.LoadCertificate(der);
            checksum += ReadFields(certificate);
        }

        return checksum;
    }

    /// <summary>The floor: visits every TLV of every certificate, descending into constructed ones, and checks nothing.</summary>
    [Benchmark, BenchmarkCategory(Fields)]
    public long RawTlvWalk()
    {
        long checksum = 0;
        foreach (byte[] der in _certificates)
        {
            checksum += WalkTlvs(der);
        }

        return checksum;
    }

    /// <summary><see cref="GolemMeshPki"/> plus the RFC 4514 subject and issuer strings.</summary>
    [Benchmark, BenchmarkCategory(Names)]
    public long GolemMeshPkiWithNames()
    {
        long checksum = 0;
        foreach (ReadOnlyMemory<byte> der in _memories)
        {
            DerCertificate certificate = DerCertificate.Parse(der);
            checksum += ReadFields(certificate) + certificate.Subject.ToString().Length + certificate.Issuer.ToString().Length;
        }

        return checksum;
    }

    /// <summary><see cref="BouncyCastle"/> plus <see cref="X509Name.ToString()"/> of subject and issuer.</summary>
    [Benchmark, BenchmarkCategory(Names)]
    public long BouncyCastleWithNames()
    {
        var parser = new X509CertificateParser();
        long checksum = 0;
        foreach (byte[] der in _certificates)
        {
            BcX509Certificate certificate = parser.ReadCertificate(der);
            checksum += ReadFields(certificate) + certificate.SubjectDN.ToString().Length + certificate.IssuerDN.ToString().Length;
        }

        return checksum;
    }

    /// <summary><see cref="DotNetX509CertificateLoader"/> plus <see cref="X500DistinguishedName.Name"/> of subject and issuer.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(Names)]
    public long DotNetWithNames()
    {
        long checksum = 0;
        foreach (byte[] der in _certificates)
        {
            using X509Certificate2 certificate = X509CertificateLoader.LoadCertificate(der);
            checksum += ReadFields(certificate) + certificate.SubjectName.Name.Length + certificate.IssuerName.Name.Length;
        }

        return checksum;
    }

    private static long ReadFields(DerCertificate certificate)
    {
        unchecked
        {
            long checksum = certificate.Version;
            checksum += Bytes(certificate.SerialNumber.Span);
            checksum += certificate.NotBefore.Ticks ^ certificate.NotAfter.Ticks;
            checksum += Bytes(certificate.Issuer.Encoded.Span) + Bytes(certificate.Subject.Encoded.Span);
            checksum += (int)certificate.PublicKeyAlgorithm + certificate.KeySize;
            checksum += (certificate.IsCertificateAuthority ? 1 : 0) + (certificate.PathLengthConstraint ?? -1);
            checksum += (int)certificate.KeyUsage;
            foreach (ObjectIdentifier usage in certificate.GetExtendedKeyUsages())
            {
                checksum += Bytes(usage.Contents.Span);
            }

            checksum += Bytes(certificate.SubjectKeyIdentifier.Span) + Bytes(certificate.AuthorityKeyIdentifier.Span);
            foreach (GeneralName name in certificate.GetSubjectAlternativeNames())
            {
                checksum += (int)name.Kind + Bytes(name.Value.Span);
            }

            return checksum;
        }
    }

    private static long ReadFields(BcX509Certificate certificate)
    {
        unchecked
        {
            long checksum = certificate.Version;
            checksum += certificate.SerialNumber.IntValue;
            checksum += certificate.NotBefore.Ticks ^ certificate.NotAfter.Ticks;
            checksum += ((Asn1Sequence)certificate.IssuerDN.ToAsn1Object()).Count + ((Asn1Sequence)certificate.SubjectDN.ToAsn1Object()).Count;

            SubjectPublicKeyInfo keyInfo = certificate.SubjectPublicKeyInfo;
            checksum += keyInfo.Algorithm.Algorithm.Id.Length + KeySize(keyInfo);

            // -1 when not a CA, int.MaxValue for a CA without pathLenConstraint.
            checksum += certificate.GetBasicConstraints();
            if (certificate.GetKeyUsage() is { } keyUsage)
            {
                for (int bit = 0; bit < keyUsage.Length; bit++)
                {
                    checksum += keyUsage[bit] ? 1 << bit : 0;
                }
            }

            if (certificate.GetExtendedKeyUsage() is { } usages)
            {
                foreach (DerObjectIdentifier usage in usages)
                {
                    checksum += usage.Id.Length;
                }
            }

            X509Extensions? extensions = certificate.CertificateStructure.TbsCertificate.Extensions;
            if (extensions is not null)
            {
                if (SubjectKeyIdentifier.FromExtensions(extensions) is { } subjectKeyId)
                {
                    checksum += Bytes(subjectKeyId.GetKeyIdentifier());
                }

                if (AuthorityKeyIdentifier.FromExtensions(extensions)?.KeyIdentifier is { } authorityKeyId)
                {
                    checksum += Bytes(authorityKeyId.GetOctets());
                }
            }

            if (certificate.GetSubjectAlternativeNameExtension() is { } alternativeNames)
            {
                foreach (BcGeneralName name in alternativeNames.GetNames())
                {
                    checksum += name.TagNo + (name.Name is IAsn1String text ? text.GetString().Length : 1);
                }
            }

            return checksum;
        }
    }

    private static long ReadFields(X509Certificate2 certificate)
    {
        unchecked
        {
            long checksum = certificate.Version;
            checksum += Bytes(certificate.SerialNumberBytes.Span);
            checksum += certificate.NotBefore.Ticks ^ certificate.NotAfter.Ticks;
            checksum += Bytes(certificate.IssuerName.RawData) + Bytes(certificate.SubjectName.RawData);

            PublicKey key = certificate.PublicKey;
            checksum += key.Oid.Value!.Length + KeySize(key);

            foreach (X509Extension extension in certificate.Extensions)
            {
                switch (extension)
                {
                    case X509BasicConstraintsExtension basic:
                        checksum += (basic.CertificateAuthority ? 1 : 0) + (basic.HasPathLengthConstraint ? basic.PathLengthConstraint : -1);
                        break;
                    case X509KeyUsageExtension keyUsage:
                        checksum += (int)keyUsage.KeyUsages;
                        break;
                    case X509EnhancedKeyUsageExtension enhancedKeyUsage:
                        foreach (Oid usage in enhancedKeyUsage.EnhancedKeyUsages)
                        {
                            checksum += usage.Value!.Length;
                        }

                        break;
                    case X509SubjectKeyIdentifierExtension subjectKeyId:
                        checksum += Bytes(subjectKeyId.SubjectKeyIdentifierBytes.Span);
                        break;
                    case X509AuthorityKeyIdentifierExtension authorityKeyId:
                        checksum += authorityKeyId.KeyIdentifier is { } keyId ? Bytes(keyId.Span) : 0;
                        break;
                    case X509SubjectAlternativeNameExtension alternativeNames:
                        // EnumerateDnsNames/EnumerateIPAddresses skip other kinds: read every entry.
                        checksum += ReadGeneralNames(alternativeNames.RawData);
                        break;
                }
            }

            return checksum;
        }
    }

    // RFC 5280 4.2.1.6: GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName (a CHOICE of context tags).
    private static long ReadGeneralNames(ReadOnlySpan<byte> extensionValue)
    {
        AsnDecoder.ReadSequence(extensionValue, AsnEncodingRules.DER, out int offset, out int length, out _);
        ReadOnlySpan<byte> names = extensionValue.Slice(offset, length);
        long checksum = 0;
        while (!names.IsEmpty)
        {
            Asn1Tag tag = Asn1Tag.Decode(names, out _);
            AsnDecoder.ReadEncodedValue(names, AsnEncodingRules.DER, out int contentOffset, out int contentLength, out int consumed);
            checksum += tag.TagValue + Bytes(names.Slice(contentOffset, contentLength));
            names = names[consumed..];
        }

        return checksum;
    }

    // RFC 8017 A.1.1: RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }; RFC 5480 2.1.1: namedCurve.
    private static int KeySize(SubjectPublicKeyInfo keyInfo)
    {
        DerObjectIdentifier algorithm = keyInfo.Algorithm.Algorithm;
        if (algorithm.Equals(PkcsObjectIdentifiers.RsaEncryption))
        {
            return RsaPublicKeyStructure.GetInstance(keyInfo.ParsePublicKey()).Modulus.BitLength;
        }

        if (algorithm.Equals(X9ObjectIdentifiers.IdECPublicKey) && X962Parameters.GetInstance(keyInfo.Algorithm.Parameters) is { IsNamedCurve: true } parameters)
        {
            return CurveSize(parameters.NamedCurve.Id);
        }

        return 0;
    }

    private static int KeySize(PublicKey key)
    {
        switch (key.Oid.Value)
        {
            case RsaEncryption:
                AsnDecoder.ReadSequence(key.EncodedKeyValue.RawData, AsnEncodingRules.DER, out int contentOffset, out int contentLength, out _);
                ReadOnlySpan<byte> modulus = AsnDecoder.ReadIntegerBytes(key.EncodedKeyValue.RawData.AsSpan(contentOffset, contentLength), AsnEncodingRules.DER, out _);
                if (modulus[0] == 0)
                {
                    modulus = modulus[1..];
                }

                return (modulus.Length * 8) - (int.LeadingZeroCount(modulus[0]) - 24);
            case EcPublicKey when key.EncodedParameters is { } parameters:
                return CurveSize(AsnDecoder.ReadObjectIdentifier(parameters.RawData, AsnEncodingRules.DER, out _));
            default:
                return 0;
        }
    }

    private static int CurveSize(string curve) => curve switch
    {
        "1.2.840.10045.3.1.7" => 256, // P-256
        "1.3.132.0.34" => 384, // P-384
        "1.3.132.0.35" => 521, // P-521
        _ => 0,
    };

    private static long Bytes(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? 0 : bytes.Length + bytes[^1];

    // X.690 8.1: identifier, length (short or long form), contents. DER lengths are definite, so
    // descending into a constructed element is continuing at its contents and skipping a
    // primitive one is jumping over them: one linear pass, no stack.
    private static long WalkTlvs(ReadOnlySpan<byte> der)
    {
        long checksum = 0;
        int position = 0;
        while (position < der.Length)
        {
            byte tag = der[position++];
            if ((tag & 0x1F) == 0x1F)
            {
                while ((der[position++] & 0x80) != 0)
                {
                }
            }

            int length = der[position++];
            if (length >= 0x80)
            {
                int count = length & 0x7F;
                length = 0;
                for (; count > 0; count--)
                {
                    length = (length << 8) | der[position++];
                }
            }

            checksum += tag + length;
            if ((tag & 0x20) == 0)
            {
                position += length;
            }
        }

        return checksum;
    }

    /// <summary>Adds the per-certificate columns to the summary.</summary>
    public sealed class PerCertificateConfig : ManualConfig
    {
        /// <summary>Creates the configuration.</summary>
        public PerCertificateConfig() => AddColumn(PerCertificateColumn.Mean, PerCertificateColumn.Allocated);
    }
}
