using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Golem.MeshPki.Packaging.Tests;

/// <summary>
/// Packs the library (with no build: the test project's reference built it) into a temporary feed, creates console
/// projects that reference the package, builds them and reads the compiler's warnings: the analyzers packed under
/// <c>analyzers/dotnet/cs/</c> must run in a consumer's build with no extra step, and the code fixes packed beside them
/// must not trouble it (the command-line compiler has no Workspaces assembly for them).
/// </summary>
public sealed partial class PackageAnalyzerEndToEndTests : IClassFixture<PackedLibraryFixture>
{
    private readonly PackedLibraryFixture _package;

    public PackageAnalyzerEndToEndTests(PackedLibraryFixture package) => _package = package;

    private const string AnalyzerAssembly = "Golem.MeshPki.Analyzers";
    private const string CodeFixesAssembly = "Golem.MeshPki.Analyzers.CodeFixes";

    [Fact]
    public void Package_holds_the_analyzer_and_its_code_fixes_under_analyzers_dotnet_cs_and_depends_on_neither()
    {
        using var archive = ZipFile.OpenRead(_package.PackagePath);
        var entries = archive.Entries.Select(e => e.FullName).ToList();
        Assert.Contains($"analyzers/dotnet/cs/{AnalyzerAssembly}.dll", entries);
        Assert.Contains($"analyzers/dotnet/cs/{CodeFixesAssembly}.dll", entries);
        Assert.Contains("lib/net10.0/Golem.MeshPki.dll", entries);

        // Nowhere else: in lib/ either would become a compile reference of every consumer.
        Assert.Equal(
            [$"analyzers/dotnet/cs/{CodeFixesAssembly}.dll", $"analyzers/dotnet/cs/{AnalyzerAssembly}.dll"],
            entries.Where(e => e.Contains(AnalyzerAssembly, StringComparison.Ordinal)).Order(StringComparer.Ordinal));

        var nuspec = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        string nuspecText;
        using (var reader = new StreamReader(nuspec.Open()))
        {
            nuspecText = reader.ReadToEnd();
        }

        Assert.DoesNotContain(AnalyzerAssembly, nuspecText, StringComparison.Ordinal);
        var dependencies = XDocument.Parse(nuspecText).Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string?)e.Attribute("id")).ToList();
        Assert.NotEmpty(dependencies);
        Assert.DoesNotContain(dependencies, id => id is not null && id.StartsWith("Golem.MeshPki", StringComparison.Ordinal));
    }

    [Fact]
    public void Packed_library_references_neither_the_analyzer_nor_the_code_fixes()
    {
        using var archive = ZipFile.OpenRead(_package.PackagePath);
        using var library = new MemoryStream();
        using (var entry = archive.GetEntry("lib/net10.0/Golem.MeshPki.dll")!.Open())
        {
            entry.CopyTo(library);
        }

        library.Position = 0;
        using var pe = new PEReader(library);
        var metadata = pe.GetMetadataReader();
        var references = metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();
        Assert.Contains("BouncyCastle.Cryptography", references);
        Assert.DoesNotContain(references, name => name.StartsWith(AnalyzerAssembly, StringComparison.Ordinal));
    }

    [Fact]
    public void Consumer_compiler_is_given_both_assemblies_and_reports_no_analyzer_load_problem()
    {
        var build = _package.BuildConsumer("load-check", UnsafeProgram);

        Assert.True(build.ExitCode == 0, build.Output);

        // NuGet hands every assembly under analyzers/dotnet/cs/ to the compiler; it must actually get the code fixes,
        // or the absence of load warnings would prove nothing.
        var ours = build.CompilerAnalyzerPaths().Where(p => Path.GetFileName(p).StartsWith(AnalyzerAssembly, StringComparison.Ordinal)).ToList();
        Assert.Equal([$"{CodeFixesAssembly}.dll", $"{AnalyzerAssembly}.dll"], ours.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(ours, p => Assert.EndsWith(Path.Combine("analyzers", "dotnet", "cs"), Path.GetDirectoryName(p), StringComparison.Ordinal));

        // The command-line compiler has no Microsoft.CodeAnalysis.Workspaces: it must never try to load the code fixes'
        // types (CS8032/CS8034 or AD0001 if it did), nor call their assembly empty (CS8033), and the analyzers beside
        // them still run in the same compilation.
        Assert.Empty(build.AnalyzerLoadProblems());
        Assert.Equal(["MPKI2001", "MPKI2002"], build.MpkiDiagnostics().Select(d => d.Id).Order(StringComparer.Ordinal));
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
        Assert.Empty(build.AnalyzerLoadProblems());
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
        Assert.Empty(build.AnalyzerLoadProblems());
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

    /// <summary>
    /// The <c>/analyzer:</c> paths of the compiler command line the build printed (<c>-clp:ShowCommandLine</c>),
    /// unquoted.
    /// </summary>
    public IReadOnlyList<string> CompilerAnalyzerPaths() =>
        AnalyzerArgument().Matches(Output).Select(m => m.Groups["path"].Value.Trim('"')).Distinct().ToList();

    /// <summary>
    /// Lines in which the compiler or MSBuild says an analyzer could not be loaded or run: CS8032 (instance cannot be
    /// created), CS8033 (no analyzers in the assembly), CS8034 (assembly cannot be loaded), CS9057 (built against a
    /// newer compiler), AD0001 (an analyzer threw), CS8784/CS8785 (a generator failed), or the loader's own words.
    /// </summary>
    public IReadOnlyList<string> AnalyzerLoadProblems() =>
        Output.Split('\n').Where(line => AnalyzerLoadProblem().IsMatch(line)).Select(line => line.TrimEnd('\r')).ToList();

    [GeneratedRegex(@"^\s*(?<path>[^\r\n]+?)\((?<line>\d+),(?<col>\d+)\): (?<severity>warning|error) (?<id>MPKI\d{4}): (?<message>[^\r\n]*?)(?: \[[^\]\r\n]*\])?\r?$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();

    [GeneratedRegex(@"[/-]analyzer:(?<path>""[^""]+""|\S+)")]
    private static partial Regex AnalyzerArgument();

    [GeneratedRegex(@"\b(?:CS8032|CS8033|CS8034|CS9057|AD0001|CS8784|CS8785)\b|could not be loaded|cannot be created|Could not load file or assembly|Unable to load", RegexOptions.IgnoreCase)]
    private static partial Regex AnalyzerLoadProblem();
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
        // ShowCommandLine prints the compiler's command line at the default verbosity (its /analyzer: arguments).
        return Run(directory, "build", "-c", "Release", "-clp:ShowCommandLine");
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
