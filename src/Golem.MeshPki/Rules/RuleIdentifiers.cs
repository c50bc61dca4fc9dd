namespace Golem.MeshPki.Rules;

/// <summary>
/// Every rule id of Golem.MeshPki, in one place (CONVENTIONS.md "Findings and rule ids"): the same id
/// means the same thing in runtime checks, <c>meshpki</c> output and the Roslyn analyzers. Ids are never
/// reused; a retired id stays here, marked obsolete.
/// </summary>
/// <remarks>
/// MPKI1xxx are checks of certificate material (a <c>cacerts</c> bundle, a chain, a workload certificate);
/// MPKI2xxx are checks of lifetime configuration. Each id has a page <c>docs/rules/&lt;id&gt;.md</c>.
/// This file is plain C# 7.3 so the netstandard2.0 analyzers can compile it as shared source.
/// </remarks>
public static class RuleIdentifiers
{
    /// <summary>The CA private key does not match the CA certificate.</summary>
    public const string CaKeyDoesNotMatchCertificate = "MPKI1001";

    /// <summary>A certificate that must sign is not a CA (basicConstraints missing or CA:FALSE).</summary>
    public const string SigningCertificateIsNotCa = "MPKI1002";

    /// <summary>A signing certificate has keyUsage without keyCertSign.</summary>
    public const string SigningCertificateLacksKeyCertSign = "MPKI1003";

    /// <summary>cert-chain does not start with the CA certificate or is not ordered child to parent.</summary>
    public const string ChainNotOrdered = "MPKI1004";

    /// <summary>A link of the chain is broken: the signature does not verify, or names or key ids do not chain.</summary>
    public const string ChainLinkBroken = "MPKI1005";

    /// <summary>The chain does not end at a root contained in the root bundle.</summary>
    public const string ChainDoesNotReachTrustedRoot = "MPKI1006";

    /// <summary>A certificate is expired or not yet valid at the evaluation time.</summary>
    public const string CertificateOutsideValidity = "MPKI1007";

    /// <summary>A pathLenConstraint is violated by the chain plus the workload certificate the CA will sign.</summary>
    public const string PathLengthConstraintViolated = "MPKI1008";

    /// <summary>An entry of the root bundle is not a self-signed CA certificate.</summary>
    public const string RootBundleEntryNotSelfSignedCa = "MPKI1009";

    /// <summary>The root is not one of the pinned roots.</summary>
    public const string RootNotPinned = "MPKI1010";

    /// <summary>A certificate outlives its issuer.</summary>
    public const string CertificateOutlivesIssuer = "MPKI1011";

    /// <summary>Weak cryptography: RSA below 2048 bits, curves below P-256, SHA-1 or MD5 signatures.</summary>
    public const string WeakCryptography = "MPKI1012";

    /// <summary>A required file or key is missing or cannot be read.</summary>
    public const string BundleMaterialMissingOrUnreadable = "MPKI1013";

    /// <summary>Both the Istio and the cert-manager layouts are present.</summary>
    public const string BothLayoutsPresent = "MPKI1014";

    /// <summary>A certificate expires within the warning horizon.</summary>
    public const string CertificateExpiresSoon = "MPKI1015";

    /// <summary>A certificate carries a critical extension that is not processed.</summary>
    public const string UnprocessedCriticalExtension = "MPKI1016";

    /// <summary>Name constraints on a signing certificate reject the trust domain's workload SPIFFE IDs.</summary>
    public const string NameConstraintsRejectTrustDomain = "MPKI1017";

    /// <summary>The root bundle holds several roots.</summary>
    public const string SeveralRootsInBundle = "MPKI1018";

    /// <summary>The chain has more intermediates than the maximum depth allows.</summary>
    public const string ChainTooLong = "MPKI1019";

    /// <summary>A certificate breaks the RFC 5280 / CA/Browser Forum profile (version, serial, names, extension use).</summary>
    public const string CertificateProfileViolation = "MPKI1020";

    /// <summary>The end-entity certificate is not allowed for the use asked of it (extendedKeyUsage, keyUsage, CA as leaf).</summary>
    public const string UsageNotAllowed = "MPKI1021";

    /// <summary>A name of a certificate is outside a CA's name constraints, or a constraint cannot be evaluated.</summary>
    public const string NameConstraintsViolated = "MPKI1022";

    /// <summary>The end-entity certificate is not valid for the expected peer name (DNS name, IP address or SPIFFE ID).</summary>
    public const string PeerNameMismatch = "MPKI1023";

    /// <summary>A certificate of the chain is revoked by a given CRL.</summary>
    public const string CertificateRevoked = "MPKI1024";

    /// <summary>A CRL is missing for a chain certificate, or a CRL is invalid (signature, issuer, time, extensions).</summary>
    public const string CrlProblem = "MPKI1025";

    /// <summary>The grace period ratio is outside (0, 1), leaves too little slack, or renews too often.</summary>
    public const string GracePeriodRatioUnsafe = "MPKI2001";

    /// <summary>The workload TTL is above istiod's MAX_WORKLOAD_CERT_TTL: every CSR fails.</summary>
    public const string WorkloadTtlAboveMaximum = "MPKI2002";

    /// <summary>The workload TTL is not below the intermediate's renewBefore window.</summary>
    public const string WorkloadTtlNotBelowIntermediateRenewBefore = "MPKI2003";

    /// <summary>renewBefore is not below duration.</summary>
    public const string RenewBeforeNotBelowDuration = "MPKI2004";

    /// <summary>duration is below 1 hour or renewBefore below 5 minutes (the webhook's comparisons, not its messages' "greater than").</summary>
    public const string CertManagerDurationTooShort = "MPKI2005";

    /// <summary>renewBefore and renewBeforePercentage are both set.</summary>
    public const string RenewBeforeSetTwice = "MPKI2006";

    /// <summary>An unknown field in a cert-manager resource.</summary>
    public const string UnknownCertManagerField = "MPKI2007";

    /// <summary>A CA Certificate issued through a Vault sign/&lt;role&gt; endpoint, which returns a non-CA certificate.</summary>
    public const string VaultSignRoleForCaCertificate = "MPKI2008";

    /// <summary>The intermediate's duration runs past the root's NotAfter or the Vault mount's max TTL.</summary>
    public const string IntermediateOutlivesItsLimit = "MPKI2009";

    /// <summary>The workload TTL is below 1 hour.</summary>
    public const string WorkloadTtlTooShort = "MPKI2010";
}
