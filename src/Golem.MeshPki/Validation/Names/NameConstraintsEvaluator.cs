using System.Globalization;
using Golem.MeshPki.Certificates;

namespace Golem.MeshPki.Validation.Names;

/// <summary>
/// Name constraints over a certification path (RFC 5280 4.2.1.10; 6.1.3 (b) and (c); 6.1.4 (g)).
/// The constraints of every CA in the path, the trust anchor's included, apply to every
/// certificate below it: each name of a form the CA constrains must lie in one of that CA's
/// permitted subtrees of the form (when it has any) and in none of its excluded subtrees.
/// Checking each CA's subtrees separately is the intersection of permitted subtrees 6.1.4 (g)
/// describes.
/// </summary>
/// <remarks>
/// <para>
/// The names of a certificate are its subject (a directoryName, when not empty), the
/// emailAddress attributes of its subject (rfc822Names, as 4.2.1.10 asks of legacy
/// certificates), and its subjectAltName entries. The subject commonName is not a name here:
/// this library never takes identity from it (<see cref="PeerNameMatcher"/>).
/// </para>
/// <para>
/// A self-issued certificate other than the leaf is exempt (6.1.3: it lets a constrained CA roll
/// its key), though its own constraints apply below it. A wildcard dNSName must lie wholly in a
/// permitted subtree and must not reach into an excluded one (CVE-2025-61727). A name that is not
/// well formed cannot be placed in a subtree and fails; so does any name of a form whose
/// constraints this library cannot evaluate (otherName, x400Address, ediPartyName,
/// registeredID) when the CA constrains that form (4.2.1.10: process the constraint or reject).
/// </para>
/// <para>
/// The work is bounded before it starts: when the names of the constrained certificates times
/// the subtrees above them exceed <see cref="MaximumChecks"/>, the path fails (x509-limbo
/// <c>pathological::nc-dos-*</c>, OpenSSL's <c>NAME_CHECK_MAX</c>). The count is of names and
/// subtrees, not of time, so the verdict is the same on every machine.
/// </para>
/// </remarks>
public static class NameConstraintsEvaluator
{
    /// <summary>The most name-against-subtree checks one path may need (2^20, as OpenSSL).</summary>
    public const int MaximumChecks = 1 << 20;

    /// <summary>
    /// Checks the name constraints of a path. Fails when a nameConstraints extension is in a
    /// certificate that is not a CA, or is malformed (RFC 5280 4.2.1.10: neither subtree list, an
    /// empty list, a minimum other than 0, a maximum, a dNSName constraint with a wildcard or
    /// leading period, an iPAddress constraint that is not a CIDR range, an rfc822Name constraint
    /// that is not a mailbox, host or .domain); when the work budget is exceeded; or when a name
    /// is outside the constraints.
    /// </summary>
    /// <param name="path">The certificates from the leaf (index 0) to the trust anchor (last).</param>
    /// <returns>Permitted, or the first failure with the certificates involved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> holds a null certificate.</exception>
    public static NameConstraintsResult Evaluate(IReadOnlyList<DerCertificate> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var sets = new NameConstraintSet?[path.Count];
        for (int j = 0; j < path.Count; j++)
        {
            DerCertificate certificate = path[j] ?? throw new ArgumentException("The path holds a null certificate at index " + j.ToString(CultureInfo.InvariantCulture) + ".", nameof(path));
            if (CheckPlacement(certificate) is not null)
            {
                return NameConstraintsResult.Failure(-1, j, Invariant($"Certificate {j} {MisplacedConstraints}"));
            }

            if (!certificate.HasExtension(CertificateExtensionKind.NameConstraints))
            {
                continue;
            }

            if (NameConstraintSet.Read(certificate, out NameConstraintSet set) is { } malformed)
            {
                return NameConstraintsResult.Failure(-1, j, Invariant($"The nameConstraints extension of certificate {j} is malformed: {malformed}."));
            }

            sets[j] = set;
        }

        long checks = 0;
        for (int i = 0; i < path.Count; i++)
        {
            if (IsExempt(path, i))
            {
                continue;
            }

            long names = -1;
            for (int j = i + 1; j < path.Count; j++)
            {
                if (sets[j] is { } set)
                {
                    names = names < 0 ? CountNames(path[i]) : names;
                    checks += names * set.Count;
                }
            }

            if (checks > MaximumChecks)
            {
                return NameConstraintsResult.Failure(-1, -1, Invariant(
                    $"Too many name constraint checks: the path's names against the subtrees above them need more than {MaximumChecks} comparisons, so it is refused rather than evaluated."));
            }
        }

        for (int i = 0; i < path.Count; i++)
        {
            if (IsExempt(path, i))
            {
                continue;
            }

            CertificateNames? names = null;
            for (int j = i + 1; j < path.Count; j++)
            {
                if (sets[j] is { } set)
                {
                    names ??= new CertificateNames(path[i]);
                    if (set.Check(names, i, j) is { } reason)
                    {
                        return NameConstraintsResult.Failure(i, j, reason);
                    }
                }
            }
        }

        return NameConstraintsResult.Success;
    }

    private const string MisplacedConstraints = "carries a nameConstraints extension but is not a CA certificate (RFC 5280 4.2.1.10: the extension MUST be used only in a CA certificate).";

    /// <summary>Why the certificate may not carry its nameConstraints extension, or null: RFC 5280 4.2.1.10 allows it only in a CA certificate (basicConstraints cA TRUE).</summary>
    /// <returns>A sentence, or null when the extension is absent or the certificate is a CA.</returns>
    internal static string? CheckPlacement(DerCertificate certificate) =>
        certificate.HasExtension(CertificateExtensionKind.NameConstraints) && !certificate.IsCertificateAuthority
            ? "The certificate " + MisplacedConstraints
            : null;

    // RFC 5280 6.1.3 (b), (c): constraints apply unless certificate i is self-issued and not the final certificate.
    private static bool IsExempt(IReadOnlyList<DerCertificate> path, int index) => index > 0 && path[index].IsSelfIssued;

    private static long CountNames(DerCertificate certificate)
    {
        long count = DirectoryNames.CountAttributes(certificate.Subject);
        GeneralNameEnumerator names = certificate.GetSubjectAlternativeNames();
        while (names.MoveNext())
        {
            count++;
        }

        return count;
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
