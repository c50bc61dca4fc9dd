using Golem.MeshPki.Packaging;
using Golem.MeshPki.Rules;

namespace Golem.MeshPki.Validation;

/// <summary>The verdict on a <c>cacerts</c> bundle: the chain istiod would use, the roots it distributes, and every finding.</summary>
public sealed class CaCertsValidationResult
{
    internal CaCertsValidationResult(CaCertsBundle bundle, IReadOnlyList<BundleCertificate> chain, IReadOnlyList<Finding> findings)
    {
        Bundle = bundle;
        Chain = chain;
        Findings = findings;
    }

    /// <summary>The bundle checked.</summary>
    public CaCertsBundle Bundle { get; }

    /// <summary>
    /// The path from the CA certificate up to the root it chains to (CA certificate first), as far as it could be
    /// built; the CA certificate alone, or empty, when it could not.
    /// </summary>
    public IReadOnlyList<BundleCertificate> Chain { get; }

    /// <summary>Every finding, bundle loading first, in the order found.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>True when no finding is an error (warnings and information allowed).</summary>
    public bool IsValid => !Findings.Any(finding => finding.Severity == RuleSeverity.Error);
}
