using Summarizer.Pipeline;
using Summarizer.Pipeline.Operations;

namespace Summarizer.Cli.Commands;

/// <summary>
/// Runs an ops command against the storage <c>serve</c> uses (settings from <see cref="CliSettings"/>), without a host.
/// Storage that is down or misconfigured is one line on standard error and a non-zero exit, never a stack trace.
/// </summary>
internal static class StorageCommand
{
    public const int StorageUnusable = 3;

    public static async Task<int> RunAsync<TService>(IReadOnlyList<string> args, Func<TService, Task<int>> run) where TService : notnull
    {
        var configuration = CliSettings.Build([.. args]);
        ServiceProvider services;
        try
        {
            services = new ServiceCollection()
                .AddSingleton<IConfiguration>(configuration)
                .AddLogging()
                .AddSummarizerPipeline(configuration)
                .AddPipelineOperations()
                .BuildServiceProvider();
        }
        catch (InvalidOperationException ex)
        {
            // Neither a connection string nor service URIs: the message names the settings.
            await Console.Error.WriteLineAsync(ex.Message);
            return StorageUnusable;
        }
        await using (services)
        {
            try
            {
                return await run(services.GetOperationsService<TService>());
            }
            catch (StorageAccessException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return StorageUnusable;
            }
        }
    }
}
