using Golem.MeshPki.Lifetimes;

namespace Golem.MeshPki.Tests.Lifetimes;

public class IstioVersionTests
{
    [Theory]
    [InlineData("1.24", 1, 24, null)]
    [InlineData("1.24.2", 1, 24, 2)]
    [InlineData("v1.24.2", 1, 24, 2)]
    [InlineData("1.31.0-distroless", 1, 31, 0)]
    [InlineData("docker.io/istio/pilot:1.24.2", 1, 24, 2)]
    [InlineData("gcr.io/istio-release/pilot:1.31.1-distroless", 1, 31, 1)]
    [InlineData("registry.bank.example:5000/mirror/istio/pilot:1.26.0", 1, 26, 0)]
    [InlineData("docker.io/istio/pilot:1.25.1@sha256:0123456789abcdef", 1, 25, 1)]
    [InlineData(" 1.22.3 ", 1, 22, 3)]
    public void Reads_versions_and_image_tags(string text, int major, int minor, int? patch)
    {
        Assert.True(IstioVersion.TryParse(text, out IstioVersion version));
        Assert.Equal(new IstioVersion(major, minor, patch), version);
        Assert.Equal(version, IstioVersion.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("latest")]
    [InlineData("docker.io/istio/pilot")]
    [InlineData("docker.io/istio/pilot:latest")]
    [InlineData("1")]
    [InlineData("1.x")]
    [InlineData("1.2.3.4")]
    [InlineData("-1.2")]
    public void Rejects_text_without_a_version(string text)
    {
        Assert.False(IstioVersion.TryParse(text, out _));
        Assert.Throws<FormatException>(() => IstioVersion.Parse(text));
    }

    [Theory]
    [InlineData("1.30.9", false)]
    [InlineData("1.31", true)]
    [InlineData("1.31.0", true)]
    [InlineData("1.32.1", true)]
    [InlineData("2.0", true)]
    [InlineData("1.9", false)]
    public void The_NotAfter_clamp_starts_at_1_31(string text, bool clamps) =>
        Assert.Equal(clamps, IstioVersion.Parse(text).ClampsWorkloadCertificateToSigningCertificate);

    [Fact]
    public void Orders_numerically_and_prints_what_it_read()
    {
        Assert.True(IstioVersion.Parse("1.9") < IstioVersion.Parse("1.10"));
        Assert.True(IstioVersion.Parse("1.24.10") > IstioVersion.Parse("1.24.9"));
        Assert.True(IstioVersion.Parse("1.24") <= IstioVersion.Parse("1.24.0"));
        Assert.True(IstioVersion.Parse("1.24.0") >= IstioVersion.Parse("1.24"));
        Assert.Equal("1.24", IstioVersion.Parse("1.24").ToString());
        Assert.Equal("1.31.0", IstioVersion.Parse("1.31.0-distroless").ToString());
        Assert.Throws<ArgumentNullException>(() => IstioVersion.Parse(null!));
    }
}
