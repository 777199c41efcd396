using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Summarizer.Core;
using Summarizer.Core.Cleaning;
using Summarizer.Core.Engine;
using Summarizer.Pipeline.AzureOpenAI;
using Summarizer.Pipeline.Events;
using Summarizer.Pipeline.Http;
using Summarizer.Pipeline.Stages;
using Summarizer.Pipeline.Storage;

namespace Summarizer.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>Everything a host needs to run the pipeline: options, storage clients, stages, engine and HTTP handlers.</summary>
    public static IServiceCollection AddSummarizerPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSummaryEngine();
        services.AddArticleStorage(configuration);
        // First among the hosted services, so the triggers start listening on containers and queues that exist.
        services.AddHostedService<StorageInitializer>();
        // Before the triggers' hosted services, so that it stops after them and still delivers what they published.
        services.AddSummaryEvents();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PipelineHealth>();
        services.AddSingleton<ArticleCleaner>();
        services.AddSingleton<ArticleRepository>();
        services.AddSingleton<ArticleStatusStore>();
        services.AddSingleton<ArticleVersionStore>();
        services.AddSingleton<LargeArticleGate>();
        services.AddSingleton<UploadStage>();
        services.AddSingleton<CleanStage>();
        services.AddSingleton<SummarizeStage>();
        services.AddSingleton<RetryStage>();
        services.AddSingleton<WithdrawStage>();
        services.AddSingleton<SummaryCache>();
        services.AddSingleton<ArticleApi>();
        return services;
    }

    /// <summary>
    /// The <c>Summarizer</c> options (bound from the configuration, validated on start) and the engine they name.
    /// Without storage, for commands that summarise files.
    /// </summary>
    public static IServiceCollection AddSummaryEngine(this IServiceCollection services)
    {
        services.AddOptions<SummarizerOptions>()
            .BindConfiguration(PipelineNames.OptionsSection)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SummarizerOptions>, SummarizerOptionsValidator>();
        services.AddSingleton<LocalSummaryEngine>();
        services.AddAzureOpenAIEngine();
        services.AddSingleton<ISummaryEngine>(provider =>
            provider.GetRequiredService<IOptions<SummarizerOptions>>().Value.Engine == AzureOpenAISummaryEngine.EngineName
                ? provider.GetRequiredService<AzureOpenAISummaryEngine>()
                : provider.GetRequiredService<LocalSummaryEngine>());
        return services;
    }

    /// <summary>
    /// The blob, queue and table clients, registered once, from the <c>ArticleStorage</c> setting: a connection string
    /// (Azurite, development), or <c>ArticleStorage__blobServiceUri</c>/<c>__queueServiceUri</c>/<c>__tableServiceUri</c>
    /// with a managed identity (Azure). The SDK's own retry policy handles transient faults.
    /// </summary>
    private static void AddArticleStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = configuration.GetSection(PipelineNames.StorageConnection);
        var connectionString = storage.Value ?? configuration.GetConnectionString(PipelineNames.StorageConnection);

        services.AddAzureClients(clients =>
        {
            // A few quick retries ride out a blip; longer outages are the triggers' to wait out (they back off and
            // retry), and an HTTP caller gets a 503 in seconds instead of after the SDK's default half minute.
            clients.ConfigureDefaults(options =>
            {
                options.Retry.MaxRetries = 3;
                options.Retry.Delay = TimeSpan.FromMilliseconds(500);
                options.Retry.MaxDelay = TimeSpan.FromSeconds(4);
                options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
            });
            if (!string.IsNullOrWhiteSpace(connectionString))
            {
                clients.AddBlobServiceClient(connectionString);
                clients.AddQueueServiceClient(connectionString).ConfigureOptions(o => o.MessageEncoding = QueueMessageEncoding.Base64);
                clients.AddTableServiceClient(connectionString);
            }
            else
            {
                clients.AddBlobServiceClient(RequiredUri(storage, "blobServiceUri"));
                clients.AddQueueServiceClient(RequiredUri(storage, "queueServiceUri")).ConfigureOptions(o => o.MessageEncoding = QueueMessageEncoding.Base64);
                clients.AddTableServiceClient(RequiredUri(storage, "tableServiceUri"));
                clients.UseCredential(new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = storage["clientId"] }));
            }
        });
    }

    private static Uri RequiredUri(IConfigurationSection storage, string key) =>
        Uri.TryCreate(storage[key], UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException(
                $"Storage is not configured: set {storage.Path} to a connection string, or {storage.Path}__{key} (with the other service URIs) for a managed identity.");
}
