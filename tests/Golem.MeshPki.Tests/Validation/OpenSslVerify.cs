using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace Golem.MeshPki.Tests.Validation;

/// <summary>
/// <c>openssl verify</c>, the reference our verdicts are compared with. CI installs the openssl CLI (.ci/run,
/// Debian package openssl); when it is missing the test fails and says so, it is never skipped.
/// </summary>
internal static class OpenSslVerify
{
    /// <summary>
    /// Runs <c>openssl verify -x509_strict -CAfile root.pem [-untrusted untrusted.pem] -attime epoch leaf.pem</c>
    /// over PEM files written to a temporary directory.
    /// </summary>
    /// <returns>Whether openssl accepted the chain (exit code 0), and what it printed.</returns>
    public static (bool Valid, string Output) Run(ChainCertificate root, IReadOnlyList<ChainCertificate> untrusted, ChainCertificate leaf, DateTimeOffset at)
    {
        DirectoryInfo directory = Directory.CreateTempSubdirectory("meshpki-openssl-verify-");
        try
        {
            string rootPath = Write(directory, "root.pem", [root]);
            string leafPath = Write(directory, "leaf.pem", [leaf]);
            List<string> arguments = ["verify", "-x509_strict", "-CAfile", rootPath];
            if (untrusted.Count > 0)
            {
                arguments.AddRange(["-untrusted", Write(directory, "untrusted.pem", untrusted)]);
            }

            arguments.AddRange(["-attime", at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), leafPath]);
            (int exitCode, string output) = Execute(arguments);

            // 0: verified; 2: verification failed. Anything else is openssl failing to run the command.
            Assert.True(exitCode is 0 or 2, $"openssl {string.Join(' ', arguments)} exited with {exitCode}: {output}");
            return (exitCode == 0, output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string Write(DirectoryInfo directory, string name, IEnumerable<ChainCertificate> certificates)
    {
        string path = Path.Join(directory.FullName, name);
        File.WriteAllText(path, string.Concat(certificates.Select(static c => new string(PemEncoding.Write("CERTIFICATE", c.Der)) + "\n")));
        return path;
    }

    private static (int ExitCode, string Output) Execute(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("openssl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start.");
        }
        catch (Win32Exception exception)
        {
            Assert.Fail($"The openssl CLI is needed for the cross-check and was not found on PATH ({exception.Message}). Install it (Debian: apt-get install openssl; CI does in .ci/run).");
            throw;
        }

        using (process)
        {
            Task<string> standardError = process.StandardError.ReadToEndAsync();
            string standardOutput = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, standardOutput + standardError.Result);
        }
    }
}
