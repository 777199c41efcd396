using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Summarizer.Load;

public enum ArticleResult { NotPosted, PostFailed, Pending, Summarized, Failed }

/// <summary>One article's way through the pipeline, in the run's Stopwatch time.</summary>
public sealed class TrackedArticle(string name)
{
    public string Name { get; } = name;
    public string? Id { get; set; }
    public ArticleResult Result { get; set; }
    public TimeSpan? PostedAt { get; set; }
    public TimeSpan? AcceptedAt { get; set; }
    public TimeSpan? DoneAt { get; set; }
    public string? Reason { get; set; }

    /// <summary>received → summarized (or failed) by the host's own timestamps: not rounded to the poll interval.</summary>
    public TimeSpan? ServerLatency { get; set; }

    public TimeSpan? UploadToDone => DoneAt - AcceptedAt;
}

/// <summary>What a run of uploads came to.</summary>
public sealed record RunResult(IReadOnlyList<TrackedArticle> Articles, TimeSpan Wall, bool TimedOut)
{
    public int Count(ArticleResult result) => Articles.Count(a => a.Result == result);

    public int Completed => Count(ArticleResult.Summarized) + Count(ArticleResult.Failed);

    public bool AllSummarized => Count(ArticleResult.Summarized) == Articles.Count;
}

/// <summary>
/// Posts articles with at most <c>concurrency</c> of them in flight (posted, not yet summarized or failed): each worker
/// posts one, polls its status every <c>pollInterval</c> until it is done, then takes the next.
/// </summary>
public sealed class ArticleRun(HttpClient http, HttpErrors errors, TimeSpan pollInterval)
{
    private static readonly MediaTypeHeaderValue PlainText = new("text/plain") { CharSet = "utf-8" };

    public async Task<RunResult> RunAsync(IReadOnlyList<string> names, Func<int, byte[]> body, int concurrency, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var articles = names.Select(n => new TrackedArticle(n)).ToArray();
        var clock = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var progress = new CancellationTokenSource();
        var reporter = ReportProgressAsync(articles, clock, progress.Token);

        var timedOut = false;
        try
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = deadline.Token };
            await Parallel.ForEachAsync(Enumerable.Range(0, articles.Length), options,
                async (i, token) => await RunOneAsync(articles[i], body(i), clock, token));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            timedOut = true;
        }
        finally
        {
            await progress.CancelAsync();
            await reporter;
        }

        var first = articles.Min(a => a.PostedAt) ?? TimeSpan.Zero;
        var last = articles.Max(a => a.DoneAt) ?? first;
        return new RunResult(articles, last - first, timedOut);
    }

    private async Task RunOneAsync(TrackedArticle article, byte[] body, Stopwatch clock, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = PlainText;
        article.PostedAt = clock.Elapsed;
        try
        {
            using var response = await http.PostAsync($"api/articles?name={Uri.EscapeDataString(article.Name)}", content, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                errors.Add(response.StatusCode);
                article.Result = ArticleResult.PostFailed;
                article.Reason = $"POST answered {(int)response.StatusCode}: {Shorten(text)}";
                return;
            }
            article.AcceptedAt = clock.Elapsed;
            using var receipt = JsonDocument.Parse(text);
            article.Id = receipt.RootElement.GetProperty("id").GetString();
            article.Result = ArticleResult.Pending;
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            errors.Add(Http.Describe(ex));
            article.Result = ArticleResult.PostFailed;
            article.Reason = $"POST failed: {ex.Message}";
            return;
        }

        while (article.Result == ArticleResult.Pending)
        {
            await Task.Delay(pollInterval, cancellationToken);
            await PollAsync(article, clock, cancellationToken);
        }
    }

    private async Task PollAsync(TrackedArticle article, Stopwatch clock, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync($"api/articles/{Uri.EscapeDataString(article.Id!)}", cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                errors.Add(response.StatusCode);
                return;
            }
            using var status = JsonDocument.Parse(text);
            var root = status.RootElement;
            var state = root.GetProperty("status").GetString();
            if (state is not ("summarized" or "failed"))
            {
                return;
            }
            article.DoneAt = clock.Elapsed;
            article.Result = state == "summarized" ? ArticleResult.Summarized : ArticleResult.Failed;
            if (article.Result == ArticleResult.Failed)
            {
                article.Reason = $"failed at {Text(root, "stage")}: {Text(root, "reason")}";
            }
            if (Time(root, "receivedAt") is { } received && Time(root, state == "summarized" ? "summarizedAt" : "failedAt") is { } done)
            {
                article.ServerLatency = done - received;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            errors.Add(Http.Describe(ex));
        }
    }

    private static async Task ReportProgressAsync(TrackedArticle[] articles, Stopwatch clock, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var posted = articles.Count(a => a.PostedAt is not null);
                var summarized = articles.Count(a => a.Result == ArticleResult.Summarized);
                var failed = articles.Count(a => a.Result is ArticleResult.Failed or ArticleResult.PostFailed);
                var pending = articles.Count(a => a.Result == ArticleResult.Pending);
                await Console.Error.WriteLineAsync($"  [{clock.Elapsed.TotalSeconds,6:0.0} s] posted {posted}/{articles.Length}, summarized {summarized}, failed {failed}, in flight {pending}");
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static string? Text(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Time(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var time) ? time : null;

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
