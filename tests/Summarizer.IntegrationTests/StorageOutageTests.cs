using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Summarizer.Cli.Hosting;
using Summarizer.Core;

namespace Summarizer.IntegrationTests;

/// <summary>
/// Storage goes away with work in flight and comes back on the same data: the host stays up, says it is degraded,
/// refuses writes with 503 meanwhile, and afterwards every article ends summarised (or failed with a reason) with its
/// own content.
/// </summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private const int Articles = 200;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("summarizer-outage-");
    private (int Blob, int Queue, int Table) _ports;
    private Azurite? _azurite;
    private Microsoft.AspNetCore.Builder.WebApplication? _host;
    private HttpClient _http = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _ports = Azurite.FreePorts();
        _azurite = await StartStorageAsync();
        _host = LocalHost.Build([], new Dictionary<string, string?>
        {
            [PipelineNames.StorageConnection] = _azurite.ConnectionString,
            ["Urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Error",
        });
        await _host.StartAsync(Cancel);
        _http = new HttpClient { BaseAddress = new Uri(_host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
    }

    [Fact]
    public async Task A_thirty_second_storage_outage_with_200_articles_in_flight_loses_nothing_and_the_host_stays_up()
    {
        var lifetime = _host!.Services.GetRequiredService<IHostApplicationLifetime>();
        var posted = await PostAllAsync();
        var unfinished = await CountUnfinishedAsync(posted);

        await _azurite!.DisposeAsync();
        var degraded = await WaitForHealthAsync("degraded", TimeSpan.FromSeconds(20));
        using var refused = await _http.PostAsync("/api/articles?name=during-outage.txt", new StringContent("Written while storage is away."), Cancel);
        var refusal = await refused.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        await Task.Delay(Outage, Cancel);
        _azurite = await StartStorageAsync();
        var back = Stopwatch.StartNew();

        var outcomes = await WaitForAllAsync(posted, TimeSpan.FromMinutes(3));
        TestContext.Current.SendDiagnosticMessage(
            $"{unfinished} of {Articles} articles unfinished when storage stopped; all settled {back.Elapsed.TotalSeconds:0.0} s after it came back");

        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested, "the host stopped");
        Assert.True(unfinished > 0, "no article was in flight when storage stopped: the test proved nothing");
        Assert.Contains("storage", degraded.GetProperty("reason").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "a 503 says when to try again");
        Assert.Equal("Storage is unavailable", refusal.GetProperty("title").GetString());
        foreach (var (id, hash) in posted)
        {
            var status = outcomes[id];
            var state = status.GetProperty("status").GetString();
            Assert.True(state is "summarized" or "failed", $"{id} ended {state}");
            Assert.Equal(hash, status.GetProperty("contentHash").GetString());
            if (state == "failed")
            {
                Assert.False(string.IsNullOrWhiteSpace(status.GetProperty("reason").GetString()), $"{id} failed without a reason");
                continue;
            }
            var summary = await _http.GetFromJsonAsync<Core.Documents.SummaryDocument>($"/api/summaries/{id}", Core.Documents.DocumentJson.Options, Cancel);
            Assert.Equal(hash, summary!.Source!.ContentHash);
        }
        Assert.Equal("healthy", (await WaitForHealthAsync("healthy", TimeSpan.FromSeconds(30))).GetProperty("status").GetString());
    }

    private Task<Azurite> StartStorageAsync() =>
        Azurite.StartAsync(_ports.Blob, _ports.Queue, _ports.Table, _data.FullName, report: null, Cancel);

    private async Task<List<(string Id, string Hash)>> PostAllAsync()
    {
        using var slots = new SemaphoreSlim(16);
        var posts = Enumerable.Range(0, Articles).Select(async i =>
        {
            await slots.WaitAsync(Cancel);
            try
            {
                var text = $"Harbour board meeting {i}\n\nThe harbour board of Eastport met on day {i} and said repairs would start only if the ministry pays. " +
                    $"It remains unclear whether the contractor for pier {i} will return.";
                using var response = await _http.PostAsync($"/api/articles?name=outage-{i}.txt", new StringContent(text, Encoding.UTF8, "text/plain"), Cancel);
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
                return (body.GetProperty("id").GetString()!, body.GetProperty("contentHash").GetString()!);
            }
            finally
            {
                slots.Release();
            }
        });
        return [.. await Task.WhenAll(posts)];
    }

    private async Task<int> CountUnfinishedAsync(List<(string Id, string Hash)> posted)
    {
        var states = await Task.WhenAll(posted.Take(Articles).Select(async p =>
            (await _http.GetFromJsonAsync<JsonElement>($"/api/articles/{p.Id}", Cancel)).GetProperty("status").GetString()));
        return states.Count(s => s is not ("summarized" or "failed"));
    }

    private async Task<Dictionary<string, JsonElement>> WaitForAllAsync(List<(string Id, string Hash)> posted, TimeSpan timeout)
    {
        var settled = new Dictionary<string, JsonElement>();
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (settled.Count < posted.Count && DateTimeOffset.UtcNow < deadline)
        {
            foreach (var (id, hash) in posted.Where(p => !settled.ContainsKey(p.Id)))
            {
                using var response = await _http.GetAsync($"/api/articles/{id}", Cancel);
                if (!response.IsSuccessStatusCode)
                {
                    continue;
                }
                var status = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
                if (status.GetProperty("status").GetString() is "summarized" || status.GetProperty("status").GetString() is "failed" && !IsRetried(status))
                {
                    settled[id] = status;
                }
            }
            await Task.Delay(500, Cancel);
        }
        var stuck = new List<string>();
        foreach (var (id, _) in posted.Where(p => !settled.ContainsKey(p.Id)).Take(3))
        {
            stuck.Add(await _http.GetStringAsync($"/api/articles/{id}", Cancel));
        }
        Assert.True(stuck.Count == 0, $"articles never settled, e.g. {string.Join(" ", stuck)}");
        return settled;
    }

    /// <summary>A failure that says it will be retried is not an outcome yet.</summary>
    private static bool IsRetried(JsonElement status) =>
        status.TryGetProperty("reason", out var reason) && reason.GetString()?.Contains("will be retried", StringComparison.Ordinal) == true;

    private async Task<JsonElement> WaitForHealthAsync(string wanted, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        var health = default(JsonElement);
        while (DateTimeOffset.UtcNow < deadline)
        {
            health = await _http.GetFromJsonAsync<JsonElement>("/api/health", Cancel);
            if (health.GetProperty("status").GetString() == wanted)
            {
                return health;
            }
            await Task.Delay(250, Cancel);
        }
        Assert.Fail($"health did not become {wanted} within {timeout.TotalSeconds} s; last: {health}");
        return health;
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
        }
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
        _data.Delete(recursive: true);
    }
}

/// <summary>A host started before its storage waits for it, with one line per attempt, instead of exiting.</summary>
public sealed class StorageAtStartTests
{
    [Fact]
    public async Task A_host_started_while_storage_is_down_waits_and_starts_when_it_comes_up()
    {
        var cancel = TestContext.Current.CancellationToken;
        var (blob, queue, table) = Azurite.FreePorts();
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var host = LocalHost.Build([], new Dictionary<string, string?>
        {
            [PipelineNames.StorageConnection] = Azurite.ConnectionStringFor(blob, queue, table),
            ["Urls"] = "http://127.0.0.1:0",
        });
        host.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>().AddProvider(new LineCollector(lines));

        var starting = host.StartAsync(cancel);
        await Task.Delay(TimeSpan.FromSeconds(4), cancel);
        Assert.False(starting.IsCompleted, "the host gave up (or pretended to start) without storage");

        await using var azurite = await Azurite.StartAsync(blob, queue, table, dataDirectory: null, report: null, cancel);
        await starting.WaitAsync(TimeSpan.FromSeconds(60), cancel);

        var waiting = lines.Where(l => l.Contains("Storage cannot be reached", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(waiting);
        Assert.All(waiting, l => Assert.DoesNotContain('\n', l));
        Assert.All(waiting, l => Assert.DoesNotContain("AccountKey", l, StringComparison.Ordinal));
        await host.StopAsync(cancel);
    }

    /// <summary>Keeps every log line written, as the console would show it, without the exception.</summary>
    private sealed class LineCollector(System.Collections.Concurrent.ConcurrentQueue<string> lines) : Microsoft.Extensions.Logging.ILoggerProvider
    {
        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Collector(lines);

        public void Dispose() { }

        private sealed class Collector(System.Collections.Concurrent.ConcurrentQueue<string> lines) : Microsoft.Extensions.Logging.ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

            public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception) + (exception is null ? "" : "\n" + exception));
        }
    }
}
