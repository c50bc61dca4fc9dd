using System.ComponentModel;
using System.Diagnostics;
using System.Numerics;
using Golem.MeshPki.Tests.TestCertificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.X509;
using BouncyCastleBigInteger = Org.BouncyCastle.Math.BigInteger;
using BouncyCastleGeneralName = Org.BouncyCastle.Asn1.X509.GeneralName;
using BouncyCastleIssuingDistributionPoint = Org.BouncyCastle.Asn1.X509.IssuingDistributionPoint;

namespace Golem.MeshPki.Tests.Certificates;

/// <summary>
/// CRLs made by the openssl CLI (<c>openssl ca -gencrl</c> over a minimal openssl.cnf and index.txt),
/// generated once per test run in a temporary directory. openssl is required: CI installs it (Debian
/// package openssl), and a missing binary fails every test that uses these, with a message saying so.
/// </summary>
internal sealed class OpenSslCrls
{
    /// <summary>The invalidityDate given to <c>openssl ca -crl_compromise</c> for the third leaf.</summary>
    public static readonly DateTimeOffset CompromiseTime = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    /// <summary>The cRLNumber openssl's crlnumber file starts at (hex, as openssl keeps it): the empty CRL gets 0x1000, the next 0x1001.</summary>
    public const string FirstCrlNumber = "1000";

    /// <summary>The serials of the three leaves, as given to <c>-set_serial</c>.</summary>
    public static readonly string[] LeafSerials = ["0123456789abcdef", "00fedcba9876543210", "7f"];

    private static readonly Lazy<OpenSslCrls> LazyInstance = new(Generate);

    private OpenSslCrls(byte[] caCertificate, byte[][] leaves, byte[] revoked, string revokedPem, byte[] empty, byte[] version1)
    {
        CaCertificate = caCertificate;
        Leaves = leaves;
        Revoked = revoked;
        RevokedPem = revokedPem;
        Empty = empty;
        Version1 = version1;
    }

    public static OpenSslCrls Instance => LazyInstance.Value;

    /// <summary>The P-256 CA that signs the CRLs (DER).</summary>
    public byte[] CaCertificate { get; }

    /// <summary>Three leaves the CA issued (DER), all revoked in <see cref="Revoked"/>: keyCompromise, superseded, and keyCompromise with an invalidityDate.</summary>
    public byte[][] Leaves { get; }

    /// <summary>A v2 CRL with the three leaves revoked, authorityKeyIdentifier and cRLNumber 0x1001 (DER).</summary>
    public byte[] Revoked { get; }

    /// <summary><see cref="Revoked"/> as openssl wrote it: PEM, label <c>X509 CRL</c>.</summary>
    public string RevokedPem { get; }

    /// <summary>A v2 CRL without revokedCertificates, cRLNumber 0x1000 (DER).</summary>
    public byte[] Empty { get; }

    /// <summary>A v1 CRL: no version field, no extensions, no entries (a CA section without crl_extensions or crlnumber).</summary>
    public byte[] Version1 { get; }

    /// <summary>Runs openssl in <paramref name="directory"/> and asserts that it succeeds.</summary>
    /// <returns>What openssl wrote to standard output.</returns>
    public static string Run(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("openssl")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception exception)
        {
            Assert.Fail($"The openssl CLI is required by the CRL tests and could not be started ({exception.Message}): install it (Debian package openssl; CI does).");
            throw;
        }

        using (process)
        {
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"openssl {string.Join(' ', args)} failed: {stderr.Result}");
            return stdout;
        }
    }

    private static OpenSslCrls Generate()
    {
        DirectoryInfo directory = Directory.CreateTempSubdirectory("golem-crl-");
        try
        {
            string dir = directory.FullName;
            File.WriteAllText(Path.Join(dir, "openssl.cnf"), """
                [ ca ]
                default_ca = crl_ca

                [ crl_ca ]
                database = ./index.txt
                crlnumber = ./crlnumber
                certificate = ./ca.pem
                private_key = ./ca.key
                default_md = sha256
                default_crl_days = 7
                crl_extensions = crl_ext

                [ crl_ext ]
                authorityKeyIdentifier = keyid:always

                # No crl_extensions and no crlnumber: openssl writes a v1 CRL.
                [ v1_ca ]
                database = ./index-v1.txt
                certificate = ./ca.pem
                private_key = ./ca.key
                default_md = sha256
                default_crl_days = 7
                """);
            File.WriteAllText(Path.Join(dir, "index.txt"), string.Empty);
            File.WriteAllText(Path.Join(dir, "index-v1.txt"), string.Empty);
            File.WriteAllText(Path.Join(dir, "crlnumber"), FirstCrlNumber + "\n");

            Run(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
                "-days", "3650", "-subj", "/O=Golem/CN=openssl CRL CA", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
            Run(dir, "ca", "-config", "openssl.cnf", "-gencrl", "-out", "empty.pem");
            Run(dir, "ca", "-config", "openssl.cnf", "-name", "v1_ca", "-gencrl", "-out", "v1.pem");

            string[][] revocations = [["-crl_reason", "keyCompromise"], ["-crl_reason", "superseded"], ["-crl_compromise", "20260102030405Z"]];
            var leaves = new byte[LeafSerials.Length][];
            for (int i = 0; i < LeafSerials.Length; i++)
            {
                string leaf = $"leaf{i}";
                Run(dir, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", leaf + ".key", "-out", leaf + ".csr", "-subj", $"/CN=leaf {i}");
                Run(dir, "x509", "-req", "-in", leaf + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-set_serial", "0x" + LeafSerials[i], "-days", "30", "-out", leaf + ".pem");
                Run(dir, ["ca", "-config", "openssl.cnf", "-revoke", leaf + ".pem", .. revocations[i]]);
                leaves[i] = Der(dir, "x509", leaf + ".pem");
            }

            Run(dir, "ca", "-config", "openssl.cnf", "-gencrl", "-out", "revoked.pem");
            return new OpenSslCrls(
                Der(dir, "x509", "ca.pem"),
                leaves,
                Der(dir, "crl", "revoked.pem"),
                File.ReadAllText(Path.Join(dir, "revoked.pem")),
                Der(dir, "crl", "empty.pem"),
                Der(dir, "crl", "v1.pem"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }

        static byte[] Der(string dir, string command, string pem)
        {
            string der = Path.ChangeExtension(pem, ".der");
            Run(dir, command, "-in", pem, "-outform", "DER", "-out", der);
            return File.ReadAllBytes(Path.Join(dir, der));
        }
    }
}

/// <summary>
/// CRLs made by BouncyCastle's <see cref="X509V2CrlGenerator"/> with fixed times, covering every
/// extension the reader decodes. Each is generated once per test run.
/// </summary>
internal static class BouncyCastleCrls
{
    public const string IssuingDistributionPointUri = "http://crl.golem.test/ca.crl";

    public static readonly DateTime ThisUpdate = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime NextUpdate = new(2026, 3, 8, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime InvalidityDate = new(2026, 2, 14, 12, 30, 0, DateTimeKind.Utc);

    /// <summary>After 2049: nextUpdate is then a GeneralizedTime (RFC 5280 5.1.2.5).</summary>
    public static readonly DateTime FarNextUpdate = new(2050, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    public static readonly X509Name Issuer = new("C=DE,O=Golem Test,CN=Golem Test CRL CA");
    public static readonly X509Name OtherIssuer = new("O=Golem Test,CN=Golem Test Other CA");

    public static readonly byte[] KeyIdentifier = [.. Enumerable.Range(0x40, 20).Select(static b => (byte)b)];

    /// <summary>The first entries of <see cref="Full"/>, in order: serial (DER INTEGER contents), reasonCode (0 for none).</summary>
    public static readonly (byte[] Serial, int Reason)[] FullLeadingEntries =
    [
        ([0x01], 1),                 // keyCompromise
        ([0x00, 0x80], 4),           // superseded; 0x80 needs a sign octet
        ([0x7F, .. Enumerable.Repeat((byte)0xA5, 19)], 0), // 20 octets, no reason
        ([0x00], 2),                 // serial 0 (policy's to judge), cACompromise, with invalidityDate
        ([0x10, 0x20], 9),           // privilegeWithdrawn, certificateIssuer (indirect)
        ([0x11, 0x22], 0),           // an unknown non-critical entry extension
    ];

    /// <summary>How many entries <see cref="Full"/> has beyond <see cref="FullLeadingEntries"/>: enough for IsRevoked's hash set.</summary>
    public const int FullExtraEntries = 40;

    public const int FullCrlNumber = 42;

    private static readonly Lazy<byte[]> LazyFull = new(CreateFull);
    private static readonly Lazy<byte[]> LazyDelta = new(CreateDelta);

    /// <summary>
    /// RSA 2048, v2, 46 entries (reasons, invalidityDate, certificateIssuer, an unknown entry extension, serials 0, 0x0080 and
    /// 20 octets long), crlExtensions authorityKeyIdentifier, cRLNumber 42 and a critical issuingDistributionPoint (fullName URI,
    /// onlyContainsUserCerts, indirectCRL).
    /// </summary>
    public static byte[] Full => LazyFull.Value;

    /// <summary>
    /// P-256, a delta CRL (critical deltaCRLIndicator base 41, cRLNumber 43), nextUpdate in 2050 (GeneralizedTime), one
    /// removeFromCRL entry, a critical unknown CRL extension and an entry with a critical unknown extension.
    /// </summary>
    public static byte[] Delta => LazyDelta.Value;

    public static string UnknownExtensionOid => TestExtensions.PrivateArc + ".20";

    public static BouncyCastleBigInteger ToBouncyCastle(byte[] serial) => new(serial);

    private static byte[] CreateFull()
    {
        var generator = new X509V2CrlGenerator();
        generator.SetIssuerDN(Issuer);
        generator.SetThisUpdate(ThisUpdate);
        generator.SetNextUpdate(NextUpdate);
        for (int i = 0; i < FullLeadingEntries.Length; i++)
        {
            (byte[] serial, int reason) = FullLeadingEntries[i];
            DateTime revoked = ThisUpdate.AddDays(-i - 1);
            switch (i)
            {
                case 3:
                    generator.AddCrlEntry(ToBouncyCastle(serial), revoked, reason, InvalidityDate);
                    break;
                case 4:
                    var indirect = new X509ExtensionsGenerator();
                    indirect.AddExtension(X509Extensions.ReasonCode, false, new CrlReason(reason));
                    indirect.AddExtension(X509Extensions.CertificateIssuer, true, new GeneralNames(new BouncyCastleGeneralName(OtherIssuer)));
                    generator.AddCrlEntry(ToBouncyCastle(serial), revoked, indirect.Generate());
                    break;
                case 5:
                    var unknown = new X509ExtensionsGenerator();
                    unknown.AddExtension(new DerObjectIdentifier(UnknownExtensionOid), false, new DerUtf8String("golem"));
                    generator.AddCrlEntry(ToBouncyCastle(serial), revoked, unknown.Generate());
                    break;
                default:
                    generator.AddCrlEntry(ToBouncyCastle(serial), revoked, reason);
                    break;
            }
        }

        for (int i = 0; i < FullExtraEntries; i++)
        {
            // Reasons 0..10 but 7 (unused), 0 meaning none: BouncyCastle writes no reasonCode for 0.
            int reason = i % 11 == 7 ? 0 : i % 11;
            generator.AddCrlEntry(BouncyCastleBigInteger.ValueOf(1000 + (i * 7919)), ThisUpdate.AddHours(-i), reason);
        }

        generator.AddExtension(X509Extensions.AuthorityKeyIdentifier, false, new AuthorityKeyIdentifier(KeyIdentifier));
        generator.AddExtension(X509Extensions.CrlNumber, false, new CrlNumber(BouncyCastleBigInteger.ValueOf(FullCrlNumber)));
        generator.AddExtension(X509Extensions.IssuingDistributionPoint, true, new BouncyCastleIssuingDistributionPoint(
            new DistributionPointName(new GeneralNames(new BouncyCastleGeneralName(BouncyCastleGeneralName.UniformResourceIdentifier, IssuingDistributionPointUri))),
            onlyContainsUserCerts: true,
            onlyContainsCACerts: false,
            onlySomeReasons: null,
            indirectCRL: true,
            onlyContainsAttributeCerts: false));
        return generator.Generate(new Asn1SignatureFactory("SHA256WITHRSA", TestKeys.Rsa2048.BouncyCastle.Private)).GetEncoded();
    }

    private static byte[] CreateDelta()
    {
        var generator = new X509V2CrlGenerator();
        generator.SetIssuerDN(Issuer);
        generator.SetThisUpdate(ThisUpdate);
        generator.SetNextUpdate(FarNextUpdate);
        generator.AddCrlEntry(BouncyCastleBigInteger.ValueOf(0x0102), ThisUpdate.AddDays(-1), 8);
        var critical = new X509ExtensionsGenerator();
        critical.AddExtension(new DerObjectIdentifier(UnknownExtensionOid), true, DerNull.Instance);
        generator.AddCrlEntry(BouncyCastleBigInteger.ValueOf(0x0103), ThisUpdate.AddDays(-2), critical.Generate());
        generator.AddExtension(X509Extensions.CrlNumber, false, new CrlNumber(BouncyCastleBigInteger.ValueOf(43)));
        generator.AddExtension(X509Extensions.DeltaCrlIndicator, true, new CrlNumber(BouncyCastleBigInteger.ValueOf(41)));
        generator.AddExtension(new DerObjectIdentifier(UnknownExtensionOid), true, new DerUtf8String("must understand"));
        return generator.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", TestKeys.P256.BouncyCastle.Private)).GetEncoded();
    }
}

/// <summary>
/// A CRL written field by field with the test DER writer, independent of the reader under test: for
/// shapes no generator writes (a 100,000-entry list, duplicate serials, defects). The signature is
/// not a real one; the reader does not verify signatures.
/// </summary>
internal sealed record CrlSpec
{
    public const string EcdsaWithSha256 = "1.2.840.10045.4.3.2";
    public const string ReasonCodeOid = "2.5.29.21";
    public const string CrlNumberOid = "2.5.29.20";

    /// <summary>The version INTEGER, or null for a v1 CRL (the field absent).</summary>
    public byte[]? Version { get; init; } = Der.IntegerValue(1);

    public byte[] Signature { get; init; } = Der.Seq(Der.Oid(EcdsaWithSha256));

    public byte[] Issuer { get; init; } = Der.SimpleName(("2.5.4.10", Der.Utf8("Golem Test")), ("2.5.4.3", Der.Utf8("Hand-made CRL CA")));

    public byte[] ThisUpdate { get; init; } = Der.Time(Der.UtcTimeTag, "260301000000Z");

    public byte[]? NextUpdate { get; init; } = Der.Time(Der.UtcTimeTag, "260308000000Z");

    /// <summary>The entries, each a whole SEQUENCE; null for no revokedCertificates field.</summary>
    public IReadOnlyList<byte[]>? Entries { get; init; }

    /// <summary>The crlExtensions, each a whole Extension; null for no [0] field.</summary>
    public IReadOnlyList<byte[]>? Extensions { get; init; }

    /// <summary>The outer signatureAlgorithm; null for the same as <see cref="Signature"/>.</summary>
    public byte[]? SignatureAlgorithm { get; init; }

    public byte[] SignatureValue { get; init; } = Der.Bits([0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01]);

    public byte[] Tbs() => Der.Seq(
        [
            .. Optional(Version),
            Signature,
            Issuer,
            ThisUpdate,
            .. Optional(NextUpdate),
            .. Entries is null ? [] : new[] { Der.Seq(Entries) },
            .. Extensions is null ? [] : new[] { Der.Constructed(Der.ContextConstructed(0), Der.Seq(Extensions)) },
        ]);

    public byte[] Encode() => Der.Seq(Tbs(), SignatureAlgorithm ?? Signature, SignatureValue);

    /// <summary>One revokedCertificates entry.</summary>
    public static byte[] Entry(ReadOnlySpan<byte> serialContents, string utcTime = "260228000000Z", params byte[][] extensions) => Der.Seq(
        [
            Der.Tlv(Der.IntegerTag, serialContents),
            Der.Time(Der.UtcTimeTag, utcTime),
            .. extensions.Length == 0 ? [] : new[] { Der.Seq(extensions) },
        ]);

    /// <summary>One Extension: extnID, critical only when TRUE, extnValue.</summary>
    public static byte[] Extension(string oid, bool critical, byte[] value) => Der.Seq(
        [
            Der.Oid(oid),
            .. critical ? new[] { Der.Bool(true) } : [],
            Der.Octets(value),
        ]);

    /// <summary>A reasonCode entry extension (ENUMERATED).</summary>
    public static byte[] ReasonCode(int reason) => Extension(ReasonCodeOid, critical: false, Der.Tlv(0x0A, new BigInteger(reason).ToByteArray(isUnsigned: false, isBigEndian: true)));

    private static byte[][] Optional(byte[]? element) => element is null ? [] : [element];
}
