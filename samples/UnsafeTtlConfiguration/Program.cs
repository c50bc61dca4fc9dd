using Golem.MeshPki.Lifetimes;

// Unsafe on purpose: building this sample shows the analyzers' warnings where the values are written, one per rule.
// The same rules run at the end, at run time, through Validate().

// MPKI2002: a workload certificate TTL of 100 days; istiod refuses anything above 90 days (TTL_ERROR).
// MPKI2001: a grace period ratio of 1.5; istio-agent would rotate at once, on every certificate.
var unsafePolicy = new WorkloadCertificatePolicy
{
    Ttl = TimeSpan.FromDays(100),
    GracePeriodRatio = 1.5,
};

// MPKI2010 (and MPKI2001's slack warning): 30-minute certificates, as istio's own environment would spell it.
var shortLived = WorkloadCertificatePolicy.FromIstioSettings(secretTtl: "30m");

// The runbook's intermediate, as cert-manager's Certificate spells it; both renewal settings at once: MPKI2006.
var runbookIntermediate = IntermediateCaPolicy.FromCertManagerSpec(duration: "720h", renewBefore: "168h", renewBeforePercentage: 25);

// MPKI2004: renewBefore equal to the duration; cert-manager's webhook refuses it.
// MPKI2005: a 30-minute intermediate, below cert-manager's one-hour minimum.
var neverRenews = new IntermediateCaPolicy(TimeSpan.FromDays(30), renewBefore: TimeSpan.FromDays(30));
var tooShort = new IntermediateCaPolicy(TimeSpan.FromMinutes(30));

// MPKI2003: 14-day workload certificates under an intermediate renewed 7 days before expiry.
var lifetimes = new MeshCertificateLifetimes(
    new WorkloadCertificatePolicy(TimeSpan.FromDays(14)),
    new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(7)));

// The options pattern: a property set in a statement is checked on its own (MPKI2002 against 90 days).
var options = new MeshLifetimeOptions();
options.WorkloadCertificateTtl = TimeSpan.FromDays(120);

// The same settings fixed: no warning.
var safe = new MeshCertificateLifetimes(
    unsafePolicy with { Ttl = TimeSpan.FromHours(24), GracePeriodRatio = 0.5 },
    IntermediateCaPolicy.FromCertManagerSpec(duration: "720h", renewBefore: "168h"));

// The analyzers only see constants; at run time the same rules are in Validate(), with the same messages.
var examples = new (string Name, Func<IReadOnlyList<Golem.MeshPki.Rules.Finding>> Validate)[]
{
    ("unsafe workload policy", unsafePolicy.Validate),
    ("short-lived workload policy", shortLived.Validate),
    ("runbook intermediate", runbookIntermediate.Validate),
    ("intermediate that never renews", neverRenews.Validate),
    ("too short intermediate", tooShort.Validate),
    ("lifetimes", lifetimes.Validate),
    ("options", options.Validate),
    ("safe lifetimes", safe.Validate),
};
foreach (var (name, validate) in examples)
{
    var findings = validate();
    Console.WriteLine($"{name}: {findings.Count} finding(s)");
    foreach (var finding in findings)
    {
        Console.WriteLine($"  {finding}");
    }
}
