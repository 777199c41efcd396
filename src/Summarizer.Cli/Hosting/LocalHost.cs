using Microsoft.Azure.WebJobs;
using Summarizer.Core;
using Summarizer.Pipeline;
using Summarizer.Pipeline.Http;

namespace Summarizer.Cli.Hosting;

/// <summary>
/// The whole pipeline in one process, for machines without Azure Functions Core Tools: the queue trigger on the
/// WebJobs SDK, an <see cref="UploadWatcher"/> in place of Event Grid, and the same HTTP routes on Kestrel
/// (http://localhost:7071), against Azurite or a storage account.
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
        // The WebJobs host keeps its own bookkeeping (blob receipts, locks) in AzureWebJobsStorage: the same account.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = builder.Configuration["AzureWebJobsStorage"] ?? builder.Configuration[PipelineNames.StorageConnection],
        });

        builder.Services.AddSummarizerPipeline(builder.Configuration);
        builder.Services.AddSingleton<ITypeLocator>(new LocalTypeLocator());
        builder.Services.AddHostedService<UploadWatcher>();
        builder.Host.ConfigureWebJobs(webJobs =>
        {
            webJobs.AddAzureStorageCoreServices();
            // The minimum polling interval: a summary follows its cleaning at once, even after idle.
            webJobs.AddAzureStorageQueues(queues => queues.MaxPollingInterval = TimeSpan.FromMilliseconds(100));
        });

        var app = builder.Build();
        app.MapSummarizerApi();
        return app;
    }

    /// <summary>The same routes as the Functions app.</summary>
    public static IEndpointRouteBuilder MapSummarizerApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api");
        api.MapPost("/articles", (HttpRequest request, ArticleApi handlers, CancellationToken ct) => handlers.UploadAsync(request, ct));
        api.MapGet("/articles/{id}", (string id, ArticleApi handlers, CancellationToken ct) => handlers.GetArticleAsync(id, ct));
        api.MapGet("/summaries/{id}", (string id, ArticleApi handlers, CancellationToken ct) => handlers.GetSummaryAsync(id, ct));
        api.MapGet("/summaries", (HttpRequest request, ArticleApi handlers, CancellationToken ct) => handlers.ListSummariesAsync(request, ct));
        api.MapGet("/health", (ArticleApi handlers) => handlers.Health());
        return routes;
    }

    /// <summary>Only <see cref="LocalTriggers"/> are functions; without this the SDK scans every loaded assembly.</summary>
    private sealed class LocalTypeLocator : ITypeLocator
    {
        public IReadOnlyList<Type> GetTypes() => [typeof(LocalTriggers)];
    }
}
