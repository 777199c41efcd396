using Summarizer.Core.Documents;
using Summarizer.Pipeline.Storage;

namespace Summarizer.Pipeline.Stages;

/// <summary>What a retry request did.</summary>
public enum RetryOutcome { Queued, NotFound, NotRetryable }

/// <summary>
/// Summarises again an article whose automatic retries were spent (its status says <c>retryable</c>): a newsroom user's
/// "retry" once the model or storage is back. A refusal, a bad upload or a newer version is not retried.
/// </summary>
public sealed class RetryStage(ArticleStatusStore statuses, ArticleRepository repository)
{
    public async Task<RetryOutcome> RunAsync(string id, CancellationToken cancellationToken)
    {
        var status = await statuses.GetAsync(id, cancellationToken);
        if (status is null)
        {
            return RetryOutcome.NotFound;
        }
        if (status is not { Status: ArticleState.Failed, Retryable: true, ContentHash: { } contentHash })
        {
            return RetryOutcome.NotRetryable;
        }
        // The message first: if the status write then loses a race, a second message for the same content is skipped
        // by the summarize stage; the other order could leave a status saying "cleaned" with no work queued.
        await repository.EnqueueSummarizeAsync(new SummarizeMessage(id, contentHash), cancellationToken);
        await statuses.MarkRetriedAsync(id, contentHash, cancellationToken);
        return RetryOutcome.Queued;
    }
}
