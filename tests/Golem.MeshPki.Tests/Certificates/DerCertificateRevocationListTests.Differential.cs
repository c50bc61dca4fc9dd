using System.Globalization;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Tests.TestCertificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;
using BouncyCastleBigInteger = Org.BouncyCastle.Math.BigInteger;
using BouncyCastleCrlReason = Org.BouncyCastle.Asn1.X509.CrlReason;
using BouncyCastleIssuingDistributionPoint = Org.BouncyCastle.Asn1.X509.IssuingDistributionPoint;
using CrlReason = Golem.MeshPki.Certificates.CrlReason;
using IssuingDistributionPoint = Golem.MeshPki.Certificates.IssuingDistributionPoint;

namespace Golem.MeshPki.Tests.Certificates;

/// <summary>
/// Differential tests: each sample CRL is read by <see cref="DerCertificateRevocationList"/> and by BouncyCastle's
/// <see cref="X509CrlParser"/>, and every field the reader exposes must agree with BouncyCastle's reading of the same bytes.
/// </summary>
public sealed partial class DerCertificateRevocationListTests
{
    /// <summary>The CRLs compared, by name.</summary>
    public static TheoryData<string> DifferentialCrls() =>
        ["openssl/revoked", "openssl/empty", "openssl/v1", "bouncycastle/full", "bouncycastle/delta", "handmade/relative-name-some-reasons", "handmade/v1-entries"];

    [Theory]
    [MemberData(nameof(DifferentialCrls))]
    public void Every_field_agrees_with_BouncyCastle(string name)
    {
        byte[] der = DifferentialCrl(name);
        DerCertificateRevocationList ours = DerCertificateRevocationList.Parse(der);
        X509Crl bc = new X509CrlParser().ReadCrl(der);
        TbsCertificateList tbs = bc.CertificateList.TbsCertList;
        var differences = new List<string>();
        void Check<T>(string field, T mine, T theirs)
        {
            if (!EqualityComparer<T>.Default.Equals(mine, theirs))
            {
                differences.Add($"{field}: ours {mine}, BouncyCastle {theirs}");
            }
        }

        Check("version", ours.Version, bc.Version);
        Check("issuer", Hex(ours.Issuer.Encoded.Span), Hex(tbs.Issuer.GetEncoded(Asn1Encodable.Der)));
        Check("thisUpdate", ours.ThisUpdate, Utc(bc.ThisUpdate));
        Check("nextUpdate", ours.NextUpdate, bc.NextUpdate is { } next ? Utc(next) : null);
        Check("signatureAlgorithm", ours.SignatureAlgorithm.ToString(), bc.SigAlgOid);
        Check("signatureAlgorithm encoded", Hex(ours.EncodedSignatureAlgorithm.Span), Hex(bc.SignatureAlgorithm.GetEncoded(Asn1Encodable.Der)));
        Check("signature algorithms match", ours.HasMatchingSignatureAlgorithms, tbs.Signature.Equals(bc.CertificateList.SignatureAlgorithm));
        Check("tbsCertList", Hex(ours.TbsCertList.Span), Hex(bc.GetTbsCertList()));
        Check("signatureValue", Hex(ours.Signature.Span), Hex(bc.GetSignature()));
        Check("encoding", Hex(ours.RawData.Span), Hex(bc.GetEncoded()));

        // crlExtensions in order, with criticality and raw value.
        Check("crlExtensions", Join(ExtensionTriples(ours.GetExtensions())), Join(ExtensionTriples(tbs.Extensions)));
        Check("critical extension OIDs", Join(Sorted(CriticalOids(ours.GetExtensions(), critical: true))), Join(Sorted(bc.GetCriticalExtensionOids() ?? new HashSet<string>())));
        Check("non-critical extension OIDs", Join(Sorted(CriticalOids(ours.GetExtensions(), critical: false))), Join(Sorted(bc.GetNonCriticalExtensionOids() ?? new HashSet<string>())));
        Check("cRLNumber", Hex(ours.CrlNumber.Span), IntegerContents(tbs.Extensions, X509Extensions.CrlNumber));
        Check("has cRLNumber", ours.HasCrlNumber, tbs.Extensions?.GetExtension(X509Extensions.CrlNumber) is not null);
        Check("cRLNumber critical", ours.IsCrlNumberCritical, tbs.Extensions?.GetExtension(X509Extensions.CrlNumber)?.IsCritical ?? false);
        Check("delta CRL", ours.IsDeltaCrl, tbs.Extensions?.GetExtension(X509Extensions.DeltaCrlIndicator) is not null);
        Check("baseCRLNumber", Hex(ours.BaseCrlNumber.Span), IntegerContents(tbs.Extensions, X509Extensions.DeltaCrlIndicator));
        Check("authorityKeyIdentifier", Hex(ours.AuthorityKeyIdentifier.Span), ExtensionValue(tbs.Extensions, X509Extensions.AuthorityKeyIdentifier) is { } aki
            ? Hex(AuthorityKeyIdentifier.GetInstance(aki).KeyIdentifier?.GetOctets() ?? [])
            : string.Empty);
        CompareIssuingDistributionPoint(ours.IssuingDistributionPoint, ExtensionValue(tbs.Extensions, X509Extensions.IssuingDistributionPoint), Check);

        // revokedCertificates in order.
        List<RevokedCertificate> entries = Entries(ours);
        CrlEntry[] bcEntries = [.. bc.CertificateList.GetRevokedCertificateEnumeration()];
        Check("entry count", entries.Count, bcEntries.Length);
        Check("entry count property", ours.RevokedCertificateCount, bcEntries.Length);
        for (int i = 0; i < Math.Min(entries.Count, bcEntries.Length); i++)
        {
            RevokedCertificate entry = entries[i];
            CrlEntry bcEntry = bcEntries[i];
            string at = string.Create(CultureInfo.InvariantCulture, $"entry {i} ");
            Check(at + "serial", Hex(entry.SerialNumber.Span), Hex(bcEntry.UserCertificate.Value.ToByteArray()));
            Check(at + "serial value", new BouncyCastleBigInteger(entry.SerialNumber.ToArray()), bcEntry.UserCertificate.Value);
            Check(at + "revocationDate", entry.RevocationDate, Utc(bcEntry.RevocationDate.ToDateTime()));
            Check(at + "extensions", Join(ExtensionTriples(entry.GetExtensions())), Join(ExtensionTriples(bcEntry.Extensions)));
            Check(at + "reasonCode", entry.Reason, ExtensionValue(bcEntry.Extensions, X509Extensions.ReasonCode) is { } reason
                ? (CrlReason)BouncyCastleCrlReason.GetInstance(reason).IntValueExact
                : null);
            Check(at + "invalidityDate", entry.InvalidityDate, ExtensionValue(bcEntry.Extensions, X509Extensions.InvalidityDate) is { } invalidity
                ? Utc(Asn1GeneralizedTime.GetInstance(invalidity).ToDateTime())
                : null);

            // IsRevoked against BouncyCastle's lookup by value; with duplicate serials the first entry answers in both.
            bool listed = ours.IsRevoked(entry.SerialNumber.Span, out DateTimeOffset revoked, out _);
            X509CrlEntry? found = bc.GetRevokedCertificate(bcEntry.UserCertificate.Value);
            Check(at + "IsRevoked", listed, found is not null);
            Check(at + "IsRevoked revocationDate", revoked, found is null ? default : Utc(found.RevocationDate));
        }

        Check("indirect (certificateIssuer entries)", ours.HasEntryWithCertificateIssuer, bcEntries.Any(static entry => entry.Extensions?.GetExtension(X509Extensions.CertificateIssuer) is not null));
        Check("unknown serial", ours.IsRevoked([0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55], out _, out _), bc.GetRevokedCertificate(new BouncyCastleBigInteger("55555555555555", 16)) is not null);

        Assert.True(differences.Count == 0, $"{name}: {differences.Count} differences from BouncyCastle:\n" + string.Join('\n', differences));
    }

    private static byte[] DifferentialCrl(string name) => name switch
    {
        "openssl/revoked" => OpenSslCrls.Instance.Revoked,
        "openssl/empty" => OpenSslCrls.Instance.Empty,
        "openssl/v1" => OpenSslCrls.Instance.Version1,
        "bouncycastle/full" => BouncyCastleCrls.Full,
        "bouncycastle/delta" => BouncyCastleCrls.Delta,
        "handmade/relative-name-some-reasons" => new CrlSpec
        {
            Entries = [CrlSpec.Entry([0x42], "260201000000Z", CrlSpec.ReasonCode(1)), CrlSpec.Entry([0x00, 0xC0, 0x01])],
            Extensions =
            [
                CrlSpec.Extension(CrlSpec.CrlNumberOid, critical: false, Der.IntegerValue(7)),
                CrlSpec.Extension("2.5.29.28", critical: true, Der.Seq(
                    Der.Constructed(Der.ContextConstructed(0), Der.Constructed(Der.ContextConstructed(1), Der.Attribute("2.5.4.3", Der.Utf8("partition 3")))),
                    Der.Tlv(Der.ContextPrimitive(2), [0xFF]),
                    Der.Tlv(Der.ContextPrimitive(3), [0x07, 0x80]))),
            ],
        }.Encode(),
        "handmade/v1-entries" => new CrlSpec { Version = null, NextUpdate = null, Entries = [CrlSpec.Entry([0x01]), CrlSpec.Entry([0x02], "491231235959Z")] }.Encode(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown CRL."),
    };

    private static void CompareIssuingDistributionPoint(IssuingDistributionPoint? ours, Asn1Object? value, Action<string, string, string> check)
    {
        static string Describe(bool present, bool name, bool relative, bool user, bool ca, bool attribute, bool someReasons, bool indirect) => present
            ? string.Create(CultureInfo.InvariantCulture, $"name {name} relative {relative} user {user} ca {ca} attribute {attribute} someReasons {someReasons} indirect {indirect}")
            : "absent";

        BouncyCastleIssuingDistributionPoint? bc = value is null ? null : BouncyCastleIssuingDistributionPoint.GetInstance(value);
        DistributionPointName? point = bc?.DistributionPoint;
        check(
            "issuingDistributionPoint",
            ours is { } mine
                ? Describe(true, mine.HasDistributionPointName, mine.IsNameRelativeToCrlIssuer, mine.OnlyContainsUserCertificates, mine.OnlyContainsCACertificates, mine.OnlyContainsAttributeCertificates, mine.HasOnlySomeReasons, mine.IsIndirectCrl)
                : "absent",
            bc is null
                ? "absent"
                : Describe(true, point is not null, point?.Type == DistributionPointName.NameRelativeToCrlIssuer, bc.OnlyContainsUserCerts, bc.OnlyContainsCACerts, bc.OnlyContainsAttributeCerts, bc.OnlySomeReasons is not null, bc.IsIndirectCrl));

        var ourNames = new List<string>();
        if (ours is { } idp)
        {
            foreach (Golem.MeshPki.Certificates.GeneralName name in idp.GetFullNames())
            {
                ourNames.Add(Hex(name.Encoded.Span));
            }
        }

        IEnumerable<string> theirNames = point?.Type == DistributionPointName.FullName
            ? GeneralNames.GetInstance(point.Name).GetNames().Select(static name => Hex(name.GetEncoded(Asn1Encodable.Der)))
            : [];
        check("issuingDistributionPoint fullName", Join(ourNames), Join(theirNames));
    }

    private static List<string> ExtensionTriples(CrlExtensionEnumerator extensions)
    {
        var triples = new List<string>();
        foreach (CrlExtension extension in extensions)
        {
            triples.Add($"{extension.Oid} {extension.Critical} {Hex(extension.Value.Span)}");
        }

        return triples;
    }

    private static IEnumerable<string> ExtensionTriples(X509Extensions? extensions) => extensions is null
        ? []
        : extensions.ExtensionOids.Select(oid => $"{oid.Id} {extensions.GetExtension(oid).IsCritical} {Hex(extensions.GetExtension(oid).Value.GetOctets())}");

    private static List<string> CriticalOids(CrlExtensionEnumerator extensions, bool critical)
    {
        var oids = new List<string>();
        foreach (CrlExtension extension in extensions)
        {
            if (extension.Critical == critical)
            {
                oids.Add(extension.Oid.ToString());
            }
        }

        return oids;
    }

    private static Asn1Object? ExtensionValue(X509Extensions? extensions, DerObjectIdentifier oid) =>
        extensions?.GetExtension(oid) is { } extension ? Asn1Object.FromByteArray(extension.Value.GetOctets()) : null;

    private static string IntegerContents(X509Extensions? extensions, DerObjectIdentifier oid) =>
        ExtensionValue(extensions, oid) is { } value ? Hex(DerInteger.GetInstance(value).Value.ToByteArray()) : string.Empty;

    private static DateTimeOffset Utc(DateTime time) => new(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc));

    private static List<string> Sorted(IEnumerable<string> values) => [.. values.Order(StringComparer.Ordinal)];

    private static string Join(IEnumerable<string> values) => "[" + string.Join(", ", values) + "]";

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
