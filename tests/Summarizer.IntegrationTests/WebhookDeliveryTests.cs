using Azure.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Summarizer.Pipeline.Events;

namespace Summarizer.IntegrationTests;

/// <summary>The webhook sender against real receivers: one that is not there yet, one that never accepts.</summary>
public sealed class WebhookDeliveryTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_refused_connection_is_tried_again_until_the_receiver_is_up()
    {
        var port = WebhookReceiver.FreePort();
        var sender = Sender(new Uri($"http://127.0.0.1:{port}/ok"), retryDelay: TimeSpan.FromMilliseconds(400));
        await using var receiver = new WebhookReceiver(port);

        // Nothing listens yet: the first attempt is refused; the receiver starts before the second.
        var sending = sender.SendAsync(Event("late-receiver"), Cancel);
        await Task.Delay(150, Cancel);
        Assert.False(sending.IsCompleted);
        await receiver.StartAsync();
        await sending;

        Assert.Single(receiver.To("ok", "late-receiver"));
    }

    [Fact]
    public async Task A_receiver_that_does_not_answer_in_time_gets_the_event_again()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var sender = Sender(receiver.Slow, retryDelay: TimeSpan.FromMilliseconds(100), requestTimeout: TimeSpan.FromSeconds(1));
        var started = DateTimeOffset.UtcNow;

        await sender.SendAsync(Event("slow-receiver"), Cancel);

        var deliveries = receiver.To("slow", "slow-receiver");
        Assert.Equal(2, deliveries.Count);
        Assert.Equal(deliveries[0].Body, deliveries[1].Body);
        // Given up on after the request timeout, not after the receiver's late answer.
        Assert.True(DateTimeOffset.UtcNow - started < WebhookReceiver.SlowAnswer, $"took {(DateTimeOffset.UtcNow - started).TotalSeconds} s");
    }

    [Fact]
    public async Task A_delivery_that_finally_fails_names_the_receiver_without_its_query_and_the_last_answer()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var sender = Sender(new Uri(receiver.Refuses, "?token=receivers-own-token"), retryDelay: TimeSpan.Zero);

        var failure = await Assert.ThrowsAsync<SummaryEventDeliveryException>(() => sender.SendAsync(Event("refused"), Cancel));

        Assert.Equal($"{receiver.Refuses}: HTTP 400 after 1 attempt.", failure.Message);
        Assert.DoesNotContain("token", failure.Message, StringComparison.Ordinal);
    }

    private static WebhookSummaryEvents Sender(Uri webhook, TimeSpan retryDelay, TimeSpan? requestTimeout = null)
    {
        var services = new ServiceCollection().AddSingleton(TimeProvider.System).AddLogging().AddSummaryEvents().BuildServiceProvider();
        var options = new EventsOptions
        {
            Webhooks = [webhook],
            WebhookSecret = "a-secret-for-these-tests",
            RetryDelay = retryDelay,
            RequestTimeout = requestTimeout ?? new EventsOptions().RequestTimeout,
        };
        return new WebhookSummaryEvents(services.GetRequiredService<IHttpClientFactory>(), options, TimeProvider.System, NullLogger<WebhookSummaryEvents>.Instance);
    }

    private static CloudEvent Event(string articleId) =>
        new(SummaryPublished.Source, SummaryPublished.Type,
            BinaryData.FromObjectAsJson(new { id = articleId, headline = "A headline", summaryUrl = "http://localhost:7071/api/summaries/" + articleId, contentHash = "00" }),
            "application/json", CloudEventDataFormat.Json);
}
