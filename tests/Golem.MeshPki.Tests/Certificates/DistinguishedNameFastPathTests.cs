using System.Security.Cryptography;
using Golem.MeshPki.Certificates;
using Golem.MeshPki.Certificates.Der;

namespace Golem.MeshPki.Tests.Certificates;

/// <summary>
/// <see cref="DistinguishedName.IsPlainShortForm"/> is a fast path in front of <see cref="DistinguishedName.CheckFully"/>
/// (the full name check): it may send a good name to the full check, but it must never accept a name the full
/// check rejects. Proven here over every name of the Mozilla roots, mutated.
/// </summary>
public class DistinguishedNameFastPathTests
{
    private const string MozillaDirectory = "/usr/share/ca-certificates/mozilla";

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>
        {
            Convert.ToHexString(new System.Security.Cryptography.X509Certificates.X500DistinguishedName("CN=Golem Test, O=Golem, C=US").RawData),
        };
        if (Directory.Exists(MozillaDirectory))
        {
            // Distinct: some roots share a subject, and xunit would skip a duplicate case.
            IEnumerable<string> subjects = Directory.GetFiles(MozillaDirectory, "*.crt")
                .Order(StringComparer.Ordinal)
                .Select(static file =>
                {
                    string pem = File.ReadAllText(file);
                    PemFields fields = PemEncoding.Find(pem);
                    byte[] der = Convert.FromBase64String(pem[fields.Base64Data]);
                    return Convert.ToHexString(DerCertificate.Parse(der).Subject.Encoded.Span);
                })
                .Distinct(StringComparer.Ordinal)
                .Take(40);
            foreach (string subject in subjects)
            {
                data.Add(subject);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void FastPath_NeverAcceptsWhatTheFullCheckRejects(string nameHex)
    {
        byte[] name = Convert.FromHexString(nameHex);
        byte[] contents = name[(name[1] < 0x80 ? 2 : 2 + (name[1] & 0x7F))..];
        var random = new Random(nameHex.Length);
        int fastAccepted = 0;
        for (int i = 0; i < 4000; i++)
        {
            byte[] mutated = (byte[])contents.Clone();
            int position = random.Next(mutated.Length);
            mutated[position] = (i % 3) switch
            {
                0 => (byte)(mutated[position] ^ (1 << random.Next(8))),
                1 => (byte)random.Next(256),
                _ => (byte)(mutated[position] + (random.Next(2) == 0 ? 1 : -1)),
            };

            bool fast = IsPlainShortForm(mutated);
            bool full = FullCheckAccepts(mutated);
            Assert.False(fast && !full, $"the fast path accepted a name the full check rejects: {Convert.ToHexString(mutated)}");
            fastAccepted += fast ? 1 : 0;
        }

        Assert.True(IsPlainShortForm(contents), "the unmutated name should take the fast path");
        Assert.True(fastAccepted > 0, "no mutation kept the fast path: the property was not exercised");
    }

    // In a certificate the name follows other octets, which the fast path may read (but must
    // ignore) when it checks an identifier: 0x80 octets here, the worst case for that check.
    private static bool IsPlainShortForm(byte[] contents)
    {
        byte[] buffer = [.. Enumerable.Repeat((byte)0x80, 16), .. contents];
        return DistinguishedName.IsPlainShortForm(buffer, 16);
    }

    private static bool FullCheckAccepts(byte[] contents)
    {
        // Wrap the contents in a Name SEQUENCE header of the right length, as the certificate has it.
        byte[] header = contents.Length < 0x80
            ? [0x30, (byte)contents.Length]
            : contents.Length < 0x100 ? [0x30, 0x81, (byte)contents.Length] : [0x30, 0x82, (byte)(contents.Length >> 8), (byte)contents.Length];
        byte[] name = [.. header, .. contents];
        try
        {
            var reader = new DerReader(name);
            DerElement element = reader.Read(DerTag.Sequence, "name");
            DistinguishedName.CheckFully(ref reader, element, "name");
            return true;
        }
        catch (CertificateFormatException)
        {
            return false;
        }
    }
}
