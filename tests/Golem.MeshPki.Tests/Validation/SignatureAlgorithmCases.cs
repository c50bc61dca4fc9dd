using System.Security.Cryptography;
using Golem.MeshPki.Tests.TestCertificates;

namespace Golem.MeshPki.Tests.Validation;

/// <summary>
/// The issuer keys and signature algorithms the verifier must accept, by name so that theory cases are
/// serializable strings. Keys are generated once per run (RSA 3072 and the odd-sized RSA key take a while).
/// </summary>
internal static class SignatureAlgorithmCases
{
    private static readonly Lazy<SigningKey> LazyRsa3072 = new(() => SigningKey.From(TestKey.CreateRsa(3072)));
    private static readonly Lazy<SigningKey> LazyRsa1024 = new(() => SigningKey.From(TestKey.CreateRsa(1024)));
    private static readonly Lazy<SigningKey> LazyRsa2049 = new(() => SigningKey.NewRsa(2049));
    private static readonly Lazy<SigningKey> LazyP192 = new(() => SigningKey.NewEC("P-192"));
    private static readonly Lazy<SigningKey> LazySecp256k1 = new(() => SigningKey.NewEC("secp256k1"));
    private static readonly Lazy<SigningKey> LazyEd448 = new(() => SigningKey.Ed448(0x48));

    /// <summary>Issuer key and algorithm pairs that verify, named as the theory cases show them.</summary>
    public static TheoryData<string, string> Verifiable { get; } = new()
    {
        { "RSA 2048", "sha256WithRSAEncryption" },
        { "RSA 2048", "sha384WithRSAEncryption" },
        { "RSA 2048", "sha512WithRSAEncryption" },
        { "RSA 3072", "sha256WithRSAEncryption" },
        { "RSA 3072", "sha384WithRSAEncryption" },
        { "RSA 3072", "sha512WithRSAEncryption" },
        { "RSA 4096", "sha256WithRSAEncryption" },
        { "RSA 4096", "sha384WithRSAEncryption" },
        { "RSA 4096", "sha512WithRSAEncryption" },
        { "P-256", "ecdsa-with-SHA256" },
        { "P-256", "ecdsa-with-SHA384" },
        { "P-384", "ecdsa-with-SHA384" },
        { "P-521", "ecdsa-with-SHA512" },
        { "RSA 2048", "rsassaPss SHA-256 salt 32 (hash length)" },
        { "RSA 2048", "rsassaPss SHA-256 salt max" },
        { "RSA 2048", "rsassaPss SHA-256 salt 0" },
        { "RSA 3072", "rsassaPss SHA-384 salt 48 (hash length)" },
        { "RSA 4096", "rsassaPss SHA-512 salt 64 (hash length)" },
        { "RSA 4096", "rsassaPss SHA-512 salt max" },
        { "Ed25519", "Ed25519" },
        { "Ed448", "Ed448" },
    };

    /// <summary>A key by name: the shared <see cref="TestKeys"/> and the ones only these tests need.</summary>
    public static SigningKey Key(string name) => name switch
    {
        "RSA 1024" => LazyRsa1024.Value,
        "RSA 2049" => LazyRsa2049.Value,
        "RSA 3072" => LazyRsa3072.Value,
        "P-192" => LazyP192.Value,
        "secp256k1" => LazySecp256k1.Value,
        "Ed448" => LazyEd448.Value,
        _ => SigningKey.From(TestKeys.ByName(name)),
    };

    /// <summary>An algorithm by the name <see cref="Verifiable"/> gives it; "salt max" is the longest salt the key allows.</summary>
    public static TestSignatureAlgorithm Algorithm(string name, SigningKey key) => name switch
    {
        "sha1WithRSAEncryption" => TestSignatureAlgorithm.RsaPkcs1Sha1,
        "md5WithRSAEncryption" => TestSignatureAlgorithm.Md5WithRsa,
        "sha256WithRSAEncryption" => TestSignatureAlgorithm.RsaPkcs1Sha256,
        "sha384WithRSAEncryption" => TestSignatureAlgorithm.RsaPkcs1Sha384,
        "sha512WithRSAEncryption" => TestSignatureAlgorithm.RsaPkcs1Sha512,
        "ecdsa-with-SHA1" => TestSignatureAlgorithm.EcdsaSha1,
        "ecdsa-with-SHA256" => TestSignatureAlgorithm.EcdsaSha256,
        "ecdsa-with-SHA384" => TestSignatureAlgorithm.EcdsaSha384,
        "ecdsa-with-SHA512" => TestSignatureAlgorithm.EcdsaSha512,
        "rsassaPss SHA-256 salt 32 (hash length)" => TestSignatureAlgorithm.RsaPss(HashAlgorithmName.SHA256, 32),
        "rsassaPss SHA-256 salt 0" => TestSignatureAlgorithm.RsaPss(HashAlgorithmName.SHA256, 0),
        "rsassaPss SHA-256 salt max" => TestSignatureAlgorithm.RsaPss(HashAlgorithmName.SHA256, TestSignatureAlgorithm.MaximumPssSaltLength(key.RsaModulusBits, HashAlgorithmName.SHA256)),
        "rsassaPss SHA-384 salt 48 (hash length)" => TestSignatureAlgorithm.RsaPss(HashAlgorithmName.SHA384, 48),
        "rsassaPss SHA-512 salt 64 (hash length)" => TestSignatureAlgorithm.RsaPss(HashAlgorithmName.SHA512, 64),
        "rsassaPss SHA-512 salt max" => TestSignatureAlgorithm.RsaPss(HashAlgorithmName.SHA512, TestSignatureAlgorithm.MaximumPssSaltLength(key.RsaModulusBits, HashAlgorithmName.SHA512)),
        "rsassaPss SHA-1 default parameters" => TestSignatureAlgorithm.RsaPssSha1DefaultParameters,
        "Ed25519" => TestSignatureAlgorithm.Ed25519,
        "Ed448" => TestSignatureAlgorithm.Ed448,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown signature algorithm case."),
    };
}
