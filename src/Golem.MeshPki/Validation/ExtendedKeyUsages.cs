namespace Golem.MeshPki.Validation;

/// <summary>Dotted OIDs of the extended key usages a mesh cares about (RFC 5280 4.2.1.12).</summary>
public static class ExtendedKeyUsages
{
    /// <summary>id-kp-serverAuth: TLS server authentication.</summary>
    public const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";

    /// <summary>id-kp-clientAuth: TLS client authentication.</summary>
    public const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    /// <summary>id-kp-codeSigning.</summary>
    public const string CodeSigning = "1.3.6.1.5.5.7.3.3";

    /// <summary>id-kp-emailProtection.</summary>
    public const string EmailProtection = "1.3.6.1.5.5.7.3.4";

    /// <summary>id-kp-OCSPSigning.</summary>
    public const string OcspSigning = "1.3.6.1.5.5.7.3.9";

    /// <summary>anyExtendedKeyUsage (2.5.29.37.0); the web PKI profile does not accept it in place of a named usage.</summary>
    public const string Any = "2.5.29.37.0";
}
