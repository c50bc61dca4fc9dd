using System.Security.Cryptography;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Tests.TestCertificates;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Golem.MeshPki.Tests.Certificates;

/// <summary><see cref="PrivateKeyIdentity"/>: what a private key is, and which certificate it belongs to, from any encoding.</summary>
public sealed class PrivateKeyIdentityTests
{
    private const string RsaPssOid = "1.2.840.113549.1.1.10";

    [Fact]
    public void RsaKey_MatchesACertificateWhoseKeyIsWrittenAsRsassaPss()
    {
        // RFC 4055 1.2: one RSA key may be written as rsaEncryption or id-RSASSA-PSS; the RSAPublicKey is the same.
        TestCertificate certificate = TestCertificate.Issue(new CertificateSpec { Key = TestKeys.Rsa2048 });
        EditableCertificate edit = certificate.Edit();
        edit.Replace(edit.SubjectPublicKeyInfo[0], DerNode.Parse(Der.Seq(Der.Oid(RsaPssOid))));
        DerCertificate pss = DerCertificate.Parse(edit.Encode());
        Assert.Equal(PublicKeyAlgorithm.RsaPss, pss.PublicKeyAlgorithm);

        PrivateKeyIdentity key = Read("RSA PRIVATE KEY", TestKeys.Rsa2048.Rsa!.ExportRSAPrivateKey());

        Assert.Equal(KeyMatch.Matches, key.MatchesCertificate(pss));
        Assert.Equal(KeyMatch.Matches, key.MatchesCertificate(DerCertificate.Parse(certificate.Der)));
    }

    [Fact]
    public void RsassaPssPkcs8Key_IsReadAsPkcs1Inside_AndMatchesAnRsaEncryptionCertificate()
    {
        // .NET does not import id-RSASSA-PSS PKCS #8; its privateKey is a PKCS #1 RSAPrivateKey (RFC 4055 1.2).
        byte[] pkcs8 = Der.Seq(Der.IntegerValue(0), Der.Seq(Der.Oid(RsaPssOid)), Der.Octets(TestKeys.Rsa2048.Rsa!.ExportRSAPrivateKey()));

        PrivateKeyIdentity key = Read("PRIVATE KEY", pkcs8);

        Assert.Equal(PublicKeyAlgorithm.RsaPss, key.Algorithm);
        Assert.Equal(RsaPssOid, key.AlgorithmOid);
        Assert.Equal(KeyMatch.Matches, key.MatchesCertificate(Certificate(TestKeys.Rsa2048)));
        Assert.Equal(KeyMatch.DoesNotMatch, key.MatchesCertificate(Certificate(TestKeys.P256)));
    }

    [Fact]
    public void EcKey_MatchesACertificateWithTheCompressedPoint_OfTheRightParity()
    {
        ECParameters parameters = TestKeys.P256.ECDsa!.ExportParameters(includePrivateParameters: false);
        byte prefix = (byte)(0x02 | (parameters.Q.Y![^1] & 1));
        PrivateKeyIdentity key = Read("EC PRIVATE KEY", TestKeys.P256.ECDsa.ExportECPrivateKey());

        Assert.Equal(KeyMatch.Matches, key.MatchesCertificate(WithPublicKey(TestKeys.P256, [prefix, .. parameters.Q.X!])));
        Assert.Equal(KeyMatch.DoesNotMatch, key.MatchesCertificate(WithPublicKey(TestKeys.P256, [(byte)(prefix ^ 1), .. parameters.Q.X!])));
    }

    [Fact]
    public void EcKey_DoesNotMatchItsPointOnAnotherNamedCurve()
    {
        TestCertificate certificate = TestCertificate.Issue(new CertificateSpec { Key = TestKeys.P256 });
        EditableCertificate edit = certificate.Edit();
        edit.Replace(edit.SubjectPublicKeyInfo[0], DerNode.Parse(Der.Seq(Der.Oid("1.2.840.10045.2.1"), Der.Oid("1.3.132.0.34"))));
        DerCertificate onP384 = DerCertificate.Parse(edit.Encode());
        Assert.Equal("P-384", onP384.CurveName);

        PrivateKeyIdentity key = Read("PRIVATE KEY", TestKeys.P256.ECDsa!.ExportPkcs8PrivateKey());

        Assert.Equal(KeyMatch.DoesNotMatch, key.MatchesCertificate(onP384));
        Assert.Equal(KeyMatch.Matches, key.MatchesCertificate(DerCertificate.Parse(certificate.Der)));
    }

    [Fact]
    public void Ed448Key_MatchesItsCertificate()
    {
        var generator = new Ed448KeyPairGenerator();
        generator.Init(new Ed448KeyGenerationParameters(new SecureRandom()));
        AsymmetricCipherKeyPair keys = generator.GenerateKeyPair();
        DerCertificate certificate = BouncyCastleSelfSigned(keys, "Ed448");

        PrivateKeyIdentity key = Read("PRIVATE KEY", PrivateKeyInfoFactory.CreatePrivateKeyInfo(keys.Private).GetEncoded());

        Assert.Equal(PublicKeyAlgorithm.Ed448, key.Algorithm);
        Assert.Equal("1.3.101.113", key.AlgorithmOid);
        Assert.Equal(KeyMatch.Matches, key.MatchesCertificate(certificate));
        Assert.Equal(KeyMatch.DoesNotMatch, key.MatchesCertificate(Certificate(TestKeys.Ed25519)));
    }

    [Fact]
    public void DsaPkcs8Key_MatchesItsCertificate()
    {
        using var dsa = DSA.Create(1024);
        var keys = new AsymmetricCipherKeyPair(
            PublicKeyFactory.CreateKey(dsa.ExportSubjectPublicKeyInfo()),
            PrivateKeyFactory.CreateKey(dsa.ExportPkcs8PrivateKey()));
        DerCertificate certificate = BouncyCastleSelfSigned(keys, "SHA256WITHDSA");

        PrivateKeyIdentity key = Read("PRIVATE KEY", dsa.ExportPkcs8PrivateKey());

        Assert.Equal(PublicKeyAlgorithm.Dsa, key.Algorithm);
        Assert.Equal(KeyMatch.Matches, key.MatchesCertificate(certificate));
        Assert.Equal(KeyMatch.DoesNotMatch, key.MatchesCertificate(Certificate(TestKeys.Rsa2048)));
    }

    [Fact]
    public void Pkcs8KeyOfAnUnsupportedAlgorithm_KeepsItsOid_AndMatchesUnknown()
    {
        var x25519 = new X25519PrivateKeyParameters(new SecureRandom());

        PrivateKeyIdentity key = Read("PRIVATE KEY", PrivateKeyInfoFactory.CreatePrivateKeyInfo(x25519).GetEncoded());

        Assert.Equal(PublicKeyAlgorithm.Unknown, key.Algorithm);
        Assert.Equal("1.3.101.110", key.AlgorithmOid);
        Assert.False(key.IsEncrypted);
        Assert.Equal("the key algorithm is not supported", key.UnknownReason);
        Assert.Equal(KeyMatch.Unknown, key.MatchesCertificate(Certificate(TestKeys.P256)));
        Assert.Equal("unknown private key", key.ToString());
    }

    [Theory]
    [InlineData("PRIVATE KEY")]
    [InlineData("RSA PRIVATE KEY")]
    [InlineData("EC PRIVATE KEY")]
    public void KeyWithTrailingBytes_IsNotAValidKey(string label)
    {
        byte[] der = label switch
        {
            "PRIVATE KEY" => TestKeys.P256.ECDsa!.ExportPkcs8PrivateKey(),
            "RSA PRIVATE KEY" => TestKeys.Rsa2048.Rsa!.ExportRSAPrivateKey(),
            _ => TestKeys.P256.ECDsa!.ExportECPrivateKey(),
        };
        PemBlock block = Assert.Single(PemReader.ReadAll(PemEncoding.WriteString(label, [.. der, 0x00, 0x00])));

        Assert.False(PrivateKeyIdentity.TryRead(block, out PrivateKeyIdentity? identity));
        Assert.Null(identity);
    }

    [Fact]
    public void TryReadDer_ReadsPkcs8Pkcs1AndSec1_WithoutALabel()
    {
        Assert.True(PrivateKeyIdentity.TryReadDer(TestKeys.P384.ECDsa!.ExportPkcs8PrivateKey(), out PrivateKeyIdentity? pkcs8));
        Assert.True(PrivateKeyIdentity.TryReadDer(TestKeys.Rsa2048.Rsa!.ExportRSAPrivateKey(), out PrivateKeyIdentity? pkcs1));
        Assert.True(PrivateKeyIdentity.TryReadDer(TestKeys.P256.ECDsa!.ExportECPrivateKey(), out PrivateKeyIdentity? sec1));
        Assert.False(PrivateKeyIdentity.TryReadDer(new byte[] { 0x30, 0x03, 0x02, 0x01, 0x00 }, out _));

        Assert.Equal((PublicKeyAlgorithm.EC, "1.2.840.10045.2.1"), (pkcs8!.Algorithm, pkcs8.AlgorithmOid));
        Assert.Equal((PublicKeyAlgorithm.Rsa, "1.2.840.113549.1.1.1"), (pkcs1!.Algorithm, pkcs1.AlgorithmOid));
        Assert.Equal(KeyMatch.Matches, sec1!.MatchesCertificate(Certificate(TestKeys.P256)));
    }

    [Fact]
    public void EncryptedKey_IsIdentifiedWithoutBeingRead()
    {
        string pem = TestKeys.P256.ECDsa!.ExportEncryptedPkcs8PrivateKeyPem("changeit", new PbeParameters(PbeEncryptionAlgorithm.Aes128Cbc, HashAlgorithmName.SHA256, 10));

        Assert.True(PrivateKeyIdentity.TryRead(Assert.Single(PemReader.ReadAll(pem)), out PrivateKeyIdentity? key));

        Assert.True(key.IsEncrypted);
        Assert.Null(key.AlgorithmOid);
        Assert.Equal(KeyMatch.Unknown, key.MatchesCertificate(Certificate(TestKeys.P256)));
        Assert.Equal("encrypted private key", key.ToString());
    }

    [Fact]
    public void TryRead_OfABlockThatIsNotAKey_IsMisuse()
    {
        PemBlock certificate = Assert.Single(PemReader.ReadAll(PemEncoding.WriteString("CERTIFICATE", TestCertificate.Issue(new CertificateSpec()).Der)));

        Assert.Throws<ArgumentException>(() => PrivateKeyIdentity.TryRead(certificate, out _));
        Assert.Throws<ArgumentNullException>(() => Read("EC PRIVATE KEY", TestKeys.P256.ECDsa!.ExportECPrivateKey()).MatchesCertificate(null!));
    }

    private static PrivateKeyIdentity Read(string label, byte[] der)
    {
        PemBlock block = Assert.Single(PemReader.ReadAll(PemEncoding.WriteString(label, der)));
        Assert.True(PrivateKeyIdentity.TryRead(block, out PrivateKeyIdentity? identity));
        return identity;
    }

    private static DerCertificate Certificate(TestKey key) => DerCertificate.Parse(TestCertificate.Issue(new CertificateSpec { Key = key }).Der);

    /// <summary>A certificate of <paramref name="key"/> whose subjectPublicKey is replaced (the signature is not checked here).</summary>
    private static DerCertificate WithPublicKey(TestKey key, byte[] subjectPublicKey)
    {
        EditableCertificate edit = TestCertificate.Issue(new CertificateSpec { Key = key }).Edit();
        edit.Replace(edit.SubjectPublicKeyInfo[1], DerNode.Parse(Der.Bits(subjectPublicKey)));
        return DerCertificate.Parse(edit.Encode());
    }

    private static DerCertificate BouncyCastleSelfSigned(AsymmetricCipherKeyPair keys, string algorithm)
    {
        var generator = new X509V3CertificateGenerator();
        var name = new X509Name("CN=Golem Test Key");
        generator.SetSerialNumber(BigInteger.One);
        generator.SetIssuerDN(name);
        generator.SetSubjectDN(name);
        generator.SetNotBefore(CertificateSpec.DefaultNotBefore.UtcDateTime);
        generator.SetNotAfter(CertificateSpec.DefaultNotAfter.UtcDateTime);
        generator.SetPublicKey(keys.Public);
        return DerCertificate.Parse(generator.Generate(new Asn1SignatureFactory(algorithm, keys.Private)).GetEncoded());
    }
}
