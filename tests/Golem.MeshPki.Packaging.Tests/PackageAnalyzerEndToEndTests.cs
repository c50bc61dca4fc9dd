using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Golem.MeshPki.Packaging.Tests;

/// <summary>
/// Packs the library (with no build: the test project's reference built it) into a temporary feed, creates console
/// projects that reference the package, builds them and reads the compiler's warnings: the analyzers packed under
/// <c>analyzers/dotnet/cs/</c> must run in a consumer's build with no extra step.
/// </summary>
public sealed partial class PackageAnalyzerEndToEndTests : IClassFixture<PackedLibraryFixture>
{
    private readonly PackedLibraryFixture _package;

    public PackageAnalyzerEndToEndTests(PackedLibraryFixture package) => _package = package;

    [Fact]
    public void Package_holds_the_analyzer_under_analyzers_dotnet_cs_and_does_not_depend_on_it()
    {
        using var archive = System.IO.Compression.ZipFile.OpenRead(_package.PackagePath);
        var entries = archive.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("analyzers/dotnet/cs/Golem.MeshPki.Analyzers.dll", entries);
        Assert.Contains("lib/net10.0/Golem.MeshPki.dll", entries);
        var nuspec = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var reader = new StreamReader(nuspec.Open());
        Assert.DoesNotContain("Golem.MeshPki.Analyzers", reader.ReadToEnd(), StringComparison.Ordinal);
    }

    // Unsafe on purpose: istiod refuses a TTL above 90 days, and a ratio of 1.5 rotates at once. The values are on
    // line 6, column 11 ("    Ttl = " is 10 characters) and line 7, column 24 ("    GracePeriodRatio = " is 23).
    private const string UnsafeProgram = """
        using Golem.MeshPki.Lifetimes;

        // Unsafe on purpose.
        var policy = new WorkloadCertificatePolicy
        {
            Ttl = TimeSpan.FromDays(100),
            GracePeriodRatio = 1.5,
        };
        Console.WriteLine(policy.Ttl);
        """;

    [Fact]
    public void Consumer_with_unsafe_constants_gets_MPKI2002_and_MPKI2001_warnings_at_their_values_by_default()
    {
        var build = _package.BuildConsumer("unsafe-default", UnsafeProgram);

        Assert.True(build.ExitCode == 0, build.Output);
        AssertUnsafeProgramDiagnostics(build, "warning");
    }

    [Fact]
    public void Consumer_with_unsafe_constants_fails_when_editorconfig_raises_MPKI2002_and_MPKI2001_to_errors()
    {
        const string editorConfig = """
            root = true

            [*.cs]
            dotnet_diagnostic.MPKI2001.severity = error
            dotnet_diagnostic.MPKI2002.severity = error
            """;
        var build = _package.BuildConsumer("unsafe-errors", UnsafeProgram, editorConfig);

        Assert.True(build.ExitCode != 0, build.Output);
        AssertUnsafeProgramDiagnostics(build, "error");
    }

    private static void AssertUnsafeProgramDiagnostics(ConsumerBuild build, string severity)
    {
        var diagnostics = build.MpkiDiagnostics();
        Assert.True(
            diagnostics.Select(d => (d.Severity, d.Id, d.Line, d.Column)).Order().SequenceEqual([(severity, "MPKI2001", 7, 24), (severity, "MPKI2002", 6, 11)]),
            build.Output);
        Assert.All(diagnostics, d => Assert.Equal("Program.cs", d.File));
        Assert.Contains("'100.00:00:00' exceeds istiod's maximum '90.00:00:00'", diagnostics.Single(d => d.Id == "MPKI2002").Message, StringComparison.Ordinal);
        Assert.Contains("'1.5'", diagnostics.Single(d => d.Id == "MPKI2001").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Consumer_with_safe_constants_builds_with_no_MPKI_warning()
    {
        const string program = """
            using Golem.MeshPki.Lifetimes;

            var policy = new WorkloadCertificatePolicy
            {
                Ttl = TimeSpan.FromDays(30),
                GracePeriodRatio = 0.5,
            };
            Console.WriteLine(policy.Ttl);
            """;
        var build = _package.BuildConsumer("safe", program);

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Empty(build.MpkiDiagnostics());
        Assert.DoesNotContain("MPKI", build.Output, StringComparison.Ordinal);
    }
}

/// <summary>The output of one consumer build.</summary>
public sealed partial record ConsumerBuild(int ExitCode, string Output)
{
    /// <summary>The distinct MPKI diagnostics, as MSBuild prints them: <c>path(line,col): warning|error ID: message [project]</c>.</summary>
    public IReadOnlyList<(string File, int Line, int Column, string Severity, string Id, string Message)> MpkiDiagnostics() =>
        DiagnosticLine().Matches(Output)
            .Select(m => (
                File: Path.GetFileName(m.Groups["path"].Value),
                Line: int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                Column: int.Parse(m.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture),
                Severity: m.Groups["severity"].Value,
                Id: m.Groups["id"].Value,
                Message: m.Groups["message"].Value.Trim()))
            .Distinct()
            .ToList();

    [GeneratedRegex(@"^\s*(?<path>[^\r\n]+?)\((?<line>\d+),(?<col>\d+)\): (?<severity>warning|error) (?<id>MPKI\d{4}): (?<message>[^\r\n]*?)(?: \[[^\]\r\n]*\])?\r?$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}

/// <summary>
/// A temporary folder with the packed library (a unique prerelease version, so no cached package can stand in for it),
/// its own NUGET_PACKAGES folder, and consumer projects; deleted at the end.
/// </summary>
public sealed class PackedLibraryFixture : IDisposable
{
    private static readonly TimeSpan ProcessLimit = TimeSpan.FromMinutes(5);
    private readonly string _root;
    private readonly string _version = "0.0.0-e2e." + Guid.NewGuid().ToString("N");

    public PackedLibraryFixture()
    {
        _root = Path.Combine(Path.GetTempPath(), "golem-meshpki-e2e-" + Guid.NewGuid().ToString("N"));
        var feed = Path.Combine(_root, "feed");
        Directory.CreateDirectory(feed);
        var assembly = typeof(PackedLibraryFixture).Assembly;
        string Metadata(string key) => assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

        var pack = Run(_root, "pack", Metadata("LibraryProject"), "-c", Metadata("Configuration"), "--no-build", "-o", feed,
            "-p:Version=" + _version, "-p:NuspecOutputPath=" + Path.Combine(_root, "nuspec") + Path.DirectorySeparatorChar);
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + pack.Output);
        }

        PackagePath = Path.Combine(feed, $"Golem.MeshPki.{_version}.nupkg");
        if (!File.Exists(PackagePath))
        {
            throw new InvalidOperationException($"dotnet pack did not write {PackagePath}:\n{pack.Output}");
        }

        // The temporary feed beside the sources already configured for this machine (user and machine NuGet.Config
        // files still apply), so the package's own dependencies restore the way the repository's do.
        File.WriteAllText(Path.Combine(_root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="golem-e2e" value="{feed}" />
              </packageSources>
            </configuration>
            """);
    }

    public string PackagePath { get; }

    public ConsumerBuild BuildConsumer(string name, string program, string? editorConfig = null)
    {
        var directory = Path.Combine(_root, name);
        Directory.CreateDirectory(directory);
        if (editorConfig is not null)
        {
            File.WriteAllText(Path.Combine(directory, ".editorconfig"), editorConfig);
        }

        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Golem.MeshPki" Version="{_version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), program.ReplaceLineEndings("\n"));
        return Run(directory, "build", "-c", "Release");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temporary folder.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private ConsumerBuild Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No build servers left behind holding the temporary folder, and nothing from the test host's MSBuild.
        start.ArgumentList.Add("-nodeReuse:false");
        start.ArgumentList.Add("-p:UseSharedCompilation=false");
        start.Environment["NUGET_PACKAGES"] = Path.Combine(_root, "packages");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var variable in new[] { "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            start.Environment.Remove(variable);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = new StringBuilder();
        var lockObject = new object();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (lockObject) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (lockObject) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(ProcessLimit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish in {ProcessLimit}:\n{output}");
        }

        process.WaitForExit();
        lock (lockObject)
        {
            return new ConsumerBuild(process.ExitCode, output.ToString());
        }
    }
}
