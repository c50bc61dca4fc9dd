using System.Globalization;
using System.Text;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Tests.TestCertificates;

namespace Golem.MeshPki.Tests.Certificates;

/// <summary>
/// X.690 DER and RFC 5280 strictness: each defect is put into the DER of <see cref="FullCertificate"/>
/// by editing its tree, and the reader must name the field path and the offset of the element the
/// edit broke (read from the edited tree after encoding, never typed in).
/// </summary>
public partial class DerCertificateTests
{
    /// <summary>One element of the certificate and the field path the reader reports for it.</summary>
    private sealed record FieldUnderTest(string ExpectedPath, Func<EditableCertificate, DerNode> Select);

    private const string Ext = "tbsCertificate.extensions";

    /// <summary>Every element of <see cref="FullCertificate"/> a defect is put into, by a readable name.</summary>
    private static readonly Dictionary<string, FieldUnderTest> CertificateFields = new()
    {
        ["certificate"] = new("certificate", static e => e.Root),
        ["tbsCertificate"] = new("tbsCertificate", static e => e.Tbs),
        ["version [0]"] = new("tbsCertificate.version", static e => e.Version!),
        ["version INTEGER"] = new("tbsCertificate.version", static e => e.Version![0]),
        ["serialNumber"] = new("tbsCertificate.serialNumber", static e => e.SerialNumber),
        ["signature"] = new("tbsCertificate.signature", static e => e.TbsSignature),
        ["signature.algorithm"] = new("tbsCertificate.signature.algorithm", static e => e.TbsSignature[0]),
        ["issuer"] = new("tbsCertificate.issuer", static e => e.Issuer),
        ["issuer RDN"] = new("tbsCertificate.issuer", static e => e.Issuer[1]),
        ["issuer attribute"] = new("tbsCertificate.issuer", static e => e.Issuer[1][0]),
        ["issuer attribute type"] = new("tbsCertificate.issuer", static e => e.Issuer[1][0][0]),
        ["issuer attribute value"] = new("tbsCertificate.issuer", static e => e.Issuer[1][0][1]),
        ["validity"] = new("tbsCertificate.validity", static e => e.Validity),
        ["validity.notBefore"] = new("tbsCertificate.validity.notBefore", static e => e.NotBefore),
        ["validity.notAfter"] = new("tbsCertificate.validity.notAfter", static e => e.NotAfter),
        ["subject"] = new("tbsCertificate.subject", static e => e.Subject),
        ["subject RDN"] = new("tbsCertificate.subject", static e => e.Subject[0]),
        ["subjectPublicKeyInfo"] = new("tbsCertificate.subjectPublicKeyInfo", static e => e.SubjectPublicKeyInfo),
        ["subjectPublicKeyInfo.algorithm"] = new("tbsCertificate.subjectPublicKeyInfo.algorithm", static e => e.SubjectPublicKeyInfo[0]),
        ["subjectPublicKeyInfo.algorithm.algorithm"] = new("tbsCertificate.subjectPublicKeyInfo.algorithm.algorithm", static e => e.SubjectPublicKeyInfo[0][0]),
        ["subjectPublicKeyInfo.algorithm.parameters"] = new("tbsCertificate.subjectPublicKeyInfo.algorithm.parameters", static e => e.SubjectPublicKeyInfo[0][1]),
        ["subjectPublicKeyInfo.subjectPublicKey"] = new("tbsCertificate.subjectPublicKeyInfo.subjectPublicKey", static e => e.SubjectPublicKeyInfo[1]),
        ["extensions [3]"] = new(Ext, static e => e.ExtensionsWrapper!),
        ["extensions"] = new(Ext, static e => e.Extensions),
        ["extension"] = new(Ext, static e => e.Extensions[0]),
        ["extension.extnID"] = new(Ext + ".extnID", static e => e.Extensions[0][0]),
        ["extension.critical"] = new(Ext + ".critical", static e => e.Extensions[0][1]),
        ["extension.extnValue"] = new(Ext + ".extnValue", static e => e.Extensions[0][2].Encapsulate()),
        ["basicConstraints"] = new(Ext + ".basicConstraints", static e => e.ExtensionValue(TestExtensions.BasicConstraintsOid)[0]),
        ["basicConstraints.cA"] = new(Ext + ".basicConstraints.cA", static e => e.ExtensionValue(TestExtensions.BasicConstraintsOid)[0][0]),
        ["basicConstraints.pathLenConstraint"] = new(Ext + ".basicConstraints.pathLenConstraint", static e => e.ExtensionValue(TestExtensions.BasicConstraintsOid)[0][1]),
        ["keyUsage"] = new(Ext + ".keyUsage", static e => e.ExtensionValue(TestExtensions.KeyUsageOid)[0]),
        ["extendedKeyUsage"] = new(Ext + ".extendedKeyUsage", static e => e.ExtensionValue(TestExtensions.ExtendedKeyUsageOid)[0]),
        ["extendedKeyUsage OID"] = new(Ext + ".extendedKeyUsage", static e => e.ExtensionValue(TestExtensions.ExtendedKeyUsageOid)[0][1]),
        ["subjectKeyIdentifier"] = new(Ext + ".subjectKeyIdentifier", static e => e.ExtensionValue(TestExtensions.SubjectKeyIdentifierOid)[0]),
        ["authorityKeyIdentifier"] = new(Ext + ".authorityKeyIdentifier", static e => e.ExtensionValue(TestExtensions.AuthorityKeyIdentifierOid)[0]),
        ["authorityKeyIdentifier.keyIdentifier"] = new(Ext + ".authorityKeyIdentifier.keyIdentifier", static e => e.ExtensionValue(TestExtensions.AuthorityKeyIdentifierOid)[0][0]),
        ["subjectAltName"] = new(Ext + ".subjectAltName", static e => e.ExtensionValue(TestExtensions.SubjectAltNameOid)[0]),
        ["subjectAltName URI"] = new(Ext + ".subjectAltName", static e => e.ExtensionValue(TestExtensions.SubjectAltNameOid)[0][1]),
        ["nameConstraints"] = new(Ext + ".nameConstraints", static e => e.ExtensionValue(TestExtensions.NameConstraintsOid)[0]),
        ["nameConstraints.permittedSubtrees"] = new(Ext + ".nameConstraints.permittedSubtrees", static e => e.ExtensionValue(TestExtensions.NameConstraintsOid)[0][0]),
        ["nameConstraints.permittedSubtrees subtree"] = new(Ext + ".nameConstraints.permittedSubtrees", static e => e.ExtensionValue(TestExtensions.NameConstraintsOid)[0][0][1]),
        // The reader names the subtree list, not ".base", for a GeneralSubtree's parts (it builds no path string unless it fails).
        ["nameConstraints.permittedSubtrees.base"] = new(Ext + ".nameConstraints.permittedSubtrees.base", static e => e.ExtensionValue(TestExtensions.NameConstraintsOid)[0][0][1][0]),
        ["nameConstraints.excludedSubtrees"] = new(Ext + ".nameConstraints.excludedSubtrees", static e => e.ExtensionValue(TestExtensions.NameConstraintsOid)[0][1]),
        ["certificatePolicies"] = new(Ext + ".certificatePolicies", static e => e.ExtensionValue(TestExtensions.CertificatePoliciesOid)[0]),
        ["certificatePolicies PolicyInformation"] = new(Ext + ".certificatePolicies", static e => e.ExtensionValue(TestExtensions.CertificatePoliciesOid)[0][0]),
        ["certificatePolicies.policyIdentifier"] = new(Ext + ".certificatePolicies.policyIdentifier", static e => e.ExtensionValue(TestExtensions.CertificatePoliciesOid)[0][1][0]),
        ["certificatePolicies.policyQualifiers"] = new(Ext + ".certificatePolicies.policyQualifiers", static e => e.ExtensionValue(TestExtensions.CertificatePoliciesOid)[0][0][1]),
        ["cRLDistributionPoints"] = new(Ext + ".cRLDistributionPoints", static e => e.ExtensionValue(TestExtensions.CrlDistributionPointsOid)[0]),
        ["cRLDistributionPoints DistributionPoint"] = new(Ext + ".cRLDistributionPoints", static e => e.ExtensionValue(TestExtensions.CrlDistributionPointsOid)[0][0]),
        ["cRLDistributionPoints.distributionPoint"] = new(Ext + ".cRLDistributionPoints.distributionPoint", static e => e.ExtensionValue(TestExtensions.CrlDistributionPointsOid)[0][0][0]),
        ["cRLDistributionPoints.distributionPoint fullName"] = new(Ext + ".cRLDistributionPoints.distributionPoint", static e => e.ExtensionValue(TestExtensions.CrlDistributionPointsOid)[0][0][0][0]),
        ["cRLDistributionPoints.distributionPoint.fullName URI"] = new(Ext + ".cRLDistributionPoints.distributionPoint.fullName", static e => e.ExtensionValue(TestExtensions.CrlDistributionPointsOid)[0][0][0][0][0]),
        ["signatureAlgorithm"] = new("signatureAlgorithm", static e => e.SignatureAlgorithm),
        ["signatureAlgorithm.algorithm"] = new("signatureAlgorithm.algorithm", static e => e.SignatureAlgorithm[0]),
        ["signatureValue"] = new("signatureValue", static e => e.SignatureValue),
    };

    public static TheoryData<string> AllFields => new(CertificateFields.Keys);

    /// <summary>The fields whose contents are under 128 octets, where a long-form length is not minimal.</summary>
    public static TheoryData<string> ShortFields => new(CertificateFields.Where(static f => f.Value.Select(FullCertificate.Edit()).Contents.Length < 0x80).Select(static f => f.Key));

    /// <summary>The fields that end their parent, where a length one too long runs past the parent.</summary>
    public static TheoryData<string> LastFields => new(CertificateFields.Where(static f =>
    {
        EditableCertificate edit = FullCertificate.Edit();
        DerNode node = f.Value.Select(edit);
        DerNode? parent = edit.ParentOf(node);
        return parent is not null && ReferenceEquals(parent.Children[^1], node);
    }).Select(static f => f.Key));

    /// <summary>Applies <paramref name="defect"/> to the field, encodes, and checks the reader names that field at that element's offset.</summary>
    private static CertificateFormatException AssertRejectedAt(string field, Action<DerNode> defect, string reasonFragment)
    {
        EditableCertificate edit = FullCertificate.Edit();
        FieldUnderTest target = CertificateFields[field];
        DerNode node = target.Select(edit);
        defect(node);
        byte[] der = edit.Encode();

        CertificateFormatException exception = ReadFails(der);

        Assert.Equal(target.ExpectedPath, exception.FieldPath);
        Assert.Equal(node.Offset, exception.Offset);
        Assert.Contains(reasonFragment, exception.Reason, StringComparison.Ordinal);
        Assert.Equal(0, exception.LineNumber);
        Assert.Contains(exception.Offset.ToString(CultureInfo.InvariantCulture), exception.Message, StringComparison.Ordinal);
        return exception;
    }

    [Fact]
    public void FullCertificate_IsReadWhole_SoEveryDefectBelowIsTheOnlyOne()
    {
        DerCertificate parsed = Read(FullCertificate.Der);

        Assert.Equal(10, Extensions(parsed).Count);
        Assert.All(CertificateFields.Values, static field => Assert.NotNull(field.Select(FullCertificate.Edit())));
    }

    [Theory]
    [MemberData(nameof(AllFields))]
    public void IndefiniteLength_IsRejected(string field)
    {
        // X.690 10.1: DER uses the definite form only.
        AssertRejectedAt(field, static node => node.IndefiniteLength = true, "indefinite length");
    }

    [Theory]
    [MemberData(nameof(AllFields))]
    public void LengthWithLeadingZeroOctet_IsRejected(string field)
    {
        AssertRejectedAt(field, static node => node.LengthOctets = LengthWithLeadingZero(node.Contents.Length), "leading zero octet");
    }

    [Theory]
    [MemberData(nameof(ShortFields))]
    public void LongFormLengthForAShortLength_IsRejected(string field)
    {
        // X.690 10.1: lengths below 128 take the short form.
        AssertRejectedAt(field, static node => node.LengthOctets = [0x81, (byte)node.Contents.Length], "long form for a short length");
    }

    [Theory]
    [MemberData(nameof(LastFields))]
    public void LengthRunningPastTheParent_IsRejected(string field)
    {
        AssertRejectedAt(field, static node => node.LengthOctets = Der.Length(node.Contents.Length + 1), "content octets but only");
    }

    [Theory]
    [InlineData("serialNumber", new byte[] { 0x85, 0x00, 0x00, 0x00, 0x00, 0x06 }, "a length of 5 octets is too long")]
    [InlineData("serialNumber", new byte[] { 0x84, 0x80, 0x00, 0x00, 0x00 }, "the length is too large")]
    [InlineData("signatureValue", new byte[] { 0x84, 0x7F, 0xFF, 0xFF, 0xFF }, "content octets but only")]
    public void ImpossibleLengths_AreRejected(string field, byte[] lengthOctets, string reason)
    {
        AssertRejectedAt(field, node => node.LengthOctets = lengthOctets, reason);
    }

    [Fact]
    public void HighTagNumberForm_IsRejected()
    {
        AssertRejectedAt("validity.notAfter", static node => node.Tag = 0x1F, "high tag number");
    }

    public static TheoryData<string, byte> WrongTags => new()
    {
        { "certificate", Der.SetTag },
        { "tbsCertificate", Der.SetTag },
        { "version INTEGER", Der.OctetStringTag },
        { "serialNumber", Der.OctetStringTag },
        { "signature", Der.SetTag },
        { "signature.algorithm", Der.OctetStringTag },
        { "issuer", Der.SetTag },
        { "issuer RDN", Der.SequenceTag },
        { "issuer attribute", Der.SetTag },
        { "issuer attribute type", Der.Utf8StringTag },
        { "validity", Der.SetTag },
        { "subject", Der.SetTag },
        { "subjectPublicKeyInfo", Der.SetTag },
        { "subjectPublicKeyInfo.algorithm", Der.SetTag },
        { "subjectPublicKeyInfo.subjectPublicKey", Der.OctetStringTag },
        { "extensions", Der.SetTag },
        { "extension", Der.SetTag },
        { "extension.extnID", Der.OctetStringTag },
        { "extension.extnValue", Der.BitStringTag },
        { "basicConstraints", Der.SetTag },
        { "keyUsage", Der.OctetStringTag },
        { "extendedKeyUsage", Der.SetTag },
        { "extendedKeyUsage OID", Der.OctetStringTag },
        { "subjectKeyIdentifier", Der.BitStringTag },
        { "authorityKeyIdentifier", Der.SetTag },
        { "subjectAltName", Der.SetTag },
        { "nameConstraints", Der.SetTag },
        { "nameConstraints.permittedSubtrees subtree", Der.SetTag },
        { "certificatePolicies", Der.SetTag },
        { "certificatePolicies PolicyInformation", Der.SetTag },
        { "certificatePolicies.policyIdentifier", Der.OctetStringTag },
        { "certificatePolicies.policyQualifiers", Der.SetTag },
        { "cRLDistributionPoints", Der.SetTag },
        { "cRLDistributionPoints DistributionPoint", Der.SetTag },
        { "signatureAlgorithm", Der.SetTag },
        { "signatureAlgorithm.algorithm", Der.OctetStringTag },
        { "signatureValue", Der.OctetStringTag },
    };

    [Theory]
    [MemberData(nameof(WrongTags))]
    public void WrongTag_IsRejected(string field, byte wrongTag)
    {
        AssertRejectedAt(field, node => node.Tag = wrongTag, "but found 0x" + wrongTag.ToString("x2", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("validity.notBefore", Der.PrintableStringTag, "expected UTCTime (0x17) or GeneralizedTime (0x18) but found 0x13")]
    [InlineData("validity.notAfter", Der.OctetStringTag, "expected UTCTime (0x17) or GeneralizedTime (0x18) but found 0x04")]
    [InlineData("subjectAltName URI", Der.Ia5StringTag, "a GeneralName must be context-specific, not tag 0x16")]
    [InlineData("subjectAltName URI", 0x89, "tag 0x89 is not a GeneralName")]
    [InlineData("subjectAltName URI", 0xA6, "tag 0xa6 is not a GeneralName")]
    [InlineData("nameConstraints.permittedSubtrees.base", 0x82 | 0x20, "tag 0xa2 is not a GeneralName")]
    [InlineData("cRLDistributionPoints.distributionPoint fullName", 0xA2, "tag 0xa2 is not a DistributionPointName")]
    public void WrongTag_InAChoice_IsRejected(string field, byte wrongTag, string reason)
    {
        AssertRejectedAt(field, node => node.Tag = wrongTag, reason);
    }

    public static TheoryData<string, string> TrailingDataContainers => new()
    {
        // container, the field path the reader names
        { "certificate", "certificate" },
        { "tbsCertificate", "tbsCertificate" },
        { "version [0]", "tbsCertificate.version" },
        { "validity", "tbsCertificate.validity" },
        { "issuer attribute", "tbsCertificate.issuer" },
        { "subjectPublicKeyInfo", "tbsCertificate.subjectPublicKeyInfo" },
        { "subjectPublicKeyInfo.algorithm", "tbsCertificate.subjectPublicKeyInfo.algorithm" },
        { "extensions [3]", Ext },
        { "extension", Ext },
        { "extension.extnValue", Ext + ".extnValue" },
        { "basicConstraints", Ext + ".basicConstraints" },
        { "authorityKeyIdentifier", Ext + ".authorityKeyIdentifier" },
        { "nameConstraints", Ext + ".nameConstraints" },
        { "nameConstraints.permittedSubtrees subtree", Ext + ".nameConstraints.permittedSubtrees" },
        { "certificatePolicies PolicyInformation", Ext + ".certificatePolicies" },
        { "cRLDistributionPoints DistributionPoint", Ext + ".cRLDistributionPoints" },
        { "cRLDistributionPoints.distributionPoint", Ext + ".cRLDistributionPoints.distributionPoint" },
    };

    [Theory]
    [MemberData(nameof(TrailingDataContainers))]
    public void TrailingDataInsideAStructure_IsRejected(string container, string expectedPath)
    {
        EditableCertificate edit = FullCertificate.Edit();
        DerNode trailing = DerNode.Parse(Der.NullValue());
        CertificateFields[container].Select(edit).Children.Add(trailing);
        byte[] der = edit.Encode();

        CertificateFormatException exception = ReadFails(der);

        Assert.Equal(expectedPath, exception.FieldPath);
        Assert.Equal(trailing.Offset, exception.Offset);
        Assert.Equal("unexpected data after the last field", exception.Reason);
    }

    [Theory]
    [InlineData(TestExtensions.KeyUsageOid)]
    [InlineData(TestExtensions.ExtendedKeyUsageOid)]
    [InlineData(TestExtensions.SubjectKeyIdentifierOid)]
    [InlineData(TestExtensions.SubjectAltNameOid)]
    [InlineData(TestExtensions.CertificatePoliciesOid)]
    public void TrailingDataAfterAnExtensionValue_IsRejected(string oid)
    {
        EditableCertificate edit = FullCertificate.Edit();
        DerNode trailing = DerNode.Parse(Der.NullValue());
        edit.ExtensionValue(oid).Children.Add(trailing);
        byte[] der = edit.Encode();

        CertificateFormatException exception = ReadFails(der);

        Assert.Equal(Ext + ".extnValue", exception.FieldPath);
        Assert.Equal(trailing.Offset, exception.Offset);
    }

    [Theory]
    [InlineData(new byte[] { 0x00 })]
    [InlineData(new byte[] { 0x30, 0x00 })]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF })]
    public void TrailingDataAfterTheCertificate_IsRejectedByParse(byte[] trailing)
    {
        byte[] der = FullCertificate.Der;

        CertificateFormatException exception = ReadFails([.. der, .. trailing]);

        Assert.Equal("certificate", exception.FieldPath);
        Assert.Equal(der.Length, exception.Offset);
        Assert.Equal($"{trailing.Length} bytes follow the certificate", exception.Reason);
    }

    [Fact]
    public void TrailingDataAfterTheCertificate_IsLeftAloneByParseWithBytesConsumed()
    {
        byte[] der = FullCertificate.Der;

        byte[] input = [.. der, 0x00, 0x01];

        DerCertificate parsed = DerCertificate.Parse(input, out int consumed);

        Assert.Equal(der.Length, consumed);
        Assert.Equal(der.Length, parsed.RawData.Length);
    }

    [Fact]
    public void TruncatedCertificate_IsRejectedAtTheOuterHeader()
    {
        byte[] der = FullCertificate.Der;

        CertificateFormatException exception = ReadFails(der[..^1]);

        Assert.Equal("certificate", exception.FieldPath);
        Assert.Equal(0, exception.Offset);
        Assert.Equal($"the element claims {der.Length - 4} content octets but only {der.Length - 5} remain", exception.Reason);
    }

    [Theory]
    [InlineData(new byte[0], "expected an element but the data ended")]
    [InlineData(new byte[] { 0x30 }, "the length octets are missing")]
    [InlineData(new byte[] { 0x30, 0x82, 0x01 }, "the length octets run past the end of the data")]
    [InlineData(new byte[] { 0x30, 0x00 }, "expected an element but the data ended")]
    public void TinyInputs_AreRejected(byte[] input, string reason)
    {
        CertificateFormatException exception = ReadFails(input);

        Assert.Equal(reason, exception.Reason);
        Assert.Equal(input.Length == 2 ? "tbsCertificate" : "certificate", exception.FieldPath);
        Assert.Equal(input.Length == 2 ? 2 : 0, exception.Offset);
    }

    public static TheoryData<string, byte, string, string> BadTimes => new()
    {
        // field, tag, contents, reason fragment
        { "validity.notAfter", Der.UtcTimeTag, "3501010000Z", "a UTCTime must be YYMMDDHHMMSSZ" },
        { "validity.notAfter", Der.UtcTimeTag, "3501010000000", "a UTCTime must be YYMMDDHHMMSSZ" },
        { "validity.notAfter", Der.UtcTimeTag, "350101000000z", "a UTCTime must be YYMMDDHHMMSSZ" },
        { "validity.notAfter", Der.UtcTimeTag, "350101000000+0000", "a UTCTime must be YYMMDDHHMMSSZ" },
        { "validity.notAfter", Der.UtcTimeTag, "350101000000.5Z", "a UTCTime must be YYMMDDHHMMSSZ" },
        { "validity.notAfter", Der.UtcTimeTag, "20350101000000Z", "a UTCTime must be YYMMDDHHMMSSZ" },
        { "validity.notAfter", Der.GeneralizedTimeTag, "20350101000000.5Z", "a GeneralizedTime must be YYYYMMDDHHMMSSZ" },
        { "validity.notAfter", Der.GeneralizedTimeTag, "20350101000000", "a GeneralizedTime must be YYYYMMDDHHMMSSZ" },
        { "validity.notAfter", Der.GeneralizedTimeTag, "20350101000000+0100", "a GeneralizedTime must be YYYYMMDDHHMMSSZ" },
        { "validity.notAfter", Der.GeneralizedTimeTag, "203501010000Z", "a GeneralizedTime must be YYYYMMDDHHMMSSZ" },
        { "validity.notAfter", Der.GeneralizedTimeTag, "350101000000Z", "a GeneralizedTime must be YYYYMMDDHHMMSSZ" },
        { "validity.notAfter", Der.UtcTimeTag, "351301000000Z", "out of range" },
        { "validity.notAfter", Der.UtcTimeTag, "350001000000Z", "out of range" },
        { "validity.notAfter", Der.UtcTimeTag, "350230000000Z", "out of range" },
        { "validity.notAfter", Der.UtcTimeTag, "350229000000Z", "out of range" },
        { "validity.notAfter", Der.GeneralizedTimeTag, "21000229000000Z", "out of range" },
        { "validity.notAfter", Der.UtcTimeTag, "350431000000Z", "out of range" },
        { "validity.notAfter", Der.UtcTimeTag, "350100000000Z", "out of range" },
        { "validity.notAfter", Der.UtcTimeTag, "350101240000Z", "out of range" },
        { "validity.notAfter", Der.UtcTimeTag, "350101006000Z", "out of range" },
        { "validity.notAfter", Der.UtcTimeTag, "350101235960Z", "out of range" },
        { "validity.notAfter", Der.UtcTimeTag, "35a101000000Z", "non-digit" },
        { "validity.notAfter", Der.GeneralizedTimeTag, "00000101000000Z", "year 0000" },
        { "validity.notBefore", Der.UtcTimeTag, "250101000000", "a UTCTime must be YYMMDDHHMMSSZ" },
        { "validity.notBefore", Der.GeneralizedTimeTag, "20251301000000Z", "out of range" },
        { "validity.notBefore", Der.UtcTimeTag, "2501010000:0Z", "non-digit" },
        { "validity.notAfter", Der.UtcTimeTag, "3501 1000000Z", "non-digit" },
        { "validity.notAfter", Der.UtcTimeTag, "-50101000000Z", "non-digit" },
        { "validity.notAfter", Der.UtcTimeTag, "3501010000~0Z", "non-digit" },
    };

    [Theory]
    [MemberData(nameof(BadTimes))]
    public void MalformedTime_IsRejected(string field, byte tag, string contents, string reason)
    {
        // RFC 5280 4.1.2.5: Z always, seconds always, no fractions; and a real calendar date.
        AssertRejectedAt(
            field,
            node =>
            {
                node.Tag = tag;
                node.Contents = Encoding.ASCII.GetBytes(contents);
            },
            reason);
    }

    [Theory]
    [InlineData(Der.UtcTimeTag, "350615123456Z")]
    [InlineData(Der.GeneralizedTimeTag, "20350615123456Z")]
    public void TimeDigits_EveryOctetAtEveryPosition_OnlyDigitsPass(byte tag, string valid)
    {
        // The digits are checked eight at a time (two overlapping words): every position, every
        // octet value. A digit that keeps the date valid parses; anything else is a non-digit.
        for (int position = 0; position < valid.Length - 1; position++)
        {
            for (int value = 0; value < 256; value++)
            {
                byte[] contents = Encoding.ASCII.GetBytes(valid);
                contents[position] = (byte)value;
                EditableCertificate edit = FullCertificate.Edit();
                edit.NotAfter.Tag = tag;
                edit.NotAfter.Contents = contents;
                byte[] der = edit.Encode();
                if (value is >= '0' and <= '9')
                {
                    // Digits may still make an impossible date (month 13); only non-digits are under test.
                    try
                    {
                        DerCertificate.Parse(der);
                    }
                    catch (CertificateFormatException exception)
                    {
                        Assert.DoesNotContain("non-digit", exception.Reason, StringComparison.Ordinal);
                    }
                }
                else
                {
                    Assert.Contains("non-digit", ReadFails(der).Reason, StringComparison.Ordinal);
                }
            }
        }
    }

    /// <summary>Every extension of <see cref="FullCertificate"/> by name: the nine the reader decodes and one it does not.</summary>
    private static readonly Dictionary<string, string> FullCertificateExtensions = new()
    {
        ["basicConstraints"] = TestExtensions.BasicConstraintsOid,
        ["keyUsage"] = TestExtensions.KeyUsageOid,
        ["extendedKeyUsage"] = TestExtensions.ExtendedKeyUsageOid,
        ["subjectKeyIdentifier"] = TestExtensions.SubjectKeyIdentifierOid,
        ["authorityKeyIdentifier"] = TestExtensions.AuthorityKeyIdentifierOid,
        ["subjectAltName"] = TestExtensions.SubjectAltNameOid,
        ["nameConstraints"] = TestExtensions.NameConstraintsOid,
        ["certificatePolicies"] = TestExtensions.CertificatePoliciesOid,
        ["cRLDistributionPoints"] = TestExtensions.CrlDistributionPointsOid,
        ["unknown " + UnknownExtensionOid] = UnknownExtensionOid,
    };

    public static TheoryData<string> ExtensionNames => new(FullCertificateExtensions.Keys);

    [Theory]
    [MemberData(nameof(ExtensionNames))]
    public void DuplicateExtension_IsRejectedAtTheSecondCopy(string extension)
    {
        // RFC 5280 4.2: a certificate MUST NOT include more than one instance of a particular extension.
        EditableCertificate edit = FullCertificate.Edit();
        DerNode copy = edit.Duplicate(edit.Extension(FullCertificateExtensions[extension]));
        byte[] der = edit.Encode();

        CertificateFormatException exception = ReadFails(der);

        Assert.Equal(Ext, exception.FieldPath);
        Assert.Equal(copy.Offset, exception.Offset);
        Assert.Contains("appears twice", exception.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ExtensionNames))]
    public void DuplicateExtension_IsRejectedWhenTheCopiesAreApart(string extension)
    {
        EditableCertificate edit = FullCertificate.Edit();
        DerNode original = edit.Extension(FullCertificateExtensions[extension]);
        DerNode copy = original.Clone();
        edit.Extensions.Children.Remove(original);
        edit.Extensions.Children.Insert(0, original);
        edit.Extensions.Children.Add(copy);
        byte[] der = edit.Encode();

        CertificateFormatException exception = ReadFails(der);

        Assert.Equal(Ext, exception.FieldPath);
        Assert.Equal(copy.Offset, exception.Offset);
    }

    [Fact]
    public void DuplicateUnknownExtension_IsRejectedEvenWithAnotherValueAndCriticality()
    {
        EditableCertificate edit = FullCertificate.Edit();
        DerNode copy = DerNode.Parse(Der.Seq(Der.Oid(UnknownExtensionOid), Der.Bool(true), Der.Octets(Der.IntegerValue(1))));
        edit.Extensions.Children.Add(copy);
        byte[] der = edit.Encode();

        CertificateFormatException exception = ReadFails(der);

        Assert.Equal(Ext, exception.FieldPath);
        Assert.Equal(copy.Offset, exception.Offset);
        Assert.Equal($"extension {UnknownExtensionOid} appears twice", exception.Reason);
    }

    [Fact]
    public void DistinctUnknownExtensions_AreRead_EvenWhenOneIdentifierPrefixesTheOther()
    {
        EditableCertificate edit = FullCertificate.Edit();
        edit.Extensions.Children.Add(DerNode.Parse(Der.Seq(Der.Oid(UnknownExtensionOid + "0"), Der.Octets(Der.NullValue()))));
        edit.Extensions.Children.Add(DerNode.Parse(Der.Seq(Der.Oid(UnknownExtensionOid + ".1"), Der.Octets(Der.NullValue()))));

        DerCertificate parsed = Read(edit.Encode());

        Assert.Equal(
            [UnknownExtensionOid, UnknownExtensionOid + "0", UnknownExtensionOid + ".1"],
            Extensions(parsed).Where(static e => e.Kind == CertificateExtensionKind.Other).Select(static e => e.Oid.ToString()));
    }

    /// <summary>Malformed contents of known fields: (field, edit, reason fragment).</summary>
    private static readonly Dictionary<string, (string Field, Action<EditableCertificate, DerNode> Edit, string Reason)> MalformedContents = new()
    {
        ["critical is not 0x00 or 0xff"] = ("extension.critical", static (_, n) => n.Contents = [0x01], "a DER BOOLEAN is 0x00 or 0xff, not 0x01"),
        ["critical has two octets"] = ("extension.critical", static (_, n) => n.Contents = [0xFF, 0xFF], "exactly one content octet"),
        ["cA is not 0x00 or 0xff"] = ("basicConstraints.cA", static (_, n) => n.Contents = [0x01], "a DER BOOLEAN is 0x00 or 0xff"),
        ["serial has a redundant leading zero"] = ("serialNumber", static (_, n) => n.Contents = [0x00, 0x01], "not minimally encoded"),
        ["serial has a redundant leading 0xff"] = ("serialNumber", static (_, n) => n.Contents = [0xFF, 0x80], "not minimally encoded"),
        ["serial is empty"] = ("serialNumber", static (_, n) => n.Contents = [], "at least one content octet"),
        ["version 4"] = ("version INTEGER", static (_, n) => n.Contents = [0x03], "version 4 is not defined"),
        ["version is negative"] = ("version INTEGER", static (_, n) => n.Contents = [0xFF], "must not be negative"),
        ["v2 certificate with extensions"] = ("extensions [3]", static (e, _) => e.Version![0].Contents = [0x01], "a v2 certificate cannot carry extensions"),
        ["v1 certificate with extensions"] = ("extensions [3]", static (e, _) => e.Tbs.Children.Remove(e.Version!), "a v1 certificate cannot carry extensions"),
        ["pathLenConstraint is negative"] = ("basicConstraints.pathLenConstraint", static (_, n) => n.Contents = [0xFF], "must not be negative"),
        ["pathLenConstraint is too large"] = ("basicConstraints.pathLenConstraint", static (_, n) => n.Contents = [0x00, 0x80, 0x00, 0x00, 0x00], "too large"),
        ["extnID has a non-minimal arc"] = ("extension.extnID", static (_, n) => n.Contents = [0x55, 0x80, 0x1D, 0x13], "not minimally encoded"),
        ["extnID ends mid-arc"] = ("extension.extnID", static (_, n) => n.Contents = [0x55, 0x1D, 0x93], "incomplete"),
        ["extnID is empty"] = ("extension.extnID", static (_, n) => n.Contents = [], "must not be empty"),
        ["signatureValue has 8 unused bits"] = ("signatureValue", static (_, n) => n.Contents = [0x08, .. n.Contents.AsSpan(1)], "cannot have 8 unused bits"),
        ["signatureValue has non-zero unused bits"] = ("signatureValue", static (_, n) => n.Contents = [0x01, .. n.Contents.AsSpan(1)[..^1], 0x01], "unused bits of a DER BIT STRING must be zero"),
        ["subjectPublicKey is empty"] = ("subjectPublicKeyInfo.subjectPublicKey", static (_, n) => n.Contents = [], "unused-bits octet"),
        ["keyUsage has non-zero unused bits"] = ("keyUsage", static (_, n) => n.Contents = [0x07, 0x81], "must be zero"),
        ["extensions are empty"] = ("extensions", static (_, n) => n.Children.Clear(), "must not be empty"),
        ["extendedKeyUsage is empty"] = ("extendedKeyUsage", static (_, n) => n.Children.Clear(), "at least one identifier"),
        ["subjectAltName is empty"] = ("subjectAltName", static (_, n) => n.Children.Clear(), "at least one name"),
        ["subjectAltName IP of five octets"] = ("subjectAltName URI", static (_, n) => { n.Tag = Der.ContextPrimitive(7); n.Contents = [10, 0, 0, 1, 0]; }, "must be 4 or 16 octets, not 5"),
        ["subjectAltName DNS with a non-ASCII octet"] = ("subjectAltName URI", static (_, n) => { n.Tag = Der.ContextPrimitive(2); n.Contents = [0x61, 0xE9]; }, "non-ASCII"),
        ["nameConstraints is an empty SEQUENCE"] = ("nameConstraints", static (_, n) => n.Children.Clear(), "nameConstraints must hold permitted or excluded subtrees"),
        ["distribution point names neither point nor CRL issuer"] = ("cRLDistributionPoints DistributionPoint", static (_, n) => n.Children.Clear(), "must have a distributionPoint or a cRLIssuer"),
        ["nameConstraints IP without a mask"] = ("nameConstraints.permittedSubtrees.base", static (_, n) => n.Contents = [10, 0, 0, 0], "must be 8 or 32 octets, not 4"),
        ["nameConstraints permittedSubtrees are empty"] = ("nameConstraints.permittedSubtrees", static (_, n) => n.Children.Clear(), "at least one subtree"),
        ["certificatePolicies are empty"] = ("certificatePolicies", static (_, n) => n.Children.Clear(), "at least one policy"),
        ["cRLDistributionPoints are empty"] = ("cRLDistributionPoints", static (_, n) => n.Children.Clear(), "at least one point"),
        ["issuer RDN is empty"] = ("issuer RDN", static (_, n) => n.Children.Clear(), "at least one attribute"),
        ["BMPString of odd length"] = ("issuer attribute value", static (_, n) => { n.Tag = Der.BmpStringTag; n.Contents = [0x00, 0x41, 0x00]; }, "partial character"),
        ["UniversalString of six octets"] = ("issuer attribute value", static (_, n) => { n.Tag = Der.UniversalStringTag; n.Contents = [0, 0, 0, 0x41, 0, 0]; }, "partial character"),
        ["signature algorithm differs from the TBS copy"] = ("signatureAlgorithm", static (_, n) => n[0].Contents = Der.OidContents("1.2.840.10045.4.3.3"), "differs from tbsCertificate.signature"),
        ["TBS signature algorithm gains parameters"] = ("signatureAlgorithm", static (e, _) => e.TbsSignature.Children.Add(DerNode.Parse(Der.NullValue())), "differs from tbsCertificate.signature"),
    };

    public static TheoryData<string> MalformedContentNames => new(MalformedContents.Keys);

    [Theory]
    [MemberData(nameof(MalformedContentNames))]
    public void MalformedContents_AreRejected(string defect)
    {
        (string field, Action<EditableCertificate, DerNode> edit, string reason) = MalformedContents[defect];
        EditableCertificate certificate = FullCertificate.Edit();
        FieldUnderTest target = CertificateFields[field];
        DerNode node = target.Select(certificate);
        edit(certificate, node);
        byte[] der = certificate.Encode();

        CertificateFormatException exception = ReadFails(der);

        Assert.Equal(target.ExpectedPath, exception.FieldPath);
        Assert.Equal(node.Offset, exception.Offset);
        Assert.Contains(reason, exception.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AlgorithmParameters_MustBeDerInside()
    {
        // Parameters are ANY DEFINED BY the algorithm; whatever they are, they must be DER too.
        EditableCertificate edit = FullCertificate.Edit();
        DerNode parameters = CertificateFields["subjectPublicKeyInfo.algorithm.parameters"].Select(edit);
        parameters.Tag = Der.SequenceTag;
        parameters.Contents = [0x04, 0x81, 0x01, 0x00];
        byte[] der = edit.Encode();

        CertificateFormatException exception = ReadFails(der);

        Assert.Equal("tbsCertificate.subjectPublicKeyInfo.algorithm.parameters", exception.FieldPath);
        Assert.Equal(parameters.Offset + 2, exception.Offset);
        Assert.Contains("not minimally encoded", exception.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyFullName_IsRejectedAsTheFullName()
    {
        // A fullName's header is read as part of "distributionPoint"; its contents are checked as "distributionPoint.fullName".
        EditableCertificate edit = FullCertificate.Edit();
        DerNode fullName = CertificateFields["cRLDistributionPoints.distributionPoint fullName"].Select(edit);
        fullName.Children.Clear();
        byte[] der = edit.Encode();

        CertificateFormatException exception = ReadFails(der);

        Assert.Equal(Ext + ".cRLDistributionPoints.distributionPoint.fullName", exception.FieldPath);
        Assert.Equal(fullName.Offset, exception.Offset);
        Assert.Equal("GeneralNames must hold at least one name", exception.Reason);
    }

    [Theory]
    [InlineData(' ')]
    [InlineData('-')]
    [InlineData('+')]
    [InlineData('/')]
    [InlineData('.')]
    [InlineData('\0')]
    public void TimeDigitBelowZero_IsCertificateFormatException_NotOverflowException(char character)
    {
        // Regression (fixed in ef26763): DerCertificate.Digits computed (uint)(text[i] - '0') in a checked
        // build, so any octet below '0' in a time threw OverflowException instead of CertificateFormatException.
        string text = "35010100000" + character + "Z";
        AssertRejectedAt(
            "validity.notAfter",
            node =>
            {
                node.Tag = Der.UtcTimeTag;
                node.Contents = Encoding.ASCII.GetBytes(text);
            },
            "a time holds a non-digit character");
    }

    [Fact]
    public void UniqueIdentifierInAVersion1Certificate_IsRejected()
    {
        EditableCertificate edit = FullCertificate.Edit();
        edit.MakeVersion1();
        DerNode uniqueId = DerNode.Primitive(Der.ContextPrimitive(2), [0x00, 0x01]);
        edit.Tbs.Children.Add(uniqueId);
        byte[] der = edit.Encode();

        CertificateFormatException exception = ReadFails(der);

        Assert.Equal("tbsCertificate.subjectUniqueID", exception.FieldPath);
        Assert.Equal(uniqueId.Offset, exception.Offset);
    }

    private static byte[] LengthWithLeadingZero(int length)
    {
        byte[] minimal = Der.Length(length);
        byte[] octets = length < 0x80 ? [length == 0 ? (byte)0 : (byte)length] : minimal[1..];
        return [(byte)(0x80 | (octets.Length + 1)), 0x00, .. octets];
    }
}
