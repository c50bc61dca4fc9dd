using Golem.MeshPki.Certificates;
using Golem.MeshPki.Rules;

namespace Golem.MeshPki.Validation;

/// <summary>One reason a certification path is not valid: the rule it breaks, the certificate and a specific message.</summary>
public sealed class PathValidationFailure
{
    internal PathValidationFailure(RuleDescriptor rule, string message, DerCertificate? certificate, int pathIndex)
    {
        Rule = rule;
        Message = message;
        Certificate = certificate;
        PathIndex = pathIndex;
    }

    /// <summary>The rule broken (MPKI1xxx).</summary>
    public RuleDescriptor Rule { get; }

    /// <summary>What is wrong, quoting the values, ending with a period.</summary>
    public string Message { get; }

    /// <summary>The certificate concerned, or null when the failure is about the path as a whole.</summary>
    public DerCertificate? Certificate { get; }

    /// <summary>The certificate's position in the path (0 = end entity), or -1 when not tied to one.</summary>
    public int PathIndex { get; }

    /// <summary>Returns <c>MPKI1005: message</c>.</summary>
    /// <returns>The rule id and the message.</returns>
    public override string ToString() => Rule.Id + ": " + Message;
}
