#!/usr/bin/env bash
# Analyzer build cost (issue 5): how much the Golem.MeshPki analyzers add to the build of a generated 500-file project
# that uses the library's lifetime API heavily. Target: under 5%. Not part of the tests or of .ci/run.
#
#   bash eng/analyzer-cost/measure.sh
#
# Settings (environment): RUNS timed builds per variant (7), REPORT_RUNS ReportAnalyzer builds per variant (3),
# COMPILER_RUNS compiler-only runs per variant (7), FILES source files (500), KEEP=1 keeps the temporary folder.
#
# 1. Builds the library and the analyzers in Release from this repository.
# 2. Generates a console project (generate_consumer.py) into a temporary folder, in two variants that differ only in
#    <Analyzer Include=".../Golem.MeshPki.Analyzers.dll" />: same sources (same paths), same library reference, same
#    SDK analyzers (NetAnalyzers at the SDK default) and source generators.
# 3. Restores both once, builds each once as a warm-up and checks the warnings: the analyzer variant reports exactly
#    the unsafe values the generator planted, the other variant none. Keeps the compiler's command line of each.
# 4. Three measurements, each alternating the variants (with/without, then without/with, ...) so that drift in the
#    machine's speed falls on both:
#    (a) the build: `dotnet build --no-restore --no-incremental -nodeReuse:false -p:UseSharedCompilation=false`; wall
#        time, CPU time of the process tree, and the Csc task's time (-clp:PerformanceSummary);
#    (b) the same build with -p:ReportAnalyzer=true -v:detailed: the compiler's time per analyzer, as a user would get
#        it. The compiler analyzes concurrently, and each analyzer's time is the wall time of its callbacks: on a
#        2-core machine the compiler's other threads preempt them, which inflates these times;
#    (c) the compiler alone, from the build's own command line (a response file), with /parallel- /reportanalyzer:
#        one thread, so an analyzer's time is its own work; wall and CPU time with and without the analyzer.
#    ReportAnalyzer times every analyzer callback, so (b) and (c) are not the build times of (a).
# 5. Prints the tables; deletes the temporary folder.
#
# Why a fresh compiler per build (UseSharedCompilation=false) rather than the compiler server: the server
# (VBCSCompiler) is shared by every build of this user on the machine, so on a shared machine its state and load
# would be other people's builds too, and `dotnet build-server shutdown` between runs would stop their server. A
# fresh csc starts every build in the same state (no JIT'd analyzer, nothing cached), so the runs are comparable, and
# the figure is the cold one: the analyzer's JIT is paid in every build, as in CI's first build. In an IDE or with a
# warm server the analyzer is JIT'd once, so the steady-state cost is at most this. Restore is left out (--no-restore
# after one restore): it is the same no-op for both variants and would only dilute the percentage.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
runs=${RUNS:-7}
files=${FILES:-500}
report_runs=${REPORT_RUNS:-3}
compiler_runs=${COMPILER_RUNS:-7}

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No MSBuild server or reused nodes: each build is one dotnet process with the compiler as its child.
export DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1

work=$(mktemp -d "${TMPDIR:-/tmp}/golem-analyzer-cost.XXXXXX")
cleanup() {
    if [[ ${KEEP:-0} == 1 ]]; then
        echo "kept $work"
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT

say() { printf '\n== %s\n' "$*"; }

say "machine"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
echo "commit: $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$repo" diff --quiet HEAD 2>/dev/null || echo ' (with local changes)')"
echo "nproc: $(nproc)"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "memory: $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
echo "dotnet SDK: $(dotnet --version)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

say "build the library and the analyzers (Release)"
library_project="$repo/src/Golem.MeshPki/Golem.MeshPki.csproj"
analyzer_project="$repo/analyzers/Golem.MeshPki.Analyzers/Golem.MeshPki.Analyzers.csproj"
dotnet build "$library_project" -c Release -nodeReuse:false -p:UseSharedCompilation=false -v:q -clp:ErrorsOnly
library=$(dotnet msbuild "$library_project" -getProperty:TargetPath -p:Configuration=Release)
analyzer=$(dotnet msbuild "$analyzer_project" -getProperty:TargetPath -p:Configuration=Release)
for f in "$library" "$analyzer"; do
    [[ -f $f ]] || { echo "missing $f" >&2; exit 1; }
    echo "$f"
done

say "generate the consumer project ($files files)"
consumer="$work/consumer"
python3 "$here/generate_consumer.py" "$consumer" --library "$library" --analyzer "$analyzer" --files "$files"
for variant in with without; do
    dotnet restore "$consumer/$variant/Consumer.csproj" -nodeReuse:false -v:q
done

# Every measured build: a full compile (no incremental skip), no restore, no reused MSBuild node, a fresh csc, and
# MSBuild's task times (for the Csc task's own time).
build_args=(-c Release --no-restore --no-incremental -nodeReuse:false -p:UseSharedCompilation=false -clp:PerformanceSummary)
build() { # variant, extra arguments...
    local variant=$1
    shift
    dotnet build "$consumer/$variant/Consumer.csproj" "${build_args[@]}" "$@"
}

mpki_counts() { # log -> "MPKI2001 2" lines, sorted; MSBuild repeats every warning in its summary, hence sort -u
    { grep -E 'warning MPKI[0-9]{4}' "$1" || true; } | sort -u | grep -oE 'warning MPKI[0-9]{4}' | sort | uniq -c | awk '{print $3, $1}'
}

say "warm-up and check"
logs="$work/logs"
results="$work/results.jsonl"
mkdir -p "$logs"
for variant in with without; do
    # The compiler's command line too (-clp:ShowCommandLine), for (c).
    if ! build "$variant" -clp:ShowCommandLine >"$logs/warmup-$variant.log" 2>&1; then
        cat "$logs/warmup-$variant.log" >&2
        echo "the $variant variant does not build" >&2
        exit 1
    fi
done
if ! diff <(mpki_counts "$logs/warmup-with.log") "$consumer/expected-warnings.txt" >/dev/null; then
    echo "the analyzer variant's MPKI warnings differ from the planted unsafe values:" >&2
    diff <(mpki_counts "$logs/warmup-with.log") "$consumer/expected-warnings.txt" >&2 || true
    exit 1
fi
if grep -q 'MPKI[0-9]' "$logs/warmup-without.log"; then
    echo "the variant without the analyzer reports MPKI warnings" >&2
    exit 1
fi
if grep -E 'CS8032|CS8033|CS8034|AD0001' "$logs/warmup-with.log" >&2; then
    exit 1
fi
echo "with: $(mpki_counts "$logs/warmup-with.log" | awk '{n += $2; s = s " " $1 "x" $2} END {print n " MPKI warnings:" s}')"
other_warnings() { { grep -E 'warning (CS|CA|IDE|SYSLIB)' "$1" || true; } | sort -u | wc -l; }
echo "other warnings (the same code in both): with $(other_warnings "$logs/warmup-with.log"), without $(other_warnings "$logs/warmup-without.log")"
mapfile -t csc < <(python3 "$here/runs.py" csc-command "$logs/warmup-with.log" "$work/with.rsp")
python3 "$here/runs.py" csc-command "$logs/warmup-without.log" "$work/without.rsp" >/dev/null
echo "compiler: ${csc[*]}"
echo "the two compiler command lines differ in: $(diff <(tr ' ' '\n' <"$work/with.rsp") <(tr ' ' '\n' <"$work/without.rsp") | grep -c '^[<>]') argument(s)"

command_for() { # kind variant -> the array "command"
    case $1 in
        build) command=(dotnet build "$consumer/$2/Consumer.csproj" "${build_args[@]}") ;;
        # The compiler prints its analyzer report as low-importance messages: -v:detailed shows them.
        msbuild-report) command=(dotnet build "$consumer/$2/Consumer.csproj" "${build_args[@]}" -p:ReportAnalyzer=true -v:detailed) ;;
        # The same compilation as the build's, without MSBuild, on one thread, with the analyzer report.
        csc) command=("${csc[@]}" "@$work/$2.rsp" /parallel- /reportanalyzer) ;;
    esac
}

alternate() { # kind runs: with/without, then without/with, ... so that drift falls on both variants
    local kind=$1 count=$2 run variant
    for ((run = 1; run <= count; run++)); do
        if ((run % 2)); then order=(with without); else order=(without with); fi
        for variant in "${order[@]}"; do
            command_for "$kind" "$variant"
            # From the project's folder: the compiler's output paths are relative to it.
            (cd "$consumer/$variant" && python3 "$here/runs.py" time --kind "$kind" --variant "$variant" --run "$run" \
                --results "$results" --log "$logs/$kind-$variant-$run.log" -- "${command[@]}") ||
                { tail -n 40 "$logs/$kind-$variant-$run.log" >&2; exit 1; }
        done
    done
}

say "(a) $runs timed builds per variant"
alternate build "$runs"
say "(b) $report_runs builds per variant with -p:ReportAnalyzer=true"
alternate msbuild-report "$report_runs"
say "(c) $compiler_runs compiler runs per variant: csc /parallel- /reportanalyzer"
alternate csc "$compiler_runs"

say "summary"
echo "command: bash eng/analyzer-cost/measure.sh (RUNS=$runs REPORT_RUNS=$report_runs COMPILER_RUNS=$compiler_runs FILES=$files)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
python3 "$here/runs.py" summary --results "$results"
