namespace Summarizer.Pipeline.Storage;

/// <summary>Where an article is in the pipeline.</summary>
/// <remarks><see cref="Withdrawn"/>: the story was killed (by the newsroom or a wire item); its summary is no longer served.</remarks>
public enum ArticleState { Received, Cleaned, Summarized, Failed, Withdrawn }

/// <summary>The stage an article's state was last set by.</summary>
public static class PipelineStage
{
    public const string Upload = "upload";
    public const string Clean = "clean";
    public const string Summarize = "summarize";
    public const string Withdraw = "withdraw";
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
    /// <summary>When the story was withdrawn (killed); <see cref="Reason"/> says why.</summary>
    public DateTimeOffset? WithdrawnAt { get; init; }
    /// <summary>Whether a retry can help: the stage's automatic retries were spent on something that may since have recovered.</summary>
    public bool Retryable { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>One line of <c>GET /api/summaries</c>.</summary>
/// <param name="WithdrawnAt">When the story was withdrawn; listed only when asked for (<c>includeWithdrawn=true</c>).</param>
public sealed record SummaryListItem(string Id, string Headline, DateTimeOffset SummarizedAt, DateTimeOffset? WithdrawnAt = null);

/// <summary>
/// A page of summaries, newest first; pass <see cref="ContinuationToken"/> back for the next page, and
/// <see cref="Cursor"/> back as <c>since</c> later to get only what was published after this listing.
/// </summary>
public sealed record SummaryPage(IReadOnlyList<SummaryListItem> Items, string? ContinuationToken, string Cursor);

/// <summary>What <c>GET /api/summaries</c> narrows to: published after a cursor or time, naming an actor or a venue.</summary>
public sealed record SummaryQuery(string? Since = null, string? Actor = null, string? Venue = null, bool IncludeWithdrawn = false);

/// <summary>A page of article statuses in id order.</summary>
public sealed record StatusPage(IReadOnlyList<ArticleStatus> Items, string? ContinuationToken);

/// <summary>
/// One version of a story, as listed by <c>GET /api/articles/{id}/versions</c>: distinct content, numbered by the wire
/// item's own version where it has one, else 1, 2, 3 in order of arrival.
/// </summary>
public sealed record ArticleVersion
{
    public required int Version { get; init; }
    /// <summary>sha256 of the upload, as in the summary's <c>source.contentHash</c>.</summary>
    public required string ContentHash { get; init; }
    public required string BlobName { get; init; }
    /// <summary>When this version was cleaned and numbered.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }
    /// <summary>How far this version got: cleaned, or summarized (its summary is kept and served with <c>?version=N</c>).</summary>
    public required ArticleState Status { get; init; }
    public DateTimeOffset? SummarizedAt { get; init; }
    /// <summary>The wire item's <c>pubStatus</c> (usable, withdrawn, canceled), when the version is a wire item.</summary>
    public string? PubStatus { get; init; }
}
