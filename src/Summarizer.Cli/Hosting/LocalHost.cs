using Summarizer.Core;
using Summarizer.Pipeline;
using Summarizer.Pipeline.Http;
using Summarizer.Pipeline.Stages;

namespace Summarizer.Cli.Hosting;

/// <summary>
/// The whole pipeline in one process, for machines without Azure Functions Core Tools: an <see cref="UploadWatcher"/>
/// in place of Event Grid, a <see cref="SummarizeQueueWorker"/> in place of the queue trigger (with host.json's
/// attempts and a short visibility timeout), and the same HTTP routes on Kestrel (http://localhost:7071), against
/// Azurite or a storage account. Neither background part lets a storage outage stop the host.
/// </summary>
public static class LocalHost
{
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }
        // One line per event: an operator reads "waiting for storage" at a glance.
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Services.AddSummarizerPipeline(builder.Configuration);
        builder.Services.AddSingleton<UploadWatcher>();
        builder.Services.AddSingleton<IUploadObserver>(provider => provider.GetRequiredService<UploadWatcher>());
        builder.Services.AddHostedService(provider => provider.GetRequiredService<UploadWatcher>());
        builder.Services.AddHostedService<SummarizeQueueWorker>();
        builder.Services.AddApiAccess(builder.Configuration);

        var app = builder.Build();
        app.UseApiAccess();
        app.MapSummarizerApi();
        app.MapNewsroomPage();
        return app;
    }

    /// <summary>The same routes as the Functions app.</summary>
    public static IEndpointRouteBuilder MapSummarizerApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api");
        api.MapPost("/articles", (HttpRequest request, ArticleApi handlers, CancellationToken ct) => handlers.UploadAsync(request, ct));
        api.MapGet("/articles", (HttpRequest request, ArticleApi handlers, CancellationToken ct) => handlers.ListArticlesAsync(request, ct));
        api.MapGet("/articles/{id}", (string id, ArticleApi handlers, CancellationToken ct) => handlers.GetArticleAsync(id, ct));
        api.MapDelete("/articles/{id}", (HttpRequest request, string id, ArticleApi handlers, CancellationToken ct) => handlers.WithdrawAsync(request, id, ct));
        api.MapGet("/articles/{id}/versions", (HttpRequest request, string id, ArticleApi handlers, CancellationToken ct) => handlers.ListVersionsAsync(request, id, ct));
        api.MapGet("/articles/{id}/cleaned", (string id, ArticleApi handlers, CancellationToken ct) => handlers.GetCleanedAsync(id, ct));
        api.MapPost("/articles/{id}/retry", (HttpRequest request, string id, ArticleApi handlers, CancellationToken ct) => handlers.RetryAsync(request, id, ct));
        api.MapGet("/summaries/{id}", (HttpRequest request, string id, ArticleApi handlers, CancellationToken ct) => handlers.GetSummaryAsync(request, id, ct));
        api.MapGet("/summaries", (HttpRequest request, ArticleApi handlers, CancellationToken ct) => handlers.ListSummariesAsync(request, ct));
        api.MapGet("/health", (ArticleApi handlers) => handlers.Health());
        api.MapGet("/openapi.json", (ArticleApi handlers) => handlers.OpenApi());
        return routes;
    }

    /// <summary>
    /// The newsroom page at /api/newsroom/, where the Functions app serves it, and at the root too
    /// (http://localhost:7071/), where a newsroom looks for it first. A web page, not part of the API's contract.
    /// </summary>
    public static IEndpointRouteBuilder MapNewsroomPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/newsroom/{*path}", (string? path, HttpRequest request) => NewsroomPage.Serve(path, request));
        routes.MapGet("/", (HttpRequest request) => NewsroomPage.Serve(null, request));
        foreach (var file in NewsroomPage.FileNames)
        {
            routes.MapGet("/" + file, (HttpRequest request) => NewsroomPage.Serve(file, request));
        }
        return routes;
    }
}
