using System.Formats.Asn1;
using Golem.MeshPki.Certificates;

namespace Golem.MeshPki.Validation;

/// <summary>
/// Reads the parts of extensions the parsing core keeps raw but path validation needs: which fields an
/// authorityKeyIdentifier carries, whether authorityInfoAccess is well formed.
/// </summary>
internal static class ExtensionShapes
{
    /// <summary>id-pe-authorityInfoAccess (1.3.6.1.5.5.7.1.1).</summary>
    public const string AuthorityInfoAccess = "1.3.6.1.5.5.7.1.1";

    /// <summary>id-ce-policyConstraints (2.5.29.36).</summary>
    public const string PolicyConstraints = "2.5.29.36";

    /// <summary>id-ce-inhibitAnyPolicy (2.5.29.54).</summary>
    public const string InhibitAnyPolicy = "2.5.29.54";

    /// <summary>id-ce-policyMappings (2.5.29.33).</summary>
    public const string PolicyMappings = "2.5.29.33";

    /// <summary>The fields of an authorityKeyIdentifier (RFC 5280 4.2.1.1).</summary>
    [Flags]
    public enum AuthorityKeyIdentifierFields
    {
        None = 0,
        KeyIdentifier = 1,
        AuthorityCertIssuer = 2,
        AuthorityCertSerialNumber = 4,
    }

    /// <summary>Finds an extension by kind; false when absent.</summary>
    public static bool TryGet(DerCertificate certificate, CertificateExtensionKind kind, out CertificateExtension extension)
    {
        foreach (CertificateExtension candidate in certificate.GetExtensions())
        {
            if (candidate.Kind == kind)
            {
                extension = candidate;
                return true;
            }
        }

        extension = default;
        return false;
    }

    /// <summary>Which fields the authorityKeyIdentifier carries (the core has already checked its DER).</summary>
    public static AuthorityKeyIdentifierFields ReadAuthorityKeyIdentifierFields(CertificateExtension extension)
    {
        // AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0], authorityCertIssuer [1], authorityCertSerialNumber [2] }
        AuthorityKeyIdentifierFields fields = AuthorityKeyIdentifierFields.None;
        try
        {
            AsnReader sequence = new AsnReader(extension.Value, AsnEncodingRules.DER).ReadSequence();
            while (sequence.HasData)
            {
                Asn1Tag tag = sequence.PeekTag();
                fields |= tag.TagClass == TagClass.ContextSpecific ? tag.TagValue switch
                {
                    0 => AuthorityKeyIdentifierFields.KeyIdentifier,
                    1 => AuthorityKeyIdentifierFields.AuthorityCertIssuer,
                    2 => AuthorityKeyIdentifierFields.AuthorityCertSerialNumber,
                    _ => AuthorityKeyIdentifierFields.None,
                } : AuthorityKeyIdentifierFields.None;
                sequence.ReadEncodedValue();
            }
        }
        catch (AsnContentException)
        {
            // The core rejects a malformed authorityKeyIdentifier when parsing; nothing to add here.
        }

        return fields;
    }

    /// <summary>
    /// Whether authorityInfoAccess is well formed (RFC 5280 4.2.2.1): a non-empty SEQUENCE OF AccessDescription,
    /// each an accessMethod OID and an accessLocation GeneralName.
    /// </summary>
    public static bool IsWellFormedAuthorityInfoAccess(ReadOnlyMemory<byte> value)
    {
        try
        {
            AsnReader outer = new(value, AsnEncodingRules.DER);
            AsnReader descriptions = outer.ReadSequence();
            outer.ThrowIfNotEmpty();
            if (!descriptions.HasData)
            {
                return false;
            }

            while (descriptions.HasData)
            {
                AsnReader description = descriptions.ReadSequence();
                description.ReadObjectIdentifier();
                Asn1Tag location = description.PeekTag();
                if (location.TagClass != TagClass.ContextSpecific || location.TagValue > 8)
                {
                    return false;
                }

                description.ReadEncodedValue();
                description.ThrowIfNotEmpty();
            }

            return true;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }
}
