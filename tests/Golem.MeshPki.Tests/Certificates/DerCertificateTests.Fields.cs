using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Tests.TestCertificates;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace Golem.MeshPki.Tests.Certificates;

public partial class DerCertificateTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Version_IsTheEncodedValuePlusOne(int version)
    {
        TestCertificate certificate = version == 1
            ? TestCertificate.Issue(new CertificateSpec { Version1 = true })
            : TestCertificate.Issue(new CertificateSpec());
        byte[] der = certificate.Der;
        if (version == 2)
        {
            // RFC 5280 4.1.2.8: a v2 certificate may carry unique identifiers but no extensions.
            EditableCertificate edit = certificate.Edit();
            edit.Version![0].Contents = [0x01];
            edit.Tbs.Children.Remove(edit.ExtensionsWrapper!);
            edit.Tbs.Children.Add(DerNode.Primitive(Der.ContextPrimitive(1), [0x00, 0xC0, 0xFF, 0xEE]));
            der = certificate.Resign(edit);
        }

        DerCertificate parsed = Read(der);

        Assert.Equal(version, parsed.Version);
        Assert.Equal(version, X509CertificateLoader.LoadCertificate(der).Version);
    }

    public static TheoryData<string, string, bool> SerialNumbers => new()
    {
        // INTEGER content octets (hex), GetSerialNumberHex(), IsSerialNumberNegative
        { "01", "01", false },
        { "00", "00", false },
        { "7f", "7f", false },
        { "0080", "80", false },
        { "00ff", "ff", false },
        { "0100", "0100", false },
        { "1a2b3c4d5e6f", "1a2b3c4d5e6f", false },
        { "ff", "-01", true },
        { "80", "-80", true },
        { "ff7f", "-81", true },
        { "ff00", "-0100", true },
        { "8000", "-8000", true },
        { "7f" + string.Concat(Enumerable.Repeat("ab", 19)), "7f" + string.Concat(Enumerable.Repeat("ab", 19)), false },
        { "00" + string.Concat(Enumerable.Repeat("c3", 20)), string.Concat(Enumerable.Repeat("c3", 20)), false },
        { "5a" + string.Concat(Enumerable.Repeat("01", 31)), "5a" + string.Concat(Enumerable.Repeat("01", 31)), false },
    };

    [Theory]
    [MemberData(nameof(SerialNumbers))]
    public void SerialNumber_IsTheRawIntegerAndItsHex(string contentsHex, string expectedHex, bool negative)
    {
        TestCertificate certificate = TestCertificate.Issue(new CertificateSpec());
        EditableCertificate edit = certificate.Edit();
        byte[] contents = Convert.FromHexString(contentsHex);
        edit.SerialNumber.Contents = contents;
        byte[] der = certificate.Resign(edit);

        DerCertificate parsed = Read(der);

        Assert.Equal(contents, parsed.SerialNumber.ToArray());
        Assert.Equal(expectedHex, parsed.GetSerialNumberHex());
        Assert.Equal(negative, parsed.IsSerialNumberNegative);

        // The hex is the value: it reads back to the same BigInteger as the two's complement octets.
        var value = new BigInteger(contents, isUnsigned: false, isBigEndian: true);
        string magnitude = expectedHex.TrimStart('-');
        var fromHex = BigInteger.Parse("0" + magnitude, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        Assert.Equal(value, negative ? -fromHex : fromHex);
    }

    public static TheoryData<SignatureScheme, string, string, string> SignatureAlgorithms => new()
    {
        { SignatureScheme.RsaPkcs1Sha256, "RSA 2048", "sha256WithRSAEncryption", "1.2.840.113549.1.1.11" },
        { SignatureScheme.RsaPkcs1Sha384, "RSA 2048", "sha384WithRSAEncryption", "1.2.840.113549.1.1.12" },
        { SignatureScheme.RsaPssSha256, "RSA 2048", "rsassaPss", "1.2.840.113549.1.1.10" },
        { SignatureScheme.EcdsaSha256, "P-256", "ecdsa-with-SHA256", "1.2.840.10045.4.3.2" },
        { SignatureScheme.EcdsaSha384, "P-384", "ecdsa-with-SHA384", "1.2.840.10045.4.3.3" },
        { SignatureScheme.EcdsaSha512, "P-521", "ecdsa-with-SHA512", "1.2.840.10045.4.3.4" },
        { SignatureScheme.Ed25519, "Ed25519", "ED25519", "1.3.101.112" },
    };

    [Theory]
    [MemberData(nameof(SignatureAlgorithms))]
    public void SignatureAlgorithm_IsNamedAsOpenSslDoes(SignatureScheme scheme, string key, string expectedName, string expectedOid)
    {
        TestCertificate certificate = TestCertificate.Issue(new CertificateSpec { Key = TestKeys.ByName(key), Scheme = scheme });

        DerCertificate parsed = Read(certificate.Der);

        Assert.Equal(expectedName, parsed.SignatureAlgorithmName);
        Assert.Equal(expectedOid, parsed.SignatureAlgorithm.ToString());
        Assert.Equal(expectedName, parsed.SignatureAlgorithm.FriendlyName);

        // The whole AlgorithmIdentifier, parameters included (RSASSA-PSS carries them).
        Assert.Equal(certificate.Edit().SignatureAlgorithm.Encode(), parsed.EncodedSignatureAlgorithm.ToArray());
    }

    public static TheoryData<SignatureScheme, string> SignatureSchemes => new()
    {
        { SignatureScheme.RsaPkcs1Sha256, "RSA 2048" },
        { SignatureScheme.RsaPkcs1Sha384, "RSA 4096" },
        { SignatureScheme.RsaPssSha256, "RSA 2048" },
        { SignatureScheme.EcdsaSha256, "P-256" },
        { SignatureScheme.EcdsaSha384, "P-384" },
        { SignatureScheme.EcdsaSha512, "P-521" },
        { SignatureScheme.Ed25519, "Ed25519" },
    };

    [Theory]
    [MemberData(nameof(SignatureSchemes))]
    public void TbsAndSignatureSpans_VerifyWithTheSubjectKey(SignatureScheme scheme, string key)
    {
        TestCertificate certificate = TestCertificate.Issue(new CertificateSpec { Key = TestKeys.ByName(key), Scheme = scheme });
        EditableCertificate tree = certificate.Edit();

        DerCertificate parsed = Read(certificate.Der);
        byte[] tbs = parsed.TbsCertificate.ToArray();
        byte[] signature = parsed.Signature.ToArray();

        Assert.Equal(tree.Tbs.Encode(), tbs);
        Assert.Equal(tree.SignatureValue.Contents.AsSpan(1).ToArray(), signature);
        using X509Certificate2 dotnet = certificate.ToX509Certificate2();
        HashAlgorithmName hash = TestKey.HashOf(scheme);
        bool valid = scheme switch
        {
            SignatureScheme.RsaPkcs1Sha256 or SignatureScheme.RsaPkcs1Sha384 => dotnet.GetRSAPublicKey()!.VerifyData(tbs, signature, hash, RSASignaturePadding.Pkcs1),
            SignatureScheme.RsaPssSha256 => dotnet.GetRSAPublicKey()!.VerifyData(tbs, signature, hash, RSASignaturePadding.Pss),
            SignatureScheme.Ed25519 => VerifyEd25519(parsed.PublicKey.ToArray(), tbs, signature),
            _ => dotnet.GetECDsaPublicKey()!.VerifyData(tbs, signature, hash, DSASignatureFormat.Rfc3279DerSequence),
        };
        Assert.True(valid, $"The {scheme} signature over TbsCertificate does not verify.");

        // And a flipped bit in the span breaks it: the check is not vacuous.
        tbs[^1] ^= 0x01;
        Assert.False(scheme switch
        {
            SignatureScheme.Ed25519 => VerifyEd25519(parsed.PublicKey.ToArray(), tbs, signature),
            SignatureScheme.RsaPkcs1Sha256 or SignatureScheme.RsaPkcs1Sha384 => dotnet.GetRSAPublicKey()!.VerifyData(tbs, signature, hash, RSASignaturePadding.Pkcs1),
            SignatureScheme.RsaPssSha256 => dotnet.GetRSAPublicKey()!.VerifyData(tbs, signature, hash, RSASignaturePadding.Pss),
            _ => dotnet.GetECDsaPublicKey()!.VerifyData(tbs, signature, hash, DSASignatureFormat.Rfc3279DerSequence),
        });
    }

    private static bool VerifyEd25519(byte[] publicKey, byte[] data, byte[] signature)
    {
        // .NET has no Ed25519; BouncyCastle verifies, with the key taken from the reader's PublicKey span.
        var verifier = new Ed25519Signer();
        verifier.Init(forSigning: false, new Ed25519PublicKeyParameters(publicKey));
        verifier.BlockUpdate(data, 0, data.Length);
        return verifier.VerifySignature(signature);
    }

    public static TheoryData<string, string, byte, byte> ValidityWindows => new()
    {
        // notBefore, notAfter, the tags .NET writes for them (RFC 5280 4.1.2.5: UTCTime through 2049).
        { "2025-01-01T00:00:00Z", "2035-01-01T00:00:00Z", Der.UtcTimeTag, Der.UtcTimeTag },
        { "1950-01-01T00:00:00Z", "2049-12-31T23:59:59Z", Der.UtcTimeTag, Der.UtcTimeTag },
        { "2049-12-31T23:59:59Z", "2050-01-01T00:00:00Z", Der.UtcTimeTag, Der.GeneralizedTimeTag },
        { "2025-06-15T12:34:56Z", "9999-12-31T23:59:59Z", Der.UtcTimeTag, Der.GeneralizedTimeTag },
        { "1949-12-31T23:59:59Z", "2035-01-01T00:00:00Z", Der.GeneralizedTimeTag, Der.UtcTimeTag },
    };

    [Theory]
    [MemberData(nameof(ValidityWindows))]
    public void Validity_IsReadFromUtcTimeAndGeneralizedTime(string notBefore, string notAfter, byte notBeforeTag, byte notAfterTag)
    {
        var from = DateTimeOffset.Parse(notBefore, CultureInfo.InvariantCulture);
        var to = DateTimeOffset.Parse(notAfter, CultureInfo.InvariantCulture);
        TestCertificate certificate = TestCertificate.Issue(new CertificateSpec { NotBefore = from, NotAfter = to });
        EditableCertificate tree = certificate.Edit();
        Assert.Equal(notBeforeTag, tree.NotBefore.Tag);
        Assert.Equal(notAfterTag, tree.NotAfter.Tag);

        DerCertificate parsed = Read(certificate.Der);

        Assert.Equal(from, parsed.NotBefore);
        Assert.Equal(to, parsed.NotAfter);
        Assert.Equal(TimeSpan.Zero, parsed.NotAfter.Offset);
    }

    public static TheoryData<byte, string, string> EncodedTimes => new()
    {
        // RFC 5280 4.1.2.5.1: UTCTime YY >= 50 is 19YY, YY < 50 is 20YY.
        { Der.UtcTimeTag, "491231235959Z", "2049-12-31T23:59:59Z" },
        { Der.UtcTimeTag, "500101000000Z", "1950-01-01T00:00:00Z" },
        { Der.UtcTimeTag, "000101000000Z", "2000-01-01T00:00:00Z" },
        { Der.UtcTimeTag, "991231235959Z", "1999-12-31T23:59:59Z" },
        { Der.UtcTimeTag, "280229120000Z", "2028-02-29T12:00:00Z" },
        { Der.GeneralizedTimeTag, "20500101000000Z", "2050-01-01T00:00:00Z" },
        { Der.GeneralizedTimeTag, "20000229000000Z", "2000-02-29T00:00:00Z" },
        { Der.GeneralizedTimeTag, "99991231235959Z", "9999-12-31T23:59:59Z" },
        { Der.GeneralizedTimeTag, "00010101000000Z", "0001-01-01T00:00:00Z" },
    };

    [Theory]
    [MemberData(nameof(EncodedTimes))]
    public void NotAfter_DecodesTheEncodedTime(byte tag, string text, string expected)
    {
        EditableCertificate edit = FullCertificate.Edit();
        edit.NotAfter.Tag = tag;
        edit.NotAfter.Contents = System.Text.Encoding.ASCII.GetBytes(text);

        DerCertificate parsed = Read(edit.Encode());

        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), parsed.NotAfter);
    }

    public static TheoryData<string, PublicKeyAlgorithm, string, int, string?> SubjectPublicKeys => new()
    {
        { "RSA 2048", PublicKeyAlgorithm.Rsa, "1.2.840.113549.1.1.1", 2048, null },
        { "RSA 4096", PublicKeyAlgorithm.Rsa, "1.2.840.113549.1.1.1", 4096, null },
        { "P-256", PublicKeyAlgorithm.EC, "1.2.840.10045.2.1", 256, "P-256" },
        { "P-384", PublicKeyAlgorithm.EC, "1.2.840.10045.2.1", 384, "P-384" },
        { "P-521", PublicKeyAlgorithm.EC, "1.2.840.10045.2.1", 521, "P-521" },
        { "Ed25519", PublicKeyAlgorithm.Ed25519, "1.3.101.112", 256, null },
    };

    [Theory]
    [MemberData(nameof(SubjectPublicKeys))]
    public void SubjectPublicKeyInfo_GivesAlgorithmSizeAndCurve(string key, PublicKeyAlgorithm algorithm, string oid, int keySize, string? curve)
    {
        TestKey testKey = TestKeys.ByName(key);
        TestCertificate certificate = TestCertificate.Issue(new CertificateSpec { Key = testKey });
        DerNode spki = certificate.Edit().SubjectPublicKeyInfo;

        DerCertificate parsed = Read(certificate.Der);

        Assert.Equal(algorithm, parsed.PublicKeyAlgorithm);
        Assert.Equal(oid, parsed.PublicKeyAlgorithmOid.ToString());
        Assert.Equal(keySize, parsed.KeySize);
        Assert.Equal(curve, parsed.CurveName);
        Assert.Equal(curve is null, parsed.Curve is null);
        Assert.Equal(spki.Encode(), parsed.SubjectPublicKeyInfo.ToArray());
        Assert.Equal(spki[1].Contents.AsSpan(1).ToArray(), parsed.PublicKey.ToArray());
        if (testKey.Ed25519 is null)
        {
            AsymmetricAlgorithm dotnetKey = testKey.Rsa is not null ? testKey.Rsa : testKey.ECDsa!;
            Assert.Equal(dotnetKey.ExportSubjectPublicKeyInfo(), parsed.SubjectPublicKeyInfo.ToArray());
            Assert.Equal(dotnetKey.KeySize, parsed.KeySize);
        }
        else
        {
            Assert.Equal(testKey.Ed25519.GeneratePublicKey().GetEncoded(), parsed.PublicKey.ToArray());
        }
    }

    [Fact]
    public void Sha256Fingerprint_IsTheHashOfTheWholeDer()
    {
        byte[] der = FullCertificate.Der;
        DerCertificate parsed = Read(der);
        byte[] expected = SHA256.HashData(der);

        Span<byte> computed = stackalloc byte[32];
        parsed.ComputeSha256Fingerprint(computed);

        Assert.Equal(expected, computed.ToArray());
        Assert.Equal(Convert.ToHexStringLower(expected), parsed.GetSha256FingerprintHex());
        using X509Certificate2 dotnet = FullCertificate.ToX509Certificate2();
        Assert.Equal(dotnet.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant(), parsed.GetSha256FingerprintHex());
    }

    [Fact]
    public void Sha256Fingerprint_NeedsThirtyTwoBytes()
    {
        DerCertificate parsed = Read(FullCertificate.Der);

        Assert.ThrowsAny<ArgumentException>(() => parsed.ComputeSha256Fingerprint(new byte[31]));
    }

    [Fact]
    public void RawData_IsTheInput_AndIsNotCopied()
    {
        byte[] der = FullCertificate.Der;
        var memory = new ReadOnlyMemory<byte>(der);

        DerCertificate parsed = DerCertificate.Parse(memory);

        Assert.True(parsed.RawData.Span == memory.Span, "RawData should be the caller's memory, not a copy.");
        Assert.True(parsed.TbsCertificate.Span.Overlaps(der), "TbsCertificate should be a slice of the input.");
    }

    [Fact]
    public void ParseWithBytesConsumed_ReadsTheFirstOfConcatenatedCertificates()
    {
        byte[] first = FullCertificate.Der;
        byte[] second = TestCertificate.Issue(new CertificateSpec { Key = TestKeys.P384 }).Der;
        byte[] both = [.. first, .. second];

        DerCertificate one = DerCertificate.Parse(both, out int consumed);
        DerCertificate two = DerCertificate.Parse(both.AsMemory(consumed), out int consumedSecond);

        Assert.Equal(first.Length, consumed);
        Assert.Equal(first, one.RawData.ToArray());
        Assert.Equal(second.Length, consumedSecond);
        Assert.Equal(384, two.KeySize);
    }

    [Fact]
    public void IsSelfIssued_ComparesIssuerAndSubjectBytes()
    {
        DerCertificate selfIssued = Read(TestCertificate.Issue(new CertificateSpec()).Der);
        DerCertificate issued = Read(FullCertificate.Der);

        Assert.True(selfIssued.IsSelfIssued);
        Assert.False(issued.IsSelfIssued);
    }

    [Fact]
    public void ToString_NamesSubjectIssuerSerialAndValidity()
    {
        DerCertificate parsed = Read(FullCertificate.Der);

        Assert.Equal(
            "Subject=CN=workload,O=Golem Test; Issuer=CN=Golem Test Issuing CA,O=Golem Test; Serial=1a2b3c4d5e6f; NotBefore=2025-01-01T00:00:00Z; NotAfter=2035-01-01T00:00:00Z",
            parsed.ToString());
    }
}
