using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Messaging;
using Microsoft.Extensions.Logging;

namespace Summarizer.Pipeline.Events;

/// <summary>
/// Posts each event to every configured webhook in CloudEvents structured mode (<c>application/cloudevents+json</c>),
/// signed (<see cref="WebhookSignature"/>). A 5xx, 408 or 429 answer, a timeout or a refused connection is tried
/// again after 1, 2, 4, 8 s (<see cref="EventsOptions.RetryDelay"/> doubling; a longer <c>Retry-After</c> up to a
/// minute is honoured); any other answer is final. Redirects are not followed: the receiver's URL is the one configured.
/// </summary>
public sealed partial class WebhookSummaryEvents(
    IHttpClientFactory clients, EventsOptions options, TimeProvider time, ILogger<WebhookSummaryEvents> logger) : ISummaryEvents
{
    public const string HttpClientName = "Summarizer.Webhooks";

    public const string MediaType = "application/cloudevents+json";

    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(1);

    public IReadOnlyList<Uri> Webhooks { get; } = options.WebhookUrls;

    public async Task SendAsync(CloudEvent cloudEvent, CancellationToken cancellationToken)
    {
        // Serialised once: every receiver and every attempt gets the same bytes under the same signature.
        var body = JsonSerializer.SerializeToUtf8Bytes(cloudEvent);
        var signature = WebhookSignature.Compute(options.WebhookSecret!, body);
        var failures = (await Task.WhenAll(Webhooks.Select(webhook => DeliverAsync(webhook, body, signature, cloudEvent.Id, cancellationToken))))
            .OfType<string>()
            .ToArray();
        if (failures.Length > 0)
        {
            throw new SummaryEventDeliveryException(string.Join(" ", failures));
        }
    }

    /// <returns>Null when delivered; otherwise why not, for the final failure's log line.</returns>
    private async Task<string?> DeliverAsync(Uri webhook, byte[] body, string signature, string eventId, CancellationToken cancellationToken)
    {
        // Only scheme, host and path: a query string may hold the receiver's own token.
        var receiver = webhook.GetLeftPart(UriPartial.Path);
        var http = clients.CreateClient(HttpClientName);
        for (var attempt = 1; ; attempt++)
        {
            var (outcome, retryable, retryAfter) = await PostAsync(http, webhook, body, signature, cancellationToken);
            if (outcome is null)
            {
                LogDelivered(eventId, receiver, attempt);
                return null;
            }
            if (!retryable || attempt >= options.MaxAttempts)
            {
                return $"{receiver}: {outcome} after {attempt} attempt{(attempt == 1 ? "" : "s")}.";
            }
            var backOff = options.RetryDelay * Math.Pow(2, attempt - 1);
            var wait = retryAfter is { } asked && asked > backOff ? (asked < MaxRetryAfter ? asked : MaxRetryAfter) : backOff;
            LogRetrying(eventId, receiver, attempt, options.MaxAttempts, outcome, wait.TotalSeconds);
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    private async Task<(string? Outcome, bool Retryable, TimeSpan? RetryAfter)> PostAsync(
        HttpClient http, Uri webhook, byte[] body, string signature, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(MediaType) { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.HeaderName, signature);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return (null, false, null);
            }
            var status = response.StatusCode;
            var retryable = (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
            return ($"HTTP {(int)status}", retryable, RetryAfter(response));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ($"no answer within {options.RequestTimeout.TotalSeconds:0.#} s", true, null);
        }
        catch (HttpRequestException ex)
        {
            // Refused, reset, unknown host: the receiver may be back shortly.
            return ($"not reachable ({ex.HttpRequestError})", true, null);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow(),
        _ => null,
    };

    [LoggerMessage(21, LogLevel.Debug, "Change notification {EventId} delivered to {Receiver} (attempt {Attempt})")]
    private partial void LogDelivered(string eventId, string receiver, int attempt);

    [LoggerMessage(22, LogLevel.Warning, "Change notification {EventId} to {Receiver}: attempt {Attempt} of {MaxAttempts} failed ({Outcome}); trying again in {Seconds} s")]
    private partial void LogRetrying(string eventId, string receiver, int attempt, int maxAttempts, string outcome, double seconds);
}
