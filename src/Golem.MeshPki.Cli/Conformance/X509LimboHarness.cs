using System.Globalization;
using System.Text.Json;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Validation;
using Golem.MeshPki.Validation.Names;

namespace Golem.MeshPki.Cli.Conformance;

/// <summary>
/// Runs x509-limbo test cases (C2SP/x509-limbo) through the path validator: reads the suite document and
/// writes the harness result document <c>{"version":1,"harness":...,"results":[{"id","actual_result","context"}]}</c>.
/// </summary>
/// <remarks>
/// Every case is mapped onto the validator's public inputs only: trusted and intermediate certificates,
/// validation time, the EKU that the validation kind implies plus the case's own, key usages, the maximum
/// chain depth, the expected peer name and CRLs. No case is recognised by its id.
/// </remarks>
internal static class X509LimboHarness
{
    /// <summary>The harness name written into the result document.</summary>
    public const string HarnessName = "golem-meshpki";

    /// <summary>One case's outcome.</summary>
    /// <param name="Id">The case id.</param>
    /// <param name="Accepted">Whether the validator accepted the chain.</param>
    /// <param name="Context">Why, in one line (the first failure when rejected).</param>
    public sealed record CaseResult(string Id, bool Accepted, string Context);

    /// <summary>Runs every case of the suite in <paramref name="suite"/>.</summary>
    /// <param name="suite">The limbo.json document.</param>
    /// <param name="time">The clock, for cases without a validation_time.</param>
    /// <returns>The results, in suite order.</returns>
    /// <exception cref="JsonException">The document is not a limbo suite.</exception>
    public static IReadOnlyList<CaseResult> Run(JsonDocument suite, TimeProvider time)
    {
        // Wildcards over public suffixes are refused with the system's list (Debian package publicsuffix) when present.
        PublicSuffixList? publicSuffixes = File.Exists(PublicSuffixList.DefaultPath) ? PublicSuffixList.Load(PublicSuffixList.DefaultPath) : null;
        JsonElement root = suite.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("testcases", out JsonElement testcases) || testcases.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("the document has no \"testcases\" array; it is not an x509-limbo suite");
        }

        var results = new List<CaseResult>();
        foreach (JsonElement testcase in testcases.EnumerateArray())
        {
            results.Add(RunCase(testcase, time, publicSuffixes));
        }

        return results;
    }

    /// <summary>Writes the harness result document.</summary>
    /// <param name="results">The results.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(IReadOnlyList<CaseResult> results, Stream output)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteNumber("version", 1);
        writer.WriteString("harness", HarnessName);
        writer.WriteStartArray("results");
        foreach (CaseResult result in results)
        {
            writer.WriteStartObject();
            writer.WriteString("id", result.Id);
            writer.WriteString("actual_result", result.Accepted ? "SUCCESS" : "FAILURE");
            writer.WriteString("context", result.Context);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static CaseResult RunCase(JsonElement testcase, TimeProvider time, PublicSuffixList? publicSuffixes)
    {
        string id = testcase.GetProperty("id").GetString() ?? string.Empty;
        try
        {
            return Evaluate(id, testcase, time, publicSuffixes);
        }
        catch (CertificateFormatException exception)
        {
            // A certificate the strict reader rejects cannot be part of a valid path.
            return new CaseResult(id, false, "unreadable certificate: " + exception.Message);
        }
    }

    private static CaseResult Evaluate(string id, JsonElement testcase, TimeProvider time, PublicSuffixList? publicSuffixes)
    {
        List<DerCertificate> trusted = ReadCertificates(testcase.GetProperty("trusted_certs"));
        List<DerCertificate> intermediates = ReadCertificates(testcase.GetProperty("untrusted_intermediates"));
        DerCertificate peer = ReadCertificate(testcase.GetProperty("peer_certificate").GetString() ?? string.Empty);
        DateTimeOffset validationTime = testcase.TryGetProperty("validation_time", out JsonElement timeElement) && timeElement.ValueKind == JsonValueKind.String
            ? DateTimeOffset.Parse(timeElement.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : time.GetUtcNow();

        var requiredUsages = new List<string>();
        string kind = testcase.GetProperty("validation_kind").GetString() ?? string.Empty;
        requiredUsages.Add(kind == "CLIENT" ? ExtendedKeyUsages.ClientAuthentication : ExtendedKeyUsages.ServerAuthentication);
        foreach (JsonElement usage in Array(testcase, "extended_key_usage"))
        {
            string oid = ExtendedKeyUsageOid(usage.GetString());
            if (!requiredUsages.Contains(oid))
            {
                requiredUsages.Add(oid);
            }
        }

        KeyUsageFlags keyUsages = KeyUsageFlags.None;
        foreach (JsonElement usage in Array(testcase, "key_usage"))
        {
            keyUsages |= KeyUsage(usage.GetString());
        }

        var policy = new ChainValidationPolicy
        {
            RequiredExtendedKeyUsages = requiredUsages,
            RequiredKeyUsages = keyUsages,
            MaximumIntermediates = testcase.TryGetProperty("max_chain_depth", out JsonElement depth) && depth.ValueKind == JsonValueKind.Number
                ? depth.GetInt32()
                : ChainValidationPolicy.Default.MaximumIntermediates,
            PublicSuffixes = publicSuffixes,
            CertificateRevocationLists = ReadCrls(testcase),
        };

        using var validator = new CertificatePathValidator(trusted, policy);
        PathValidationResult result = testcase.TryGetProperty("expected_peer_name", out JsonElement peerName) && peerName.ValueKind == JsonValueKind.Object
            ? validator.Validate(peer, intermediates, validationTime, PeerName.Parse(peerName.GetProperty("kind").GetString() ?? string.Empty, peerName.GetProperty("value").GetString() ?? string.Empty))
            : validator.Validate(peer, intermediates, validationTime);
        return result.IsValid
            ? new CaseResult(id, true, "valid path of " + result.Path.Count + " certificates")
            : new CaseResult(id, false, result.Failures[0].ToString());
    }

    private static JsonElement.ArrayEnumerator Array(JsonElement testcase, string name) =>
        testcase.TryGetProperty(name, out JsonElement element) && element.ValueKind == JsonValueKind.Array
            ? element.EnumerateArray()
            : default;

    private static List<DerCertificateRevocationList> ReadCrls(JsonElement testcase)
    {
        var crls = new List<DerCertificateRevocationList>();
        foreach (JsonElement pem in Array(testcase, "crls"))
        {
            foreach (PemBlock block in PemReader.ReadAll(pem.GetString() ?? string.Empty))
            {
                if (block.Label == PemLabel.Crl)
                {
                    crls.Add(DerCertificateRevocationList.Parse(block.Data));
                }
            }
        }

        return crls;
    }

    private static List<DerCertificate> ReadCertificates(JsonElement array)
    {
        var certificates = new List<DerCertificate>();
        foreach (JsonElement pem in array.EnumerateArray())
        {
            certificates.Add(ReadCertificate(pem.GetString() ?? string.Empty));
        }

        return certificates;
    }

    private static DerCertificate ReadCertificate(string pem)
    {
        foreach (PemBlock block in PemReader.ReadAll(pem))
        {
            if (block.Label == PemLabel.Certificate)
            {
                return DerCertificate.Parse(block.Data);
            }
        }

        throw new CertificateFormatException("no CERTIFICATE block", 1, 0);
    }

    private static string ExtendedKeyUsageOid(string? name) => name switch
    {
        "serverAuth" => ExtendedKeyUsages.ServerAuthentication,
        "clientAuth" => ExtendedKeyUsages.ClientAuthentication,
        "codeSigning" => ExtendedKeyUsages.CodeSigning,
        "emailProtection" => ExtendedKeyUsages.EmailProtection,
        "OCSPSigning" => ExtendedKeyUsages.OcspSigning,
        "anyExtendedKeyUsage" => ExtendedKeyUsages.Any,
        _ => name ?? string.Empty,
    };

    private static KeyUsageFlags KeyUsage(string? name) => name switch
    {
        "digitalSignature" => KeyUsageFlags.DigitalSignature,
        "contentCommitment" => KeyUsageFlags.NonRepudiation,
        "keyEncipherment" => KeyUsageFlags.KeyEncipherment,
        "dataEncipherment" => KeyUsageFlags.DataEncipherment,
        "keyAgreement" => KeyUsageFlags.KeyAgreement,
        "keyCertSign" => KeyUsageFlags.KeyCertSign,
        "cRLSign" => KeyUsageFlags.CrlSign,
        "encipherOnly" => KeyUsageFlags.EncipherOnly,
        "decipherOnly" => KeyUsageFlags.DecipherOnly,
        _ => KeyUsageFlags.None,
    };
}
