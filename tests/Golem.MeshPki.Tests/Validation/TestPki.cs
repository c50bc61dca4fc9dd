using System.Buffers.Binary;
using System.Security.Cryptography.X509Certificates;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Tests.TestCertificates;
using X509Extension = System.Security.Cryptography.X509Certificates.X509Extension;

namespace Golem.MeshPki.Tests.Validation;

/// <summary>A certificate of a test PKI, with the key that signs the certificates below it.</summary>
internal sealed class ChainCertificate
{
    public ChainCertificate(byte[] der, SigningKey key)
    {
        Der = der;
        Key = key;
        Certificate = DerCertificate.Parse(der);
    }

    /// <summary>The parsed certificate, the instance given to the validator.</summary>
    public DerCertificate Certificate { get; }

    /// <summary>The DER encoding.</summary>
    public byte[] Der { get; }

    /// <summary>The subject's key: it signs the certificates this one issues.</summary>
    public SigningKey Key { get; }

    /// <summary>The subject Name's DER (the issuer name of the certificates it issues).</summary>
    public byte[] Name => Certificate.Subject.Encoded.ToArray();

    /// <summary>The subject as the validator's messages quote it (RFC 4514).</summary>
    public string Subject => Certificate.Subject.ToString();

    /// <inheritdoc />
    public override string ToString() => Certificate.ToString();
}

/// <summary>
/// How <see cref="TestPki"/> writes one certificate. Every default is fixed (a 2025-01-01..2035-01-01 window,
/// the role's usual extensions) so that tests state only what their case is about.
/// </summary>
internal sealed record CertificateOptions
{
    /// <summary>The subject key; null means a new P-256 key.</summary>
    public SigningKey? Key { get; init; }

    /// <summary>The signature algorithm; null means the signing key's default.</summary>
    public TestSignatureAlgorithm? Algorithm { get; init; }

    /// <summary>Signs with this key instead of the issuer's (a wrong signature that still names the issuer).</summary>
    public SigningKey? SignedBy { get; init; }

    public DateTimeOffset NotBefore { get; init; } = CertificateSpec.DefaultNotBefore;

    public DateTimeOffset NotAfter { get; init; } = CertificateSpec.DefaultNotAfter;

    /// <summary>The serial's positive magnitude; null means a serial unique in this test run.</summary>
    public byte[]? Serial { get; init; }

    /// <summary>basicConstraints pathLenConstraint of a CA; null for none.</summary>
    public int? PathLength { get; init; }

    /// <summary>OIDs of default extensions to leave out.</summary>
    public IReadOnlyList<string> Omit { get; init; } = [];

    /// <summary>Extensions to add; one with the OID of a default extension replaces it in place.</summary>
    public IReadOnlyList<X509Extension> Extensions { get; init; } = [];

    /// <summary>An edit of the certificate made after the algorithm identifiers are written and before it is signed.</summary>
    public Action<EditableCertificate>? Edit { get; init; }

    /// <summary>Write a version 1 certificate (no extensions at all).</summary>
    public bool Version1 { get; init; }
}

/// <summary>The role a certificate is written for, which decides its default extensions.</summary>
internal enum CertificateRole
{
    /// <summary>basicConstraints cA TRUE (critical), keyUsage keyCertSign and cRLSign (critical), subjectKeyIdentifier, authorityKeyIdentifier unless self-signed.</summary>
    CertificateAuthority,

    /// <summary>keyUsage digitalSignature (critical), extendedKeyUsage serverAuth and clientAuth, authorityKeyIdentifier, a SPIFFE subjectAltName.</summary>
    EndEntity,
}

/// <summary>
/// Writes root, intermediate and leaf certificates signed by their real issuer keys, through the certificate
/// factory (<see cref="TestCertificate"/>, whose TBS is then given the subject's key and re-signed by the
/// issuer with <see cref="SigningKey.SignCertificate"/>).
/// </summary>
internal static class TestPki
{
    /// <summary>The instant most tests validate at: well inside the default window.</summary>
    public static readonly DateTimeOffset ValidationTime = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static int s_serial;

    /// <summary>A Name <c>O=Golem Test, CN=<paramref name="commonName"/></c>.</summary>
    public static byte[] Name(string commonName) => TestCertificates.Der.SimpleName(("2.5.4.10", TestCertificates.Der.Utf8("Golem Test")), ("2.5.4.3", TestCertificates.Der.Utf8(commonName)));

    /// <summary>A self-signed root CA.</summary>
    public static ChainCertificate Root(string commonName, CertificateOptions? options = null) =>
        Issue(Name(commonName), issuer: null, CertificateRole.CertificateAuthority, options ?? new CertificateOptions());

    /// <summary>An intermediate CA issued by <paramref name="issuer"/>.</summary>
    public static ChainCertificate Intermediate(string commonName, ChainCertificate issuer, CertificateOptions? options = null) =>
        Issue(Name(commonName), issuer, CertificateRole.CertificateAuthority, options ?? new CertificateOptions());

    /// <summary>A workload (end-entity) certificate issued by <paramref name="issuer"/>.</summary>
    public static ChainCertificate Leaf(string commonName, ChainCertificate issuer, CertificateOptions? options = null) =>
        Issue(Name(commonName), issuer, CertificateRole.EndEntity, options ?? new CertificateOptions());

    /// <summary>
    /// A certificate for <paramref name="subject"/> issued by <paramref name="issuer"/> (null: self-signed), with the role's
    /// default extensions adjusted by <paramref name="options"/>.
    /// </summary>
    public static ChainCertificate Issue(byte[] subject, ChainCertificate? issuer, CertificateRole role, CertificateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        SigningKey key = options.Key ?? SigningKey.NewP256();
        SigningKey signer = options.SignedBy ?? issuer?.Key ?? key;
        byte[] issuerName = issuer?.Name ?? subject;
        var spec = new CertificateSpec
        {
            Subject = subject,
            Issuer = issuerName,
            Key = key.TestKey ?? TestKeys.P256,
            NotBefore = options.NotBefore,
            NotAfter = options.NotAfter,
            SerialNumber = options.Serial ?? NextSerial(),
            Extensions = options.Version1 ? [] : Extensions(role, key, issuer?.Key, options),
            Version1 = options.Version1,
        };
        EditableCertificate edited = TestCertificate.Issue(spec).Edit();

        // The factory signs with the subject key; the subject key stays, and the issuer signs.
        edited.Replace(edited.SubjectPublicKeyInfo, DerNode.Parse(key.SubjectPublicKeyInfo));
        TestSignatureAlgorithm algorithm = options.Algorithm ?? signer.DefaultAlgorithm;
        if (options.Edit is { } edit)
        {
            edit(edited);
        }

        return new ChainCertificate(signer.SignCertificate(edited, algorithm), key);
    }

    /// <summary>The certificate with one edit and its old signature: a certificate whose signature no longer verifies.</summary>
    public static ChainCertificate Tampered(ChainCertificate certificate, Action<EditableCertificate> edit)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(edit);
        var edited = new EditableCertificate(certificate.Der);
        edit(edited);
        return new ChainCertificate(edited.Encode(), certificate.Key);
    }

    /// <summary>The default extensions of <paramref name="role"/>, with <see cref="CertificateOptions.Omit"/> and <see cref="CertificateOptions.Extensions"/> applied.</summary>
    private static List<X509Extension> Extensions(CertificateRole role, SigningKey key, SigningKey? issuerKey, CertificateOptions options)
    {
        List<X509Extension> extensions = role == CertificateRole.CertificateAuthority
            ?
            [
                TestExtensions.BasicConstraints(certificateAuthority: true, options.PathLength),
                TestExtensions.KeyUsage(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign),
                TestExtensions.SubjectKeyIdentifier(key.KeyIdentifier),
            ]
            :
            [
                TestExtensions.KeyUsage(X509KeyUsageFlags.DigitalSignature),
                TestExtensions.ExtendedKeyUsage(TestExtensions.ServerAuth, TestExtensions.ClientAuth),
                TestExtensions.SubjectAlternativeName(static san => san.AddUri(new Uri(TestExtensions.SleepSpiffeId))),
            ];
        if (issuerKey is not null)
        {
            extensions.Add(TestExtensions.AuthorityKeyIdentifier(issuerKey.KeyIdentifier));
        }

        extensions.RemoveAll(e => options.Omit.Contains(e.Oid!.Value!));
        foreach (X509Extension extension in options.Extensions)
        {
            int existing = extensions.FindIndex(e => e.Oid!.Value == extension.Oid!.Value);
            if (existing >= 0)
            {
                extensions[existing] = extension;
            }
            else
            {
                extensions.Add(extension);
            }
        }

        return extensions;
    }

    private static byte[] NextSerial()
    {
        byte[] serial = new byte[9];
        serial[0] = 0x5E;
        BinaryPrimitives.WriteInt64BigEndian(serial.AsSpan(1), Interlocked.Increment(ref s_serial));
        return serial;
    }
}
