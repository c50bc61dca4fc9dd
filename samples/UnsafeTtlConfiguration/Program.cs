using Golem.MeshPki.Lifetimes;

// Unsafe on purpose: building this sample shows the analyzers' warnings where the values are written.
//   MPKI2002: a workload certificate TTL of 100 days; istiod refuses anything above 90 days (TTL_ERROR).
//   MPKI2001: a grace period ratio of 1.5; istio-agent would rotate at once, on every certificate.
var unsafePolicy = new WorkloadCertificatePolicy
{
    Ttl = TimeSpan.FromDays(100),
    GracePeriodRatio = 1.5,
};

// The same settings fixed: no warning.
var safePolicy = unsafePolicy with { Ttl = TimeSpan.FromHours(24), GracePeriodRatio = 0.5 };

// The analyzers only see constants; at run time the same rules are in Validate().
foreach (var (name, policy) in new[] { ("unsafe", unsafePolicy), ("safe", safePolicy) })
{
    var findings = policy.Validate();
    Console.WriteLine($"{name}: TTL {policy.Ttl}, grace period ratio {policy.GracePeriodRatio}: {findings.Count} finding(s)");
    foreach (var finding in findings)
    {
        Console.WriteLine($"  {finding}");
    }
}
