using System.Text.Json;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Validation.Names;
using Xunit.Abstractions;

namespace Golem.MeshPki.Tests.Validation.Names;

/// <summary>
/// Differential test against x509-limbo's name cases, when the file is on this machine: the name
/// functions alone (no signatures, no validity, no path rules) must reach the expected verdict.
/// The file is found through <c>MESHPKI_LIMBO_JSON</c>, else by walking up from the test
/// directory to <c>shared/testdata/x509-limbo/limbo.json</c>; without it the test returns. The
/// full run is the path validator's harness; this one keeps the name logic honest on its own.
/// </summary>
public sealed class LimboNameCasesTests(ITestOutputHelper output)
{
    private const string LimboRelativePath = "shared/testdata/x509-limbo/limbo.json";

    private static readonly string[] NameCasePrefixes =
        ["rfc5280::nc::", "rfc5280::san::", "webpki::san::", "webpki::cn::", "webpki::nc::", "cve::cve-2025", "pathological::nc-dos-", "online::"];

    /// <summary>
    /// Expected FAILURE must be rejected: no false accept, ever. Expected SUCCESS must be accepted,
    /// with one documented exception: the strict CABF BR 7.1.4.3 rule refuses limbo leaves whose
    /// commonName repeats no subjectAltName (the fixtures default to CN=example.com); those must
    /// pass once that one rule is off, and are listed in the output.
    /// </summary>
    [Fact]
    public void NameFunctionsAlone_ReachTheExpectedVerdict()
    {
        string? path = FindLimbo();
        if (path is null)
        {
            output.WriteLine("x509-limbo not found (set MESHPKI_LIMBO_JSON); nothing to check.");
            return;
        }

        PublicSuffixList? suffixes = File.Exists(PublicSuffixList.DefaultPath) ? PublicSuffixList.Load(PublicSuffixList.DefaultPath) : null;
        using JsonDocument limbo = JsonDocument.Parse(File.ReadAllBytes(path));
        var wrong = new List<string>();
        int checkedCases = 0;
        foreach (JsonElement testcase in limbo.RootElement.GetProperty("testcases").EnumerateArray())
        {
            string id = testcase.GetProperty("id").GetString()!;
            if (!NameCasePrefixes.Any(prefix => id.StartsWith(prefix, StringComparison.Ordinal)))
            {
                continue;
            }

            string[] features = [.. testcase.GetProperty("features").EnumerateArray().Select(static f => f.GetString()!)];
            if (features.Contains("rfc5280-incompatible-with-webpki"))
            {
                // The web PKI profile is implemented; the RFC-only variants are about criticality, not names.
                output.WriteLine($"skipped {id}: RFC 5280 profile variant");
                continue;
            }

            if (suffixes is null && features.Contains("pedantic-public-suffix-wildcard"))
            {
                output.WriteLine($"skipped {id}: no public suffix list on this machine");
                continue;
            }

            checkedCases++;
            bool expectSuccess = testcase.GetProperty("expected_result").GetString() == "SUCCESS";
            (bool accepted, string reason) = Decide(testcase, suffixes, checkCommonNames: true);
            if (accepted == expectSuccess)
            {
                continue;
            }

            if (expectSuccess && reason.Contains("CABF BR 7.1.4.3", StringComparison.Ordinal) && Decide(testcase, suffixes, checkCommonNames: false).Accepted)
            {
                output.WriteLine($"stricter than limbo: {id}: {reason}");
                continue;
            }

            wrong.Add($"{id}: expected {(expectSuccess ? "SUCCESS" : "FAILURE")}, names {(accepted ? "accept" : "reject: " + reason)}");
        }

        output.WriteLine($"{checkedCases} name cases checked.");
        Assert.True(checkedCases > 0);
        Assert.Empty(wrong);
    }

    /// <summary>Accepted when some chain the names allow (issuer name = subject name, ending at a trusted certificate) passes every name check.</summary>
    private static (bool Accepted, string Reason) Decide(JsonElement testcase, PublicSuffixList? suffixes, bool checkCommonNames)
    {
        DerCertificate? leaf = Read(testcase.GetProperty("peer_certificate").GetString()!);
        if (leaf is null)
        {
            return (false, "the leaf does not parse");
        }

        List<DerCertificate> trusted = ReadAll(testcase.GetProperty("trusted_certs"));
        List<DerCertificate> intermediates = ReadAll(testcase.GetProperty("untrusted_intermediates"));
        var paths = new List<List<DerCertificate>>();
        Extend([leaf], trusted, intermediates, paths);
        string reason = "no chain by names";
        foreach (List<DerCertificate> chain in paths)
        {
            NameConstraintsResult constraints = NameConstraintsEvaluator.Evaluate(chain);
            if (!constraints.Permitted)
            {
                reason = constraints.Reason!;
                continue;
            }

            JsonElement peer = testcase.GetProperty("expected_peer_name");
            string? leafReason;
            if (testcase.GetProperty("validation_kind").GetString() == "SERVER" && peer.ValueKind == JsonValueKind.Object)
            {
                PeerName expected = PeerName.Parse(peer.GetProperty("kind").GetString()!, peer.GetProperty("value").GetString()!);
                leafReason = PeerNameMatcher.Match(leaf, expected, suffixes, checkCommonNames).Reason;
            }
            else
            {
                leafReason = PeerNameMatcher.CheckSubjectAlternativeNameWellFormed(leaf);
            }

            if (leafReason is null)
            {
                return (true, string.Empty);
            }

            reason = leafReason;
        }

        return (false, reason);
    }

    private static void Extend(List<DerCertificate> chain, List<DerCertificate> trusted, List<DerCertificate> intermediates, List<List<DerCertificate>> paths)
    {
        const int MaximumLength = 8;
        DerCertificate top = chain[^1];
        foreach (DerCertificate anchor in trusted)
        {
            if (anchor.Subject == top.Issuer && !chain.Contains(anchor))
            {
                paths.Add([.. chain, anchor]);
            }
        }

        if (chain.Count >= MaximumLength)
        {
            return;
        }

        foreach (DerCertificate intermediate in intermediates)
        {
            if (intermediate.Subject == top.Issuer && !chain.Contains(intermediate))
            {
                Extend([.. chain, intermediate], trusted, intermediates, paths);
            }
        }
    }

    // A certificate the reader refuses cannot be part of any chain.
    private static List<DerCertificate> ReadAll(JsonElement pems) =>
        [.. pems.EnumerateArray().Select(static pem => Read(pem.GetString()!)).OfType<DerCertificate>()];

    private static DerCertificate? Read(string pem)
    {
        try
        {
            return DerCertificate.Parse(PemReader.ReadAll(pem).Single().Data);
        }
        catch (CertificateFormatException)
        {
            return null;
        }
    }

    private static string? FindLimbo()
    {
        if (Environment.GetEnvironmentVariable("MESHPKI_LIMBO_JSON") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, LimboRelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
