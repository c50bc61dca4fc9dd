using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Cli.Inspection;
using Golem.MeshPki.Cli.Tests.TestSupport;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

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
    public void Ed25519_root_falls_back_to_the_key_identifiers()
    {
        // .NET cannot verify Ed25519: self-issued without an authority key identifier counts as self-signed.
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var keys = generator.GenerateKeyPair();
        var builder = new X509V3CertificateGenerator();
        var name = new X509Name("CN=Ed25519 Root");
        builder.SetSerialNumber(BigInteger.One);
        builder.SetIssuerDN(name);
        builder.SetSubjectDN(name);
        builder.SetNotBefore(NotBefore.UtcDateTime);
        builder.SetNotAfter(NotAfter.UtcDateTime);
        builder.SetPublicKey((Ed25519PublicKeyParameters)keys.Public);
        builder.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(true));
        Org.BouncyCastle.X509.X509Certificate certificate = builder.Generate(new Asn1SignatureFactory("Ed25519", keys.Private));

        DerCertificate parsed = DerCertificate.Parse(certificate.GetEncoded());

        Assert.Equal(PublicKeyAlgorithm.Ed25519, parsed.PublicKeyAlgorithm);
        Assert.True(SelfSignature.IsSelfSigned(parsed));
    }
}
