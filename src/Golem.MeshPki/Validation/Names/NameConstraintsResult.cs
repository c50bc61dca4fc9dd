namespace Golem.MeshPki.Validation.Names;

/// <summary>The outcome of <see cref="NameConstraintsEvaluator.Evaluate"/>: whether every name in the path satisfies the name constraints above it, and if not, which certificate failed which CA's constraints and why.</summary>
public readonly record struct NameConstraintsResult
{
    private NameConstraintsResult(bool permitted, int certificateIndex, int constrainingCertificateIndex, string? reason)
    {
        Permitted = permitted;
        CertificateIndex = certificateIndex;
        ConstrainingCertificateIndex = constrainingCertificateIndex;
        Reason = reason;
    }

    /// <summary>True when every name constraints extension is well formed and every constrained name satisfies them.</summary>
    public bool Permitted { get; }

    /// <summary>The path index (0 is the leaf) of the certificate whose name is not permitted; -1 when the failure is not about one certificate's names (a malformed extension, the work budget) or there is none.</summary>
    public int CertificateIndex { get; }

    /// <summary>The path index of the CA whose constraints the name fails, or whose nameConstraints extension is malformed or misplaced; -1 when not applicable.</summary>
    public int ConstrainingCertificateIndex { get; }

    /// <summary>Why the path fails, as one sentence quoting the name and the subtree; null when permitted.</summary>
    public string? Reason { get; }

    internal static NameConstraintsResult Success { get; } = new(true, -1, -1, null);

    internal static NameConstraintsResult Failure(int certificateIndex, int constrainingCertificateIndex, string reason) =>
        new(false, certificateIndex, constrainingCertificateIndex, reason);
}
