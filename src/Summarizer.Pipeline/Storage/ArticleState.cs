namespace Summarizer.Pipeline.Storage;

/// <summary>Where an article is in the pipeline.</summary>
public enum ArticleState { Received, Cleaned, Summarized, Failed }

/// <summary>The stage an article's state was last set by.</summary>
public static class PipelineStage
{
    public const string Upload = "upload";
    public const string Clean = "clean";
    public const string Summarize = "summarize";
}

/// <summary>An article's status and history, as served by <c>GET /api/articles/{id}</c>.</summary>
public sealed record ArticleStatus
{
    public required string Id { get; init; }
    public required string BlobName { get; init; }
    public required ArticleState Status { get; init; }
    public required string Stage { get; init; }
    public string? Reason { get; init; }
    public string? ContentHash { get; init; }
    public string? Headline { get; init; }
    /// <summary>When storage wrote the upload this status is about: orders the versions of an article.</summary>
    public DateTimeOffset? UploadedAt { get; init; }
    public DateTimeOffset? ReceivedAt { get; init; }
    public DateTimeOffset? CleanedAt { get; init; }
    public DateTimeOffset? SummarizedAt { get; init; }
    public DateTimeOffset? FailedAt { get; init; }
    /// <summary>Whether a retry can help: the stage's automatic retries were spent on something that may since have recovered.</summary>
    public bool Retryable { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>One line of <c>GET /api/summaries</c>.</summary>
public sealed record SummaryListItem(string Id, string Headline, DateTimeOffset SummarizedAt);

/// <summary>
/// A page of summaries, newest first; pass <see cref="ContinuationToken"/> back for the next page, and
/// <see cref="Cursor"/> back as <c>since</c> later to get only what was published after this listing.
/// </summary>
public sealed record SummaryPage(IReadOnlyList<SummaryListItem> Items, string? ContinuationToken, string Cursor);

/// <summary>What <c>GET /api/summaries</c> narrows to: published after a cursor or time, naming an actor or a venue.</summary>
public sealed record SummaryQuery(string? Since = null, string? Actor = null, string? Venue = null);

/// <summary>A page of article statuses in id order.</summary>
public sealed record StatusPage(IReadOnlyList<ArticleStatus> Items, string? ContinuationToken);
