using System.ComponentModel;
using System.Diagnostics;

namespace Golem.MeshPki.Tests.TestSupport;

/// <summary>
/// The openssl CLI (Debian package openssl, which CI installs). Tests that need it fail, never skip,
/// when it is missing: a test that silently does nothing proves nothing.
/// </summary>
public static class OpenSslCli
{
    /// <summary>Runs openssl in <paramref name="workingDirectory"/> and asserts that it succeeds.</summary>
    /// <param name="workingDirectory">Where relative paths in <paramref name="args"/> resolve.</param>
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
            Assert.Fail($"This test runs the openssl CLI, which is not installed or not on PATH (apt-get install openssl): {exception.Message}");
            throw;
        }

        using (process)
        {
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"openssl {string.Join(' ', args)} failed with exit code {process.ExitCode}: {stderr.Result}");
            return stdout;
        }
    }
}
