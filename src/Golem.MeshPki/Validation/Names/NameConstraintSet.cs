using System.Globalization;
using System.Text;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Certificates.Der;

namespace Golem.MeshPki.Validation.Names;

/// <summary>The checked permitted and excluded subtrees of one CA's nameConstraints extension, and the check of another certificate's names against them.</summary>
internal sealed class NameConstraintSet
{
    private const int ListedSubtreesInMessages = 3;

    private readonly List<GeneralName> _permitted = [];
    private readonly List<GeneralName> _excluded = [];
    private int _permittedKinds;
    private int _excludedKinds;

    private NameConstraintSet()
    {
    }

    /// <summary>The number of subtrees, permitted and excluded.</summary>
    public int Count => _permitted.Count + _excluded.Count;

    /// <summary>Reads and checks the certificate's nameConstraints extension (RFC 5280 4.2.1.10).</summary>
    /// <returns>Why the extension is malformed, as a clause, or null with <paramref name="set"/> filled.</returns>
    public static string? Read(DerCertificate certificate, out NameConstraintSet set)
    {
        set = new NameConstraintSet();
        if (CheckStructure(certificate) is { } structure)
        {
            return structure;
        }

        foreach (GeneralName name in certificate.GetPermittedSubtrees())
        {
            if (CheckBase(name) is { } reason)
            {
                return reason;
            }

            set._permitted.Add(name);
            set._permittedKinds |= 1 << (int)name.Kind;
        }

        foreach (GeneralName name in certificate.GetExcludedSubtrees())
        {
            if (CheckBase(name) is { } reason)
            {
                return reason;
            }

            set._excluded.Add(name);
            set._excludedKinds |= 1 << (int)name.Kind;
        }

        return null;
    }

    /// <summary>Checks every name of certificate <paramref name="index"/> against these subtrees of certificate <paramref name="constrainingIndex"/>.</summary>
    /// <returns>Why a name is not permitted, as a sentence, or null.</returns>
    public string? Check(CertificateNames names, int index, int constrainingIndex)
    {
        var context = new CheckContext(index, constrainingIndex);
        if (!names.Subject.IsEmpty && Constrains(GeneralNameKind.DirectoryName))
        {
            if (CheckDirectoryName(names.Subject, "the subject " + NameText.Quote(names.Subject.ToString()), context) is { } reason)
            {
                return reason;
            }
        }

        if (Constrains(GeneralNameKind.Email))
        {
            foreach (string? mailbox in names.SubjectEmailAddresses)
            {
                if (CheckMailbox(mailbox, "the subject emailAddress " + NameText.Quote(mailbox), context) is { } reason)
                {
                    return reason;
                }
            }
        }

        foreach (GeneralName name in names.AlternativeNames)
        {
            if (!Constrains(name.Kind))
            {
                continue;
            }

            string described = "the subjectAltName " + NameText.Quote(name.ToString());
            string? reason = name.Kind switch
            {
                GeneralNameKind.Dns => CheckDns(name.GetText()!, described, context),
                GeneralNameKind.Email => CheckMailbox(name.GetText(), described, context),
                GeneralNameKind.Uri => CheckUri(name.GetText()!, described, context),
                GeneralNameKind.IPAddress => CheckIPAddress(name.Value.Span, described, context),
                GeneralNameKind.DirectoryName => CheckDirectoryName(new DistinguishedName(name.Value), described, context),
                _ => context.Sentence(described, "is of the form " + KindName(name.Kind)
                    + ", whose name constraints this library cannot evaluate, and certificate {1} constrains that form (RFC 5280 4.2.1.10: process the constraint or reject the certificate)"),
            };

            if (reason is not null)
            {
                return reason;
            }
        }

        return null;
    }

    private static string? CheckStructure(DerCertificate certificate)
    {
        ReadOnlyMemory<byte> value = default;
        foreach (CertificateExtension extension in certificate.GetExtensions())
        {
            if (extension.Kind == CertificateExtensionKind.NameConstraints)
            {
                value = extension.Value;
            }
        }

        try
        {
            // NameConstraints ::= SEQUENCE { permittedSubtrees [0] GeneralSubtrees OPTIONAL, excludedSubtrees [1] GeneralSubtrees OPTIONAL }
            var reader = new DerReader(value.Span);
            DerReader constraints = reader.Enter(reader.ReadAny("nameConstraints"));
            if (!constraints.HasData)
            {
                return "it has neither permittedSubtrees nor excludedSubtrees (RFC 5280 4.2.1.10)";
            }

            while (constraints.HasData)
            {
                DerElement subtrees = constraints.ReadAny("nameConstraints.subtrees");
                string which = subtrees.Tag == DerTag.ContextConstructed(0) ? "permittedSubtrees" : "excludedSubtrees";
                if (subtrees.ContentLength == 0)
                {
                    return "its " + which + " is empty (RFC 5280 4.2.1.10: GeneralSubtrees SIZE (1..MAX))";
                }

                DerReader list = constraints.Enter(subtrees);
                while (list.HasData)
                {
                    // GeneralSubtree ::= SEQUENCE { base GeneralName, minimum [0] BaseDistance DEFAULT 0, maximum [1] BaseDistance OPTIONAL }
                    DerReader subtree = list.Enter(list.ReadAny("generalSubtree"));
                    subtree.ReadAny("generalSubtree.base");
                    while (subtree.HasData)
                    {
                        DerElement field = subtree.ReadAny("generalSubtree");
                        ReadOnlySpan<byte> contents = subtree.Contents(field);
                        if (field.Tag == DerTag.ContextPrimitive(0) && !(contents.Length == 1 && contents[0] == 0))
                        {
                            return "a subtree of its " + which + " has a minimum other than 0 (RFC 5280 4.2.1.10: minimum MUST be zero)";
                        }

                        if (field.Tag == DerTag.ContextPrimitive(1))
                        {
                            return "a subtree of its " + which + " has a maximum (RFC 5280 4.2.1.10: maximum MUST be absent)";
                        }
                    }
                }
            }
        }
        catch (CertificateFormatException exception)
        {
            // The reader checked the extension already; this is defence in depth.
            return "it cannot be read (" + exception.Message.TrimEnd('.') + ")";
        }

        return null;
    }

    private static string? CheckBase(GeneralName name)
    {
        switch (name.Kind)
        {
            case GeneralNameKind.Dns:
                string dns = name.GetText()!;
                return DnsNames.CheckConstraint(dns) is { } dnsReason ? "the dNSName constraint " + NameText.Quote(dns) + " is not valid: " + dnsReason : null;
            case GeneralNameKind.Email:
                string mailbox = name.GetText()!;
                return MailboxNames.CheckConstraint(mailbox) is { } mailReason
                    ? "the rfc822Name constraint " + NameText.Quote(mailbox) + " is not a mailbox, a host or a .domain: " + mailReason
                    : null;
            case GeneralNameKind.Uri:
                string uri = name.GetText()!;
                return UriNames.CheckConstraint(uri) is { } uriReason ? "the uniformResourceIdentifier constraint " + NameText.Quote(uri) + " is not valid: " + uriReason : null;
            case GeneralNameKind.IPAddress:
                return IPAddressRanges.CheckConstraint(name.Value.Span) is { } ipReason
                    ? "the iPAddress constraint " + IPAddressRanges.Format(name.Value.Span) + " is not a CIDR range: " + ipReason
                    : null;
            default:
                return null;
        }
    }

    private bool Constrains(GeneralNameKind kind) => ((_permittedKinds | _excludedKinds) & (1 << (int)kind)) != 0;

    private bool Permits(GeneralNameKind kind) => (_permittedKinds & (1 << (int)kind)) != 0;

    private string? CheckDns(string name, string described, CheckContext context)
    {
        if (DnsNames.CheckPresented(name) is { } invalid)
        {
            return context.Sentence(described, "is not a valid DNS name (" + invalid + "), so it cannot be placed in the dNSName subtrees of certificate {1}");
        }

        bool wildcard = DnsNames.IsWildcard(name);
        foreach (GeneralName subtree in _excluded)
        {
            if (subtree.Kind == GeneralNameKind.Dns)
            {
                string constraint = subtree.GetText()!;
                if (wildcard ? DnsNames.WildcardMayMatch(name, constraint) : DnsNames.IsWithin(name, constraint))
                {
                    return context.Sentence(described, (wildcard ? "may match a name in" : "is in") + " the excluded dNSName subtree " + NameText.Quote(constraint) + " of certificate {1}");
                }
            }
        }

        return Permits(GeneralNameKind.Dns) && !AnyPermitted(GeneralNameKind.Dns, subtree => wildcard ? DnsNames.WildcardIsWithin(name, subtree.GetText()!) : DnsNames.IsWithin(name, subtree.GetText()))
            ? context.Sentence(described, (wildcard ? "may match names outside" : "is not within") + " the permitted dNSName subtrees of certificate {1} (" + ListPermitted(GeneralNameKind.Dns) + ")")
            : null;
    }

    private string? CheckMailbox(string? mailbox, string described, CheckContext context)
    {
        string? invalid = mailbox is null ? "it is not a string" : MailboxNames.CheckMailbox(mailbox);
        if (mailbox is null || invalid is not null)
        {
            return context.Sentence(described, "is not a valid mailbox (" + invalid + "), so it cannot be placed in the rfc822Name subtrees of certificate {1}");
        }

        foreach (GeneralName subtree in _excluded)
        {
            if (subtree.Kind == GeneralNameKind.Email && MailboxNames.IsWithin(mailbox, subtree.GetText()!))
            {
                return context.Sentence(described, "is in the excluded rfc822Name subtree " + NameText.Quote(subtree.GetText()) + " of certificate {1}");
            }
        }

        return Permits(GeneralNameKind.Email) && !AnyPermitted(GeneralNameKind.Email, subtree => MailboxNames.IsWithin(mailbox, subtree.GetText()!))
            ? context.Sentence(described, "is not within the permitted rfc822Name subtrees of certificate {1} (" + ListPermitted(GeneralNameKind.Email) + ")")
            : null;
    }

    private string? CheckUri(string uri, string described, CheckContext context)
    {
        if (UriNames.GetHost(uri, out string? invalid) is not { } host)
        {
            return context.Sentence(described, "has no host a URI constraint can restrict (" + invalid + "), and certificate {1} constrains URIs");
        }

        foreach (GeneralName subtree in _excluded)
        {
            if (subtree.Kind == GeneralNameKind.Uri && UriNames.IsWithin(host, subtree.GetText()!))
            {
                return context.Sentence(described, "has a host in the excluded uniformResourceIdentifier subtree " + NameText.Quote(subtree.GetText()) + " of certificate {1}");
            }
        }

        return Permits(GeneralNameKind.Uri) && !AnyPermitted(GeneralNameKind.Uri, subtree => UriNames.IsWithin(host, subtree.GetText()!))
            ? context.Sentence(described, "has a host outside the permitted uniformResourceIdentifier subtrees of certificate {1} (" + ListPermitted(GeneralNameKind.Uri) + ")")
            : null;
    }

    private string? CheckIPAddress(ReadOnlySpan<byte> address, string described, CheckContext context)
    {
        if (address.Length is not (4 or 16))
        {
            return context.Sentence(described, "is not a 4- or 16-octet address, so it cannot be placed in the iPAddress subtrees of certificate {1}");
        }

        foreach (GeneralName subtree in _excluded)
        {
            if (subtree.Kind == GeneralNameKind.IPAddress && IPAddressRanges.Contains(subtree.Value.Span, address))
            {
                return context.Sentence(described, "is in the excluded iPAddress subtree " + IPAddressRanges.Format(subtree.Value.Span) + " of certificate {1}");
            }
        }

        if (!Permits(GeneralNameKind.IPAddress))
        {
            return null;
        }

        foreach (GeneralName subtree in _permitted)
        {
            if (subtree.Kind == GeneralNameKind.IPAddress && IPAddressRanges.Contains(subtree.Value.Span, address))
            {
                return null;
            }
        }

        return context.Sentence(described, "is not within the permitted iPAddress subtrees of certificate {1} (" + ListPermitted(GeneralNameKind.IPAddress) + ")");
    }

    private string? CheckDirectoryName(DistinguishedName name, string described, CheckContext context)
    {
        foreach (GeneralName subtree in _excluded)
        {
            if (subtree.Kind == GeneralNameKind.DirectoryName && DirectoryNames.IsWithin(name, new DistinguishedName(subtree.Value)))
            {
                return context.Sentence(described, "is in the excluded directoryName subtree " + NameText.Quote(new DistinguishedName(subtree.Value).ToString()) + " of certificate {1}");
            }
        }

        return Permits(GeneralNameKind.DirectoryName) && !AnyPermitted(GeneralNameKind.DirectoryName, subtree => DirectoryNames.IsWithin(name, new DistinguishedName(subtree.Value)))
            ? context.Sentence(described, "is not within the permitted directoryName subtrees of certificate {1} (" + ListPermitted(GeneralNameKind.DirectoryName) + ")")
            : null;
    }

    private bool AnyPermitted(GeneralNameKind kind, Func<GeneralName, bool> contains)
    {
        foreach (GeneralName subtree in _permitted)
        {
            if (subtree.Kind == kind && contains(subtree))
            {
                return true;
            }
        }

        return false;
    }

    private string ListPermitted(GeneralNameKind kind)
    {
        var builder = new StringBuilder();
        int count = 0;
        foreach (GeneralName subtree in _permitted)
        {
            if (subtree.Kind != kind)
            {
                continue;
            }

            if (count < ListedSubtreesInMessages)
            {
                string text = kind switch
                {
                    GeneralNameKind.IPAddress => IPAddressRanges.Format(subtree.Value.Span),
                    GeneralNameKind.DirectoryName => NameText.Quote(new DistinguishedName(subtree.Value).ToString()),
                    _ => NameText.Quote(subtree.GetText()),
                };
                builder.Append(count == 0 ? string.Empty : ", ").Append(text);
            }

            count++;
        }

        if (count > ListedSubtreesInMessages)
        {
            builder.Append(CultureInfo.InvariantCulture, $" and {count - ListedSubtreesInMessages} more");
        }

        return builder.ToString();
    }

    private static string KindName(GeneralNameKind kind) => kind switch
    {
        GeneralNameKind.OtherName => "otherName",
        GeneralNameKind.X400Address => "x400Address",
        GeneralNameKind.EdiPartyName => "ediPartyName",
        _ => "registeredID",
    };

    /// <summary>Which certificate is checked against which, for the messages.</summary>
    private readonly struct CheckContext(int index, int constrainingIndex)
    {
        /// <summary>"The {described} of certificate {index} {predicate}.", with {1} in the predicate standing for the constraining index.</summary>
        public string Sentence(string described, string predicate) =>
            string.Format(CultureInfo.InvariantCulture, "{0} of certificate {1} ", Capitalize(described), index)
            + predicate.Replace("{1}", constrainingIndex.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) + ".";

        private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];
    }
}
