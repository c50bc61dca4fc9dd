using System.Diagnostics;
using Golem.MeshPki.Cli.Tests.TestSupport;

namespace Golem.MeshPki.Cli.Tests;

/// <summary>
/// End to end: the built <c>meshpki</c> run with <c>dotnet</c>, to prove that exit codes and the
/// absence of stack traces hold for the real process, not only for <see cref="MeshPkiApp.Run"/>.
/// </summary>
public sealed class MeshPkiProcessTests
{
    [Fact]
    public void Process_exits_2_for_a_path_that_does_not_exist_without_a_stack_trace()
    {
        (int exitCode, string stdout, string stderr) = RunMeshPki([], "inspect", "/no/such/file.pem");

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("no such file or directory: '/no/such/file.pem'", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_reads_DER_from_stdin_and_exits_1_for_a_broken_file_next_to_it()
    {
        using var directory = new TempDirectory();
        string broken = directory.Write("broken.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n");

        (int exitCode, string stdout, string stderr) = RunMeshPki(TestPki.Shared.Root.RawData, "inspect", "-", broken, "--json");

        Assert.Equal(1, exitCode);
        Assert.Contains("\"source\": \"-#0\"", stdout, StringComparison.Ordinal);
        Assert.Contains($"meshpki: {broken}: Malformed PEM at line 1", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_exits_0_and_prints_plain_text_when_redirected()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("chain.pem", TestPki.Shared.ChainPem);

        (int exitCode, string stdout, string stderr) = RunMeshPki([], "inspect", path);

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("3 certificates, 0 private keys, 0 errors", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', stdout);
    }

    private static (int ExitCode, string Stdout, string Stderr) RunMeshPki(byte[] stdin, params string[] args)
    {
        // The CLI project is referenced, so its build output sits next to the tests'.
        string meshpki = Path.Join(AppContext.BaseDirectory, "meshpki.dll");
        Assert.True(File.Exists(meshpki), $"{meshpki} was not built next to the tests.");

        // dotnet test sets DOTNET_HOST_PATH to the muxer that runs the tests.
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(meshpki);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        process.StandardInput.BaseStream.Write(stdin);
        process.StandardInput.Close();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }
}
