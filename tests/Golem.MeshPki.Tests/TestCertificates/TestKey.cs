using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace Golem.MeshPki.Tests.TestCertificates;

/// <summary>How a test certificate is signed: the algorithm its signatureAlgorithm names.</summary>
public enum SignatureScheme
{
    RsaPkcs1Sha256,
    RsaPkcs1Sha384,
    RsaPssSha256,
    EcdsaSha256,
    EcdsaSha384,
    EcdsaSha512,
    Ed25519,
}

/// <summary>
/// A key pair for test certificates: RSA and EC keys live in .NET (signing with
/// <see cref="CertificateRequest"/>), Ed25519 keys in BouncyCastle (.NET has no Ed25519).
/// Generated once per test run; see <see cref="TestKeys"/>.
/// </summary>
public sealed class TestKey
{
    private readonly Lazy<AsymmetricCipherKeyPair> _bouncyCastle;

    private TestKey(string name, RSA? rsa, ECDsa? ecdsa, Ed25519PrivateKeyParameters? ed25519)
    {
        Name = name;
        Rsa = rsa;
        ECDsa = ecdsa;
        Ed25519 = ed25519;
        _bouncyCastle = new Lazy<AsymmetricCipherKeyPair>(ToBouncyCastle);
    }

    /// <summary>E.g. <c>RSA 2048</c>, <c>P-256</c>, <c>Ed25519</c>.</summary>
    public string Name { get; }

    public RSA? Rsa { get; }

    public ECDsa? ECDsa { get; }

    public Ed25519PrivateKeyParameters? Ed25519 { get; }

    /// <summary>The key as BouncyCastle parameters, for <c>X509V3CertificateGenerator</c>.</summary>
    public AsymmetricCipherKeyPair BouncyCastle => _bouncyCastle.Value;

    /// <summary>The scheme a certificate signed by this key uses unless told otherwise.</summary>
    public SignatureScheme DefaultScheme => Rsa is not null ? SignatureScheme.RsaPkcs1Sha256
        : ECDsa is not null ? ECDsa.KeySize switch { 256 => SignatureScheme.EcdsaSha256, 384 => SignatureScheme.EcdsaSha384, _ => SignatureScheme.EcdsaSha512 }
        : SignatureScheme.Ed25519;

    public static TestKey CreateRsa(int bits) => new($"RSA {bits}", RSA.Create(bits), null, null);

    public static TestKey CreateEC(ECCurve curve, string name) => new(name, null, System.Security.Cryptography.ECDsa.Create(curve), null);

    /// <summary>An Ed25519 key from a fixed seed, so that its certificates are reproducible.</summary>
    public static TestKey CreateEd25519(byte seed)
    {
        byte[] privateKey = new byte[Ed25519PrivateKeyParameters.KeySize];
        Array.Fill(privateKey, seed);
        return new TestKey("Ed25519", null, null, new Ed25519PrivateKeyParameters(privateKey));
    }

    /// <summary>Signs <paramref name="data"/> as <paramref name="scheme"/> specifies (ECDSA signatures as the DER SEQUENCE X.509 uses).</summary>
    public byte[] Sign(byte[] data, SignatureScheme scheme) => scheme switch
    {
        SignatureScheme.RsaPkcs1Sha256 => Required(Rsa).SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        SignatureScheme.RsaPkcs1Sha384 => Required(Rsa).SignData(data, HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1),
        SignatureScheme.RsaPssSha256 => Required(Rsa).SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
        SignatureScheme.EcdsaSha256 => Required(ECDsa).SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence),
        SignatureScheme.EcdsaSha384 => Required(ECDsa).SignData(data, HashAlgorithmName.SHA384, DSASignatureFormat.Rfc3279DerSequence),
        SignatureScheme.EcdsaSha512 => Required(ECDsa).SignData(data, HashAlgorithmName.SHA512, DSASignatureFormat.Rfc3279DerSequence),
        _ => SignEd25519(data),
    };

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>The hash a scheme uses (SHA-512 for Ed25519's internal hash, for completeness).</summary>
    public static HashAlgorithmName HashOf(SignatureScheme scheme) => scheme switch
    {
        SignatureScheme.RsaPkcs1Sha384 or SignatureScheme.EcdsaSha384 => HashAlgorithmName.SHA384,
        SignatureScheme.EcdsaSha512 or SignatureScheme.Ed25519 => HashAlgorithmName.SHA512,
        _ => HashAlgorithmName.SHA256,
    };

    /// <summary>BouncyCastle's name for a scheme, for <c>Asn1SignatureFactory</c>.</summary>
    public static string BouncyCastleAlgorithm(SignatureScheme scheme) => scheme switch
    {
        SignatureScheme.RsaPkcs1Sha256 => "SHA256WITHRSA",
        SignatureScheme.RsaPkcs1Sha384 => "SHA384WITHRSA",
        SignatureScheme.RsaPssSha256 => "SHA256WITHRSAANDMGF1",
        SignatureScheme.EcdsaSha256 => "SHA256WITHECDSA",
        SignatureScheme.EcdsaSha384 => "SHA384WITHECDSA",
        SignatureScheme.EcdsaSha512 => "SHA512WITHECDSA",
        _ => "Ed25519",
    };

    private byte[] SignEd25519(byte[] data)
    {
        var signer = new Ed25519Signer();
        signer.Init(forSigning: true, Required(Ed25519));
        signer.BlockUpdate(data, 0, data.Length);
        return signer.GenerateSignature();
    }

    private AsymmetricCipherKeyPair ToBouncyCastle()
    {
        if (Ed25519 is not null)
        {
            return new AsymmetricCipherKeyPair(Ed25519.GeneratePublicKey(), Ed25519);
        }

        AsymmetricAlgorithm key = Rsa is not null ? Rsa : Required(ECDsa);
        return new AsymmetricCipherKeyPair(
            PublicKeyFactory.CreateKey(key.ExportSubjectPublicKeyInfo()),
            PrivateKeyFactory.CreateKey(key.ExportPkcs8PrivateKey()));
    }

    private T Required<T>(T? key)
        where T : class => key ?? throw new InvalidOperationException($"The {Name} key cannot sign with this scheme.");
}

/// <summary>The keys tests share, each generated on first use (RSA 4096 takes a while: once per run).</summary>
public static class TestKeys
{
    private static readonly Lazy<TestKey> LazyRsa2048 = new(() => TestKey.CreateRsa(2048));
    private static readonly Lazy<TestKey> LazyRsa4096 = new(() => TestKey.CreateRsa(4096));
    private static readonly Lazy<TestKey> LazyP256 = new(() => TestKey.CreateEC(ECCurve.NamedCurves.nistP256, "P-256"));
    private static readonly Lazy<TestKey> LazyP384 = new(() => TestKey.CreateEC(ECCurve.NamedCurves.nistP384, "P-384"));
    private static readonly Lazy<TestKey> LazyP521 = new(() => TestKey.CreateEC(ECCurve.NamedCurves.nistP521, "P-521"));
    private static readonly Lazy<TestKey> LazyEd25519 = new(() => TestKey.CreateEd25519(0x42));

    public static TestKey Rsa2048 => LazyRsa2048.Value;

    public static TestKey Rsa4096 => LazyRsa4096.Value;

    public static TestKey P256 => LazyP256.Value;

    public static TestKey P384 => LazyP384.Value;

    public static TestKey P521 => LazyP521.Value;

    public static TestKey Ed25519 => LazyEd25519.Value;

    /// <summary>A key by name, for table-driven tests whose cases must be serializable strings.</summary>
    public static TestKey ByName(string name) => name switch
    {
        "RSA 2048" => Rsa2048,
        "RSA 4096" => Rsa4096,
        "P-256" => P256,
        "P-384" => P384,
        "P-521" => P521,
        "Ed25519" => Ed25519,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown test key."),
    };
}
