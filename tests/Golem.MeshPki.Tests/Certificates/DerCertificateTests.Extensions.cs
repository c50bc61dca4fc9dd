using System.Net;
using System.Security.Cryptography.X509Certificates;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Tests.TestCertificates;
using BouncyCastleGeneralName = Org.BouncyCastle.Asn1.X509.GeneralName;

namespace Golem.MeshPki.Tests.Certificates;

public partial class DerCertificateTests
{
    [Theory]
    [InlineData(true, 0, true)]
    [InlineData(true, 3, false)]
    [InlineData(true, null, true)]
    [InlineData(false, null, true)]
    [InlineData(false, null, false)]
    public void BasicConstraints_GiveCaPathLengthAndCriticality(bool certificateAuthority, int? pathLength, bool critical)
    {
        DerCertificate parsed = Read(TestCertificate.Issue(TestExtensions.BasicConstraints(certificateAuthority, pathLength, critical)).Der);

        Assert.True(parsed.HasExtension(CertificateExtensionKind.BasicConstraints));
        Assert.Equal(critical, parsed.IsExtensionCritical(CertificateExtensionKind.BasicConstraints));
        Assert.Equal(certificateAuthority, parsed.IsCertificateAuthority);
        Assert.Equal(pathLength, parsed.PathLengthConstraint);
    }

    [Fact]
    public void AbsentExtensions_ReadAsAbsent()
    {
        DerCertificate parsed = Read(TestCertificate.Issue(TestExtensions.Raw(UnknownExtensionOid, Der.NullValue(), critical: false)).Der);

        foreach (CertificateExtensionKind kind in Enum.GetValues<CertificateExtensionKind>().Where(static k => k != CertificateExtensionKind.Other))
        {
            Assert.False(parsed.HasExtension(kind), kind.ToString());
            Assert.False(parsed.IsExtensionCritical(kind), kind.ToString());
        }

        Assert.False(parsed.IsCertificateAuthority);
        Assert.Null(parsed.PathLengthConstraint);
        Assert.Equal(KeyUsageFlags.None, parsed.KeyUsage);
        Assert.True(parsed.SubjectKeyIdentifier.IsEmpty);
        Assert.True(parsed.AuthorityKeyIdentifier.IsEmpty);
        Assert.Empty(Strings(parsed.GetExtendedKeyUsages()));
        Assert.Empty(Strings(parsed.GetSubjectAlternativeNames()));
        Assert.Empty(Strings(parsed.GetPermittedSubtrees()));
        Assert.Empty(Strings(parsed.GetExcludedSubtrees()));
        Assert.Empty(Strings(parsed.GetCertificatePolicies()));
        Assert.Empty(parsed.GetCrlDistributionPointNames());
    }

    [Theory]
    [InlineData(X509KeyUsageFlags.DigitalSignature, KeyUsageFlags.DigitalSignature)]
    [InlineData(X509KeyUsageFlags.NonRepudiation, KeyUsageFlags.NonRepudiation)]
    [InlineData(X509KeyUsageFlags.KeyEncipherment, KeyUsageFlags.KeyEncipherment)]
    [InlineData(X509KeyUsageFlags.DataEncipherment, KeyUsageFlags.DataEncipherment)]
    [InlineData(X509KeyUsageFlags.KeyAgreement, KeyUsageFlags.KeyAgreement)]
    [InlineData(X509KeyUsageFlags.KeyCertSign, KeyUsageFlags.KeyCertSign)]
    [InlineData(X509KeyUsageFlags.CrlSign, KeyUsageFlags.CrlSign)]
    [InlineData(X509KeyUsageFlags.EncipherOnly, KeyUsageFlags.EncipherOnly)]
    [InlineData(X509KeyUsageFlags.DecipherOnly, KeyUsageFlags.DecipherOnly)]
    [InlineData(X509KeyUsageFlags.KeyAgreement | X509KeyUsageFlags.DecipherOnly, KeyUsageFlags.KeyAgreement | KeyUsageFlags.DecipherOnly)]
    [InlineData(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, KeyUsageFlags.KeyCertSign | KeyUsageFlags.CrlSign | KeyUsageFlags.DigitalSignature)]
    [InlineData((X509KeyUsageFlags)0x80FF, (KeyUsageFlags)0x1FF)]
    public void KeyUsage_ReadsEveryBitIncludingDecipherOnly(X509KeyUsageFlags written, KeyUsageFlags expected)
    {
        DerCertificate parsed = Read(TestCertificate.Issue(TestExtensions.KeyUsage(written, critical: true)).Der);

        Assert.Equal(expected, parsed.KeyUsage);
        Assert.True(parsed.HasExtension(CertificateExtensionKind.KeyUsage));
        Assert.True(parsed.IsExtensionCritical(CertificateExtensionKind.KeyUsage));
    }

    [Fact]
    public void ExtendedKeyUsage_ListsIdentifiersInOrder()
    {
        string custom = TestExtensions.PrivateArc + ".2.1";
        DerCertificate parsed = Read(TestCertificate.Issue(TestExtensions.ExtendedKeyUsage(TestExtensions.ServerAuth, TestExtensions.ClientAuth, custom)).Der);

        var names = new List<string?>();
        foreach (ObjectIdentifier usage in parsed.GetExtendedKeyUsages())
        {
            names.Add(usage.FriendlyName);
        }

        Assert.Equal([TestExtensions.ServerAuth, TestExtensions.ClientAuth, custom], Strings(parsed.GetExtendedKeyUsages()));
        Assert.Equal(["serverAuth", "clientAuth", null], names);
        Assert.False(parsed.IsExtensionCritical(CertificateExtensionKind.ExtendedKeyUsage));
    }

    [Fact]
    public void KeyIdentifiers_AreTheOctetsWritten()
    {
        byte[] subjectKeyId = TestExtensions.KeyIdentifierOf(TestKeys.P256);
        DerCertificate parsed = Read(FullCertificate.Der);

        Assert.Equal(subjectKeyId, parsed.SubjectKeyIdentifier.ToArray());
        Assert.Equal(CaKeyIdentifier, parsed.AuthorityKeyIdentifier.ToArray());
    }

    [Fact]
    public void AuthorityKeyIdentifier_WithIssuerAndSerial_StillGivesTheKeyIdentifier()
    {
        var issuer = new X500DistinguishedName(IssuerName);
        X509Extension aki = X509AuthorityKeyIdentifierExtension.Create(CaKeyIdentifier, issuer, new byte[] { 0x01, 0x02, 0x03 });

        DerCertificate parsed = Read(TestCertificate.Issue(aki).Der);

        Assert.Equal(CaKeyIdentifier, parsed.AuthorityKeyIdentifier.ToArray());
    }

    [Fact]
    public void AuthorityKeyIdentifier_WithoutKeyIdentifier_IsEmpty()
    {
        X509Extension aki = X509AuthorityKeyIdentifierExtension.CreateFromIssuerNameAndSerialNumber(new X500DistinguishedName(IssuerName), [0x05]);

        DerCertificate parsed = Read(TestCertificate.Issue(aki).Der);

        Assert.True(parsed.HasExtension(CertificateExtensionKind.AuthorityKeyIdentifier));
        Assert.True(parsed.AuthorityKeyIdentifier.IsEmpty);
    }

    public static TheoryData<string, string, GeneralNameKind, string, bool> SubjectAlternativeNames => new()
    {
        // builder method, value, kind, OpenSSL-style text, IsSpiffeId
        { "dns", "sleep.default.svc.cluster.local", GeneralNameKind.Dns, "DNS:sleep.default.svc.cluster.local", false },
        { "dns", "*.golem.test", GeneralNameKind.Dns, "DNS:*.golem.test", false },
        { "uri", TestExtensions.SleepSpiffeId, GeneralNameKind.Uri, "URI:" + TestExtensions.SleepSpiffeId, true },
        { "uri", "spiffe://golem.test/ns/istio-system/sa/istiod", GeneralNameKind.Uri, "URI:spiffe://golem.test/ns/istio-system/sa/istiod", true },
        { "uri", "https://golem.test/spiffe://not-a-spiffe-id", GeneralNameKind.Uri, "URI:https://golem.test/spiffe://not-a-spiffe-id", false },
        { "ip", "10.1.2.3", GeneralNameKind.IPAddress, "IP:10.1.2.3", false },
        { "ip", "2001:db8::1", GeneralNameKind.IPAddress, "IP:2001:db8::1", false },
        { "email", "sleep@cluster.local", GeneralNameKind.Email, "email:sleep@cluster.local", false },
    };

    [Theory]
    [MemberData(nameof(SubjectAlternativeNames))]
    public void SubjectAlternativeName_GivesKindTextAndSpiffeId(string builder, string value, GeneralNameKind kind, string text, bool spiffe)
    {
        X509Extension san = TestExtensions.SubjectAlternativeName(b =>
        {
            switch (builder)
            {
                case "dns": b.AddDnsName(value); break;
                case "uri": b.AddUri(new Uri(value)); break;
                case "ip": b.AddIpAddress(IPAddress.Parse(value)); break;
                default: b.AddEmailAddress(value); break;
            }
        });

        DerCertificate parsed = Read(TestCertificate.Issue(san).Der);

        GeneralName name = Assert.Single(ToList(parsed.GetSubjectAlternativeNames()));
        Assert.Equal(kind, name.Kind);
        Assert.Equal(text, name.ToString());
        Assert.Equal(spiffe, name.IsSpiffeId);
        if (kind == GeneralNameKind.IPAddress)
        {
            Assert.Equal(IPAddress.Parse(value), name.GetIPAddress());
            Assert.Null(name.GetText());
        }
        else
        {
            Assert.Equal(value, name.GetText());
            Assert.Null(name.GetIPAddress());
        }
    }

    [Fact]
    public void SubjectAlternativeName_ReadsEveryGeneralNameKind()
    {
        DerCertificate parsed = Read(TestCertificate.Issue(TestExtensions.SubjectAlternativeNameOfEveryKind()).Der);

        List<GeneralName> names = ToList(parsed.GetSubjectAlternativeNames());

        Assert.Equal(Enum.GetValues<GeneralNameKind>(), names.Select(static n => n.Kind));
        Assert.Equal(
            [
                "othername:<unsupported>", "email:mail@golem.test", "DNS:golem.test", "X400Name:<unsupported>", "DirName:CN=dir,O=Golem Test",
                "EdiPartyName:<unsupported>", "URI:spiffe://golem.test/ns/a/sa/b", "IP:192.0.2.1", "RID:1.3.6.1.4.1.55555.5",
            ],
            names.Select(static n => n.ToString()));
        Assert.Equal([false, false, false, false, false, false, true, false, false], names.Select(static n => n.IsSpiffeId));

        // Value is the content octets, except for directoryName, whose Value is the Name's whole DER.
        Assert.Equal(Der.SimpleName(("2.5.4.10", Der.Utf8("Golem Test")), ("2.5.4.3", Der.Utf8("dir"))), names[4].Value.ToArray());
        Assert.Equal(Der.OidContents(TestExtensions.PrivateArc + ".5"), names[8].Value.ToArray());
        Assert.Equal([Der.ContextPrimitive(2), .. Der.Length(10), .. "golem.test"u8], names[2].Encoded.ToArray());
    }

    [Fact]
    public void SubjectAlternativeNames_KeepTheirOrder()
    {
        DerCertificate parsed = Read(FullCertificate.Der);

        Assert.Equal(["DNS:istiod.istio-system.svc", "URI:" + TestExtensions.SleepSpiffeId, "IP:10.1.2.3"], Strings(parsed.GetSubjectAlternativeNames()));
        Assert.False(parsed.IsExtensionCritical(CertificateExtensionKind.SubjectAlternativeName));
    }

    [Fact]
    public void NameConstraints_GivePermittedAndExcludedSubtrees()
    {
        X509Extension constraints = TestExtensions.NameConstraints(
            [
                new BouncyCastleGeneralName(BouncyCastleGeneralName.DnsName, ".cluster.local"),
                new BouncyCastleGeneralName(BouncyCastleGeneralName.UniformResourceIdentifier, ".cluster.local"),
                new BouncyCastleGeneralName(BouncyCastleGeneralName.IPAddress, "10.0.0.0/8"),
                new BouncyCastleGeneralName(BouncyCastleGeneralName.IPAddress, "2001:db8::/32"),
                new BouncyCastleGeneralName(BouncyCastleGeneralName.Rfc822Name, "golem.test"),
                new BouncyCastleGeneralName(BouncyCastleGeneralName.DirectoryName, "O=Golem Test"),
            ],
            [
                new BouncyCastleGeneralName(BouncyCastleGeneralName.DnsName, "evil.example"),
                new BouncyCastleGeneralName(BouncyCastleGeneralName.IPAddress, "192.168.0.0/16"),
            ]);

        DerCertificate parsed = Read(TestCertificate.Issue(new CertificateSpec { Writer = CertificateWriter.BouncyCastle, Extensions = [constraints] }).Der);

        Assert.Equal(
            ["DNS:.cluster.local", "URI:.cluster.local", "IP:10.0.0.0/255.0.0.0", "IP:2001:db8::/ffff:ffff::", "email:golem.test", "DirName:O=Golem Test"],
            Strings(parsed.GetPermittedSubtrees()));
        Assert.Equal(["DNS:evil.example", "IP:192.168.0.0/255.255.0.0"], Strings(parsed.GetExcludedSubtrees()));
        Assert.True(parsed.IsExtensionCritical(CertificateExtensionKind.NameConstraints));

        List<GeneralName> permitted = ToList(parsed.GetPermittedSubtrees());
        Assert.Equal([10, 0, 0, 0, 255, 0, 0, 0], permitted[2].Value.ToArray());
        Assert.Null(permitted[2].GetIPAddress());
        Assert.Equal(GeneralNameKind.DirectoryName, permitted[5].Kind);
        Assert.Equal("O=Golem Test", new DistinguishedName(permitted[5].Value).ToString());
    }

    [Fact]
    public void NameConstraints_WithOnlyExcludedSubtrees_HasNoPermitted()
    {
        X509Extension constraints = TestExtensions.NameConstraints(null, [new BouncyCastleGeneralName(BouncyCastleGeneralName.DnsName, "evil.example")]);

        DerCertificate parsed = Read(TestCertificate.Issue(constraints).Der);

        Assert.Empty(Strings(parsed.GetPermittedSubtrees()));
        Assert.Equal(["DNS:evil.example"], Strings(parsed.GetExcludedSubtrees()));
    }

    [Fact]
    public void CertificatePolicies_ListPolicyIdentifiers()
    {
        DerCertificate parsed = Read(FullCertificate.Der);

        Assert.Equal(["2.23.140.1.2.1", TestExtensions.PrivateArc + ".7"], Strings(parsed.GetCertificatePolicies()));
    }

    [Fact]
    public void CrlDistributionPoints_ListEveryFullName()
    {
        X509Extension points = TestExtensions.CrlDistributionPoints("http://crl.golem.test/a.crl", "ldap://ldap.golem.test/cn=ca");

        DerCertificate parsed = Read(TestCertificate.Issue(points).Der);

        Assert.Equal(["URI:http://crl.golem.test/a.crl", "URI:ldap://ldap.golem.test/cn=ca"], parsed.GetCrlDistributionPointNames().Select(static n => n.ToString()));
    }

    [Fact]
    public void CrlDistributionPoints_FromDotNetsBuilder_AreRead()
    {
        X509Extension points = CertificateRevocationListBuilder.BuildCrlDistributionPointExtension(["http://crl.golem.test/one.crl", "http://crl.golem.test/two.crl"]);

        DerCertificate parsed = Read(TestCertificate.Issue(points).Der);

        Assert.Equal(["URI:http://crl.golem.test/one.crl", "URI:http://crl.golem.test/two.crl"], parsed.GetCrlDistributionPointNames().Select(static n => n.ToString()));
    }

    [Fact]
    public void CrlDistributionPoints_NameRelativeToIssuerAndReasons_AreSkipped()
    {
        // DistributionPoint { distributionPoint [0] { nameRelativeToCRLIssuer [1] RDN }, reasons [1] }, then one with a fullName.
        byte[] value = Der.Seq(
            Der.Seq(
                Der.Constructed(Der.ContextConstructed(0), Der.Constructed(Der.ContextConstructed(1), Der.Attribute(CN, Der.Utf8("crl1")))),
                Der.Tlv(Der.ContextPrimitive(1), [0x07, 0x80])),
            Der.Seq(Der.Constructed(Der.ContextConstructed(0), Der.Constructed(Der.ContextConstructed(0), Der.Tlv(Der.ContextPrimitive(6), "http://crl.golem.test/b.crl"u8)))));

        DerCertificate parsed = Read(TestCertificate.Issue(TestExtensions.Raw(TestExtensions.CrlDistributionPointsOid, value, critical: false)).Der);

        Assert.Equal(["URI:http://crl.golem.test/b.crl"], parsed.GetCrlDistributionPointNames().Select(static n => n.ToString()));
    }

    [Fact]
    public void UnknownExtension_IsKeptWithItsIdentifierCriticalityAndValue()
    {
        byte[] value = Der.Seq(Der.Utf8("kept"), Der.IntegerValue(42));
        string oid = TestExtensions.PrivateArc + ".99";

        DerCertificate parsed = Read(TestCertificate.Issue(TestExtensions.Raw(oid, value, critical: true)).Der);

        CertificateExtension extension = Assert.Single(Extensions(parsed));
        Assert.Equal(oid, extension.Oid.ToString());
        Assert.True(extension.Critical);
        Assert.Equal(CertificateExtensionKind.Other, extension.Kind);
        Assert.Equal(value, extension.Value.ToArray());
        Assert.Equal(oid + " (critical)", extension.ToString());
    }

    [Fact]
    public void GetExtensions_FollowsTheEncodedOrder()
    {
        DerCertificate parsed = Read(FullCertificate.Der);
        using X509Certificate2 dotnet = FullCertificate.ToX509Certificate2();

        List<CertificateExtension> extensions = Extensions(parsed);

        Assert.Equal(dotnet.Extensions.Select(static e => e.Oid!.Value), extensions.Select(static e => e.Oid.ToString()));
        Assert.Equal(dotnet.Extensions.Select(static e => e.Critical), extensions.Select(static e => e.Critical));
        Assert.Equal(dotnet.Extensions.Select(static e => e.RawData), extensions.Select(static e => e.Value.ToArray()));
        Assert.Equal(
            [
                CertificateExtensionKind.BasicConstraints, CertificateExtensionKind.KeyUsage, CertificateExtensionKind.ExtendedKeyUsage,
                CertificateExtensionKind.SubjectKeyIdentifier, CertificateExtensionKind.AuthorityKeyIdentifier, CertificateExtensionKind.SubjectAlternativeName,
                CertificateExtensionKind.NameConstraints, CertificateExtensionKind.CertificatePolicies, CertificateExtensionKind.CrlDistributionPoints,
                CertificateExtensionKind.Other,
            ],
            extensions.Select(static e => e.Kind));
        Assert.Equal("2.5.29.19 basicConstraints (critical)", extensions[0].ToString());
        Assert.Equal("2.5.29.37 extendedKeyUsage", extensions[2].ToString());
    }

    [Fact]
    public void GetExtensions_IsEmptyForAVersion1Certificate()
    {
        DerCertificate parsed = Read(TestCertificate.Issue(new CertificateSpec { Version1 = true }).Der);

        Assert.Empty(Extensions(parsed));
    }

    private static List<GeneralName> ToList(GeneralNameEnumerator names)
    {
        var list = new List<GeneralName>();
        foreach (GeneralName name in names)
        {
            list.Add(name);
        }

        return list;
    }
}
