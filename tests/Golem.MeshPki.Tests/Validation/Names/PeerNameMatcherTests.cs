using Golem.MeshPki.Certificates;
using Golem.MeshPki.Tests.TestCertificates;
using Golem.MeshPki.Validation.Names;
using static Golem.MeshPki.Tests.Validation.Names.NameCertificates;

namespace Golem.MeshPki.Tests.Validation.Names;

public class PeerNameMatcherTests
{
    private static readonly PublicSuffixList Suffixes = PublicSuffixListTests.SmallList;

    /// <summary>Leaves and the expected name they match, with the subjectAltName that matches.</summary>
    public static TheoryData<string, byte[][], PeerName, string> Matches => new()
    {
        { "exact DNS name", [Dns("example.com")], PeerName.Dns("example.com"), "DNS:example.com" },
        { "DNS case is ignored", [Dns("Example.COM")], PeerName.Dns("example.com"), "DNS:Example.COM" },
        { "second of several names", [Dns("a.example.com"), Dns("b.example.com")], PeerName.Dns("B.example.com"), "DNS:b.example.com" },
        { "leftmost wildcard", [Dns("*.example.com")], PeerName.Dns("foo.example.com"), "DNS:*.example.com" },
        { "wildcard below a private suffix", [Dns("*.bucket.s3.amazonaws.com")], PeerName.Dns("x.bucket.s3.amazonaws.com"), "DNS:*.bucket.s3.amazonaws.com" },
        { "IPv4 address", [IP("127.0.0.1")], PeerName.IPAddress("127.0.0.1"), "IP:127.0.0.1" },
        { "IPv6 address in any RFC 4291 text", [IP("2001:db8::1")], PeerName.IPAddress("2001:0DB8:0:0:0:0:0:1"), "IP:2001:db8::1" },
        { "SPIFFE URI beside the DNS name", [Uri(TestExtensions.SleepSpiffeId), Dns("sleep.default.svc")], PeerName.Dns("sleep.default.svc"), "DNS:sleep.default.svc" },
    };

    [Theory]
    [MemberData(nameof(Matches))]
    public void Match_FindsTheSubjectAltNameThatNamesThePeer(string what, byte[][] names, PeerName expected, string matchedName)
    {
        PeerNameMatch match = PeerNameMatcher.Match(Leaf(SubjectAltName(names)), expected, Suffixes);

        Assert.True(match.IsMatch, what + ": " + match.Reason);
        Assert.Equal(matchedName, match.MatchedName);
        Assert.Null(match.Reason);
    }

    /// <summary>Leaves that do not match, with a phrase the reason must hold.</summary>
    public static TheoryData<string, byte[][], PeerName, string> Mismatches => new()
    {
        { "other domain", [Dns("example.com")], PeerName.Dns("example2.com"), "No subjectAltName dNSName matches 'example2.com'" },
        { "sibling subdomain", [Dns("abc.example.com")], PeerName.Dns("def.example.com"), "No subjectAltName dNSName" },
        { "apex does not cover a subdomain", [Dns("example.com")], PeerName.Dns("abc.example.com"), "No subjectAltName dNSName" },
        { "subdomain does not cover the apex", [Dns("abc.example.com")], PeerName.Dns("example.com"), "No subjectAltName dNSName" },
        { "wildcard does not cover the apex", [Dns("*.example.com")], PeerName.Dns("example.com"), "No subjectAltName dNSName" },
        { "wildcard covers one label only", [Dns("*.example.com")], PeerName.Dns("foo.bar.example.com"), "No subjectAltName dNSName" },
        { "DNS name is not an IP address", [Dns("example.com")], PeerName.IPAddress("192.0.2.1"), "the certificate has no iPAddress" },
        { "IP address is not a DNS name", [IP("192.0.2.1")], PeerName.Dns("example.com"), "the certificate has no dNSName" },
        { "other address", [IP("192.0.2.1")], PeerName.IPAddress("192.0.2.2"), "No subjectAltName iPAddress equals '192.0.2.2' (the certificate names '192.0.2.1')" },
        { "IPv4-mapped IPv6 is not IPv4", [IP("::ffff:192.0.2.1")], PeerName.IPAddress("192.0.2.1"), "No subjectAltName iPAddress" },
        { "reference with a wildcard", [Dns("*.example.com")], PeerName.Dns("*.example.com"), "expected DNS name '*.example.com' is not valid" },
        { "reference with a trailing dot", [Dns("example.com")], PeerName.Dns("example.com."), "is not valid" },
        { "reference with leading zeros", [IP("192.168.1.1")], PeerName.IPAddress("192.168.001.001"), "expected IP address '192.168.001.001' is not valid" },
        { "reference with a zone", [IP("fe80::1")], PeerName.IPAddress("fe80::1%eth0"), "is not valid" },
    };

    [Theory]
    [MemberData(nameof(Mismatches))]
    public void Match_FailsWithAReasonThatQuotesTheNames(string what, byte[][] names, PeerName expected, string reasonPart)
    {
        PeerNameMatch match = PeerNameMatcher.Match(Leaf(SubjectAltName(names)), expected, Suffixes);

        Assert.False(match.IsMatch, what);
        Assert.Null(match.MatchedName);
        Assert.Contains(reasonPart, match.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_MessageListsAtMostFiveNames()
    {
        byte[][] names = [.. Enumerable.Range(1, 7).Select(static i => Dns("n" + i + ".example.com"))];

        PeerNameMatch match = PeerNameMatcher.Match(Leaf(SubjectAltName(names)), PeerName.Dns("other.example.com"), Suffixes);

        Assert.EndsWith("'n5.example.com' and 2 more).", match.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_NoSubjectAltName_NeverFallsBackToTheCommonName()
    {
        DerCertificate leaf = Leaf(Name("example.com"));

        PeerNameMatch match = PeerNameMatcher.Match(leaf, PeerName.Dns("example.com"), Suffixes);

        Assert.False(match.IsMatch);
        Assert.Contains("no subjectAltName extension", match.Reason, StringComparison.Ordinal);
    }

    /// <summary>One bad entry spoils the whole certificate, even when another entry matches.</summary>
    public static TheoryData<string, byte[], string> MalformedEntries => new()
    {
        { "wildcard inside a label", Dns("ba*.example.com"), "dNSName 'ba*.example.com' is not valid" },
        { "wildcard not leftmost", Dns("foo.*.example.com"), "whole leftmost label" },
        { "wildcard inside an A-label", Dns("xn--*-1b3c148a.example.com"), "whole leftmost label" },
        { "bare wildcard", Dns("*"), "bare" },
        { "underscore", Dns("foo_bar.example.com"), "underscore" },
        { "leading dot", Dns(".example.com"), "starts with a dot" },
        { "IP literal in a dNSName", Dns("8.8.8.8"), "IP address literal" },
        { "empty dNSName", Dns(string.Empty), "empty" },
        { "two '@' in an rfc822Name", Email("invalid@address@example.com"), "rfc822Name 'invalid@address@example.com' is not valid" },
        { "URI without a scheme", Uri("example.com/path"), "uniformResourceIdentifier 'example.com/path' is not valid" },
        { "malformed SPIFFE ID", Uri("spiffe://Cluster.Local/ns/a/sa/b"), "SPIFFE" },
    };

    [Theory]
    [MemberData(nameof(MalformedEntries))]
    public void Match_RejectsACertificateWithAnyMalformedSubjectAltName(string what, byte[] malformed, string reasonPart)
    {
        DerCertificate leaf = Leaf(SubjectAltName(Dns("good.example.com"), malformed));

        PeerNameMatch match = PeerNameMatcher.Match(leaf, PeerName.Dns("good.example.com"), Suffixes);

        Assert.False(match.IsMatch, what);
        Assert.Contains(reasonPart, match.Reason, StringComparison.Ordinal);
        Assert.Equal(match.Reason, PeerNameMatcher.CheckSubjectAlternativeNameWellFormed(leaf));
    }

    /// <summary>(SAN, expected peer): a wildcard over a public suffix matches nothing (CABF BR 3.2.2.6).</summary>
    public static TheoryData<string, string> PublicSuffixWildcards => new()
    {
        { "*.com", "example.com" },
        { "*.com", "www.com" },
        { "*.co.uk", "example.co.uk" },
        { "*.s3.amazonaws.com", "example.s3.amazonaws.com" },
        { "*.foo.ck", "bar.foo.ck" },
    };

    [Theory]
    [MemberData(nameof(PublicSuffixWildcards))]
    public void Match_NeverHonoursAWildcardOverAPublicSuffix(string wildcard, string peer)
    {
        DerCertificate leaf = Leaf(SubjectAltName(Dns(wildcard)));

        PeerNameMatch match = PeerNameMatcher.Match(leaf, PeerName.Dns(peer), Suffixes);

        Assert.False(match.IsMatch);
        Assert.Null(PeerNameMatcher.CheckSubjectAlternativeNameWellFormed(leaf));
        if (DnsNames.Matches(wildcard, peer))
        {
            Assert.Contains("a wildcard over a public suffix is never honoured", match.Reason, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Amazon's certificate for s3.amazonaws.com also names <c>*.s3.amazonaws.com</c> (the registry
    /// may hold its own suffix): that entry matches nothing, and the other names still do
    /// (x509-limbo <c>online::s3.amazonaws.com</c>).
    /// </summary>
    [Fact]
    public void Match_APublicSuffixWildcardDoesNotSpoilTheOtherNames()
    {
        DerCertificate leaf = Leaf(SubjectAltName(Dns("s3.amazonaws.com"), Dns("*.s3.amazonaws.com")));

        Assert.True(PeerNameMatcher.Match(leaf, PeerName.Dns("s3.amazonaws.com"), Suffixes).IsMatch);
        Assert.False(PeerNameMatcher.Match(leaf, PeerName.Dns("bucket.s3.amazonaws.com"), Suffixes).IsMatch);
    }

    [Fact]
    public void Match_WithoutAList_HonoursMultiLabelPublicSuffixWildcards()
    {
        DerCertificate leaf = Leaf(SubjectAltName(Dns("*.co.uk")));

        Assert.True(PeerNameMatcher.Match(leaf, PeerName.Dns("example.co.uk"), publicSuffixes: null).IsMatch);
        Assert.False(PeerNameMatcher.Match(leaf, PeerName.Dns("example.co.uk"), Suffixes).IsMatch);
    }

    [Fact]
    public void CheckSubjectAlternativeNameWellFormed_AcceptsEveryKindOfWellFormedName()
    {
        DerCertificate leaf = Leaf(TestExtensions.SubjectAlternativeNameOfEveryKind());

        Assert.Null(PeerNameMatcher.CheckSubjectAlternativeNameWellFormed(leaf));
    }

    [Fact]
    public void CheckSubjectAlternativeNameWellFormed_NoExtension_IsNotMalformed()
    {
        Assert.Null(PeerNameMatcher.CheckSubjectAlternativeNameWellFormed(Leaf()));
    }

    /// <summary>An iPAddress of ASCII text ("127.0.0.1", 9 octets) never reaches the matcher: the reader refuses it.</summary>
    [Fact]
    public void IPAddressOfAsciiBytes_IsRejectedByTheReader()
    {
        byte[] der = TestCertificate.Issue(new CertificateSpec { Extensions = [SubjectAltName(IPOctets("127.0.0.1"u8.ToArray()))] }).Der;

        Assert.Throws<CertificateFormatException>(() => DerCertificate.Parse(der));
    }

    [Fact]
    public void EmptySubject_NeedsACriticalSubjectAltName_Rfc5280Section4216()
    {
        DerCertificate nonCritical = Leaf(Der.Seq(), SubjectAltName(critical: false, Dns("example.com")));
        DerCertificate critical = Leaf(Der.Seq(), SubjectAltName(critical: true, Dns("example.com")));

        Assert.Contains("not critical", PeerNameMatcher.CheckSubjectAlternativeNameWellFormed(nonCritical), StringComparison.Ordinal);
        Assert.False(PeerNameMatcher.Match(nonCritical, PeerName.Dns("example.com"), Suffixes).IsMatch);
        Assert.True(PeerNameMatcher.Match(critical, PeerName.Dns("example.com"), Suffixes).IsMatch);
    }

    /// <summary>Istio workload certificates: empty subject, critical subjectAltName holding the SPIFFE ID.</summary>
    [Fact]
    public void IstioWorkloadCertificate_IsWellFormed()
    {
        DerCertificate workload = Leaf(Der.Seq(), SubjectAltName(critical: true, Uri(TestExtensions.SleepSpiffeId)));

        Assert.Null(PeerNameMatcher.CheckSubjectAlternativeNameWellFormed(workload));
    }

    [Fact]
    public void NonEmptySubject_ForbidsACriticalSubjectAltName_CabfBr712712()
    {
        DerCertificate leaf = Leaf(Name("example.com"), SubjectAltName(critical: true, Dns("example.com")));

        PeerNameMatch match = PeerNameMatcher.Match(leaf, PeerName.Dns("example.com"), Suffixes);

        Assert.False(match.IsMatch);
        Assert.Contains("critical although the subject is not empty", match.Reason, StringComparison.Ordinal);
        Assert.Null(PeerNameMatcher.CheckSubjectAlternativeNameWellFormed(leaf));
    }

    /// <summary>CABF BR 7.1.4.3: (commonName, subjectAltNames, expected peer, whether the certificate is accepted).</summary>
    public static TheoryData<string, byte[], byte[][], PeerName, bool> CommonNameCases => new()
    {
        { "copy of the dNSName", Name("example.com"), [Dns("example.com")], PeerName.Dns("example.com"), true },
        { "copy of a wildcard dNSName", Name("*.example.com"), [Dns("*.example.com")], PeerName.Dns("foo.example.com"), true },
        { "copy of the second dNSName", Name("b.example.com"), [Dns("a.example.com"), Dns("b.example.com")], PeerName.Dns("a.example.com"), true },
        { "canonical IPv4", Name("192.168.1.1"), [IP("192.168.1.1")], PeerName.IPAddress("192.168.1.1"), true },
        { "canonical IPv6", Name("2001:db8::1:0:0:1"), [IP("2001:db8::1:0:0:1")], PeerName.IPAddress("2001:db8::1:0:0:1"), true },
        { "mixed form of an IPv4-mapped address", Name("::ffff:192.0.2.1"), [IP("::ffff:192.0.2.1")], PeerName.IPAddress("::ffff:192.0.2.1"), true },
        { "BMPString with the same characters", Der.SimpleName((CommonName, Der.Bmp("example.com"))), [Dns("example.com")], PeerName.Dns("example.com"), true },
        { "case differs", Name("Example.COM"), [Dns("example.com")], PeerName.Dns("example.com"), false },
        { "not in the SAN", Name("notinsan.example.com"), [Dns("valid.example.com"), Dns("another.example.com")], PeerName.Dns("valid.example.com"), false },
        { "other punycode domain", Name("xn--nxasmq6b.com"), [Dns("xn--n3h.com")], PeerName.Dns("xn--n3h.com"), false },
        { "U-label for the A-label", Name("test-\u6e2c\u8a66.com"), [Dns("xn--test--gs1lv54n.com")], PeerName.Dns("xn--test--gs1lv54n.com"), false },
        { "apex of a wildcard dNSName", Name("example.com"), [Dns("*.example.com")], PeerName.Dns("foo.example.com"), false },
        { "hexadecimal IPv4", Name("0xC0A80101"), [IP("192.168.1.1")], PeerName.IPAddress("192.168.1.1"), false },
        { "IPv4 with leading zeros", Name("192.168.001.001"), [IP("192.168.1.1")], PeerName.IPAddress("192.168.1.1"), false },
        { "uppercase IPv6", Name("2001:DB8::8A2E:370:7334"), [IP("2001:db8::8a2e:370:7334")], PeerName.IPAddress("2001:db8::8a2e:370:7334"), false },
        { "uncompressed IPv6", Name("2001:0db8:0000:0000:0000:0000:0000:0001"), [IP("2001:db8::1")], PeerName.IPAddress("2001:db8::1"), false },
        { "IPv6 compressing the wrong run", Name("2001:db8:0:0:1:0:0:1"), [IP("2001:db8::1:0:0:1")], PeerName.IPAddress("2001:db8::1:0:0:1"), false },
        { "DNS name for an IP-only certificate", Name("example.com"), [IP("127.0.0.1")], PeerName.IPAddress("127.0.0.1"), false },
        { "second commonName not in the SAN", Der.SimpleName((CommonName, Der.Utf8("example.com")), (CommonName, Der.Utf8("other.example.com"))), [Dns("example.com")], PeerName.Dns("example.com"), false },
    };

    [Theory]
    [MemberData(nameof(CommonNameCases))]
    public void Match_RequiresEveryCommonNameToRepeatASubjectAltNameExactly(string what, byte[] subject, byte[][] names, PeerName expected, bool accepted)
    {
        DerCertificate leaf = Leaf(subject, SubjectAltName(names));

        PeerNameMatch match = PeerNameMatcher.Match(leaf, expected, Suffixes);

        Assert.True(accepted == match.IsMatch, what + ": " + match.Reason);
        if (!accepted)
        {
            Assert.Contains("CABF BR 7.1.4.3", match.Reason, StringComparison.Ordinal);
            Assert.True(PeerNameMatcher.Match(leaf, expected, Suffixes, checkCommonNames: false).IsMatch, what);
        }
    }

    /// <summary>.NET will not write a commonName that is an INTEGER, so the subject is edited in and the certificate signed again.</summary>
    [Fact]
    public void Match_RejectsACommonNameThatIsNotAString()
    {
        TestCertificate issued = TestCertificate.Issue(new CertificateSpec { Subject = Name("example.com"), Extensions = [SubjectAltName(Dns("example.com"))] });
        EditableCertificate edited = issued.Edit();
        edited.Replace(edited.Subject, DerNode.Parse(Der.SimpleName((CommonName, Der.IntegerValue(7)))));
        DerCertificate leaf = DerCertificate.Parse(issued.Resign(edited));

        PeerNameMatch match = PeerNameMatcher.Match(leaf, PeerName.Dns("example.com"), Suffixes);

        Assert.False(match.IsMatch);
        Assert.Contains("commonName is not a string", match.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_ReportsANameMismatchBeforeTheCommonNameRule()
    {
        DerCertificate leaf = Leaf(Name("example.com"), SubjectAltName(Dns("abc.example.com")));

        PeerNameMatch match = PeerNameMatcher.Match(leaf, PeerName.Dns("def.example.com"), Suffixes);

        Assert.StartsWith("No subjectAltName dNSName matches", match.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Reasons_EscapeControlCharactersFromTheCertificate()
    {
        DerCertificate leaf = Leaf(Name("evil\u001b[31m.example.com"), SubjectAltName(Dns("example.com")));

        PeerNameMatch match = PeerNameMatcher.Match(leaf, PeerName.Dns("example.com"), Suffixes);

        Assert.DoesNotContain('\u001b', match.Reason!);
        Assert.Contains("evil\\u001b[31m.example.com", match.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_RejectsMisuse()
    {
        DerCertificate leaf = Leaf(SubjectAltName(Dns("example.com")));

        Assert.Throws<ArgumentNullException>(() => PeerNameMatcher.Match(null!, PeerName.Dns("example.com"), Suffixes));
        Assert.Throws<ArgumentException>(() => PeerNameMatcher.Match(leaf, default, Suffixes));
        Assert.Throws<ArgumentNullException>(() => PeerNameMatcher.CheckSubjectAlternativeNameWellFormed(null!));
    }
}
