namespace Summarizer.Pipeline.Storage;

/// <summary>
/// One upload of an article: which blob, when storage last wrote it, and its content hash once read.
/// Between two uploads of one article (one id) the later write wins; for two names written in the same second the
/// ordinal name decides, so every host, and every restart, picks the same one.
/// </summary>
public sealed record UploadVersion(string BlobName, DateTimeOffset UploadedAt, string? ContentHash = null)
{
    /// <summary>
    /// An upload whose properties were not read (its name is unsafe to use in a storage call): it counts as the oldest
    /// possible, so recording it never hides a good upload of the same id. 1601 is the table service's earliest date.
    /// </summary>
    public static UploadVersion Unread(string blobName) => new(blobName, new DateTimeOffset(1601, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>Whether this upload is the one <paramref name="status"/> records, or newer than it.</summary>
    public bool IsCurrentOrNewerThan(ArticleStatus? status) =>
        status?.UploadedAt is not { } known
        || UploadedAt > known
        || UploadedAt == known && (BlobName == status.BlobName || string.CompareOrdinal(BlobName, status.BlobName) > 0);
}

/// <summary>What recording an arrived upload did.</summary>
public enum ReceiveOutcome
{
    /// <summary>It is now the article's current version, waiting to be cleaned.</summary>
    Received,

    /// <summary>Its content is already the current one and cleaned: only its summarize message may be missing.</summary>
    AlreadyCleaned,

    /// <summary>Its content is already the current one and summarised: nothing to do.</summary>
    AlreadySummarized,

    /// <summary>A newer upload of the article is already known: this one changes nothing.</summary>
    Superseded,

    /// <summary>This very upload's story was withdrawn: the same upload delivered again does not bring it back (a new upload does).</summary>
    Withdrawn,
}
