#!/usr/bin/env python3
"""Writes the consumer project that eng/analyzer-cost/measure.sh builds (issue 5: analyzer cost).

Layout written under OUT:

    Directory.Build.props   every setting both variants share (the library reference, the sources, SDK analyzers)
    with/Consumer.csproj    the same project plus <Analyzer Include="...Golem.MeshPki.Analyzers.dll" />
    without/Consumer.csproj the same project with no Golem analyzer
    src/*.cs                the sources, compiled by both variants from the same paths

The sources are an ordinary application that uses Golem.MeshPki's lifetime API heavily: each file creates
WorkloadCertificatePolicy and IntermediateCaPolicy objects in every form the analyzers evaluate (positional and named
constructor arguments, object initializers, `with`; TimeSpan.FromDays/FromHours/FromMinutes of constants,
`new TimeSpan(...)`, `TimeSpan.Parse("c" literal)`, const fields, static readonly fields in the same file,
arithmetic) and in forms they cannot know (parameters, properties), next to records, LINQ, loops, string handling and
pattern matching. Almost every value is safe; a few files carry one unsafe value each so that the analyzers report
something (measure.sh checks how many).

Deterministic: the same arguments give the same files.
"""

import argparse
import os
import random
from xml.sax.saxutils import escape

# One unsafe expression per "unsafe" file, cycling through the rules: (rule ids it raises, expression).
UNSAFE = [
    ("MPKI2002", "new WorkloadCertificatePolicy { Ttl = TimeSpan.FromDays(100) }"),
    ("MPKI2001", "new WorkloadCertificatePolicy(TimeSpan.FromHours(24), gracePeriodRatio: 1.5)"),
    # 30 minutes is also too little time between the latest rotation and expiry (MPKI2001's warning).
    ("MPKI2010 MPKI2001", "new WorkloadCertificatePolicy { Ttl = TimeSpan.FromMinutes(30) }"),
    ("MPKI2003", "new MeshCertificateLifetimes(new WorkloadCertificatePolicy(TimeSpan.FromDays(14)), new IntermediateCaPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(7)))"),
    ("MPKI2002", "WorkloadCertificatePolicy.FromIstioSettings(secretTtl: \"2400h\")"),
    ("MPKI2005", "new IntermediateCaPolicy(TimeSpan.Parse(\"00:30:00\"))"),
    ("MPKI2004", "new IntermediateCaPolicy { Duration = TimeSpan.FromDays(30), RenewBefore = TimeSpan.FromDays(30) }"),
    ("MPKI2006", "new IntermediateCaPolicy(TimeSpan.FromDays(90), TimeSpan.FromDays(10), 20)"),
]


def workload_forms(i, rnd):
    """Safe workload certificate policies, one per form: TTL in [4h, 90d] and grace period ratio in [0.3, 0.75], so that
    at least an hour is left between the latest rotation and expiry (MPKI2001's warning: (ratio - jitter) * TTL >= 1h)."""
    s = f"MeshSettings{i}"
    h = lambda lo=4, hi=72: rnd.randint(lo, hi)  # noqa: E731
    d = lambda lo=1, hi=30: rnd.randint(lo, hi)  # noqa: E731
    r = lambda: rnd.choice(["0.3", "0.4", "0.5", "0.6", "0.75"])  # noqa: E731
    return [
        f"new WorkloadCertificatePolicy(TimeSpan.FromHours({h()}))",
        f"new WorkloadCertificatePolicy(ttl: TimeSpan.FromDays({d()}), gracePeriodRatio: {r()})",
        f"new WorkloadCertificatePolicy {{ Ttl = new TimeSpan({h(4, 23)}, 0, 0), GracePeriodRatio = {s}.DefaultRatio }}",
        f"{s}.Baseline with {{ Ttl = TimeSpan.Parse(\"{d()}.00:00:00\") }}",
        f"new WorkloadCertificatePolicy {{ Ttl = {s}.BaseTtl * {rnd.randint(1, 4)}, MaxWorkloadCertTtl = TimeSpan.FromDays(90) }}",
        f"new WorkloadCertificatePolicy(TimeSpan.FromHours({s}.DefaultTtlHours), {s}.DefaultRatio, 0.01)",
        f"new WorkloadCertificatePolicy {{ Ttl = {s}.Week + TimeSpan.FromHours({h()}) }}",
        f"new WorkloadCertificatePolicy(new TimeSpan({d(0, 20)}, {h(4, 23)}, 30, 0), gracePeriodRatioJitter: 0.02)",
        f"new WorkloadCertificatePolicy {{ Ttl = {s}.FromText, GracePeriodRatio = {s}.Ratio }}",
        f"new WorkloadCertificatePolicy {{ Ttl = TimeSpan.FromMinutes({rnd.randint(240, 1440)}) }}",
        f"new WorkloadCertificatePolicy {{ Ttl = TimeSpan.FromDays({s}.CaDays / 30), GracePeriodRatio = 1.0 / 3 }}",
        f"new WorkloadCertificatePolicy(TimeSpan.FromHours({s}.DefaultTtlHours * 2 - {h(1, 12)}))",
    ]


def ca_forms(i, rnd):
    """Safe intermediate CA policies (duration >= 1h, renewBefore in [5m, duration), never both renewal settings)."""
    s = f"MeshSettings{i}"
    duration = rnd.randint(30, 730)
    return [
        f"new IntermediateCaPolicy(TimeSpan.FromDays({duration}), TimeSpan.FromDays({rnd.randint(1, duration // 3)}))",
        f"new IntermediateCaPolicy {{ Duration = {s}.Week * {rnd.randint(4, 52)}, RenewBeforePercentage = {rnd.randint(10, 50)} }}",
        f"{s}.CaBaseline with {{ RenewBefore = TimeSpan.FromHours({rnd.randint(1, 240)}) }}",
        f"new IntermediateCaPolicy(duration: new TimeSpan({rnd.randint(30, 400)}, 0, 0, 0), renewBefore: null, renewBeforePercentage: {rnd.randint(10, 50)})",
        f"new IntermediateCaPolicy {{ Duration = TimeSpan.Parse(\"{duration}.00:00:00\"), RenewBefore = TimeSpan.FromDays({rnd.randint(1, duration // 3)}) }}",
        f"new IntermediateCaPolicy(TimeSpan.FromDays({s}.CaDays) - TimeSpan.FromDays({rnd.randint(1, 60)}))",
        f"new IntermediateCaPolicy {{ Duration = TimeSpan.FromHours({rnd.randint(24, 2000)}) }}",
    ]


def lifetime_forms(i, rnd):
    """The other surfaces, safe: the Go-duration factories, MeshCertificateLifetimes (workload TTL below the
    intermediate's renewBefore), MeshLifetimeOptions (initializer; property setters are in the method body)."""
    s = f"MeshSettings{i}"
    duration = rnd.randint(30, 730)
    renew_before = rnd.randint(2, duration // 3)
    ttl = rnd.randint(4, 47)
    return [
        f"WorkloadCertificatePolicy.FromIstioSettings(secretTtl: \"{ttl}h\", maxWorkloadCertTtl: \"2160h\")",
        f"WorkloadCertificatePolicy.FromIstioSettings(\"{ttl}h30m\", {s}.DefaultRatio)",
        f"IntermediateCaPolicy.FromCertManagerSpec(duration: \"{duration * 24}h\", renewBefore: \"{renew_before * 24}h\")",
        f"IntermediateCaPolicy.FromCertManagerSpec(\"{duration * 24}h\", renewBeforePercentage: {rnd.randint(10, 50)})",
        f"new MeshCertificateLifetimes(new WorkloadCertificatePolicy(TimeSpan.FromHours({ttl})), new IntermediateCaPolicy(TimeSpan.FromDays({duration}), TimeSpan.FromDays({renew_before})))",
        f"new MeshCertificateLifetimes {{ Workload = new WorkloadCertificatePolicy {{ Ttl = {s}.BaseTtl }}, Intermediate = {s}.CaBaseline }}",
        f"new MeshLifetimeOptions {{ WorkloadCertificateTtl = TimeSpan.FromHours({ttl}), IntermediateDuration = TimeSpan.FromDays({duration}) }}",
        f"Configured(TimeSpan.FromHours({ttl}), TimeSpan.FromDays({renew_before}))",
    ]


def source_file(i, unsafe):
    rnd = random.Random(i)
    area = i % 20
    ttl_hours = rnd.choice([12, 24, 36, 48])
    base_ttl = rnd.randint(4, 24)
    ratio = rnd.choice(["0.5", "0.55", "0.6", "0.65"])
    workloads = workload_forms(i, rnd)
    cas = ca_forms(i, rnd)

    # Two rounds of every workload form and one of every CA form: 31 known-value expressions, plus the unknown ones
    # below (parameters, properties), per file.
    policy_lines = [f"        yield return {w};" for w in workloads]
    policy_lines += [f"        yield return {w};" for w in workload_forms(i, rnd)]
    ca_lines = [f"            {c}," for c in cas]
    unsafe_line = ""
    if unsafe is not None:
        unsafe_line = f"        yield return {unsafe[1]};\n"
    unsafe_ca = unsafe is not None and unsafe[1].startswith("new IntermediateCaPolicy")
    if unsafe_ca:
        ca_lines.append(f"            {unsafe[1]},")
        unsafe_line = ""
    lifetime_lines = [f"        yield return {x};" for x in lifetime_forms(i, rnd)]
    if unsafe is not None and not unsafe[1].startswith(("new IntermediateCaPolicy", "new WorkloadCertificatePolicy")):
        lifetime_lines.append(f"        yield return {unsafe[1]};")
        unsafe_line = ""

    return f"""using System.Globalization;
using System.Text;
using Golem.MeshPki.Lifetimes;

namespace MeshConsumer.Area{area};

/// <summary>A workload as this module deploys it.</summary>
public sealed record WorkloadProfile{i}(string Name, string Namespace, int Replicas, TimeSpan Ttl, double Ratio);

/// <summary>Lifetime settings of module {i}.</summary>
public static class MeshSettings{i}
{{
    public const int DefaultTtlHours = {ttl_hours};
    public const double DefaultRatio = {ratio};
    public const int CaDays = {rnd.randint(200, 730)};
    public static readonly TimeSpan BaseTtl = TimeSpan.FromHours({base_ttl});
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);
    public static readonly TimeSpan FromText = TimeSpan.Parse("{rnd.randint(1, 9)}.00:00:00");
    public static readonly double Ratio = {ratio};
    public static readonly WorkloadCertificatePolicy Baseline = new(TimeSpan.FromHours(DefaultTtlHours));
    public static readonly IntermediateCaPolicy CaBaseline = new(TimeSpan.FromDays(CaDays), TimeSpan.FromDays(30));
}}

/// <summary>Plans certificates for the workloads of module {i}.</summary>
public sealed class CertificatePlanner{i}
{{
    private readonly List<WorkloadProfile{i}> _profiles = [];
    private readonly Dictionary<string, WorkloadCertificatePolicy> _byNamespace = new(StringComparer.Ordinal);

    public void Add(string name, string ns, int replicas, TimeSpan ttl, double ratio)
    {{
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfNegative(replicas);
        _profiles.Add(new WorkloadProfile{i}(name, ns, replicas, ttl, ratio));
    }}

    public IEnumerable<WorkloadCertificatePolicy> KnownPolicies()
    {{
{chr(10).join(policy_lines)}
{unsafe_line}    }}

    public IEnumerable<object> MeshLifetimes()
    {{
{chr(10).join(lifetime_lines)}
    }}

    public static MeshLifetimeOptions Configured(TimeSpan ttl, TimeSpan renewBefore)
    {{
        var options = new MeshLifetimeOptions();
        options.WorkloadCertificateTtl = ttl;
        options.GracePeriodRatio = MeshSettings{i}.DefaultRatio;
        options.IntermediateRenewBefore = renewBefore;
        options.IntermediateDuration = TimeSpan.FromDays(MeshSettings{i}.CaDays);
        return options;
    }}

    public IntermediateCaPolicy[] CaPolicies() =>
        [
{chr(10).join(ca_lines)}
        ];

    public WorkloadCertificatePolicy ForProfile(WorkloadProfile{i} profile) =>
        new(profile.Ttl, gracePeriodRatio: profile.Ratio) {{ MaxWorkloadCertTtl = TimeSpan.FromDays(90) }};

    public WorkloadCertificatePolicy Retuned(WorkloadCertificatePolicy policy, TimeSpan configured, double factor) =>
        policy with {{ Ttl = configured * factor, GracePeriodRatio = Math.Clamp(policy.GracePeriodRatio * factor, 0.1, 0.9) }};

    public IntermediateCaPolicy ForRotation(TimeSpan duration, TimeSpan renewBefore) =>
        new(duration, renewBefore) {{ RenewBeforePercentage = null }};

    public WorkloadCertificatePolicy PolicyFor(string ns)
    {{
        if (_byNamespace.TryGetValue(ns, out var cached))
        {{
            return cached;
        }}

        var profile = _profiles.FirstOrDefault(p => p.Namespace == ns);
        var policy = profile is null
            ? MeshSettings{i}.Baseline with {{ GracePeriodRatio = MeshSettings{i}.DefaultRatio }}
            : ForProfile(profile);
        _byNamespace[ns] = policy;
        return policy;
    }}

    public Dictionary<string, int> ReplicasByNamespace() =>
        _profiles
            .GroupBy(p => p.Namespace, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Replicas), StringComparer.Ordinal);

    public IReadOnlyList<string> Busiest(int count) =>
        _profiles
            .Where(p => p.Replicas > 1)
            .OrderByDescending(p => p.Replicas)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{{p.Namespace}}/{{p.Name}}:{{p.Replicas}}"))
            .ToList();

    public int Checksum(int rounds)
    {{
        var total = 0;
        for (var n = 0; n < rounds; n++)
        {{
            foreach (var profile in _profiles)
            {{
                total = unchecked((total * 31) + profile.Name.Length + profile.Replicas + n);
            }}
        }}

        return total;
    }}

    public TimeSpan TotalCertificateTime(TimeSpan horizon)
    {{
        var total = TimeSpan.Zero;
        foreach (var policy in KnownPolicies())
        {{
            var renewals = (int)Math.Ceiling(horizon / (policy.Ttl * policy.GracePeriodRatio));
            total += policy.Ttl * Math.Max(renewals, 1);
        }}

        return total;
    }}

    public static string Describe(WorkloadCertificatePolicy policy) => policy switch
    {{
        {{ GracePeriodRatio: > 0.7 }} => string.Create(CultureInfo.InvariantCulture, $"late rotation of a {{policy.Ttl}} certificate"),
        {{ Ttl.TotalHours: < 12 }} => "short-lived",
        _ => string.Join(", ", policy.Validate().Select(f => f.Id)),
    }};

    public string Report()
    {{
        var builder = new StringBuilder();
        foreach (var (ns, replicas) in ReplicasByNamespace().OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {{
            builder.Append(ns).Append(": ").Append(replicas.ToString(CultureInfo.InvariantCulture));
            builder.Append(" (").Append(Describe(PolicyFor(ns))).AppendLine(")");
        }}

        var findings = KnownPolicies().SelectMany(p => p.Validate()).Concat(CaPolicies().SelectMany(p => p.Validate())).Count();
        builder.Append("findings: ").Append(findings.ToString(CultureInfo.InvariantCulture));
        return builder.ToString();
    }}

    public static IEnumerable<(string Name, int Replicas)> Parse(string text)
    {{
        foreach (var line in text.Split('\\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {{
            var parts = line.Split('=', 2);
            if (parts.Length == 2 && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var replicas))
            {{
                yield return (parts[0], replicas);
            }}
        }}
    }}
}}
"""


def program_file(count):
    return f"""using System.Globalization;
using MeshConsumer.Area0;

// Module 0 stands for the rest: the program only has to compile.
var planner = new CertificatePlanner0();
foreach (var (name, replicas) in CertificatePlanner0.Parse("api=3\\nweb=2\\nbatch=1"))
{{
    planner.Add(name, "default", replicas, TimeSpan.FromHours(24), 0.5);
}}

Console.WriteLine(planner.Report());
Console.WriteLine(planner.Checksum(3).ToString(CultureInfo.InvariantCulture) + " / {count} modules");
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", help="folder to write (created; must not exist or be empty)")
    parser.add_argument("--library", required=True, help="path of the built Golem.MeshPki.dll")
    parser.add_argument("--analyzer", required=True, help="path of the built Golem.MeshPki.Analyzers.dll")
    parser.add_argument("--files", type=int, default=500, help="number of source files (default 500)")
    parser.add_argument("--unsafe-every", type=int, default=50, help="one unsafe value in every Nth file (default 50)")
    args = parser.parse_args()

    os.makedirs(os.path.join(args.out, "src"), exist_ok=True)
    expected = {}
    for i in range(args.files):
        unsafe = None
        if args.unsafe_every > 0 and i % args.unsafe_every == args.unsafe_every // 2:
            unsafe = UNSAFE[(i // args.unsafe_every) % len(UNSAFE)]
            for rule in unsafe[0].split():
                expected[rule] = expected.get(rule, 0) + 1
        with open(os.path.join(args.out, "src", f"Module{i:04d}.cs"), "w", encoding="utf-8", newline="\n") as f:
            f.write(source_file(i, unsafe))
    with open(os.path.join(args.out, "src", "Program.cs"), "w", encoding="utf-8", newline="\n") as f:
        f.write(program_file(args.files))

    # Everything but the analyzer is shared. The SDK's own analyzers (NetAnalyzers at the SDK's default level) and
    # source generators run in both variants, as in any project; nothing is an error, so that both always compile.
    with open(os.path.join(args.out, "Directory.Build.props"), "w", encoding="utf-8", newline="\n") as f:
        f.write(f"""<Project>
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <AssemblyName>Consumer</AssemblyName>
    <RootNamespace>MeshConsumer</RootNamespace>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <GenerateDocumentationFile>false</GenerateDocumentationFile>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="$(MSBuildThisFileDirectory)src/*.cs" />
    <Reference Include="Golem.MeshPki" HintPath="{escape(os.path.abspath(args.library))}" />
  </ItemGroup>
</Project>
""")
    for variant, item in (("with", f'\n  <ItemGroup>\n    <Analyzer Include="{escape(os.path.abspath(args.analyzer))}" />\n  </ItemGroup>'), ("without", "")):
        os.makedirs(os.path.join(args.out, variant), exist_ok=True)
        with open(os.path.join(args.out, variant, "Consumer.csproj"), "w", encoding="utf-8", newline="\n") as f:
            f.write(f'<Project Sdk="Microsoft.NET.Sdk">{item}\n</Project>\n')

    # What the analyzers look at: every creation and `with` expression of the two policy types (the other surfaces,
    # factories, MeshCertificateLifetimes and MeshLifetimeOptions, are counted separately).
    sources = "".join(open(os.path.join(args.out, "src", name), encoding="utf-8").read() for name in os.listdir(os.path.join(args.out, "src")))
    # Target-typed: the two expression-bodied factories and the two static readonly baselines of every file.
    creations = (sources.count("new WorkloadCertificatePolicy") + sources.count("new IntermediateCaPolicy")
                 + sources.count("=>\n        new(") + sources.count("Baseline = new("))
    print(f"{args.files} files and Program.cs, {sources.count(chr(10))} lines; policy expressions: "
          f"{creations} creations, {sources.count(' with {')} with-expressions; "
          f"{sources.count('.FromIstioSettings(') + sources.count('.FromCertManagerSpec(')} factory calls, "
          f"{sources.count('new MeshCertificateLifetimes')} MeshCertificateLifetimes, "
          f"{sources.count('new MeshLifetimeOptions')} MeshLifetimeOptions, {sources.count('        options.')} options property sets")

    # measure.sh compares the analyzers' warnings with these counts.
    with open(os.path.join(args.out, "expected-warnings.txt"), "w", encoding="utf-8", newline="\n") as f:
        for rule in sorted(expected):
            f.write(f"{rule} {expected[rule]}\n")


if __name__ == "__main__":
    main()
