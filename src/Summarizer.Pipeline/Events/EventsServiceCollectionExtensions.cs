using Azure.Core;
using Azure.Identity;
using Azure.Messaging.EventGrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Summarizer.Pipeline.Events;

public static class EventsServiceCollectionExtensions
{
    /// <summary>
    /// Change notifications: the <see cref="SummaryEventDispatcher"/> (a hosted service) and the destination the
    /// <c>Summarizer:Events</c> settings name: the Event Grid topic, the webhooks, or none.
    /// </summary>
    public static IServiceCollection AddSummaryEvents(this IServiceCollection services)
    {
        services.AddHttpClient(WebhookSummaryEvents.HttpClientName)
            // Each attempt has its own timeout (EventsOptions.RequestTimeout), which may exceed the client's default 100 s.
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            // The sender logs each attempt itself, without the webhook's query string.
            .RemoveAllLoggers();
        services.AddSingleton(provider => new SummaryEventDispatcher(
            provider.GetRequiredService<IOptions<SummarizerOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<SummaryEventDispatcher>>(),
            Destination(provider)));
        services.AddHostedService(provider => provider.GetRequiredService<SummaryEventDispatcher>());
        return services;
    }

    private static ISummaryEvents? Destination(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<SummarizerOptions>>().Value.Events;
        if (options.TopicEndpoint is { } topic)
        {
            var client = new EventGridPublisherClient(
                topic,
                new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ClientId }),
                new EventGridPublisherClientOptions
                {
                    Retry =
                    {
                        Mode = RetryMode.Exponential,
                        MaxRetries = options.MaxAttempts - 1,
                        Delay = options.RetryDelay,
                        NetworkTimeout = options.RequestTimeout,
                    },
                });
            return new EventGridSummaryEvents(client, topic);
        }
        return options.WebhookUrls.Count > 0
            ? new WebhookSummaryEvents(
                provider.GetRequiredService<IHttpClientFactory>(),
                options,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<WebhookSummaryEvents>>())
            : null;
    }
}
