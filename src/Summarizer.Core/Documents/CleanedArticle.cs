namespace Summarizer.Core.Documents;

/// <summary>An article after cleaning: the text every engine reads and every evidence offset points into.</summary>
public sealed record CleanedArticle
{
    public const int CurrentSchemaVersion = 1;

    public required string Id { get; init; }
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public string? Title { get; init; }
    public string? Byline { get; init; }
    public string? Dateline { get; init; }
    /// <summary>The page's canonical URL (link rel=canonical or og:url), when an HTML upload declares one.</summary>
    public string? CanonicalUrl { get; init; }
    /// <summary>The page's declared language as a BCP 47 tag ("en", "en-GB"), when an HTML upload declares one.</summary>
    public string? Language { get; init; }
    /// <summary>What the upload was recognised as: "text", "markdown", "html", "docx", "pdf", "email", "ninjs" or "newsml-g2".</summary>
    public required string Format { get; init; }
    /// <summary>The wire item's identity, version and status, when the upload is one (ninjs, NewsML-G2).</summary>
    public WireInfo? Wire { get; init; }
    /// <summary>The character encoding the bytes were decoded with.</summary>
    public required string Encoding { get; init; }
    /// <summary>The kept paragraphs joined by blank lines; evidence offsets index into this.</summary>
    public required string Text { get; init; }
    public required IReadOnlyList<string> Paragraphs { get; init; }
    public IReadOnlyList<RemovedBlock> Removed { get; init; } = [];
    public SourceInfo? Source { get; init; }
}

/// <summary>A block the cleaner dropped, and why, so an editor can audit the cleaning.</summary>
public sealed record RemovedBlock(string Text, string Reason);

/// <summary>Where a document came from: the raw upload it was derived from.</summary>
public sealed record SourceInfo(string BlobName, string ContentHash, string ContentType, long Bytes, DateTimeOffset UploadedAt);
