using System.Security.Cryptography.X509Certificates;
using Golem.MeshPki.Rules;
using Golem.MeshPki.Tests.TestCertificates;
using Golem.MeshPki.Validation;
using BouncyCastleGeneralName = Org.BouncyCastle.Asn1.X509.GeneralName;
using X509Extension = System.Security.Cryptography.X509Certificates.X509Extension;

namespace Golem.MeshPki.Tests.Validation;

/// <summary>The RFC 5280 and web PKI profile: CA markers, critical extensions, key identifiers, version, serial, names.</summary>
public partial class CertificatePathValidatorTests
{
    private const string UnknownExtensionOid = TestExtensions.PrivateArc + ".1";
    private const string AuthorityInfoAccessOid = "1.3.6.1.5.5.7.1.1";
    private const string PolicyConstraintsOid = "2.5.29.36";
    private const string InhibitAnyPolicyOid = "2.5.29.54";

    /// <summary>The positions a certificate can take in a root, intermediate, leaf path.</summary>
    public static TheoryData<string> PathPositions => ["end entity", "intermediate", "trust anchor"];

    /// <summary>The positions that must be CAs.</summary>
    public static TheoryData<string> CaPositions => ["intermediate", "trust anchor"];

    [Fact]
    public void Default_test_chain_follows_the_profile()
    {
        (ChainCertificate root, ChainCertificate intermediate, ChainCertificate leaf) = ChainWith(string.Empty, new CertificateOptions());

        PathValidationResult result = Validate(root, leaf, intermediate);

        AssertValid(result);
        Assert.Empty(result.Failures);
    }

    [Theory]
    [MemberData(nameof(CaPositions))]
    public void CA_without_basicConstraints_is_not_a_CA(string position)
    {
        (ChainCertificate root, ChainCertificate intermediate, ChainCertificate leaf) = ChainWith(position, new CertificateOptions { Omit = [TestExtensions.BasicConstraintsOid] });

        PathValidationResult result = Validate(root, leaf, intermediate);

        PathValidationFailure failure = AssertFails(result, RuleIdentifiers.SigningCertificateIsNotCa, At(position, root, intermediate, leaf));
        Assert.Contains("no basicConstraints", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CaPositions))]
    public void CA_with_basicConstraints_cA_FALSE_is_not_a_CA(string position)
    {
        (ChainCertificate root, ChainCertificate intermediate, ChainCertificate leaf) = ChainWith(position, new CertificateOptions { Extensions = [TestExtensions.BasicConstraints(certificateAuthority: false)] });

        PathValidationResult result = Validate(root, leaf, intermediate);

        PathValidationFailure failure = AssertFails(result, RuleIdentifiers.SigningCertificateIsNotCa, At(position, root, intermediate, leaf));
        Assert.Contains("cA FALSE", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CaPositions))]
    public void CA_with_non_critical_basicConstraints_violates_the_profile(string position)
    {
        (ChainCertificate root, ChainCertificate intermediate, ChainCertificate leaf) = ChainWith(position, new CertificateOptions { Extensions = [TestExtensions.BasicConstraints(certificateAuthority: true, critical: false)] });

        PathValidationResult result = Validate(root, leaf, intermediate);

        AssertFails(result, RuleIdentifiers.CertificateProfileViolation, At(position, root, intermediate, leaf));
        AssertNoFailure(result, RuleIdentifiers.SigningCertificateIsNotCa);
    }

    [Theory]
    [MemberData(nameof(CaPositions))]
    public void CA_whose_keyUsage_lacks_keyCertSign_cannot_sign(string position)
    {
        (ChainCertificate root, ChainCertificate intermediate, ChainCertificate leaf) = ChainWith(position, new CertificateOptions
        {
            Extensions = [TestExtensions.KeyUsage(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.CrlSign)],
        });

        PathValidationResult result = Validate(root, leaf, intermediate);

        PathValidationFailure failure = AssertFails(result, RuleIdentifiers.SigningCertificateLacksKeyCertSign, At(position, root, intermediate, leaf));
        Assert.Contains("keyCertSign", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CaPositions))]
    public void CA_without_keyUsage_may_sign(string position)
    {
        // RFC 5280 6.1.4 (n) checks keyCertSign only when keyUsage is present.
        (ChainCertificate root, ChainCertificate intermediate, ChainCertificate leaf) = ChainWith(position, new CertificateOptions { Omit = [TestExtensions.KeyUsageOid] });

        AssertValid(Validate(root, leaf, intermediate));
    }

    [Theory]
    [MemberData(nameof(PathPositions))]
    public void Unknown_critical_extension_is_rejected_wherever_it_is_in_the_path(string position)
    {
        (ChainCertificate root, ChainCertificate intermediate, ChainCertificate leaf) = ChainWith(position, new CertificateOptions
        {
            Extensions = [TestExtensions.Raw(UnknownExtensionOid, Der.Utf8("golem"), critical: true)],
        });

        PathValidationResult result = Validate(root, leaf, intermediate);

        PathValidationFailure failure = AssertFails(result, RuleIdentifiers.UnprocessedCriticalExtension, At(position, root, intermediate, leaf));
        Assert.Contains(UnknownExtensionOid, failure.Message, StringComparison.Ordinal);
        Assert.Single(result.Failures);
    }

    [Theory]
    [MemberData(nameof(PathPositions))]
    public void Unknown_non_critical_extension_is_ignored_wherever_it_is_in_the_path(string position)
    {
        (ChainCertificate root, ChainCertificate intermediate, ChainCertificate leaf) = ChainWith(position, new CertificateOptions
        {
            Extensions = [TestExtensions.Raw(UnknownExtensionOid, Der.Utf8("golem"), critical: false)],
        });

        AssertValid(Validate(root, leaf, intermediate));
    }

    [Fact]
    public void Unknown_critical_extension_in_a_trust_anchor_the_path_does_not_use_is_fine()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate unusedRoot = TestPki.Root("Other Root CA", new CertificateOptions
        {
            Extensions = [TestExtensions.Raw(UnknownExtensionOid, Der.Utf8("golem"), critical: true)],
        });
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root);
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate);

        PathValidationResult result = Validate([unusedRoot, root], leaf, [intermediate]);

        AssertValid(result);
        AssertPath(result, leaf, intermediate, root);
    }

    [Theory]
    [InlineData(PolicyConstraintsOid)]
    [InlineData(InhibitAnyPolicyOid)]
    public void Critical_policy_extension_is_rejected_because_policies_are_not_processed(string oid)
    {
        byte[] value = oid == PolicyConstraintsOid ? Der.Seq(Der.Tlv(Der.ContextPrimitive(0), [0x00])) : Der.IntegerValue(0);
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root, new CertificateOptions { Extensions = [TestExtensions.Raw(oid, value, critical: true)] });
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate);

        AssertFails(Validate(root, leaf, intermediate), RuleIdentifiers.UnprocessedCriticalExtension, intermediate);
    }

    [Fact]
    public void Non_critical_policyConstraints_violates_the_profile()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root, new CertificateOptions
        {
            Extensions = [TestExtensions.Raw(PolicyConstraintsOid, Der.Seq(Der.Tlv(Der.ContextPrimitive(0), [0x00])), critical: false)],
        });
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate);

        AssertFails(Validate(root, leaf, intermediate), RuleIdentifiers.CertificateProfileViolation, intermediate);
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, RuleIdentifiers.UnprocessedCriticalExtension)]
    public void AuthorityInfoAccess_must_be_non_critical(bool critical, string? expectedRule)
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate leaf = TestPki.Leaf("workload", root, new CertificateOptions { Extensions = [TestExtensions.Raw(AuthorityInfoAccessOid, CaIssuersAccess, critical)] });

        PathValidationResult result = Validate(root, leaf);

        if (expectedRule is null)
        {
            AssertValid(result);
        }
        else
        {
            AssertFails(result, expectedRule, leaf);
        }
    }

    [Fact]
    public void Malformed_authorityInfoAccess_violates_the_profile()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate leaf = TestPki.Leaf("workload", root, new CertificateOptions { Extensions = [TestExtensions.Raw(AuthorityInfoAccessOid, Der.Seq(), critical: false)] });

        PathValidationFailure failure = AssertFails(Validate(root, leaf), RuleIdentifiers.CertificateProfileViolation, leaf);
        Assert.Contains("authorityInfoAccess", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("end entity")]
    [InlineData("intermediate")]
    public void Certificate_that_is_not_self_issued_without_authorityKeyIdentifier_violates_the_profile(string position)
    {
        (ChainCertificate root, ChainCertificate intermediate, ChainCertificate leaf) = ChainWith(position, new CertificateOptions { Omit = [TestExtensions.AuthorityKeyIdentifierOid] });

        PathValidationResult result = Validate(root, leaf, intermediate);

        PathValidationFailure failure = AssertFails(result, RuleIdentifiers.CertificateProfileViolation, At(position, root, intermediate, leaf));
        Assert.Contains("authorityKeyIdentifier", failure.Message, StringComparison.Ordinal);

        // The path is still built: the identifiers are a hint, the names and the signature decide.
        AssertPath(result, leaf, intermediate, root);
    }

    [Fact]
    public void Self_signed_trust_anchor_without_authorityKeyIdentifier_is_fine()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate leaf = TestPki.Leaf("workload", root);

        Assert.True(root.Certificate.AuthorityKeyIdentifier.IsEmpty);
        AssertValid(Validate(root, leaf));
    }

    [Theory]
    [InlineData("end entity")]
    [InlineData("intermediate")]
    public void Critical_authorityKeyIdentifier_violates_the_profile(string position)
    {
        ChainCertificate root = TestPki.Root("Root CA");
        bool onLeaf = position == "end entity";
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root, onLeaf ? null : new CertificateOptions { Extensions = [CriticalAuthorityKeyIdentifier(root)] });
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate, onLeaf ? new CertificateOptions { Extensions = [CriticalAuthorityKeyIdentifier(intermediate)] } : null);

        PathValidationFailure failure = AssertFails(Validate(root, leaf, intermediate), RuleIdentifiers.CertificateProfileViolation, onLeaf ? leaf : intermediate);
        Assert.Contains("authorityKeyIdentifier critical", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AuthorityKeyIdentifier_without_keyIdentifier_violates_the_profile()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        byte[] issuerAndSerial = Der.Seq(
            Der.Constructed(Der.ContextConstructed(1), Der.Constructed(Der.ContextConstructed(4), root.Name)),
            Der.Tlv(Der.ContextPrimitive(2), root.Certificate.SerialNumber.Span));
        ChainCertificate leaf = TestPki.Leaf("workload", root, new CertificateOptions { Extensions = [TestExtensions.Raw(TestExtensions.AuthorityKeyIdentifierOid, issuerAndSerial, critical: false)] });

        PathValidationResult result = Validate(root, leaf);

        PathValidationFailure failure = AssertFails(result, RuleIdentifiers.CertificateProfileViolation, leaf);
        Assert.Contains("without keyIdentifier", failure.Message, StringComparison.Ordinal);
        Assert.Contains(result.Failures, f => f.Message.Contains("authorityCertIssuer or authorityCertSerialNumber", StringComparison.Ordinal));
    }

    [Fact]
    public void AuthorityKeyIdentifier_with_issuer_and_serial_next_to_keyIdentifier_violates_the_profile()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        byte[] all = Der.Seq(
            Der.Tlv(Der.ContextPrimitive(0), root.Key.KeyIdentifier),
            Der.Constructed(Der.ContextConstructed(1), Der.Constructed(Der.ContextConstructed(4), root.Name)),
            Der.Tlv(Der.ContextPrimitive(2), root.Certificate.SerialNumber.Span));
        ChainCertificate leaf = TestPki.Leaf("workload", root, new CertificateOptions { Extensions = [TestExtensions.Raw(TestExtensions.AuthorityKeyIdentifierOid, all, critical: false)] });

        PathValidationResult result = Validate(root, leaf);

        PathValidationFailure failure = AssertFails(result, RuleIdentifiers.CertificateProfileViolation, leaf);
        Assert.Contains("authorityCertIssuer or authorityCertSerialNumber", failure.Message, StringComparison.Ordinal);
        Assert.Single(result.Failures);
    }

    [Fact]
    public void Self_signed_trust_anchor_whose_key_identifiers_differ_breaks_the_link()
    {
        ChainCertificate root = TestPki.Root("Root CA", new CertificateOptions { Extensions = [TestExtensions.AuthorityKeyIdentifier([0x09, 0x09, 0x09, 0x09])] });
        ChainCertificate leaf = TestPki.Leaf("workload", root);

        AssertFails(Validate(root, leaf), RuleIdentifiers.ChainLinkBroken, root);
    }

    [Fact]
    public void Self_signed_trust_anchor_whose_key_identifiers_agree_is_fine()
    {
        SigningKey key = SigningKey.NewP256();
        ChainCertificate root = TestPki.Root("Root CA", new CertificateOptions { Key = key, Extensions = [TestExtensions.AuthorityKeyIdentifier(key.KeyIdentifier)] });
        ChainCertificate leaf = TestPki.Leaf("workload", root);

        AssertValid(Validate(root, leaf));
    }

    [Theory]
    [MemberData(nameof(PathPositions))]
    public void Critical_subjectKeyIdentifier_violates_the_profile(string position)
    {
        SigningKey key = SigningKey.NewP256();
        (ChainCertificate root, ChainCertificate intermediate, ChainCertificate leaf) = ChainWith(position, new CertificateOptions
        {
            Key = key,
            Extensions = [new X509SubjectKeyIdentifierExtension(key.KeyIdentifier, critical: true)],
        });

        PathValidationFailure failure = AssertFails(Validate(root, leaf, intermediate), RuleIdentifiers.CertificateProfileViolation, At(position, root, intermediate, leaf));
        Assert.Contains("subjectKeyIdentifier critical", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CaPositions))]
    public void CA_without_subjectKeyIdentifier_violates_the_profile(string position)
    {
        (ChainCertificate root, ChainCertificate intermediate, ChainCertificate leaf) = ChainWith(position, new CertificateOptions { Omit = [TestExtensions.SubjectKeyIdentifierOid] });

        PathValidationFailure failure = AssertFails(Validate(root, leaf, intermediate), RuleIdentifiers.CertificateProfileViolation, At(position, root, intermediate, leaf));
        Assert.Contains("without subjectKeyIdentifier", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_1_leaf_violates_the_profile()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate leaf = TestPki.Leaf("workload", root, new CertificateOptions { Version1 = true });

        PathValidationResult result = Validate(root, leaf);

        Assert.Equal(1, leaf.Certificate.Version);
        PathValidationFailure failure = AssertFails(result, RuleIdentifiers.CertificateProfileViolation, leaf);
        Assert.Contains("version 1", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_1_intermediate_is_not_a_CA()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root, new CertificateOptions { Version1 = true });
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate);

        PathValidationResult result = Validate(root, leaf, intermediate);

        AssertFails(result, RuleIdentifiers.SigningCertificateIsNotCa, intermediate);
        Assert.Contains(result.Failures, f => f.Rule.Id == RuleIdentifiers.CertificateProfileViolation && f.Message.Contains("version 1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("01", 1)]
    [InlineData("7F", 20)]
    [InlineData("0080", 21)] // 20 octets of magnitude with the high bit set, after the 00 that keeps it positive
    public void Leaf_serial_number_within_RFC_5280_is_fine(string leadingOctets, int contentOctets)
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate leaf = TestPki.Leaf("workload", root, new CertificateOptions { Edit = e => e.SerialNumber.Contents = Serial(leadingOctets, contentOctets) });

        AssertValid(Validate(root, leaf));
    }

    [Theory]
    [InlineData("00", 1, "serial number 0")]
    [InlineData("FF01", 2, "negative serial number")]
    [InlineData("80", 1, "negative serial number")]
    [InlineData("01", 21, "21 octets")]
    [InlineData("0080", 22, "21 octets")]
    public void Leaf_serial_number_outside_RFC_5280_violates_the_profile(string leadingOctets, int contentOctets, string quoted)
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate leaf = TestPki.Leaf("workload", root, new CertificateOptions { Edit = e => e.SerialNumber.Contents = Serial(leadingOctets, contentOctets) });

        PathValidationFailure failure = AssertFails(Validate(root, leaf), RuleIdentifiers.CertificateProfileViolation, leaf);
        Assert.Contains(quoted, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trust_anchor_serial_number_0_is_taken_as_given()
    {
        ChainCertificate root = TestPki.Root("Root CA", new CertificateOptions { Edit = static e => e.SerialNumber.Contents = [0x00] });
        ChainCertificate leaf = TestPki.Leaf("workload", root);

        AssertValid(Validate(root, leaf));
    }

    [Fact]
    public void Intermediate_serial_number_0_violates_the_profile()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root, new CertificateOptions { Edit = static e => e.SerialNumber.Contents = [0x00] });
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate);

        AssertFails(Validate(root, leaf, intermediate), RuleIdentifiers.CertificateProfileViolation, intermediate);
    }

    [Fact]
    public void Empty_issuer_name_violates_the_profile()
    {
        // The issuer's subject is empty too (it must be, to issue it): both are reported.
        ChainCertificate namelessRoot = TestPki.Issue(Der.Seq(), issuer: null, CertificateRole.CertificateAuthority, new CertificateOptions());
        ChainCertificate leaf = TestPki.Leaf("workload", namelessRoot);

        PathValidationResult result = Validate(namelessRoot, leaf);

        Assert.True(leaf.Certificate.Issuer.IsEmpty);
        PathValidationFailure failure = AssertFails(result, RuleIdentifiers.CertificateProfileViolation, leaf);
        Assert.Contains("empty issuer name", failure.Message, StringComparison.Ordinal);
        Assert.Contains(result.Failures, f => f.PathIndex == 1 && f.Message.Contains("CA with an empty subject name", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true, null)]
    [InlineData(false, RuleIdentifiers.CertificateProfileViolation)]
    public void Leaf_with_an_empty_subject_needs_a_critical_subjectAltName(bool critical, string? expectedRule)
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate leaf = TestPki.Issue(Der.Seq(), root, CertificateRole.EndEntity, new CertificateOptions
        {
            Extensions = [TestExtensions.SubjectAlternativeName(static san => san.AddUri(new Uri(TestExtensions.SleepSpiffeId)), critical)],
        });

        PathValidationResult result = Validate(root, leaf);

        if (expectedRule is null)
        {
            AssertValid(result);
        }
        else
        {
            AssertFails(result, expectedRule, leaf);
        }
    }

    [Fact]
    public void Leaf_with_a_subject_and_a_critical_subjectAltName_violates_the_profile()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate leaf = TestPki.Leaf("workload", root, new CertificateOptions
        {
            Extensions = [TestExtensions.SubjectAlternativeName(static san => san.AddUri(new Uri(TestExtensions.SleepSpiffeId)), critical: true)],
        });

        AssertFails(Validate(root, leaf), RuleIdentifiers.CertificateProfileViolation, leaf);
    }

    [Fact]
    public void NameConstraints_in_an_end_entity_violate_the_profile()
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate leaf = TestPki.Leaf("workload", root, new CertificateOptions { Extensions = [ClusterLocalNameConstraints(critical: true)] });

        AssertFails(Validate(root, leaf), RuleIdentifiers.CertificateProfileViolation, leaf);
    }

    [Theory]
    [InlineData(true, null)]
    [InlineData(false, RuleIdentifiers.NameConstraintsViolated)]
    public void NameConstraints_in_a_CA_must_be_critical(bool critical, string? expectedRule)
    {
        ChainCertificate root = TestPki.Root("Root CA");
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root, new CertificateOptions { Extensions = [ClusterLocalNameConstraints(critical)] });
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate);

        PathValidationResult result = Validate(root, leaf, intermediate);

        if (expectedRule is null)
        {
            AssertValid(result);
        }
        else
        {
            AssertFails(result, expectedRule, intermediate);
        }
    }

    [Fact]
    public void Root_with_extendedKeyUsage_violates_the_profile()
    {
        ChainCertificate root = TestPki.Root("Root CA", new CertificateOptions { Extensions = [TestExtensions.ExtendedKeyUsage(TestExtensions.ServerAuth)] });
        ChainCertificate leaf = TestPki.Leaf("workload", root);

        PathValidationFailure failure = AssertFails(Validate(root, leaf), RuleIdentifiers.CertificateProfileViolation, root);
        Assert.Contains("extendedKeyUsage", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>INTEGER contents of <paramref name="contentOctets"/> octets: <paramref name="leadingOctets"/> (hex), then 0x11s.</summary>
    private static byte[] Serial(string leadingOctets, int contentOctets)
    {
        byte[] leading = Convert.FromHexString(leadingOctets);
        byte[] contents = new byte[contentOctets];
        Array.Fill(contents, (byte)0x11);
        leading.CopyTo(contents, 0);
        return contents;
    }

    /// <summary>A caIssuers access description (RFC 5280 4.2.2.1).</summary>
    private static byte[] CaIssuersAccess => Der.Seq(Der.Seq(Der.Oid("1.3.6.1.5.5.7.48.2"), Der.Tlv(Der.ContextPrimitive(6), "http://pki.golem.test/root.cer"u8)));

    private static X509Extension ClusterLocalNameConstraints(bool critical) =>
        TestExtensions.NameConstraints([new BouncyCastleGeneralName(BouncyCastleGeneralName.UniformResourceIdentifier, "cluster.local")], null, critical);

    private static X509Extension CriticalAuthorityKeyIdentifier(ChainCertificate issuer)
    {
        X509Extension nonCritical = TestExtensions.AuthorityKeyIdentifier(issuer.Key.KeyIdentifier);
        return new X509Extension(nonCritical.Oid!, nonCritical.RawData, critical: true);
    }

    /// <summary>A root, intermediate and leaf chain where the certificate at <paramref name="position"/> is written with <paramref name="options"/>.</summary>
    private static (ChainCertificate Root, ChainCertificate Intermediate, ChainCertificate Leaf) ChainWith(string position, CertificateOptions options)
    {
        ChainCertificate root = TestPki.Root("Root CA", position == "trust anchor" ? options : null);
        ChainCertificate intermediate = TestPki.Intermediate("Issuing CA", root, position == "intermediate" ? options : null);
        ChainCertificate leaf = TestPki.Leaf("workload", intermediate, position == "end entity" ? options : null);
        return (root, intermediate, leaf);
    }

    private static ChainCertificate At(string position, ChainCertificate root, ChainCertificate intermediate, ChainCertificate leaf) => position switch
    {
        "end entity" => leaf,
        "intermediate" => intermediate,
        "trust anchor" => root,
        _ => throw new ArgumentOutOfRangeException(nameof(position), position, "Unknown path position."),
    };
}
