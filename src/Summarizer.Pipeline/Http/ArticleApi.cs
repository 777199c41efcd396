using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Summarizer.Core.Documents;
using Summarizer.Core.Engine;
using Summarizer.Pipeline.Stages;
using Summarizer.Pipeline.Storage;

namespace Summarizer.Pipeline.Http;

/// <summary>The HTTP API, written once: the Functions app and the local host each bind these handlers to the same routes.</summary>
public sealed class ArticleApi(
    UploadStage uploads,
    RetryStage retries,
    WithdrawStage withdrawals,
    ArticleRepository repository,
    ArticleStatusStore statuses,
    ArticleVersionStore versions,
    ISummaryEngine engine,
    PipelineHealth health,
    IOptions<SummarizerOptions> options,
    SummaryCache summaries)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    private const string HealthPart = "storage (HTTP)";
    private const string StorageUnavailable = "Article storage cannot be reached right now.";
    private const int RetryAfterSeconds = 10;

    /// <summary>Longest reason a withdrawal may carry, and the most of a DELETE body read to find it.</summary>
    public const int MaxReasonLength = 1000;
    private const int MaxReasonBodyBytes = 16 * 1024;

    /// <summary><c>POST /api/articles?name=NAME</c>: streams the body into storage as the raw upload; the pipeline takes it from there.</summary>
    public Task<IResult> UploadAsync(HttpRequest request, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        var name = request.Query["name"].ToString();
        if (ArticleName.Problem(name) is { } problem)
        {
            return ApiProblem.BadName.With($"{problem} POST /api/articles?name=story.txt");
        }
        var maxBytes = options.Value.MaxUploadBytes;
        if (request.ContentLength > maxBytes)
        {
            return TooLarge(new UploadTooLargeException(request.ContentLength.Value, maxBytes));
        }
        if (request.ContentLength == 0 || await IsEmptyAsync(request, cancellationToken))
        {
            return ApiProblem.EmptyArticle.With("Send the article's text or HTML as the request body.");
        }

        try
        {
            var (id, contentHash) = await uploads.RunAsync(name, request.Body, request.ContentType, cancellationToken);
            var links = Links(request, id);
            return Results.Accepted(links.Status, new { id, status = "received", contentHash, statusUrl = links.Status, summaryUrl = links.Summary });
        }
        catch (UploadTooLargeException tooLarge)
        {
            return TooLarge(tooLarge);
        }
    });

    /// <summary><c>GET /api/articles/{id}</c>: where the article is in the pipeline, and why it failed if it did.</summary>
    public Task<IResult> GetArticleAsync(string id, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        if (!ArticleId.IsValid(id))
        {
            return NotAnId(id);
        }
        var status = await statuses.GetAsync(id, cancellationToken);
        return status is null ? NotFound(id) : ConditionalJson.From(status);
    });

    /// <summary>
    /// <c>GET /api/summaries/{id}</c>: the newest summary document; <c>?version=N</c>: the summary of version N.
    /// A withdrawn story answers <c>410 Gone</c> with the reason and time.
    /// </summary>
    public Task<IResult> GetSummaryAsync(HttpRequest request, string id, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        if (!ArticleId.IsValid(id))
        {
            return NotAnId(id);
        }
        if (Query(request, "version") is { } versionText)
        {
            return int.TryParse(versionText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version) && version >= 1
                ? await GetSummaryVersionAsync(id, version, cancellationToken)
                : ApiProblem.BadQuery.With("version must be a whole number from 1, as listed by GET /api/articles/{id}/versions.");
        }
        var summary = await summaries.GetAsync(id, ct => repository.ReadSummaryAsync(id, ct), cancellationToken);
        if (summary is not null)
        {
            return summary;
        }
        var status = await statuses.GetAsync(id, cancellationToken);
        return status is null ? NotFound(id)
            : status.Status == ArticleState.Withdrawn ? Gone(status)
            : ApiProblem.NotSummarized.With($"Article '{id}' is {State(status)}");
    });

    private async Task<IResult> GetSummaryVersionAsync(string id, int version, CancellationToken cancellationToken)
    {
        var status = await statuses.GetAsync(id, cancellationToken);
        if (status is null)
        {
            return NotFound(id);
        }
        if (status.Status == ArticleState.Withdrawn)
        {
            return Gone(status);
        }
        return await repository.ReadSummaryVersionAsync(id, version, cancellationToken) is { } summary
            ? ConditionalJson.From(summary)
            : ApiProblem.NoSuchVersion.With($"Article '{id}' has no summary of version {version}; GET /api/articles/{id}/versions lists its versions.");
    }

    /// <summary><c>GET /api/articles/{id}/versions</c>: every version of the story, oldest first (withdrawn stories too: the history is kept for audit).</summary>
    public Task<IResult> ListVersionsAsync(HttpRequest request, string id, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        if (!ArticleId.IsValid(id))
        {
            return NotAnId(id);
        }
        if (await statuses.GetAsync(id, cancellationToken) is not { } status)
        {
            return NotFound(id);
        }
        var summaryUrl = Links(request, id).Summary;
        var items = (await versions.ListAsync(id, cancellationToken)).Select(v =>
        {
            var item = JsonSerializer.SerializeToNode(v, DocumentJson.Options)!.AsObject();
            if (v.Status == ArticleState.Summarized)
            {
                item["summaryUrl"] = $"{summaryUrl}?version={v.Version}";
            }
            return item;
        });
        return Results.Json(new { id, status = status.Status, items }, DocumentJson.Options);
    });

    /// <summary>
    /// <c>DELETE /api/articles/{id}</c> with <c>{"reason": "…"}</c> (or <c>?reason=…</c>): withdraws (kills) the story.
    /// Its summary routes answer <c>410 Gone</c> from then on; the uploads and earlier documents stay for audit.
    /// </summary>
    public Task<IResult> WithdrawAsync(HttpRequest request, string id, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        if (!ArticleId.IsValid(id))
        {
            return NotAnId(id);
        }
        var reason = Query(request, "reason") ?? await ReasonFromBodyAsync(request, cancellationToken);
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonLength)
        {
            return ApiProblem.NoReason.With(
                $"Say why the story is withdrawn, in at most {MaxReasonLength} characters: send {{\"reason\": \"…\"}} as the JSON body, or ?reason=… in the URL.");
        }
        return await withdrawals.RunAsync(id, reason, cancellationToken) is { } status
            ? Results.Json(status, DocumentJson.Options)
            : NotFound(id);
    });

    /// <summary>The <c>reason</c> of a JSON body; null when there is none, it is not JSON, or it is too large to be one.</summary>
    private static async Task<string?> ReasonFromBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 or > MaxReasonBodyBytes)
        {
            return null;
        }
        var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxReasonBodyBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        try
        {
            using var body = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 8 });
            return body.RootElement.ValueKind == JsonValueKind.Object
                && body.RootElement.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String
                ? reason.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Gone(ArticleStatus status) => ApiProblem.Withdrawn.With(
        $"Article '{status.Id}' was withdrawn on {status.WithdrawnAt:yyyy-MM-dd HH:mm} UTC: {status.Reason} Its summary is no longer served; do not publish it.",
        new Dictionary<string, object?> { ["reason"] = status.Reason, ["withdrawnAt"] = status.WithdrawnAt });

    /// <summary><c>GET /api/articles?status=failed&amp;pageSize=20&amp;continuationToken=…</c>: statuses in id order.</summary>
    public Task<IResult> ListArticlesAsync(HttpRequest request, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        if (PageSize(request) is not { } pageSize)
        {
            return BadPageSize();
        }
        ArticleState? state = null;
        if (Query(request, "status") is { } stateText)
        {
            if (!Enum.TryParse<ArticleState>(stateText, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || stateText.Any(char.IsDigit))
            {
                return ApiProblem.BadQuery.With($"status must be one of {string.Join(", ", Enum.GetNames<ArticleState>().Select(n => n.ToLowerInvariant()))}.");
            }
            state = parsed;
        }
        try
        {
            var page = await statuses.ListStatusesAsync(state, pageSize, Query(request, "continuationToken"), cancellationToken);
            var items = page.Items.Select(status =>
            {
                var item = JsonSerializer.SerializeToNode(status, DocumentJson.Options)!.AsObject();
                var links = Links(request, status.Id);
                item["statusUrl"] = links.Status;
                item["summaryUrl"] = links.Summary;
                return item;
            });
            return Results.Json(new { items, page.ContinuationToken }, DocumentJson.Options);
        }
        catch (ArgumentException ex)
        {
            return ApiProblem.BadContinuationToken.With(ex.Message);
        }
    });

    /// <summary><c>GET /api/articles/{id}/cleaned</c>: the cleaned text the summary's evidence offsets point into.</summary>
    public Task<IResult> GetCleanedAsync(string id, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        if (!ArticleId.IsValid(id))
        {
            return NotAnId(id);
        }
        var cleaned = await repository.ReadCleanedAsync(id, cancellationToken);
        if (cleaned is not null)
        {
            return Results.Json(cleaned, DocumentJson.Options);
        }
        var status = await statuses.GetAsync(id, cancellationToken);
        return status is null
            ? NotFound(id)
            : ApiProblem.NotSummarized.With($"Article '{id}' has no cleaned text: it is {State(status)}");
    });

    /// <summary><c>POST /api/articles/{id}/retry</c>: summarise again an article whose automatic retries were spent.</summary>
    public Task<IResult> RetryAsync(HttpRequest request, string id, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        if (!ArticleId.IsValid(id))
        {
            return NotAnId(id);
        }
        var statusUrl = Links(request, id).Status;
        return await retries.RunAsync(id, cancellationToken) switch
        {
            RetryOutcome.Queued => Results.Accepted(statusUrl, new { id, status = "cleaned", statusUrl }),
            RetryOutcome.NotFound => NotFound(id),
            _ => ApiProblem.NotRetryable.With($"Article '{id}' is not waiting for a retry: only an article whose summarizing was set aside after repeated failures can be retried. A refused or unreadable upload needs a new upload."),
        };
    });

    /// <summary>
    /// <c>GET /api/summaries?since=…&amp;actor=…&amp;venue=…&amp;pageSize=20&amp;continuationToken=…</c>: summaries, newest
    /// first; <c>cursor</c> in the answer, passed back as <c>since</c>, gives only what was published after it.
    /// </summary>
    public Task<IResult> ListSummariesAsync(HttpRequest request, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        if (PageSize(request) is not { } pageSize)
        {
            return BadPageSize();
        }
        if (Query(request, "includeWithdrawn") is { } include && !bool.TryParse(include, out _))
        {
            return ApiProblem.BadQuery.With("includeWithdrawn must be true or false.");
        }
        var includeWithdrawn = Query(request, "includeWithdrawn") is { } flag && bool.Parse(flag);
        var query = new SummaryQuery(Query(request, "since"), Query(request, "actor"), Query(request, "venue"), includeWithdrawn);
        try
        {
            var page = await statuses.ListSummariesAsync(query, pageSize, Query(request, "continuationToken"), cancellationToken);
            var items = page.Items.Select(i => new { i.Id, i.Headline, i.SummarizedAt, summaryUrl = Links(request, i.Id).Summary, i.WithdrawnAt });
            return Results.Json(new { items, page.ContinuationToken, page.Cursor }, DocumentJson.Options);
        }
        catch (ArgumentException ex)
        {
            return (ex.ParamName == "since" ? ApiProblem.BadQuery : ApiProblem.BadContinuationToken).With(ex.Message);
        }
    });

    /// <summary><c>GET /api/health</c>: the host is up, which engine it runs, and what it cannot reach right now.</summary>
    public IResult Health() => health.Problems is { Count: > 0 } problems
        ? Results.Json(new { status = "degraded", engine = engine.Name, reason = string.Join(" ", problems) }, DocumentJson.Options)
        : Results.Json(new { status = "healthy", engine = engine.Name }, DocumentJson.Options);

    /// <summary><c>GET /api/openapi.json</c>: the OpenAPI 3.1 document of these routes.</summary>
    public IResult OpenApi() => Results.Bytes(OpenApiDocument.Utf8, "application/json");

    /// <summary>Storage away is a 503 with a time to come back, not a 500: nothing was lost, the client should try again.</summary>
    private async Task<IResult> GuardAsync(Func<Task<IResult>> handle)
    {
        try
        {
            var result = await handle();
            health.ReportWorking(HealthPart);
            return result;
        }
        catch (Exception ex) when (StorageFault.IsUnavailable(ex))
        {
            health.ReportUnavailable(HealthPart, StorageUnavailable);
            var problem = ApiProblem.StorageUnavailable.With($"{StorageUnavailable} Nothing was changed; try again in {RetryAfterSeconds} seconds.");
            return new RetryAfter(problem, RetryAfterSeconds);
        }
    }

    /// <summary>A chunked body may still be empty: look at its first bytes without consuming them.</summary>
    private static async Task<bool> IsEmptyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is > 0)
        {
            return false;
        }
        var read = await request.BodyReader.ReadAsync(cancellationToken);
        var empty = read.Buffer.IsEmpty && read.IsCompleted;
        request.BodyReader.AdvanceTo(read.Buffer.Start);
        return empty;
    }

    private static (string Status, string Summary) Links(HttpRequest request, string id)
    {
        var root = $"{request.Scheme}://{request.Host}{request.PathBase}/api";
        var escaped = Uri.EscapeDataString(id);
        return ($"{root}/articles/{escaped}", $"{root}/summaries/{escaped}");
    }

    /// <summary>"failed: the reason." or "received.": where an article is, for a sentence about it.</summary>
    private static string State(ArticleStatus status) =>
        status.Status.ToString().ToLowerInvariant() + (status.Reason is null ? "." : $": {status.Reason}");

    private static IResult NotFound(string id) => ApiProblem.NotFound.With($"No article with id '{id}' has been uploaded.");

    private static IResult NotAnId(string id) =>
        ApiProblem.BadId.With($"'{id}' is not an article id: ids are lower-case letters, digits, '.', '-' and '_', as returned when the article was uploaded.");

    private static IResult TooLarge(UploadTooLargeException tooLarge) => ApiProblem.TooLarge.With(tooLarge.Message);

    /// <summary>The <c>pageSize</c> query parameter, or the default; null when it is not a usable size.</summary>
    private static int? PageSize(HttpRequest request)
    {
        var text = request.Query["pageSize"].ToString();
        return text.Length == 0 ? DefaultPageSize : int.TryParse(text, out var size) && size is >= 1 and <= MaxPageSize ? size : null;
    }

    private static IResult BadPageSize() => ApiProblem.BadQuery.With($"pageSize must be a whole number from 1 to {MaxPageSize}.");

    /// <summary>A query parameter's value, or null when absent or empty.</summary>
    private static string? Query(HttpRequest request, string name) => request.Query[name].ToString() is { Length: > 0 } value ? value : null;

    /// <summary>A result with a <c>Retry-After</c> header.</summary>
    private sealed class RetryAfter(IResult inner, int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
