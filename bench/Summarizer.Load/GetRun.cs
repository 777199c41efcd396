using System.Diagnostics;
using System.Net;

namespace Summarizer.Load;

/// <summary>What hammering one URL came to; <c>Ok</c> counts the expected answers (200, or 304 when revalidating).</summary>
public sealed record GetResult(long Requests, long Ok, long Bytes, TimeSpan Elapsed, LatencyStats Latency, HttpErrors Errors);

/// <summary>
/// A wrk substitute: <c>connections</c> workers, each sending the next GET as soon as the last one is answered, for a
/// bounded time. With <paramref name="ifNoneMatch"/> every request revalidates that ETag, and 304 is the expected answer.
/// </summary>
public sealed class GetRun(HttpClient http, string? ifNoneMatch = null)
{
    private readonly HttpStatusCode _expected = ifNoneMatch is null ? HttpStatusCode.OK : HttpStatusCode.NotModified;

    public async Task<GetResult> RunAsync(string path, int connections, TimeSpan duration, CancellationToken cancellationToken)
    {
        var errors = new HttpErrors();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(() => WorkAsync(path, clock, duration, errors, cancellationToken), cancellationToken)).ToArray();
        var results = await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        var latencies = results.SelectMany(r => r.Latencies).ToList();
        return new GetResult(latencies.Count, results.Sum(r => r.Ok), results.Sum(r => r.Bytes), elapsed, LatencyStats.From(latencies), errors);
    }

    private async Task<(List<TimeSpan> Latencies, long Ok, long Bytes)> WorkAsync(string path, Stopwatch clock, TimeSpan duration, HttpErrors errors, CancellationToken cancellationToken)
    {
        var latencies = new List<TimeSpan>(capacity: 16_384);
        long ok = 0, bytes = 0;
        while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                if (ifNoneMatch is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
                }
                using var response = await http.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                latencies.Add(Stopwatch.GetElapsedTime(start));
                bytes += body.Length;
                if (response.StatusCode == _expected)
                {
                    ok++;
                }
                else
                {
                    errors.Add(response.StatusCode);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                latencies.Add(Stopwatch.GetElapsedTime(start));
                errors.Add(Http.Describe(ex));
            }
        }
        return (latencies, ok, bytes);
    }
}
