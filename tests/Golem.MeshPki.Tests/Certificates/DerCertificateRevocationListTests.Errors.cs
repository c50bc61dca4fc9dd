using System.Text;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Tests.TestCertificates;

namespace Golem.MeshPki.Tests.Certificates;

/// <summary>
/// Strictness: each defect is put into the DER of <see cref="BouncyCastleCrls.Full"/> by editing its tree, and the reader
/// must name the field path and the offset of the element the edit broke (read from the edited tree after encoding,
/// never typed in). Then the oddities the reader must read and expose rather than reject.
/// </summary>
public sealed partial class DerCertificateRevocationListTests
{
    private const string CrlExt = "tbsCertList.crlExtensions";
    private const string AuthorityKeyIdentifierOid = "2.5.29.35";
    private const string IssuingDistributionPointOid = "2.5.29.28";
    private const string InvalidityDateOid = "2.5.29.24";
    private const string CertificateIssuerOid = "2.5.29.29";

    /// <summary>A defect: the field path the reader must report, and an edit that returns the element whose offset it must report.</summary>
    private sealed record Defect(string ExpectedPath, Func<EditableCrl, DerNode> Apply);

    private static readonly Dictionary<string, Defect> Defects = new()
    {
        // The outer structure.
        ["certificateList is a SET"] = new("certificateList", static c => Retag(c.Root, Der.SetTag)),
        ["certificateList length in five octets"] = new("certificateList", static c => NonMinimalLength(c.Root, 4)),
        ["tbsCertList indefinite length"] = new("tbsCertList", static c => Indefinite(c.Tbs)),
        ["tbsCertList ends with an extra element"] = new("tbsCertList", static c => Append(c.Tbs, Der.NullValue())),
        ["signatureAlgorithm missing"] = new("signatureAlgorithm", static c => RemoveThen(c.Root, c.SignatureAlgorithm, c.SignatureValue)),
        ["signatureValue with nonzero unused bits"] = new("signatureValue", static c => SetContents(c.SignatureValue, [0x01, 0xFF])),
        ["signatureValue is an OCTET STRING"] = new("signatureValue", static c => Retag(c.SignatureValue, Der.OctetStringTag)),
        ["certificateList ends with an extra element"] = new("certificateList", static c => Append(c.Root, Der.NullValue())),

        // tbsCertList fields.
        ["version 0 (v1) stated"] = new("tbsCertList.version", static c => SetContents(c.Version, [0x00])),
        ["version 2 (v3)"] = new("tbsCertList.version", static c => SetContents(c.Version, [0x02])),
        ["version negative"] = new("tbsCertList.version", static c => SetContents(c.Version, [0xFF])),
        ["version not minimal"] = new("tbsCertList.version", static c => SetContents(c.Version, [0x00, 0x01])),
        ["signature algorithm empty OID"] = new("tbsCertList.signature.algorithm", static c => SetContents(c.TbsSignature[0], [])),
        ["signature parameters indefinite"] = new("tbsCertList.signature.parameters", static c =>
        {
            c.TbsSignature.Children[1] = DerNode.Parse(Der.Seq(Der.NullValue()));
            return Indefinite(c.TbsSignature[1]);
        }),
        ["issuer RDN is a SEQUENCE"] = new("tbsCertList.issuer", static c => Retag(c.Issuer[1], Der.SequenceTag)),
        ["issuer missing"] = new("tbsCertList.issuer", static c => RemoveThen(c.Tbs, c.Issuer, c.ThisUpdate)),
        ["thisUpdate with fractional seconds"] = new("tbsCertList.thisUpdate", static c => SetTime(c.ThisUpdate, Der.GeneralizedTimeTag, "20260301000000.5Z")),
        ["thisUpdate February 30"] = new("tbsCertList.thisUpdate", static c => SetTime(c.ThisUpdate, Der.UtcTimeTag, "260230000000Z")),
        ["thisUpdate an INTEGER"] = new("tbsCertList.thisUpdate", static c => Retag(c.ThisUpdate, Der.IntegerTag)),
        ["nextUpdate month 13"] = new("tbsCertList.nextUpdate", static c => SetTime(c.NextUpdate, Der.UtcTimeTag, "261301000000Z")),
        ["nextUpdate without Z"] = new("tbsCertList.nextUpdate", static c => SetTime(c.NextUpdate, Der.UtcTimeTag, "2603080000000")),

        // revokedCertificates: RFC 5280 5.1.2.6 and every entry by index.
        ["revokedCertificates empty"] = new("tbsCertList.revokedCertificates", static c => Clear(c.Entries)),
        ["entry is a SET"] = new("tbsCertList.revokedCertificates[2]", static c => Retag(c.Entry(2), Der.SetTag)),
        ["entry length not minimal"] = new("tbsCertList.revokedCertificates[3]", static c => NonMinimalLength(c.Entry(3), 1)),
        ["entry ends with an extra element"] = new("tbsCertList.revokedCertificates[3]", static c => Append(c.Entry(3), Der.NullValue())),
        ["userCertificate not minimal"] = new("tbsCertList.revokedCertificates[3].userCertificate", static c => SetContents(c.Entry(3)[0], [0x00, 0x00])),
        ["userCertificate empty"] = new("tbsCertList.revokedCertificates[3].userCertificate", static c => SetContents(c.Entry(3)[0], [])),
        ["userCertificate an OCTET STRING"] = new("tbsCertList.revokedCertificates[3].userCertificate", static c => Retag(c.Entry(3)[0], Der.OctetStringTag)),
        ["last userCertificate not minimal"] = new("tbsCertList.revokedCertificates[45].userCertificate", static c => SetContents(c.Entry(45)[0], [0xFF, 0x80])),
        ["revocationDate February 30"] = new("tbsCertList.revokedCertificates[2].revocationDate", static c => SetTime(c.Entry(2)[1], Der.UtcTimeTag, "260230000000Z")),
        ["revocationDate missing"] = new("tbsCertList.revokedCertificates[2].revocationDate", static c => RemoveThen(c.Entry(2), c.Entry(2)[1], c.Entry(3))),
        ["crlEntryExtensions empty"] = new("tbsCertList.revokedCertificates[0].crlEntryExtensions", static c => Clear(c.Entry(0)[2])),
        ["reasonCode twice"] = new("tbsCertList.revokedCertificates[1].crlEntryExtensions", static c => Append(c.Entry(1)[2], c.EntryExtension(1, CrlSpec.ReasonCodeOid).Encode())),
        ["unknown entry extension twice"] = new("tbsCertList.revokedCertificates[5].crlEntryExtensions", static c => Append(c.Entry(5)[2], c.Entry(5)[2][0].Encode())),
        ["reasonCode an INTEGER"] = new("tbsCertList.revokedCertificates[0].crlEntryExtensions.reasonCode", static c => Retag(c.EntryExtensionValue(0, CrlSpec.ReasonCodeOid)[0], Der.IntegerTag)),
        ["reasonCode negative"] = new("tbsCertList.revokedCertificates[0].crlEntryExtensions.reasonCode", static c => SetContents(c.EntryExtensionValue(0, CrlSpec.ReasonCodeOid)[0], [0xFE])),
        ["reasonCode followed by more"] = new("tbsCertList.revokedCertificates[0].crlEntryExtensions.extnValue", static c => Append(c.EntryExtensionValue(0, CrlSpec.ReasonCodeOid), Der.NullValue())),
        ["invalidityDate a UTCTime"] = new("tbsCertList.revokedCertificates[3].crlEntryExtensions.invalidityDate", static c => Retag(c.EntryExtensionValue(3, InvalidityDateOid)[0], Der.UtcTimeTag)),
        ["invalidityDate hour 24"] = new("tbsCertList.revokedCertificates[3].crlEntryExtensions.invalidityDate", static c => SetTime(c.EntryExtensionValue(3, InvalidityDateOid)[0], Der.GeneralizedTimeTag, "20260214240000Z")),
        ["certificateIssuer empty"] = new("tbsCertList.revokedCertificates[4].crlEntryExtensions.certificateIssuer", static c => Clear(c.EntryExtensionValue(4, CertificateIssuerOid)[0])),
        ["certificateIssuer a SET"] = new("tbsCertList.revokedCertificates[4].crlEntryExtensions.certificateIssuer", static c => Retag(c.EntryExtensionValue(4, CertificateIssuerOid)[0], Der.SetTag)),
        ["entry extension critical 0x01"] = new("tbsCertList.revokedCertificates[4].crlEntryExtensions.critical", static c => SetContents(c.EntryExtension(4, CertificateIssuerOid)[1], [0x01])),

        // crlExtensions: RFC 5280 5.2.
        ["crlExtensions empty"] = new(CrlExt, static c => Clear(c.Extensions)),
        ["crlExtensions [0] holds two SEQUENCEs"] = new(CrlExt, static c => Append(c.ExtensionsWrapper, c.Extensions.Encode())),
        ["crlExtensions [0] primitive"] = new("tbsCertList", static c => PrimitiveWrapper(c)),
        ["cRLNumber twice"] = new(CrlExt, static c => Append(c.Extensions, c.Extension(CrlSpec.CrlNumberOid).Encode())),
        ["unknown CRL extension twice"] = new(CrlExt, static c =>
        {
            Append(c.Extensions, CrlSpec.Extension(BouncyCastleCrls.UnknownExtensionOid, critical: false, Der.NullValue()));
            return Append(c.Extensions, CrlSpec.Extension(BouncyCastleCrls.UnknownExtensionOid, critical: true, Der.Utf8("again")));
        }),
        ["extnID with a padded arc"] = new(CrlExt + ".extnID", static c => SetContents(c.Extension(AuthorityKeyIdentifierOid)[0], [0x55, 0x80, 0x1D])),
        ["critical 0x01"] = new(CrlExt + ".critical", static c => SetContents(c.Extension(IssuingDistributionPointOid)[1], [0x01])),
        ["extnValue a BIT STRING"] = new(CrlExt + ".extnValue", static c => Retag(c.Extension(CrlSpec.CrlNumberOid).Children[^1], Der.BitStringTag)),
        ["cRLNumber negative"] = new(CrlExt + ".cRLNumber", static c => SetContents(c.ExtensionValue(CrlSpec.CrlNumberOid)[0], [0x80])),
        ["cRLNumber an OCTET STRING"] = new(CrlExt + ".cRLNumber", static c => Retag(c.ExtensionValue(CrlSpec.CrlNumberOid)[0], Der.OctetStringTag)),
        ["cRLNumber followed by more"] = new(CrlExt + ".extnValue", static c => Append(c.ExtensionValue(CrlSpec.CrlNumberOid), Der.IntegerValue(1))),
        ["authorityKeyIdentifier keyIdentifier an OCTET STRING"] = new(CrlExt + ".authorityKeyIdentifier", static c => Retag(c.ExtensionValue(AuthorityKeyIdentifierOid)[0][0], Der.OctetStringTag)),
        ["issuingDistributionPoint empty"] = new(CrlExt + ".issuingDistributionPoint", static c => Clear(c.ExtensionValue(IssuingDistributionPointOid)[0])),
        ["issuingDistributionPoint user and CA certificates only"] = new(CrlExt + ".issuingDistributionPoint", static c =>
        {
            DerNode idp = c.ExtensionValue(IssuingDistributionPointOid)[0];
            idp.Children.Insert(2, DerNode.Primitive(Der.ContextPrimitive(2), [0xFF]));
            return idp;
        }),
        ["issuingDistributionPoint onlyContainsUserCerts 0x01"] = new(CrlExt + ".issuingDistributionPoint", static c => SetContents(c.ExtensionValue(IssuingDistributionPointOid)[0][1], [0x01])),
        ["issuingDistributionPoint fullName empty"] = new(CrlExt + ".issuingDistributionPoint", static c => Clear(c.ExtensionValue(IssuingDistributionPointOid)[0][0][0])),
        ["issuingDistributionPoint name with tag [4]"] = new(CrlExt + ".issuingDistributionPoint", static c => Retag(c.ExtensionValue(IssuingDistributionPointOid)[0][0][0], 0x84)),

        // RFC 5280 5.1.2.1: extensions need v2, and v2 must be stated.
        ["v1 CRL with crlExtensions"] = new(CrlExt, static c =>
        {
            (DerNode version, DerNode entries, DerNode wrapper) = (c.Version, c.Entries, c.ExtensionsWrapper);
            c.Tbs.Children.Remove(version);
            c.Tbs.Children.Remove(entries);
            return wrapper;
        }),
        ["v1 CRL with entry extensions"] = new("tbsCertList.revokedCertificates[3].crlEntryExtensions", static c =>
        {
            (DerNode version, DerNode wrapper, DerNode entry3Extensions) = (c.Version, c.ExtensionsWrapper, c.Entry(3)[2]);
            c.Entry(0).Children.RemoveAt(2);
            c.Entry(1).Children.RemoveAt(2);
            c.Tbs.Children.Remove(version);
            c.Tbs.Children.Remove(wrapper);
            return entry3Extensions;
        }),
    };

    public static TheoryData<string> DefectNames() => [.. Defects.Keys];

    [Theory]
    [MemberData(nameof(DefectNames))]
    public void Defect_is_rejected_with_its_field_path_and_offset(string defect)
    {
        var crl = new EditableCrl(BouncyCastleCrls.Full);
        DerNode broken = Defects[defect].Apply(crl);
        byte[] der = crl.Encode();

        var exception = Assert.Throws<CertificateFormatException>(() => DerCertificateRevocationList.Parse(der));

        Assert.True(
            exception.FieldPath == Defects[defect].ExpectedPath && exception.Offset == broken.Offset,
            $"{defect}: expected {Defects[defect].ExpectedPath} at {broken.Offset}, got {exception.FieldPath} at {exception.Offset}: {exception.Message}");
        Assert.StartsWith($"Malformed certificate at byte {exception.Offset} in {exception.FieldPath}: ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trailing_data_after_the_CRL_is_rejected_where_the_CRL_ends()
    {
        byte[] crl = BouncyCastleCrls.Full;

        var exception = Assert.Throws<CertificateFormatException>(() => DerCertificateRevocationList.Parse((byte[])[.. crl, 0x00]));

        Assert.Equal("certificateList", exception.FieldPath);
        Assert.Equal(crl.Length, exception.Offset);
        Assert.Equal("1 bytes follow the CRL", exception.Reason);
    }

    [Fact]
    public void Empty_input_and_a_bare_header_are_rejected()
    {
        Assert.Equal("certificateList", Assert.Throws<CertificateFormatException>(() => DerCertificateRevocationList.Parse(ReadOnlyMemory<byte>.Empty)).FieldPath);
        Assert.Equal("tbsCertList", Assert.Throws<CertificateFormatException>(() => DerCertificateRevocationList.Parse(new byte[] { 0x30, 0x00 })).FieldPath);
    }

    [Fact]
    public void Rejection_reasons_say_what_RFC_5280_requires()
    {
        Assert.Equal("revokedCertificates must be absent, not empty, when nothing is revoked", Reason("revokedCertificates empty"));
        Assert.Equal("a v1 CRL cannot carry extensions", Reason("v1 CRL with crlExtensions"));
        Assert.Equal("a v1 CRL cannot carry entry extensions", Reason("v1 CRL with entry extensions"));
        Assert.Equal("the CrlNumber extension appears twice", Reason("cRLNumber twice"));
        Assert.Equal("the ReasonCode extension appears twice", Reason("reasonCode twice"));
        Assert.Equal($"extension {BouncyCastleCrls.UnknownExtensionOid} appears twice", Reason("unknown CRL extension twice"));
        Assert.Equal("a CRL number must not be negative", Reason("cRLNumber negative"));
        Assert.Equal("version 2 is not allowed: a CRL that states its version is v2 (1)", Reason("version 2 (v3)"));
        Assert.Equal("unexpected data after the last field", Reason("tbsCertList ends with an extra element"));

        static string Reason(string defect)
        {
            var crl = new EditableCrl(BouncyCastleCrls.Full);
            Defects[defect].Apply(crl);
            return Assert.Throws<CertificateFormatException>(() => DerCertificateRevocationList.Parse(crl.Encode())).Reason;
        }
    }

    [Fact]
    public void Differing_inner_and_outer_signature_algorithms_are_read_and_reported()
    {
        var edit = new EditableCrl(BouncyCastleCrls.Full);
        edit.TbsSignature[0].Contents = Der.OidContents("1.2.840.113549.1.1.12");

        DerCertificateRevocationList crl = DerCertificateRevocationList.Parse(edit.Encode());

        Assert.False(crl.HasMatchingSignatureAlgorithms);
        Assert.Equal("sha256WithRSAEncryption", crl.SignatureAlgorithmName);
        Assert.True(DerCertificateRevocationList.Parse(BouncyCastleCrls.Full).HasMatchingSignatureAlgorithms);
    }

    [Fact]
    public void Parameters_alone_differing_make_the_signature_algorithms_differ()
    {
        // sha256WithRSAEncryption with NULL parameters outside, without inside: RFC 5280 5.1.1.2 wants the same encoding.
        var edit = new EditableCrl(BouncyCastleCrls.Full);
        edit.TbsSignature.Children.RemoveAt(1);

        Assert.False(DerCertificateRevocationList.Parse(edit.Encode()).HasMatchingSignatureAlgorithms);
    }

    [Fact]
    public void Critical_cRLNumber_and_explicit_critical_FALSE_are_read()
    {
        var edit = new EditableCrl(BouncyCastleCrls.Full);
        edit.Extension(CrlSpec.CrlNumberOid).Children.Insert(1, DerNode.Parse(Der.Bool(true)));
        edit.Extension(AuthorityKeyIdentifierOid).Children.Insert(1, DerNode.Parse(Der.Bool(false)));

        DerCertificateRevocationList crl = DerCertificateRevocationList.Parse(edit.Encode());

        Assert.True(crl.IsCrlNumberCritical);
        Assert.False(crl.IsExtensionCritical(CrlExtensionKind.AuthorityKeyIdentifier));
        Assert.False(crl.HasUnknownCriticalExtension);
        Assert.Equal(BouncyCastleCrls.KeyIdentifier, crl.AuthorityKeyIdentifier.ToArray());
    }

    [Theory]
    [InlineData(7)]
    [InlineData(11)]
    [InlineData(200)]
    public void Reason_codes_RFC_5280_does_not_list_pass_through(int value)
    {
        byte[] der = new CrlSpec { Entries = [CrlSpec.Entry([0x01], "260228000000Z", CrlSpec.ReasonCode(value))] }.Encode();

        DerCertificateRevocationList crl = DerCertificateRevocationList.Parse(der);

        Assert.True(crl.IsRevoked([0x01], out _, out CrlReason? reason));
        Assert.Equal((CrlReason)value, reason);
    }

    [Fact]
    public void Extensions_in_the_wrong_place_are_unknown_ones()
    {
        // reasonCode among the CRL's extensions and cRLNumber in an entry: neither is decoded there.
        byte[] der = new CrlSpec
        {
            Entries = [CrlSpec.Entry([0x01], "260228000000Z", CrlSpec.Extension(CrlSpec.CrlNumberOid, critical: true, Der.IntegerValue(5)))],
            Extensions = [CrlSpec.Extension(CrlSpec.ReasonCodeOid, critical: false, Der.Utf8("not an ENUMERATED"))],
        }.Encode();

        DerCertificateRevocationList crl = DerCertificateRevocationList.Parse(der);

        Assert.Equal(["2.5.29.21"], Extensions(crl.GetExtensions()));
        Assert.False(crl.HasUnknownCriticalExtension);
        Assert.True(crl.HasEntryWithUnknownCriticalExtension);
        Assert.False(crl.HasCrlNumber);
        Assert.Equal(["2.5.29.20 (critical)"], Extensions(Entries(crl)[0].GetExtensions()));
    }

    [Fact]
    public void Empty_issuer_long_CRL_number_and_explicit_IDP_defaults_are_read()
    {
        // RFC 5280 requires a non-empty issuer and CRL numbers of at most 20 octets of CAs: validation judges those.
        byte[] longNumber = [0x01, .. new byte[21]];
        byte[] der = new CrlSpec
        {
            Issuer = Der.Seq(),
            Extensions =
            [
                CrlSpec.Extension(CrlSpec.CrlNumberOid, critical: false, Der.Tlv(Der.IntegerTag, longNumber)),
                CrlSpec.Extension(IssuingDistributionPointOid, critical: true, Der.Seq(Der.Tlv(Der.ContextPrimitive(1), [0x00]), Der.Tlv(Der.ContextPrimitive(2), [0xFF]), Der.Tlv(Der.ContextPrimitive(4), [0x00]))),
            ],
        }.Encode();

        DerCertificateRevocationList crl = DerCertificateRevocationList.Parse(der);

        Assert.True(crl.Issuer.IsEmpty);
        Assert.Equal(longNumber, crl.CrlNumber.ToArray());
        IssuingDistributionPoint scope = Assert.NotNull(crl.IssuingDistributionPoint);
        Assert.False(scope.OnlyContainsUserCertificates);
        Assert.True(scope.OnlyContainsCACertificates);
        Assert.False(scope.IsIndirectCrl);
        Assert.False(scope.HasDistributionPointName);
        Assert.Empty(Names(scope.GetFullNames()));
    }

    [Fact]
    public void Times_follow_RFC_5280_UTCTime_windowing_and_GeneralizedTime()
    {
        byte[] der = new CrlSpec
        {
            ThisUpdate = Der.Time(Der.UtcTimeTag, "500101000000Z"),
            NextUpdate = Der.Time(Der.GeneralizedTimeTag, "20500101000000Z"),
            Entries = [CrlSpec.Entry([0x01], "491231235959Z")],
        }.Encode();

        DerCertificateRevocationList crl = DerCertificateRevocationList.Parse(der);

        Assert.Equal(new DateTimeOffset(1950, 1, 1, 0, 0, 0, TimeSpan.Zero), crl.ThisUpdate);
        Assert.Equal(new DateTimeOffset(2050, 1, 1, 0, 0, 0, TimeSpan.Zero), crl.NextUpdate);
        Assert.Equal(new DateTimeOffset(2049, 12, 31, 23, 59, 59, TimeSpan.Zero), Entries(crl)[0].RevocationDate);
    }

    private static DerNode Retag(DerNode node, byte tag)
    {
        node.Tag = tag;
        return node;
    }

    private static DerNode SetContents(DerNode node, byte[] contents)
    {
        node.Contents = contents;
        return node;
    }

    private static DerNode SetTime(DerNode node, byte tag, string text)
    {
        node.Tag = tag;
        node.Contents = Encoding.ASCII.GetBytes(text);
        return node;
    }

    private static DerNode Indefinite(DerNode node)
    {
        node.IndefiniteLength = true;
        return node;
    }

    /// <summary>Writes the length of <paramref name="node"/> in <paramref name="octets"/> long-form octets, which DER forbids for short lengths.</summary>
    private static DerNode NonMinimalLength(DerNode node, int octets)
    {
        int length = node.Contents.Length;
        byte[] lengthOctets = new byte[octets + 1];
        lengthOctets[0] = (byte)(0x80 | octets);
        for (int i = octets; i >= 1; i--)
        {
            lengthOctets[i] = (byte)length;
            length >>= 8;
        }

        node.LengthOctets = lengthOctets;
        return node;
    }

    /// <summary>Appends <paramref name="der"/> as the last child of <paramref name="parent"/>; returns the new child.</summary>
    private static DerNode Append(DerNode parent, byte[] der)
    {
        DerNode child = DerNode.Parse(der);
        parent.Children.Add(child);
        return child;
    }

    private static DerNode Clear(DerNode node)
    {
        node.Children.Clear();
        return node;
    }

    /// <summary>Removes <paramref name="removed"/> from <paramref name="parent"/> and returns <paramref name="reported"/>, the element read in its place.</summary>
    private static DerNode RemoveThen(DerNode parent, DerNode removed, DerNode reported)
    {
        Assert.True(parent.Children.Remove(removed));
        return reported;
    }

    /// <summary>Replaces the constructed [0] wrapper by a primitive [0] with the same bytes: not crlExtensions, so trailing data in tbsCertList.</summary>
    private static DerNode PrimitiveWrapper(EditableCrl crl)
    {
        DerNode primitive = DerNode.Primitive(Der.ContextPrimitive(0), crl.Extensions.Encode());
        int index = crl.Tbs.Children.IndexOf(crl.ExtensionsWrapper);
        crl.Tbs.Children[index] = primitive;
        return primitive;
    }

    /// <summary>A CRL's DER as an editable tree, with its fields by name (as <see cref="BouncyCastleCrls.Full"/> lays them out).</summary>
    /// <remarks>Fields are found by position: take every node an edit needs before removing anything.</remarks>
    private sealed class EditableCrl(byte[] der)
    {
        public DerNode Root { get; } = DerNode.Parse(der);

        public DerNode Tbs => Root[0];

        public DerNode Version => Tbs[0];

        public DerNode TbsSignature => Tbs[1];

        public DerNode Issuer => Tbs[2];

        public DerNode ThisUpdate => Tbs[3];

        public DerNode NextUpdate => Tbs[4];

        public DerNode Entries => Tbs[5];

        public DerNode ExtensionsWrapper => Tbs[6];

        public DerNode Extensions => ExtensionsWrapper[0];

        public DerNode SignatureAlgorithm => Root[1];

        public DerNode SignatureValue => Root[2];

        public DerNode Entry(int index) => Entries[index];

        public DerNode Extension(string oid) => Find(Extensions, oid);

        /// <summary>The extnValue OCTET STRING opened, so that its structure can be edited.</summary>
        public DerNode ExtensionValue(string oid) => Extension(oid).Children[^1].Encapsulate();

        public DerNode EntryExtension(int entry, string oid) => Find(Entry(entry)[2], oid);

        public DerNode EntryExtensionValue(int entry, string oid) => EntryExtension(entry, oid).Children[^1].Encapsulate();

        public byte[] Encode() => Root.Encode();

        private static DerNode Find(DerNode extensions, string oid)
        {
            byte[] contents = Der.OidContents(oid);
            return extensions.Children.Single(extension => extension[0].Contents.AsSpan().SequenceEqual(contents));
        }
    }
}
