using System.Diagnostics;

namespace Summarizer.Load;

/// <summary>A process's resident set (VmRSS) and its kernel-kept peak (VmHWM), from <c>/proc/PID/status</c>.</summary>
public readonly record struct MemoryReading(long RssBytes, long HwmBytes);

/// <summary>Reads <c>/proc/PID/status</c> every interval on a background task and keeps the highest VmRSS seen.</summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Stopwatch _clock;
    private readonly Lock _gate = new();

    public MemorySampler(int pid, TimeSpan interval, Stopwatch clock)
    {
        _pid = pid;
        _clock = clock;
        _loop = SampleAsync(interval);
    }

    /// <summary>Every sample: seconds since the run's start and VmRSS.</summary>
    public List<(TimeSpan At, long RssBytes)> Timeline { get; } = [];

    public long PeakRssBytes { get; private set; }
    public TimeSpan PeakAt { get; private set; }
    public int Samples { get; private set; }

    /// <summary>"0s 190, 2s 640, 4s 1210 …": the highest RSS (MB) of each step, for seeing when memory rises and falls.</summary>
    public string Describe(TimeSpan step)
    {
        lock (_gate)
        {
            return string.Join(", ", Timeline.GroupBy(s => (int)(s.At / step))
                .Select(g => $"{(g.Key * step).TotalSeconds:0}s {g.Max(s => s.RssBytes) / 1_000_000}"));
        }
    }

    public static MemoryReading? Read(int pid)
    {
        try
        {
            long rss = 0, hwm = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kilobytes(line) * 1024;
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    hwm = Kilobytes(line) * 1024;
                }
            }
            return new MemoryReading(rss, hwm);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task SampleAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                if (Read(_pid) is { } reading)
                {
                    Samples++;
                    lock (_gate)
                    {
                        Timeline.Add((_clock.Elapsed, reading.RssBytes));
                    }
                    if (reading.RssBytes > PeakRssBytes)
                    {
                        PeakRssBytes = reading.RssBytes;
                        PeakAt = _clock.Elapsed;
                    }
                }
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>"VmRSS:	  123456 kB" → 123456.</summary>
    private static long Kilobytes(string line) =>
        long.Parse(line.AsSpan(line.IndexOf(':', StringComparison.Ordinal) + 1).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture);
}
