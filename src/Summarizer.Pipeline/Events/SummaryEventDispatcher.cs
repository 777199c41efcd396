using System.Threading.Channels;
using Azure.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Summarizer.Core.Documents;

namespace Summarizer.Pipeline.Events;

/// <summary>
/// Change notifications, off the summarize stage's path: <see cref="Publish"/> only queues the event in memory, and
/// this service delivers it (up to <see cref="Concurrency"/> at once) through the configured <see cref="ISummaryEvents"/>.
/// A delivery that finally fails is logged as an error with the event id, article and content hash; the summary stays
/// published, and a receiver catches up with <c>GET /api/summaries</c>. On shutdown, queued events are still delivered
/// until the host's shutdown timeout; events still queued when the process dies are lost the same way.
/// </summary>
public sealed partial class SummaryEventDispatcher : IHostedService, IDisposable
{
    /// <summary>Deliveries in flight at once: one slow receiver must not hold up the others' events.</summary>
    public const int Concurrency = 8;

    /// <summary>Events waiting beyond this (receivers away for long under heavy load) are dropped and logged, never waited for.</summary>
    public const int Capacity = 10_000;

    private readonly ISummaryEvents? _events;
    private readonly Uri _publicBaseUrl;
    private readonly TimeProvider _time;
    private readonly ILogger<SummaryEventDispatcher> _logger;
    private readonly Channel<Queued> _queue =
        Channel.CreateBounded<Queued>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _abort = new();
    private Task _delivering = Task.CompletedTask;

    /// <param name="events">The configured destination; null when none is configured, and then nothing is sent.</param>
    public SummaryEventDispatcher(IOptions<SummarizerOptions> options, TimeProvider time, ILogger<SummaryEventDispatcher> logger, ISummaryEvents? events = null)
    {
        _events = events;
        _publicBaseUrl = options.Value.PublicBaseUrl;
        _time = time;
        _logger = logger;
    }

    /// <summary>Where events go, as configured; null: nowhere.</summary>
    public ISummaryEvents? Destination => _events;

    /// <summary>Announces that the summary of <paramref name="id"/> was published for <paramref name="contentHash"/>. Never blocks, never throws.</summary>
    public void Publish(string id, string headline, string contentHash)
    {
        if (_events is null)
        {
            return;
        }
        Enqueue(SummaryPublished.Type, id, contentHash, new SummaryPublished(id, headline, SummaryUrl(_publicBaseUrl, id), contentHash));
    }

    /// <summary>Announces that the story <paramref name="id"/> was withdrawn and its summary is no longer served. Never blocks, never throws.</summary>
    public void Withdrawn(string id, string reason, DateTimeOffset withdrawnAt, string contentHash)
    {
        if (_events is null)
        {
            return;
        }
        Enqueue(SummaryWithdrawn.Type, id, contentHash, new SummaryWithdrawn(id, SummaryUrl(_publicBaseUrl, id), reason, withdrawnAt, contentHash));
    }

    private void Enqueue<T>(string type, string id, string contentHash, T data)
    {
        var cloudEvent = new CloudEvent(SummaryPublished.Source, type,
            BinaryData.FromObjectAsJson(data, DocumentJson.Options), "application/json", CloudEventDataFormat.Json)
        {
            // A new id per announcement (the same on every retry of it): receivers deduplicate on it.
            Id = Guid.NewGuid().ToString(),
            Time = _time.GetUtcNow(),
            Subject = id,
        };
        if (!_queue.Writer.TryWrite(new Queued(cloudEvent, id, contentHash)))
        {
            LogDropped(cloudEvent.Id, id, contentHash, Capacity);
        }
    }

    /// <summary>An event waiting for delivery, with what its log lines name.</summary>
    private sealed record Queued(CloudEvent Event, string Id, string ContentHash);

    /// <summary>Where the summary is read: <c>{PublicBaseUrl}/api/summaries/{id}</c>.</summary>
    public static Uri SummaryUrl(Uri publicBaseUrl, string id) =>
        new($"{publicBaseUrl.AbsoluteUri.TrimEnd('/')}/api/summaries/{Uri.EscapeDataString(id)}");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_events is not null)
        {
            _delivering = Task.Run(() => DeliverAllAsync(_events, _abort.Token), CancellationToken.None);
        }
        return Task.CompletedTask;
    }

    /// <summary>Takes no more events and delivers those queued, until <paramref name="cancellationToken"/> (the shutdown timeout) says stop.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        using (cancellationToken.Register(_abort.Cancel))
        {
            await _delivering.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        while (_queue.Reader.TryRead(out var left))
        {
            LogUndelivered(left.Event.Id, left.Id, left.ContentHash);
        }
    }

    public void Dispose() => _abort.Dispose();

    private Task DeliverAllAsync(ISummaryEvents events, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            _queue.Reader.ReadAllAsync(cancellationToken),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (item, ct) =>
            {
                try
                {
                    await events.SendAsync(item.Event, ct);
                    LogPublished(item.Event.Id, item.Event.Type, item.Id, item.ContentHash);
                }
                catch (SummaryEventDeliveryException ex)
                {
                    LogFailed(item.Event.Id, item.Id, item.ContentHash, ex.Message);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // A credential or configuration fault: recorded with its exception; the summary stays published.
                    LogFailedWithException(ex, item.Event.Id, item.Id, item.ContentHash);
                }
            });

    [LoggerMessage(20, LogLevel.Information, "Change notification {EventId} sent: {EventType} for {Id} (content {ContentHash})")]
    private partial void LogPublished(string eventId, string eventType, string id, string contentHash);

    [LoggerMessage(23, LogLevel.Error, "Change notification {EventId} for {Id} (content {ContentHash}) was not delivered: {Failures} The summary stays published")]
    private partial void LogFailed(string eventId, string id, string contentHash, string failures);

    [LoggerMessage(24, LogLevel.Error, "Change notification {EventId} for {Id} (content {ContentHash}) was not delivered; the summary stays published")]
    private partial void LogFailedWithException(Exception exception, string eventId, string id, string contentHash);

    [LoggerMessage(25, LogLevel.Error, "Change notification {EventId} for {Id} (content {ContentHash}) was dropped: the host is stopping, or {Capacity} events already wait for delivery")]
    private partial void LogDropped(string eventId, string id, string contentHash, int capacity);

    [LoggerMessage(26, LogLevel.Error, "Change notification {EventId} for {Id} (content {ContentHash}) was not delivered before the host stopped")]
    private partial void LogUndelivered(string eventId, string id, string contentHash);
}
