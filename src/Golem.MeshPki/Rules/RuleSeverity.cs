namespace Golem.MeshPki.Rules;

/// <summary>How much a finding matters: errors break the mesh or are refused, warnings will, information explains.</summary>
public enum RuleSeverity
{
    /// <summary>Worth knowing; nothing is wrong.</summary>
    Info = 0,

    /// <summary>Works today, breaks later or under conditions the finding names.</summary>
    Warning = 1,

    /// <summary>istiod refuses the material, or accepts it and the mesh breaks.</summary>
    Error = 2,
}
