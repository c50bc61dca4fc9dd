using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace Golem.MeshPki.Cli.Tests.TestSupport;

/// <summary>The outcome of one in-process <c>meshpki</c> run.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Stdout">Everything written to stdout.</param>
/// <param name="Stderr">Everything written to stderr.</param>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>stdout and stderr together, for assertions about anything printed.</summary>
    public string AllOutput => Stdout + Stderr;

    /// <summary>Runs <c>meshpki</c> in-process at <see cref="TestPki.Now"/>, and checks that no stack trace was printed.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The outcome.</returns>
    public static CliRun Of(params string[] args) => WithStdin([], args);

    /// <summary>Runs <c>meshpki</c> in-process with <paramref name="stdin"/> as standard input.</summary>
    /// <param name="stdin">The bytes of standard input.</param>
    /// <param name="args">The arguments.</param>
    /// <returns>The outcome.</returns>
    public static CliRun WithStdin(byte[] stdin, params string[] args) => At(TestPki.Now, stdin, args);

    /// <summary>Runs <c>meshpki</c> in-process with the clock at <paramref name="now"/>.</summary>
    /// <param name="now">The clock's time.</param>
    /// <param name="stdin">The bytes of standard input.</param>
    /// <param name="args">The arguments.</param>
    /// <returns>The outcome.</returns>
    public static CliRun At(DateTimeOffset now, byte[] stdin, params string[] args)
    {
        using var input = new MemoryStream(stdin);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exitCode = MeshPkiApp.Run(args, input, stdout, stderr, new FakeTimeProvider(now));
        var run = new CliRun(exitCode, stdout.ToString(), stderr.ToString());
        Assert.False(
            run.AllOutput.Contains("   at ", StringComparison.Ordinal),
            "meshpki printed a stack trace:\n" + run.AllOutput);
        return run;
    }

    /// <summary>stdin bytes from text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Its UTF-8 bytes.</returns>
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
