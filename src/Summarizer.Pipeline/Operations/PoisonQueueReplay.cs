using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Summarizer.Core;
using Summarizer.Core.Documents;

namespace Summarizer.Pipeline.Operations;

/// <summary>What a replay did: the messages moved back to <c>summarize</c>, the named ids it found no message for, and what is left.</summary>
public sealed record ReplayResult(IReadOnlyList<SummarizeMessage> Moved, IReadOnlyList<string> NotFound, int Unreadable, int Left);

/// <summary>
/// Moves messages from <c>summarize-poison</c> back to <c>summarize</c>, all of them or those for given article ids.
/// Each is sent before it is deleted: a crash in between leaves a duplicate, never a loss, and the summarize stage is idempotent.
/// </summary>
public sealed class PoisonQueueReplay(QueueServiceClient queues, ILogger<PoisonQueueReplay> logger)
{
    private const int BatchSize = 32;

    // Messages this run leaves in the queue stay invisible until the end, so every message is seen once;
    // they are made visible again at the end (or, after a crash, when this runs out).
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(2);

    /// <param name="ids">Article ids whose messages to move; empty moves every message.</param>
    /// <exception cref="StorageAccessException">Storage is unreachable, refuses access or is misconfigured.</exception>
    public Task<ReplayResult> ReplayAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var poison = queues.GetQueueClient(PipelineNames.SummarizePoisonQueue);
        var summarize = queues.GetQueueClient(PipelineNames.SummarizeQueue);
        return StorageFailure.GuardAsync(queues.Uri, () => ReplayAsync(poison, summarize, ids, cancellationToken), cancellationToken);
    }

    private async Task<ReplayResult> ReplayAsync(QueueClient poison, QueueClient summarize, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var wanted = new HashSet<string>(ids, StringComparer.OrdinalIgnoreCase);
        if (!await poison.ExistsAsync(cancellationToken))
        {
            // Nothing has ever been poisoned here (or this storage never ran the pipeline).
            return new ReplayResult([], [.. wanted], 0, 0);
        }

        var moved = new List<SummarizeMessage>();
        var kept = new List<QueueMessage>();
        var unreadable = 0;
        var summarizeExists = false;
        while ((await poison.ReceiveMessagesAsync(BatchSize, Hold, cancellationToken)).Value is { Length: > 0 } batch)
        {
            foreach (var message in batch)
            {
                var work = TryParse(message.Body);
                if (work is null)
                {
                    unreadable++;
                    kept.Add(message);
                    continue;
                }
                if (wanted.Count > 0 && !wanted.Contains(work.Id))
                {
                    kept.Add(message);
                    continue;
                }
                if (!summarizeExists)
                {
                    await summarize.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                    summarizeExists = true;
                }
                await summarize.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                logger.Replayed(work.Id, work.ContentHash, message.DequeueCount);
                moved.Add(work);
            }
        }

        foreach (var message in kept)
        {
            await poison.UpdateMessageAsync(message.MessageId, message.PopReceipt, message.Body, TimeSpan.Zero, cancellationToken);
        }
        var left = (await poison.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        var notFound = wanted.Where(id => !moved.Any(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase))).Order(StringComparer.Ordinal).ToList();
        return new ReplayResult(moved, notFound, unreadable, left);
    }

    private static SummarizeMessage? TryParse(BinaryData body)
    {
        try
        {
            return SummarizeMessage.Parse(body.ToString());
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
