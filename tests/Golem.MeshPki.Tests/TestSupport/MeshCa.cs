using System.Security.Cryptography;
using System.Text;
using Golem.MeshPki.Tests.TestCertificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.X509;
using BigInteger = Org.BouncyCastle.Math.BigInteger;
using X509Extension = System.Security.Cryptography.X509Certificates.X509Extension;

namespace Golem.MeshPki.Tests.TestSupport;

/// <summary>
/// A certificate of a test mesh PKI, issued by BouncyCastle from a <see cref="CaCertificateSpec"/> and signed by its
/// issuer's key (unlike <see cref="TestCertificate"/>, whose certificates sign themselves), with its key.
/// </summary>
public sealed class MeshCa
{
    private MeshCa(byte[] der, byte[] subjectName, TestKey key)
    {
        Der = der;
        SubjectName = subjectName;
        Key = key;
        KeyIdentifier = TestExtensions.KeyIdentifierOf(key);
    }

    /// <summary>The DER encoding.</summary>
    public byte[] Der { get; }

    /// <summary>The subject Name's DER.</summary>
    public byte[] SubjectName { get; }

    /// <summary>The subject key.</summary>
    public TestKey Key { get; }

    /// <summary>The subjectKeyIdentifier (RFC 5280 4.2.1.2 method 1).</summary>
    public byte[] KeyIdentifier { get; }

    /// <summary>The certificate as a PEM <c>CERTIFICATE</c> block.</summary>
    public string Pem => PemEncoding.WriteString("CERTIFICATE", Der) + "\n";

    /// <summary>The SHA-256 fingerprint as uppercase hex without separators.</summary>
    public string Sha256Fingerprint => Convert.ToHexString(SHA256.HashData(Der));

    /// <summary>The subject key as an unencrypted PKCS #8 <c>PRIVATE KEY</c> block.</summary>
    public string PrivateKeyPem => KeyPem(Key);

    /// <summary>The subject as RFC 4514 writes it (and <see cref="Golem.MeshPki.Certificates.DistinguishedName"/> prints it).</summary>
    public string Subject { get; private init; } = string.Empty;

    /// <summary>A key as an unencrypted PKCS #8 <c>PRIVATE KEY</c> block.</summary>
    public static string KeyPem(TestKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return (key.Rsa is { } rsa ? rsa.ExportPkcs8PrivateKeyPem() : key.ECDsa!.ExportPkcs8PrivateKeyPem()) + "\n";
    }

    /// <summary>A self-signed root.</summary>
    public static MeshCa Root(CaCertificateSpec spec) => Issue(spec, issuer: null);

    /// <summary>A certificate issued by <paramref name="issuer"/> (self-signed when null).</summary>
    public static MeshCa Issue(CaCertificateSpec spec, MeshCa? issuer)
    {
        ArgumentNullException.ThrowIfNull(spec);
        byte[] subjectName = Name(spec.CommonName);
        TestKey signingKey = spec.SigningKey ?? issuer?.Key ?? spec.Key;
        string algorithm = spec.SignatureAlgorithm ?? TestKey.BouncyCastleAlgorithm(signingKey.DefaultScheme);
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(new BigInteger(1, SHA256.HashData(Encoding.UTF8.GetBytes(spec.CommonName + spec.NotAfter.ToUnixTimeSeconds()))[..12]));
        generator.SetIssuerDN(X509Name.GetInstance(Asn1Object.FromByteArray(issuer?.SubjectName ?? subjectName)));
        generator.SetSubjectDN(X509Name.GetInstance(Asn1Object.FromByteArray(subjectName)));
        generator.SetNotBefore(spec.NotBefore.UtcDateTime);
        generator.SetNotAfter(spec.NotAfter.UtcDateTime);
        generator.SetPublicKey(spec.Key.BouncyCastle.Public);

        var extensions = new List<X509Extension>();
        if (spec.HasBasicConstraints)
        {
            extensions.Add(TestExtensions.BasicConstraints(spec.IsCertificateAuthority, spec.PathLength));
        }

        if (spec.KeyUsage is { } usage)
        {
            extensions.Add(TestExtensions.KeyUsage(usage));
        }

        extensions.Add(TestExtensions.SubjectKeyIdentifier(TestExtensions.KeyIdentifierOf(spec.Key)));
        if (issuer is not null)
        {
            extensions.Add(TestExtensions.AuthorityKeyIdentifier(issuer.KeyIdentifier));
        }

        extensions.AddRange(spec.ExtraExtensions);
        foreach (X509Extension extension in extensions)
        {
            generator.AddExtension(extension.Oid!.Value!, extension.Critical, Asn1Object.FromByteArray(extension.RawData));
        }

        byte[] der = generator.Generate(new Asn1SignatureFactory(algorithm, signingKey.BouncyCastle.Private)).GetEncoded();
        return new MeshCa(der, subjectName, spec.Key) { Subject = $"CN={spec.CommonName},O=Golem Bank" };
    }

    private static byte[] Name(string commonName) =>
        TestCertificates.Der.SimpleName(("2.5.4.10", TestCertificates.Der.Utf8("Golem Bank")), ("2.5.4.3", TestCertificates.Der.Utf8(commonName)));
}
