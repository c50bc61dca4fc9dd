using System.Security.Cryptography;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Tests.TestCertificates;

namespace Golem.MeshPki.Tests.Certificates;

/// <summary>
/// Tests of <see cref="DerCertificateRevocationList"/>, split by topic: this file reads real CRLs made by openssl and
/// BouncyCastle; <c>.Differential</c> compares every field with BouncyCastle's reading; <c>.Errors</c> puts defects into
/// CRLs and checks where and why they are rejected; <c>.Lookup</c> is IsRevoked on large lists; <c>.Properties</c> is the
/// mutation property. Inputs are built in <c>.Samples</c>.
/// </summary>
public sealed partial class DerCertificateRevocationListTests
{
    [Fact]
    public void OpenSSL_CRL_with_three_revocations_reads_every_field()
    {
        OpenSslCrls openssl = OpenSslCrls.Instance;
        DerCertificate ca = DerCertificate.Parse(openssl.CaCertificate);

        DerCertificateRevocationList crl = DerCertificateRevocationList.Parse(openssl.Revoked);

        Assert.Equal(2, crl.Version);
        Assert.Equal("ecdsa-with-SHA256", crl.SignatureAlgorithmName);
        Assert.Equal("1.2.840.10045.4.3.2", crl.SignatureAlgorithm.ToString());
        Assert.True(crl.HasMatchingSignatureAlgorithms);
        Assert.Equal(ca.Subject, crl.Issuer);
        Assert.Equal("CN=openssl CRL CA,O=Golem", crl.Issuer.ToString());
        Assert.Equal(TimeSpan.FromDays(7), crl.NextUpdate - crl.ThisUpdate);
        Assert.True(crl.HasCrlNumber);
        Assert.False(crl.IsCrlNumberCritical);
        Assert.Equal([0x10, 0x01], crl.CrlNumber.ToArray());
        Assert.Equal(ca.SubjectKeyIdentifier.ToArray(), crl.AuthorityKeyIdentifier.ToArray());
        Assert.False(crl.IsDeltaCrl);
        Assert.True(crl.BaseCrlNumber.IsEmpty);
        Assert.False(crl.HasIssuingDistributionPoint);
        Assert.Null(crl.IssuingDistributionPoint);
        Assert.False(crl.HasUnknownCriticalExtension);
        Assert.False(crl.HasEntryWithUnknownCriticalExtension);
        Assert.False(crl.HasEntryWithCertificateIssuer);
        Assert.Equal(["2.5.29.35 AuthorityKeyIdentifier", "2.5.29.20 CrlNumber"], Extensions(crl.GetExtensions()));

        Assert.Equal(3, crl.RevokedCertificateCount);
        // openssl lists entries by serial value, not in the order they were revoked.
        Dictionary<string, RevokedCertificate> entries = Entries(crl).ToDictionary(static entry => Convert.ToHexStringLower(entry.SerialNumber.Span));
        Assert.Equal(["7f", "0123456789abcdef", "00fedcba9876543210"], Entries(crl).Select(static entry => Convert.ToHexStringLower(entry.SerialNumber.Span)));
        RevokedCertificate[] leaves = [.. OpenSslCrls.LeafSerials.Select(serial => entries[serial])];
        Assert.Equal([CrlReason.KeyCompromise, CrlReason.Superseded, CrlReason.KeyCompromise], leaves.Select(static entry => entry.Reason));
        Assert.Equal([null, null, OpenSslCrls.CompromiseTime], leaves.Select(static entry => entry.InvalidityDate));
        Assert.All(leaves, entry => Assert.InRange(entry.RevocationDate, crl.ThisUpdate.AddMinutes(-10), crl.ThisUpdate));
        Assert.Equal(["2.5.29.21 ReasonCode"], Extensions(leaves[0].GetExtensions()));
        Assert.Equal(["2.5.29.21 ReasonCode", "2.5.29.24 InvalidityDate"], Extensions(leaves[2].GetExtensions()));
    }

    [Fact]
    public void OpenSSL_revoked_leaves_are_found_by_their_certificates_serial_numbers()
    {
        OpenSslCrls openssl = OpenSslCrls.Instance;
        DerCertificateRevocationList crl = DerCertificateRevocationList.Parse(openssl.Revoked);
        CrlReason?[] reasons = [CrlReason.KeyCompromise, CrlReason.Superseded, CrlReason.KeyCompromise];

        for (int i = 0; i < openssl.Leaves.Length; i++)
        {
            DerCertificate leaf = DerCertificate.Parse(openssl.Leaves[i]);
            Assert.True(crl.IsRevoked(leaf.SerialNumber.Span, out DateTimeOffset revoked, out CrlReason? reason), $"leaf {i} ({leaf.GetSerialNumberHex()})");
            Assert.Equal(reasons[i], reason);
            Assert.Equal(Entries(crl).Single(entry => entry.SerialNumber.Span.SequenceEqual(leaf.SerialNumber.Span)).RevocationDate, revoked);
        }

        DerCertificate ca = DerCertificate.Parse(openssl.CaCertificate);
        Assert.False(crl.IsRevoked(ca.SerialNumber.Span, out DateTimeOffset notRevoked, out CrlReason? none));
        Assert.Equal(default, notRevoked);
        Assert.Null(none);
    }

    [Fact]
    public void OpenSSL_CRL_signature_verifies_over_TbsCertList_with_the_CAs_key()
    {
        OpenSslCrls openssl = OpenSslCrls.Instance;
        DerCertificate ca = DerCertificate.Parse(openssl.CaCertificate);
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(ca.SubjectPublicKeyInfo.Span, out _);

        foreach (byte[] der in new[] { openssl.Revoked, openssl.Empty, openssl.Version1 })
        {
            DerCertificateRevocationList crl = DerCertificateRevocationList.Parse(der);
            Assert.True(key.VerifyData(crl.TbsCertList.Span, crl.Signature.Span, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence), crl.ToString());

            // The spans are the signed bytes exactly: one bit more or less and the signature fails.
            byte[] tampered = crl.TbsCertList.ToArray();
            tampered[^1] ^= 0x01;
            Assert.False(key.VerifyData(tampered, crl.Signature.Span, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        }
    }

    [Fact]
    public void OpenSSL_CRL_without_revocations_has_no_entries_and_no_revokedCertificates_field()
    {
        DerCertificateRevocationList crl = DerCertificateRevocationList.Parse(OpenSslCrls.Instance.Empty);

        Assert.Equal(2, crl.Version);
        Assert.Equal(0, crl.RevokedCertificateCount);
        Assert.Empty(Entries(crl));
        Assert.Equal([0x10, 0x00], crl.CrlNumber.ToArray());
        Assert.False(crl.IsRevoked([0x01], out _, out _));
        Assert.False(crl.IsRevoked([], out _, out _));
    }

    [Fact]
    public void OpenSSL_v1_CRL_has_version_1_and_no_extensions()
    {
        DerCertificateRevocationList crl = DerCertificateRevocationList.Parse(OpenSslCrls.Instance.Version1);

        Assert.Equal(1, crl.Version);
        Assert.False(crl.HasCrlNumber);
        Assert.True(crl.CrlNumber.IsEmpty);
        Assert.True(crl.AuthorityKeyIdentifier.IsEmpty);
        Assert.Empty(Extensions(crl.GetExtensions()));
        Assert.NotNull(crl.NextUpdate);
        Assert.Equal(0, crl.RevokedCertificateCount);
    }

    [Fact]
    public void OpenSSL_PEM_CRL_is_an_X509_CRL_block_whose_DER_parses()
    {
        OpenSslCrls openssl = OpenSslCrls.Instance;

        PemBlock block = Assert.Single(PemReader.ReadAll(openssl.RevokedPem));

        Assert.Equal(PemLabel.Crl, block.Label);
        Assert.Equal(openssl.Revoked, block.Data.ToArray());
        Assert.Equal(3, DerCertificateRevocationList.Parse(block.Data).RevokedCertificateCount);
    }

    [Fact]
    public void BouncyCastle_CRL_reads_its_extensions_entries_and_scope()
    {
        DerCertificateRevocationList crl = DerCertificateRevocationList.Parse(BouncyCastleCrls.Full);

        Assert.Equal(2, crl.Version);
        Assert.Equal("sha256WithRSAEncryption", crl.SignatureAlgorithmName);
        Assert.Equal("CN=Golem Test CRL CA,O=Golem Test,C=DE", crl.Issuer.ToString());
        Assert.Equal(new DateTimeOffset(BouncyCastleCrls.ThisUpdate), crl.ThisUpdate);
        Assert.Equal(new DateTimeOffset(BouncyCastleCrls.NextUpdate), crl.NextUpdate);
        Assert.Equal([BouncyCastleCrls.FullCrlNumber], crl.CrlNumber.ToArray());
        Assert.Equal(BouncyCastleCrls.KeyIdentifier, crl.AuthorityKeyIdentifier.ToArray());
        Assert.True(crl.HasExtension(CrlExtensionKind.IssuingDistributionPoint));
        Assert.True(crl.IsExtensionCritical(CrlExtensionKind.IssuingDistributionPoint));
        Assert.False(crl.IsExtensionCritical(CrlExtensionKind.AuthorityKeyIdentifier));
        Assert.False(crl.HasExtension(CrlExtensionKind.DeltaCrlIndicator));

        IssuingDistributionPoint scope = Assert.NotNull(crl.IssuingDistributionPoint);
        Assert.True(scope.HasDistributionPointName);
        Assert.False(scope.IsNameRelativeToCrlIssuer);
        Assert.Equal(["URI:" + BouncyCastleCrls.IssuingDistributionPointUri], Names(scope.GetFullNames()));
        Assert.True(scope.OnlyContainsUserCertificates);
        Assert.False(scope.OnlyContainsCACertificates);
        Assert.False(scope.OnlyContainsAttributeCertificates);
        Assert.False(scope.HasOnlySomeReasons);
        Assert.True(scope.IsIndirectCrl);

        Assert.Equal(BouncyCastleCrls.FullLeadingEntries.Length + BouncyCastleCrls.FullExtraEntries, crl.RevokedCertificateCount);
        Assert.True(crl.HasEntryWithCertificateIssuer);
        Assert.False(crl.HasEntryWithUnknownCriticalExtension);
        Assert.False(crl.HasUnknownCriticalExtension);
        List<RevokedCertificate> entries = Entries(crl);
        for (int i = 0; i < BouncyCastleCrls.FullLeadingEntries.Length; i++)
        {
            (byte[] serial, int reason) = BouncyCastleCrls.FullLeadingEntries[i];
            Assert.Equal(serial, entries[i].SerialNumber.ToArray());
            Assert.Equal(reason == 0 ? null : (CrlReason)reason, entries[i].Reason);
            Assert.Equal(new DateTimeOffset(BouncyCastleCrls.ThisUpdate.AddDays(-i - 1)), entries[i].RevocationDate);
        }

        Assert.Equal(new DateTimeOffset(BouncyCastleCrls.InvalidityDate), entries[3].InvalidityDate);
        Assert.Equal(["2.5.29.21 ReasonCode", "2.5.29.29 CertificateIssuer (critical)"], Extensions(entries[4].GetExtensions()));
        Assert.Equal([BouncyCastleCrls.UnknownExtensionOid], Extensions(entries[5].GetExtensions()));
    }

    [Fact]
    public void BouncyCastle_CRL_signature_verifies_over_TbsCertList_with_RSA()
    {
        DerCertificateRevocationList crl = DerCertificateRevocationList.Parse(BouncyCastleCrls.Full);

        Assert.True(TestKeys.Rsa2048.Rsa!.VerifyData(crl.TbsCertList.Span, crl.Signature.Span, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public void Delta_CRL_with_unknown_critical_extensions_is_read_and_says_so()
    {
        DerCertificateRevocationList crl = DerCertificateRevocationList.Parse(BouncyCastleCrls.Delta);

        Assert.True(crl.IsDeltaCrl);
        Assert.True(crl.IsExtensionCritical(CrlExtensionKind.DeltaCrlIndicator));
        Assert.Equal([41], crl.BaseCrlNumber.ToArray());
        Assert.Equal([43], crl.CrlNumber.ToArray());
        Assert.Equal(new DateTimeOffset(BouncyCastleCrls.FarNextUpdate), crl.NextUpdate);
        Assert.True(crl.HasUnknownCriticalExtension);
        Assert.True(crl.HasEntryWithUnknownCriticalExtension);
        Assert.False(crl.HasEntryWithCertificateIssuer);
        Assert.Contains(BouncyCastleCrls.UnknownExtensionOid + " (critical)", Extensions(crl.GetExtensions()));
        Assert.True(crl.IsRevoked([0x01, 0x02], out _, out CrlReason? reason));
        Assert.Equal(CrlReason.RemoveFromCrl, reason);
        Assert.True(TestKeys.P256.ECDsa!.VerifyData(crl.TbsCertList.Span, crl.Signature.Span, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    [Fact]
    public void ToString_gives_issuer_thisUpdate_nextUpdate_and_the_number_of_entries()
    {
        Assert.Equal(
            "Issuer=CN=Golem Test CRL CA,O=Golem Test,C=DE; ThisUpdate=2026-03-01T00:00:00Z; NextUpdate=2026-03-08T00:00:00Z; RevokedCertificates=46",
            DerCertificateRevocationList.Parse(BouncyCastleCrls.Full).ToString());
        Assert.EndsWith(
            "ThisUpdate=2026-03-01T00:00:00Z; NextUpdate=none; RevokedCertificates=0",
            DerCertificateRevocationList.Parse(new CrlSpec { NextUpdate = null }.Encode()).ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_with_bytesConsumed_reads_a_CRL_followed_by_other_data()
    {
        byte[] crl = OpenSslCrls.Instance.Revoked;
        byte[] followed = [.. crl, 0x30, 0x00, 0xFF];

        DerCertificateRevocationList parsed = DerCertificateRevocationList.Parse(followed, out int consumed);

        Assert.Equal(crl.Length, consumed);
        Assert.Equal(crl, parsed.RawData.ToArray());
        Assert.Equal(3, parsed.RevokedCertificateCount);
    }

    [Fact]
    public void Version_1_CRL_with_entries_but_without_extensions_is_read()
    {
        byte[] der = new CrlSpec { Version = null, Entries = [CrlSpec.Entry([0x05]), CrlSpec.Entry([0x06])] }.Encode();

        DerCertificateRevocationList crl = DerCertificateRevocationList.Parse(der);

        Assert.Equal(1, crl.Version);
        Assert.Equal(2, crl.RevokedCertificateCount);
        Assert.True(crl.IsRevoked([0x06], out DateTimeOffset revoked, out CrlReason? reason));
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 0, 0, 0, TimeSpan.Zero), revoked);
        Assert.Null(reason);
    }

    internal static List<RevokedCertificate> Entries(DerCertificateRevocationList crl)
    {
        var entries = new List<RevokedCertificate>();
        foreach (RevokedCertificate entry in crl.GetRevokedCertificates())
        {
            entries.Add(entry);
        }

        return entries;
    }

    internal static List<string> Extensions(CrlExtensionEnumerator extensions)
    {
        var list = new List<string>();
        foreach (CrlExtension extension in extensions)
        {
            list.Add(extension.ToString());
        }

        return list;
    }

    private static List<string> Names(GeneralNameEnumerator names)
    {
        var list = new List<string>();
        foreach (Golem.MeshPki.Certificates.GeneralName name in names)
        {
            list.Add(name.ToString());
        }

        return list;
    }
}
