using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using Summarizer.Core;
using Summarizer.Core.Documents;
using Summarizer.Pipeline;
using Summarizer.Pipeline.Http;
using Summarizer.Pipeline.Storage;

namespace Summarizer.IntegrationTests;

/// <summary>
/// A pipeline of its own whose summary cache keeps entries for ten minutes: anything these tests see served fresh
/// after a write comes from the write replacing the entry, not from the entry having aged out.
/// </summary>
public sealed class LongLivedCachePipelineFixture : PipelineFixture
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        new Dictionary<string, string?> { ["Summarizer:SummaryCacheMaxAge"] = "00:10:00" };
}

public sealed class SummaryCacheTests(LongLivedCachePipelineFixture pipeline) : IClassFixture<LongLivedCachePipelineFixture>
{
    private const string Story =
        "Library Hours Extended\n\n" +
        "The Millbrook library board said on Wednesday that evening opening will continue only if the county renews its grant. " +
        "Chief librarian Ada Mensah told reporters that volunteers have offered to staff the desk.\n\n" +
        "It remains unclear whether the weekend hours will change.";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reuploaded_articles_new_summary_is_served_and_never_the_old_one_after_it()
    {
        const string name = "library-reupload.txt";
        var id = Path.GetFileNameWithoutExtension(name);
        var firstHash = await pipeline.PublishAsync(name, Story);
        using var first = await pipeline.Http.GetAsync($"/api/summaries/{id}", Cancel);
        var firstTag = first.Headers.ETag!.Tag;
        Assert.Equal(firstHash, await ServedHashAsync(first));

        // Readers keep the old summary hot in the cache while the new one is made.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var seen = new ConcurrentQueue<(long StartedAt, string? Hash)>();
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var startedAt = Stopwatch.GetTimestamp();
                using var response = await pipeline.Http.GetAsync($"/api/summaries/{id}", CancellationToken.None);
                seen.Enqueue((startedAt, await ServedHashAsync(response)));
            }
        }, CancellationToken.None)).ToArray();

        var secondHash = await pipeline.PublishAsync(name, Story + "\n\nThe board will publish the new hours on its website.");
        var summarizedSeenAt = Stopwatch.GetTimestamp();
        var after = new List<string?>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await pipeline.Http.GetAsync($"/api/summaries/{id}", Cancel);
            after.Add(await ServedHashAsync(response));
        }
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.NotEqual(firstHash, secondHash);
        Assert.All(after, hash => Assert.Equal(secondHash, hash));
        Assert.All(seen.Where(s => s.StartedAt > summarizedSeenAt), s => Assert.Equal(secondHash, s.Hash));
        Assert.Contains(seen, s => s.Hash == firstHash);
        using var revalidated = await GetAsync($"/api/summaries/{id}", firstTag);
        Assert.Equal(HttpStatusCode.OK, revalidated.StatusCode);
        Assert.Equal(secondHash, await ServedHashAsync(revalidated));
    }

    [Fact]
    public async Task A_summary_written_by_another_instance_is_served_from_memory_until_the_entry_ages_out()
    {
        // What a second Functions instance storing a summary looks like to this one: the blob changes under it.
        const string name = "library-elsewhere.txt";
        var id = Path.GetFileNameWithoutExtension(name);
        await pipeline.PublishAsync(name, Story + "\n\nElsewhere.");
        using var cached = await pipeline.Http.GetAsync($"/api/summaries/{id}", Cancel);
        var cachedBody = await cached.Content.ReadAsStringAsync(Cancel);
        var blob = pipeline.Container(PipelineNames.SummariesContainer).GetBlobClient(id + ".json");
        var stored = (await blob.DownloadContentAsync(Cancel)).Value.Content.ToObjectFromJson<SummaryDocument>(DocumentJson.Options)!;
        await blob.UploadAsync(BinaryData.FromObjectAsJson(stored with { Headline = "Rewritten elsewhere" }, DocumentJson.Options), overwrite: true, Cancel);

        using var again = await pipeline.Http.GetAsync($"/api/summaries/{id}", Cancel);

        Assert.Equal(cachedBody, await again.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task The_cache_stays_within_its_byte_limit_and_still_serves_every_summary()
    {
        var ids = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            var name = $"library-bound-{i}.txt";
            await pipeline.PublishAsync(name, Story + $"\n\nBranch number {i} keeps its own hours.");
            ids.Add(Path.GetFileNameWithoutExtension(name));
        }
        var repository = new ArticleRepository(pipeline.Blobs, new QueueServiceClient(pipeline.StorageConnectionString), TimeProvider.System);
        var oneSummary = ConditionalJson.From((await repository.ReadSummaryAsync(ids[0], Cancel))!).Body.Length;
        var limit = 3L * (oneSummary + 1024);
        using var cache = new SummaryCache(Options.Create(new SummarizerOptions { SummaryCacheBytes = limit, SummaryCacheMaxAge = TimeSpan.FromMinutes(10) }), TimeProvider.System);

        var peak = 0L;
        for (var round = 0; round < 3; round++)
        {
            foreach (var id in ids)
            {
                var json = await cache.GetAsync(id, ct => repository.ReadSummaryAsync(id, ct), Cancel);
                Assert.Equal(id, JsonDocument.Parse(json!.Body).RootElement.GetProperty("id").GetString());
                peak = Math.Max(peak, cache.Bytes);
                Assert.InRange(cache.Bytes, 0L, limit);
                Assert.InRange(cache.Count, 1L, ids.Count - 1L);
            }
        }
        Assert.True(peak > oneSummary, $"the cache held at most {peak} bytes: it should have held at least one summary of {oneSummary}");
    }

    [Fact]
    public async Task A_max_age_of_zero_holds_nothing()
    {
        var id = Path.GetFileNameWithoutExtension("library-off.txt");
        await pipeline.PublishAsync("library-off.txt", Story + "\n\nOff.");
        var repository = new ArticleRepository(pipeline.Blobs, new QueueServiceClient(pipeline.StorageConnectionString), TimeProvider.System);
        using var cache = new SummaryCache(Options.Create(new SummarizerOptions { SummaryCacheMaxAge = TimeSpan.Zero }), TimeProvider.System);

        var json = await cache.GetAsync(id, ct => repository.ReadSummaryAsync(id, ct), Cancel);

        Assert.NotNull(json);
        Assert.Equal(0, cache.Count);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await pipeline.Http.SendAsync(request, Cancel);
    }

    private static async Task<string?> ServedHashAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None);
        return summary.GetProperty("source").GetProperty("contentHash").GetString();
    }
}
