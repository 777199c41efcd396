namespace Summarizer.Load;

/// <summary>Percentiles of a set of durations, in milliseconds (nearest-rank).</summary>
public sealed record LatencyStats(int Count, double MeanMs, double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    public static LatencyStats From(IEnumerable<TimeSpan> durations)
    {
        var sorted = durations.Select(d => d.TotalMilliseconds).Order().ToArray();
        return sorted.Length == 0
            ? new LatencyStats(0, 0, 0, 0, 0, 0)
            : new LatencyStats(sorted.Length, sorted.Average(), Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), sorted[^1]);
    }

    /// <summary>The nearest-rank percentile of an ascending array: the smallest value with at least p% of the values at or below it.</summary>
    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public override string ToString() => Count == 0
        ? "no samples"
        : $"p50 {Ms(P50Ms)}, p95 {Ms(P95Ms)}, p99 {Ms(P99Ms)}, max {Ms(MaxMs)} (mean {Ms(MeanMs)}, n={Count})";

    private static string Ms(double ms) => ms >= 10_000 ? $"{ms / 1000:0.0} s" : ms >= 100 ? $"{ms:0} ms" : $"{ms:0.0} ms";
}
