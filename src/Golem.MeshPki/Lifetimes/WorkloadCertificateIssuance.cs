using Golem.MeshPki.Rules;

namespace Golem.MeshPki.Lifetimes;

/// <summary>
/// istiod's TTL settings for workload certificates (environment of the istiod Deployment).
/// </summary>
/// <param name="DefaultTtl"><c>DEFAULT_WORKLOAD_CERT_TTL</c>: the TTL used when a CSR asks for none (a non-positive TTL).</param>
/// <param name="MaxTtl"><c>MAX_WORKLOAD_CERT_TTL</c>: a CSR asking for more fails with <c>TTL_ERROR</c>; it is not capped.</param>
public readonly record struct IstiodWorkloadCertificateTtls(TimeSpan DefaultTtl, TimeSpan MaxTtl)
{
    /// <summary>istiod's default <c>DEFAULT_WORKLOAD_CERT_TTL</c>, 24 hours.</summary>
    public static TimeSpan DefaultDefaultTtl => LifetimeRuleThresholds.DefaultWorkloadCertTtl;

    /// <summary>istiod's default <c>MAX_WORKLOAD_CERT_TTL</c>, 90 days.</summary>
    public static TimeSpan DefaultMaxTtl => LifetimeRuleThresholds.DefaultMaxWorkloadCertTtl;

    /// <summary>istiod's defaults: 24 hours by default, 90 days at most.</summary>
    public static IstiodWorkloadCertificateTtls Default => new(DefaultDefaultTtl, DefaultMaxTtl);
}

/// <summary>
/// The validity istiod gives a workload certificate, or the error it returns, computed as istiod does:
/// istio/istio security/pkg/pki/ca/ca.go <c>IstioCA.sign</c> (a non-positive requested TTL takes the
/// default; <c>requestedLifetime.Seconds() &gt; maxCertTTL.Seconds()</c> fails with <c>TTL_ERROR</c>,
/// "requested TTL 3h0m0s is greater than the max allowed TTL 2h0m0s") and
/// security/pkg/pki/util/generate_cert.go <c>genCertTemplateFromCSR</c> (NotBefore = now - 2 min,
/// <c>ClockSkewGracePeriod</c>; NotAfter = now + TTL). From Istio 1.31 on, NotAfter is clamped to the
/// signing certificate's NotAfter; before, a certificate could outlive the CA that signed it.
/// </summary>
/// <param name="ErrorCode">Null on success; <c>TTL_ERROR</c> when the requested TTL is above the maximum.</param>
/// <param name="ErrorMessage">Null on success; istiod's error text.</param>
/// <param name="Ttl">The TTL istiod applies (the default when none was requested).</param>
/// <param name="NotBefore">The certificate's NotBefore (now - 2 minutes); default on error.</param>
/// <param name="NotAfter">The certificate's NotAfter; default on error.</param>
/// <param name="ClampedToSigningCertificate">Whether NotAfter was shortened to the signing certificate's NotAfter.</param>
public sealed record WorkloadCertificateIssuance(
    string? ErrorCode,
    string? ErrorMessage,
    TimeSpan Ttl,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    bool ClampedToSigningCertificate)
{
    /// <summary>istiod's error code for a requested TTL above <c>MAX_WORKLOAD_CERT_TTL</c> (security/pkg/pki/error).</summary>
    public const string TtlErrorCode = "TTL_ERROR";

    /// <summary>How far istiod backdates NotBefore (<c>ClockSkewGracePeriod</c>, 2 minutes).</summary>
    public static TimeSpan ClockSkewGracePeriod => TimeSpan.FromMinutes(2);

    /// <summary>Whether istiod signs the certificate.</summary>
    public bool Succeeded => ErrorCode is null;

    /// <summary>Computes what istiod does with a workload CSR.</summary>
    /// <param name="requestedTtl">The TTL in the CSR request (istio-agent's <c>SECRET_TTL</c>); zero or negative asks for the default.</param>
    /// <param name="now">istiod's clock when it signs.</param>
    /// <param name="signingCertificateNotAfter">The NotAfter of istiod's signing (CA) certificate.</param>
    /// <param name="istioVersion">The istiod release (the clamp applies from 1.31).</param>
    /// <param name="ttls">istiod's default and maximum TTLs.</param>
    /// <returns>The validity, or the TTL error.</returns>
    public static WorkloadCertificateIssuance Compute(
        TimeSpan requestedTtl,
        DateTimeOffset now,
        DateTimeOffset signingCertificateNotAfter,
        IstioVersion istioVersion,
        IstiodWorkloadCertificateTtls ttls)
    {
        TimeSpan ttl = requestedTtl <= TimeSpan.Zero ? ttls.DefaultTtl : requestedTtl;

        // ca.go compares the requested TTL (not the defaulted one) in float seconds.
        if (requestedTtl.TotalSeconds > ttls.MaxTtl.TotalSeconds)
        {
            string message = $"requested TTL {GoDuration.FromTimeSpan(requestedTtl)} is greater than the max allowed TTL {GoDuration.FromTimeSpan(ttls.MaxTtl)}";
            return new WorkloadCertificateIssuance(TtlErrorCode, message, ttl, default, default, false);
        }

        DateTimeOffset notBefore = now - ClockSkewGracePeriod;
        DateTimeOffset notAfter = now + ttl;
        bool clamped = false;
        if (istioVersion.ClampsWorkloadCertificateToSigningCertificate && notAfter > signingCertificateNotAfter)
        {
            notAfter = signingCertificateNotAfter;
            clamped = true;
        }

        return new WorkloadCertificateIssuance(null, null, ttl, notBefore, notAfter, clamped);
    }

    /// <summary>
    /// <see cref="Compute(TimeSpan, DateTimeOffset, DateTimeOffset, IstioVersion, IstiodWorkloadCertificateTtls)"/>
    /// with the current time from <paramref name="timeProvider"/>.
    /// </summary>
    /// <param name="requestedTtl">The TTL in the CSR request; zero or negative asks for the default.</param>
    /// <param name="timeProvider">istiod's clock.</param>
    /// <param name="signingCertificateNotAfter">The NotAfter of istiod's signing (CA) certificate.</param>
    /// <param name="istioVersion">The istiod release (the clamp applies from 1.31).</param>
    /// <param name="ttls">istiod's default and maximum TTLs.</param>
    /// <returns>The validity, or the TTL error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is null.</exception>
    public static WorkloadCertificateIssuance Compute(
        TimeSpan requestedTtl,
        TimeProvider timeProvider,
        DateTimeOffset signingCertificateNotAfter,
        IstioVersion istioVersion,
        IstiodWorkloadCertificateTtls ttls)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return Compute(requestedTtl, timeProvider.GetUtcNow(), signingCertificateNotAfter, istioVersion, ttls);
    }
}
