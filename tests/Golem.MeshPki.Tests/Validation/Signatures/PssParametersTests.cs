using System.Formats.Asn1;
using System.Security.Cryptography;
using Golem.MeshPki.Tests.TestCertificates;
using Golem.MeshPki.Validation.Signatures;

namespace Golem.MeshPki.Tests.Validation.Signatures;

/// <summary>Tests of <see cref="PssParameters"/>: RSASSA-PSS-params (RFC 4055 3.1) with their defaults, and what is refused.</summary>
public class PssParametersTests
{
    private const string RsassaPss = "1.2.840.113549.1.1.10";
    private const string Sha1 = "1.3.14.3.2.26";
    private const string Sha256 = "2.16.840.1.101.3.4.2.1";
    private const string Sha512 = "2.16.840.1.101.3.4.2.3";
    private const string Mgf1 = "1.2.840.113549.1.1.8";

    [Fact]
    public void Explicit_parameters_are_read()
    {
        PssParameters? parameters = PssParameters.Read(TestSignatureAlgorithm.RsaPss(HashAlgorithmName.SHA512, 64).Identifier);

        Assert.Equal(new PssParameters(Sha512, Sha512, 64), parameters);
    }

    [Fact]
    public void Empty_parameters_take_the_RFC_4055_defaults()
    {
        PssParameters? parameters = PssParameters.Read(TestSignatureAlgorithm.RsaPssSha1DefaultParameters.Identifier);

        Assert.Equal(new PssParameters(Sha1, Sha1, 20), parameters);
    }

    [Fact]
    public void Omitted_salt_length_is_20()
    {
        PssParameters? parameters = PssParameters.Read(TestSignatureAlgorithm.RsaPss(HashAlgorithmName.SHA256, 20).Identifier);

        Assert.Equal(new PssParameters(Sha256, Sha256, 20), parameters);
    }

    [Fact]
    public void Hash_with_absent_rather_than_NULL_parameters_is_read()
    {
        byte[] identifier = Der.Seq(Der.Oid(RsassaPss), Der.Seq(Der.Constructed(Der.ContextConstructed(0), Der.Seq(Der.Oid(Sha256)))));

        Assert.Equal(new PssParameters(Sha256, Sha1, 20), PssParameters.Read(identifier));
    }

    /// <summary>Parameters that are DER but name something the verifier does not verify; read as null.</summary>
    public static TheoryData<string, string> UnverifiableParameters => new()
    {
        { "absent", Convert.ToHexString(Der.Seq(Der.Oid(RsassaPss))) },
        { "negative salt", Convert.ToHexString(Pss(Der.Constructed(Der.ContextConstructed(2), Der.IntegerValue(-1)))) },
        { "trailer field 2", Convert.ToHexString(Pss(Der.Constructed(Der.ContextConstructed(3), Der.IntegerValue(2)))) },
        { "mask generation other than MGF1", Convert.ToHexString(Pss(Der.Constructed(Der.ContextConstructed(1), Der.Seq(Der.Oid(TestExtensions.PrivateArc + ".8"), Der.Seq(Der.Oid(Sha256)))))) },
        { "salt beyond Int32", Convert.ToHexString(Pss(Der.Constructed(Der.ContextConstructed(2), Der.IntegerValue(long.MaxValue)))) },
    };

    [Theory]
    [MemberData(nameof(UnverifiableParameters))]
    public void Parameters_the_verifier_cannot_use_read_as_null(string description, string identifierHex)
    {
        Assert.True(PssParameters.Read(Convert.FromHexString(identifierHex)) is null, description);
    }

    /// <summary>Encodings that are not RSASSA-PSS-params DER.</summary>
    public static TheoryData<string, string> MalformedParameters => new()
    {
        { "parameters not a SEQUENCE", Convert.ToHexString(Der.Seq(Der.Oid(RsassaPss), Der.NullValue())) },
        { "unknown field [4]", Convert.ToHexString(Pss(Der.Constructed(Der.ContextConstructed(4), Der.IntegerValue(1)))) },
        { "hash parameters not NULL", Convert.ToHexString(Pss(Der.Constructed(Der.ContextConstructed(0), Der.Seq(Der.Oid(Sha256), Der.IntegerValue(1))))) },
        { "trailing bytes after the identifier", Convert.ToHexString([.. Der.Seq(Der.Oid(RsassaPss), Der.Seq()), 0x05, 0x00]) },
    };

    [Theory]
    [MemberData(nameof(MalformedParameters))]
    public void Malformed_parameters_throw_AsnContentException(string description, string identifierHex)
    {
        Exception? thrown = Record.Exception(() => PssParameters.Read(Convert.FromHexString(identifierHex)));

        Assert.True(thrown is AsnContentException, $"{description}: expected AsnContentException, got {thrown?.GetType().Name ?? "nothing"}.");
    }

    private static byte[] Pss(params byte[][] fields) => Der.Seq(Der.Oid(RsassaPss), Der.Seq(fields));
}
