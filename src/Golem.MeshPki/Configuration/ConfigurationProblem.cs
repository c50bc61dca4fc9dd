namespace Golem.MeshPki.Configuration;

/// <summary>What kind of problem a <see cref="ConfigurationProblem"/> is.</summary>
public enum ConfigurationProblemKind
{
    /// <summary>The text is not valid YAML or JSON (also inside embedded YAML such as <c>data.mesh</c>).</summary>
    InvalidSyntax,

    /// <summary>A value cannot be read as the type its field needs (a ratio that is not a number, a mapping where a string belongs).</summary>
    InvalidValue,

    /// <summary>A field that the resource's API does not define (cert-manager drops it or rejects it under strict validation).</summary>
    UnknownField,
}

/// <summary>A setting that could not be read, with where it is; reading goes on after it.</summary>
/// <param name="Kind">What kind of problem it is.</param>
/// <param name="Position">Where the offending text starts.</param>
/// <param name="Message">A sentence that quotes the field and, where it helps, the value.</param>
/// <param name="FieldPath">The dotted path of the field (<c>spec.subject.organisations</c>), when the problem is about one.</param>
/// <param name="Suggestion">For <see cref="ConfigurationProblemKind.UnknownField"/>, the known field name closest to the unknown one, if any is close.</param>
public sealed record ConfigurationProblem(
    ConfigurationProblemKind Kind, SourcePosition Position, string Message, string? FieldPath = null, string? Suggestion = null)
{
    /// <summary>Shows the problem as a compiler would, e.g. <c>ca.yaml(12,5): Unknown field ...</c>.</summary>
    /// <returns>The position followed by the message.</returns>
    public override string ToString()
    {
        return $"{Position}: {Message}";
    }
}
