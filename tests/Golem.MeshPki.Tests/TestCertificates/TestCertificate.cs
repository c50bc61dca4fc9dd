using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.X509;
using BigInteger = Org.BouncyCastle.Math.BigInteger;
using X509Extension = System.Security.Cryptography.X509Certificates.X509Extension;

namespace Golem.MeshPki.Tests.TestCertificates;

/// <summary>
/// A certificate written by .NET or BouncyCastle from a <see cref="CertificateSpec"/>, with the
/// key that signed it so that an edited copy can be signed again (<see cref="Resign"/>).
/// </summary>
public sealed class TestCertificate
{
    private TestCertificate(byte[] der, CertificateSpec spec)
    {
        Der = der;
        Spec = spec;
    }

    /// <summary>The DER encoding.</summary>
    public byte[] Der { get; }

    public CertificateSpec Spec { get; }

    public TestKey Key => Spec.Key;

    public SignatureScheme Scheme => Spec.EffectiveScheme;

    /// <summary>Writes the certificate <paramref name="spec"/> describes.</summary>
    public static TestCertificate Issue(CertificateSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        // .NET's CertificateRequest signs with the subject's own key object; another issuer key goes through BouncyCastle.
        bool bouncyCastle = spec.Writer == CertificateWriter.BouncyCastle || spec.Version1 || spec.Key.Ed25519 is not null || spec.IssuerKey is not null;
        byte[] der = bouncyCastle ? IssueWithBouncyCastle(spec) : IssueWithDotNet(spec);
        return new TestCertificate(der, spec);
    }

    /// <summary>Shorthand for <see cref="Issue(CertificateSpec)"/> with only extensions changed.</summary>
    public static TestCertificate Issue(params X509Extension[] extensions) => Issue(new CertificateSpec { Extensions = extensions });

    /// <summary>A tree of this certificate's DER, to edit.</summary>
    public EditableCertificate Edit() => new(Der);

    /// <summary>Signs the edited TBS again with the key that signed this certificate, so the result is a validly signed certificate.</summary>
    /// <returns>The new DER; the tree's offsets describe it.</returns>
    public byte[] Resign(EditableCertificate edited)
    {
        ArgumentNullException.ThrowIfNull(edited);
        byte[] signature = Spec.SigningKey.Sign(edited.Tbs.Encode(), Scheme);
        edited.SignatureValue.Contents = [0x00, .. signature];
        return edited.Encode();
    }

    /// <summary>.NET's view of the certificate.</summary>
    public X509Certificate2 ToX509Certificate2() => X509CertificateLoader.LoadCertificate(Der);

    private static byte[] IssueWithDotNet(CertificateSpec spec)
    {
        SignatureScheme scheme = spec.EffectiveScheme;
        var subject = new X500DistinguishedName(spec.Subject);
        var issuer = new X500DistinguishedName(spec.Issuer ?? spec.Subject);
        HashAlgorithmName hash = TestKey.HashOf(scheme);
        CertificateRequest request;
        X509SignatureGenerator generator;
        if (spec.Key.Rsa is { } rsa)
        {
            RSASignaturePadding padding = scheme == SignatureScheme.RsaPssSha256 ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
            request = new CertificateRequest(subject, rsa, hash, padding);
            generator = X509SignatureGenerator.CreateForRSA(rsa, padding);
        }
        else
        {
            ECDsa ecdsa = spec.Key.ECDsa ?? throw new InvalidOperationException($"{spec.Key} needs the BouncyCastle writer.");
            request = new CertificateRequest(subject, ecdsa, hash);
            generator = X509SignatureGenerator.CreateForECDsa(ecdsa);
        }

        foreach (X509Extension extension in spec.Extensions)
        {
            request.CertificateExtensions.Add(extension);
        }

        using X509Certificate2 certificate = request.Create(issuer, generator, spec.NotBefore, spec.NotAfter, spec.SerialNumber);
        return certificate.RawData;
    }

    private static byte[] IssueWithBouncyCastle(CertificateSpec spec)
    {
        var signer = new Asn1SignatureFactory(TestKey.BouncyCastleAlgorithm(spec.EffectiveScheme), spec.SigningKey.BouncyCastle.Private);
        var serial = new BigInteger(1, spec.SerialNumber);
        X509Name subject = X509Name.GetInstance(Asn1Object.FromByteArray(spec.Subject));
        X509Name issuer = X509Name.GetInstance(Asn1Object.FromByteArray(spec.Issuer ?? spec.Subject));
        if (spec.Version1)
        {
            if (spec.Extensions.Count != 0)
            {
                throw new InvalidOperationException("A v1 certificate cannot carry extensions.");
            }

            var v1 = new X509V1CertificateGenerator();
            v1.SetSerialNumber(serial);
            v1.SetIssuerDN(issuer);
            v1.SetSubjectDN(subject);
            v1.SetNotBefore(spec.NotBefore.UtcDateTime);
            v1.SetNotAfter(spec.NotAfter.UtcDateTime);
            v1.SetPublicKey(spec.Key.BouncyCastle.Public);
            return v1.Generate(signer).GetEncoded();
        }

        var v3 = new X509V3CertificateGenerator();
        v3.SetSerialNumber(serial);
        v3.SetIssuerDN(issuer);
        v3.SetSubjectDN(subject);
        v3.SetNotBefore(spec.NotBefore.UtcDateTime);
        v3.SetNotAfter(spec.NotAfter.UtcDateTime);
        v3.SetPublicKey(spec.Key.BouncyCastle.Public);
        foreach (X509Extension extension in spec.Extensions)
        {
            v3.AddExtension(extension.Oid!.Value!, extension.Critical, Asn1Object.FromByteArray(extension.RawData));
        }

        return v3.Generate(signer).GetEncoded();
    }
}
