using System.Diagnostics;

namespace Golem.MeshPki.Cli.Tests.TestSupport;

/// <summary>The openssl CLI, which CI installs (.ci/run, Debian package openssl).</summary>
internal static class OpenSslCli
{
    /// <summary>Runs openssl and asserts that it succeeds.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>What openssl wrote to standard output.</returns>
    public static string Run(params string[] args)
    {
        var start = new ProcessStartInfo("openssl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"openssl {string.Join(' ', args)} failed: {stderr.Result}");
        return stdout;
    }

    /// <summary>A self-signed certificate made by <c>openssl req -x509</c> with a new key.</summary>
    /// <param name="subject">The subject, e.g. <c>/CN=PSS Root</c>.</param>
    /// <param name="reqArgs">The key and signature arguments, e.g. <c>-newkey rsa:2048 -sigopt rsa_padding_mode:pss</c>.</param>
    /// <returns>The DER.</returns>
    public static byte[] SelfSigned(string subject, params string[] reqArgs)
    {
        using var directory = new TempDirectory();
        string certificate = Path.Join(directory.Path, "cert.der");
        Run(["req", "-x509", .. reqArgs, "-nodes", "-keyout", Path.Join(directory.Path, "key.pem"),
            "-outform", "DER", "-out", certificate, "-days", "30", "-subj", subject]);
        return File.ReadAllBytes(certificate);
    }
}
