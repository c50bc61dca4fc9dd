using System.Text.Json;
using Golem.MeshPki.Cli.Tests.TestSupport;

namespace Golem.MeshPki.Cli.Tests.Commands;

/// <summary>
/// <c>meshpki verify</c> run in-process on cacerts bundles made by the openssl CLI as istio's tools/certs does,
/// as directories and as Secret manifests, split by topic: human output, JSON contract, inputs, exit codes, keys.
/// </summary>
public sealed partial class VerifyCommandTests : IClassFixture<OpenSslCaCerts>
{
    private readonly OpenSslCaCerts _pki;

    /// <summary>Gets the shared PKI.</summary>
    /// <param name="pki">The openssl-made CA.</param>
    public VerifyCommandTests(OpenSslCaCerts pki) => _pki = pki;

    private static CliRun Verify(params string[] args) => CliRun.Of(["verify", .. args]);

    private static JsonElement Json(CliRun run)
    {
        using JsonDocument document = JsonDocument.Parse(run.Stdout);
        return document.RootElement.Clone();
    }

    private static IEnumerable<string> FindingIds(JsonElement json) =>
        json.GetProperty("findings").EnumerateArray().Select(finding => finding.GetProperty("id").GetString()!);
}
