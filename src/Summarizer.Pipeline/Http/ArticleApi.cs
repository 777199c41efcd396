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
    IOptions<SummarizerOptions> options)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary><c>POST /api/articles?name=NAME</c>: stores the body as the raw upload; the pipeline takes it from there.</summary>
    public async Task<IResult> UploadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var name = request.Query["name"].ToString().Trim();
        if (string.IsNullOrEmpty(name) || name.Length > ArticleId.MaxLength || name.Contains('/', StringComparison.Ordinal) || ArticleId.FromBlobName(name).Length == 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "A name is required",
                $"Give the article a file name of at most {ArticleId.MaxLength} characters without '/': POST /api/articles?name=story.txt");
        }

        var maxBytes = options.Value.MaxUploadBytes;
        if (request.ContentLength > maxBytes)
        {
            return TooLarge(request.ContentLength.Value, maxBytes);
        }
        var body = await ReadAtMostAsync(request.Body, maxBytes + 1, cancellationToken);
        if (body.Length > maxBytes)
        {
            return TooLarge(body.Length, maxBytes);
        }
        if (body.Length == 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "The article is empty", "Send the article's text or HTML as the request body.");
        }

        var (id, contentHash) = await uploads.RunAsync(name, body, request.ContentType, cancellationToken);
        var links = Links(request, id);
        return Results.Accepted(links.Status, new { id, status = "received", contentHash, statusUrl = links.Status, summaryUrl = links.Summary });
    }

    /// <summary><c>GET /api/articles/{id}</c>: where the article is in the pipeline, and why it failed if it did.</summary>
    public async Task<IResult> GetArticleAsync(string id, CancellationToken cancellationToken)
    {
        var status = await statuses.GetAsync(id, cancellationToken);
        return status is null ? NotFound(id) : Results.Json(status, DocumentJson.Options);
    }

    /// <summary><c>GET /api/summaries/{id}</c>: the summary document.</summary>
    public async Task<IResult> GetSummaryAsync(string id, CancellationToken cancellationToken)
    {
        var summary = await repository.ReadSummaryAsync(id, cancellationToken);
        if (summary is not null)
        {
            return Results.Json(summary, DocumentJson.Options);
        }
        var status = await statuses.GetAsync(id, cancellationToken);
        return status is null
            ? NotFound(id)
            : Problem(StatusCodes.Status404NotFound, "Not summarized yet",
                $"Article '{id}' is {status.Status.ToString().ToLowerInvariant()}" + (status.Reason is null ? "." : $": {status.Reason}"));
    }

    /// <summary><c>GET /api/summaries?pageSize=20&amp;continuationToken=…</c>: summaries, newest first.</summary>
    public async Task<IResult> ListSummariesAsync(HttpRequest request, CancellationToken cancellationToken)
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
    }

    /// <summary><c>GET /api/health</c>: the host is up and which engine it runs.</summary>
    public IResult Health() => Results.Json(new { status = "healthy", engine = engine.Name }, DocumentJson.Options);

    private static (string Status, string Summary) Links(HttpRequest request, string id)
    {
        var root = $"{request.Scheme}://{request.Host}{request.PathBase}/api";
        var escaped = Uri.EscapeDataString(id);
        return ($"{root}/articles/{escaped}", $"{root}/summaries/{escaped}");
    }

    private static async Task<byte[]> ReadAtMostAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = await body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static IResult NotFound(string id) =>
        Problem(StatusCodes.Status404NotFound, "No such article", $"No article with id '{id}' has been uploaded.");

    private static IResult TooLarge(long bytes, long maxBytes) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "The article is too large", new UploadTooLargeException(bytes, maxBytes).Message);

    private static IResult Problem(int status, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title);
}
