#!/usr/bin/env python3
"""Timing, compiler command lines and the summary for eng/analyzer-cost/measure.sh (issue 5: analyzer cost).

    runs.py time --kind K --variant V --run N --results FILE --log FILE -- COMMAND...
        Runs COMMAND with its output in --log and appends one JSON line to --results: wall seconds, CPU seconds (user +
        system of the process tree: csc is a child that dotnet waits for, so its time is in), the load average before,
        and the Csc task's time when MSBuild printed it (-clp:PerformanceSummary). Exits with COMMAND's exit code.

    runs.py csc-command LOG RSP
        From a build log with the compiler's command line (-clp:ShowCommandLine), writes the compiler's arguments to
        the response file RSP and prints the command that runs the compiler, one argument per line.

    runs.py summary --results FILE
        Prints the tables measure.sh ends with. Kinds of run: "build" (timed dotnet build), "msbuild-report"
        (dotnet build -p:ReportAnalyzer=true -v:detailed) and "csc" (the compiler alone, /parallel- /reportanalyzer);
        the last two are read for the compiler's analyzer report.
"""

import argparse
import json
import re
import resource
import shlex
import statistics
import subprocess
import sys
import time

GOLEM = "Golem.MeshPki.Analyzers"
CSC_TASK = re.compile(r"^\s*(\d+) ms\s+Csc\s+\d+ calls", re.MULTILINE)
TOTAL_ANALYZER = re.compile(r"Total analyzer execution time: ([\d.]+) seconds")
# "   0.715   22   Golem.MeshPki.Analyzers, Version=..." (an assembly) and "   0.328   10      Golem...Rules.X (MPKI2002)"
# (one analyzer of it, further indented). Times below a millisecond print as "<0.001".
REPORT_LINE = re.compile(r"^\s*(<?[\d.]+)\s+(<?\d+)(\s+)(\S[^\r\n]*?)\s*$")


def time_command(args):
    with open("/proc/loadavg", encoding="ascii") as f:
        load = float(f.read().split()[0])
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with open(args.log, "w", encoding="utf-8") as log:
        code = subprocess.run(args.command, stdout=log, stderr=subprocess.STDOUT, check=False).returncode
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(args.log, encoding="utf-8", errors="replace") as log:
        csc = CSC_TASK.search(log.read())
    record = {
        "kind": args.kind,
        "variant": args.variant,
        "run": args.run,
        "wall_s": round(wall, 3),
        "cpu_s": round((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), 3),
        "csc_task_s": int(csc.group(1)) / 1000 if csc else None,
        "load_before": load,
        "exit": code,
        "log": args.log,
    }
    with open(args.results, "a", encoding="utf-8") as f:
        f.write(json.dumps(record) + "\n")
    print(json.dumps({k: v for k, v in record.items() if k != "log"}))
    return code


def csc_command(args):
    with open(args.log, encoding="utf-8", errors="replace") as f:
        line = next((l for l in f if "/noconfig " in l and "csc" in l), None)
    if line is None:
        print(f"no compiler command line in {args.log}", file=sys.stderr)
        return 1
    # ".../Roslyn/bincore/csc /noconfig ..." (or "dotnet exec .../csc.dll /noconfig ..."): the command, then the
    # arguments, written as MSBuild quotes them, which is also the response file syntax.
    command, arguments = line.strip().split(" /noconfig ", 1)
    with open(args.rsp, "w", encoding="utf-8") as f:
        f.write("/noconfig " + arguments + "\n")
    print("\n".join(shlex.split(command)))
    return 0


def seconds(text):
    return 0.0005 if text.startswith("<") else float(text)


def parse_report(path):
    """The compiler's analyzer report in one log: time per analyzer assembly and per analyzer."""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    total = TOTAL_ANALYZER.search(text)
    assemblies, analyzers = {}, {}
    if total:
        # The analyzer table runs from the total to the generator table (or the end of the compiler's output).
        section = text[total.end():]
        end = section.find("Total generator execution time")
        section = section if end < 0 else section[:end]
        indent, current = None, None
        for line in section.splitlines():
            m = REPORT_LINE.match(line)
            if not m:
                continue
            gap = len(m.group(3))
            if indent is None or gap <= indent:
                indent = gap if indent is None else indent
                current = m.group(4).split(",")[0]
                assemblies[current] = seconds(m.group(1))
            else:
                analyzers[(current, m.group(4))] = seconds(m.group(1))
    return {"total": float(total.group(1)) if total else None, "assemblies": assemblies, "analyzers": analyzers}


def med(values):
    return statistics.median(values)


def spread(values, digits=2):
    return f"{min(values):.{digits}f}-{max(values):.{digits}f}"


def pct(a, b):
    return 100.0 * (a - b) / b


# Two-sided 95% quantiles of Student's t for 1 to 30 degrees of freedom (then the normal's 1.96).
T95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
       2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]


def mean_ci(values):
    """Mean and half-width of its 95% confidence interval."""
    if len(values) < 2:
        return statistics.mean(values), float("nan")
    df = len(values) - 1
    t = T95[df - 1] if df <= len(T95) else 1.96
    return statistics.mean(values), t * statistics.stdev(values) / len(values) ** 0.5


def comparison_rows(records, measures):
    """One table row per measure: each variant's median and range, the added time and share of the medians, and the
    mean of the per-run added shares with its 95% confidence interval (each run pairs one build of each variant, next
    to each other in time, so a slow spell of the machine falls on both)."""
    rows = []
    for label, key in measures:
        values = {v: [r[key] for r in records if r["variant"] == v and r.get(key) is not None] for v in ("with", "without")}
        if not values["with"] or not values["without"]:
            continue
        pairs = {}
        for r in records:
            if r.get(key) is not None:
                pairs.setdefault(r["run"], {})[r["variant"]] = r[key]
        paired = [pct(p["with"], p["without"]) for p in pairs.values() if len(p) == 2]
        rows.append(
            f"| {label} | {med(values['without']):.2f} ({spread(values['without'])}) "
            f"| {med(values['with']):.2f} ({spread(values['with'])}) "
            f"| {med(values['with']) - med(values['without']):+.2f} s, {pct(med(values['with']), med(values['without'])):+.1f}% "
            f"| {mean_ci(paired)[0]:+.1f}% ± {mean_ci(paired)[1]:.1f} ({', '.join(f'{p:+.0f}' for p in paired)}) |")
    return rows


def summary(args):
    records = [json.loads(line) for line in open(args.results, encoding="utf-8") if line.strip()]
    failed = [r for r in records if r["exit"] != 0]
    if failed:
        print(f"{len(failed)} runs failed: {[r['log'] for r in failed]}", file=sys.stderr)
        return 1
    kinds = {k: [r for r in records if r["kind"] == k] for k in ("build", "msbuild-report", "csc")}
    header = ("| Measure (seconds) | without Golem analyzer: median (range) | with: median (range) "
              "| added, medians | added, mean of pairs ± 95% CI (each pair, %) |\n|---|---|---|---|---|")

    if kinds["build"]:
        n = len([r for r in kinds["build"] if r["variant"] == "with"])
        print(f"(a) Whole build: dotnet build --no-restore --no-incremental, fresh csc ({n} runs per variant, alternating)")
        print()
        print(header)
        for row in comparison_rows(kinds["build"], (("wall time", "wall_s"), ("CPU time, user+sys", "cpu_s"), ("Csc task (MSBuild)", "csc_task_s"))):
            print(row)
        print()

    reports = {k: [(r, parse_report(r["log"])) for r in kinds[k]] for k in ("msbuild-report", "csc")}
    if kinds["csc"]:
        n = len([r for r in kinds["csc"] if r["variant"] == "with"])
        print(f"(c) The compiler alone: csc @build.rsp /parallel- /reportanalyzer ({n} runs per variant, alternating)")
        print()
        print(header)
        for row in comparison_rows(kinds["csc"], (("wall time", "wall_s"), ("CPU time, user+sys", "cpu_s"))):
            print(row)
        print()

    print("Compiler's analyzer report (medians, seconds; share = Golem analyzers' time / the compile's wall time in the same run)")
    print()
    print("| | (b) dotnet build -p:ReportAnalyzer=true, concurrent | (c) csc /parallel- /reportanalyzer |")
    print("|---|---|---|")

    def cell(kind, pick, digits=3):
        values = [pick(r, rep) for r, rep in reports[kind] if r["variant"] == "with"]
        values = [v for v in values if v is not None]
        return f"{med(values):.{digits}f} ({spread(values, digits)})" if values else "-"

    def compile_time(r):
        return r["csc_task_s"] if r["kind"] == "msbuild-report" else r["wall_s"]

    print(f"| compile (Csc task / csc process), with | {cell('msbuild-report', lambda r, rep: compile_time(r), 2)} | {cell('csc', lambda r, rep: compile_time(r), 2)} |")
    for name in sorted({a for _, rep in reports["msbuild-report"] + reports["csc"] for a in rep["assemblies"]},
                       key=lambda a: (a != GOLEM, a)):
        label = f"**{name}**" if name == GOLEM else name
        print(f"| {label} | {cell('msbuild-report', lambda r, rep: rep['assemblies'].get(name, 0.0))} | {cell('csc', lambda r, rep: rep['assemblies'].get(name, 0.0))} |")
    print(f"| all analyzers, with | {cell('msbuild-report', lambda r, rep: rep['total'])} | {cell('csc', lambda r, rep: rep['total'])} |")

    def without_total(kind):
        values = [rep["total"] for r, rep in reports[kind] if r["variant"] == "without" and rep["total"] is not None]
        return f"{med(values):.3f} ({spread(values, 3)})" if values else "-"

    print(f"| all analyzers, without | {without_total('msbuild-report')} | {without_total('csc')} |")
    share = lambda r, rep: 100 * rep["assemblies"].get(GOLEM, 0.0) / compile_time(r) if compile_time(r) else None  # noqa: E731
    print(f"| **Golem share of the compile** | **{cell('msbuild-report', share, 1)}%** | **{cell('csc', share, 1)}%** |")
    print()
    print("| Golem analyzer (medians, seconds) | (b) concurrent | (c) /parallel- |")
    print("|---|---|---|")
    names = sorted({n for _, rep in reports["msbuild-report"] + reports["csc"] for (a, n) in rep["analyzers"] if a == GOLEM})
    for name in sorted(names, key=lambda n: n.split("(")[-1]):
        short = name.replace(GOLEM + ".Rules.", "")
        print(f"| {short} | {cell('msbuild-report', lambda r, rep: rep['analyzers'].get((GOLEM, name), 0.0))} | {cell('csc', lambda r, rep: rep['analyzers'].get((GOLEM, name), 0.0))} |")

    loads = [r["load_before"] for r in records]
    print()
    print(f"load average (1 min) before each run: median {med(loads):.1f}, {spread(loads, 1)}")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="action", required=True)
    t = sub.add_parser("time")
    t.add_argument("--kind", required=True, choices=["build", "msbuild-report", "csc"])
    t.add_argument("--variant", required=True, choices=["with", "without"])
    t.add_argument("--run", type=int, required=True)
    t.add_argument("--results", required=True)
    t.add_argument("--log", required=True)
    t.add_argument("command", nargs=argparse.REMAINDER)
    c = sub.add_parser("csc-command")
    c.add_argument("log")
    c.add_argument("rsp")
    s = sub.add_parser("summary")
    s.add_argument("--results", required=True)
    args = parser.parse_args()
    if args.action == "time":
        if args.command[:1] == ["--"]:
            args.command = args.command[1:]
        return time_command(args)
    if args.action == "csc-command":
        return csc_command(args)
    return summary(args)


if __name__ == "__main__":
    sys.exit(main())
