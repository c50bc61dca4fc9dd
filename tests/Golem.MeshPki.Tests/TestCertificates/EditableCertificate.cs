namespace Golem.MeshPki.Tests.TestCertificates;

/// <summary>
/// A certificate's DER as an editable <see cref="DerNode"/> tree, with the RFC 5280 4.1 fields
/// named: change a field, <see cref="Encode"/>, and read each field's <see cref="DerNode.Offset"/>.
/// </summary>
public sealed class EditableCertificate
{
    /// <summary>Parses <paramref name="der"/> (one certificate) into a tree.</summary>
    public EditableCertificate(ReadOnlySpan<byte> der) => Root = DerNode.Parse(der);

    /// <summary>Certificate ::= SEQUENCE.</summary>
    public DerNode Root { get; }

    public DerNode Tbs => Root[0];

    public DerNode SignatureAlgorithm => Root[1];

    public DerNode SignatureValue => Root[2];

    /// <summary>The <c>[0] EXPLICIT Version</c> wrapper, or null for a v1 certificate that omits it.</summary>
    public DerNode? Version => Tbs[0].Tag == Der.ContextConstructed(0) ? Tbs[0] : null;

    public DerNode SerialNumber => Tbs[FieldIndex(0)];

    /// <summary>tbsCertificate.signature: the AlgorithmIdentifier inside the TBS.</summary>
    public DerNode TbsSignature => Tbs[FieldIndex(1)];

    public DerNode Issuer => Tbs[FieldIndex(2)];

    public DerNode Validity => Tbs[FieldIndex(3)];

    public DerNode NotBefore => Validity[0];

    public DerNode NotAfter => Validity[1];

    public DerNode Subject => Tbs[FieldIndex(4)];

    public DerNode SubjectPublicKeyInfo => Tbs[FieldIndex(5)];

    /// <summary>The <c>[3] EXPLICIT Extensions</c> wrapper, or null.</summary>
    public DerNode? ExtensionsWrapper => Tbs.Children.FirstOrDefault(static c => c.Tag == Der.ContextConstructed(3));

    /// <summary>The Extensions SEQUENCE inside <see cref="ExtensionsWrapper"/>.</summary>
    public DerNode Extensions => (ExtensionsWrapper ?? throw new InvalidOperationException("The certificate has no extensions."))[0];

    /// <summary>The Extension SEQUENCE whose extnID is <paramref name="oid"/>.</summary>
    public DerNode Extension(string oid)
    {
        byte[] contents = Der.OidContents(oid);
        return Extensions.Children.Single(e => e[0].Contents.AsSpan().SequenceEqual(contents));
    }

    /// <summary>The extnValue OCTET STRING of extension <paramref name="oid"/>, opened for editing (its children are the extension's DER).</summary>
    public DerNode ExtensionValue(string oid) => Extension(oid).Children[^1].Encapsulate();

    /// <summary>Removes the version wrapper, the unique identifiers and the extensions: what a v1 TBS holds.</summary>
    public void MakeVersion1()
    {
        Tbs.Children.RemoveAll(static c => c.Tag is 0xA0 or 0x81 or 0x82 or 0xA3);
    }

    /// <summary>Puts <paramref name="replacement"/> where <paramref name="existing"/> is in the tree.</summary>
    /// <returns>The replacement, whose offset the next <see cref="Encode"/> sets.</returns>
    public DerNode Replace(DerNode existing, DerNode replacement)
    {
        DerNode parent = FindParent(Root, existing) ?? throw new ArgumentException("The node is not in this certificate.", nameof(existing));
        parent.Children[parent.Children.IndexOf(existing)] = replacement;
        return replacement;
    }

    /// <summary>Inserts a deep copy of <paramref name="node"/> right after it (a duplicate).</summary>
    /// <returns>The copy.</returns>
    public DerNode Duplicate(DerNode node)
    {
        DerNode parent = FindParent(Root, node) ?? throw new ArgumentException("The node is not in this certificate.", nameof(node));
        DerNode copy = node.Clone();
        parent.Children.Insert(parent.Children.IndexOf(node) + 1, copy);
        return copy;
    }

    /// <summary>The element that holds <paramref name="node"/>, or null.</summary>
    public DerNode? ParentOf(DerNode node) => FindParent(Root, node);

    /// <summary>Encodes the tree, recording every node's offset.</summary>
    public byte[] Encode() => Root.Encode();

    private static DerNode? FindParent(DerNode current, DerNode target)
    {
        foreach (DerNode child in current.Children)
        {
            if (ReferenceEquals(child, target))
            {
                return current;
            }

            if (FindParent(child, target) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private int FieldIndex(int indexAfterVersion) => Version is null ? indexAfterVersion : indexAfterVersion + 1;
}
