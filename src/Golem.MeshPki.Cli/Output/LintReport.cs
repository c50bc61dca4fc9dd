using Golem.MeshPki.Rules;

namespace Golem.MeshPki.Cli.Output;

/// <summary>An input <c>meshpki lint</c> could not read: a file, or text in it that no rule can use (not YAML).</summary>
/// <param name="File">The file.</param>
/// <param name="Line">The 1-based line, when known.</param>
/// <param name="Column">The 1-based column, when known.</param>
/// <param name="Message">What is wrong, ending with a period.</param>
internal sealed record LintInputError(string File, int? Line, int? Column, string Message)
{
    /// <summary>Returns <c>file(line,col): error: message</c>, or <c>file: error: message</c> without a position.</summary>
    /// <returns>A compiler-style line.</returns>
    public override string ToString() => Line is { } line && Column is { } column
        ? new FindingLocation(File, line, column) + ": error: " + Message
        : File + ": error: " + Message;
}

/// <summary>What <c>meshpki lint</c> found.</summary>
/// <param name="Findings">The findings, ordered by file, line and column.</param>
/// <param name="Errors">The inputs that could not be read.</param>
/// <param name="FileCount">How many files were read.</param>
internal sealed record LintReport(IReadOnlyList<Finding> Findings, IReadOnlyList<LintInputError> Errors, int FileCount)
{
    /// <summary>Gets the number of error findings.</summary>
    public int ErrorCount => Findings.Count(f => f.Severity == RuleSeverity.Error);

    /// <summary>Gets the number of warning findings.</summary>
    public int WarningCount => Findings.Count(f => f.Severity == RuleSeverity.Warning);

    /// <summary>Gets whether the exit code is 1: an error finding or an unreadable input.</summary>
    public bool HasErrors => ErrorCount > 0 || Errors.Count > 0;
}
