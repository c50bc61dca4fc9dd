using System.Security.Cryptography;
using Golem.MeshPki.Certificates;

namespace Golem.MeshPki.Validation.Signatures;

/// <summary>
/// Verifies certificate and CRL signatures with the issuer's key, importing each issuer key once (keyed by its
/// SubjectPublicKeyInfo bytes): importing costs more than verifying (issue 3's measurements).
/// </summary>
/// <remarks>
/// Not thread-safe: use one instance per thread (the imported key objects are not shared). At most
/// <see cref="MaximumCachedKeys"/> keys are kept; past that the cache starts again, so a long-lived validator
/// that meets many issuers does not grow without bound.
/// </remarks>
internal sealed class SignatureVerifier : IDisposable
{
    private readonly Dictionary<ReadOnlyMemory<byte>, IssuerKey> _keys = new(ByteContentComparer.Instance);

    /// <summary>The most issuer keys, and CA signature verdicts, kept at once.</summary>
    public const int MaximumCachedKeys = 1024;

    private readonly Dictionary<(ReadOnlyMemory<byte> Certificate, ReadOnlyMemory<byte> IssuerKey), SignatureStatus> _caVerdicts = new(LinkComparer.Instance);

    /// <summary>How many signatures were verified.</summary>
    public int VerificationCount { get; private set; }

    /// <summary>How many issuer keys were imported.</summary>
    public int KeyImportCount { get; private set; }

    /// <summary>
    /// Verifies that <paramref name="issuer"/>'s key signed <paramref name="certificate"/>. Verdicts for CA
    /// certificates are remembered (keyed by the whole certificate's bytes and the issuer's key), because every
    /// workload validation meets the same intermediate-to-root link; end-entity verdicts are not, as each leaf is
    /// usually validated once and remembering them would only grow the cache.
    /// </summary>
    public SignatureStatus Verify(DerCertificate certificate, DerCertificate issuer)
    {
        if (!certificate.IsCertificateAuthority)
        {
            return VerifyCertificate(certificate, issuer);
        }

        var link = (certificate.RawData, issuer.SubjectPublicKeyInfo);
        if (_caVerdicts.TryGetValue(link, out SignatureStatus status))
        {
            return status;
        }

        if (_caVerdicts.Count >= MaximumCachedKeys)
        {
            _caVerdicts.Clear();
        }

        status = VerifyCertificate(certificate, issuer);
        _caVerdicts.Add(link, status);
        return status;
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

    private SignatureStatus VerifyCertificate(DerCertificate certificate, DerCertificate issuer) =>
        VerifySignedData(issuer, certificate.SignatureAlgorithm.FriendlyName, certificate.EncodedSignatureAlgorithm, certificate.TbsCertificate.Span, certificate.Signature.Span);

    private IssuerKey GetKey(DerCertificate issuer)
    {
        if (_keys.TryGetValue(issuer.SubjectPublicKeyInfo, out IssuerKey? key))
        {
            return key;
        }

        if (_keys.Count >= MaximumCachedKeys)
        {
            Dispose();
        }

        key = IssuerKey.Import(issuer);
        KeyImportCount++;
        _keys.Add(issuer.SubjectPublicKeyInfo, key);
        return key;
    }

    /// <summary>Compares (certificate bytes, issuer key bytes) pairs by content: a verdict is never reused for other bytes.</summary>
    private sealed class LinkComparer : IEqualityComparer<(ReadOnlyMemory<byte> Certificate, ReadOnlyMemory<byte> IssuerKey)>
    {
        public static readonly LinkComparer Instance = new();

        public bool Equals((ReadOnlyMemory<byte> Certificate, ReadOnlyMemory<byte> IssuerKey) x, (ReadOnlyMemory<byte> Certificate, ReadOnlyMemory<byte> IssuerKey) y) =>
            x.Certificate.Span.SequenceEqual(y.Certificate.Span) && x.IssuerKey.Span.SequenceEqual(y.IssuerKey.Span);

        public int GetHashCode((ReadOnlyMemory<byte> Certificate, ReadOnlyMemory<byte> IssuerKey) obj) =>
            HashCode.Combine(ByteContentComparer.Instance.GetHashCode(obj.Certificate), ByteContentComparer.Instance.GetHashCode(obj.IssuerKey));
    }
}
