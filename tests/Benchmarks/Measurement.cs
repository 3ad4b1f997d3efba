namespace GoShop.Benchmarks;

/// <summary>One run of one load: throughput, latency percentiles (milliseconds) and what the generator cost.</summary>
public sealed record LoadResult(
    double RequestsPerSecond,
    double P50,
    double P95,
    double P99,
    long Requests,
    long Failures,
    double GeneratorCpuPercent)
{
    /// <summary>The median run of several, metric by metric (each figure is the median of that figure).</summary>
    public static LoadResult Median(IReadOnlyList<LoadResult> runs) => new(
        Statistics.Median(runs.Select(r => r.RequestsPerSecond)),
        Statistics.Median(runs.Select(r => r.P50)),
        Statistics.Median(runs.Select(r => r.P95)),
        Statistics.Median(runs.Select(r => r.P99)),
        (long)Statistics.Median(runs.Select(r => (double)r.Requests)),
        runs.Sum(r => r.Failures),
        Statistics.Median(runs.Select(r => r.GeneratorCpuPercent)));

    /// <summary>Latencies of single requests measured by our own client (milliseconds), over a wall-clock time.</summary>
    public static LoadResult FromSamples(IReadOnlyCollection<double> latencies, TimeSpan elapsed, long failures, double generatorCpuPercent)
    {
        var sorted = latencies.Order().ToArray();
        return new LoadResult(
            sorted.Length / elapsed.TotalSeconds,
            Statistics.Percentile(sorted, 50),
            Statistics.Percentile(sorted, 95),
            Statistics.Percentile(sorted, 99),
            sorted.Length,
            failures,
            generatorCpuPercent);
    }
}

public static class Statistics
{
    public static double Median(IEnumerable<double> values) => Percentile([.. values.Order()], 50);

    /// <summary>The nearest-rank percentile of sorted values (0 when there are none).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double percentile)
    {
        if (sorted.Count == 0)
            return 0;
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
