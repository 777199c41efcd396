using Microsoft.Extensions.Logging;
using Summarizer.Pipeline.Events;
using Summarizer.Pipeline.Http;
using Summarizer.Pipeline.Storage;

namespace Summarizer.Pipeline.Stages;

/// <summary>
/// Withdraws (kills) a story, for the newsroom (<c>DELETE /api/articles/{id}</c>) or a wire item whose
/// <c>pubStatus</c> is withdrawn or canceled: its status says withdrawn with the reason and time, its newest summary
/// is no longer served (<c>410 Gone</c>), the list leaves it out, and a <c>Summarizer.SummaryWithdrawn</c> event is
/// sent. The raw upload, the cleaned documents and the summaries kept per version stay, for audit. A new upload of
/// the story makes it current again.
/// </summary>
public sealed class WithdrawStage(
    ArticleStatusStore statuses, ArticleRepository repository, SummaryCache served, SummaryEventDispatcher events, ILogger<WithdrawStage> logger)
{
    /// <summary>The reason recorded when a wire item takes its story back.</summary>
    public static string WireReason(string pubStatus) => $"withdrawn by the wire (pubStatus {pubStatus})";

    /// <summary>The story's status once withdrawn (its first withdrawal's reason and time when it already was); null when there is no such article.</summary>
    public async Task<ArticleStatus?> RunAsync(string id, string reason, CancellationToken cancellationToken)
    {
        var (status, applied) = await statuses.MarkWithdrawnAsync(id, reason, cancellationToken);
        if (status is not { Status: ArticleState.Withdrawn, WithdrawnAt: { } withdrawnAt })
        {
            return status;
        }
        // The status first, then the blob: a summary being published at this moment either lands before the delete,
        // or finds the status withdrawn when it marks itself summarised, and removes what it wrote (SummarizeStage).
        await repository.DeleteNewestSummaryAsync(id, cancellationToken);
        served.Stored(id);
        if (applied)
        {
            logger.Withdrew(id, status.ContentHash ?? string.Empty, reason);
            events.Withdrawn(id, status.Reason ?? reason, withdrawnAt, status.ContentHash ?? string.Empty);
        }
        return status;
    }
}
