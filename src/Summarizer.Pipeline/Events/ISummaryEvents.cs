using Azure.Messaging;

namespace Summarizer.Pipeline.Events;

/// <summary>Where change notifications go: an Event Grid topic or webhooks, chosen from configuration (none: nothing is sent).</summary>
public interface ISummaryEvents
{
    /// <summary>Delivers one event, retrying as the destination allows.</summary>
    /// <exception cref="SummaryEventDeliveryException">The event could not be delivered to one or more destinations.</exception>
    Task SendAsync(CloudEvent cloudEvent, CancellationToken cancellationToken);
}

/// <summary>An event that was not delivered after every attempt; the message says where and why, without secrets.</summary>
public sealed class SummaryEventDeliveryException(string message, Exception? innerException = null) : Exception(message, innerException);
