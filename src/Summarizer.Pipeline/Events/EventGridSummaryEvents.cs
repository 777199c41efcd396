using Azure;
using Azure.Messaging;
using Azure.Messaging.EventGrid;

namespace Summarizer.Pipeline.Events;

/// <summary>
/// Publishes each event to the Event Grid custom topic (CloudEvents 1.0 input schema) as the app's managed identity,
/// which holds <c>EventGrid Data Sender</c> on it; subscribers are Event Grid subscriptions. The client retries
/// transient failures (<see cref="EventsOptions.MaxAttempts"/>, <see cref="EventsOptions.RetryDelay"/> doubling).
/// </summary>
public sealed class EventGridSummaryEvents(EventGridPublisherClient client, Uri topicEndpoint) : ISummaryEvents
{
    public Uri TopicEndpoint { get; } = topicEndpoint;

    public async Task SendAsync(CloudEvent cloudEvent, CancellationToken cancellationToken)
    {
        try
        {
            await client.SendEventAsync(cloudEvent, cancellationToken);
        }
        catch (RequestFailedException ex)
        {
            throw new SummaryEventDeliveryException($"{TopicEndpoint.GetLeftPart(UriPartial.Path)}: HTTP {ex.Status} ({ex.ErrorCode ?? "no error code"}).", ex);
        }
    }
}
