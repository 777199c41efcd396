using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Summarizer.Cli.Hosting;
using Summarizer.Pipeline.Events;

namespace Summarizer.IntegrationTests;

/// <summary>The change-notification settings choose where events go, and bad ones stop the host naming the setting.</summary>
public sealed class EventsConfigurationTests
{
    private const string TopicEndpoint = "https://summaries.westeurope-1.eventgrid.azure.net/api/events";

    [Fact]
    public async Task A_topic_endpoint_sends_events_to_event_grid()
    {
        await using var host = Host(new() { ["Summarizer:Events:TopicEndpoint"] = TopicEndpoint, ["Summarizer:Events:ClientId"] = "00000000-0000-0000-0000-000000000001" });

        var destination = Assert.IsType<EventGridSummaryEvents>(Destination(host));

        Assert.Equal(new Uri(TopicEndpoint), destination.TopicEndpoint);
    }

    [Fact]
    public async Task Webhook_urls_send_events_to_each_of_them()
    {
        await using var host = Host(new()
        {
            ["Summarizer:Events:Webhooks:0"] = "http://127.0.0.1:5005/hooks/summaries",
            ["Summarizer:Events:Webhooks:1"] = "https://downstream.example/events",
            ["Summarizer:Events:WebhookSecret"] = "sixteen-or-more-characters",
        });

        var destination = Assert.IsType<WebhookSummaryEvents>(Destination(host));

        Assert.Equal([new Uri("http://127.0.0.1:5005/hooks/summaries"), new Uri("https://downstream.example/events")], destination.Webhooks);
    }

    [Fact]
    public async Task Without_a_topic_or_webhooks_nothing_is_sent()
    {
        // The settings file's empty entries (local.settings.sample.json) count as not set.
        await using var host = Host(new() { ["Summarizer:Events:TopicEndpoint"] = "", ["Summarizer:Events:Webhooks:0"] = "" });

        Assert.Null(Destination(host));
    }

    [Theory]
    [InlineData("Summarizer:Events:TopicEndpoint", "not a url", "Summarizer:Events:TopicEndpoint must be the https URL")]
    [InlineData("Summarizer:Events:TopicEndpoint", "http://summaries.westeurope-1.eventgrid.azure.net/api/events", "Summarizer:Events:TopicEndpoint must be the https URL")]
    [InlineData("Summarizer:Events:Webhooks:0", "ftp://downstream.example/events", "Summarizer:Events:Webhooks:0 must be an absolute http or https URL")]
    [InlineData("Summarizer:Events:Webhooks:0", "http://downstream.example/events", "Summarizer:Events:WebhookSecret must be set")]
    [InlineData("Summarizer:Events:MaxAttempts", "0", "Summarizer:Events: The field MaxAttempts")]
    [InlineData("Summarizer:PublicBaseUrl", "summaries.example", "Summarizer:PublicBaseUrl must be the absolute http or https URL")]
    public async Task A_bad_setting_stops_the_host_with_a_message_naming_it(string key, string value, string message)
    {
        await using var host = Host(new() { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_topic_and_webhooks_together_stop_the_host()
    {
        await using var host = Host(new()
        {
            ["Summarizer:Events:TopicEndpoint"] = TopicEndpoint,
            ["Summarizer:Events:Webhooks:0"] = "https://downstream.example/events",
            ["Summarizer:Events:WebhookSecret"] = "sixteen-or-more-characters",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Set either Summarizer:Events:TopicEndpoint or Summarizer:Events:Webhooks, not both", error.Message, StringComparison.Ordinal);
    }

    private static WebApplication Host(Dictionary<string, string?> settings)
    {
        settings["ArticleStorage"] = "UseDevelopmentStorage=true";
        settings["Urls"] = "http://127.0.0.1:0";
        return LocalHost.Build([], settings);
    }

    private static ISummaryEvents? Destination(WebApplication host) => host.Services.GetRequiredService<SummaryEventDispatcher>().Destination;
}
