using System.Numerics;
using System.Security.Cryptography.X509Certificates;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Tests.TestCertificates;
using Org.BouncyCastle.X509;

namespace Golem.MeshPki.Tests.Certificates;

/// <summary>
/// Odd but real certificates: RFC 5280 frowns on them, CAs have issued them, and the reader must
/// read them so that policy can report them. Each is also read by .NET and BouncyCastle, which
/// shows the input is a certificate the ecosystem accepts, not a defect.
/// </summary>
public partial class DerCertificateTests
{
    [Fact]
    public void SerialNumberZero_IsRead()
    {
        TestCertificate certificate = TestCertificate.Issue(new CertificateSpec { SerialNumber = [0x00] });

        DerCertificate parsed = Read(certificate.Der);

        Assert.Equal([0x00], parsed.SerialNumber.ToArray());
        Assert.Equal("00", parsed.GetSerialNumberHex());
        Assert.False(parsed.IsSerialNumberNegative);
        AssertOthersReadSerial(certificate.Der, BigInteger.Zero);
    }

    [Fact]
    public void NegativeSerialNumber_IsReadAndFlagged()
    {
        TestCertificate certificate = TestCertificate.Issue(new CertificateSpec());
        EditableCertificate edit = certificate.Edit();
        edit.SerialNumber.Contents = [0xFF, 0x7F];
        byte[] der = certificate.Resign(edit);

        DerCertificate parsed = Read(der);

        Assert.True(parsed.IsSerialNumberNegative);
        Assert.Equal("-81", parsed.GetSerialNumberHex());
        Assert.Equal([0xFF, 0x7F], parsed.SerialNumber.ToArray());
        AssertOthersReadSerial(der, new BigInteger(-129));
    }

    [Fact]
    public void SerialNumberLongerThanTwentyOctets_IsRead()
    {
        byte[] serial = [.. Enumerable.Range(1, 32).Select(static i => (byte)(i * 7))];
        TestCertificate certificate = TestCertificate.Issue(new CertificateSpec { SerialNumber = serial });

        DerCertificate parsed = Read(certificate.Der);

        Assert.Equal(32, parsed.SerialNumber.Length);
        Assert.Equal(Convert.ToHexStringLower(serial), parsed.GetSerialNumberHex());
        AssertOthersReadSerial(certificate.Der, new BigInteger(serial, isUnsigned: true, isBigEndian: true));
    }

    [Fact]
    public void PrintableStringHoldingLatin1_IsReadAndDecodedAsLatin1()
    {
        // Old CAs put Latin-1 into PrintableString; OpenSSL and BouncyCastle read it, so the reader does too.
        TestCertificate certificate = TestCertificate.Issue(new CertificateSpec());
        EditableCertificate edit = certificate.Edit();
        DerNode value = edit.Issuer[1][0][1];
        value.Tag = Der.PrintableStringTag;
        value.Contents = [0x41, 0xC4];
        byte[] der = certificate.Resign(edit);

        DerCertificate parsed = Read(der);

        AttributeTypeAndValueEnumerator attributes = parsed.Issuer.GetAttributes();
        Assert.True(attributes.MoveNext());
        Assert.True(attributes.MoveNext());
        Assert.Equal("A" + (char)0xC4, attributes.Current.GetValueString());
    }

    [Fact]
    public void Version1Certificate_IsReadWithoutExtensions()
    {
        TestCertificate certificate = TestCertificate.Issue(new CertificateSpec { Version1 = true, Key = TestKeys.Rsa2048 });
        Assert.Null(certificate.Edit().Version);

        DerCertificate parsed = Read(certificate.Der);

        Assert.Equal(1, parsed.Version);
        Assert.Empty(Extensions(parsed));
        Assert.False(parsed.IsCertificateAuthority);
        Assert.Equal(2048, parsed.KeySize);
        Assert.Equal(1, new X509CertificateParser().ReadCertificate(certificate.Der).Version);
    }

    [Fact]
    public void ExplicitVersion1_IsReadAsVersion1()
    {
        // Like critical FALSE, an explicit [0] INTEGER 0 writes a DEFAULT that DER omits (X.690 11.5);
        // .NET and BouncyCastle read it, and so does the reader.
        TestCertificate certificate = TestCertificate.Issue(new CertificateSpec { Version1 = true });
        EditableCertificate edit = certificate.Edit();
        edit.Tbs.Children.Insert(0, DerNode.Parse(Der.Constructed(Der.ContextConstructed(0), Der.IntegerValue(0))));
        byte[] der = certificate.Resign(edit);

        DerCertificate parsed = Read(der);

        Assert.Equal(1, parsed.Version);
        Assert.Equal(1, X509CertificateLoader.LoadCertificate(der).Version);
        Assert.Equal(1, new X509CertificateParser().ReadCertificate(der).Version);
    }

    [Fact]
    public void ExplicitCriticalFalse_IsReadAsNotCritical()
    {
        // X.690 11.5 says a DEFAULT value is omitted in DER; some CAs write critical FALSE anyway.
        TestCertificate certificate = FullCertificate;
        EditableCertificate edit = certificate.Edit();
        DerNode san = edit.Extension(TestExtensions.SubjectAltNameOid);
        san.Children.Insert(1, DerNode.Parse(Der.Bool(false)));
        byte[] der = certificate.Resign(edit);

        DerCertificate parsed = Read(der);

        Assert.True(parsed.HasExtension(CertificateExtensionKind.SubjectAlternativeName));
        Assert.False(parsed.IsExtensionCritical(CertificateExtensionKind.SubjectAlternativeName));
        Assert.False(Extensions(parsed).Single(static e => e.Kind == CertificateExtensionKind.SubjectAlternativeName).Critical);
        Assert.Equal(3, Strings(parsed.GetSubjectAlternativeNames()).Count);
        using X509Certificate2 dotnet = X509CertificateLoader.LoadCertificate(der);
        Assert.False(dotnet.Extensions[TestExtensions.SubjectAltNameOid]!.Critical);
    }

    [Fact]
    public void ExplicitCaFalse_IsReadAsNotACertificateAuthority()
    {
        byte[] value = Der.Seq(Der.Bool(false));
        TestCertificate certificate = TestCertificate.Issue(TestExtensions.Raw(TestExtensions.BasicConstraintsOid, value, critical: true));

        DerCertificate parsed = Read(certificate.Der);

        Assert.True(parsed.HasExtension(CertificateExtensionKind.BasicConstraints));
        Assert.False(parsed.IsCertificateAuthority);
        Assert.Null(parsed.PathLengthConstraint);
        Assert.Equal(-1, new X509CertificateParser().ReadCertificate(certificate.Der).GetBasicConstraints());
    }

    [Fact]
    public void PathLengthWithoutCa_IsReadForPolicyToJudge()
    {
        // RFC 5280 4.2.1.9: CAs MUST NOT include pathLenConstraint unless cA is TRUE; the reader keeps what is there.
        byte[] value = Der.Seq(Der.IntegerValue(2));
        DerCertificate parsed = Read(TestCertificate.Issue(TestExtensions.Raw(TestExtensions.BasicConstraintsOid, value, critical: true)).Der);

        Assert.False(parsed.IsCertificateAuthority);
        Assert.Equal(2, parsed.PathLengthConstraint);
    }

    [Fact]
    public void EmptySubjectWithCriticalSubjectAltName_IsRead()
    {
        // RFC 5280 4.1.2.6: an empty subject is allowed when subjectAltName is present and critical (SPIFFE X.509-SVIDs may do this).
        X509Extension san = TestExtensions.SubjectAlternativeName(static b => b.AddUri(new Uri(TestExtensions.SleepSpiffeId)), critical: true);
        TestCertificate certificate = TestCertificate.Issue(new CertificateSpec { Subject = Der.Seq(), Issuer = IssuerName, Extensions = [san] });

        DerCertificate parsed = Read(certificate.Der);

        Assert.True(parsed.Subject.IsEmpty);
        Assert.Equal(string.Empty, parsed.Subject.ToString());
        Assert.Null(parsed.Subject.CommonName);
        Assert.Empty(ToList(parsed.Subject.GetAttributes()));
        Assert.True(parsed.IsExtensionCritical(CertificateExtensionKind.SubjectAlternativeName));
        GeneralName name = Assert.Single(ToList(parsed.GetSubjectAlternativeNames()));
        Assert.True(name.IsSpiffeId);
        Assert.Equal(TestExtensions.SleepSpiffeId, name.GetText());
    }

    [Fact]
    public void UnsortedMultiValuedRdn_IsReadInEncodedOrder()
    {
        // DER sorts a SET OF; many CAs do not. The reader keeps their order.
        TestCertificate certificate = TestCertificate.Issue(new CertificateSpec());
        EditableCertificate edit = certificate.Edit();
        DerNode rdn = DerNode.Constructed(Der.SetTag, DerNode.Parse(Der.Attribute(OU, Der.Utf8("mesh"))), DerNode.Parse(Der.Attribute(CN, Der.Utf8("leaf"))));
        edit.Replace(edit.Subject, DerNode.Constructed(Der.SequenceTag, rdn));
        byte[] der = certificate.Resign(edit);

        DerCertificate parsed = Read(der);

        Assert.Equal("OU=mesh+CN=leaf", parsed.Subject.ToString());
        Assert.Equal("leaf", parsed.Subject.CommonName);
    }

    [Fact]
    public void UniqueIdentifiersInAVersion3Certificate_AreRead()
    {
        TestCertificate certificate = FullCertificate;
        EditableCertificate edit = certificate.Edit();
        int afterKey = edit.Tbs.Children.IndexOf(edit.SubjectPublicKeyInfo) + 1;
        edit.Tbs.Children.Insert(afterKey, DerNode.Primitive(Der.ContextPrimitive(1), [0x00, 0x0A]));
        edit.Tbs.Children.Insert(afterKey + 1, DerNode.Primitive(Der.ContextPrimitive(2), [0x04, 0xB0]));
        byte[] der = certificate.Resign(edit);

        DerCertificate parsed = Read(der);

        Assert.Equal(3, parsed.Version);
        Assert.Equal(10, Extensions(parsed).Count);
        Assert.NotNull(new X509CertificateParser().ReadCertificate(der).SubjectUniqueID);
    }

    private static void AssertOthersReadSerial(byte[] der, BigInteger expected)
    {
        using X509Certificate2 dotnet = X509CertificateLoader.LoadCertificate(der);
        Assert.Equal(expected, new BigInteger(dotnet.SerialNumberBytes.Span, isUnsigned: false, isBigEndian: true));
        Assert.Equal(expected, new BigInteger(new X509CertificateParser().ReadCertificate(der).SerialNumber.ToByteArray(), isUnsigned: false, isBigEndian: true));
        Assert.Equal(expected, new BigInteger(Read(der).SerialNumber.Span, isUnsigned: false, isBigEndian: true));
    }

    private static List<AttributeTypeAndValue> ToList(AttributeTypeAndValueEnumerator attributes)
    {
        var list = new List<AttributeTypeAndValue>();
        foreach (AttributeTypeAndValue attribute in attributes)
        {
            list.Add(attribute);
        }

        return list;
    }
}
