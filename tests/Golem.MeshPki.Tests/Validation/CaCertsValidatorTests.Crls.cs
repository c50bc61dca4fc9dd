using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Golem.MeshPki.Packaging;
using Golem.MeshPki.Rules;
using Golem.MeshPki.Tests.TestSupport;
using Golem.MeshPki.Validation;

namespace Golem.MeshPki.Tests.Validation;

/// <summary>ca-crl.pem: istiod checks the chain against it and, once it is given, wants a CRL for every chain certificate.</summary>
public sealed partial class CaCertsValidatorTests
{
    [Fact]
    public void Crl_of_the_CA_certificates_issuer_that_does_not_list_it_is_fine()
    {
        CaCertsValidationResult result = Validate(TwoLevel().With(CaCertsFileNames.CaCrl, CrlPem(StandardRoot, RootKey)));

        AssertNoFindings(result);
    }

    [Fact]
    public void CA_certificate_revoked_by_its_issuer_is_MPKI1024()
    {
        CaCertsValidationResult result = Validate(TwoLevel().With(CaCertsFileNames.CaCrl, CrlPem(StandardRoot, RootKey, revoked: StandardCa)));

        Finding finding = AssertSingle(result, RuleIdentifiers.CertificateRevoked, RuleSeverity.Error, "ca-cert.pem#1", StandardCa.Subject);
        Assert.Contains("revoked", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Crl_for_only_part_of_the_chain_is_MPKI1025_naming_the_certificate_without_one()
    {
        // root -> intermediate -> CA with the root's CRL only: the CA certificate's issuer (the intermediate) has none.
        CaCertsValidationResult result = Validate(ThreeLevel().With(CaCertsFileNames.CaCrl, CrlPem(StandardRoot, RootKey)));

        Finding finding = AssertSingle(result, RuleIdentifiers.CrlProblem, RuleSeverity.Error, "ca-crl.pem#1", StandardCaUnderIntermediate.Subject);
        Assert.Contains("every certificate of the chain", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Crls_for_every_link_are_fine()
    {
        string crls = CrlPem(StandardIntermediate, IntermediateKey) + CrlPem(StandardRoot, RootKey);

        AssertNoFindings(Validate(ThreeLevel().With(CaCertsFileNames.CaCrl, crls)));
    }

    /// <summary>A CRL issued by <paramref name="issuer"/> with .NET's CertificateRevocationListBuilder.</summary>
    private static string CrlPem(MeshCa issuer, TestCertificates.TestKey key, MeshCa? revoked = null)
    {
        var builder = new CertificateRevocationListBuilder();
        if (revoked is not null)
        {
            builder.AddEntry(new X509Certificate2Loader(revoked.Der).SerialNumber, Now.AddDays(-2), X509RevocationReason.KeyCompromise);
        }

        byte[] der = builder.Build(
            new X500DistinguishedName(issuer.SubjectName),
            X509SignatureGenerator.CreateForECDsa(key.ECDsa!),
            BigInteger.One,
            Now.AddDays(7),
            HashAlgorithmName.SHA256,
            X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(issuer.KeyIdentifier),
            Now.AddDays(-1));
        return PemEncoding.WriteString("X509 CRL", der) + "\n";
    }

    /// <summary>The serial of a certificate's DER as CertificateRevocationListBuilder takes it.</summary>
    private sealed class X509Certificate2Loader(byte[] der)
    {
        public byte[] SerialNumber { get; } = Golem.MeshPki.Certificates.DerCertificate.Parse(der).SerialNumber.ToArray();
    }
}
