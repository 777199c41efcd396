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
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>One line of <c>GET /api/summaries</c>.</summary>
public sealed record SummaryListItem(string Id, string Headline, DateTimeOffset SummarizedAt);

/// <summary>A page of summaries, newest first; pass <see cref="ContinuationToken"/> back for the next page.</summary>
public sealed record SummaryPage(IReadOnlyList<SummaryListItem> Items, string? ContinuationToken);
