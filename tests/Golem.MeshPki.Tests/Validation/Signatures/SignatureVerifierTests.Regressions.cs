using Golem.MeshPki.Tests.TestCertificates;
using Golem.MeshPki.Validation.Signatures;

namespace Golem.MeshPki.Tests.Validation.Signatures;

/// <summary>Bugs found while writing these tests, pinned by tests named after them; they fail until the verifier is fixed.</summary>
public partial class SignatureVerifierTests
{
    [Fact]
    public void Issuer_key_the_platform_cannot_import_is_unusable_not_an_exception_and_never_valid()
    {
        // .NET throws PlatformNotSupportedException for a named curve it does not implement; IssuerKey.Import
        // catches only CryptographicException, AsnContentException and ArgumentException. The verdict slot was
        // already added with default(SignatureStatus), which is Valid, so the second call answers Valid.
        byte[] point = DerNode.Parse(SigningKey.From(TestKeys.P256).SubjectPublicKeyInfo)[1].Contents[1..];
        byte[] spki = Der.Seq(Der.Seq(Der.Oid("1.2.840.10045.2.1"), Der.Oid(TestExtensions.PrivateArc + ".2")), Der.Bits(point));
        ChainCertificate issuer = TestPki.Root("Issuer", new CertificateOptions { Edit = e => e.Replace(e.SubjectPublicKeyInfo, DerNode.Parse(spki)) });
        ChainCertificate forged = TestPki.Leaf("workload", issuer, new CertificateOptions { SignedBy = SigningKey.NewP256() });
        var verifier = new SignatureVerifier();

        SignatureStatus? first = null;
        Exception? thrown = Record.Exception(() => first = verifier.Verify(forged.Certificate, issuer.Certificate));
        SignatureStatus second = verifier.Verify(forged.Certificate, issuer.Certificate);

        Assert.NotEqual(SignatureStatus.Valid, second);
        Assert.True(thrown is null, $"Verify threw {thrown?.GetType().Name}: {thrown?.Message}");
        Assert.Equal(SignatureStatus.Unsupported, first);
        Assert.NotNull(verifier.GetUnusableKeyReason(issuer.Certificate));
        Assert.Null(Record.Exception(verifier.Dispose));
    }
}
