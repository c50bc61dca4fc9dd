namespace Golem.MeshPki.Cli;

/// <summary>The process exit codes of <c>meshpki</c>; scripts depend on them, so they never change meaning.</summary>
internal static class ExitCodes
{
    /// <summary>Every input was read (<c>verify</c>: the bundle has no error finding).</summary>
    public const int Success = 0;

    /// <summary>
    /// Some input could not be read; each one is named on stderr (and in <c>errors</c> with <c>--json</c>).
    /// <c>verify</c>: the bundle has error findings, a missing or unreadable file (MPKI1013) among them.
    /// </summary>
    public const int InputErrors = 1;

    /// <summary>The command line is wrong: unknown option, missing PATH, or a PATH that does not exist. Nothing was read.</summary>
    public const int UsageError = 2;
}
