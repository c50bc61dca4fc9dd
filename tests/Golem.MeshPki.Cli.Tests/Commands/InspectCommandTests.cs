using Golem.MeshPki.Cli.Tests.TestSupport;

namespace Golem.MeshPki.Cli.Tests.Commands;

/// <summary>
/// <c>meshpki inspect</c> run in-process on certificates made by the tests (and by openssl), split by
/// topic: JSON shape, human output, inputs, private keys, exit codes.
/// </summary>
public sealed partial class InspectCommandTests
{
    private static TestPki Pki => TestPki.Shared;
}
