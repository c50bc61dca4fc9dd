namespace Golem.MeshPki.Certificates;

/// <summary>
/// Why a certificate was revoked: the value of the reasonCode CRL entry extension
/// (RFC 5280 5.3.1), numbered as the ENUMERATED is, so that a cast gives the encoded value.
/// </summary>
/// <remarks>
/// X.509 (2019) marks CRLReason extensible and adds <see cref="WeakAlgorithmOrKey"/>;
/// <see cref="DerCertificateRevocationList"/> passes any other non-negative value through
/// as an undefined member rather than rejecting the CRL: the certificate is revoked
/// whatever the reason says.
/// </remarks>
public enum CrlReason
{
    /// <summary>unspecified (0). RFC 5280 5.3.1: CAs SHOULD omit reasonCode rather than use it.</summary>
    Unspecified = 0,

    /// <summary>keyCompromise (1): the subject's private key is known or suspected to be compromised.</summary>
    KeyCompromise = 1,

    /// <summary>cACompromise (2): the issuing CA's key is compromised.</summary>
    CACompromise = 2,

    /// <summary>affiliationChanged (3).</summary>
    AffiliationChanged = 3,

    /// <summary>superseded (4): the certificate was replaced.</summary>
    Superseded = 4,

    /// <summary>cessationOfOperation (5): the certificate is no longer needed.</summary>
    CessationOfOperation = 5,

    /// <summary>certificateHold (6): revoked for now; a later CRL may release it with <see cref="RemoveFromCrl"/>.</summary>
    CertificateHold = 6,

    // Value 7 is not used (RFC 5280 5.3.1).

    /// <summary>removeFromCRL (8): in a delta CRL, the certificate is no longer on hold (RFC 5280 5.2.4).</summary>
    RemoveFromCrl = 8,

    /// <summary>privilegeWithdrawn (9).</summary>
    PrivilegeWithdrawn = 9,

    /// <summary>aACompromise (10): an attribute authority is compromised.</summary>
    AACompromise = 10,

    /// <summary>weakAlgorithmOrKey (11), added by X.509 (2019); not in RFC 5280.</summary>
    WeakAlgorithmOrKey = 11,
}
