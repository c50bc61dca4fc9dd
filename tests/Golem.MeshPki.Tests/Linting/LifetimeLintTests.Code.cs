using Golem.MeshPki.Lifetimes;
using Golem.MeshPki.Rules;

namespace Golem.MeshPki.Tests.Linting;

/// <summary>One rule, one definition: lint on YAML and the code API on the same values give the same verdicts.</summary>
public sealed partial class LifetimeLintTests
{
    [Theory]
    [InlineData("24h", "72h", "24h", null)]
    [InlineData("24h", "720h", "24h1s", null)]
    [InlineData("8h", "24h", "24h", null)]
    [InlineData("168h", "720h", null, 25)]
    [InlineData("181h", "720h", null, 25)]
    [InlineData("719h", "2160h", null, null)]
    [InlineData("720h", "2160h", null, null)]
    [InlineData("24h", null, "12h", null)]
    public void MPKI2003_in_code_agrees_with_lint(string secretTtl, string? duration, string? renewBefore, int? percentage)
    {
        var spec = new List<string>();
        if (duration is not null)
        {
            spec.Add("duration: " + duration);
        }

        if (renewBefore is not null)
        {
            spec.Add("renewBefore: " + renewBefore);
        }

        if (percentage is not null)
        {
            spec.Add("renewBeforePercentage: " + percentage);
        }

        bool lint = Lint(Mesh("SECRET_TTL: " + secretTtl), Intermediate([.. spec])).Any(f => f.Id == "MPKI2003");
        var lifetimes = new MeshCertificateLifetimes(
            WorkloadCertificatePolicy.FromIstioSettings(secretTtl: secretTtl),
            IntermediateCaPolicy.FromCertManagerSpec(duration, renewBefore, percentage));
        bool code = lifetimes.Validate().Any(f => f.Id == "MPKI2003");

        Assert.Equal(lint, code);
    }

    [Theory]
    [InlineData("0.95")]
    [InlineData("0.5")]
    [InlineData("0.98")]
    public void MPKI2001_warnings_in_code_agree_with_lint(string ratio)
    {
        foreach (string ttl in new[] { "24h", "1h", "90m", "2h" })
        {
            Finding[] lint = [.. Lint(Mesh("SECRET_TTL: " + ttl, "SECRET_GRACE_PERIOD_RATIO: " + ratio)).Where(f => f.Id == "MPKI2001")];
            Finding[] code = [.. WorkloadCertificatePolicy.FromIstioSettings(ttl, double.Parse(ratio, System.Globalization.CultureInfo.InvariantCulture)).Validate().Where(f => f.Id == "MPKI2001")];

            Assert.Equal(lint.Select(f => f.Severity), code.Select(f => f.Severity));
            Assert.Equal(lint.Select(Effect), code.Select(Effect));
        }

        // The part after the setting and values: what the rule says happens.
        static string Effect(Finding finding) => finding.Message[finding.Message.LastIndexOf(':')..];
    }
}
