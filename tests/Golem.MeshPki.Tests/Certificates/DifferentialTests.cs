using System.Formats.Asn1;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Tests.TestCertificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Extension;
using Xunit.Abstractions;
using BouncyCastleCertificate = Org.BouncyCastle.X509.X509Certificate;
using BouncyCastleGeneralName = Org.BouncyCastle.Asn1.X509.GeneralName;
using GeneralName = Golem.MeshPki.Certificates.GeneralName;

namespace Golem.MeshPki.Tests.Certificates;

/// <summary>
/// Differential tests: every certificate of the Mozilla root store and every generated sample is read
/// by <see cref="DerCertificate"/>, by BouncyCastle's <see cref="X509CertificateParser"/> and by .NET's
/// <see cref="X509CertificateLoader"/>, and every field must agree. One theory case per certificate,
/// named by its file name.
/// </summary>
public sealed class DifferentialTests(ITestOutputHelper output)
{
    /// <summary>Debian's ca-certificates package puts the Mozilla root store here (CI installs it).</summary>
    public const string MozillaCorpus = "/usr/share/ca-certificates/mozilla";

    private const string MozillaPrefix = "mozilla/";
    private const string GeneratedPrefix = "generated/";

    /// <summary>Every Mozilla root by file name, then every generated sample; the samples alone when the corpus is absent.</summary>
    public static TheoryData<string> Certificates()
    {
        var data = new TheoryData<string>();
        foreach (string file in MozillaFiles())
        {
            data.Add(MozillaPrefix + Path.GetFileName(file));
        }

        foreach (string name in SampleCertificates.Names)
        {
            data.Add(GeneratedPrefix + name);
        }

        return data;
    }

    [Fact]
    public void Corpus_IsReported()
    {
        int mozilla = MozillaFiles().Count;
        output.WriteLine(mozilla == 0
            ? $"The Mozilla corpus {MozillaCorpus} is absent (install ca-certificates): only the {SampleCertificates.Names.Count} generated certificates were compared."
            : $"Compared {mozilla} Mozilla roots from {MozillaCorpus} and {SampleCertificates.Names.Count} generated certificates.");

        Assert.NotEmpty(SampleCertificates.Names);
    }

    [Theory]
    [MemberData(nameof(Certificates))]
    public void EveryField_AgreesWithBouncyCastleAndDotNet(string certificate)
    {
        if (certificate.StartsWith(GeneratedPrefix, StringComparison.Ordinal) && MozillaFiles().Count == 0)
        {
            output.WriteLine($"Note: {MozillaCorpus} is absent, so only generated certificates are compared.");
        }

        byte[] der = Load(certificate);
        DerCertificate ours = DerCertificate.Parse(der);
        BouncyCastleCertificate bc = new X509CertificateParser().ReadCertificate(der);
        using X509Certificate2 dotnet = X509CertificateLoader.LoadCertificate(der);
        var agreement = new Agreement(certificate);

        agreement.Check("version", ours.Version, bc.Version, dotnet.Version);
        agreement.Check(
            "serialNumber",
            new BigInteger(ours.SerialNumber.Span, isUnsigned: false, isBigEndian: true),
            new BigInteger(bc.SerialNumber.ToByteArray(), isUnsigned: false, isBigEndian: true),
            new BigInteger(dotnet.SerialNumberBytes.Span, isUnsigned: false, isBigEndian: true));
        agreement.Check("serialNumber hex", ours.GetSerialNumberHex(), SignedHex(bc.SerialNumber));
        agreement.Check("signatureAlgorithm", ours.SignatureAlgorithm.ToString(), bc.SigAlgOid, dotnet.SignatureAlgorithm.Value);
        agreement.Check("signatureAlgorithm encoded", Hex(ours.EncodedSignatureAlgorithm), Hex(bc.SignatureAlgorithm.GetDerEncoded()));
        agreement.Check("tbsCertificate", Hex(ours.TbsCertificate), Hex(bc.GetTbsCertificate()));
        agreement.Check("signatureValue", Hex(ours.Signature), Hex(bc.GetSignature()));
        agreement.Check("sha256 fingerprint", ours.GetSha256FingerprintHex(), Hex(SHA256.HashData(bc.GetEncoded())), dotnet.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant());

        CompareName(agreement, "issuer", ours.Issuer, bc.IssuerDN, dotnet.IssuerName);
        CompareName(agreement, "subject", ours.Subject, bc.SubjectDN, dotnet.SubjectName);

        agreement.Check("notBefore", Time(ours.NotBefore), Time(bc.NotBefore), Time(dotnet.NotBefore.ToUniversalTime()));
        agreement.Check("notAfter", Time(ours.NotAfter), Time(bc.NotAfter), Time(dotnet.NotAfter.ToUniversalTime()));

        ComparePublicKey(agreement, ours, bc, dotnet);
        CompareExtensions(agreement, ours, bc, dotnet);

        agreement.AssertAgreed();
    }

    private static void CompareName(Agreement agreement, string field, DistinguishedName ours, X509Name bc, X500DistinguishedName dotnet)
    {
        agreement.Check(field + " raw", Hex(ours.Encoded), Hex(bc.GetEncoded()), Hex(dotnet.RawData));

        // BouncyCastle's X509Name lists one (OID, value) per attribute in encoded order: string types
        // decoded, UniversalString and non-strings as '#' + hex of the DER.
        var rdns = new List<List<AttributeTypeAndValue>>();
        AttributeTypeAndValueEnumerator attributes = ours.GetAttributes();
        while (attributes.MoveNext())
        {
            if (attributes.RdnIndex == rdns.Count)
            {
                rdns.Add([]);
            }

            rdns[attributes.RdnIndex].Add(attributes.Current);
        }

        IList<DerObjectIdentifier> oids = bc.GetOidList();
        IList<string> values = bc.GetValueList();
        agreement.Check(field + " attributes", Join(rdns.SelectMany(static rdn => rdn).Select(BouncyCastleStyle)), Join(oids.Select((oid, i) => oid.Id + "=" + values[i])));

        // .NET decodes the value of a single-valued RDN when it has a string type it knows (null otherwise).
        List<X500RelativeDistinguishedName> dotnetRdns = [.. dotnet.EnumerateRelativeDistinguishedNames(reversed: false)];
        agreement.Check(field + " RDN count", rdns.Count, null, dotnetRdns.Count);
        var ourStrings = new List<string>();
        var dotnetStrings = new List<string>();
        for (int i = 0; i < Math.Min(rdns.Count, dotnetRdns.Count); i++)
        {
            if (!dotnetRdns[i].HasMultipleElements && dotnetRdns[i].GetSingleElementValue() is { } text)
            {
                dotnetStrings.Add(dotnetRdns[i].GetSingleElementType().Value + "=" + text);
                ourStrings.Add(rdns[i].Count == 1 && rdns[i][0].IsString ? rdns[i][0].Type + "=" + rdns[i][0].GetValueString() : "(not one string)");
            }
        }

        agreement.Check(field + " single-valued strings", Join(ourStrings), null, Join(dotnetStrings));
    }

    private static string BouncyCastleStyle(AttributeTypeAndValue attribute)
    {
        if (!attribute.IsString || attribute.ValueTag == Der.UniversalStringTag)
        {
            return attribute.Type + "=#" + Hex(attribute.EncodedValue);
        }

        return attribute.Type + "=" + attribute.GetValueString();
    }

    private static void ComparePublicKey(Agreement agreement, DerCertificate ours, BouncyCastleCertificate bc, X509Certificate2 dotnet)
    {
        agreement.Check("publicKey algorithm", ours.PublicKeyAlgorithmOid.ToString(), bc.SubjectPublicKeyInfo.Algorithm.Algorithm.Id, dotnet.PublicKey.Oid.Value);
        agreement.Check("subjectPublicKeyInfo", Hex(ours.SubjectPublicKeyInfo), Hex(bc.SubjectPublicKeyInfo.GetDerEncoded()), Hex(dotnet.PublicKey.ExportSubjectPublicKeyInfo()));
        agreement.Check("subjectPublicKey", Hex(ours.PublicKey), Hex(bc.SubjectPublicKeyInfo.PublicKey.GetOctets()), Hex(dotnet.PublicKey.EncodedKeyValue.RawData));

        if (bc.SubjectPublicKeyInfo.Algorithm.Algorithm.Equals(PkcsObjectIdentifiers.RsaEncryption))
        {
            // BouncyCastle's RsaKeyParameters runs a compositeness test on the modulus (about 85 ms a key, 12 s for
            // the Mozilla roots); RsaPublicKeyStructure is BouncyCastle's decoding of the same key without that test.
            var rsa = RsaPublicKeyStructure.GetInstance(bc.SubjectPublicKeyInfo.ParsePublicKey());
            using RSA? dotnetRsa = dotnet.GetRSAPublicKey();
            agreement.Check("key size (RSA modulus bits)", ours.KeySize, rsa.Modulus.BitLength, dotnetRsa?.KeySize);
            agreement.Check("curve", ours.Curve?.ToString() ?? "(none)", "(none)");
            return;
        }

        switch (bc.GetPublicKey())
        {
            case ECPublicKeyParameters ec:
                using (ECDsa? dotnetEc = dotnet.GetECDsaPublicKey())
                {
                    agreement.Check("key size (EC field bits)", ours.KeySize, ec.Parameters.Curve.FieldSize, dotnetEc?.KeySize);
                }

                string? bcCurve = (bc.SubjectPublicKeyInfo.Algorithm.Parameters as DerObjectIdentifier)?.Id;
                string dotnetCurve = AsnDecoder.ReadObjectIdentifier(dotnet.PublicKey.EncodedParameters!.RawData, AsnEncodingRules.DER, out _);
                agreement.Check("curve", ours.Curve?.ToString(), bcCurve, dotnetCurve);
                break;
            case Ed25519PublicKeyParameters ed25519:
                agreement.Check("key size (Ed25519)", ours.KeySize, ed25519.GetEncoded().Length * 8);
                agreement.Check("Ed25519 key", Hex(ours.PublicKey), Hex(ed25519.GetEncoded()));
                break;
            default:
                agreement.Check("public key type", ours.PublicKeyAlgorithm.ToString(), bc.GetPublicKey().GetType().Name);
                break;
        }
    }

    private static void CompareExtensions(Agreement agreement, DerCertificate ours, BouncyCastleCertificate bc, X509Certificate2 dotnet)
    {
        var ourExtensions = new List<CertificateExtension>();
        foreach (CertificateExtension extension in ours.GetExtensions())
        {
            ourExtensions.Add(extension);
        }

        agreement.Check("extension OIDs (in order)", Join(ourExtensions.Select(static e => e.Oid.ToString())), null, Join(dotnet.Extensions.Select(static e => e.Oid!.Value!)));
        agreement.Check(
            "extension OIDs",
            Join(Sorted(ourExtensions.Select(static e => e.Oid.ToString()))),
            Join(Sorted([.. (bc.GetCriticalExtensionOids() ?? new HashSet<string>()), .. (bc.GetNonCriticalExtensionOids() ?? new HashSet<string>())])));
        agreement.Check(
            "critical extension OIDs",
            Join(Sorted(ourExtensions.Where(static e => e.Critical).Select(static e => e.Oid.ToString()))),
            Join(Sorted(bc.GetCriticalExtensionOids() ?? new HashSet<string>())),
            Join(Sorted(dotnet.Extensions.Where(static e => e.Critical).Select(static e => e.Oid!.Value!))));
        agreement.Check("extension values", Join(ourExtensions.Select(static e => Hex(e.Value))), Join(dotnet.Extensions.Select(static e => Hex(e.RawData))));

        // basicConstraints as BouncyCastle's GetBasicConstraints: -1 unless cA, then pathLen or int.MaxValue.
        int ourBasic = ours.IsCertificateAuthority ? ours.PathLengthConstraint ?? int.MaxValue : -1;
        int? dotnetBasic = dotnet.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is { } basic
            ? basic.CertificateAuthority ? basic.HasPathLengthConstraint ? basic.PathLengthConstraint : int.MaxValue : -1
            : -1;
        agreement.Check("basicConstraints", ourBasic, bc.GetBasicConstraints(), dotnetBasic);

        bool[]? bcKeyUsage = bc.GetKeyUsage();
        int bcKeyUsageBits = bcKeyUsage is null ? 0 : Enumerable.Range(0, Math.Min(9, bcKeyUsage.Length)).Where(i => bcKeyUsage[i]).Sum(static i => 1 << i);
        int dotnetKeyUsageBits = dotnet.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault() is { } keyUsage ? FromDotNet(keyUsage.KeyUsages) : 0;
        agreement.Check("keyUsage", (int)ours.KeyUsage, bcKeyUsageBits, dotnetKeyUsageBits);
        agreement.Check("keyUsage present", ours.HasExtension(CertificateExtensionKind.KeyUsage), bcKeyUsage is not null);

        var ourUsages = new List<string>();
        foreach (Golem.MeshPki.Certificates.ObjectIdentifier usage in ours.GetExtendedKeyUsages())
        {
            ourUsages.Add(usage.ToString());
        }

        agreement.Check(
            "extendedKeyUsage",
            Join(ourUsages),
            Join(bc.GetExtendedKeyUsage()?.Select(static o => o.Id) ?? []),
            Join(dotnet.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault()?.EnhancedKeyUsages.Cast<Oid>().Select(static o => o.Value!) ?? []));

        SubjectKeyIdentifier? bcSki = X509ExtensionUtilities.GetSubjectKeyIdentifier(bc);
        agreement.Check(
            "subjectKeyIdentifier",
            Hex(ours.SubjectKeyIdentifier),
            bcSki is null ? string.Empty : Hex(bcSki.GetKeyIdentifier()),
            dotnet.Extensions.OfType<X509SubjectKeyIdentifierExtension>().FirstOrDefault() is { } ski ? Hex(ski.SubjectKeyIdentifierBytes) : string.Empty);

        AuthorityKeyIdentifier? bcAki = X509ExtensionUtilities.GetAuthorityKeyIdentifier(bc);
        agreement.Check(
            "authorityKeyIdentifier keyIdentifier",
            Hex(ours.AuthorityKeyIdentifier),
            bcAki?.KeyIdentifier is { } bcKeyId ? Hex(bcKeyId.GetOctets()) : string.Empty,
            dotnet.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().FirstOrDefault()?.KeyIdentifier is { } dotnetKeyId ? Hex(dotnetKeyId) : string.Empty);

        var ourNames = new List<GeneralName>();
        foreach (GeneralName name in ours.GetSubjectAlternativeNames())
        {
            ourNames.Add(name);
        }

        BouncyCastleGeneralName[] bcNames = bc.GetSubjectAlternativeNameExtension()?.GetNames() ?? [];
        agreement.Check("subjectAltName", Join(ourNames.Select(Describe)), Join(bcNames.Select(Describe)));
        if (dotnet.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault() is { } san)
        {
            agreement.Check("subjectAltName DNS (.NET)", Join(ourNames.Where(static n => n.Kind == GeneralNameKind.Dns).Select(static n => n.GetText()!)), null, Join(san.EnumerateDnsNames()));
            agreement.Check("subjectAltName IP (.NET)", Join(ourNames.Where(static n => n.Kind == GeneralNameKind.IPAddress).Select(static n => n.GetIPAddress()!.ToString())), null, Join(san.EnumerateIPAddresses().Select(static a => a.ToString())));
        }

        var bcConstraints = NameConstraints.GetInstance(bc.GetExtensionParsedValue(X509Extensions.NameConstraints));
        agreement.Check("permittedSubtrees", Join(Describe(ours.GetPermittedSubtrees())), Join(bcConstraints?.PermittedSubtreesValue?.GetElements().Select(static s => Describe(s.Base)) ?? []));
        agreement.Check("excludedSubtrees", Join(Describe(ours.GetExcludedSubtrees())), Join(bcConstraints?.ExcludedSubtreesValue?.GetElements().Select(static s => Describe(s.Base)) ?? []));

        var ourPolicies = new List<string>();
        foreach (Golem.MeshPki.Certificates.ObjectIdentifier policy in ours.GetCertificatePolicies())
        {
            ourPolicies.Add(policy.ToString());
        }

        var bcPolicies = CertificatePolicies.GetInstance(bc.GetExtensionParsedValue(X509Extensions.CertificatePolicies));
        agreement.Check("certificatePolicies", Join(ourPolicies), Join(bcPolicies?.GetPolicyInformation().Select(static p => p.PolicyIdentifier.Id) ?? []));

        var bcPoints = CrlDistPoint.GetInstance(bc.GetExtensionParsedValue(X509Extensions.CrlDistributionPoints));
        IEnumerable<string> bcFullNames = bcPoints?.GetDistributionPoints()
            .Select(static p => p.DistributionPointName)
            .Where(static n => n is not null && n.Type == DistributionPointName.FullName)
            .SelectMany(static n => GeneralNames.GetInstance(n.Name).GetNames())
            .Select(Describe) ?? [];
        agreement.Check("cRLDistributionPoints fullNames", Join(ours.GetCrlDistributionPointNames().Select(Describe)), Join(bcFullNames));
    }

    private static List<string> Describe(GeneralNameEnumerator names)
    {
        var list = new List<string>();
        foreach (GeneralName name in names)
        {
            list.Add(Describe(name));
        }

        return list;
    }

    /// <summary>A GeneralName as "tag:hex of its value" (the Name DER for directoryName, the content octets otherwise).</summary>
    private static string Describe(GeneralName name) => (int)name.Kind + ":" + Hex(name.Value);

    private static string Describe(BouncyCastleGeneralName name)
    {
        Asn1Encodable value = name.Name;
        byte[] bytes = name.TagNo switch
        {
            BouncyCastleGeneralName.Rfc822Name or BouncyCastleGeneralName.DnsName or BouncyCastleGeneralName.UniformResourceIdentifier
                => Encoding.Latin1.GetBytes(((IAsn1String)value).GetString()),
            BouncyCastleGeneralName.IPAddress => Asn1OctetString.GetInstance(value).GetOctets(),
            BouncyCastleGeneralName.DirectoryName => X509Name.GetInstance(value).GetEncoded(),
            _ => DerNode.Parse(value.ToAsn1Object().GetEncoded()).Contents,
        };
        return name.TagNo + ":" + Hex(bytes);
    }

    private static int FromDotNet(X509KeyUsageFlags flags)
    {
        (X509KeyUsageFlags Flag, int Bit)[] map =
        [
            (X509KeyUsageFlags.DigitalSignature, 0), (X509KeyUsageFlags.NonRepudiation, 1), (X509KeyUsageFlags.KeyEncipherment, 2),
            (X509KeyUsageFlags.DataEncipherment, 3), (X509KeyUsageFlags.KeyAgreement, 4), (X509KeyUsageFlags.KeyCertSign, 5),
            (X509KeyUsageFlags.CrlSign, 6), (X509KeyUsageFlags.EncipherOnly, 7), (X509KeyUsageFlags.DecipherOnly, 8),
        ];
        return map.Where(m => flags.HasFlag(m.Flag)).Sum(static m => 1 << m.Bit);
    }

    private static byte[] Load(string certificate)
    {
        if (certificate.StartsWith(GeneratedPrefix, StringComparison.Ordinal))
        {
            return SampleCertificates.Get(certificate[GeneratedPrefix.Length..]);
        }

        byte[] file = File.ReadAllBytes(Path.Combine(MozillaCorpus, certificate[MozillaPrefix.Length..]));
        if (file.Length > 0 && file[0] == 0x30)
        {
            return file;
        }

        string text = Encoding.ASCII.GetString(file);
        PemFields pem = PemEncoding.Find(text);
        return Convert.FromBase64String(text[pem.Base64Data]);
    }

    private static List<string> MozillaFiles() => Directory.Exists(MozillaCorpus)
        ? [.. Directory.EnumerateFiles(MozillaCorpus, "*.crt").Order(StringComparer.Ordinal)]
        : [];

    private static string SignedHex(Org.BouncyCastle.Math.BigInteger value)
    {
        if (value.SignValue == 0)
        {
            return "00";
        }

        string magnitude = Hex(value.Abs().ToByteArrayUnsigned());
        return value.SignValue < 0 ? "-" + magnitude : magnitude;
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string Time(DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string Hex(ReadOnlyMemory<byte> bytes) => Convert.ToHexStringLower(bytes.Span);

    private static string Join(IEnumerable<string> items) => string.Join(", ", items);

    private static List<string> Sorted(IEnumerable<string> items) => [.. items.Order(StringComparer.Ordinal)];

    /// <summary>Collects every field where the readers disagree, so one failure lists them all.</summary>
    private sealed class Agreement(string certificate)
    {
        private readonly List<string> _disagreements = [];

        /// <summary>Compares our value with BouncyCastle's and, where .NET offers the field, .NET's; a null oracle is skipped.</summary>
        public void Check(string field, object? ours, object? bouncyCastle, object? dotnet = null)
        {
            string mine = Show(ours);
            if (bouncyCastle is not null && mine != Show(bouncyCastle))
            {
                _disagreements.Add($"{field}: ours '{mine}', BouncyCastle '{Show(bouncyCastle)}'");
            }

            if (dotnet is not null && mine != Show(dotnet))
            {
                _disagreements.Add($"{field}: ours '{mine}', .NET '{Show(dotnet)}'");
            }
        }

        public void AssertAgreed() => Assert.True(_disagreements.Count == 0, $"{certificate} disagrees on {_disagreements.Count} field(s):\n" + string.Join("\n", _disagreements));

        private static string Show(object? value) => value switch
        {
            null => "(none)",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
    }
}
