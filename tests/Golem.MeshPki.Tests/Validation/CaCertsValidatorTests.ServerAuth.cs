using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Golem.MeshPki.Rules;
using Golem.MeshPki.Tests.TestSupport;
using Golem.MeshPki.Validation;

namespace Golem.MeshPki.Tests.Validation;

/// <summary>istiod verifies the CA certificate with Go's x509.Verify and its default usage, serverAuth (keycertbundle.go).</summary>
public sealed partial class CaCertsValidatorTests
{
    [Fact]
    public void CA_certificate_whose_extendedKeyUsage_lacks_serverAuth_is_refused_by_istiod_MPKI1021()
    {
        MeshCa ca = MeshCa.Issue(CaSpec with { ExtraExtensions = [ExtendedKeyUsage("1.3.6.1.5.5.7.3.2")] }, StandardRoot);

        CaCertsValidationResult result = Validate(TwoLevel(ca));

        Finding finding = AssertSingle(result, RuleIdentifiers.UsageNotAllowed, RuleSeverity.Error, "ca-cert.pem#1", ca.Subject);
        Assert.Contains("without serverAuth", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.3.6.1.5.5.7.3.1")]
    [InlineData("2.5.29.37.0")]
    public void CA_certificate_whose_extendedKeyUsage_allows_serverAuth_or_any_usage_is_accepted(string usage)
    {
        MeshCa ca = MeshCa.Issue(CaSpec with { ExtraExtensions = [ExtendedKeyUsage(usage, "1.3.6.1.5.5.7.3.2")] }, StandardRoot);

        AssertNo(Validate(TwoLevel(ca)), RuleIdentifiers.UsageNotAllowed);
    }

    private static X509EnhancedKeyUsageExtension ExtendedKeyUsage(params string[] oids)
    {
        var collection = new OidCollection();
        foreach (string oid in oids)
        {
            collection.Add(new Oid(oid));
        }

        return new X509EnhancedKeyUsageExtension(collection, critical: false);
    }
}
