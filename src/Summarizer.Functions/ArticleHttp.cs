using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Summarizer.Pipeline.Http;

namespace Summarizer.Functions;

/// <summary>The HTTP API; each route calls one handler of <see cref="ArticleApi"/>.</summary>
public sealed class ArticleHttp(ArticleApi api)
{
    [Function("UploadArticle")]
    public Task<IResult> UploadAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "articles")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.UploadAsync(request, cancellationToken);

    [Function("ListArticles")]
    public Task<IResult> ListArticlesAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "articles")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.ListArticlesAsync(request, cancellationToken);

    [Function("GetCleanedArticle")]
    public Task<IResult> GetCleanedAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "articles/{id}/cleaned")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.GetCleanedAsync(id, cancellationToken);

    [Function("RetryArticle")]
    public Task<IResult> RetryAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "articles/{id}/retry")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.RetryAsync(request, id, cancellationToken);

    [Function("ListArticleVersions")]
    public Task<IResult> ListVersionsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "articles/{id}/versions")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.ListVersionsAsync(request, id, cancellationToken);

    [Function("WithdrawArticle")]
    public Task<IResult> WithdrawAsync(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "articles/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.WithdrawAsync(request, id, cancellationToken);

    [Function("GetArticle")]
    public Task<IResult> GetArticleAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "articles/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.GetArticleAsync(id, cancellationToken);

    [Function("GetSummary")]
    public Task<IResult> GetSummaryAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "summaries/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.GetSummaryAsync(request, id, cancellationToken);

    [Function("ListSummaries")]
    public Task<IResult> ListSummariesAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "summaries")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.ListSummariesAsync(request, cancellationToken);

    [Function("Health")]
    public IResult Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        api.Health();

    [Function("OpenApi")]
    public IResult OpenApi(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        api.OpenApi();
}
