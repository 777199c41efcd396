using Microsoft.Extensions.Options;
using Summarizer.Cli.Hosting;

namespace Summarizer.IntegrationTests;

/// <summary>A host with bad settings refuses to start and names the setting to fix.</summary>
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("Summarizer:Engine", "gpt", "Summarizer:Engine must be 'local' or 'azure-openai'")]
    [InlineData("Summarizer:MaxUploadBytes", "0", "MaxUploadBytes")]
    [InlineData("Summarizer:Engine", "azure-openai", "Summarizer:AzureOpenAI:Endpoint")]
    [InlineData("Urls", "http://0.0.0.0:0", "Summarizer:ApiKey is required: the host listens on http://0.0.0.0:0")]
    [InlineData("Urls", "http://*:0", "Summarizer:ApiKey is required")]
    public async Task A_bad_setting_stops_the_host_with_a_message_naming_it(string key, string value, string message)
    {
        await using var host = LocalHost.Build([], new Dictionary<string, string?>
        {
            ["ArticleStorage"] = "UseDevelopmentStorage=true",
            ["Urls"] = "http://127.0.0.1:0",
            [key] = value,
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
