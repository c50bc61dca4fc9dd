using System.Globalization;
using System.Security.Cryptography;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Rules;
using Golem.MeshPki.Validation.Names;
using Golem.MeshPki.Validation.Signatures;

namespace Golem.MeshPki.Validation;

/// <summary>
/// The checks of RFC 5280 section 6.1 over one complete path (end entity at index 0, trust anchor last),
/// with the stricter web PKI rules that Envoy and Go apply. Signatures of the links were verified while the
/// path was built; everything else is checked here, and every failure is reported, not only the first.
/// </summary>
internal sealed class PathChecks
{
    private readonly ChainValidationPolicy _policy;
    private readonly IReadOnlyList<DerCertificate> _path;
    private readonly DateTimeOffset _time;
    private readonly PeerName? _expectedPeerName;
    private readonly SignatureVerifier _verifier;
    private readonly List<PathValidationFailure> _failures = [];

    private PathChecks(ChainValidationPolicy policy, IReadOnlyList<DerCertificate> path, DateTimeOffset time, PeerName? expectedPeerName, SignatureVerifier verifier)
    {
        _expectedPeerName = expectedPeerName;
        _verifier = verifier;
        _policy = policy;
        _path = path;

        // RFC 5280 4.1.2.5: validity times have a resolution of one second and both ends are inclusive, so a
        // certificate whose notAfter is 00:00:00 is still valid at 00:00:00.5 (compare whole seconds).
        _time = new DateTimeOffset(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    /// <summary>Checks <paramref name="path"/> at <paramref name="time"/>; returns every failure found (empty when valid).</summary>
    public static List<PathValidationFailure> Run(ChainValidationPolicy policy, IReadOnlyList<DerCertificate> path, DateTimeOffset time, PeerName? expectedPeerName, SignatureVerifier verifier)
    {
        var checks = new PathChecks(policy, path, time, expectedPeerName, verifier);
        checks.CheckPath();
        return checks._failures;
    }

    private int AnchorIndex => _path.Count - 1;

    private void CheckPath()
    {
        // RFC 5280 6.1.4 (l): self-issued intermediates do not count towards path lengths.
        int intermediates = 0;
        for (int index = 1; index < AnchorIndex; index++)
        {
            if (!_path[index].IsSelfIssued)
            {
                intermediates++;
            }
        }

        if (intermediates > _policy.MaximumIntermediates)
        {
            Fail(RuleCatalog.ChainTooLong, -1, $"The path has {intermediates} intermediates; at most {_policy.MaximumIntermediates} are allowed.");
        }

        for (int index = AnchorIndex; index >= 0; index--)
        {
            CheckCertificate(index);
        }

        CheckNames();
        if (_policy.CertificateRevocationLists.Count > 0)
        {
            CheckRevocation();
        }
    }

    private void CheckNames()
    {
        // RFC 5280 6.1.3 (b)(c) and 6.1.4 (g): every name below a CA within its permitted and outside its excluded subtrees.
        NameConstraintsResult constraints = NameConstraintsEvaluator.Evaluate(_path);
        if (!constraints.Permitted)
        {
            int index = constraints.CertificateIndex;
            Fail(RuleCatalog.NameConstraintsViolated, index, $"{Describe(Math.Max(index, 0))}: {constraints.Reason}");
        }

        if (_expectedPeerName is not { } peer)
        {
            return;
        }

        DerCertificate endEntity = _path[0];
        // A wildcard over a public suffix (*.s3.amazonaws.com) does not make the certificate malformed: it only never
        // matches a peer name, which the matcher below refuses with the public suffix list.
        if (PeerNameMatcher.CheckSubjectAlternativeNameWellFormed(endEntity) is { } malformed)
        {
            Fail(RuleCatalog.CertificateProfileViolation, 0, $"{Describe(0)} has a malformed subjectAltName: {malformed}");
        }

        PeerNameMatch match = PeerNameMatcher.Match(endEntity, peer, _policy.PublicSuffixes);
        if (!match.IsMatch)
        {
            Fail(RuleCatalog.PeerNameMismatch, 0, $"{Describe(0)} is not valid for {peer}: {match.Reason}");
        }
    }

    private void CheckRevocation()
    {
        for (int index = 0; index < AnchorIndex; index++)
        {
            DerCertificate certificate = _path[index];
            DerCertificate issuer = _path[index + 1];
            foreach (DerCertificateRevocationList crl in _policy.CertificateRevocationLists)
            {
                // RFC 5280 6.3.3 (b): a CRL applies when its issuer is the certificate's issuer (no indirect CRLs here).
                if (crl.Issuer != certificate.Issuer)
                {
                    continue;
                }

                if (CrlProblem(crl, issuer) is { } problem)
                {
                    Fail(RuleCatalog.CrlProblem, index, $"The CRL of '{issuer.Subject}' (thisUpdate {Format(crl.ThisUpdate)}) cannot be used for {Describe(index)}: {problem}.");
                    continue;
                }

                if (crl.IsRevoked(certificate.SerialNumber.Span, out DateTimeOffset revokedAt, out CrlReason? reason))
                {
                    Fail(RuleCatalog.CertificateRevoked, index, $"{Describe(index)} (serial {certificate.GetSerialNumberHex()}) was revoked at {Format(revokedAt)}{(reason is { } r ? " (" + r + ")" : string.Empty)} by the CRL of '{issuer.Subject}'.");
                }
            }
        }
    }

    /// <summary>Why a CRL that applies cannot be trusted (RFC 5280 5 and 6.3.3), or null when it can.</summary>
    private string? CrlProblem(DerCertificateRevocationList crl, DerCertificate issuer)
    {
        // RFC 5280 6.3.3 (f): if the issuer has keyUsage, cRLSign must be set.
        if (issuer.HasExtension(CertificateExtensionKind.KeyUsage) && (issuer.KeyUsage & KeyUsageFlags.CrlSign) == 0)
        {
            return $"its issuer's keyUsage ({issuer.KeyUsage}) lacks cRLSign";
        }

        // RFC 5280 5.1.1.2: signatureAlgorithm and tbsCertList.signature are the same.
        if (!crl.HasMatchingSignatureAlgorithms)
        {
            return "its two signature algorithm fields differ";
        }

        // RFC 5280 5.2.3: conforming CRL issuers MUST include cRLNumber, marked non-critical.
        if (!crl.HasCrlNumber)
        {
            return "it has no cRLNumber extension (RFC 5280 5.2.3)";
        }

        if (crl.IsCrlNumberCritical)
        {
            return "its cRLNumber extension is critical (RFC 5280 5.2.3 requires non-critical)";
        }

        if (crl.HasUnknownCriticalExtension || crl.HasEntryWithUnknownCriticalExtension || crl.IsDeltaCrl || crl.HasIssuingDistributionPoint || crl.HasEntryWithCertificateIssuer)
        {
            // Delta CRLs, partitioned CRLs (issuingDistributionPoint) and indirect entries are not processed.
            return "it has a critical extension, delta indicator, issuing distribution point or indirect entries that are not processed";
        }

        if (crl.ThisUpdate > _time)
        {
            return $"it is not valid before {Format(crl.ThisUpdate)}";
        }

        if (crl.NextUpdate is { } nextUpdate && nextUpdate < _time)
        {
            return $"it is stale: its nextUpdate was {Format(nextUpdate)}";
        }

        // RFC 5280 6.3.3 (g): the CRL's signature verifies with the issuer's key.
        return _verifier.VerifySignedData(issuer, crl.SignatureAlgorithm.FriendlyName, crl.EncodedSignatureAlgorithm, crl.TbsCertList.Span, crl.Signature.Span) == SignatureStatus.Valid
            ? null
            : "its signature does not verify with the issuer's key";
    }

    private void CheckCertificate(int index)
    {
        DerCertificate certificate = _path[index];
        bool isEndEntity = index == 0;
        bool isAnchor = index == AnchorIndex;

        // RFC 5280 6.1.3 (a)(2): the current time is within the validity period, both ends inclusive.
        if (_time < certificate.NotBefore)
        {
            Fail(RuleCatalog.CertificateOutsideValidity, index, $"{Describe(index)} is not valid before {Format(certificate.NotBefore)}; the evaluation time is {Format(_time)}.");
        }
        else if (_time > certificate.NotAfter)
        {
            Fail(RuleCatalog.CertificateOutsideValidity, index, $"{Describe(index)} expired at {Format(certificate.NotAfter)}; the evaluation time is {Format(_time)}.");
        }

        CheckProfile(index, certificate, isEndEntity, isAnchor);
        CheckKey(index, certificate);
        if (!isAnchor)
        {
            // The anchor's own signature is not part of the path (RFC 5280 6.1.1 (d)): it is trusted as given.
            CheckSignatureAlgorithm(index, certificate);
        }

        CheckExtensions(index, certificate, isEndEntity, isAnchor);
        if (isEndEntity)
        {
            CheckEndEntity(certificate);
        }
        else
        {
            CheckCertificateAuthority(index, certificate, isAnchor);
        }
    }

    private void CheckProfile(int index, DerCertificate certificate, bool isEndEntity, bool isAnchor)
    {
        // RFC 5280 4.1.2.1: certificates with extensions are v3; the web PKI accepts nothing else.
        if (certificate.Version != 3)
        {
            Fail(RuleCatalog.CertificateProfileViolation, index, $"{Describe(index)} is a version {certificate.Version} certificate; only version 3 is accepted.");
        }

        // RFC 5280 4.1.2.2: the serial is a positive integer of at most 20 octets. Trust anchors are taken as
        // given: long-trusted roots with serial 0 exist (Starfield Root G2), and nothing looks their serial up.
        if (!isAnchor)
        {
            CheckSerialNumber(index, certificate);
        }

        // RFC 5280 4.1.2.4: the issuer field MUST contain a non-empty distinguished name.
        if (certificate.Issuer.IsEmpty)
        {
            Fail(RuleCatalog.CertificateProfileViolation, index, $"{Describe(index)} has an empty issuer name; RFC 5280 4.1.2.4 requires one.");
        }

        // RFC 5280 4.1.2.6: a CA's subject MUST be a non-empty distinguished name.
        if (!isEndEntity && certificate.Subject.IsEmpty)
        {
            Fail(RuleCatalog.CertificateProfileViolation, index, $"{Describe(index)} is a CA with an empty subject name; RFC 5280 4.1.2.6 requires one.");
        }

    }

    private void CheckSerialNumber(int index, DerCertificate certificate)
    {
        ReadOnlySpan<byte> serial = certificate.SerialNumber.Span;
        int significant = serial.Length > 1 && serial[0] == 0 ? serial.Length - 1 : serial.Length;
        if (certificate.IsSerialNumberNegative)
        {
            Fail(RuleCatalog.CertificateProfileViolation, index, $"{Describe(index)} has a negative serial number; RFC 5280 4.1.2.2 requires a positive one.");
        }
        else if (serial.Length == 1 && serial[0] == 0)
        {
            Fail(RuleCatalog.CertificateProfileViolation, index, $"{Describe(index)} has serial number 0; RFC 5280 4.1.2.2 requires a positive one.");
        }
        else if (significant > 20)
        {
            Fail(RuleCatalog.CertificateProfileViolation, index, $"{Describe(index)} has a serial number of {significant} octets; RFC 5280 4.1.2.2 allows at most 20.");
        }
    }

    private void CheckKey(int index, DerCertificate certificate)
    {
        switch (certificate.PublicKeyAlgorithm)
        {
            case PublicKeyAlgorithm.Rsa or PublicKeyAlgorithm.RsaPss:
                if (certificate.KeySize < _policy.MinimumRsaKeySize)
                {
                    Fail(RuleCatalog.WeakCryptography, index, $"{Describe(index)} has an RSA key of {certificate.KeySize} bits; at least {_policy.MinimumRsaKeySize} are required.");
                }
                else if (certificate.KeySize % 8 != 0)
                {
                    // CA/B Forum BR 6.1.5: the modulus size in bits is evenly divisible by 8.
                    Fail(RuleCatalog.WeakCryptography, index, $"{Describe(index)} has an RSA key of {certificate.KeySize} bits, not a multiple of 8 (CA/B Forum BR 6.1.5).");
                }

                break;
            case PublicKeyAlgorithm.EC:
                string? curve = certificate.Curve?.ToString();
                if (curve is null)
                {
                    // RFC 5480 2.1.1: namedCurve only; explicit curve parameters are not allowed.
                    Fail(RuleCatalog.WeakCryptography, index, $"{Describe(index)} has an EC key with explicit curve parameters; only named curves are accepted (RFC 5480 2.1.1).");
                }
                else if (!_policy.AllowedCurves.Contains(curve))
                {
                    Fail(RuleCatalog.WeakCryptography, index, $"{Describe(index)} has an EC key on curve '{certificate.CurveName}'; allowed are {string.Join(", ", _policy.AllowedCurves)}.");
                }

                break;
            case PublicKeyAlgorithm.Ed25519 or PublicKeyAlgorithm.Ed448:
                if (!_policy.AllowEdDsa)
                {
                    Fail(RuleCatalog.WeakCryptography, index, $"{Describe(index)} has an EdDSA key, which the policy does not allow.");
                }

                break;
            default:
                Fail(RuleCatalog.WeakCryptography, index, $"{Describe(index)} has a key of algorithm {certificate.PublicKeyAlgorithmOid} ({certificate.PublicKeyAlgorithm}), which is not accepted.");
                break;
        }
    }

    private void CheckSignatureAlgorithm(int index, DerCertificate certificate)
    {
        string name = certificate.SignatureAlgorithmName;
        SignatureScheme scheme = SignatureAlgorithms.Classify(certificate.SignatureAlgorithm.FriendlyName, out HashAlgorithmName hash);
        if (scheme == SignatureScheme.RsaPss)
        {
            // RFC 4055 3.1: the hash is in the parameters, SHA-1 by default.
            hash = SignatureAlgorithms.PssHash(certificate.EncodedSignatureAlgorithm);
        }

        if (scheme is SignatureScheme.Unknown or SignatureScheme.Dsa)
        {
            Fail(RuleCatalog.WeakCryptography, index, $"{Describe(index)} is signed with {name}, which is not accepted.");
        }
        else if (hash == HashAlgorithmName.MD5 || (hash == HashAlgorithmName.SHA1 && !_policy.AllowSha1Signatures))
        {
            Fail(RuleCatalog.WeakCryptography, index, $"{Describe(index)} is signed with {name}; SHA-1 and MD5 signatures can be forged.");
        }
    }

    private void CheckExtensions(int index, DerCertificate certificate, bool isEndEntity, bool isAnchor)
    {
        bool hasAuthorityKeyIdentifier = false;
        foreach (CertificateExtension extension in certificate.GetExtensions())
        {
            switch (extension.Kind)
            {
                case CertificateExtensionKind.AuthorityKeyIdentifier:
                    hasAuthorityKeyIdentifier = true;
                    CheckAuthorityKeyIdentifier(index, certificate, extension);
                    break;
                case CertificateExtensionKind.SubjectKeyIdentifier when extension.Critical:
                    // RFC 5280 4.2.1.2: conforming CAs MUST mark this extension as non-critical.
                    Fail(RuleCatalog.CertificateProfileViolation, index, $"{Describe(index)} marks subjectKeyIdentifier critical; RFC 5280 4.2.1.2 requires non-critical.");
                    break;
                case CertificateExtensionKind.SubjectAlternativeName:
                    // RFC 5280 4.2.1.6: critical when the subject is empty; CA/B Forum BR 7.1.2.7.12: otherwise non-critical.
                    if (certificate.Subject.IsEmpty && !extension.Critical)
                    {
                        Fail(RuleCatalog.CertificateProfileViolation, index, $"{Describe(index)} has an empty subject and a non-critical subjectAltName; RFC 5280 4.2.1.6 requires it critical.");
                    }
                    else if (!certificate.Subject.IsEmpty && extension.Critical)
                    {
                        Fail(RuleCatalog.CertificateProfileViolation, index, $"{Describe(index)} has a subject and a critical subjectAltName; CA/B Forum BR 7.1.2.7.12 requires it non-critical.");
                    }

                    break;
                case CertificateExtensionKind.NameConstraints:
                    if (isEndEntity)
                    {
                        // RFC 5280 4.2.1.10: used only in a CA certificate.
                        Fail(RuleCatalog.CertificateProfileViolation, index, $"{Describe(index)} is an end entity with nameConstraints, which RFC 5280 4.2.1.10 allows only in CA certificates.");
                    }
                    else if (!extension.Critical)
                    {
                        // RFC 5280 4.2.1.10: conforming CAs MUST mark this extension as critical.
                        Fail(RuleCatalog.NameConstraintsViolated, index, $"{Describe(index)} has non-critical nameConstraints; RFC 5280 4.2.1.10 requires them critical, and clients that ignore them would accept any name.");
                    }

                    break;
                case CertificateExtensionKind.ExtendedKeyUsage when isAnchor && !isEndEntity && certificate.IsSelfIssued:
                    // CA/B Forum BR 7.1.2.1.2: root CA certificates MUST NOT contain extKeyUsage.
                    Fail(RuleCatalog.CertificateProfileViolation, index, $"{Describe(index)} is a root with extendedKeyUsage, which CA/B Forum BR 7.1.2.1.2 forbids.");
                    break;
                case CertificateExtensionKind.Other:
                    CheckOtherExtension(index, extension);
                    break;
            }
        }

        // RFC 5280 4.2.1.1: MUST be present except in self-signed certificates (it is how the issuer is found). A
        // self-issued certificate signed by another key (a CA key rollover) is not self-signed.
        if (!hasAuthorityKeyIdentifier && !(certificate.IsSelfIssued && _verifier.Verify(certificate, certificate) == SignatureStatus.Valid))
        {
            Fail(RuleCatalog.CertificateProfileViolation, index, $"{Describe(index)} has no authorityKeyIdentifier; RFC 5280 4.2.1.1 requires it in every certificate that is not self-signed.");
        }
    }

    private void CheckAuthorityKeyIdentifier(int index, DerCertificate certificate, CertificateExtension extension)
    {
        // RFC 5280 4.2.1.1: conforming CAs MUST mark this extension as non-critical.
        if (extension.Critical)
        {
            Fail(RuleCatalog.CertificateProfileViolation, index, $"{Describe(index)} marks authorityKeyIdentifier critical; RFC 5280 4.2.1.1 requires non-critical.");
        }

        // CA/B Forum BR 7.1.2.11.1: keyIdentifier present, authorityCertIssuer and authorityCertSerialNumber absent.
        ExtensionShapes.AuthorityKeyIdentifierFields fields = ExtensionShapes.ReadAuthorityKeyIdentifierFields(extension);
        if ((fields & ExtensionShapes.AuthorityKeyIdentifierFields.KeyIdentifier) == 0)
        {
            Fail(RuleCatalog.CertificateProfileViolation, index, $"{Describe(index)} has an authorityKeyIdentifier without keyIdentifier (CA/B Forum BR 7.1.2.11.1).");
        }

        if ((fields & (ExtensionShapes.AuthorityKeyIdentifierFields.AuthorityCertIssuer | ExtensionShapes.AuthorityKeyIdentifierFields.AuthorityCertSerialNumber)) != 0)
        {
            Fail(RuleCatalog.CertificateProfileViolation, index, $"{Describe(index)} has an authorityKeyIdentifier with authorityCertIssuer or authorityCertSerialNumber (CA/B Forum BR 7.1.2.11.1 forbids them).");
        }

        // A self-signed certificate's key identifiers name the same key.
        if (certificate.IsSelfIssued && index == AnchorIndex
            && !certificate.SubjectKeyIdentifier.IsEmpty && !certificate.AuthorityKeyIdentifier.IsEmpty
            && !certificate.SubjectKeyIdentifier.Span.SequenceEqual(certificate.AuthorityKeyIdentifier.Span))
        {
            Fail(RuleCatalog.ChainLinkBroken, index, $"{Describe(index)} is self-signed but its authorityKeyIdentifier differs from its subjectKeyIdentifier.");
        }
    }

    private void CheckOtherExtension(int index, CertificateExtension extension)
    {
        string oid = extension.Oid.ToString();
        switch (oid)
        {
            case ExtensionShapes.AuthorityInfoAccess:
                // RFC 5280 4.2.2.1: conforming CAs MUST mark this extension as non-critical.
                if (extension.Critical)
                {
                    Fail(RuleCatalog.UnprocessedCriticalExtension, index, $"{Describe(index)} marks authorityInfoAccess critical; RFC 5280 4.2.2.1 requires non-critical.");
                }
                else if (!ExtensionShapes.IsWellFormedAuthorityInfoAccess(extension.Value))
                {
                    Fail(RuleCatalog.CertificateProfileViolation, index, $"{Describe(index)} has a malformed authorityInfoAccess extension.");
                }

                return;
            case ExtensionShapes.PolicyConstraints when !extension.Critical:
                // RFC 5280 4.2.1.11: conforming CAs MUST mark this extension as critical.
                Fail(RuleCatalog.CertificateProfileViolation, index, $"{Describe(index)} has non-critical policyConstraints; RFC 5280 4.2.1.11 requires them critical.");
                return;
        }

        // RFC 5280 4.2: a certificate with a critical extension the validator does not process MUST be rejected.
        // Certificate policies are not processed (no policy tree), so policyConstraints, policyMappings and
        // inhibitAnyPolicy marked critical are rejected here too rather than silently ignored.
        if (extension.Critical)
        {
            Fail(RuleCatalog.UnprocessedCriticalExtension, index, $"{Describe(index)} has a critical extension {extension} that is not processed.");
        }
    }

    private void CheckEndEntity(DerCertificate certificate)
    {
        // RFC 5280 4.1.2.6: with an empty subject, the identity is in subjectAltName, which MUST then be present.
        if (certificate.Subject.IsEmpty && !certificate.HasExtension(CertificateExtensionKind.SubjectAlternativeName))
        {
            Fail(RuleCatalog.CertificateProfileViolation, 0, $"{Describe(0)} has an empty subject and no subjectAltName, so it names no one (RFC 5280 4.1.2.6).");
        }

        // RFC 5280 4.2.1.3: keyCertSign only with cA TRUE.
        if ((certificate.KeyUsage & KeyUsageFlags.KeyCertSign) != 0 && !certificate.IsCertificateAuthority)
        {
            Fail(RuleCatalog.CertificateProfileViolation, 0, $"{Describe(0)} asserts keyCertSign without basicConstraints cA TRUE (RFC 5280 4.2.1.3).");
        }

        if (certificate.IsCertificateAuthority && !_policy.AllowCertificateAuthorityAsEndEntity)
        {
            Fail(RuleCatalog.UsageNotAllowed, 0, $"{Describe(0)} has basicConstraints cA TRUE but is used as an end entity, which the web PKI profile forbids (CA/B Forum BR 7.1.2.7.8).");
        }

        if (_policy.RequiredKeyUsages != KeyUsageFlags.None && certificate.HasExtension(CertificateExtensionKind.KeyUsage)
            && (certificate.KeyUsage & _policy.RequiredKeyUsages) != _policy.RequiredKeyUsages)
        {
            Fail(RuleCatalog.UsageNotAllowed, 0, $"{Describe(0)} has keyUsage {certificate.KeyUsage}; {_policy.RequiredKeyUsages} is required.");
        }

        if (_policy.RequiredExtendedKeyUsages.Count > 0)
        {
            if (!certificate.HasExtension(CertificateExtensionKind.ExtendedKeyUsage))
            {
                Fail(RuleCatalog.UsageNotAllowed, 0, $"{Describe(0)} has no extendedKeyUsage; {string.Join(", ", _policy.RequiredExtendedKeyUsages.Select(ExtendedKeyUsageName))} is required.");
            }
            else
            {
                if (certificate.IsExtensionCritical(CertificateExtensionKind.ExtendedKeyUsage))
                {
                    // CA/B Forum BR 7.1.2.7.10: extKeyUsage in subscriber certificates is non-critical.
                    Fail(RuleCatalog.CertificateProfileViolation, 0, $"{Describe(0)} marks extendedKeyUsage critical (CA/B Forum BR 7.1.2.7.10 requires non-critical).");
                }

                CheckExtendedKeyUsages(0, certificate);
                foreach (ObjectIdentifier usage in certificate.GetExtendedKeyUsages())
                {
                    // CA/B Forum BR 7.1.2.7.10: anyExtendedKeyUsage MUST NOT be present in subscriber certificates.
                    if (usage.ToString() == ExtendedKeyUsages.Any)
                    {
                        Fail(RuleCatalog.UsageNotAllowed, 0, $"{Describe(0)} lists anyExtendedKeyUsage, which CA/B Forum BR 7.1.2.7.10 forbids in end-entity certificates.");
                    }
                }
            }
        }
    }

    private void CheckCertificateAuthority(int index, DerCertificate certificate, bool isAnchor)
    {
        // RFC 5280 6.1.4 (k): an intermediate (and, as Envoy's BoringSSL and Go treat it, the anchor) is a CA.
        if (!certificate.HasExtension(CertificateExtensionKind.BasicConstraints))
        {
            Fail(RuleCatalog.SigningCertificateIsNotCa, index, $"{Describe(index)} signs {Describe(index - 1)} but has no basicConstraints extension, so it is not a CA (RFC 5280 6.1.4 (k)).");
        }
        else if (!certificate.IsCertificateAuthority)
        {
            Fail(RuleCatalog.SigningCertificateIsNotCa, index, $"{Describe(index)} signs {Describe(index - 1)} but has basicConstraints cA FALSE.");
        }
        else if (!certificate.IsExtensionCritical(CertificateExtensionKind.BasicConstraints))
        {
            // RFC 5280 4.2.1.9: conforming CAs MUST mark basicConstraints critical in CA certificates.
            Fail(RuleCatalog.CertificateProfileViolation, index, $"{Describe(index)} is a CA with non-critical basicConstraints; RFC 5280 4.2.1.9 requires them critical.");
        }

        // RFC 5280 6.1.4 (n): if keyUsage is present, keyCertSign must be set.
        if (certificate.HasExtension(CertificateExtensionKind.KeyUsage) && (certificate.KeyUsage & KeyUsageFlags.KeyCertSign) == 0)
        {
            Fail(RuleCatalog.SigningCertificateLacksKeyCertSign, index, $"{Describe(index)} signs {Describe(index - 1)} but its keyUsage ({certificate.KeyUsage}) lacks keyCertSign.");
        }

        // RFC 5280 4.2.1.2: CA certificates MUST carry subjectKeyIdentifier.
        if (!certificate.HasExtension(CertificateExtensionKind.SubjectKeyIdentifier))
        {
            Fail(RuleCatalog.CertificateProfileViolation, index, $"{Describe(index)} is a CA without subjectKeyIdentifier; RFC 5280 4.2.1.2 requires it.");
        }

        // RFC 5280 6.1.4 (m) and 4.2.1.9: the non-self-issued intermediates below this CA, down to but not
        // counting the end entity, are at most pathLenConstraint. Enforced on the anchor too, as BoringSSL does.
        if (certificate.PathLengthConstraint is int pathLength)
        {
            int below = 0;
            for (int lower = 1; lower < index; lower++)
            {
                if (!_path[lower].IsSelfIssued)
                {
                    below++;
                }
            }

            if (below > pathLength)
            {
                Fail(RuleCatalog.PathLengthConstraintViolated, index, $"{Describe(index)} has pathLenConstraint {pathLength} but {below} intermediate(s) follow it.");
            }
        }

        // Intermediates that carry extendedKeyUsage restrict their subtree to those usages (as Go and BoringSSL do).
        if (!isAnchor && _policy.RequiredExtendedKeyUsages.Count > 0 && certificate.HasExtension(CertificateExtensionKind.ExtendedKeyUsage))
        {
            CheckExtendedKeyUsages(index, certificate, allowAny: true);
        }
    }

    private void CheckExtendedKeyUsages(int index, DerCertificate certificate, bool allowAny = false)
    {
        foreach (string required in _policy.RequiredExtendedKeyUsages)
        {
            bool found = false;
            foreach (ObjectIdentifier usage in certificate.GetExtendedKeyUsages())
            {
                string oid = usage.ToString();
                if (oid == required || (allowAny && oid == ExtendedKeyUsages.Any))
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                Fail(RuleCatalog.UsageNotAllowed, index, $"{Describe(index)} has extendedKeyUsage without {ExtendedKeyUsageName(required)}.");
            }
        }
    }

    private static string ExtendedKeyUsageName(string oid) => oid switch
    {
        ExtendedKeyUsages.ServerAuthentication => "serverAuth",
        ExtendedKeyUsages.ClientAuthentication => "clientAuth",
        _ => oid,
    };

    private string Describe(int index)
    {
        // A CA certificate at the end of the path (a cacerts CA certificate checked on its own) is named as what it is.
        string role = index == 0 ? (_path[0].IsCertificateAuthority ? "CA certificate" : "End-entity certificate") : index == AnchorIndex ? "Trust anchor" : "Intermediate";
        return $"{role} '{_path[index].Subject}'";
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private void Fail(RuleDescriptor rule, int index, string message) =>
        _failures.Add(new PathValidationFailure(rule, message, index < 0 ? null : _path[index], index));
}
