using System.Text;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Tests.TestCertificates;

namespace Golem.MeshPki.Tests.Certificates;

public partial class DerCertificateTests
{
    private const string CN = "2.5.4.3";
    private const string OU = "2.5.4.11";
    private const string O = "2.5.4.10";
    private const string C = "2.5.4.6";

    /// <summary>Names by what they show, with the RFC 4514 string the reader must print.</summary>
    private static readonly Dictionary<string, (byte[] Der, string Rfc4514)> NameCases = new()
    {
        ["one CN"] = (Der.SimpleName((CN, Der.Utf8("workload"))), "CN=workload"),
        ["RDNs print last first"] = (Der.SimpleName((C, Der.Printable("DE")), (O, Der.Utf8("Golem Test")), (OU, Der.Utf8("mesh")), (CN, Der.Utf8("leaf"))), "CN=leaf,OU=mesh,O=Golem Test,C=DE"),
        ["comma is escaped"] = (Der.SimpleName((CN, Der.Utf8("a,b"))), @"CN=a\,b"),
        ["plus is escaped"] = (Der.SimpleName((CN, Der.Utf8("a+b"))), @"CN=a\+b"),
        ["double quote is escaped"] = (Der.SimpleName((CN, Der.Utf8("say \"hi\""))), @"CN=say \""hi\"""),
        ["backslash is escaped"] = (Der.SimpleName((CN, Der.Utf8(@"a\b"))), @"CN=a\\b"),
        ["semicolon and angle brackets are escaped"] = (Der.SimpleName((CN, Der.Utf8("<a;b>"))), @"CN=\<a\;b\>"),
        ["leading hash is escaped"] = (Der.SimpleName((CN, Der.Utf8("#1"))), @"CN=\#1"),
        ["inner hash is not escaped"] = (Der.SimpleName((CN, Der.Utf8("a#1"))), "CN=a#1"),
        ["leading space is escaped"] = (Der.SimpleName((CN, Der.Utf8(" lead"))), @"CN=\ lead"),
        ["trailing space is escaped"] = (Der.SimpleName((CN, Der.Utf8("trail "))), @"CN=trail\ "),
        ["a lone space is escaped once"] = (Der.SimpleName((CN, Der.Utf8(" "))), @"CN=\ "),
        ["inner space and equals are kept"] = (Der.SimpleName((CN, Der.Utf8("a = b"))), "CN=a = b"),
        ["NUL is escaped as hex"] = (Der.SimpleName((CN, Der.Utf8("a\0b"))), @"CN=a\00b"),
        ["terminal control characters are escaped as hex"] = (Der.SimpleName((CN, Der.Utf8("\u001b[31mEVIL\r\nCN=fake"))), @"CN=\1B[31mEVIL\0D\0ACN=fake"),
        ["C1 control characters are escaped as their UTF-8"] = (Der.SimpleName((CN, Der.Utf8("a\u009bb"))), @"CN=a\C2\9Bb"),
        ["multi-valued RDN joins with plus"] = (Der.Name([Der.Attribute(O, Der.Utf8("Golem Test"))], [Der.Attribute(OU, Der.Utf8("mesh")), Der.Attribute(CN, Der.Utf8("leaf"))]), "CN=leaf+OU=mesh,O=Golem Test"),
        ["UTF8String is decoded"] = (Der.SimpleName((CN, Der.Utf8("Grüße, 世界"))), @"CN=Grüße\, 世界"),
        ["BMPString is decoded"] = (Der.SimpleName((CN, Der.Bmp("Ωmega Ünïcode"))), "CN=Ωmega Ünïcode"),
        ["TeletexString is read as Latin-1"] = (Der.SimpleName((CN, Der.Tlv(Der.TeletexStringTag, [0x63, 0x61, 0x66, 0xE9]))), "CN=café"),
        ["UniversalString is decoded"] = (Der.SimpleName((CN, Der.Tlv(Der.UniversalStringTag, new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetBytes("wide")))), "CN=wide"),
        ["unknown attribute type prints as OID and hex"] = (Der.SimpleName((TestExtensions.PrivateArc + ".3", Der.Utf8("x"))), "1.3.6.1.4.1.55555.3=#0c0178"),
        ["unknown attribute type with arcs past 64 bits"] = (Der.SimpleName(("2.18446744073709551616.999.340282366920938463463374607431768211457", Der.Utf8("x"))), "2.18446744073709551616.999.340282366920938463463374607431768211457=#0c0178"),
        ["emailAddress has no RFC 4514 short name"] = (Der.SimpleName(("1.2.840.113549.1.9.1", Der.Ia5("a@b"))), "1.2.840.113549.1.9.1=#1603614062"),
        ["DC and UID have short names"] = (Der.SimpleName(("0.9.2342.19200300.100.1.25", Der.Ia5("test")), ("0.9.2342.19200300.100.1.25", Der.Ia5("golem")), ("0.9.2342.19200300.100.1.1", Der.Utf8("u1"))), "UID=u1,DC=golem,DC=test"),
        ["non-string value of a known type prints as hex"] = (Der.SimpleName((CN, Der.IntegerValue(5))), "CN=#020105"),
        ["empty name"] = (Der.Seq(), string.Empty),
    };

    public static TheoryData<string> NameCaseNames => new(NameCases.Keys);

    [Theory]
    [MemberData(nameof(NameCaseNames))]
    public void IssuerAndSubject_AreRawDerAndRfc4514Strings(string nameCase)
    {
        (byte[] name, string expected) = NameCases[nameCase];

        DerCertificate parsed = Read(WithNames(name, name));

        Assert.Equal(name, parsed.Subject.Encoded.ToArray());
        Assert.Equal(name, parsed.Issuer.Encoded.ToArray());
        Assert.Equal(expected, parsed.Subject.ToString());
        Assert.Equal(expected, parsed.Issuer.ToString());
        Assert.Equal(name.Length == 2, parsed.Subject.IsEmpty);
    }

    [Fact]
    public void GetAttributes_ListsEveryAttributeInEncodedOrderWithItsRdn()
    {
        byte[] name = Der.Name(
            [Der.Attribute(O, Der.Utf8("Golem Test"))],
            [Der.Attribute(OU, Der.Utf8("mesh")), Der.Attribute(CN, Der.Utf8("leaf"))],
            [Der.Attribute(TestExtensions.PrivateArc + ".3", Der.Bmp("x"))],
            [Der.Attribute(C, Der.IntegerValue(7))]);
        DistinguishedName subject = Read(WithNames(name, IssuerName)).Subject;

        var attributes = new List<(int Rdn, string Type, byte Tag, string Value, bool IsString, string EncodedValue)>();
        AttributeTypeAndValueEnumerator enumerator = subject.GetAttributes();
        while (enumerator.MoveNext())
        {
            AttributeTypeAndValue attribute = enumerator.Current;
            attributes.Add((enumerator.RdnIndex, attribute.Type.ToString(), attribute.ValueTag, attribute.GetValueString(), attribute.IsString, Convert.ToHexStringLower(attribute.EncodedValue.Span)));
        }

        Assert.Equal(
            [
                (0, O, Der.Utf8StringTag, "Golem Test", true, "0c0a476f6c656d2054657374"),
                (1, CN, Der.Utf8StringTag, "leaf", true, "0c046c656166"),
                (1, OU, Der.Utf8StringTag, "mesh", true, "0c046d657368"),
                (2, "1.3.6.1.4.1.55555.3", Der.BmpStringTag, "x", true, "1e020078"),
                (3, C, Der.IntegerTag, "#020107", false, "020107"),
            ],
            attributes);
    }

    /// <summary>
    /// A certificate whose subject and issuer are exactly <paramref name="subject"/> and <paramref name="issuer"/>:
    /// put in by editing and signed again, because .NET's writer refuses some odd but readable names.
    /// </summary>
    private static byte[] WithNames(byte[] subject, byte[] issuer)
    {
        TestCertificate certificate = TestCertificate.Issue(new CertificateSpec());
        EditableCertificate edit = certificate.Edit();
        edit.Replace(edit.Subject, DerNode.Parse(subject));
        edit.Replace(edit.Issuer, DerNode.Parse(issuer));
        return certificate.Resign(edit);
    }

    [Fact]
    public void CommonNameAndGetFirstValue_FindTheFirstMatchingAttribute()
    {
        byte[] name = Der.SimpleName((O, Der.Utf8("Golem Test")), (CN, Der.Utf8("first")), (CN, Der.Utf8("second")));
        DistinguishedName subject = Read(TestCertificate.Issue(new CertificateSpec { Subject = name }).Der).Subject;

        Assert.Equal("first", subject.CommonName);
        Assert.Equal("Golem Test", subject.GetFirstValue(Der.OidContents(O)));
        Assert.Null(subject.GetFirstValue(Der.OidContents(OU)));
        Assert.Null(Read(TestCertificate.Issue(new CertificateSpec { Subject = Der.SimpleName((O, Der.Utf8("no CN"))) }).Der).Subject.CommonName);
    }

    [Fact]
    public void DefaultDistinguishedName_IsEmpty_AndPrintsAndEnumeratesAsEmpty()
    {
        // default(DistinguishedName) says IsEmpty, so it should behave as the empty Name does; ToString
        // in particular should not throw (CA1065). Today ToString, GetAttributes and CommonName throw
        // CertificateFormatException ("expected an element but the data ended") on its empty memory.
        DistinguishedName name = default;

        Assert.True(name.IsEmpty);
        Assert.Equal(string.Empty, name.ToString());
        Assert.Empty(ToList(name.GetAttributes()));
        Assert.Null(name.CommonName);
    }

    [Fact]
    public void DistinguishedNames_AreEqualByBytes()
    {
        DerCertificate selfIssued = Read(TestCertificate.Issue(new CertificateSpec { Subject = IssuerName }).Der);
        DerCertificate issued = Read(FullCertificate.Der);

        Assert.True(selfIssued.Subject == issued.Issuer);
        Assert.Equal(selfIssued.Subject.GetHashCode(), issued.Issuer.GetHashCode());
        Assert.True(issued.Subject != issued.Issuer);
        Assert.False(issued.Subject.Equals((object)issued.Issuer));
    }
}
