using System.Security.Cryptography.X509Certificates;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Validation.Names;
using static Golem.MeshPki.Tests.Validation.Names.NameCertificates;

namespace Golem.MeshPki.Tests.Validation.Names;

/// <summary>
/// Tests of <see cref="NameConstraintsEvaluator"/>, split by topic: <c>.Syntax</c> (malformed and
/// misplaced extensions), <c>.Dns</c>, <c>.Addresses</c> (iPAddress), <c>.Mailboxes</c>
/// (rfc822Name), <c>.Uris</c>, <c>.DirectoryNames</c>, <c>.OtherForms</c> (forms that cannot be
/// evaluated) and <c>.Paths</c> (which certificates constrain which, self-issued exemption, the
/// work budget).
/// </summary>
public partial class NameConstraintsEvaluatorTests
{
    /// <summary>Evaluates root (with <paramref name="constraints"/>) → leaf (with <paramref name="names"/> as its subjectAltName).</summary>
    private static NameConstraintsResult RootOverLeaf(X509Extension constraints, params byte[][] names) =>
        NameConstraintsEvaluator.Evaluate([Leaf(SubjectAltName(names)), Root(constraints)]);

    private static void AssertPermitted(NameConstraintsResult result)
    {
        Assert.True(result.Permitted, result.Reason);
        Assert.Null(result.Reason);
        Assert.Equal(-1, result.CertificateIndex);
        Assert.Equal(-1, result.ConstrainingCertificateIndex);
    }

    private static void AssertRejected(NameConstraintsResult result, int certificateIndex, int constrainingIndex, string reasonPart)
    {
        Assert.False(result.Permitted);
        Assert.Contains(reasonPart, result.Reason, StringComparison.Ordinal);
        Assert.Equal(certificateIndex, result.CertificateIndex);
        Assert.Equal(constrainingIndex, result.ConstrainingCertificateIndex);
    }

    [Fact]
    public void Evaluate_RejectsMisuse()
    {
        Assert.Throws<ArgumentNullException>(() => NameConstraintsEvaluator.Evaluate(null!));
        Assert.Throws<ArgumentException>(() => NameConstraintsEvaluator.Evaluate([Leaf(), null!]));
    }

    [Fact]
    public void Evaluate_PathsWithoutConstraints_ArePermitted()
    {
        AssertPermitted(NameConstraintsEvaluator.Evaluate([]));
        AssertPermitted(NameConstraintsEvaluator.Evaluate([Root()]));
        AssertPermitted(NameConstraintsEvaluator.Evaluate([Leaf(SubjectAltName(Dns("anything.example"))), Root()]));
    }
}
