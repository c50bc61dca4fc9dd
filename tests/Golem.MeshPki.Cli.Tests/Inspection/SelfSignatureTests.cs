using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Cli.Inspection;
using Golem.MeshPki.Cli.Tests.TestSupport;
using Org.BouncyCastle.Crypto;

namespace Golem.MeshPki.Cli.Tests.Inspection;

public sealed class SelfSignatureTests
{
    private static readonly DateTimeOffset NotBefore = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NotAfter = new(2035, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Self_signed_RSA_root_is_self_signed()
    {
        Assert.True(SelfSignature.IsSelfSigned(DerCertificate.Parse(TestPki.Shared.Root.RawData)));
    }

    [Fact]
    public void Certificate_issued_by_another_CA_is_not_self_signed()
    {
        Assert.False(SelfSignature.IsSelfSigned(DerCertificate.Parse(TestPki.Shared.Intermediate.RawData)));
        Assert.False(SelfSignature.IsSelfSigned(DerCertificate.Parse(TestPki.Shared.Leaf.RawData)));
    }

    [Fact]
    public void Self_issued_certificate_signed_by_another_key_is_not_self_signed()
    {
        // RFC 5280 6.1: self-issued is a name comparison; a CA's key rollover certificate is self-issued
        // but signed by the old key.
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using ECDsa otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var name = new X500DistinguishedName("CN=Rollover CA");
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256);
        using X509Certificate2 certificate = request.Create(name, X509SignatureGenerator.CreateForECDsa(otherKey), NotBefore, NotAfter, [0x01]);

        DerCertificate parsed = DerCertificate.Parse(certificate.RawData);

        Assert.True(parsed.IsSelfIssued);
        Assert.False(SelfSignature.IsSelfSigned(parsed));
    }

    [Fact]
    public void Root_with_a_corrupted_signature_is_not_self_signed()
    {
        byte[] corrupted = [.. TestPki.Shared.Root.RawData];
        corrupted[^1] ^= 0x01;

        Assert.False(SelfSignature.IsSelfSigned(DerCertificate.Parse(corrupted)));
    }

    [Fact]
    public void Self_signed_P384_root_is_self_signed()
    {
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var request = new CertificateRequest("CN=EC Root", key, HashAlgorithmName.SHA384);
        using X509Certificate2 certificate = request.CreateSelfSigned(NotBefore, NotAfter);

        Assert.True(SelfSignature.IsSelfSigned(DerCertificate.Parse(certificate.RawData)));
    }

    [Fact]
    public void Self_signed_RSA_PSS_root_made_by_NET_with_a_32_octet_salt_is_self_signed()
    {
        // .NET's PSS salt is as long as the hash: 32 octets for SHA-256.
        using RSA key = RSA.Create(2048);
        var request = new CertificateRequest("CN=PSS Root", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        using X509Certificate2 certificate = request.CreateSelfSigned(NotBefore, NotAfter);
        DerCertificate parsed = DerCertificate.Parse(certificate.RawData);

        Assert.Equal("rsassaPss", parsed.SignatureAlgorithmName);
        Assert.True(SelfSignature.IsSelfSigned(parsed));
    }

    public static TheoryData<string, string[], string> OpenSslPssRoots => new()
    {
        // Description, openssl req arguments, what openssl x509 -text says of the PSS parameters.
        { "maximum salt, openssl's default", ["-sigopt", "rsa_pss_saltlen:max"], "Salt Length: 0xDE" },
        { "SHA-256, 32-octet salt", ["-sigopt", "rsa_pss_saltlen:32"], "Salt Length: 0x20" },
        { "SHA-384, 48-octet salt", ["-sha384", "-sigopt", "rsa_pss_saltlen:48"], "Salt Length: 0x30" },
        { "SHA-256 with MGF1 over SHA-1", ["-sigopt", "rsa_pss_saltlen:32", "-sigopt", "rsa_mgf1_md:sha1"], "Mask Algorithm: mgf1 with sha1" },
        { "no salt", ["-sigopt", "rsa_pss_saltlen:0"], "Salt Length: 0x00" },
    };

    [Theory]
    [MemberData(nameof(OpenSslPssRoots))]
    public void Self_signed_RSA_PSS_root_made_by_openssl_is_self_signed(string description, string[] sigopts, string parameters)
    {
        byte[] der = OpenSslCli.SelfSigned("/CN=PSS " + description, ["-newkey", "rsa:2048", "-sigopt", "rsa_padding_mode:pss", .. sigopts]);
        DerCertificate parsed = DerCertificate.Parse(der);

        Assert.Contains(parameters, OpenSslText(der), StringComparison.Ordinal);
        Assert.Equal("rsassaPss", parsed.SignatureAlgorithmName);
        Assert.True(SelfSignature.IsSelfSigned(parsed), description);
    }

    [Fact]
    public void RSA_PSS_root_with_a_corrupted_signature_is_not_self_signed()
    {
        byte[] der = OpenSslCli.SelfSigned("/CN=PSS Root", "-newkey", "rsa:2048", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:max");
        Assert.True(SelfSignature.IsSelfSigned(DerCertificate.Parse(der)));
        byte[] corrupted = [.. der];
        corrupted[^1] ^= 0x01;

        Assert.False(SelfSignature.IsSelfSigned(DerCertificate.Parse(corrupted)));
    }

    [Fact]
    public void Self_issued_RSA_PSS_certificate_signed_by_another_key_is_not_self_signed()
    {
        using RSA key = RSA.Create(2048);
        var name = new X500DistinguishedName("CN=PSS Rollover CA");
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        using X509Certificate2 certificate = request.Create(
            name, X509SignatureGenerator.CreateForRSA(TestPki.Shared.RootKey, RSASignaturePadding.Pss), NotBefore, NotAfter, [0x01]);
        DerCertificate parsed = DerCertificate.Parse(certificate.RawData);

        Assert.True(parsed.IsSelfIssued);
        Assert.False(SelfSignature.IsSelfSigned(parsed));
    }

    [Fact]
    public void RSA_PSS_root_whose_salt_does_not_fit_the_key_is_not_self_signed()
    {
        // The 222-octet salt (0x00DE) becomes 32767 octets (0x7FFF) in both copies of the
        // AlgorithmIdentifier: more than a 2048-bit key holds (RFC 8017 9.1.1 step 3), which is a
        // verdict of false, not an exception.
        byte[] der = OpenSslCli.SelfSigned("/CN=PSS Root", "-newkey", "rsa:2048", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:max");
        byte[] salt = [0xA2, 0x04, 0x02, 0x02, 0x00, 0xDE];
        byte[] hugeSalt = [0xA2, 0x04, 0x02, 0x02, 0x7F, 0xFF];
        int replaced = 0;
        for (int index = der.AsSpan().IndexOf(salt); index >= 0; index = der.AsSpan().IndexOf(salt))
        {
            hugeSalt.CopyTo(der, index);
            replaced++;
        }

        Assert.Equal(2, replaced);
        Assert.False(SelfSignature.IsSelfSigned(DerCertificate.Parse(der)));
    }

    [Fact]
    public void Ed25519_root_is_self_signed()
    {
        DerCertificate parsed = DerCertificate.Parse(BouncyCastleCertificates.SelfSigned("CN=Ed25519 Root", BouncyCastleCertificates.Ed25519Keys(), "Ed25519"));

        Assert.Equal(PublicKeyAlgorithm.Ed25519, parsed.PublicKeyAlgorithm);
        Assert.True(SelfSignature.IsSelfSigned(parsed));
    }

    [Fact]
    public void Ed448_root_is_self_signed()
    {
        DerCertificate parsed = DerCertificate.Parse(BouncyCastleCertificates.SelfSigned("CN=Ed448 Root", BouncyCastleCertificates.Ed448Keys(), "Ed448"));

        Assert.Equal(PublicKeyAlgorithm.Ed448, parsed.PublicKeyAlgorithm);
        Assert.True(SelfSignature.IsSelfSigned(parsed));
    }

    [Fact]
    public void Self_issued_Ed25519_certificate_signed_by_another_Ed25519_key_is_not_self_signed()
    {
        // The regression: without an authority key identifier, this used to count as self-signed unverified.
        AsymmetricCipherKeyPair keys = BouncyCastleCertificates.Ed25519Keys();
        AsymmetricCipherKeyPair otherKeys = BouncyCastleCertificates.Ed25519Keys();
        DerCertificate parsed = DerCertificate.Parse(BouncyCastleCertificates.Certificate("CN=Ed25519 CA", "CN=Ed25519 CA", keys.Public, otherKeys.Private, "Ed25519"));

        Assert.True(parsed.IsSelfIssued);
        Assert.True(parsed.AuthorityKeyIdentifier.IsEmpty);
        Assert.False(SelfSignature.IsSelfSigned(parsed));
    }

    [Fact]
    public void Self_issued_Ed448_certificate_signed_by_another_Ed448_key_is_not_self_signed()
    {
        AsymmetricCipherKeyPair keys = BouncyCastleCertificates.Ed448Keys();
        AsymmetricCipherKeyPair otherKeys = BouncyCastleCertificates.Ed448Keys();
        DerCertificate parsed = DerCertificate.Parse(BouncyCastleCertificates.Certificate("CN=Ed448 CA", "CN=Ed448 CA", keys.Public, otherKeys.Private, "Ed448"));

        Assert.True(parsed.IsSelfIssued);
        Assert.False(SelfSignature.IsSelfSigned(parsed));
    }

    [Fact]
    public void Ed25519_root_with_a_corrupted_signature_is_not_self_signed()
    {
        byte[] corrupted = BouncyCastleCertificates.SelfSigned("CN=Ed25519 Root", BouncyCastleCertificates.Ed25519Keys(), "Ed25519");
        corrupted[^1] ^= 0x01;

        Assert.False(SelfSignature.IsSelfSigned(DerCertificate.Parse(corrupted)));
    }

    [Fact]
    public void Root_whose_signature_cannot_be_verified_is_not_reported_self_signed()
    {
        // .NET has no SHA-224: the signature is not checked, so "self-signed" is not claimed.
        DerCertificate parsed = DerCertificate.Parse(BouncyCastleCertificates.SelfSigned("CN=SHA-224 Root", BouncyCastleCertificates.RsaKeys(), "SHA224WITHRSA"));

        Assert.Equal("sha224WithRSAEncryption", parsed.SignatureAlgorithmName);
        Assert.True(parsed.IsSelfIssued);
        Assert.False(SelfSignature.IsSelfSigned(parsed));
    }

    [Fact]
    public void Self_issued_certificate_whose_signature_algorithm_does_not_fit_its_key_is_not_self_signed()
    {
        // An EC key, signed by an RSA key under the same name (a rollover to a new algorithm).
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var name = new X500DistinguishedName("CN=Rollover CA");
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256);
        using X509Certificate2 certificate = request.Create(
            name, X509SignatureGenerator.CreateForRSA(TestPki.Shared.RootKey, RSASignaturePadding.Pkcs1), NotBefore, NotAfter, [0x01]);

        Assert.False(SelfSignature.IsSelfSigned(DerCertificate.Parse(certificate.RawData)));
    }

    private static string OpenSslText(byte[] der)
    {
        using var directory = new TempDirectory();
        return OpenSslCli.Run("x509", "-inform", "DER", "-in", directory.Write("cert.der", der), "-noout", "-text");
    }
}
