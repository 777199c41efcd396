using Microsoft.Extensions.Options;
using Summarizer.Core;
using Summarizer.Core.Engine;
using Summarizer.Pipeline;

namespace Summarizer.Cli.Commands;

/// <summary>The settings every command reads, as the local host does: appsettings.json beside the binary, environment variables, then the command line.</summary>
internal static class CliSettings
{
    public static IConfigurationRoot Build(string[] args, IReadOnlyDictionary<string, string?>? overrides = null) =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();

    /// <summary>
    /// The summary engine the settings describe, <paramref name="engine"/> in place of <c>Summarizer:Engine</c>;
    /// null after printing each invalid setting to standard error.
    /// </summary>
    public static async Task<(ServiceProvider Services, ISummaryEngine Engine)?> EngineAsync(string[] args, string engine)
    {
        var configuration = Build(args, new Dictionary<string, string?> { [$"{PipelineNames.OptionsSection}:Engine"] = engine });
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSummaryEngine()
            .BuildServiceProvider();
        try
        {
            return (services, services.GetRequiredService<ISummaryEngine>());
        }
        catch (OptionsValidationException invalid)
        {
            foreach (var failure in invalid.Failures)
            {
                await Console.Error.WriteLineAsync($"Invalid setting: {failure}");
            }
            await services.DisposeAsync();
            return null;
        }
    }
}
