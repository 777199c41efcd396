namespace Summarizer.Core.Cleaning;

/// <summary>
/// The upload cannot become an article (empty, binary, undecodable, too large). The message is written for the
/// person who uploaded it; retrying cannot help, so the pipeline records it as the article's failure reason.
/// </summary>
public sealed class ArticleRejectedException : Exception
{
    public ArticleRejectedException(string message) : base(message) { }

    public ArticleRejectedException(string message, Exception innerException) : base(message, innerException) { }

    public ArticleRejectedException() { }
}
