using System.Security.Cryptography;
using Golem.MeshPki.Packaging;
using Golem.MeshPki.Rules;
using Golem.MeshPki.Tests.TestCertificates;
using Golem.MeshPki.Tests.TestSupport;
using Golem.MeshPki.Validation;

namespace Golem.MeshPki.Tests.Validation;

/// <summary>
/// <see cref="CaCertsValidator"/> over bundles built here: a root (2025-01-01..2035-01-01), optionally an
/// intermediate (2025-01-01..2030-01-01), and the CA certificate istiod signs with (2025-06-01..2027-06-01),
/// judged at <see cref="Now"/> (2026-03-01). Every rule has a failing and a passing case; every result is checked
/// for "IsValid exactly when no error finding".
/// </summary>
public sealed partial class CaCertsValidatorTests
{
    /// <summary>The evaluation time of every test.</summary>
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset CaNotBefore = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset CaNotAfter = new(2027, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset IntermediateNotAfter = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const string RootSubject = "CN=Golem Root CA,O=Golem Bank";
    private const string IntermediateSubject = "CN=Golem Intermediate CA,O=Golem Bank";
    private const string CaSubject = "CN=cluster1 CA,O=Golem Bank";

    private static readonly Lazy<TestKey> LazyRootKey = new(() => TestKey.CreateEC(ECCurve.NamedCurves.nistP256, "P-256"));
    private static readonly Lazy<TestKey> LazyIntermediateKey = new(() => TestKey.CreateEC(ECCurve.NamedCurves.nistP256, "P-256"));
    private static readonly Lazy<TestKey> LazyCaKey = new(() => TestKey.CreateEC(ECCurve.NamedCurves.nistP256, "P-256"));
    private static readonly Lazy<TestKey> LazyOtherKey = new(() => TestKey.CreateEC(ECCurve.NamedCurves.nistP256, "P-256"));

    private static TestKey RootKey => LazyRootKey.Value;

    private static TestKey IntermediateKey => LazyIntermediateKey.Value;

    private static TestKey CaKey => LazyCaKey.Value;

    /// <summary>A key no certificate of the standard PKI uses.</summary>
    private static TestKey OtherKey => LazyOtherKey.Value;

    private static CaCertificateSpec RootSpec => new() { CommonName = "Golem Root CA", Key = RootKey };

    private static CaCertificateSpec IntermediateSpec => new() { CommonName = "Golem Intermediate CA", Key = IntermediateKey, NotAfter = IntermediateNotAfter };

    private static CaCertificateSpec CaSpec => new() { CommonName = "cluster1 CA", Key = CaKey, NotBefore = CaNotBefore, NotAfter = CaNotAfter };

    private static MeshCa StandardRoot { get; } = MeshCa.Root(RootSpec);

    private static MeshCa StandardIntermediate { get; } = MeshCa.Issue(IntermediateSpec, StandardRoot);

    /// <summary>The CA certificate issued directly by the root.</summary>
    private static MeshCa StandardCa { get; } = MeshCa.Issue(CaSpec, StandardRoot);

    /// <summary>The CA certificate issued by the intermediate.</summary>
    private static MeshCa StandardCaUnderIntermediate { get; } = MeshCa.Issue(CaSpec, StandardIntermediate);

    private static CaCertsValidationOptions Options => new() { ValidationTime = Now };

    /// <summary>root -> CA, Istio layout.</summary>
    private static CaCertsFiles TwoLevel(MeshCa? ca = null, MeshCa? root = null) =>
        CaCertsFiles.Istio(ca ?? StandardCa, [root ?? StandardRoot], root ?? StandardRoot);

    /// <summary>root -> intermediate -> CA, Istio layout.</summary>
    private static CaCertsFiles ThreeLevel(MeshCa? ca = null, MeshCa? intermediate = null, MeshCa? root = null) =>
        CaCertsFiles.Istio(ca ?? StandardCaUnderIntermediate, [intermediate ?? StandardIntermediate, root ?? StandardRoot], root ?? StandardRoot);

    private static CaCertsValidationResult Validate(CaCertsFiles files, CaCertsValidationOptions? options = null) =>
        Validate(files.Load(), options);

    /// <summary>Validates and checks the invariant every result keeps: IsValid exactly when no finding is an error.</summary>
    private static CaCertsValidationResult Validate(CaCertsBundle bundle, CaCertsValidationOptions? options = null)
    {
        CaCertsValidationResult result = CaCertsValidator.Validate(bundle, options ?? Options);
        Assert.Equal(!result.Findings.Any(finding => finding.Severity == RuleSeverity.Error), result.IsValid);
        Assert.Same(bundle, result.Bundle);
        return result;
    }

    /// <summary>Asserts that exactly one finding has <paramref name="id"/>, with that severity, source and subject; returns it.</summary>
    private static Finding AssertSingle(CaCertsValidationResult result, string id, RuleSeverity severity, string? source, string? subject)
    {
        Finding finding = Assert.Single(result.Findings, finding => finding.Id == id);
        AssertFinding(finding, id, severity, source, subject);
        return finding;
    }

    /// <summary>Asserts that some finding has <paramref name="id"/> and <paramref name="source"/>, with that severity and subject; returns it.</summary>
    private static Finding AssertHas(CaCertsValidationResult result, string id, RuleSeverity severity, string source, string? subject)
    {
        Finding finding = Assert.Single(result.Findings, finding => finding.Id == id && finding.Source == FullSource(source));
        AssertFinding(finding, id, severity, source, subject);
        return finding;
    }

    private static void AssertFinding(Finding finding, string id, RuleSeverity severity, string? source, string? subject)
    {
        Assert.Equal(id, finding.Id);
        Assert.Equal(severity, finding.Severity);
        Assert.Equal(FullSource(source), finding.Source);
        Assert.Equal(subject, finding.Subject);
        Assert.EndsWith(".", finding.Message, StringComparison.Ordinal);
    }

    /// <summary>A source relative to the bundle (<c>cert-chain.pem#2</c>) as findings name it; empty for the bundle itself.</summary>
    private static string? FullSource(string? source) =>
        source is null ? null : source.Length == 0 ? CaCertsFiles.SourceName : CaCertsFiles.SourceName + "/" + source;

    private static void AssertNo(CaCertsValidationResult result, string id) =>
        Assert.DoesNotContain(result.Findings, finding => finding.Id == id);

    private static void AssertNoFindings(CaCertsValidationResult result)
    {
        Assert.True(result.Findings.Count == 0, "Unexpected findings:\n" + string.Join("\n", result.Findings));
        Assert.True(result.IsValid);
    }

    private static string[] Subjects(CaCertsValidationResult result) => result.Chain.Select(entry => entry.Certificate.Subject.ToString()).ToArray();

    [Fact]
    public void Validate_NullArguments_Throw()
    {
        CaCertsBundle bundle = TwoLevel().Load();
        Assert.Throws<ArgumentNullException>("bundle", () => CaCertsValidator.Validate(null!, Options));
        Assert.Throws<ArgumentNullException>("options", () => CaCertsValidator.Validate(bundle, null!));
    }

    [Fact]
    public void IstioLayout_RootAndCa_HasNoFindingAndChainIsCaThenRoot()
    {
        CaCertsValidationResult result = Validate(TwoLevel());

        AssertNoFindings(result);
        Assert.Equal([CaSubject, RootSubject], Subjects(result));
        Assert.Equal(["cacerts/ca-cert.pem#1", "cacerts/cert-chain.pem#2"], result.Chain.Select(entry => entry.Source));
    }

    [Fact]
    public void IstioLayout_RootIntermediateAndCa_HasNoFindingAndChainIsCaIntermediateRoot()
    {
        CaCertsValidationResult result = Validate(ThreeLevel());

        AssertNoFindings(result);
        Assert.Equal([CaSubject, IntermediateSubject, RootSubject], Subjects(result));
        Assert.Equal(["cacerts/ca-cert.pem#1", "cacerts/cert-chain.pem#2", "cacerts/cert-chain.pem#3"], result.Chain.Select(entry => entry.Source));
    }

    [Fact]
    public void CertManagerLayout_TlsCrtAndCaCrt_HasNoFindingAndChainIsCaThenRoot()
    {
        CaCertsBundle bundle = CaCertsFiles.CertManager(StandardCaUnderIntermediate, [StandardIntermediate], StandardRoot).Load();
        CaCertsValidationResult result = Validate(bundle);

        Assert.Equal(CaCertsLayout.CertManager, bundle.Layout);
        AssertNoFindings(result);
        Assert.Equal([CaSubject, IntermediateSubject, RootSubject], Subjects(result));
        Assert.Equal(["cacerts/tls.crt#1", "cacerts/tls.crt#2", "cacerts/ca.crt#1"], result.Chain.Select(entry => entry.Source));
    }

    [Fact]
    public void CertManagerLayout_CaSignedByRoot_HasNoFinding()
    {
        CaCertsValidationResult result = Validate(CaCertsFiles.CertManager(StandardCa, [], StandardRoot));

        AssertNoFindings(result);
        Assert.Equal([CaSubject, RootSubject], Subjects(result));
    }
}
