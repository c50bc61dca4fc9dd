using System.Globalization;
using Golem.MeshPki.Rules;

namespace Golem.MeshPki.Lifetimes;

/// <summary>
/// The two lifetimes a mesh on an external CA must keep in step: the workload certificates istiod signs
/// (<see cref="WorkloadCertificatePolicy"/>) and the intermediate CA cert-manager renews into <c>cacerts</c>
/// (<see cref="IntermediateCaPolicy"/>).
/// </summary>
/// <remarks>
/// Immutable; construction never throws. <see cref="Validate"/> returns both policies' findings and MPKI2003, which
/// needs both: the workload TTL must be below the renewBefore cert-manager will use for the intermediate, or the
/// workload certificates signed just before the renewal outlive their signer. The Golem.MeshPki analyzers report
/// MPKI2003 in code when both policies are written in the same creation.
/// </remarks>
public sealed record MeshCertificateLifetimes
{
    /// <summary>Both policies at their defaults (istio's and cert-manager's).</summary>
    public MeshCertificateLifetimes()
    {
    }

    /// <summary>The given policies.</summary>
    /// <param name="workload">The workload certificate policy.</param>
    /// <param name="intermediate">The intermediate CA's cert-manager lifetime.</param>
    /// <exception cref="ArgumentNullException">A policy is null.</exception>
    public MeshCertificateLifetimes(WorkloadCertificatePolicy workload, IntermediateCaPolicy intermediate)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(intermediate);
        Workload = workload;
        Intermediate = intermediate;
    }

    /// <summary>The workload certificate policy; istio's defaults unless set.</summary>
    public WorkloadCertificatePolicy Workload { get; init; } = new();

    /// <summary>The intermediate CA's cert-manager lifetime; cert-manager's defaults unless set.</summary>
    public IntermediateCaPolicy Intermediate { get; init; } = new();

    /// <summary>
    /// The renewBefore cert-manager's controller will use for the intermediate: its own if 0 &lt; renewBefore &lt;
    /// duration, else duration * renewBeforePercentage / 100 if 0 &lt; percentage &lt; 100, else a third of the duration
    /// (cert-manager pkg/util/pki/renewaltime.go; <see cref="CertManagerRenewal.RenewalTime"/>).
    /// </summary>
    public TimeSpan IntermediateRenewBefore => PlannedIntermediateRenewal().RenewBefore;

    private TimeSpan IntermediateDuration => Intermediate.Duration is { } duration && duration > TimeSpan.Zero
        ? duration
        : LifetimeRuleThresholds.DefaultCertificateDuration;

    /// <summary>
    /// The workload policy's findings (MPKI2001, MPKI2002, MPKI2010), the intermediate's (MPKI2004-MPKI2006), and
    /// MPKI2003 when the workload TTL is not below the intermediate's renewBefore.
    /// </summary>
    /// <returns>The findings, empty when the lifetimes are safe.</returns>
    public IReadOnlyList<Finding> Validate()
    {
        var findings = new List<Finding>(Workload.Validate());
        findings.AddRange(Intermediate.Validate());

        // A TTL of zero or less asks istiod for its default; the workload policy's own checks cover it.
        CertManagerRenewalTime renewal = PlannedIntermediateRenewal();
        if (Workload.Ttl > TimeSpan.Zero && Workload.Ttl >= renewal.RenewBefore)
        {
            string source = renewal.Source switch
            {
                CertManagerRenewBeforeSource.RenewBefore => Message(LifetimeRuleMessages.IntermediateRenewBeforeFromRenewBefore, Text(renewal.RenewBefore)),
                CertManagerRenewBeforeSource.RenewBeforePercentage => Message(
                    LifetimeRuleMessages.IntermediateRenewBeforeFromPercentage, Intermediate.RenewBeforePercentage, Text(IntermediateDuration)),
                _ => Message(LifetimeRuleMessages.IntermediateRenewBeforeFromDefault, Text(IntermediateDuration)),
            };
            findings.Add(new Finding(
                RuleCatalog.WorkloadTtlNotBelowIntermediateRenewBefore,
                Message(
                    LifetimeRuleMessages.WorkloadTtlNotBelowIntermediateRenewBefore,
                    Message(LifetimeRuleMessages.WorkloadCertificateTtlInCode, Text(Workload.Ttl)),
                    Text(renewal.RenewBefore),
                    source)));
        }

        return findings.AsReadOnly();
    }

    private CertManagerRenewalTime PlannedIntermediateRenewal()
    {
        // Planned from issuance, NotAfter = issuance + duration. The origin is arbitrary; MinValue leaves room for the
        // longest duration a DateTimeOffset can hold, and a longer one is cut there.
        TimeSpan duration = IntermediateDuration;
        DateTimeOffset issued = DateTimeOffset.MinValue;
        DateTimeOffset notAfter = duration > DateTimeOffset.MaxValue - issued ? DateTimeOffset.MaxValue : issued + duration;
        return CertManagerRenewal.RenewalTime(issued, notAfter, Intermediate.RenewBefore, Intermediate.RenewBeforePercentage);
    }

    private static string Text(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);

    private static string Message(string format, params object?[] arguments) => string.Format(CultureInfo.InvariantCulture, format, arguments);
}
