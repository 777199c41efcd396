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
    ArticleRepository repository,
    ArticleStatusStore statuses,
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

    /// <summary><c>POST /api/articles?name=NAME</c>: streams the body into storage as the raw upload; the pipeline takes it from there.</summary>
    public Task<IResult> UploadAsync(HttpRequest request, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        var name = request.Query["name"].ToString();
        if (ArticleName.Problem(name) is { } problem)
        {
            return Problem(StatusCodes.Status400BadRequest, "Not a usable article name", $"{problem} POST /api/articles?name=story.txt");
        }
        var maxBytes = options.Value.MaxUploadBytes;
        if (request.ContentLength > maxBytes)
        {
            return TooLarge(new UploadTooLargeException(request.ContentLength.Value, maxBytes));
        }
        if (request.ContentLength == 0 || await IsEmptyAsync(request, cancellationToken))
        {
            return Problem(StatusCodes.Status400BadRequest, "The article is empty", "Send the article's text or HTML as the request body.");
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

    /// <summary><c>GET /api/summaries/{id}</c>: the summary document.</summary>
    public Task<IResult> GetSummaryAsync(string id, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        if (!ArticleId.IsValid(id))
        {
            return NotAnId(id);
        }
        var summary = await summaries.GetAsync(id, ct => repository.ReadSummaryAsync(id, ct), cancellationToken);
        if (summary is not null)
        {
            return summary;
        }
        var status = await statuses.GetAsync(id, cancellationToken);
        return status is null
            ? NotFound(id)
            : Problem(StatusCodes.Status404NotFound, "Not summarized yet",
                $"Article '{id}' is {status.Status.ToString().ToLowerInvariant()}" + (status.Reason is null ? "." : $": {status.Reason}"));
    });

    /// <summary><c>GET /api/summaries?pageSize=20&amp;continuationToken=…</c>: summaries, newest first.</summary>
    public Task<IResult> ListSummariesAsync(HttpRequest request, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        var pageSizeText = request.Query["pageSize"].ToString();
        var pageSize = DefaultPageSize;
        if (pageSizeText.Length > 0 && (!int.TryParse(pageSizeText, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            return Problem(StatusCodes.Status400BadRequest, "Bad page size", $"pageSize must be a whole number from 1 to {MaxPageSize}.");
        }
        var token = request.Query["continuationToken"].ToString();
        try
        {
            var page = await statuses.ListSummariesAsync(pageSize, token.Length == 0 ? null : token, cancellationToken);
            var items = page.Items.Select(i => new { i.Id, i.Headline, i.SummarizedAt, summaryUrl = Links(request, i.Id).Summary });
            return Results.Json(new { items, page.ContinuationToken }, DocumentJson.Options);
        }
        catch (ArgumentException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, "Bad continuation token", ex.Message);
        }
    });

    /// <summary><c>GET /api/health</c>: the host is up, which engine it runs, and what it cannot reach right now.</summary>
    public IResult Health() => health.Problems is { Count: > 0 } problems
        ? Results.Json(new { status = "degraded", engine = engine.Name, reason = string.Join(" ", problems) }, DocumentJson.Options)
        : Results.Json(new { status = "healthy", engine = engine.Name }, DocumentJson.Options);

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
            var problem = Problem(StatusCodes.Status503ServiceUnavailable, "Storage is unavailable",
                $"{StorageUnavailable} Nothing was changed; try again in {RetryAfterSeconds} seconds.");
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

    private static IResult NotFound(string id) =>
        Problem(StatusCodes.Status404NotFound, "No such article", $"No article with id '{id}' has been uploaded.");

    private static IResult NotAnId(string id) =>
        Problem(StatusCodes.Status400BadRequest, "Not an article id",
            $"'{id}' is not an article id: ids are lower-case letters, digits, '.', '-' and '_', as returned when the article was uploaded.");

    private static IResult TooLarge(UploadTooLargeException tooLarge) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "The article is too large", tooLarge.Message);

    private static IResult Problem(int status, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title);

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
