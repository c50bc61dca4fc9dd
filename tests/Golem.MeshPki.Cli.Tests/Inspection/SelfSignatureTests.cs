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
    public void Self_signed_RSA_PSS_root_is_self_signed()
    {
        using RSA key = RSA.Create(2048);
        var request = new CertificateRequest("CN=PSS Root", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        using X509Certificate2 certificate = request.CreateSelfSigned(NotBefore, NotAfter);
        DerCertificate parsed = DerCertificate.Parse(certificate.RawData);

        Assert.Equal("rsassaPss", parsed.SignatureAlgorithmName);
        Assert.True(SelfSignature.IsSelfSigned(parsed));
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
}
