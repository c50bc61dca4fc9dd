using System.Text;
using Golem.MeshPki.Certificates;

namespace Golem.MeshPki.Validation.Names;

/// <summary>
/// Server identity in the web PKI profile: whether a leaf certificate names the host or address a
/// client expects (RFC 6125 / RFC 9525 6, CABF BR 7.1.2.7.12 and 7.1.4.3). The subjectAltName
/// extension is required and must be well formed throughout; the subject commonName is never a
/// fallback, and any commonName must repeat a subjectAltName exactly.
/// </summary>
public static class PeerNameMatcher
{
    private const int ListedNamesInMessages = 5;

    // 2.5.4.3 commonName.
    private static ReadOnlySpan<byte> CommonNameOid => [0x55, 0x04, 0x03];

    /// <summary>
    /// Matches the expected peer name against the leaf. In order, the leaf must have a
    /// subjectAltName extension; a well-formed one (<see cref="CheckSubjectAlternativeNameWellFormed"/>);
    /// not marked critical when the subject is not empty (CABF BR 7.1.2.7.12). Then an expected
    /// DNS name must be a valid host name matched by a dNSName (ignoring ASCII case;
    /// <c>*.example.com</c> matches exactly one more label, never <c>example.com</c>; a wildcard
    /// over a public suffix, such as <c>*.co.uk</c>, matches nothing), and an expected IP address
    /// must parse strictly and equal an iPAddress octet for octet. Last, every subject commonName
    /// must be a character-for-character copy of a dNSName, or the canonical text of an
    /// iPAddress, in the extension (CABF BR 7.1.4.3).
    /// </summary>
    /// <param name="leaf">The end-entity certificate.</param>
    /// <param name="expected">The name the client expects.</param>
    /// <param name="publicSuffixes">The public suffix list, so that wildcards over public suffixes such as <c>*.co.uk</c> match nothing; with null only wildcards over a single label such as <c>*.com</c> are known to be such.</param>
    /// <returns>The match, or the reason there is none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="leaf"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="expected"/> is <c>default(PeerName)</c>.</exception>
    public static PeerNameMatch Match(DerCertificate leaf, PeerName expected, PublicSuffixList? publicSuffixes) =>
        Match(leaf, expected, publicSuffixes, checkCommonNames: true);

    /// <summary>
    /// <see cref="Match(DerCertificate, PeerName, PublicSuffixList?)"/>, with the CABF BR 7.1.4.3
    /// commonName rule optional: the rule is the web PKI's, and certificates from private CAs
    /// (and some x509-limbo fixtures) carry a commonName that no subjectAltName repeats.
    /// </summary>
    internal static PeerNameMatch Match(DerCertificate leaf, PeerName expected, PublicSuffixList? publicSuffixes, bool checkCommonNames)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        if (expected.Value is null)
        {
            throw new ArgumentException("The expected peer name is default(PeerName); create it with PeerName.Dns, PeerName.IPAddress or PeerName.Parse.", nameof(expected));
        }

        if (!leaf.HasExtension(CertificateExtensionKind.SubjectAlternativeName))
        {
            return PeerNameMatch.Failure("The certificate has no subjectAltName extension, and server identity never falls back to the subject commonName (RFC 9525 6.1, CABF BR 7.1.2.7.12).");
        }

        if (CheckSubjectAlternativeNameWellFormed(leaf) is { } malformed)
        {
            return PeerNameMatch.Failure(malformed);
        }

        if (!leaf.Subject.IsEmpty && leaf.IsExtensionCritical(CertificateExtensionKind.SubjectAlternativeName))
        {
            return PeerNameMatch.Failure("The subjectAltName extension is critical although the subject is not empty (CABF BR 7.1.2.7.12: critical only when the subject is an empty sequence).");
        }

        PeerNameMatch match = expected.Kind == PeerNameKind.IPAddress ? MatchIPAddress(leaf, expected.Value) : MatchDns(leaf, expected.Value, publicSuffixes);
        if (match.IsMatch && checkCommonNames && CheckCommonNames(leaf) is { } commonName)
        {
            return PeerNameMatch.Failure(commonName);
        }

        return match;
    }

    /// <summary>
    /// Why the leaf's subjectAltName extension is malformed, or null when it is well formed or
    /// absent. One bad entry spoils the certificate: every dNSName must be a valid presented name
    /// (LDH labels, ASCII, no IP literal, a wildcard only as the whole leftmost label and never
    /// bare); every iPAddress 4 or 16 octets; every rfc822Name a mailbox with one '@'; every URI
    /// a URI with a scheme, and a valid SPIFFE ID when the scheme is <c>spiffe</c>. A subject
    /// that is empty requires the extension to be critical (RFC 5280 4.2.1.6). A wildcard over a
    /// public suffix is not malformed: <see cref="Match(DerCertificate, PeerName, PublicSuffixList?)"/>
    /// never lets it match.
    /// </summary>
    /// <param name="leaf">The certificate.</param>
    /// <returns>One sentence naming the bad entry and the rule, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="leaf"/> is null.</exception>
    public static string? CheckSubjectAlternativeNameWellFormed(DerCertificate leaf)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        if (!leaf.HasExtension(CertificateExtensionKind.SubjectAlternativeName))
        {
            return null;
        }

        if (leaf.Subject.IsEmpty && !leaf.IsExtensionCritical(CertificateExtensionKind.SubjectAlternativeName))
        {
            return "The subject is empty but the subjectAltName extension is not critical (RFC 5280 4.2.1.6).";
        }

        foreach (GeneralName name in leaf.GetSubjectAlternativeNames())
        {
            if (CheckWellFormed(name) is { } reason)
            {
                return reason;
            }
        }

        return null;
    }

    /// <summary>Why one subjectAltName entry is malformed, or null.</summary>
    internal static string? CheckWellFormed(GeneralName name)
    {
        switch (name.Kind)
        {
            case GeneralNameKind.Dns:
                string dns = name.GetText()!;
                return DnsNames.CheckPresented(dns) is { } dnsReason
                    ? "The subjectAltName dNSName " + NameText.Quote(dns) + " is not valid: " + dnsReason + "."
                    : null;
            case GeneralNameKind.IPAddress:
                return name.Value.Length is 4 or 16
                    ? null
                    : "The subjectAltName iPAddress is " + name.Value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " octets; an address is 4 (IPv4) or 16 (IPv6) octets (RFC 5280 4.2.1.6).";
            case GeneralNameKind.Email:
                string mailbox = name.GetText()!;
                return MailboxNames.CheckMailbox(mailbox) is { } mailReason
                    ? "The subjectAltName rfc822Name " + NameText.Quote(mailbox) + " is not valid: " + mailReason + "."
                    : null;
            case GeneralNameKind.Uri:
                string uri = name.GetText()!;
                return UriNames.CheckPresented(uri) is { } uriReason
                    ? "The subjectAltName uniformResourceIdentifier " + NameText.Quote(uri) + " is not valid: " + uriReason + "."
                    : null;
            default:
                // directoryName was checked by the reader; otherName, x400Address, ediPartyName and
                // registeredID have no syntax this library judges.
                return null;
        }
    }

    /// <summary>
    /// Why a subject commonName breaks CABF BR 7.1.4.3, or null: each must be a string that is a
    /// character-for-character copy of a subjectAltName dNSName (so no case change and no
    /// U-label for an A-label) or the canonical text of a subjectAltName iPAddress (dotted
    /// decimal without leading zeros; RFC 5952 for IPv6).
    /// </summary>
    internal static string? CheckCommonNames(DerCertificate leaf)
    {
        foreach (AttributeTypeAndValue attribute in leaf.Subject.GetAttributes())
        {
            if (!attribute.Type.Equals(CommonNameOid))
            {
                continue;
            }

            if (!attribute.IsString)
            {
                return "The subject commonName is not a string, so it cannot repeat a subjectAltName (CABF BR 7.1.4.3).";
            }

            string commonName = attribute.GetValueString();
            if (!IsCopyOfSubjectAlternativeName(leaf, commonName))
            {
                return "The subject commonName " + NameText.Quote(commonName)
                    + " is neither a character-for-character copy of a subjectAltName dNSName nor the canonical text of a subjectAltName iPAddress (CABF BR 7.1.4.3).";
            }
        }

        return null;
    }

    private static bool IsCopyOfSubjectAlternativeName(DerCertificate leaf, string commonName)
    {
        foreach (GeneralName name in leaf.GetSubjectAlternativeNames())
        {
            if ((name.Kind == GeneralNameKind.Dns && string.Equals(name.GetText(), commonName, StringComparison.Ordinal))
                || (name.Kind == GeneralNameKind.IPAddress && IPAddressText.IsCanonicalText(commonName, name.Value.Span)))
            {
                return true;
            }
        }

        return false;
    }

    private static PeerNameMatch MatchDns(DerCertificate leaf, string reference, PublicSuffixList? publicSuffixes)
    {
        if (DnsNames.CheckReference(reference) is { } invalid)
        {
            return PeerNameMatch.Failure("The expected DNS name " + NameText.Quote(reference) + " is not valid: " + invalid + ".");
        }

        string? refused = null;
        foreach (GeneralName name in leaf.GetSubjectAlternativeNames())
        {
            if (name.Kind != GeneralNameKind.Dns || !DnsNames.Matches(name.GetText()!, reference))
            {
                continue;
            }

            if (DnsNames.CheckWildcardBase(name.GetText()!, publicSuffixes) is { } overSuffix)
            {
                refused ??= "The subjectAltName dNSName " + NameText.Quote(name.GetText()) + " would match " + NameText.Quote(reference)
                    + ", but a wildcard over a public suffix is never honoured: " + overSuffix + ".";
                continue;
            }

            return PeerNameMatch.Success(name.ToString());
        }

        return PeerNameMatch.Failure(refused ?? "No subjectAltName dNSName matches " + NameText.Quote(reference) + DescribeNames(leaf, GeneralNameKind.Dns) + ".");
    }

    private static PeerNameMatch MatchIPAddress(DerCertificate leaf, string reference)
    {
        byte[]? address = IPAddressText.Parse(reference);
        if (address is null)
        {
            return PeerNameMatch.Failure("The expected IP address " + NameText.Quote(reference)
                + " is not valid: an IPv4 address is four decimal octets without leading zeros, an IPv6 address RFC 4291 text without a zone.");
        }

        foreach (GeneralName name in leaf.GetSubjectAlternativeNames())
        {
            if (name.Kind == GeneralNameKind.IPAddress && name.Value.Span.SequenceEqual(address))
            {
                return PeerNameMatch.Success(name.ToString());
            }
        }

        return PeerNameMatch.Failure("No subjectAltName iPAddress equals " + NameText.Quote(reference) + DescribeNames(leaf, GeneralNameKind.IPAddress) + ".");
    }

    private static string DescribeNames(DerCertificate leaf, GeneralNameKind kind)
    {
        var builder = new StringBuilder();
        int count = 0;
        foreach (GeneralName name in leaf.GetSubjectAlternativeNames())
        {
            if (name.Kind != kind)
            {
                continue;
            }

            if (count < ListedNamesInMessages)
            {
                builder.Append(count == 0 ? string.Empty : ", ").Append(NameText.Quote(name.Kind == GeneralNameKind.IPAddress ? IPAddressText.Format(name.Value.Span) : name.GetText()));
            }

            count++;
        }

        if (count == 0)
        {
            return kind == GeneralNameKind.Dns ? " (the certificate has no dNSName)" : " (the certificate has no iPAddress)";
        }

        if (count > ListedNamesInMessages)
        {
            builder.Append(System.Globalization.CultureInfo.InvariantCulture, $" and {count - ListedNamesInMessages} more");
        }

        return " (the certificate names " + builder + ")";
    }
}
