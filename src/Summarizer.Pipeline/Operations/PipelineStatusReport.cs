using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Summarizer.Core;
using Summarizer.Pipeline.Storage;

namespace Summarizer.Pipeline.Operations;

/// <summary>The pipeline at a glance: articles per state, the failed ones (newest first), and messages waiting in <c>summarize-poison</c>.</summary>
public sealed record PipelineStatus(IReadOnlyDictionary<ArticleState, int> Counts, IReadOnlyList<ArticleStatus> Failed, int PoisonMessages)
{
    public int Total => Counts.Values.Sum();
}

/// <summary>Reads every article's status and the poison queue's length, for <c>summarizer status</c>.</summary>
public sealed class PipelineStatusReport(ArticleStatusStore statuses, TableServiceClient tables, QueueServiceClient queues)
{
    /// <exception cref="StorageAccessException">Storage is unreachable, refuses access or is misconfigured.</exception>
    public async Task<PipelineStatus> ReadAsync(CancellationToken cancellationToken)
    {
        var counts = Enum.GetValues<ArticleState>().ToDictionary(state => state, _ => 0);
        var failed = new List<ArticleStatus>();
        await StorageFailure.GuardAsync(tables.Uri, async () =>
        {
            try
            {
                await foreach (var status in statuses.ListAsync(cancellationToken))
                {
                    counts[status.Status]++;
                    if (status.Status == ArticleState.Failed)
                    {
                        failed.Add(status);
                    }
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // No table yet: storage the pipeline has not run against has no articles.
            }
            return true;
        }, cancellationToken);

        var poison = queues.GetQueueClient(PipelineNames.SummarizePoisonQueue);
        var poisonMessages = await StorageFailure.GuardAsync(queues.Uri, async () =>
            await poison.ExistsAsync(cancellationToken) ? (await poison.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount : 0,
            cancellationToken);

        return new PipelineStatus(counts, [.. failed.OrderByDescending(s => s.FailedAt ?? s.UpdatedAt)], poisonMessages);
    }
}
