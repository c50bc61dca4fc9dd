using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Golem.MeshPki.Cli.Tests.TestSupport;

/// <summary>
/// Keys and certificates that .NET cannot make (Ed25519, Ed448, SHA-224 signatures), made with
/// BouncyCastle, valid 2025-01-01..2035-01-01.
/// </summary>
internal static class BouncyCastleCertificates
{
    /// <summary>A new Ed25519 key pair.</summary>
    /// <returns>The keys.</returns>
    public static AsymmetricCipherKeyPair Ed25519Keys()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        return generator.GenerateKeyPair();
    }

    /// <summary>A new Ed448 key pair.</summary>
    /// <returns>The keys.</returns>
    public static AsymmetricCipherKeyPair Ed448Keys()
    {
        var generator = new Ed448KeyPairGenerator();
        generator.Init(new Ed448KeyGenerationParameters(new SecureRandom()));
        return generator.GenerateKeyPair();
    }

    /// <summary>A new 2048-bit RSA key pair.</summary>
    /// <returns>The keys.</returns>
    public static AsymmetricCipherKeyPair RsaKeys()
    {
        var generator = new RsaKeyPairGenerator();
        generator.Init(new KeyGenerationParameters(new SecureRandom(), 2048));
        return generator.GenerateKeyPair();
    }

    /// <summary>A CA certificate for <paramref name="publicKey"/>, signed with <paramref name="signingKey"/>.</summary>
    /// <param name="subject">The subject, e.g. <c>CN=Ed25519 Root</c>.</param>
    /// <param name="issuer">The issuer; equal to <paramref name="subject"/> for a self-issued certificate.</param>
    /// <param name="publicKey">The subject's public key.</param>
    /// <param name="signingKey">The issuer's private key.</param>
    /// <param name="signatureAlgorithm">BouncyCastle's name for the signature algorithm: <c>Ed25519</c>, <c>Ed448</c>, <c>SHA224WITHRSA</c>.</param>
    /// <returns>The DER.</returns>
    public static byte[] Certificate(string subject, string issuer, AsymmetricKeyParameter publicKey, AsymmetricKeyParameter signingKey, string signatureAlgorithm)
    {
        var builder = new X509V3CertificateGenerator();
        builder.SetSerialNumber(BigInteger.One);
        builder.SetIssuerDN(new X509Name(issuer));
        builder.SetSubjectDN(new X509Name(subject));
        builder.SetNotBefore(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        builder.SetNotAfter(new DateTime(2035, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        builder.SetPublicKey(publicKey);
        builder.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(true));
        return builder.Generate(new Asn1SignatureFactory(signatureAlgorithm, signingKey)).GetEncoded();
    }

    /// <summary>A self-signed CA certificate.</summary>
    /// <param name="subject">The subject and issuer.</param>
    /// <param name="keys">The key pair.</param>
    /// <param name="signatureAlgorithm">BouncyCastle's name for the signature algorithm.</param>
    /// <returns>The DER.</returns>
    public static byte[] SelfSigned(string subject, AsymmetricCipherKeyPair keys, string signatureAlgorithm) =>
        Certificate(subject, subject, keys.Public, keys.Private, signatureAlgorithm);

    /// <summary>The private key as a PKCS #8 <c>PRIVATE KEY</c> PEM block, as <c>openssl genpkey</c> writes it.</summary>
    /// <param name="privateKey">The key.</param>
    /// <returns>The PEM text.</returns>
    public static string Pkcs8Pem(AsymmetricKeyParameter privateKey) =>
        new(PemEncoding.Write("PRIVATE KEY", PrivateKeyInfoFactory.CreatePrivateKeyInfo(privateKey).GetDerEncoded()));

    /// <summary>The certificate as a <c>CERTIFICATE</c> PEM block.</summary>
    /// <param name="der">The DER.</param>
    /// <returns>The PEM text.</returns>
    public static string CertificatePem(byte[] der) => new(PemEncoding.Write("CERTIFICATE", der));
}
