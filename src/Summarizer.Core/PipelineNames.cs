namespace Summarizer.Core;

/// <summary>The names every host, test and the infrastructure share (DESIGN.md, "Names that everything shares").</summary>
public static class PipelineNames
{
    public const string ArticlesContainer = "articles";
    public const string CleanedContainer = "cleaned";
    public const string SummariesContainer = "summaries";
    public const string SummarizeQueue = "summarize";
    public const string SummarizePoisonQueue = SummarizeQueue + "-poison";

    /// <summary>Attempts a summarize message (and, locally, an upload) gets before it is set aside: host.json's maxDequeueCount.</summary>
    public const int MaxAttempts = 5;
    public const string ArticlesTable = "articles";

    /// <summary>The blob trigger path: every upload to the articles container.</summary>
    public const string ArticleBlobPath = ArticlesContainer + "/{name}";

    /// <summary>The storage connection setting: a connection string, or <c>__blobServiceUri</c> etc. for managed identity.</summary>
    public const string StorageConnection = "ArticleStorage";

    /// <summary>The options section: <c>Summarizer__Engine</c>, <c>Summarizer__MaxUploadBytes</c>, …</summary>
    public const string OptionsSection = "Summarizer";
}
