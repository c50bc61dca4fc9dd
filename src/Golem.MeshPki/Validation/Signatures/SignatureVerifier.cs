using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Golem.MeshPki.Certificates;

namespace Golem.MeshPki.Validation.Signatures;

/// <summary>
/// Verifies certificate and CRL signatures with the issuer's key, importing each issuer key once
/// (keyed by its SubjectPublicKeyInfo bytes) and remembering each certificate/issuer verdict, so that a
/// path builder that meets the same link twice pays for it once.
/// </summary>
/// <remarks>Not thread-safe: use one instance per thread (the imported key objects are not shared).</remarks>
internal sealed class SignatureVerifier : IDisposable
{
    private readonly Dictionary<ReadOnlyMemory<byte>, IssuerKey> _keys = new(ByteContentComparer.Instance);
    private readonly Dictionary<(DerCertificate Subject, DerCertificate Issuer), SignatureStatus> _verdicts = [];

    /// <summary>How many signatures were actually verified (not answered from the verdict cache).</summary>
    public int VerificationCount { get; private set; }

    /// <summary>Verifies that <paramref name="issuer"/>'s key signed <paramref name="certificate"/>.</summary>
    public SignatureStatus Verify(DerCertificate certificate, DerCertificate issuer)
    {
        ref SignatureStatus verdict = ref CollectionsMarshal.GetValueRefOrAddDefault(_verdicts, (certificate, issuer), out bool known);
        if (!known)
        {
            verdict = VerifySignedData(issuer, certificate.SignatureAlgorithm.FriendlyName, certificate.EncodedSignatureAlgorithm, certificate.TbsCertificate.Span, certificate.Signature.Span);
        }

        return verdict;
    }

    /// <summary>Verifies a signature made by <paramref name="issuer"/>'s key over <paramref name="signedData"/> (a CRL's TBSCertList).</summary>
    /// <param name="issuer">The certificate whose key signed.</param>
    /// <param name="algorithmName">The signature algorithm's friendly name (<see cref="ObjectIdentifier.FriendlyName"/>).</param>
    /// <param name="encodedAlgorithm">The signature's AlgorithmIdentifier DER (PSS reads its parameters).</param>
    /// <param name="signedData">The signed bytes.</param>
    /// <param name="signature">The signature value.</param>
    public SignatureStatus VerifySignedData(DerCertificate issuer, string? algorithmName, ReadOnlyMemory<byte> encodedAlgorithm, ReadOnlySpan<byte> signedData, ReadOnlySpan<byte> signature)
    {
        SignatureScheme scheme = SignatureAlgorithms.Classify(algorithmName, out HashAlgorithmName hash);
        if (scheme == SignatureScheme.Unknown)
        {
            return SignatureStatus.Unsupported;
        }

        IssuerKey key = GetKey(issuer);
        VerificationCount++;
        return key.Verify(scheme, hash, encodedAlgorithm, signedData, signature);
    }

    /// <summary>Why <paramref name="issuer"/>'s key cannot verify anything, or null when it can be used.</summary>
    public string? GetUnusableKeyReason(DerCertificate issuer) => GetKey(issuer) is IssuerKey.Unusable unusable ? unusable.Reason : null;

    public void Dispose()
    {
        foreach (IssuerKey key in _keys.Values)
        {
            key.Dispose();
        }

        _keys.Clear();
    }

    private IssuerKey GetKey(DerCertificate issuer)
    {
        ref IssuerKey? key = ref CollectionsMarshal.GetValueRefOrAddDefault(_keys, issuer.SubjectPublicKeyInfo, out _);
        return key ??= IssuerKey.Import(issuer);
    }
}
