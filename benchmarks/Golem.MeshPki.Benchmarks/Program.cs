using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Validators;

namespace Golem.MeshPki.Benchmarks;

/// <summary>
/// Runs the benchmarks BenchmarkDotNet's command line selects (<c>--filter</c>, <c>--job</c>,
/// <c>--list</c>...). BenchmarkDotNet itself exits 0 even when a benchmark throws or validation
/// stops the run, so the exit code is computed from the summaries: 1 when any selected
/// benchmark failed, a validation error is critical or a <c>--filter</c> matched nothing, so
/// that CI's dry run catches rot.
/// </summary>
public static class Program
{
    /// <summary>The entry point.</summary>
    /// <param name="args">BenchmarkDotNet's command-line arguments.</param>
    /// <returns>0 when every selected benchmark ran, 1 otherwise.</returns>
    public static int Main(string[] args)
    {
        Summary[] summaries = [.. BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args)];

        var failures = new List<string>();
        if (summaries.Sum(summary => summary.BenchmarksCases.Length) == 0 && args.Any(IsFilterOption))
        {
            failures.Add($"the filter matched no benchmark: {string.Join(' ', args)}");
        }

        foreach (Summary summary in summaries)
        {
            foreach (ValidationError error in summary.ValidationErrors.Where(error => error.IsCritical))
            {
                failures.Add($"validation: {error.Message}");
            }

            foreach (var benchmarkCase in summary.BenchmarksCases)
            {
                BenchmarkReport? report = summary.HasReport(benchmarkCase) ? summary[benchmarkCase] : null;
                if (report is null || !report.Success || report.ExecuteResults.Any(result => !result.IsSuccess))
                {
                    failures.Add($"failed: {benchmarkCase.DisplayInfo}");
                }
            }
        }

        if (failures.Count == 0)
        {
            return 0;
        }

        Console.Error.WriteLine($"{failures.Count} benchmark problem(s):");
        foreach (string failure in failures)
        {
            Console.Error.WriteLine($"  {failure}");
        }

        return 1;
    }

    private static bool IsFilterOption(string argument) =>
        argument is "--filter" or "-f" || argument.StartsWith("--filter=", StringComparison.Ordinal);
}
