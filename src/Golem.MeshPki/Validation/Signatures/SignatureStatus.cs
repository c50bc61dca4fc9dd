namespace Golem.MeshPki.Validation.Signatures;

/// <summary>The outcome of verifying one signature.</summary>
internal enum SignatureStatus
{
    /// <summary>Not verified (the default value, so that an unset verdict never reads as valid).</summary>
    NotVerified = 0,

    /// <summary>The signature verifies with the issuer's key.</summary>
    Valid,

    /// <summary>The signature does not verify: wrong key, altered data, or a malformed signature value.</summary>
    Invalid,

    /// <summary>The algorithm, the key or their combination cannot be verified here; treated as not verified.</summary>
    Unsupported,
}
