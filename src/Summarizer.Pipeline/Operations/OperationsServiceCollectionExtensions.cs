using Azure.Core;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;

namespace Summarizer.Pipeline.Operations;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>
    /// The ops services (<see cref="PoisonQueueReplay"/>, <see cref="PipelineStatusReport"/>) on top of
    /// <see cref="PipelineServiceCollectionExtensions.AddSummarizerPipeline"/>, for one-shot commands without a host.
    /// Their storage clients give up within seconds: a person waiting at a prompt wants to hear that storage is down,
    /// not the SDK's default retries and 100 s timeouts. Not for hosts, whose triggers should ride out faults.
    /// </summary>
    public static IServiceCollection AddPipelineOperations(this IServiceCollection services)
    {
        services.AddAzureClients(clients => clients.ConfigureDefaults(options =>
        {
            options.Retry.Mode = RetryMode.Fixed;
            options.Retry.MaxRetries = 2;
            options.Retry.Delay = TimeSpan.FromMilliseconds(300);
            options.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        }));
        services.AddSingleton<PoisonQueueReplay>();
        services.AddSingleton<PipelineStatusReport>();
        return services;
    }

    /// <summary>Resolves an ops service; a storage setting the clients cannot use becomes a <see cref="StorageAccessException"/>.</summary>
    /// <exception cref="StorageAccessException">The storage setting is not usable.</exception>
    public static T GetOperationsService<T>(this IServiceProvider services) where T : notnull
    {
        try
        {
            return services.GetRequiredService<T>();
        }
        catch (Exception ex) when (StorageFailure.DescribeSetting(ex) is { } message)
        {
            throw new StorageAccessException(message, ex);
        }
    }
}
