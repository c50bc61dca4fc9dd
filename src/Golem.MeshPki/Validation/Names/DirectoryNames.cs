using Golem.MeshPki.Certificates;
using Golem.MeshPki.Certificates.Der;

namespace Golem.MeshPki.Validation.Names;

/// <summary>
/// directoryName name constraints (RFC 5280 4.2.1.10, 7.1): a name lies in a subtree when the
/// subtree's RDNs are its first RDNs. RDNs are equal when their encodings are, or when their
/// attributes pair up with equal types and values equal under the conservative part of
/// RFC 4518 string preparation this reader can do safely (see <see cref="ValuesMatch"/>).
/// </summary>
internal static class DirectoryNames
{
    /// <summary>True when <paramref name="name"/> lies in the subtree rooted at <paramref name="subtree"/>.</summary>
    public static bool IsWithin(DistinguishedName name, DistinguishedName subtree)
    {
        List<List<AttributeTypeAndValue>> nameRdns = ReadRdns(name);
        List<List<AttributeTypeAndValue>> subtreeRdns = ReadRdns(subtree);
        if (subtreeRdns.Count > nameRdns.Count)
        {
            return false;
        }

        for (int i = 0; i < subtreeRdns.Count; i++)
        {
            if (!RdnsMatch(nameRdns[i], subtreeRdns[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The number of attributes in the name, for the name constraint work budget.</summary>
    public static int CountAttributes(DistinguishedName name)
    {
        int count = 0;
        AttributeTypeAndValueEnumerator enumerator = name.GetAttributes();
        while (enumerator.MoveNext())
        {
            count++;
        }

        return count;
    }

    private static List<List<AttributeTypeAndValue>> ReadRdns(DistinguishedName name)
    {
        var rdns = new List<List<AttributeTypeAndValue>>();
        AttributeTypeAndValueEnumerator enumerator = name.GetAttributes();
        while (enumerator.MoveNext())
        {
            if (enumerator.RdnIndex == rdns.Count)
            {
                rdns.Add([]);
            }

            rdns[^1].Add(enumerator.Current);
        }

        return rdns;
    }

    // A multi-valued RDN is a SET: pair the attributes regardless of order.
    private static bool RdnsMatch(List<AttributeTypeAndValue> left, List<AttributeTypeAndValue> right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        if (left.Count == 1)
        {
            return AttributesMatch(left[0], right[0]);
        }

        var used = new bool[right.Count];
        foreach (AttributeTypeAndValue attribute in left)
        {
            int partner = -1;
            for (int j = 0; j < right.Count && partner < 0; j++)
            {
                if (!used[j] && AttributesMatch(attribute, right[j]))
                {
                    partner = j;
                }
            }

            if (partner < 0)
            {
                return false;
            }

            used[partner] = true;
        }

        return true;
    }

    private static bool AttributesMatch(AttributeTypeAndValue left, AttributeTypeAndValue right) =>
        left.Type.Equals(right.Type)
        && (left.EncodedValue.Span.SequenceEqual(right.EncodedValue.Span) || ValuesMatch(left, right));

    /// <summary>
    /// RFC 5280 7.1 with the parts of RFC 4518 that are safe without full Unicode preparation:
    /// values of the directory string types (PrintableString, UTF8String, BMPString,
    /// UniversalString; IA5String for emailAddress and domainComponent) decoded to text, leading
    /// and trailing spaces removed, inner runs of spaces collapsed to one, and compared with
    /// ordinal case folding (caseIgnoreMatch). TeletexString, whose character set is ambiguous,
    /// and non-string values match only byte for byte.
    /// </summary>
    private static bool ValuesMatch(AttributeTypeAndValue left, AttributeTypeAndValue right)
    {
        if (!IsComparableString(left.ValueTag) || !IsComparableString(right.ValueTag))
        {
            return false;
        }

        string a = Prepare(left.GetValueString());
        string b = Prepare(right.GetValueString());
        return a.Length > 0 && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsComparableString(byte tag) => tag is DerTag.PrintableString or DerTag.Utf8String or DerTag.BmpString or DerTag.UniversalString or DerTag.Ia5String;

    // RFC 4518 2.6.1 (insignificant space handling), for the space character only.
    private static string Prepare(string value)
    {
        ReadOnlySpan<char> trimmed = value.AsSpan().Trim(' ');
        if (!trimmed.Contains("  ", StringComparison.Ordinal))
        {
            return trimmed.ToString();
        }

        var builder = new System.Text.StringBuilder(trimmed.Length);
        foreach (char c in trimmed)
        {
            if (c != ' ' || builder.Length == 0 || builder[^1] != ' ')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
