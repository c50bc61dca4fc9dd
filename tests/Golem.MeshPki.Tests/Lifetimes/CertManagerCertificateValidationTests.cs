using Golem.MeshPki.Lifetimes;

namespace Golem.MeshPki.Tests.Lifetimes;

public class CertManagerCertificateValidationTests
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan TenMinutes = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan HalfHour = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan OneMonth = TimeSpan.FromDays(30);
    private static readonly TimeSpan HalfYear = TimeSpan.FromDays(180);
    private static readonly TimeSpan OneYear = TimeSpan.FromDays(365);
    private static readonly TimeSpan TenYears = TimeSpan.FromDays(3650);

    private static string[] Errors(TimeSpan? duration, TimeSpan? renewBefore, int? percentage) =>
        [.. CertManagerCertificateValidation.ValidateDuration(duration, renewBefore, percentage).Select(e => $"{e.Field}={e.Value}: {e.Detail}")];

    // cert-manager/cert-manager internal/apis/certmanager/validation/certificate_test.go TestValidateDuration scenarios.

    [Fact]
    public void Default_duration_and_renewBefore() => Assert.Empty(Errors(null, null, null));

    [Fact]
    public void Valid_duration_and_renewBefore() => Assert.Empty(Errors(OneYear, HalfYear, null));

    [Fact]
    public void Unset_duration_valid_renewBefore_for_default() => Assert.Empty(Errors(null, OneMonth, null));

    [Fact]
    public void Unset_renewBefore_valid_duration_for_default() => Assert.Empty(Errors(OneYear, null, null));

    [Fact]
    public void RenewBefore_is_bigger_than_the_default_duration() =>
        Assert.Equal(["spec.renewBefore=87600h0m0s: certificate duration 2160h0m0s must be greater than renewBefore 87600h0m0s"], Errors(null, TenYears, null));

    [Fact]
    public void RenewBefore_is_bigger_than_the_duration() =>
        Assert.Equal(["spec.renewBefore=8760h0m0s: certificate duration 720h0m0s must be greater than renewBefore 8760h0m0s"], Errors(OneMonth, OneYear, null));

    [Fact]
    public void RenewBefore_is_less_than_the_minimum_permitted_value() =>
        Assert.Equal(["spec.renewBefore=1s: certificate renewBefore must be greater than 5m0s"], Errors(null, OneSecond, null));

    [Fact]
    public void RenewBefore_and_renewBeforePercentage_both_set() =>
        Assert.Equal(
            [
                "spec.renewBefore=720h0m0s: renewBefore and renewBeforePercentage are mutually exclusive and cannot both be set",
                "spec.renewBeforePercentage=95: renewBefore and renewBeforePercentage are mutually exclusive and cannot both be set",
            ],
            Errors(null, OneMonth, 95));

    [Fact]
    public void Valid_duration_and_renewBeforePercentage() => Assert.Empty(Errors(OneYear, null, 95));

    [Fact]
    public void Unset_duration_valid_renewBeforePercentage_for_default() => Assert.Empty(Errors(null, null, 95));

    [Fact]
    public void RenewBeforePercentage_is_equal_to_duration() =>
        Assert.Equal(["spec.renewBeforePercentage=0: certificate renewBeforePercentage must result in a renewBefore less than duration"], Errors(null, null, 0));

    [Fact]
    public void RenewBeforePercentage_results_in_less_than_the_minimum_permitted_value() =>
        Assert.Equal(["spec.renewBeforePercentage=100: certificate renewBeforePercentage must result in a renewBefore greater than 5m0s"], Errors(null, null, 100));

    [Fact]
    public void Duration_is_less_than_the_minimum_permitted_value() =>
        Assert.Equal(["spec.duration=30m0s: certificate duration must be greater than 1h0m0s"], Errors(HalfHour, TenMinutes, null));

    // The comparisons as written, not as the messages read.

    [Fact]
    public void A_duration_of_exactly_1h_and_a_renewBefore_of_exactly_5m_pass() =>
        Assert.Empty(Errors(TimeSpan.FromHours(1), TimeSpan.FromMinutes(5), null));

    [Fact]
    public void A_renewBefore_equal_to_the_duration_fails() =>
        Assert.Equal(["spec.renewBefore=720h0m0s: certificate duration 720h0m0s must be greater than renewBefore 720h0m0s"], Errors(OneMonth, OneMonth, null));

    [Fact]
    public void Runbook_mistake_6_settings_pass_the_webhook() => Assert.Empty(Errors(TimeSpan.FromHours(720), TimeSpan.FromHours(168), null));

    [Fact]
    public void Percentage_on_a_10_year_duration_wraps_int64_and_is_rejected_as_the_webhook_does()
    {
        // duration * (100 - 50) in int64 nanoseconds overflows for 87600h; the webhook reports the wrapped value
        // as below the minimum (seen in the field: "renewBeforePercentage: 50" with 87600h is rejected).
        Assert.Equal(
            ["spec.renewBeforePercentage=50: certificate renewBeforePercentage must result in a renewBefore greater than 5m0s"],
            Errors(TimeSpan.FromHours(87600), null, 50));
        Assert.Empty(Errors(TimeSpan.FromHours(87600), null, 99));
    }

    [Fact]
    public void The_webhook_checks_durations_only_when_duration_or_renewBefore_is_set()
    {
        Assert.False(CertManagerCertificateValidation.WebhookChecksDuration(null, null));
        Assert.True(CertManagerCertificateValidation.WebhookChecksDuration(OneYear, null));
        Assert.True(CertManagerCertificateValidation.WebhookChecksDuration(null, OneMonth));
    }

    [Fact]
    public void Minimums_are_cert_managers()
    {
        Assert.Equal(TimeSpan.FromHours(1), CertManagerCertificateValidation.MinimumCertificateDuration);
        Assert.Equal(TimeSpan.FromMinutes(5), CertManagerCertificateValidation.MinimumRenewBefore);
    }
}
