using Summarizer.Core.Documents;
using Summarizer.Core.Engine;

namespace Summarizer.Core.Tests.Engine;

/// <summary>Builds cleaned articles from short fixtures written for these tests, and runs the local engine.</summary>
internal static class TestArticles
{
    public static CleanedArticle Create(string text, string? title = null) => new()
    {
        Id = "test",
        Format = "text",
        Encoding = "utf-8",
        Title = title,
        Text = text,
        Paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries),
    };

    public static SummaryDocument Summarize(string text, string? title = null)
    {
        var article = Create(text, title);
        var draft = new LocalSummaryEngine().Summarize(article);
        return Grounding.Compose(article, draft, LocalSummaryEngine.EngineName, TimeSpan.Zero, DateTimeOffset.UnixEpoch);
    }

    public static CleanedArticle Seed()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "000_3facca137411f480.txt")).Replace("\r\n", "\n", StringComparison.Ordinal);
        return Create(text);
    }
}
