using System.Security.Cryptography;
using Golem.MeshPki.Validation.Signatures;

namespace Golem.MeshPki.Tests.Validation.Signatures;

/// <summary>Tests of <see cref="SignatureAlgorithms.Classify"/>: the scheme and hash behind each signature algorithm name the core gives.</summary>
public class SignatureAlgorithmsTests
{
    [Theory]
    [InlineData("sha256WithRSAEncryption", "RsaPkcs1", "SHA256")]
    [InlineData("sha384WithRSAEncryption", "RsaPkcs1", "SHA384")]
    [InlineData("sha512WithRSAEncryption", "RsaPkcs1", "SHA512")]
    [InlineData("sha1WithRSAEncryption", "RsaPkcs1", "SHA1")]
    [InlineData("md5WithRSAEncryption", "RsaPkcs1", "MD5")]
    [InlineData("ecdsa-with-SHA1", "Ecdsa", "SHA1")]
    [InlineData("ecdsa-with-SHA256", "Ecdsa", "SHA256")]
    [InlineData("ecdsa-with-SHA384", "Ecdsa", "SHA384")]
    [InlineData("ecdsa-with-SHA512", "Ecdsa", "SHA512")]
    [InlineData("dsaWithSHA1", "Dsa", "SHA1")]
    [InlineData("dsa_with_SHA256", "Dsa", "SHA256")]
    [InlineData("rsassaPss", "RsaPss", null)]
    [InlineData("ED25519", "Ed25519", null)]
    [InlineData("ED448", "Ed448", null)]
    [InlineData("sha224WithRSAEncryption", "Unknown", null)]
    [InlineData("md2WithRSAEncryption", "Unknown", null)]
    [InlineData("1.3.6.1.4.1.55555.77", "Unknown", null)]
    [InlineData(null, "Unknown", null)]
    public void Names_are_classified_by_scheme_and_hash(string? name, string scheme, string? hash)
    {
        SignatureScheme actual = SignatureAlgorithms.Classify(name, out HashAlgorithmName actualHash);

        Assert.Equal(scheme, actual.ToString());
        Assert.Equal(hash, actualHash.Name);
    }

    [Theory]
    [InlineData("MD5", true)]
    [InlineData("SHA1", true)]
    [InlineData("SHA256", false)]
    [InlineData("SHA512", false)]
    public void MD5_and_SHA1_are_weak(string hash, bool weak)
    {
        Assert.Equal(weak, SignatureAlgorithms.IsWeak(new HashAlgorithmName(hash)));
    }
}
