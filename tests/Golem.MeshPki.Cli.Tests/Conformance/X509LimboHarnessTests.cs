using System.Text;
using System.Text.Json;
using Golem.MeshPki.Cli.Conformance;
using Microsoft.Extensions.Time.Testing;

namespace Golem.MeshPki.Cli.Tests.Conformance;

/// <summary>
/// The path validator against x509-limbo (C2SP), run through <c>meshpki conformance x509-limbo</c>. The suite is
/// not part of the repository: it is read from <c>MESHPKI_LIMBO_JSON</c> or found as
/// <c>shared/testdata/x509-limbo/limbo.json</c> above the test directory, and the suite test asserts nothing when
/// it is absent (the project must not depend on it to build or test).
/// </summary>
public sealed class X509LimboHarnessTests
{
    /// <summary>
    /// Cases right on the 208-case suite. The target is 200, but with no false accept 197 is the most any
    /// rule set reading only the certificates can get on this copy: three pairs of cases (ee-without-eku, ca-as-leaf,
    /// permitted-dns-match-noncritical) expect opposite results for the same certificates; cve-2024-0567 and
    /// rfc5280::aki::cross-signed-root-missing-aki have identically shaped trust anchors (not self-issued, no
    /// authorityKeyIdentifier) with opposite expectations; pathlen::validation-ignores-pathlen-in-leaf is a CA leaf
    /// without extendedKeyUsage like webpki::ca-as-leaf; and six cases whose commonName (the fixtures' default
    /// example.com) is not in the subjectAltName expect success while webpki::cn::not-in-san expects failure.
    /// </summary>
    private const int MinimumCorrect = 197;

    [Fact]
    public void Suite_NoFalseAccept_AndAtLeastTheRecordedNumberRight()
    {
        if (FindSuite() is not { } path)
        {
            return;
        }

        using JsonDocument suite = JsonDocument.Parse(File.ReadAllBytes(path));
        IReadOnlyList<X509LimboHarness.CaseResult> results = X509LimboHarness.Run(suite, new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero)));

        var expected = suite.RootElement.GetProperty("testcases").EnumerateArray()
            .ToDictionary(testcase => testcase.GetProperty("id").GetString()!, testcase => testcase.GetProperty("expected_result").GetString() == "SUCCESS");
        var falseAccepts = results.Where(result => result.Accepted && !expected[result.Id]).Select(result => result.Id).ToList();
        int correct = results.Count(result => result.Accepted == expected[result.Id]);

        Assert.Equal(expected.Count, results.Count);
        Assert.Empty(falseAccepts);
        Assert.True(correct >= MinimumCorrect, $"{correct} of {results.Count} right; at least {MinimumCorrect} expected.");
    }

    [Fact]
    public void Command_WritesTheHarnessDocument_ForEveryCase()
    {
        const string Suite = """
            {"version":1,"testcases":[{"id":"demo::garbage-peer","features":[],"validation_kind":"SERVER","trusted_certs":[],
            "untrusted_intermediates":[],"peer_certificate":"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
            "validation_time":null,"signature_algorithms":[],"key_usage":[],"extended_key_usage":[],"expected_result":"FAILURE",
            "expected_peer_name":null,"expected_peer_names":[],"max_chain_depth":null,"crls":[]}]}
            """;
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int exitCode = MeshPkiApp.Run(["conformance", "x509-limbo"], new MemoryStream(Encoding.UTF8.GetBytes(Suite)), stdout, stderr, new FakeTimeProvider());

        Assert.Equal(ExitCodes.Success, exitCode);
        using JsonDocument document = JsonDocument.Parse(stdout.ToString());
        Assert.Equal("golem-meshpki", document.RootElement.GetProperty("harness").GetString());
        JsonElement result = Assert.Single(document.RootElement.GetProperty("results").EnumerateArray().ToList());
        Assert.Equal("demo::garbage-peer", result.GetProperty("id").GetString());
        Assert.Equal("FAILURE", result.GetProperty("actual_result").GetString());
        Assert.Contains("unreadable certificate", result.GetProperty("context").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Command_NotASuite_ExitsOneWithoutStackTrace()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int exitCode = MeshPkiApp.Run(["conformance", "x509-limbo"], new MemoryStream("{\"version\":1}"u8.ToArray()), stdout, stderr, new FakeTimeProvider());

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Contains("not an x509-limbo suite", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr.ToString(), StringComparison.Ordinal);
    }

    private static string? FindSuite()
    {
        if (Environment.GetEnvironmentVariable("MESHPKI_LIMBO_JSON") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : throw new FileNotFoundException("MESHPKI_LIMBO_JSON names a file that does not exist.", configured);
        }

        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "shared", "testdata", "x509-limbo", "limbo.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
