using Golem.MeshPki.Certificates;
using Golem.MeshPki.Rules;
using Golem.MeshPki.Validation.Names;
using Golem.MeshPki.Validation.Signatures;

namespace Golem.MeshPki.Validation;

/// <summary>
/// Builds and validates certification paths (RFC 5280 section 6) from an end-entity certificate through a pool
/// of intermediates to one of several trust anchors, with a bounded search and every issuer key imported once.
/// </summary>
/// <remarks>
/// <para>
/// Path building is depth first: for the certificate at the top of the partial path it tries trust anchors,
/// then intermediates, whose subject equals its issuer (byte for byte) and whose subjectKeyIdentifier matches
/// its authorityKeyIdentifier when both are present, and keeps a candidate only when the signature verifies.
/// A path that reaches an anchor is checked in full (<see cref="PathChecks"/>); when it fails, the search goes
/// on with other candidates, so an expired or constrained cross-signed branch does not hide a valid one.
/// A certificate never appears twice in a path (cycles), and the search stops after
/// <see cref="ChainValidationPolicy.MaximumCandidateChecks"/> candidates, failing rather than searching on.
/// </para>
/// <para>Not thread-safe: keys and signature verdicts are cached per instance. Use one per thread.</para>
/// </remarks>
public sealed class CertificatePathValidator : IDisposable
{
    /// <summary>Paths longer than this are never searched, whatever the policy says (self-issued certificates included).</summary>
    private const int MaximumSearchDepth = 32;

    private readonly List<DerCertificate> _anchors = [];
    private readonly Dictionary<ReadOnlyMemory<byte>, List<DerCertificate>> _anchorsBySubject = new(ByteContentComparer.Instance);
    private readonly SignatureVerifier _verifier = new();

    /// <summary>Creates a validator that trusts <paramref name="trustAnchors"/>.</summary>
    /// <param name="trustAnchors">The trusted certificates (roots, or any certificate the caller trusts as an anchor).</param>
    /// <param name="policy">The policy; <see cref="ChainValidationPolicy.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="trustAnchors"/> is null.</exception>
    public CertificatePathValidator(IEnumerable<DerCertificate> trustAnchors, ChainValidationPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(trustAnchors);
        Policy = policy ?? ChainValidationPolicy.Default;
        foreach (DerCertificate anchor in trustAnchors)
        {
            ArgumentNullException.ThrowIfNull(anchor, nameof(trustAnchors));
            if (IndexOfSameCertificate(_anchors, anchor) < 0)
            {
                _anchors.Add(anchor);
                Add(_anchorsBySubject, anchor);
            }
        }
    }

    /// <summary>The policy paths are checked against.</summary>
    public ChainValidationPolicy Policy { get; }

    /// <summary>The trust anchors, without duplicates.</summary>
    public IReadOnlyList<DerCertificate> TrustAnchors => _anchors;

    /// <summary>Builds a path from <paramref name="endEntity"/> to a trust anchor and validates it at <paramref name="validationTime"/>.</summary>
    /// <param name="endEntity">The certificate to validate.</param>
    /// <param name="intermediates">Untrusted certificates that may be used to build the path, in any order; null for none.</param>
    /// <param name="validationTime">The instant the path must be valid at (explicit, like <c>X509ChainPolicy.VerificationTime</c>).</param>
    /// <returns>The valid path, or the failures of the path closest to valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endEntity"/> is null.</exception>
    public PathValidationResult Validate(DerCertificate endEntity, IEnumerable<DerCertificate>? intermediates, DateTimeOffset validationTime)
    {
        ArgumentNullException.ThrowIfNull(endEntity);
        var search = new Search(this, endEntity, intermediates, validationTime, null);
        return search.Run();
    }

    /// <summary>
    /// Builds and validates a path as <see cref="Validate(DerCertificate, IEnumerable{DerCertificate}?, DateTimeOffset)"/>
    /// does, and also checks that the end entity is valid for <paramref name="expectedPeerName"/> (RFC 6125 and the
    /// web PKI profile: subjectAltName only, well-formed, common names consistent with it).
    /// </summary>
    /// <param name="endEntity">The certificate to validate.</param>
    /// <param name="intermediates">Untrusted certificates that may be used to build the path; null for none.</param>
    /// <param name="validationTime">The instant the path must be valid at.</param>
    /// <param name="expectedPeerName">The DNS name or IP address the peer must be.</param>
    /// <returns>The valid path, or the failures of the path closest to valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endEntity"/> is null.</exception>
    public PathValidationResult Validate(DerCertificate endEntity, IEnumerable<DerCertificate>? intermediates, DateTimeOffset validationTime, PeerName expectedPeerName)
    {
        ArgumentNullException.ThrowIfNull(endEntity);
        var search = new Search(this, endEntity, intermediates, validationTime, expectedPeerName);
        return search.Run();
    }

    /// <summary>Releases the imported issuer keys.</summary>
    public void Dispose() => _verifier.Dispose();

    internal SignatureVerifier Verifier => _verifier;

    private static void Add(Dictionary<ReadOnlyMemory<byte>, List<DerCertificate>> bySubject, DerCertificate certificate)
    {
        if (!bySubject.TryGetValue(certificate.Subject.Encoded, out List<DerCertificate>? list))
        {
            list = [];
            bySubject.Add(certificate.Subject.Encoded, list);
        }

        list.Add(certificate);
    }

    private static int IndexOfSameCertificate(List<DerCertificate> certificates, DerCertificate certificate)
    {
        for (int i = 0; i < certificates.Count; i++)
        {
            if (ReferenceEquals(certificates[i], certificate) || certificates[i].RawData.Span.SequenceEqual(certificate.RawData.Span))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>One path search: the partial path, the budget and the best failed path so far.</summary>
    private sealed class Search
    {
        private readonly CertificatePathValidator _validator;
        private readonly DateTimeOffset _time;
        private readonly PeerName? _expectedPeerName;
        private readonly Dictionary<ReadOnlyMemory<byte>, List<DerCertificate>> _intermediatesBySubject = new(ByteContentComparer.Instance);
        private readonly List<DerCertificate> _path = [];

        // The same link can be met again through another branch; it is verified once per validation.
        private readonly Dictionary<(DerCertificate Child, DerCertificate Issuer), SignatureStatus> _verdicts = [];
        private int _candidateChecks;
        private bool _budgetExhausted;
        private List<DerCertificate>? _bestPath;
        private List<PathValidationFailure>? _bestFailures;
        private PathValidationFailure? _linkFailure;
        private PathValidationFailure? _tooLong;

        // The certificate highest up a branch for which no issuer candidate exists: named when no path is found.
        private DerCertificate? _deepestUnresolved;
        private int _deepestUnresolvedDepth = -1;

        public Search(CertificatePathValidator validator, DerCertificate endEntity, IEnumerable<DerCertificate>? intermediates, DateTimeOffset time, PeerName? expectedPeerName)
        {
            _validator = validator;
            _time = time;
            _expectedPeerName = expectedPeerName;
            _path.Add(endEntity);
            if (intermediates is not null)
            {
                var seen = new List<DerCertificate>();
                foreach (DerCertificate intermediate in intermediates)
                {
                    // A certificate that is also an anchor is used as the anchor; duplicates are used once.
                    if (intermediate is null || IndexOfSameCertificate(validator._anchors, intermediate) >= 0 || IndexOfSameCertificate(seen, intermediate) >= 0)
                    {
                        continue;
                    }

                    seen.Add(intermediate);
                    Add(_intermediatesBySubject, intermediate);
                }
            }
        }

        public PathValidationResult Run()
        {
            DerCertificate endEntity = _path[0];

            // An end entity that is itself a trust anchor is a path of one certificate (as Go and OpenSSL build it).
            if (IndexOfSameCertificate(_validator._anchors, endEntity) >= 0)
            {
                List<PathValidationFailure> own = PathChecks.Run(_validator.Policy, _path, _time, _expectedPeerName, _validator._verifier);
                return new PathValidationResult([endEntity], own) { TrustAnchor = endEntity };
            }

            if (Extend())
            {
                return new PathValidationResult(_bestPath!, []) { TrustAnchor = _bestPath![^1] };
            }

            if (_bestPath is not null)
            {
                return new PathValidationResult(_bestPath, _bestFailures!) { TrustAnchor = _bestPath[^1] };
            }

            var failures = new List<PathValidationFailure>();
            if (_budgetExhausted)
            {
                failures.Add(new PathValidationFailure(RuleCatalog.ChainDoesNotReachTrustedRoot, $"No path to a trust anchor was found within {_validator.Policy.MaximumCandidateChecks} issuer candidates for '{endEntity.Subject}'.", endEntity, 0));
            }

            if (_linkFailure is not null)
            {
                failures.Add(_linkFailure);
            }

            if (_tooLong is not null)
            {
                // The issuers exist; the path through them is too long. Saying none issued it would mislead.
                failures.Add(_tooLong);
                return new PathValidationResult([endEntity], failures);
            }

            failures.Add(new PathValidationFailure(RuleCatalog.ChainDoesNotReachTrustedRoot, $"No path from '{endEntity.Subject}' reaches a trust anchor: no trusted or intermediate certificate named '{TopIssuerNotFound()}' issued it.", endEntity, 0));
            return new PathValidationResult([endEntity], failures);
        }

        private string TopIssuerNotFound() => (_deepestUnresolved ?? _path[0]).Issuer.ToString();

        /// <summary>Extends the partial path; true when a valid path was found (left in <see cref="_bestPath"/>).</summary>
        private bool Extend()
        {
            DerCertificate current = _path[^1];
            bool anyCandidate = false;
            if (_validator._anchorsBySubject.TryGetValue(current.Issuer.Encoded, out List<DerCertificate>? anchors))
            {
                foreach (DerCertificate anchor in OrderedNoting(anchors, current))
                {
                    anyCandidate = true;
                    if (!TryLink(current, anchor))
                    {
                        if (_budgetExhausted)
                        {
                            return false;
                        }

                        continue;
                    }

                    _path.Add(anchor);
                    bool valid = CheckComplete();
                    _path.RemoveAt(_path.Count - 1);
                    if (valid)
                    {
                        return true;
                    }
                }
            }

            if (_path.Count < MaximumSearchDepth && _intermediatesBySubject.TryGetValue(current.Issuer.Encoded, out List<DerCertificate>? candidates))
            {
                foreach (DerCertificate candidate in OrderedNoting(candidates, current))
                {
                    anyCandidate = true;
                    if (_path.Contains(candidate))
                    {
                        continue;
                    }

                    if (LogicalIntermediatesWith(candidate) > _validator.Policy.MaximumIntermediates)
                    {
                        // Not searched further: the path would be longer than allowed (MPKI1019), whatever lies above.
                        _tooLong ??= new PathValidationFailure(
                            RuleCatalog.ChainTooLong,
                            $"The path through '{candidate.Subject}' has {LogicalIntermediatesWith(candidate)} intermediates; at most {_validator.Policy.MaximumIntermediates} are allowed.",
                            null,
                            -1);
                        continue;
                    }

                    if (!TryLink(current, candidate))
                    {
                        if (_budgetExhausted)
                        {
                            return false;
                        }

                        continue;
                    }

                    _path.Add(candidate);
                    bool found = Extend();
                    _path.RemoveAt(_path.Count - 1);
                    if (found || _budgetExhausted)
                    {
                        return found;
                    }
                }
            }

            if (!anyCandidate && _path.Count > _deepestUnresolvedDepth)
            {
                _deepestUnresolved = current;
                _deepestUnresolvedDepth = _path.Count;
            }

            return false;
        }

        /// <summary>Intermediates in the path if <paramref name="candidate"/> were added, not counting self-issued ones.</summary>
        private int LogicalIntermediatesWith(DerCertificate candidate)
        {
            int count = candidate.IsSelfIssued ? 0 : 1;
            for (int i = 1; i < _path.Count; i++)
            {
                if (!_path[i].IsSelfIssued)
                {
                    count++;
                }
            }

            return count;
        }

        /// <summary>Candidates whose subjectKeyIdentifier matches the child's authorityKeyIdentifier first; mismatching ones are left out.</summary>
        private static List<DerCertificate> Ordered(List<DerCertificate> candidates, DerCertificate child)
        {
            ReadOnlySpan<byte> authorityKeyId = child.AuthorityKeyIdentifier.Span;
            if (authorityKeyId.IsEmpty)
            {
                return candidates;
            }

            var matching = new List<DerCertificate>(candidates.Count);
            var unknown = new List<DerCertificate>();
            foreach (DerCertificate candidate in candidates)
            {
                ReadOnlySpan<byte> subjectKeyId = candidate.SubjectKeyIdentifier.Span;
                if (subjectKeyId.IsEmpty)
                {
                    unknown.Add(candidate);
                }
                else if (subjectKeyId.SequenceEqual(authorityKeyId))
                {
                    matching.Add(candidate);
                }

                // RFC 5280 4.2.1.1: the key identifiers name the issuer's key; a mismatch is another key.
            }

            matching.AddRange(unknown);
            return matching;
        }

        /// <summary>
        /// <see cref="Ordered(List{DerCertificate}, DerCertificate)"/>, remembering when a candidate with the right name
        /// was left out for another key identifier, so that the failure says so rather than "no certificate of that name".
        /// </summary>
        private List<DerCertificate> OrderedNoting(List<DerCertificate> candidates, DerCertificate child)
        {
            List<DerCertificate> ordered = Ordered(candidates, child);
            if (ordered.Count < candidates.Count)
            {
                _linkFailure ??= new PathValidationFailure(
                    RuleCatalog.ChainLinkBroken,
                    $"'{child.Subject}' names '{child.Issuer}' as its issuer, but its authorityKeyIdentifier {Convert.ToHexStringLower(child.AuthorityKeyIdentifier.Span)} matches the subjectKeyIdentifier of no certificate of that name.",
                    child,
                    _path.Count - 1);
            }

            return ordered;
        }

        private bool TryLink(DerCertificate child, DerCertificate issuer)
        {
            if (++_candidateChecks > _validator.Policy.MaximumCandidateChecks)
            {
                _budgetExhausted = true;
                return false;
            }

            if (!_verdicts.TryGetValue((child, issuer), out SignatureStatus status))
            {
                status = _validator._verifier.Verify(child, issuer);
                _verdicts.Add((child, issuer), status);
            }

            if (status == SignatureStatus.Valid)
            {
                return true;
            }

            string? unusable = _validator._verifier.GetUnusableKeyReason(issuer);
            string reason = unusable ?? (status == SignatureStatus.Unsupported
                ? $"its signature algorithm {child.SignatureAlgorithmName} cannot be verified with that key"
                : "the signature does not verify with that key");
            _linkFailure ??= new PathValidationFailure(
                RuleCatalog.ChainLinkBroken,
                $"'{child.Subject}' names '{issuer.Subject}' as its issuer, but {reason}.",
                child,
                _path.Count - 1);
            return false;
        }

        /// <summary>Checks the complete path in <see cref="_path"/>; true when valid. Keeps the best failed path.</summary>
        private bool CheckComplete()
        {
            List<PathValidationFailure> failures = PathChecks.Run(_validator.Policy, _path, _time, _expectedPeerName, _validator._verifier);
            if (failures.Count == 0)
            {
                _bestPath = [.. _path];
                return true;
            }

            if (_bestFailures is null || failures.Count < _bestFailures.Count)
            {
                _bestPath = [.. _path];
                _bestFailures = failures;
            }

            return false;
        }
    }
}
