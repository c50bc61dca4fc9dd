using Golem.MeshPki.Certificates;

namespace Golem.MeshPki.Validation.Names;

/// <summary>The names of one certificate that name constraints restrict (RFC 5280 4.2.1.10): its subject, its subject's emailAddress attributes, and its subjectAltName entries.</summary>
internal sealed class CertificateNames
{
    // 1.2.840.113549.1.9.1 emailAddress (PKCS #9).
    private static ReadOnlySpan<byte> EmailAddressOid => [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x01];

    public CertificateNames(DerCertificate certificate)
    {
        Subject = certificate.Subject;
        foreach (AttributeTypeAndValue attribute in Subject.GetAttributes())
        {
            if (attribute.Type.Equals(EmailAddressOid))
            {
                // A non-string value is kept as null: a mailbox nobody can place in a subtree.
                SubjectEmailAddresses.Add(attribute.IsString ? attribute.GetValueString() : null);
            }
        }

        foreach (GeneralName name in certificate.GetSubjectAlternativeNames())
        {
            AlternativeNames.Add(name);
        }
    }

    /// <summary>The subject; an empty subject is not a name (RFC 5280 4.2.1.10 applies directoryName constraints to a non-empty subject).</summary>
    public DistinguishedName Subject { get; }

    /// <summary>The values of the subject's emailAddress attributes; null for a value that is not a string.</summary>
    public List<string?> SubjectEmailAddresses { get; } = [];

    /// <summary>The subjectAltName entries, in order.</summary>
    public List<GeneralName> AlternativeNames { get; } = [];
}
