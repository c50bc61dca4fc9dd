using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Golem.MeshPki.Benchmarks.Corpus;

/// <summary>
/// A summary column that divides a per-operation figure by <see cref="MozillaCorpus.CertificateCount"/>,
/// for benchmarks whose one operation is one pass over the whole corpus. The corpus size depends on
/// the machine's <c>ca-certificates</c> version, so it cannot be a constant
/// <c>OperationsPerInvoke</c>; the column computes it in the host process instead.
/// </summary>
public sealed class PerCertificateColumn : IColumn
{
    private readonly bool _allocation;

    private PerCertificateColumn(bool allocation) => _allocation = allocation;

    /// <summary>Mean time per certificate.</summary>
    public static IColumn Mean { get; } = new PerCertificateColumn(allocation: false);

    /// <summary>Bytes allocated per certificate.</summary>
    public static IColumn Allocated { get; } = new PerCertificateColumn(allocation: true);

    /// <inheritdoc />
    public string Id => _allocation ? "AllocatedPerCertificate" : "MeanPerCertificate";

    /// <inheritdoc />
    public string ColumnName => _allocation ? "Alloc/cert" : "Mean/cert";

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => _allocation ? 1 : 0;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend => _allocation
        ? "Allocated divided by the number of corpus certificates"
        : "Mean divided by the number of corpus certificates";

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(style);
        BenchmarkReport? report = summary[benchmarkCase];
        int count = MozillaCorpus.CertificateCount;
        if (_allocation)
        {
            long? bytes = report?.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
            return bytes is { } total
                ? string.Format(style.CultureInfo, "{0:N0} B", (double)total / count)
                : "NA";
        }

        if (report?.ResultStatistics is not { } statistics)
        {
            return "NA";
        }

        // ResultStatistics are in nanoseconds per operation.
        double microseconds = statistics.Mean / count / 1000;
        return string.Format(style.CultureInfo, microseconds < 10 ? "{0:N3} μs" : "{0:N1} μs", microseconds);
    }

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc />
    public override string ToString() => ColumnName;
}
