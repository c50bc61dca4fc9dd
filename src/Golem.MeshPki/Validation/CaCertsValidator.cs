using System.Globalization;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Packaging;
using Golem.MeshPki.Rules;
using Golem.MeshPki.Validation.Signatures;

namespace Golem.MeshPki.Validation;

/// <summary>
/// Checks a <c>cacerts</c> bundle the way it will be used: what istiod checks when it loads plugged-in CA material
/// (security/pkg/pki/util/keycertbundle.go: the CA certificate verifies against root-cert.pem through cert-chain.pem,
/// the key matches), and, worse, what it does not check and the mesh then breaks on: a CA certificate that is not a
/// CA (installed silently by a hot reload), a pathLenConstraint that forbids the workload certificates, name
/// constraints that exclude the trust domain, a root that is not the bank's audited one.
/// </summary>
/// <remarks>Every finding carries a rule id (MPKI1xxx), the certificate's source (file or Secret key and PEM block) and subject.</remarks>
public static class CaCertsValidator
{
    /// <summary>Checks <paramref name="bundle"/>.</summary>
    /// <param name="bundle">The bundle, as loaded by <see cref="CaCertsBundle"/>.</param>
    /// <param name="options">The time, pinned roots, trust domain and policy.</param>
    /// <returns>The chain and every finding.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static CaCertsValidationResult Validate(CaCertsBundle bundle, CaCertsValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(options);
        var findings = new List<Finding>(bundle.Findings);
        BundleCertificate? ca = bundle.CaCertificate;
        CheckRootBundle(bundle, options, findings);
        if (ca is null)
        {
            // MPKI1013 was reported while loading: nothing to chain.
            return new CaCertsValidationResult(bundle, [], findings);
        }

        CheckPrivateKey(bundle, ca, findings);
        CheckChainOrder(bundle, ca, findings);
        IReadOnlyList<BundleCertificate> chain = CheckPath(bundle, ca, options, findings);
        CheckWorkloadSigning(chain, options, findings);
        CheckExpiryHorizon(bundle, chain, options, findings);
        return new CaCertsValidationResult(bundle, chain, Deduplicate(findings));
    }

    private static void CheckPrivateKey(CaCertsBundle bundle, BundleCertificate ca, List<Finding> findings)
    {
        if (bundle.CaPrivateKey is not { } key)
        {
            return;
        }

        switch (key.MatchesCertificate(ca.Certificate))
        {
            case KeyMatch.DoesNotMatch:
                // keycertbundle.go: istiod refuses a key that does not match ca-cert.pem.
                findings.Add(new Finding(
                    RuleCatalog.CaKeyDoesNotMatchCertificate,
                    $"The private key in {key.Source} is not the key of the CA certificate in {ca.Source}; istiod refuses the bundle. Put the CA certificate's own key in {key.Key}.",
                    key.Source,
                    ca.Certificate.Subject.ToString()));
                break;
            case KeyMatch.Unknown when key.IsEncrypted:
                // The bundle loader has reported it (MPKI1013): istiod cannot read an encrypted key.
                break;
            case KeyMatch.Unknown:
                findings.Add(new Finding(
                    RuleCatalog.CaKeyDoesNotMatchCertificate,
                    $"Whether the private key in {key.Source} matches the CA certificate could not be checked: {key.UnknownReason}.",
                    key.Source,
                    ca.Certificate.Subject.ToString()).WithSeverity(RuleSeverity.Warning));
                break;
        }
    }

    private static void CheckChainOrder(CaCertsBundle bundle, BundleCertificate ca, List<Finding> findings)
    {
        IReadOnlyList<BundleCertificate> chain = bundle.CertificateChain;
        if (chain.Count == 0)
        {
            return;
        }

        // DOMAIN.md: cert-chain.pem is ca-cert first, up to the root.
        if (!SameCertificate(chain[0].Certificate, ca.Certificate))
        {
            findings.Add(new Finding(
                RuleCatalog.ChainNotOrdered,
                $"{chain[0].Source} starts with '{chain[0].Certificate.Subject}', not with the CA certificate '{ca.Certificate.Subject}' of {ca.Source}; workloads receive a chain that does not start at their issuer. Put the CA certificate first.",
                chain[0].Source,
                chain[0].Certificate.Subject.ToString()));
        }

        for (int i = 0; i + 1 < chain.Count; i++)
        {
            DerCertificate child = chain[i].Certificate;
            DerCertificate next = chain[i + 1].Certificate;
            // The same certificate twice in a row (cert-manager's tls.crt + ca.crt when ca.crt repeats the top
            // intermediate) is redundant, not a broken link.
            if (child.IsSelfIssued || child.Issuer == next.Subject || SameCertificate(child, next))
            {
                continue;
            }

            bool issuerLaterInChain = chain.Skip(i + 2).Any(later => later.Certificate.Subject == child.Issuer);
            findings.Add(new Finding(
                issuerLaterInChain ? RuleCatalog.ChainNotOrdered : RuleCatalog.ChainLinkBroken,
                issuerLaterInChain
                    ? $"In {chain[i].Source} '{child.Subject}' is followed by '{next.Subject}', which did not issue it; its issuer '{child.Issuer}' comes later. Order the chain child to parent."
                    : $"In {chain[i].Source} '{child.Subject}' is followed by '{next.Subject}', but it was issued by '{child.Issuer}', which the chain does not contain. Add the missing intermediate.",
                chain[i + 1].Source,
                next.Subject.ToString()));
        }
    }

    private static List<BundleCertificate> CheckPath(CaCertsBundle bundle, BundleCertificate ca, CaCertsValidationOptions options, List<Finding> findings)
    {
        // The CA certificate is validated as the end of a path: it must be a CA (checked below, as MPKI1002),
        // so the end-entity rules of the web PKI (no CA as leaf, extended key usages) do not apply to it.
        var policy = new ChainValidationPolicy
        {
            MaximumIntermediates = options.Policy.MaximumIntermediates,
            MinimumRsaKeySize = options.Policy.MinimumRsaKeySize,
            AllowedCurves = options.Policy.AllowedCurves,
            AllowEdDsa = options.Policy.AllowEdDsa,
            AllowSha1Signatures = options.Policy.AllowSha1Signatures,
            MaximumCandidateChecks = options.Policy.MaximumCandidateChecks,
            AllowCertificateAuthorityAsEndEntity = true,

            // istiod reads ca-crl.pem (keycertbundle.go); a revoked chain certificate or a bad CRL fails the path.
            CertificateRevocationLists = ReadCrls(bundle, findings),
        };
        List<DerCertificate> roots = bundle.Roots.Select(root => root.Certificate).ToList();
        List<DerCertificate> intermediates = bundle.CertificateChain.Select(entry => entry.Certificate).Where(certificate => !SameCertificate(certificate, ca.Certificate)).ToList();
        using var validator = new CertificatePathValidator(roots, policy);
        PathValidationResult result = validator.Validate(ca.Certificate, intermediates, options.ValidationTime);

        List<BundleCertificate> chain = result.Path.Select(certificate => FindSource(bundle, certificate) ?? ca).ToList();
        foreach (PathValidationFailure failure in result.Failures)
        {
            // pathLenConstraint is checked below with the workload certificate the CA will sign (stricter).
            bool expiredRootReportedAlready = failure.Rule.Id == RuleIdentifiers.CertificateOutsideValidity && failure.Certificate is { } expired
                && failure.Certificate.NotAfter < options.ValidationTime && bundle.Roots.Any(root => SameCertificate(root.Certificate, expired));
            if (failure.Rule.Id != RuleIdentifiers.PathLengthConstraintViolated && !expiredRootReportedAlready)
            {
                findings.Add(ToFinding(bundle, ca, failure));
            }
        }

        // MPKI1002: the CA certificate itself must be a CA. keycertbundle.go checks this only at start-up; a hot
        // reload installs a non-CA certificate silently and every workload certificate it then signs fails.
        DerCertificate caCertificate = ca.Certificate;
        if (!caCertificate.HasExtension(CertificateExtensionKind.BasicConstraints) || !caCertificate.IsCertificateAuthority)
        {
            findings.Add(new Finding(
                RuleCatalog.SigningCertificateIsNotCa,
                $"The CA certificate '{caCertificate.Subject}' is not a CA ({(caCertificate.HasExtension(CertificateExtensionKind.BasicConstraints) ? "basicConstraints cA FALSE" : "no basicConstraints")}): istiod refuses it at start-up, and a hot reload installs it silently, after which every workload certificate it signs is rejected by peers. Issue it as a CA (Vault: pki/root/sign-intermediate, not sign/<role>).",
                ca.Source,
                caCertificate.Subject.ToString()));
        }

        if (caCertificate.HasExtension(CertificateExtensionKind.KeyUsage) && (caCertificate.KeyUsage & KeyUsageFlags.KeyCertSign) == 0)
        {
            findings.Add(new Finding(
                RuleCatalog.SigningCertificateLacksKeyCertSign,
                $"The CA certificate '{caCertificate.Subject}' has keyUsage {caCertificate.KeyUsage} without keyCertSign: peers reject every workload certificate it signs. Issue it with keyCertSign.",
                ca.Source,
                caCertificate.Subject.ToString()));
        }

        CheckCaCertificateProfile(ca, findings);
        CheckServerAuthentication(bundle, result.Path, findings);

        if (result.TrustAnchor is { } anchor)
        {
            CheckPinnedRoot(bundle, anchor, options, findings);
            CheckLifetimes(bundle, result.Path, findings);
            CheckCrlCoverage(bundle, policy.CertificateRevocationLists, result.Path, findings);
        }

        return chain;
    }

    private static List<DerCertificateRevocationList> ReadCrls(CaCertsBundle bundle, List<Finding> findings)
    {
        var crls = new List<DerCertificateRevocationList>();
        foreach (BundleCrl crl in bundle.Crls)
        {
            try
            {
                crls.Add(DerCertificateRevocationList.Parse(crl.Data));
            }
            catch (CertificateFormatException exception)
            {
                findings.Add(new Finding(RuleCatalog.CrlProblem, $"The CRL in {crl.Source} cannot be read: {exception.Message} istiod refuses a bundle with an unreadable CRL.", crl.Source));
            }
        }

        return crls;
    }

    /// <summary>
    /// The CA certificate ends the path the validator checks, so the CA profile rules it applies to intermediates are
    /// applied here: basicConstraints critical (RFC 5280 4.2.1.9) and a subjectKeyIdentifier (RFC 5280 4.2.1.2), which
    /// workload certificates' authorityKeyIdentifier is taken from. Warnings: istiod and Envoy accept the certificate.
    /// </summary>
    private static void CheckCaCertificateProfile(BundleCertificate ca, List<Finding> findings)
    {
        DerCertificate certificate = ca.Certificate;
        if (certificate.IsCertificateAuthority && !certificate.IsExtensionCritical(CertificateExtensionKind.BasicConstraints))
        {
            findings.Add(new Finding(
                RuleCatalog.CertificateProfileViolation,
                $"The CA certificate '{certificate.Subject}' has non-critical basicConstraints; RFC 5280 4.2.1.9 requires them critical in CA certificates, and strict clients outside the mesh refuse it. Issue it with critical basicConstraints.",
                ca.Source,
                certificate.Subject.ToString()).WithSeverity(RuleSeverity.Warning));
        }

        if (certificate.IsCertificateAuthority && !certificate.HasExtension(CertificateExtensionKind.SubjectKeyIdentifier))
        {
            findings.Add(new Finding(
                RuleCatalog.CertificateProfileViolation,
                $"The CA certificate '{certificate.Subject}' has no subjectKeyIdentifier (RFC 5280 4.2.1.2): workload certificates get no authorityKeyIdentifier to find it by. Issue it with a subjectKeyIdentifier.",
                ca.Source,
                certificate.Subject.ToString()).WithSeverity(RuleSeverity.Warning));
        }
    }

    /// <summary>
    /// keycertbundle.go verifies the CA certificate with Go's x509.Verify and no KeyUsages, which means serverAuth:
    /// a certificate of the chain whose extendedKeyUsage lists neither serverAuth nor anyExtendedKeyUsage makes
    /// istiod refuse the bundle ("certificate specifies an incompatible key usage").
    /// </summary>
    private static void CheckServerAuthentication(CaCertsBundle bundle, IReadOnlyList<DerCertificate> path, List<Finding> findings)
    {
        // Go checks the usages of every certificate of the chain but the root it ends at.
        int checkedCount = path.Count > 1 ? path.Count - 1 : path.Count;
        for (int index = 0; index < checkedCount; index++)
        {
            DerCertificate certificate = path[index];
            if (!certificate.HasExtension(CertificateExtensionKind.ExtendedKeyUsage))
            {
                continue;
            }

            bool allowsServerAuth = false;
            var listed = new List<string>();
            foreach (ObjectIdentifier usage in certificate.GetExtendedKeyUsages())
            {
                string oid = usage.ToString();
                listed.Add(usage.FriendlyName ?? oid);
                allowsServerAuth |= oid is ExtendedKeyUsages.ServerAuthentication or ExtendedKeyUsages.Any;
            }

            if (!allowsServerAuth)
            {
                findings.Add(new Finding(
                    RuleCatalog.UsageNotAllowed,
                    $"'{certificate.Subject}' has extendedKeyUsage {string.Join(", ", listed)} without serverAuth: istiod verifies the CA certificate's chain for serverAuth (Go's x509.Verify default) and refuses the bundle. Remove extendedKeyUsage from CA certificates, or include serverAuth.",
                    FindSource(bundle, certificate)?.Source,
                    certificate.Subject.ToString()));
            }
        }
    }

    private static Finding ToFinding(CaCertsBundle bundle, BundleCertificate ca, PathValidationFailure failure)
    {
        BundleCertificate? source = failure.Certificate is null ? null : FindSource(bundle, failure.Certificate);
        Finding finding = new(failure.Rule, failure.Message, (source ?? ca).Source, failure.Certificate?.Subject.ToString());

        // Profile rules (MPKI1020) that istiod (Go) and Envoy (BoringSSL) do not enforce are warnings for cacerts:
        // the mesh works, stricter clients outside it may not.
        return failure.Rule.Id == RuleIdentifiers.CertificateProfileViolation ? finding.WithSeverity(RuleSeverity.Warning) : finding;
    }

    /// <summary>
    /// istiod (keycertbundle.go): when a CRL is supplied, every certificate of the chain below the root needs one
    /// from its issuer; a bundle with a CRL for some links only is refused.
    /// </summary>
    private static void CheckCrlCoverage(CaCertsBundle bundle, IReadOnlyList<DerCertificateRevocationList> crls, IReadOnlyList<DerCertificate> path, List<Finding> findings)
    {
        // The CRLs as read for the path check (unreadable ones were reported there as MPKI1025).
        if (bundle.Crls.Count == 0)
        {
            return;
        }

        List<DistinguishedName> issuers = crls.Select(crl => crl.Issuer).ToList();
        for (int i = 0; i + 1 < path.Count; i++)
        {
            if (!issuers.Contains(path[i].Issuer))
            {
                findings.Add(new Finding(
                    RuleCatalog.CrlProblem,
                    $"ca-crl.pem has no CRL issued by '{path[i].Issuer}' for '{path[i].Subject}': when a CRL is supplied, istiod requires one for every certificate of the chain. Add that issuer's CRL, or remove ca-crl.pem.",
                    bundle.Crls[0].Source,
                    path[i].Subject.ToString()));
            }
        }
    }

    private static void CheckPinnedRoot(CaCertsBundle bundle, DerCertificate anchor, CaCertsValidationOptions options, List<Finding> findings)
    {
        if (options.PinnedRootFingerprints.Count == 0)
        {
            return;
        }

        // Every root of the bundle is distributed to and trusted by every workload, used by this chain or not.
        foreach (BundleCertificate root in bundle.Roots)
        {
            string rootFingerprint = root.Certificate.GetSha256FingerprintHex();
            if (!SameCertificate(root.Certificate, anchor) && !options.PinnedRootFingerprints.Any(pin => string.Equals(NormalizeFingerprint(pin), rootFingerprint, StringComparison.Ordinal)))
            {
                findings.Add(new Finding(
                    RuleCatalog.RootNotPinned,
                    $"The root bundle also holds '{root.Certificate.Subject}' (SHA-256 {rootFingerprint}), which is not pinned: every workload trusts it, so certificates from a CA the bank has not audited would be accepted. Remove it from the root bundle or pin it.",
                    root.Source,
                    root.Certificate.Subject.ToString()));
            }
        }

        string fingerprint = anchor.GetSha256FingerprintHex();
        if (!options.PinnedRootFingerprints.Any(pin => string.Equals(NormalizeFingerprint(pin), fingerprint, StringComparison.Ordinal)))
        {
            BundleCertificate? source = FindSource(bundle, anchor);
            findings.Add(new Finding(
                RuleCatalog.RootNotPinned,
                $"The chain ends at root '{anchor.Subject}' (SHA-256 {fingerprint}), which is not one of the {options.PinnedRootFingerprints.Count} pinned root(s): the mesh would trust a CA the bank has not audited. Use an intermediate issued under the audited root.",
                source?.Source,
                anchor.Subject.ToString()));
        }
    }

    private static void CheckLifetimes(CaCertsBundle bundle, IReadOnlyList<DerCertificate> path, List<Finding> findings)
    {
        for (int i = 0; i + 1 < path.Count; i++)
        {
            DerCertificate certificate = path[i];
            DerCertificate issuer = path[i + 1];
            if (certificate.NotAfter > issuer.NotAfter)
            {
                // Vault's sign-intermediate always permits this (DOMAIN.md); the certificate stops verifying when its issuer expires.
                findings.Add(new Finding(
                    RuleCatalog.CertificateOutlivesIssuer,
                    $"'{certificate.Subject}' is valid until {Format(certificate.NotAfter)} but its issuer '{issuer.Subject}' only until {Format(issuer.NotAfter)}: it stops verifying {(certificate.NotAfter - issuer.NotAfter).TotalDays:0} days early. Renew it before its issuer expires, or re-issue the issuer.",
                    FindSource(bundle, certificate)?.Source,
                    certificate.Subject.ToString()));
            }
        }
    }

    private static void CheckRootBundle(CaCertsBundle bundle, CaCertsValidationOptions options, List<Finding> findings)
    {
        using var verifier = new SignatureVerifier();
        foreach (BundleCertificate root in bundle.Roots)
        {
            DerCertificate certificate = root.Certificate;
            bool selfSigned = certificate.IsSelfIssued && verifier.Verify(certificate, certificate) == SignatureStatus.Valid;
            if (!selfSigned || !certificate.IsCertificateAuthority)
            {
                findings.Add(new Finding(
                    RuleCatalog.RootBundleEntryNotSelfSignedCa,
                    $"The root bundle entry '{certificate.Subject}' is {(selfSigned ? "self-signed but not a CA" : "not self-signed")}: every workload trusts it as a root, yet {(selfSigned ? "nothing it signs verifies" : "it is an intermediate or leaf, so the bundle mixes trust levels")}. Keep only self-signed root CAs in the root bundle.",
                    root.Source,
                    certificate.Subject.ToString()));
            }

            // RFC 5280 4.1.2.5: whole seconds, notAfter inclusive (as PathChecks). Reported here on the root bundle
            // entry; the path check's report of the same root is left out (CheckPath).
            if (TruncateToSecond(options.ValidationTime) > certificate.NotAfter)
            {
                findings.Add(new Finding(
                    RuleCatalog.CertificateOutsideValidity,
                    $"The root '{certificate.Subject}' expired at {Format(certificate.NotAfter)}; certificates chaining only to it no longer verify. Remove it from the root bundle once nothing chains to it.",
                    root.Source,
                    certificate.Subject.ToString()));
            }
        }

        if (bundle.Roots.Count > 1)
        {
            // DOMAIN.md: all roots are trusted and distributed to workloads; the expiry metric looks at the first only.
            string list = string.Join("; ", bundle.Roots.Select(root => $"'{root.Certificate.Subject}' until {Format(root.Certificate.NotAfter)}"));
            findings.Add(new Finding(
                RuleCatalog.SeveralRootsInBundle,
                $"The root bundle holds {bundle.Roots.Count} roots (a root rotation in progress?): {list}. Every workload trusts all of them; istiod's root expiry metric reports only the first.",
                bundle.Roots[0].Source,
                null));
        }
    }

    private static void CheckWorkloadSigning(IReadOnlyList<BundleCertificate> chain, CaCertsValidationOptions options, List<Finding> findings)
    {
        if (chain.Count == 0)
        {
            return;
        }

        // MPKI1008: the CA certificate will sign workload certificates, so it is itself an intermediate of every
        // workload path: each CA above it must allow the non-self-issued intermediates below it, the CA certificate included.
        for (int index = 1; index < chain.Count; index++)
        {
            if (chain[index].Certificate.PathLengthConstraint is not int pathLength)
            {
                continue;
            }

            int below = 0;
            for (int lower = 0; lower < index; lower++)
            {
                if (!chain[lower].Certificate.IsSelfIssued || lower == 0)
                {
                    below++;
                }
            }

            if (below > pathLength)
            {
                findings.Add(new Finding(
                    RuleCatalog.PathLengthConstraintViolated,
                    $"'{chain[index].Certificate.Subject}' has pathLenConstraint {pathLength}, but workload certificates will have {below} intermediate(s) below it (the CA certificate included): peers reject every workload certificate. Issue it with pathlen {below} or more (Vault: max_path_length), or shorten the chain.",
                    chain[index].Source,
                    chain[index].Certificate.Subject.ToString()));
            }
        }

        // MPKI1017: name constraints on any signing certificate must permit spiffe://<trust domain>/... URIs.
        foreach (BundleCertificate entry in chain)
        {
            if (NameConstraintsRejectTrustDomain(entry.Certificate, options.TrustDomain, out string? constraint))
            {
                findings.Add(new Finding(
                    RuleCatalog.NameConstraintsRejectTrustDomain,
                    $"The name constraints of '{entry.Certificate.Subject}' ({constraint}) do not allow spiffe://{options.TrustDomain}/ns/<namespace>/sa/<service account>: peers reject every workload certificate. Permit the URI host '{options.TrustDomain}' or remove the constraint.",
                    entry.Source,
                    entry.Certificate.Subject.ToString()));
            }
        }
    }

    /// <summary>RFC 5280 4.2.1.10 for URIs: a constraint is a host; <c>.example.com</c> matches hosts below it, <c>example.com</c> only itself.</summary>
    internal static bool NameConstraintsRejectTrustDomain(DerCertificate certificate, string trustDomain, out string? constraint)
    {
        constraint = null;
        foreach (GeneralName excluded in certificate.GetExcludedSubtrees())
        {
            if (excluded.Kind == GeneralNameKind.Uri && excluded.GetText() is { } host && UriHostMatches(host, trustDomain))
            {
                constraint = "excluded URI " + host;
                return true;
            }
        }

        bool anyPermittedUri = false;
        foreach (GeneralName permitted in certificate.GetPermittedSubtrees())
        {
            if (permitted.Kind != GeneralNameKind.Uri || permitted.GetText() is not { } host)
            {
                continue;
            }

            anyPermittedUri = true;
            if (UriHostMatches(host, trustDomain))
            {
                return false;
            }
        }

        if (anyPermittedUri)
        {
            constraint = "permitted URIs do not include " + trustDomain;
        }

        return anyPermittedUri;
    }

    private static bool UriHostMatches(string constraint, string host) =>
        constraint.StartsWith('.')
            ? host.EndsWith(constraint, StringComparison.OrdinalIgnoreCase)
            : string.Equals(constraint, host, StringComparison.OrdinalIgnoreCase);

    private static void CheckExpiryHorizon(CaCertsBundle bundle, IReadOnlyList<BundleCertificate> chain, CaCertsValidationOptions options, List<Finding> findings)
    {
        DateTimeOffset horizon = options.ValidationTime + options.ExpiryWarningHorizon;
        foreach (BundleCertificate entry in chain.Concat(bundle.Roots).DistinctBy(entry => entry.Certificate.GetSha256FingerprintHex()))
        {
            DerCertificate certificate = entry.Certificate;
            if (certificate.NotAfter >= options.ValidationTime && certificate.NotAfter < horizon)
            {
                findings.Add(new Finding(
                    RuleCatalog.CertificateExpiresSoon,
                    $"'{certificate.Subject}' expires at {Format(certificate.NotAfter)}, in {DaysLeft(certificate.NotAfter - options.ValidationTime)} (warning horizon {options.ExpiryWarningHorizon.TotalDays:0} days). Renew it now.",
                    entry.Source,
                    certificate.Subject.ToString()));
            }
        }
    }

    private static BundleCertificate? FindSource(CaCertsBundle bundle, DerCertificate certificate)
    {
        if (bundle.CaCertificate is { } ca && SameCertificate(ca.Certificate, certificate))
        {
            return ca;
        }

        return bundle.CertificateChain.FirstOrDefault(entry => SameCertificate(entry.Certificate, certificate))
            ?? bundle.Roots.FirstOrDefault(entry => SameCertificate(entry.Certificate, certificate));
    }

    private static bool SameCertificate(DerCertificate left, DerCertificate right) =>
        ReferenceEquals(left, right) || left.RawData.Span.SequenceEqual(right.RawData.Span);

    private static string NormalizeFingerprint(string pin) => pin.Replace(":", string.Empty, StringComparison.Ordinal).Trim().ToLowerInvariant();

    /// <summary>Whole days, rounded down as <c>meshpki inspect</c> and Envoy's days_until_first_cert_expiring count them; hours below one day.</summary>
    private static string DaysLeft(TimeSpan left) => left.TotalDays >= 1
        ? ((int)Math.Floor(left.TotalDays)).ToString(CultureInfo.InvariantCulture) + (left.TotalDays >= 2 ? " days" : " day")
        : ((int)Math.Floor(left.TotalHours)).ToString(CultureInfo.InvariantCulture) + " hours";

    private static DateTimeOffset TruncateToSecond(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The same problem can be met twice (a certificate both in cert-chain.pem and root-cert.pem); keep one.</summary>
    private static List<Finding> Deduplicate(List<Finding> findings)
    {
        var seen = new HashSet<(string Id, string? Source, string Message)>();
        var result = new List<Finding>(findings.Count);
        foreach (Finding finding in findings)
        {
            if (seen.Add((finding.Id, finding.Source, finding.Message)))
            {
                result.Add(finding);
            }
        }

        return result;
    }
}
