namespace Golem.MeshPki.Rules;

/// <summary>The definition of every rule (id, title, default severity); the single source for checks, CLI and analyzers.</summary>
public static class RuleCatalog
{
    private const string CaCerts = "CaCerts";
    private const string Chain = "Chain";
    private const string Lifetimes = "Lifetimes";

    /// <summary>MPKI1001: the CA private key must match the CA certificate.</summary>
    public static readonly RuleDescriptor CaKeyDoesNotMatchCertificate = new(RuleIdentifiers.CaKeyDoesNotMatchCertificate, "Use the private key of the CA certificate", RuleSeverity.Error, CaCerts);

    /// <summary>MPKI1002: every certificate that signs must be a CA.</summary>
    public static readonly RuleDescriptor SigningCertificateIsNotCa = new(RuleIdentifiers.SigningCertificateIsNotCa, "Sign only with CA certificates (basicConstraints CA:TRUE)", RuleSeverity.Error, Chain);

    /// <summary>MPKI1003: a signing certificate's keyUsage must include keyCertSign.</summary>
    public static readonly RuleDescriptor SigningCertificateLacksKeyCertSign = new(RuleIdentifiers.SigningCertificateLacksKeyCertSign, "Allow keyCertSign on signing certificates", RuleSeverity.Error, Chain);

    /// <summary>MPKI1004: cert-chain starts with the CA certificate and goes child to parent.</summary>
    public static readonly RuleDescriptor ChainNotOrdered = new(RuleIdentifiers.ChainNotOrdered, "Order cert-chain from the CA certificate up to the root", RuleSeverity.Error, CaCerts);

    /// <summary>MPKI1005: every link of the chain verifies and chains by name and key id.</summary>
    public static readonly RuleDescriptor ChainLinkBroken = new(RuleIdentifiers.ChainLinkBroken, "Chain each certificate to its issuer by name, key id and signature", RuleSeverity.Error, Chain);

    /// <summary>MPKI1006: the chain ends at a root of the root bundle.</summary>
    public static readonly RuleDescriptor ChainDoesNotReachTrustedRoot = new(RuleIdentifiers.ChainDoesNotReachTrustedRoot, "End the chain at a root of the root bundle", RuleSeverity.Error, Chain);

    /// <summary>MPKI1007: every certificate is valid at the evaluation time.</summary>
    public static readonly RuleDescriptor CertificateOutsideValidity = new(RuleIdentifiers.CertificateOutsideValidity, "Use certificates that are valid now", RuleSeverity.Error, Chain);

    /// <summary>MPKI1008: pathLenConstraint allows the chain plus the workload certificates the CA signs.</summary>
    public static readonly RuleDescriptor PathLengthConstraintViolated = new(RuleIdentifiers.PathLengthConstraintViolated, "Respect pathLenConstraint down to the workload certificate", RuleSeverity.Error, Chain);

    /// <summary>MPKI1009: every root bundle entry is a self-signed CA certificate.</summary>
    public static readonly RuleDescriptor RootBundleEntryNotSelfSignedCa = new(RuleIdentifiers.RootBundleEntryNotSelfSignedCa, "Put only self-signed CA certificates in the root bundle", RuleSeverity.Error, CaCerts);

    /// <summary>MPKI1010: the root is one of the pinned (audited) roots.</summary>
    public static readonly RuleDescriptor RootNotPinned = new(RuleIdentifiers.RootNotPinned, "Chain to a pinned root", RuleSeverity.Error, CaCerts);

    /// <summary>MPKI1011: no certificate outlives its issuer.</summary>
    public static readonly RuleDescriptor CertificateOutlivesIssuer = new(RuleIdentifiers.CertificateOutlivesIssuer, "Do not let a certificate outlive its issuer", RuleSeverity.Warning, Chain);

    /// <summary>MPKI1012: no weak keys or signature algorithms.</summary>
    public static readonly RuleDescriptor WeakCryptography = new(RuleIdentifiers.WeakCryptography, "Use RSA of 2048 bits or more, P-256 or stronger curves, and SHA-2 signatures", RuleSeverity.Error, Chain);

    /// <summary>MPKI1013: every required file or key is present and readable.</summary>
    public static readonly RuleDescriptor BundleMaterialMissingOrUnreadable = new(RuleIdentifiers.BundleMaterialMissingOrUnreadable, "Provide every required file of the cacerts bundle", RuleSeverity.Error, CaCerts);

    /// <summary>MPKI1014: only one key layout in the bundle.</summary>
    public static readonly RuleDescriptor BothLayoutsPresent = new(RuleIdentifiers.BothLayoutsPresent, "Use one cacerts layout, not both", RuleSeverity.Warning, CaCerts);

    /// <summary>MPKI1015: no certificate expires within the warning horizon.</summary>
    public static readonly RuleDescriptor CertificateExpiresSoon = new(RuleIdentifiers.CertificateExpiresSoon, "Renew certificates before the warning horizon", RuleSeverity.Warning, Chain);

    /// <summary>MPKI1016: no critical extension that is not processed.</summary>
    public static readonly RuleDescriptor UnprocessedCriticalExtension = new(RuleIdentifiers.UnprocessedCriticalExtension, "Do not mark unprocessed extensions critical", RuleSeverity.Error, Chain);

    /// <summary>MPKI1017: name constraints permit the trust domain's workload SPIFFE IDs.</summary>
    public static readonly RuleDescriptor NameConstraintsRejectTrustDomain = new(RuleIdentifiers.NameConstraintsRejectTrustDomain, "Permit the trust domain's SPIFFE IDs in name constraints", RuleSeverity.Error, Chain);

    /// <summary>MPKI1018: several roots in the root bundle (a rotation in progress).</summary>
    public static readonly RuleDescriptor SeveralRootsInBundle = new(RuleIdentifiers.SeveralRootsInBundle, "Know which roots the mesh trusts", RuleSeverity.Info, CaCerts);

    /// <summary>MPKI1019: the chain is not longer than the maximum depth.</summary>
    public static readonly RuleDescriptor ChainTooLong = new(RuleIdentifiers.ChainTooLong, "Keep the chain within the maximum depth", RuleSeverity.Error, Chain);

    /// <summary>MPKI1020: certificates follow the RFC 5280 profile.</summary>
    public static readonly RuleDescriptor CertificateProfileViolation = new(RuleIdentifiers.CertificateProfileViolation, "Issue certificates that follow the RFC 5280 profile", RuleSeverity.Error, Chain);

    /// <summary>MPKI1021: the end-entity certificate allows the use asked of it.</summary>
    public static readonly RuleDescriptor UsageNotAllowed = new(RuleIdentifiers.UsageNotAllowed, "Allow the required key usages in the end-entity certificate", RuleSeverity.Error, Chain);

    /// <summary>MPKI1022: every name is within the CAs' name constraints.</summary>
    public static readonly RuleDescriptor NameConstraintsViolated = new(RuleIdentifiers.NameConstraintsViolated, "Keep names within the CAs' name constraints", RuleSeverity.Error, Chain);

    /// <summary>MPKI1023: the end-entity certificate is valid for the expected peer name.</summary>
    public static readonly RuleDescriptor PeerNameMismatch = new(RuleIdentifiers.PeerNameMismatch, "Present a certificate for the expected peer name", RuleSeverity.Error, Chain);

    /// <summary>MPKI1024: no certificate of the chain is revoked.</summary>
    public static readonly RuleDescriptor CertificateRevoked = new(RuleIdentifiers.CertificateRevoked, "Do not use revoked certificates", RuleSeverity.Error, Chain);

    /// <summary>MPKI1025: every CRL is valid and covers its chain certificate.</summary>
    public static readonly RuleDescriptor CrlProblem = new(RuleIdentifiers.CrlProblem, "Provide a valid CRL for every chain certificate", RuleSeverity.Error, CaCerts);

    /// <summary>MPKI2001: the grace period ratio renews workload certificates in time, not at once.</summary>
    public static readonly RuleDescriptor GracePeriodRatioUnsafe = new(RuleIdentifiers.GracePeriodRatioUnsafe, "Keep SECRET_GRACE_PERIOD_RATIO inside (0, 1) with room to renew", RuleSeverity.Error, Lifetimes);

    /// <summary>MPKI2002: the workload TTL is at most istiod's maximum.</summary>
    public static readonly RuleDescriptor WorkloadTtlAboveMaximum = new(RuleIdentifiers.WorkloadTtlAboveMaximum, "Request workload TTLs within istiod's MAX_WORKLOAD_CERT_TTL", RuleSeverity.Error, Lifetimes);

    /// <summary>MPKI2003: workload certificates are shorter than the intermediate's renewal window.</summary>
    public static readonly RuleDescriptor WorkloadTtlNotBelowIntermediateRenewBefore = new(RuleIdentifiers.WorkloadTtlNotBelowIntermediateRenewBefore, "Keep the workload TTL below the intermediate's renewBefore", RuleSeverity.Error, Lifetimes);

    /// <summary>MPKI2004: renewBefore is below duration.</summary>
    public static readonly RuleDescriptor RenewBeforeNotBelowDuration = new(RuleIdentifiers.RenewBeforeNotBelowDuration, "Set renewBefore below duration", RuleSeverity.Error, Lifetimes);

    /// <summary>MPKI2005: duration of at least 1 hour and renewBefore of at least 5 minutes.</summary>
    public static readonly RuleDescriptor CertManagerDurationTooShort = new(RuleIdentifiers.CertManagerDurationTooShort, "Set duration to at least 1h and renewBefore to at least 5m", RuleSeverity.Error, Lifetimes);

    /// <summary>MPKI2006: one of renewBefore and renewBeforePercentage.</summary>
    public static readonly RuleDescriptor RenewBeforeSetTwice = new(RuleIdentifiers.RenewBeforeSetTwice, "Set renewBefore or renewBeforePercentage, not both", RuleSeverity.Error, Lifetimes);

    /// <summary>MPKI2007: only fields cert-manager knows.</summary>
    public static readonly RuleDescriptor UnknownCertManagerField = new(RuleIdentifiers.UnknownCertManagerField, "Use only cert-manager's field names", RuleSeverity.Error, Lifetimes);

    /// <summary>MPKI2008: CA certificates from Vault come from sign-intermediate, not sign/&lt;role&gt;.</summary>
    public static readonly RuleDescriptor VaultSignRoleForCaCertificate = new(RuleIdentifiers.VaultSignRoleForCaCertificate, "Issue CA certificates through Vault's root/sign-intermediate, not sign/<role>", RuleSeverity.Error, Lifetimes);

    /// <summary>MPKI2009: the intermediate's duration fits its root and the Vault mount.</summary>
    public static readonly RuleDescriptor IntermediateOutlivesItsLimit = new(RuleIdentifiers.IntermediateOutlivesItsLimit, "Keep the intermediate's duration within the root's life and the mount's max TTL", RuleSeverity.Warning, Lifetimes);

    /// <summary>MPKI2010: workload TTL of at least 1 hour.</summary>
    public static readonly RuleDescriptor WorkloadTtlTooShort = new(RuleIdentifiers.WorkloadTtlTooShort, "Keep workload TTLs at 1 hour or more", RuleSeverity.Warning, Lifetimes);

    /// <summary>Every rule, in id order.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        CaKeyDoesNotMatchCertificate, SigningCertificateIsNotCa, SigningCertificateLacksKeyCertSign, ChainNotOrdered,
        ChainLinkBroken, ChainDoesNotReachTrustedRoot, CertificateOutsideValidity, PathLengthConstraintViolated,
        RootBundleEntryNotSelfSignedCa, RootNotPinned, CertificateOutlivesIssuer, WeakCryptography,
        BundleMaterialMissingOrUnreadable, BothLayoutsPresent, CertificateExpiresSoon, UnprocessedCriticalExtension,
        NameConstraintsRejectTrustDomain, SeveralRootsInBundle, ChainTooLong, CertificateProfileViolation,
        UsageNotAllowed, NameConstraintsViolated, PeerNameMismatch, CertificateRevoked, CrlProblem,
        GracePeriodRatioUnsafe, WorkloadTtlAboveMaximum, WorkloadTtlNotBelowIntermediateRenewBefore, RenewBeforeNotBelowDuration,
        CertManagerDurationTooShort, RenewBeforeSetTwice, UnknownCertManagerField, VaultSignRoleForCaCertificate,
        IntermediateOutlivesItsLimit, WorkloadTtlTooShort,
    ];

    /// <summary>Finds a rule by id.</summary>
    /// <param name="id">The id, e.g. <c>MPKI1001</c> (ordinal).</param>
    /// <returns>The rule, or <see langword="null"/> when no rule has that id.</returns>
    public static RuleDescriptor? Find(string id)
    {
        foreach (RuleDescriptor rule in All)
        {
            if (string.Equals(rule.Id, id, StringComparison.Ordinal))
            {
                return rule;
            }
        }

        return null;
    }
}
