using System.ComponentModel.DataAnnotations;

namespace Summarizer.Pipeline.Events;

/// <summary>
/// The <c>Summarizer:Events</c> section: where change notifications go. An Event Grid custom topic (Azure), or webhook
/// URLs (anywhere), or neither (nothing is sent); not both, since an Event Grid subscription delivers to webhooks itself.
/// </summary>
public sealed class EventsOptions
{
    /// <summary>The Event Grid custom topic's endpoint (CloudEvents 1.0 input schema), published to with the managed identity.</summary>
    public Uri? TopicEndpoint { get; set; }

    /// <summary>Client id of a user-assigned managed identity for the topic; empty: the default credential chain.</summary>
    public string? ClientId { get; set; }

    /// <summary>Receivers that get each event as an HTTP POST in CloudEvents structured mode, signed with <see cref="WebhookSecret"/>.</summary>
    public List<Uri?> Webhooks { get; set; } = [];

    /// <summary>The shared secret of the HMAC-SHA256 signature header; required with webhooks.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Attempts per delivery, the first included: 5xx, 408, 429, timeouts and refused connections are retried.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first back-off; it doubles with each attempt (1, 2, 4, 8 s by default).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one delivery attempt may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The webhook URLs that are set (configuration gives an empty entry as null).</summary>
    internal IReadOnlyList<Uri> WebhookUrls => [.. Webhooks.OfType<Uri>()];

    /// <summary>The reasons these settings cannot be used, one sentence each naming the setting to fix.</summary>
    internal IEnumerable<string> Problems()
    {
        if (TopicEndpoint is not null && !IsAbsolute(TopicEndpoint, Uri.UriSchemeHttps))
        {
            yield return "Summarizer:Events:TopicEndpoint must be the https URL of the Event Grid topic (https://NAME.REGION-1.eventgrid.azure.net/api/events).";
        }
        for (var i = 0; i < Webhooks.Count; i++)
        {
            if (Webhooks[i] is { } webhook && !IsAbsolute(webhook, Uri.UriSchemeHttps) && !IsAbsolute(webhook, Uri.UriSchemeHttp))
            {
                yield return $"Summarizer:Events:Webhooks:{i} must be an absolute http or https URL.";
            }
        }
        if (TopicEndpoint is not null && WebhookUrls.Count > 0)
        {
            yield return "Set either Summarizer:Events:TopicEndpoint or Summarizer:Events:Webhooks, not both: with Event Grid, subscribe the webhooks to the topic.";
        }
        if (WebhookUrls.Count > 0 && (WebhookSecret?.Length ?? 0) < MinimumSecretLength)
        {
            yield return $"Summarizer:Events:WebhookSecret must be set, at least {MinimumSecretLength} characters, so receivers can verify each event's signature.";
        }
    }

    internal const int MinimumSecretLength = 16;

    private static bool IsAbsolute(Uri uri, string scheme) => uri.IsAbsoluteUri && uri.Scheme == scheme && uri.Host.Length > 0;
}
