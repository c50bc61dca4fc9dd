using System.Security.Cryptography.X509Certificates;
using Golem.MeshPki.Tests.TestCertificates;
using Golem.MeshPki.Validation;

namespace Golem.MeshPki.Tests.Validation;

/// <summary>
/// End-to-end cross-check: the validator's verdict equals <c>openssl verify -x509_strict</c>'s on the same
/// root, intermediates, leaf and instant, for a valid chain and for chains broken in ways both must refuse.
/// </summary>
public partial class CertificatePathValidatorTests
{
    /// <summary>Scenarios, and whether the chain is valid (both must agree with it, so that agreeing on "invalid" everywhere cannot pass).</summary>
    public static TheoryData<string, bool> OpenSslScenarios => new()
    {
        { "valid chain", true },
        { "valid chain one second before the leaf's notAfter", true },
        { "valid chain at the leaf's notBefore", true },
        { "expired leaf", false },
        { "leaf not yet valid", false },
        { "expired intermediate", false },
        { "intermediate with cA FALSE", false },
        { "intermediate without basicConstraints", false },
        { "intermediate keyUsage without keyCertSign", false },
        { "leaf signed by another key", false },
        { "intermediate signed by another key", false },
        { "leaf with a tampered TBS", false },
        { "missing intermediate", false },
        { "root pathLenConstraint 0 above an intermediate", false },
        { "unknown critical extension in the leaf", false },
        { "leaf without authorityKeyIdentifier", false },
        { "intermediate without subjectKeyIdentifier", false },
        { "intermediate with non-critical basicConstraints", false },
    };

    [Theory]
    [MemberData(nameof(OpenSslScenarios))]
    public void Verdict_agrees_with_openssl_verify_x509_strict(string scenario, bool expectedValid)
    {
        (ChainCertificate root, ChainCertificate[] untrusted, ChainCertificate leaf, DateTimeOffset at) = OpenSslScenario(scenario);

        PathValidationResult ours = Validate([root], leaf, untrusted, at: at);
        (bool openSslValid, string openSslOutput) = OpenSslVerify.Run(root, untrusted, leaf, at);

        Assert.True(
            ours.IsValid == openSslValid,
            $"{scenario}: we say {(ours.IsValid ? "valid" : "invalid")} ({Describe(ours)}); openssl says {(openSslValid ? "valid" : "invalid")}: {openSslOutput}");
        Assert.Equal(expectedValid, ours.IsValid);
    }

    [Fact]
    public void At_the_notAfter_second_itself_we_follow_RFC_5280_where_openssl_calls_the_leaf_expired()
    {
        // RFC 5280 4.1.2.5: the validity period includes notAfter (Go's crypto/x509 agrees). OpenSSL's
        // X509_cmp_time treats notAfter == now as expired, so this one instant is left out of the table above.
        (ChainCertificate root, ChainCertificate[] untrusted, ChainCertificate leaf, _) = OpenSslScenario("valid chain");
        DateTimeOffset notAfter = leaf.Certificate.NotAfter;

        AssertValid(Validate([root], leaf, untrusted, at: notAfter));
        Assert.False(OpenSslVerify.Run(root, untrusted, leaf, notAfter).Valid);
    }

    private static (ChainCertificate Root, ChainCertificate[] Untrusted, ChainCertificate Leaf, DateTimeOffset At) OpenSslScenario(string scenario)
    {
        DateTimeOffset at = TestPki.ValidationTime;
        CertificateOptions rootOptions = scenario == "root pathLenConstraint 0 above an intermediate" ? new CertificateOptions { PathLength = 0 } : new CertificateOptions();
        ChainCertificate root = TestPki.Root("OpenSSL Root CA", rootOptions);
        CertificateOptions intermediateOptions = scenario switch
        {
            "expired intermediate" => new CertificateOptions { NotAfter = at.AddDays(-1) },
            "intermediate with cA FALSE" => new CertificateOptions { Extensions = [TestExtensions.BasicConstraints(certificateAuthority: false)] },
            "intermediate without basicConstraints" => new CertificateOptions { Omit = [TestExtensions.BasicConstraintsOid] },
            "intermediate keyUsage without keyCertSign" => new CertificateOptions { Extensions = [TestExtensions.KeyUsage(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.CrlSign)] },
            "intermediate signed by another key" => new CertificateOptions { SignedBy = SigningKey.NewP256() },
            "intermediate without subjectKeyIdentifier" => new CertificateOptions { Omit = [TestExtensions.SubjectKeyIdentifierOid] },
            "intermediate with non-critical basicConstraints" => new CertificateOptions { Extensions = [TestExtensions.BasicConstraints(certificateAuthority: true, critical: false)] },
            _ => new CertificateOptions(),
        };
        ChainCertificate intermediate = TestPki.Intermediate("OpenSSL Issuing CA", root, intermediateOptions);
        var leafWindow = new CertificateOptions { NotBefore = new DateTimeOffset(2029, 6, 1, 0, 0, 0, TimeSpan.Zero), NotAfter = new DateTimeOffset(2030, 6, 1, 0, 0, 0, TimeSpan.Zero) };
        CertificateOptions leafOptions = scenario switch
        {
            "leaf signed by another key" => leafWindow with { SignedBy = SigningKey.NewP256() },
            "unknown critical extension in the leaf" => leafWindow with { Extensions = [TestExtensions.Raw(UnknownExtensionOid, Der.Utf8("golem"), critical: true)] },
            "leaf without authorityKeyIdentifier" => leafWindow with { Omit = [TestExtensions.AuthorityKeyIdentifierOid] },
            _ => leafWindow,
        };
        ChainCertificate leaf = TestPki.Leaf("openssl-workload", intermediate, leafOptions);
        if (scenario == "leaf with a tampered TBS")
        {
            leaf = TestPki.Tampered(leaf, FlipLastSerialBit);
        }

        at = scenario switch
        {
            "valid chain one second before the leaf's notAfter" => leafWindow.NotAfter.AddSeconds(-1),
            "valid chain at the leaf's notBefore" => leafWindow.NotBefore,
            "expired leaf" => leafWindow.NotAfter.AddSeconds(1),
            "leaf not yet valid" => leafWindow.NotBefore.AddSeconds(-1),
            _ => at,
        };
        ChainCertificate[] untrusted = scenario == "missing intermediate" ? [] : [intermediate];
        return (root, untrusted, leaf, at);
    }
}
