using System.Globalization;
using Golem.MeshPki.Certificates;

// A tour of the Golem.MeshPki library API (not the meshpki CLI): read a PEM bundle with
// PemReader, parse each CERTIFICATE block with DerCertificate, and print what a mesh operator
// looks at first. Malformed input is reported with CertificateFormatException's message, which
// says where (line or byte offset) and why.
//
//   dotnet run --project samples/InspectCertificates -- [bundle.pem]
string path = args.Length > 0 ? args[0] : "/etc/ssl/certs/ca-certificates.crt";

byte[] bundle;
try
{
    bundle = File.ReadAllBytes(path);
}
catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"{path}: {exception.Message}");
    return 2;
}

IReadOnlyList<PemBlock> blocks;
try
{
    // Every block of the bundle, decoded; a broken block throws with its line number.
    blocks = PemReader.ReadAll(bundle);
}
catch (CertificateFormatException exception)
{
    Console.Error.WriteLine($"{path}: {exception.Message}");
    return 1;
}

int certificates = 0;
int failures = 0;
foreach (PemBlock block in blocks)
{
    // Bundles may also hold keys, requests or CRLs; this sample only reads certificates.
    if (block.Label != PemLabel.Certificate)
    {
        continue;
    }

    try
    {
        // Zero-copy: the certificate is a view over block.Data.
        DerCertificate certificate = DerCertificate.Parse(block.Data);
        certificates++;
        Console.WriteLine(certificate.Subject.ToString());
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  not after {certificate.NotAfter:yyyy-MM-dd HH:mm:ss}Z, {(certificate.IsCertificateAuthority ? "CA" : "not a CA")}"));
    }
    catch (CertificateFormatException exception)
    {
        failures++;
        Console.Error.WriteLine($"{path}: certificate at line {block.LineNumber.ToString(CultureInfo.InvariantCulture)}: {exception.Message}");
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{certificates} certificates read, {failures} malformed."));
return failures == 0 ? 0 : 1;
