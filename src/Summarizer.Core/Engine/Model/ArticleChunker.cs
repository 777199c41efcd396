using System.Text.RegularExpressions;

namespace Summarizer.Core.Engine.Model;

/// <summary>Splits a long article into parts under a token budget, on paragraph boundaries (sentences when one paragraph is too long).</summary>
public static partial class ArticleChunker
{
    public static IReadOnlyList<string> Split(IReadOnlyList<string> paragraphs, int tokenBudget, Func<string, int> countTokens)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        ArgumentNullException.ThrowIfNull(countTokens);
        ArgumentOutOfRangeException.ThrowIfLessThan(tokenBudget, 1);

        var chunks = new List<string>();
        var current = new List<string>();
        var currentTokens = 0;
        foreach (var piece in paragraphs.SelectMany(p => countTokens(p) > tokenBudget ? Sentences(p) : [p]))
        {
            var tokens = countTokens(piece);
            if (current.Count > 0 && currentTokens + tokens > tokenBudget)
            {
                chunks.Add(string.Join("\n\n", current));
                current.Clear();
                currentTokens = 0;
            }
            current.Add(piece);
            currentTokens += tokens;
        }
        if (current.Count > 0)
        {
            chunks.Add(string.Join("\n\n", current));
        }
        return chunks;
    }

    private static string[] Sentences(string paragraph) => SentenceEnd().Split(paragraph);

    [GeneratedRegex(@"(?<=[.!?][""”’)]?)\s+(?=[\p{Lu}""“])")]
    private static partial Regex SentenceEnd();
}
