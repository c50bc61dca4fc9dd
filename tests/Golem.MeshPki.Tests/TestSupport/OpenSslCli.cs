using System.ComponentModel;
using System.Diagnostics;

namespace Golem.MeshPki.Tests.TestSupport;

/// <summary>The openssl CLI (Debian package openssl), which these tests require: a missing openssl fails them, never skips them.</summary>
public static class OpenSslCli
{
    /// <summary>Runs openssl in <paramref name="workingDirectory"/> and asserts that it succeeds.</summary>
    /// <param name="workingDirectory">The directory relative paths are resolved in.</param>
    /// <param name="args">The arguments.</param>
    /// <returns>What openssl wrote to standard output.</returns>
    public static string Run(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("openssl")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException("The openssl CLI is required by these tests and was not found on PATH (Debian: apt-get install openssl).", exception);
        }

        using (process)
        {
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"openssl {string.Join(' ', args)} failed ({process.ExitCode}): {stderr.Result}");
            return stdout;
        }
    }
}
