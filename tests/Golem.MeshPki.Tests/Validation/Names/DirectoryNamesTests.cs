using Golem.MeshPki.Certificates;
using Golem.MeshPki.Tests.TestCertificates;
using Golem.MeshPki.Validation.Names;
using static Golem.MeshPki.Tests.Validation.Names.NameCertificates;

namespace Golem.MeshPki.Tests.Validation.Names;

public class DirectoryNamesTests
{
    private const string OrganizationalUnit = "2.5.4.11";

    private static readonly byte[] BankLeaf = Der.SimpleName((Country, Der.Printable("DE")), (Organization, Der.Utf8("Bank")), (CommonName, Der.Utf8("leaf")));

    public static TheoryData<string, byte[], byte[], bool> Cases => new()
    {
        { "exact name", BankLeaf, BankLeaf, true },
        { "prefix of RDNs", BankLeaf, Der.SimpleName((Country, Der.Printable("DE")), (Organization, Der.Utf8("Bank"))), true },
        { "first RDN only", BankLeaf, Der.SimpleName((Country, Der.Printable("DE"))), true },
        { "empty subtree holds every name", BankLeaf, Der.Seq(), true },
        { "subtree longer than the name", Der.SimpleName((Country, Der.Printable("DE"))), BankLeaf, false },
        { "different value", Der.SimpleName((CommonName, Der.Utf8("not-foo"))), Der.SimpleName((CommonName, Der.Utf8("foo"))), false },
        { "different attribute type", Der.SimpleName((Organization, Der.Utf8("foo"))), Der.SimpleName((CommonName, Der.Utf8("foo"))), false },
        { "RDNs out of order", Der.SimpleName((Organization, Der.Utf8("Bank")), (Country, Der.Printable("DE"))), Der.SimpleName((Country, Der.Printable("DE"))), false },
        { "case ignored across string types", Der.SimpleName((Organization, Der.Printable("BANK")), (CommonName, Der.Utf8("x"))), Der.SimpleName((Organization, Der.Utf8("bank"))), true },
        { "insignificant spaces ignored", Der.SimpleName((Organization, Der.Utf8("  Bank   Ltd "))), Der.SimpleName((Organization, Der.Printable("Bank Ltd"))), true },
        { "inner space is significant", Der.SimpleName((Organization, Der.Utf8("BankLtd"))), Der.SimpleName((Organization, Der.Utf8("Bank Ltd"))), false },
        { "BMPString compares by its characters", Der.SimpleName((Organization, Der.Bmp("Bank"))), Der.SimpleName((Organization, Der.Utf8("Bank"))), true },
        { "TeletexString matches only byte for byte", Der.SimpleName((Organization, Der.Tlv(Der.TeletexStringTag, "Bank"u8))), Der.SimpleName((Organization, Der.Utf8("Bank"))), false },
        { "non-string value matches only byte for byte", Der.SimpleName((Organization, Der.IntegerValue(5))), Der.SimpleName((Organization, Der.Utf8("5"))), false },
        {
            "multi-valued RDN in any order",
            Der.Name([Der.Attribute(Organization, Der.Utf8("Bank")), Der.Attribute(OrganizationalUnit, Der.Utf8("MESH"))]),
            Der.Name([Der.Attribute(OrganizationalUnit, Der.Printable("mesh")), Der.Attribute(Organization, Der.Printable("bank"))]),
            true
        },
        {
            "multi-valued RDN needs every attribute",
            Der.Name([Der.Attribute(Organization, Der.Utf8("Bank"))]),
            Der.Name([Der.Attribute(OrganizationalUnit, Der.Utf8("Mesh")), Der.Attribute(Organization, Der.Utf8("Bank"))]),
            false
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsWithin_ComparesLeadingRdnsAfterRfc5280Section71Preparation(string what, byte[] name, byte[] subtree, bool expected)
    {
        Assert.True(expected == DirectoryNames.IsWithin(new DistinguishedName(name), new DistinguishedName(subtree)), what);
    }

    [Fact]
    public void CountAttributes_CountsEveryAttributeOfEveryRdn()
    {
        byte[] name = Der.Name([Der.Attribute(Country, Der.Printable("DE"))], [Der.Attribute(Organization, Der.Utf8("Bank")), Der.Attribute(OrganizationalUnit, Der.Utf8("Mesh"))]);

        Assert.Equal(3, DirectoryNames.CountAttributes(new DistinguishedName(name)));
    }
}
