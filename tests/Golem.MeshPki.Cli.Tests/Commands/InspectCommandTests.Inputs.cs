using System.Text.Json;
using Golem.MeshPki.Cli.Tests.TestSupport;

namespace Golem.MeshPki.Cli.Tests.Commands;

public sealed partial class InspectCommandTests
{
    [Fact]
    public void Directory_reads_its_certificate_files_sorted_by_name()
    {
        using var directory = new TempDirectory();
        directory.Write("root.pem", Pki.Root.ExportCertificatePem());
        directory.Write("intermediate.crt", Pki.Intermediate.ExportCertificatePem());
        directory.Write("leaf.der", Pki.Leaf.RawData);
        directory.Write("other.CER", Pki.ExpiredLeaf.RawData);
        directory.Write("notes.txt", "not read");
        Directory.CreateDirectory(Path.Join(directory.Path, "nested.pem"));
        File.WriteAllText(Path.Join(directory.Path, "nested.pem", "ignored.pem"), "subdirectories are not read");

        JsonElement json = InspectJson(directory.Path);

        Assert.Equal(
            [
                Path.Join(directory.Path, "intermediate.crt") + "#0",
                Path.Join(directory.Path, "leaf.der") + "#0",
                Path.Join(directory.Path, "other.CER") + "#0",
                Path.Join(directory.Path, "root.pem") + "#0",
            ],
            json.GetProperty("certificates").EnumerateArray().Select(certificate => certificate.GetProperty("source").GetString()));
    }

    [Fact]
    public void Directory_without_certificate_files_is_an_input_error()
    {
        using var directory = new TempDirectory();
        directory.Write("notes.txt", "nothing here");

        CliRun run = CliRun.Of("inspect", directory.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(directory.Path + ": no certificate or private key found", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Stdin_dash_reads_a_PEM_bundle()
    {
        CliRun run = CliRun.WithStdin(CliRun.Utf8(Pki.ChainPem), "inspect", "-", "--json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(
            ["-#0", "-#1", "-#2"],
            json.RootElement.GetProperty("certificates").EnumerateArray().Select(certificate => certificate.GetProperty("source").GetString()));
    }

    [Fact]
    public void Stdin_dash_reads_binary_DER()
    {
        CliRun run = CliRun.WithStdin(Pki.Root.RawData, "inspect", "-", "--json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        JsonElement certificate = Assert.Single(json.RootElement.GetProperty("certificates").EnumerateArray());
        Assert.Equal("-#0", certificate.GetProperty("source").GetString());
        Assert.Equal("CN=Golem Test Root CA,O=Golem", certificate.GetProperty("subject").GetString());
    }

    [Fact]
    public void Stdin_dash_given_twice_is_a_usage_error()
    {
        CliRun run = CliRun.WithStdin(CliRun.Utf8(Pki.ChainPem), "inspect", "-", "-");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void DER_file_holds_one_certificate()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("leaf.der", Pki.Leaf.RawData);

        JsonElement certificate = Assert.Single(InspectJson(path).GetProperty("certificates").EnumerateArray());

        Assert.Equal(path + "#0", certificate.GetProperty("source").GetString());
        Assert.Equal("abcdef01", certificate.GetProperty("serialNumber").GetString());
    }

    [Fact]
    public void Concatenated_DER_certificates_are_read_one_after_another()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("chain.der", [.. Pki.Leaf.RawData, .. Pki.Intermediate.RawData, .. Pki.Root.RawData]);

        JsonElement json = InspectJson(path);

        Assert.Equal(
            ["CN=sleep.default.svc.cluster.local,O=Golem", "CN=Golem Test Intermediate CA,O=Golem", "CN=Golem Test Root CA,O=Golem"],
            json.GetProperty("certificates").EnumerateArray().Select(certificate => certificate.GetProperty("subject").GetString()));
        Assert.Equal(path + "#2", json.GetProperty("certificates")[2].GetProperty("source").GetString());
    }

    [Fact]
    public void Concatenated_DER_with_trailing_garbage_keeps_the_certificates_and_names_the_offset()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("chain.der", [.. Pki.Leaf.RawData, .. Pki.Root.RawData, 0x30, 0x03, 0x01]);

        CliRun run = CliRun.Of("inspect", path, "--json");

        Assert.Equal(1, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(2, json.RootElement.GetProperty("certificates").GetArrayLength());
        JsonElement error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(path + "#2", error.GetProperty("source").GetString());
        Assert.StartsWith(
            $"DER certificate starting at byte {Pki.Leaf.RawData.Length + Pki.Root.RawData.Length}: Malformed certificate at byte",
            error.GetProperty("message").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Secret_YAML_from_kubectl_reads_every_data_key()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("cacerts.yaml", SecretManifests.Yaml(
            "cacerts",
            ("ca-cert.pem", Pki.Intermediate.ExportCertificatePem()),
            ("ca-key.pem", Pki.IntermediateKey.ExportPkcs8PrivateKeyPem()),
            ("cert-chain.pem", Pki.Intermediate.ExportCertificatePem() + "\n" + Pki.Root.ExportCertificatePem()),
            ("root-cert.pem", Pki.Root.ExportCertificatePem())));

        CliRun run = CliRun.Of("inspect", path, "--json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(
            [$"{path}:cacerts/ca-cert.pem#0", $"{path}:cacerts/cert-chain.pem#0", $"{path}:cacerts/cert-chain.pem#1", $"{path}:cacerts/root-cert.pem#0"],
            json.RootElement.GetProperty("certificates").EnumerateArray().Select(certificate => certificate.GetProperty("source").GetString()));
        JsonElement key = Assert.Single(json.RootElement.GetProperty("privateKeys").EnumerateArray());
        Assert.Equal($"{path}:cacerts/ca-key.pem#0", key.GetProperty("source").GetString());
        Assert.Equal("EC", key.GetProperty("keyAlgorithm").GetString());
        Assert.Equal($"{path}:cacerts/ca-cert.pem#0", key.GetProperty("matchesCertificate").GetString());
    }

    [Fact]
    public void Secret_JSON_from_kubectl_reads_every_data_key()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("tls.json", SecretManifests.Json(
            "workload-tls",
            ("tls.crt", Pki.Leaf.ExportCertificatePem() + "\n" + Pki.Intermediate.ExportCertificatePem()),
            ("tls.key", Pki.LeafKey.ExportECPrivateKeyPem()),
            ("ca.crt", Pki.Root.ExportCertificatePem())));

        CliRun run = CliRun.Of("inspect", path, "--json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(
            [$"{path}:workload-tls/tls.crt#0", $"{path}:workload-tls/tls.crt#1", $"{path}:workload-tls/ca.crt#0"],
            json.RootElement.GetProperty("certificates").EnumerateArray().Select(certificate => certificate.GetProperty("source").GetString()));
        JsonElement key = Assert.Single(json.RootElement.GetProperty("privateKeys").EnumerateArray());
        Assert.Equal($"{path}:workload-tls/tls.crt#0", key.GetProperty("matchesCertificate").GetString());
    }

    [Fact]
    public void Secret_data_key_named_like_a_key_may_hold_DER()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("tls.yaml", SecretManifests.Yaml(
            "der-tls",
            ("tls.crt", Pki.Leaf.RawData),
            ("tls.key", Pki.LeafKey.ExportPkcs8PrivateKey())));

        JsonElement json = InspectJson(path);

        JsonElement key = Assert.Single(json.GetProperty("privateKeys").EnumerateArray());
        Assert.Equal($"{path}:der-tls/tls.key#0", key.GetProperty("source").GetString());
        Assert.Equal($"{path}:der-tls/tls.crt#0", key.GetProperty("matchesCertificate").GetString());
    }

    [Fact]
    public void Secret_List_from_kubectl_get_secrets_reads_every_Secret()
    {
        // `kubectl get secrets -o yaml` prints a List whose items are the Secrets.
        static string Item(string yaml) => string.Join('\n', yaml.TrimEnd('\n').Split('\n').Select((line, i) => (i == 0 ? "- " : "  ") + line));
        string list = "apiVersion: v1\nitems:\n"
            + Item(SecretManifests.Yaml("cacerts", ("root-cert.pem", Pki.Root.ExportCertificatePem()))) + "\n"
            + Item(SecretManifests.Yaml("istio-ca-secret", ("ca-cert.pem", Pki.Intermediate.ExportCertificatePem()))) + "\n"
            + "kind: List\nmetadata:\n  resourceVersion: \"\"\n";
        using var directory = new TempDirectory();
        string path = directory.Write("secrets.yaml", list);

        JsonElement json = InspectJson(path);

        Assert.Equal(
            [$"{path}:cacerts/root-cert.pem#0", $"{path}:istio-ca-secret/ca-cert.pem#0"],
            json.GetProperty("certificates").EnumerateArray().Select(certificate => certificate.GetProperty("source").GetString()));
    }

    [Fact]
    public void Secret_manifest_on_stdin_is_named_after_dash()
    {
        byte[] yaml = CliRun.Utf8(SecretManifests.Yaml("istio-ca-secret", ("ca-cert.pem", Pki.Root.ExportCertificatePem())));

        CliRun run = CliRun.WithStdin(yaml, "inspect", "-", "--json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("-:istio-ca-secret/ca-cert.pem#0", json.RootElement.GetProperty("certificates")[0].GetProperty("source").GetString());
    }

    [Fact]
    public void Manifest_without_a_Secret_is_an_input_error()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio-ca-root-cert\ndata:\n  root-cert.pem: x\n");

        CliRun run = CliRun.Of("inspect", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{path}: no certificate or private key found: the manifest has no Kubernetes Secret (found ConfigMap).", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_manifest_names_line_and_column()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("broken.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: cacerts\ndata:\n  ca-cert.pem: not*base64\n");

        CliRun run = CliRun.Of("inspect", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{path}: Malformed Kubernetes manifest at line 6, column 3: data key 'ca-cert.pem' is not valid base64.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_is_an_input_error()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("empty.crt", "\n\n");

        CliRun run = CliRun.Of("inspect", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{path}: no certificate or private key found: the input is empty.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void PEM_with_only_a_certificate_request_is_an_input_error()
    {
        using var directory = new TempDirectory();
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=request", Pki.LeafKey, System.Security.Cryptography.HashAlgorithmName.SHA256);
        string path = directory.Write("request.pem", request.CreateSigningRequestPem());

        CliRun run = CliRun.Of("inspect", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{path}: no certificate or private key found: the input has only CERTIFICATE REQUEST PEM blocks.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_neither_PEM_DER_nor_a_manifest_is_an_input_error()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("readme.pem", "This file lists the mesh's roots.\n");

        CliRun run = CliRun.Of("inspect", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{path}: no certificate or private key found: the input is not PEM, DER or a Kubernetes Secret manifest.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void File_larger_than_64_MiB_is_an_input_error_and_is_not_read()
    {
        using var directory = new TempDirectory();
        string large = Path.Join(directory.Path, "large.pem");
        using (FileStream stream = File.Create(large))
        {
            // Sparse: the length says 64 MiB and a byte, nothing is written.
            stream.SetLength((64 * 1024 * 1024) + 1);
        }

        string good = directory.Write("good.pem", Pki.Leaf.ExportCertificatePem());

        CliRun run = CliRun.Of("inspect", large, good);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"meshpki: {large}: the input is larger than 64 MiB, too large for certificate material.", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("1 certificate, 0 private keys, 1 error", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Named_pipe_without_a_length_is_read_to_its_end()
    {
        // What `meshpki inspect <(kubectl ...)` passes: a path whose length is 0 until it is read.
        using var directory = new TempDirectory();
        string fifo = Path.Join(directory.Path, "chain.pem");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        // Opening a pipe for writing waits for the reader: write from another thread.
        Task writer = Task.Run(() => File.WriteAllText(fifo, Pki.ChainPem));

        CliRun run = CliRun.Of("inspect", fifo, "--json");

        // Not a speed check: only so that a reader that never opens the pipe fails the test instead of hanging it.
        await writer.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(3, json.RootElement.GetProperty("certificates").GetArrayLength());
    }

    [Fact]
    public void System_CA_bundle_reads_every_certificate()
    {
        const string bundle = "/etc/ssl/certs/ca-certificates.crt";
        Assert.True(File.Exists(bundle), $"{bundle} is missing: CI installs the Debian ca-certificates package; install it to run this test.");
        int beginLines = File.ReadLines(bundle).Count(line => line.TrimEnd() == "-----BEGIN CERTIFICATE-----");

        CliRun run = CliRun.Of("inspect", bundle, "--json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        Assert.True(beginLines > 0);
        Assert.Equal(beginLines, json.RootElement.GetProperty("certificates").GetArrayLength());

        // Roots are self-signed: the signature check (RSA, ECDSA) must agree for every one.
        Assert.All(json.RootElement.GetProperty("certificates").EnumerateArray(), certificate => Assert.True(
            certificate.GetProperty("selfSigned").GetBoolean(), certificate.GetProperty("subject").GetString()));
    }
}
