using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Summarizer.Core.Documents;

namespace Summarizer.Pipeline.Http;

/// <summary>
/// Serialised summaries (bytes and ETag) kept in memory for <c>GET /api/summaries/{id}</c>, so a summary asked for
/// again and again is read from storage about once per <see cref="SummarizerOptions.SummaryCacheMaxAge"/> instead of
/// on every request.
/// <para>
/// Why an age limit and not a check against storage: any check is a storage round trip, and a round trip is what
/// limits the route (a status-row read is barely cheaper than the summary blob read). So entries are trusted for a
/// short time, and: a summary this process stores replaces its entry at once (<see cref="Stored"/>, called by the
/// summarize stage), which makes the local host, the only writer of its storage, exact; in Azure, where another
/// instance may have stored a newer summary, an entry is served at most <c>SummaryCacheMaxAge</c> after it was read.
/// </para>
/// <para>
/// Memory is bounded by <see cref="SummarizerOptions.SummaryCacheBytes"/>: each entry counts its body's bytes plus a
/// fixed overhead, and <see cref="MemoryCache"/> refuses an entry that would pass the limit and evicts the least
/// recently used ones.
/// </para>
/// </summary>
public sealed class SummaryCache : IDisposable
{
    /// <summary>What an entry holds besides its body (the id, the tag, the objects around them), roughly.</summary>
    private const int EntryOverheadBytes = 256;

    /// <summary>Write counters are per stripe of ids, so that remembering writes takes fixed memory whatever the ids.</summary>
    private const int WriteStripes = 1024;

    private readonly MemoryCache? _entries;
    private readonly TimeSpan _maxAge;
    private readonly TimeProvider _time;
    private readonly long[] _writes = new long[WriteStripes];

    public SummaryCache(IOptions<SummarizerOptions> options, TimeProvider time)
    {
        _time = time;
        _maxAge = options.Value.SummaryCacheMaxAge;
        var bytes = options.Value.SummaryCacheBytes;
        if (_maxAge > TimeSpan.Zero && bytes > 0)
        {
            _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = bytes, TrackStatistics = true });
        }
    }

    /// <summary>How many summaries are held now.</summary>
    public long Count => _entries?.Count ?? 0;

    /// <summary>What the held summaries count against <see cref="SummarizerOptions.SummaryCacheBytes"/> now.</summary>
    public long Bytes => _entries?.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    /// <summary>The summary's answer, from memory while it is young enough, else from <paramref name="read"/>; null when there is no summary.</summary>
    public async Task<ConditionalJson?> GetAsync(string id, Func<CancellationToken, Task<SummaryDocument?>> read, CancellationToken cancellationToken)
    {
        if (_entries is null)
        {
            return await ReadAsync(read, cancellationToken);
        }
        if (_entries.TryGetValue(id, out Entry? held) && _time.GetUtcNow() - held!.ReadAt < _maxAge)
        {
            return held.Json;
        }

        var stripe = Stripe(id);
        var writesBefore = Volatile.Read(ref _writes[stripe]);
        // The age counts from before the read: whatever storage held then, the entry is served at most _maxAge later.
        var readAt = _time.GetUtcNow();
        var json = await ReadAsync(read, cancellationToken);
        if (json is null)
        {
            return null;
        }
        _entries.Set(id, new Entry(json, readAt), new MemoryCacheEntryOptions
        {
            Size = json.Body.Length + (id.Length * sizeof(char)) + EntryOverheadBytes,
            AbsoluteExpirationRelativeToNow = _maxAge,
        });
        // A summary stored in this process while we were reading may have come after what we read: drop ours.
        // (Stored counts the write before it removes the entry, so one of the two removals sees the other's effect.)
        if (Volatile.Read(ref _writes[stripe]) != writesBefore)
        {
            _entries.Remove(id);
        }
        return json;
    }

    /// <summary>A newer summary of <paramref name="id"/> was stored: the one held (or being read now) must not be served again.</summary>
    public void Stored(string id)
    {
        if (_entries is null)
        {
            return;
        }
        Interlocked.Increment(ref _writes[Stripe(id)]);
        _entries.Remove(id);
    }

    public void Dispose() => _entries?.Dispose();

    private static async Task<ConditionalJson?> ReadAsync(Func<CancellationToken, Task<SummaryDocument?>> read, CancellationToken cancellationToken) =>
        await read(cancellationToken) is { } summary ? ConditionalJson.From(summary) : null;

    private static int Stripe(string id) => (int)((uint)StringComparer.Ordinal.GetHashCode(id) % WriteStripes);

    private sealed record Entry(ConditionalJson Json, DateTimeOffset ReadAt);
}
