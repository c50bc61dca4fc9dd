using Golem.MeshPki.Certificates;
using Golem.MeshPki.Rules;
using Golem.MeshPki.Tests.TestCertificates;
using Golem.MeshPki.Validation;

namespace Golem.MeshPki.Tests.Validation;

/// <summary>A workload certificate checked as a peer Envoy checks it: path, both TLS usages, one Istio SPIFFE identity.</summary>
public sealed class WorkloadCertificateValidatorTests
{
    private static readonly ChainCertificate Root = TestPki.Root("Mesh Root CA");
    private static readonly ChainCertificate IstioCa = TestPki.Intermediate("Istio CA", Root, new CertificateOptions { PathLength = 0 });

    [Fact]
    public void Workload_of_the_trust_domain_issued_by_the_CA_is_valid()
    {
        using WorkloadCertificateValidator validator = Validator();

        PathValidationResult result = validator.Validate(Workload().Certificate, TestPki.ValidationTime);

        Assert.True(result.IsValid, string.Join(" | ", result.Failures));
        Assert.Equal([Workload().Certificate.Subject, IstioCa.Certificate.Subject, Root.Certificate.Subject], result.Path.Select(c => c.Subject));
    }

    public static TheoryData<string, string[], string> IdentityProblems => new()
    {
        { "other trust domain", ["spiffe://other.domain/ns/default/sa/sleep"], "trust domain 'other.domain'" },
        { "no SPIFFE ID", [], "no SPIFFE ID" },
        { "two SPIFFE IDs", ["spiffe://cluster.local/ns/default/sa/sleep", "spiffe://cluster.local/ns/default/sa/other"], "2 SPIFFE IDs" },
        { "not Istio's path", ["spiffe://cluster.local/workloads/sleep"], "not of Istio's form" },
    };

    [Theory]
    [MemberData(nameof(IdentityProblems))]
    public void Identity_problems_are_MPKI1023(string what, string[] spiffeIds, string messagePart)
    {
        using WorkloadCertificateValidator validator = Validator();
        ChainCertificate workload = Workload(new CertificateOptions
        {
            Extensions = [TestExtensions.SubjectAlternativeName(san =>
            {
                san.AddDnsName("sleep.default.svc");
                foreach (string id in spiffeIds)
                {
                    san.AddUri(new Uri(id));
                }
            })],
        });

        PathValidationResult result = validator.Validate(workload.Certificate, TestPki.ValidationTime);

        PathValidationFailure failure = Assert.Single(result.Failures);
        Assert.Equal(RuleIdentifiers.PeerNameMismatch, failure.Rule.Id);
        Assert.Contains(messagePart, failure.Message, StringComparison.Ordinal);
        Assert.False(result.IsValid, what);
    }

    [Fact]
    public void Workload_without_clientAuth_cannot_be_the_client_side_of_mTLS()
    {
        using WorkloadCertificateValidator validator = Validator();
        ChainCertificate workload = Workload(new CertificateOptions { Extensions = [TestExtensions.ExtendedKeyUsage(TestExtensions.ServerAuth)] });

        PathValidationResult result = validator.Validate(workload.Certificate, TestPki.ValidationTime);

        Assert.Contains(result.Failures, f => f.Rule.Id == RuleIdentifiers.UsageNotAllowed && f.Message.Contains("clientAuth", StringComparison.Ordinal));
    }

    [Fact]
    public void Expired_workload_is_MPKI1007_and_a_workload_of_another_CA_is_MPKI1006()
    {
        using WorkloadCertificateValidator validator = Validator();
        ChainCertificate expired = Workload(new CertificateOptions { NotAfter = TestPki.ValidationTime.AddSeconds(-1) });
        ChainCertificate stranger = TestPki.Leaf("sleep", TestPki.Intermediate("Other CA", TestPki.Root("Other Root")));

        Assert.Contains(validator.Validate(expired.Certificate, TestPki.ValidationTime).Failures, f => f.Rule.Id == RuleIdentifiers.CertificateOutsideValidity);
        Assert.Contains(validator.Validate(stranger.Certificate, TestPki.ValidationTime).Failures, f => f.Rule.Id == RuleIdentifiers.ChainDoesNotReachTrustedRoot);
    }

    [Fact]
    public void Constructor_refuses_an_empty_trust_domain()
    {
        Assert.Throws<ArgumentException>(() => new WorkloadCertificateValidator([Root.Certificate], [IstioCa.Certificate], string.Empty));
    }

    private static WorkloadCertificateValidator Validator() => new([Root.Certificate], [IstioCa.Certificate], "cluster.local");

    private static ChainCertificate Workload(CertificateOptions? options = null) => TestPki.Leaf("sleep", IstioCa, options);
}
