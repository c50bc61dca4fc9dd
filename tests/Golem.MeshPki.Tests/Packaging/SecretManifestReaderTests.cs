using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

using Golem.MeshPki.Packaging;

namespace Golem.MeshPki.Tests.Packaging;

public sealed class SecretManifestReaderTests
{
    private static readonly string[] CacertsKeys = ["ca-cert.pem", "ca-key.pem", "cert-chain.pem", "root-cert.pem"];

    // ---- kubectl output ---------------------------------------------------------------------

    [Fact]
    public void KubectlGetSecretYaml_ReadsIdentityAndTheFourCacertsKeys()
    {
        SecretManifestReadResult result = SecretManifestReader.Read(Fixture("cacerts-kubectl.yaml"), "cacerts.yaml");

        SecretManifest secret = Assert.Single(result.Secrets);
        Assert.Empty(result.Skipped);
        Assert.Equal(1, result.DocumentCount);
        Assert.Equal("cacerts", secret.Name);
        Assert.Equal("istio-system", secret.Namespace);
        Assert.Equal("Opaque", secret.Type);
        Assert.Equal("48213", secret.ResourceVersion);
        Assert.Equal("cacerts.yaml", secret.SourceName);
        Assert.Equal(0, secret.DocumentIndex);
        Assert.Equal(CacertsKeys, secret.Entries.Select(e => e.Key));
        AssertHoldsTestCa(secret);
    }

    [Fact]
    public void KubectlGetSecretYaml_DecodedCertificatesAreTheGeneratedOnes()
    {
        SecretManifest secret = Assert.Single(SecretManifestReader.Read(Fixture("cacerts-kubectl.yaml"), "cacerts.yaml").Secrets);

        Assert.True(secret.TryGetData("ca-cert.pem", out ReadOnlyMemory<byte> caCert));
        using X509Certificate2 certificate = X509Certificate2.CreateFromPem(Encoding.UTF8.GetString(caCert.Span));
        Assert.Equal("CN=Golem Test Intermediate CA, O=Golem Test", certificate.Subject);
        Assert.Equal(TestCa.NotAfter.UtcDateTime, certificate.NotAfter.ToUniversalTime());
    }

    [Fact]
    public void KubectlGetSecretJson_ReadsTheSameSecretAsTheYaml()
    {
        SecretManifest fromYaml = Assert.Single(SecretManifestReader.Read(Fixture("cacerts-kubectl.yaml"), "cacerts.yaml").Secrets);
        SecretManifest fromJson = Assert.Single(SecretManifestReader.Read(Fixture("cacerts-kubectl.json"), "cacerts.json").Secrets);

        Assert.Equal(fromYaml.ToString(), fromJson.ToString());
        Assert.Equal(fromYaml.ResourceVersion, fromJson.ResourceVersion);
        AssertHoldsTestCa(fromJson);
        // kubectl indents JSON by four spaces: "ca-cert.pem" is the first key of "data", column 9 is its quote.
        Assert.Equal((4, 9), Position(fromJson, "ca-cert.pem"));
        Assert.Equal((7, 9), Position(fromJson, "root-cert.pem"));
    }

    [Fact]
    public void JsonIndentedWithTabs_ReadsLikeJsonIndentedWithSpaces()
    {
        string tabbed = string.Join('\n', Fixture("cacerts-kubectl.json").Split('\n').Select(line =>
        {
            string body = line.TrimStart(' ');
            return new string('\t', (line.Length - body.Length) / 4) + body;
        }));

        SecretManifest secret = Assert.Single(SecretManifestReader.Read(tabbed, "cacerts.json").Secrets);

        AssertHoldsTestCa(secret);
        Assert.Equal((4, 3), Position(secret, "ca-cert.pem"));
    }

    [Fact]
    public void JsonOnOneLine_Reads()
    {
        string json = """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"cacerts"},"data":{"a":"YQ==","b":"Yg=="}}""";

        SecretManifest secret = Assert.Single(SecretManifestReader.Read(json, "-").Secrets);

        Assert.Equal(["a", "b"], secret.Entries.Select(e => e.Key));
        Assert.Equal((1, 74), Position(secret, "a"));
    }

    [Fact]
    public void ListOfTwoSecrets_ReadsBothInItemOrder()
    {
        SecretManifestReadResult result = SecretManifestReader.Read(Fixture("secret-list.yaml"), "secrets.yaml");

        Assert.Equal(2, result.Secrets.Count);
        Assert.Empty(result.Skipped);

        SecretManifest cacerts = result.Secrets[0];
        Assert.Equal("Secret istio-system/cacerts (Opaque): ca-cert.pem, ca-key.pem, cert-chain.pem, root-cert.pem", cacerts.ToString());
        AssertHoldsTestCa(cacerts);
        // A list item's mapping starts after "- ".
        Assert.Equal((3, 3), (cacerts.Line, cacerts.Column));

        SecretManifest certManager = result.Secrets[1];
        Assert.Equal("Secret cert-manager/istio-ca (kubernetes.io/tls): ca.crt, tls.crt, tls.key", certManager.ToString());
        Assert.Equal("48290", certManager.ResourceVersion);
        AssertData(TestCa.Instance.RootCertPem, certManager, "ca.crt");
        AssertData(TestCa.Instance.CaKeyPem, certManager, "tls.key");
        Assert.Equal((20, 5), Position(certManager, "tls.crt"));
        Assert.All(result.Secrets, s => Assert.Equal(0, s.DocumentIndex));
    }

    [Fact]
    public void ApiServerSecretList_ReadsItsItems()
    {
        const string Yaml = """
            apiVersion: v1
            kind: SecretList
            items:
            - metadata: {name: a}
              data: {k: YQ==}
            - metadata: {name: b}
              data: {k: Yg==}
            """;

        // The API server's list items carry no kind; inside a SecretList they are Secrets all the same.
        SecretManifestReadResult result = SecretManifestReader.Read(Yaml, "-");

        Assert.Equal(["a", "b"], result.Secrets.Select(s => s.Name));
        Assert.Empty(result.Skipped);
        AssertData("b", result.Secrets[1], "k");
    }

    [Fact]
    public void MultiDocument_SkipsTheConfigMapAndReadsTheSecret()
    {
        SecretManifestReadResult result = SecretManifestReader.Read(Fixture("configmap-and-secret.yaml"), "bundle.yaml");

        SkippedManifestObject configMap = Assert.Single(result.Skipped);
        Assert.Equal(new SkippedManifestObject("ConfigMap", "v1", "istio-ca-root-cert", 0, 2, 1), configMap);
        Assert.Equal(["ConfigMap"], result.Skipped.Select(static skipped => skipped.Kind));
        Assert.Equal("ConfigMap istio-ca-root-cert (2,1)", configMap.ToString());

        SecretManifest secret = Assert.Single(result.Secrets);
        Assert.Equal(1, secret.DocumentIndex);
        Assert.Equal((11, 1), (secret.Line, secret.Column));
        AssertData(TestCa.Instance.RootCertPem, secret, "root-cert.pem");
        Assert.Equal((18, 3), Position(secret, "root-cert.pem"));
        // The trailing "---" opens a third, empty document, which is counted but not listed.
        Assert.Equal(3, result.DocumentCount);
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: istio-ca-root-cert}\n", "ConfigMap", "istio-ca-root-cert")]
    [InlineData("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: istiod\n", "Deployment", "istiod")]
    [InlineData("apiVersion: example.com/v1\nkind: Secret\nmetadata: {name: not-core}\ndata: {a: '*not base64*'}\n", "Secret", "not-core")]
    [InlineData("metadata: {name: no-kind}\n", null, "no-kind")]
    [InlineData("-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ\n-----END CERTIFICATE-----\n", null, null)]
    [InlineData("- kind: Secret\n", null, null)]
    [InlineData("apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: List\n  items: []\n", "List", null)]
    public void ObjectThatIsNotACoreSecret_IsSkippedNotRejected(string yaml, string? kind, string? name)
    {
        SecretManifestReadResult result = SecretManifestReader.Read(yaml, "x.yaml");

        Assert.Empty(result.Secrets);
        SkippedManifestObject skipped = Assert.Single(result.Skipped);
        Assert.Equal(kind, skipped.Kind);
        Assert.Equal(name, skipped.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n\t\n")]
    [InlineData("# cacerts, to be filled in\n")]
    [InlineData("---\n")]
    [InlineData("---\n---\n...\n")]
    [InlineData("\uFEFF")]
    [InlineData("~\n")]
    public void EmptyFile_HasNoSecretsAndNothingSkipped(string text)
    {
        SecretManifestReadResult fromText = SecretManifestReader.Read(text, "empty.yaml");
        SecretManifestReadResult fromBytes = SecretManifestReader.Read(Encoding.UTF8.GetBytes(text), "empty.yaml");

        Assert.Empty(fromText.Secrets);
        Assert.Empty(fromText.Skipped);
        Assert.Empty(fromBytes.Secrets);
        Assert.Empty(fromBytes.Skipped);
    }

    // ---- data and stringData ----------------------------------------------------------------

    [Fact]
    public void StringData_IsTakenAsUtf8()
    {
        string yaml = $"""
            apiVersion: v1
            kind: Secret
            metadata:
              name: cacerts
              namespace: istio-system
            stringData:
              root-cert.pem: |
            {Indent(TestCa.Instance.RootCertPem, 4)}
              note: "mesh ✓"
            """;

        SecretManifest secret = Assert.Single(SecretManifestReader.Read(yaml, "cacerts.yaml").Secrets);

        AssertData(TestCa.Instance.RootCertPem, secret, "root-cert.pem");
        AssertData("mesh ✓", secret, "note");
        Assert.Equal((7, 3), Position(secret, "root-cert.pem"));
    }

    [Fact]
    public void StringData_OverridesDataOfTheSameKeyAsTheApiServerMerges()
    {
        const string Yaml = """
            kind: Secret
            data:
              a: ZnJvbS1kYXRh
              b: ZnJvbS1kYXRh
            stringData:
              c: from-stringData
              b: from-stringData
            """;

        SecretManifest secret = Assert.Single(SecretManifestReader.Read(Yaml, "s.yaml").Secrets);

        // data order first, the overridden key keeps its place, new stringData keys follow.
        Assert.Equal(["a", "b", "c"], secret.Entries.Select(e => e.Key));
        AssertData("from-data", secret, "a");
        AssertData("from-stringData", secret, "b");
        AssertData("from-stringData", secret, "c");
        // The position is where the value that won is written.
        Assert.Equal((7, 3), Position(secret, "b"));
    }

    [Theory]
    [InlineData("plain scalar folded over lines", "kind: Secret\ndata:\n  k: aGVsbG8s\n    IG1lc2g=\n")]
    [InlineData("literal block", "kind: Secret\ndata:\n  k: |\n    aGVsbG8s\n    IG1lc2g=\n")]
    [InlineData("literal block with CRLF", "kind: Secret\r\ndata:\r\n  k: |\r\n    aGVsbG8s\r\n    IG1lc2g=\r\n")]
    [InlineData("double-quoted with escaped newline", "kind: Secret\ndata:\n  k: \"aGVsbG8s\\nIG1lc2g=\"\n")]
    [InlineData("spaces and tab inside", "kind: Secret\ndata:\n  k: \"aGVs bG8s\tIG1l c2g=\"\n")]
    [InlineData("JSON", "{\"kind\": \"Secret\", \"data\": {\"k\": \"aGVsbG8sIG1lc2g=\"}}")]
    public void Base64WithWhitespaceInside_DecodesAsKubectlAndYamlFoldingWriteIt(string layout, string yaml)
    {
        SecretManifest secret = Assert.Single(SecretManifestReader.Read(yaml, layout).Secrets);

        AssertData("hello, mesh", secret, "k");
    }

    [Theory]
    [InlineData("kind: Secret\ndata:\n")]
    [InlineData("kind: Secret\ndata: ~\n")]
    [InlineData("kind: Secret\ndata: {}\n")]
    [InlineData("kind: Secret\nstringData: null\n")]
    [InlineData("kind: Secret\n")]
    public void SecretWithoutData_HasNoEntries(string yaml)
    {
        SecretManifest secret = Assert.Single(SecretManifestReader.Read(yaml, "s.yaml").Secrets);

        Assert.Empty(secret.Entries);
        Assert.False(secret.TryGetData("ca-cert.pem", out ReadOnlyMemory<byte> value));
        Assert.True(value.IsEmpty);
        Assert.Equal("Secret (unnamed): no keys", secret.ToString());
    }

    [Theory]
    [InlineData("kind: Secret\ndata:\n  empty:\n")]
    [InlineData("kind: Secret\ndata:\n  empty: \"\"\n")]
    [InlineData("kind: Secret\nstringData:\n  empty: ''\n")]
    public void EmptyValue_IsAnEmptyEntry(string yaml)
    {
        SecretManifest secret = Assert.Single(SecretManifestReader.Read(yaml, "s.yaml").Secrets);

        Assert.True(secret.TryGetData("empty", out ReadOnlyMemory<byte> value));
        Assert.True(value.IsEmpty);
    }

    [Fact]
    public void DataThroughAnAlias_IsReadFromTheAnchoredMapping()
    {
        const string Yaml = """
            kind: Secret
            x-common: &common
              a: YQ==
            data: *common
            """;

        SecretManifest secret = Assert.Single(SecretManifestReader.Read(Yaml, "s.yaml").Secrets);

        AssertData("a", secret, "a");
        Assert.Equal((3, 3), Position(secret, "a"));
    }

    [Fact]
    public void KeysAreCaseSensitive_AsKubernetesCompares()
    {
        SecretManifest secret = Assert.Single(SecretManifestReader.Read("kind: Secret\ndata: {Tls.crt: YQ==}\n", "s.yaml").Secrets);

        Assert.False(secret.TryGetData("tls.crt", out _));
        Assert.True(secret.TryGetEntry("Tls.crt", out SecretDataEntry entry));
        Assert.Equal("Tls.crt", entry.Key);
    }

    // ---- positions --------------------------------------------------------------------------

    [Theory]
    [InlineData("block mapping", "kind: Secret\ndata:\n  a: YQ==\n  bb: Yg==\n", "bb", 4, 3)]
    [InlineData("flow mapping", "kind: Secret\ndata: {a: YQ==, \"bb\": Yg==}\n", "bb", 2, 17)]
    [InlineData("comments and CRLF", "# c\r\nkind: Secret\r\ndata:\r\n    # note\r\n    bb: Yg==\r\n", "bb", 5, 5)]
    [InlineData("byte order mark", "\uFEFFkind: Secret\ndata: {bb: Yg==}\n", "bb", 2, 8)]
    [InlineData("second document", "---\nkind: ConfigMap\n---\nkind: Secret\ndata:\n  bb: Yg==\n", "bb", 6, 3)]
    [InlineData("stringData", "kind: Secret\nstringData:\n   bb: b\n", "bb", 3, 4)]
    [InlineData("JSON with tabs", "{\n\t\"kind\": \"Secret\",\n\t\"data\": {\n\t\t\"bb\": \"Yg==\"\n\t}\n}\n", "bb", 4, 3)]
    [InlineData("non-ASCII before", "kind: Secret # clé\ndata: {é: YQ==, bb: Yg==}\n", "bb", 2, 17)]
    public void KeyPosition_IsTheOneBasedLineAndColumnOfTheKey(string layout, string yaml, string key, int line, int column)
    {
        SecretManifest fromText = Assert.Single(SecretManifestReader.Read(yaml, layout).Secrets);
        SecretManifest fromBytes = Assert.Single(SecretManifestReader.Read(Encoding.UTF8.GetBytes(yaml), layout).Secrets);

        Assert.Equal((line, column), Position(fromText, key));
        Assert.Equal(fromText.Entries, fromBytes.Entries);
    }

    [Fact]
    public void KubectlGetSecretYaml_KeyPositionsAreThoseInTheFile()
    {
        SecretManifest secret = Assert.Single(SecretManifestReader.Read(Fixture("cacerts-kubectl.yaml"), "cacerts.yaml").Secrets);

        Assert.Equal([(3, 3), (4, 3), (5, 3), (6, 3)], secret.Entries.Select(e => (e.Line, e.Column)));
        Assert.Equal((1, 1), (secret.Line, secret.Column));
    }

    // ---- errors -----------------------------------------------------------------------------

    public static TheoryData<string, string> BadBase64Values => new()
    {
        { "PEM pasted into data instead of stringData", "|\n" + Indent(TestCa.Instance.CaKeyPem, 4) },
        { "base64 of the key with one character replaced", "'" + ReplaceAt(Base64(TestCa.Instance.CaKeyPem), 40, '*') + "'" },
        { "base64 of the key cut short", Base64(TestCa.Instance.CaKeyPem)[..^3] },
        { "URL-safe alphabet", "\"" + Base64(TestCa.Instance.CaKeyPem).Replace('+', '-').Replace('/', '_') + "-_\"" },
        { "missing padding", "YWJjZA" },
    };

    [Theory]
    [MemberData(nameof(BadBase64Values))]
    public void BadBase64_NamesFileLineColumnAndKeyButNotTheValue(string problem, string value)
    {
        string yaml = $"""
            apiVersion: v1
            kind: Secret
            metadata:
              name: cacerts
            data:
              ca-cert.pem: {Base64(TestCa.Instance.CaCertPem)}
              ca-key.pem: {value}
            """;

        ManifestFormatException ex = Assert.Throws<ManifestFormatException>(() => SecretManifestReader.Read(yaml, "cacerts.yaml"));

        Assert.Equal("cacerts.yaml(7,3): data key 'ca-key.pem' is not valid base64.", ex.Message);
        Assert.Equal(("cacerts.yaml", 7, 3), (ex.SourceName, ex.Line, ex.Column));
        AssertDoesNotRevealTheKey(ex.ToString(), problem);
    }

    public static TheoryData<string, string> MalformedSecrets => new()
    {
        { "kind: Secret\ndata:\n- YQ==\n", "s.yaml(3,1): data is not a mapping." },
        { "kind: Secret\ndata: YQ==\n", "s.yaml(2,7): data is not a mapping." },
        { "kind: Secret\nstringData: [a]\n", "s.yaml(2,13): stringData is not a mapping." },
        { "kind: Secret\nmetadata: cacerts\n", "s.yaml(2,11): metadata is not a mapping." },
        { "kind: Secret\nmetadata:\n  name: [cacerts]\n", "s.yaml(3,9): metadata.name is not a string." },
        { "kind: Secret\ntype: {a: b}\n", "s.yaml(2,7): type is not a string." },
        { "kind: Secret\ndata:\n  a: YQ==\n  a: Yg==\n", "s.yaml(4,3): data key 'a' appears more than once." },
        { "kind: Secret\nstringData:\n  a: x\n  a: y\n", "s.yaml(4,3): stringData key 'a' appears more than once." },
        { "kind: Secret\ndata:\n  a:\n    b: YQ==\n", "s.yaml(3,3): data key 'a' has a value that is not a string." },
        { "kind: Secret\ndata:\n  [a]: YQ==\n", "s.yaml(3,3): data has a key that is not a string." },
        { "kind: Secret\ndata: {}\ndata: {}\n", "s.yaml(3,1): key 'data' appears more than once." },
        { "kind: Secret\ndata: *nope\n", "s.yaml(2,7): alias '*nope' refers to no anchor before it." },
        { "apiVersion: v1\nkind: List\nitems: cacerts\n", "s.yaml(3,8): 'items' of the List is not a sequence." },
    };

    [Theory]
    [MemberData(nameof(MalformedSecrets))]
    public void MalformedSecret_ThrowsWithPositionAndReason(string yaml, string message)
    {
        ManifestFormatException ex = Assert.Throws<ManifestFormatException>(() => SecretManifestReader.Read(yaml, "s.yaml"));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void ValueThatIsNotAString_IsNotQuotedInTheMessage()
    {
        string yaml = $"kind: Secret\ndata:\n  ca-key.pem:\n    pem: |\n{Indent(TestCa.Instance.CaKeyPem, 6)}";

        ManifestFormatException ex = Assert.Throws<ManifestFormatException>(() => SecretManifestReader.Read(yaml, "s.yaml"));

        Assert.Equal("s.yaml(3,3): data key 'ca-key.pem' has a value that is not a string.", ex.Message);
        AssertDoesNotRevealTheKey(ex.ToString(), "value is a mapping");
    }

    [Theory]
    [InlineData("unterminated quoted scalar, at the opening quote", "kind: Secret\ndata:\n  a: \"YQ==\n", 3, 6)]
    [InlineData("unknown escape, at the start of the scalar", "kind: Secret\ndata:\n  a: \"Y\\qQ==\"\n", 3, 6)]
    [InlineData("key indented deeper than its sibling", "kind: Secret\ndata:\n  a: YQ==\n   b: Yg==\n", 4, 5)]
    [InlineData("block scalar followed by a line at its parent's indentation", "kind: Secret\ndata:\n  a: |\n  b\n  c: x\n", 4, 3)]
    [InlineData("flow mapping not closed, in the second document", "kind: ConfigMap\n---\nkind: Secret\ndata: {a: YQ==\n", 5, 1)]
    [InlineData("tab as indentation (YamlDotNet says (1,1))", "kind: Secret\ndata:\n\ta: YQ==\n", 3, 1)]
    [InlineData("tab after spaces as indentation", "kind: Secret\ndata:\n  a: YQ==\n  \tb: YQ==\n", 4, 3)]
    public void YamlSyntaxError_GivesLineAndColumn(string problem, string yaml, int line, int column)
    {
        ManifestFormatException ex = Assert.Throws<ManifestFormatException>(() => SecretManifestReader.Read(yaml, "cacerts.yaml"));

        Assert.Equal((line, column), (ex.Line, ex.Column));
        Assert.StartsWith($"cacerts.yaml({line},{column}): invalid YAML: ", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith(".", ex.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(problem));
    }

    [Fact]
    public void YamlDotNetInvalidOperationException_IsWrappedAsManifestFormatException()
    {
        // YamlDotNet 18.1 throws InvalidOperationException from its scanner for this input.
        ManifestFormatException ex = Assert.Throws<ManifestFormatException>(() => SecretManifestReader.Read("a: [b\nc: d\n", "x.yaml"));

        Assert.IsType<InvalidOperationException>(ex.InnerException);
        Assert.Equal("x.yaml", ex.SourceName);
    }

    [Theory]
    [InlineData("kind: Secret\0\ndata: {}\n", 1, 13, "character U+0000 is not allowed in YAML")]
    [InlineData("kind: Secret\ndata:\n  a: \u0001\n", 3, 6, "character U+0001 is not allowed in YAML")]
    public void ControlCharacter_IsRejectedRatherThanTakenForTheEnd(string yaml, int line, int column, string reason)
    {
        ManifestFormatException ex = Assert.Throws<ManifestFormatException>(() => SecretManifestReader.Read(yaml, "x.yaml"));

        Assert.Equal((line, column, reason), (ex.Line, ex.Column, ex.Reason));
    }

    [Fact]
    public void LoneSurrogate_IsRejected()
    {
        // Built at run time: a lone surrogate does not survive in attribute data.
        string yaml = "kind: Secret\ndata:\n  a: " + '\ud800' + "\n";

        ManifestFormatException ex = Assert.Throws<ManifestFormatException>(() => SecretManifestReader.Read(yaml, "x.yaml"));

        Assert.Equal("x.yaml(3,6): character U+D800 is not allowed in YAML.", ex.Message);
    }

    [Fact]
    public void InvalidUtf8_GivesThePositionOfTheBadByte()
    {
        byte[] content = [.. "kind: Secret\ndata:\n  a: "u8, 0xC3, 0x28, .. "\n"u8];

        ManifestFormatException ex = Assert.Throws<ManifestFormatException>(() => SecretManifestReader.Read(content, "x.yaml"));

        Assert.Equal("x.yaml(3,6): the text is not valid UTF-8.", ex.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16WithByteOrderMark_ReadsAsWindowsPowerShellWritesIt(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        byte[] content = [.. encoding.GetPreamble(), .. encoding.GetBytes(Fixture("cacerts-kubectl.yaml"))];

        SecretManifest secret = Assert.Single(SecretManifestReader.Read(content, "cacerts.yaml").Secrets);

        AssertHoldsTestCa(secret);
        Assert.True(SecretManifestReader.LooksLikeManifest(content));
    }

    [Fact]
    public void NestingUpToTheLimit_IsReadWithoutOverflowingTheStack()
    {
        int depth = 1000;
        string nested = new string('[', depth) + new string(']', depth);

        SecretManifestReadResult result = SecretManifestReader.Read(nested, "deep.yaml");

        Assert.Null(Assert.Single(result.Skipped).Kind);
    }

    [Theory]
    [InlineData(1001)]
    [InlineData(200_000)]
    public void NestingBeyondTheLimit_IsRejectedBeforeTheParserSlowsDown(int depth)
    {
        // Regression: YamlDotNet's scanner is quadratic in flow nesting; 200 000 '[' took 7 minutes to reject.
        string unterminated = new('[', depth);

        ManifestFormatException ex = Assert.Throws<ManifestFormatException>(() => SecretManifestReader.Read(unterminated, "deep.yaml"));

        Assert.Equal("deep.yaml(1,1001): collections are nested deeper than 1000 levels.", ex.Message);
    }

    [Fact]
    public void ArgumentErrors_AreArgumentExceptions()
    {
        Assert.Throws<ArgumentNullException>(() => SecretManifestReader.Read((string)null!, "x"));
        Assert.Throws<ArgumentNullException>(() => SecretManifestReader.Read("", null!));
        Assert.Throws<ArgumentException>(() => SecretManifestReader.Read("", ""));
        Assert.Throws<ArgumentException>(() => SecretManifestReader.Read(ReadOnlySpan<byte>.Empty, ""));
    }

    // ---- secrets are not printed ------------------------------------------------------------

    [Fact]
    public void ToString_ShowsKeysButNeverValues()
    {
        SecretManifestReadResult result = SecretManifestReader.Read(Fixture("cacerts-kubectl.yaml"), "cacerts.yaml");
        SecretManifest secret = Assert.Single(result.Secrets);
        Assert.True(secret.TryGetEntry("ca-key.pem", out SecretDataEntry key));

        string printed = string.Join(
            "\n",
            secret.ToString(),
            key.ToString(),
            $"{key}",
            string.Join(", ", secret.Entries),
            result.ToString());

        Assert.Equal("Secret istio-system/cacerts (Opaque): ca-cert.pem, ca-key.pem, cert-chain.pem, root-cert.pem", secret.ToString());
        Assert.Equal($"ca-key.pem (4,3): {TestCa.Instance.CaKeyPem.Length} bytes", key.ToString());
        AssertDoesNotRevealTheKey(printed, "ToString");
    }

    [Fact]
    public void SecretDataEntry_EqualityComparesBytesNotMemoryIdentity()
    {
        var a = new SecretDataEntry("k", new byte[] { 1, 2, 3 }, 1, 1);
        var b = new SecretDataEntry("k", new byte[] { 1, 2, 3 }, 1, 1);
        var c = new SecretDataEntry("k", new byte[] { 1, 2, 4 }, 1, 1);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
    }

    // ---- sniffing ---------------------------------------------------------------------------

    [Theory]
    [InlineData("apiVersion: v1\nkind: Secret\n", true)]
    [InlineData("# generated by meshpki\n---\nkind: Secret\n", true)]
    [InlineData("metadata:\n  name: x\nkind: Secret\n", true)]
    [InlineData("  \n\t{\"kind\": \"Secret\"}", true)]
    [InlineData("\uFEFF{}", true)]
    [InlineData("%YAML 1.2\n---\napiVersion: v1\n", true)]
    [InlineData("kind:\n", true)]
    [InlineData("-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ\n-----END CERTIFICATE-----\n", false)]
    [InlineData("Certificate:\n    Data:\n        Version: 3 (0x2)\n-----BEGIN CERTIFICATE-----\n", false)]
    [InlineData("  kind: Secret\n", false)]
    [InlineData("kindness: 1\napiVersions: v1\n", false)]
    [InlineData("[1, 2]", false)]
    [InlineData("", false)]
    [InlineData("# only a comment { kind: Secret }\n", false)]
    public void LooksLikeManifest_TellsManifestsFromPem(string text, bool expected)
    {
        Assert.Equal(expected, SecretManifestReader.LooksLikeManifest(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void LooksLikeManifest_IsFalseForDerAndTrueForTheFixtures()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        byte[] der = new CertificateRequest("CN=x", key, HashAlgorithmName.SHA256).CreateSelfSigned(TestCa.NotBefore, TestCa.NotAfter).RawData;

        Assert.False(SecretManifestReader.LooksLikeManifest(der));
        Assert.All(
            ["cacerts-kubectl.yaml", "cacerts-kubectl.json", "secret-list.yaml", "configmap-and-secret.yaml"],
            name => Assert.True(SecretManifestReader.LooksLikeManifest(Encoding.UTF8.GetBytes(Fixture(name))), name));
    }

    // ---- properties -------------------------------------------------------------------------

    // Pieces that steer generated text into YAML's corners: indicators, indentation, documents,
    // anchors, tags, block scalars, escapes, line separators, and the Secret shape itself.
    private static readonly string[] YamlPieces =
    [
        "kind: Secret\n", "apiVersion: v1\n", "kind: List\nitems:\n", "data:\n", "stringData:\n", "  ", "    ", "\t",
        "a: ", "YQ==", "'", "\"", "\\", "\\u00", "{", "}", "[", "]", ",", ":", ": ", "- ", "? ", "#", "\n", "\r\n",
        "---\n", "...\n", "%YAML 1.2\n", "%TAG ! tag:x:\n", "&a ", "*a", "!!str ", "!!binary ", "!", "|\n", ">-\n", "|2\n",
        "~", "null", "\u2028", "\u0085", "\uFEFF", "é", "😀", "\0", "\u0001", "<<: ", "@", "`", "%",
    ];

    private static Arbitrary<string> YamlishText()
    {
        Gen<string> piece = Gen.Frequency(
            (8, Gen.Elements(YamlPieces)),
            (2, Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString())));
        return Gen.ListOf(piece).Select(pieces => string.Concat(pieces)).ToArbitrary();
    }

    [Property(MaxTest = 3000)]
    public Property YamlishText_EitherReadsOrThrowsManifestFormatException()
    {
        return Prop.ForAll(YamlishText(), text => ReadsOrThrowsManifestFormatException(() => SecretManifestReader.Read(text, "fuzz.yaml")));
    }

    [Property(MaxTest = 1000)]
    public bool AnyString_EitherReadsOrThrowsManifestFormatException(string text)
    {
        return text is null || ReadsOrThrowsManifestFormatException(() => SecretManifestReader.Read(text, "fuzz.yaml"));
    }

    [Property(MaxTest = 1000)]
    public bool AnyBytes_EitherReadOrThrowManifestFormatException(byte[] content)
    {
        return content is null || ReadsOrThrowsManifestFormatException(() => SecretManifestReader.Read(content, "fuzz.bin"));
    }

    [Property(MaxTest = 2000)]
    public Property MutatedKubectlOutput_EitherReadsOrThrowsManifestFormatException()
    {
        string fixture = Fixture("cacerts-kubectl.yaml");
        Gen<string> mutated =
            from position in Gen.Choose(0, fixture.Length)
            from length in Gen.Choose(0, 8)
            from insert in Gen.Elements(YamlPieces)
            select string.Concat(fixture.AsSpan(0, position), insert, fixture.AsSpan(Math.Min(fixture.Length, position + length)));
        return Prop.ForAll(mutated.ToArbitrary(), text => ReadsOrThrowsManifestFormatException(() => SecretManifestReader.Read(text, "cacerts.yaml")));
    }

    [Property(MaxTest = 500)]
    public Property ErrorMessages_NeverContainTheSecretValue()
    {
        // Values that are not base64 (they hold '!' or '*'), long enough that a match is no accident.
        Gen<string> secretValue = Gen.Elements("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!*-_".ToCharArray())
            .ArrayOf(24).Select(chars => "!*" + new string(chars));
        return Prop.ForAll(secretValue.ToArbitrary(), value =>
        {
            string yaml = $"kind: Secret\ndata:\n  tls.key: '{value}'\n";
            ManifestFormatException ex = Assert.Throws<ManifestFormatException>(() => SecretManifestReader.Read(yaml, "s.yaml"));
            Assert.DoesNotContain(value, ex.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(value[2..14], ex.ToString(), StringComparison.Ordinal);
        });
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static bool ReadsOrThrowsManifestFormatException(Func<SecretManifestReadResult> read)
    {
        try
        {
            SecretManifestReadResult result = read();
            return result.Secrets.All(s => s.Entries.All(e => s.TryGetData(e.Key, out _)));
        }
        catch (ManifestFormatException ex)
        {
            return ex.Line >= 1 && ex.Column >= 1 && ex.Message.EndsWith('.');
        }
    }

    private static void AssertHoldsTestCa(SecretManifest secret)
    {
        AssertData(TestCa.Instance.CaCertPem, secret, "ca-cert.pem");
        AssertData(TestCa.Instance.CaKeyPem, secret, "ca-key.pem");
        AssertData(TestCa.Instance.CertChainPem, secret, "cert-chain.pem");
        AssertData(TestCa.Instance.RootCertPem, secret, "root-cert.pem");
    }

    private static void AssertData(string expected, SecretManifest secret, string key)
    {
        Assert.True(secret.TryGetData(key, out ReadOnlyMemory<byte> value), $"{secret} has no key '{key}'");
        Assert.Equal(expected, Encoding.UTF8.GetString(value.Span));
    }

    private static void AssertDoesNotRevealTheKey(string text, string context)
    {
        string keyPem = TestCa.Instance.CaKeyPem;
        string keyBody = keyPem.Split('\n')[1];
        Assert.False(text.Contains("PRIVATE KEY", StringComparison.Ordinal), $"{context}: revealed the PEM label");
        Assert.False(text.Contains(keyBody[..16], StringComparison.Ordinal), $"{context}: revealed the key's base64 body");
        Assert.False(text.Contains(Base64(keyPem)[..16], StringComparison.Ordinal), $"{context}: revealed the data value");
    }

    private static (int Line, int Column) Position(SecretManifest secret, string key)
    {
        Assert.True(secret.TryGetEntry(key, out SecretDataEntry entry), $"{secret} has no key '{key}'");
        return (entry.Line, entry.Column);
    }

    private static string Base64(string text)
    {
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
    }

    private static string Indent(string text, int spaces)
    {
        string indent = new(' ', spaces);
        return string.Join('\n', text.TrimEnd('\n').Split('\n').Select(line => indent + line)) + "\n";
    }

    private static string ReplaceAt(string text, int index, char c)
    {
        return string.Concat(text.AsSpan(0, index), new ReadOnlySpan<char>(in c), text.AsSpan(index + 1));
    }

    /// <summary>A testdata manifest with each <c>{{key}}</c> replaced by the base64 of that test CA PEM.</summary>
    private static string Fixture(string name)
    {
        string text = File.ReadAllText(TestDataPath(name));
        foreach ((string key, string pem) in TestCa.Instance.PemByKey)
        {
            text = text.Replace("{{" + key + "}}", Base64(pem), StringComparison.Ordinal);
        }

        return text;
    }

    private static string TestDataPath(string name) => Path.Combine(AppContext.BaseDirectory, "Packaging", "testdata", name);

    /// <summary>
    /// A root CA and an intermediate CA as Istio's cacerts holds them, created once per test run with a
    /// fixed validity window so that the tests do not age.
    /// </summary>
    private sealed class TestCa
    {
        public static readonly DateTimeOffset NotBefore = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        public static readonly DateTimeOffset NotAfter = new(2035, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public static readonly TestCa Instance = new();

        private TestCa()
        {
            using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var rootRequest = new CertificateRequest("CN=Golem Test Root CA, O=Golem Test", rootKey, HashAlgorithmName.SHA256);
            rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            using X509Certificate2 root = rootRequest.CreateSelfSigned(NotBefore, NotAfter);

            using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var caRequest = new CertificateRequest("CN=Golem Test Intermediate CA, O=Golem Test", caKey, HashAlgorithmName.SHA256);
            caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
            caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            using X509Certificate2 ca = caRequest.Create(root, NotBefore, NotAfter, [0x01, 0x02, 0x03, 0x04]);

            RootCertPem = root.ExportCertificatePem() + "\n";
            CaCertPem = ca.ExportCertificatePem() + "\n";
            CaKeyPem = caKey.ExportPkcs8PrivateKeyPem() + "\n";
            CertChainPem = CaCertPem + RootCertPem;
            PemByKey = new Dictionary<string, string>
            {
                ["ca-cert.pem"] = CaCertPem,
                ["ca-key.pem"] = CaKeyPem,
                ["cert-chain.pem"] = CertChainPem,
                ["root-cert.pem"] = RootCertPem,
            };
        }

        public string RootCertPem { get; }

        public string CaCertPem { get; }

        public string CaKeyPem { get; }

        public string CertChainPem { get; }

        public IReadOnlyDictionary<string, string> PemByKey { get; }
    }
}
