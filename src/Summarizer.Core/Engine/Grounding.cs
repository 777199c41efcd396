using Summarizer.Core.Documents;

namespace Summarizer.Core.Engine;

/// <summary>
/// Publishes only what the article says: every item's quote must occur verbatim in the cleaned text.
/// Offsets are computed here, never trusted from the engine.
/// </summary>
public static class Grounding
{
    public static SummaryDocument Compose(CleanedArticle article, SummaryDraft draft, string engine, TimeSpan elapsed, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(draft);
        var dropped = 0;

        IReadOnlyList<T> Keep<T>(IReadOnlyList<T> items, Func<T, Evidence> evidence, Func<T, Evidence, T> with)
        {
            var kept = new List<T>(items.Count);
            foreach (var item in items)
            {
                if (Locate(article.Text, evidence(item)) is { } located)
                {
                    kept.Add(with(item, located));
                }
                else
                {
                    dropped++;
                }
            }
            return kept;
        }

        var actors = Keep(draft.Actors, a => a.Evidence, (a, e) => a with { Evidence = e });
        var conditions = Keep(draft.Conditions, c => c.Evidence, (c, e) => c with { Evidence = e });
        var venues = Keep(draft.Venues, v => v.Evidence, (v, e) => v with { Evidence = e });
        var questions = Keep(draft.OpenQuestions, q => q.Evidence, (q, e) => q with { Evidence = e });

        return new SummaryDocument
        {
            Id = article.Id,
            Headline = Cleaning.Headlines.Bound(draft.Headline),
            Abstract = draft.Abstract,
            Actors = actors,
            Conditions = conditions,
            Venues = venues,
            OpenQuestions = questions,
            Source = article.Source,
            Generator = new GeneratorInfo
            {
                Engine = engine,
                Model = draft.Model,
                EngineMilliseconds = Math.Round(elapsed.TotalMilliseconds, 3),
                PromptTokens = draft.PromptTokens,
                CompletionTokens = draft.CompletionTokens,
                ModelCalls = draft.ModelCalls,
                EstimatedCostUsd = draft.EstimatedCostUsd,
                DroppedUngrounded = dropped,
            },
            CreatedAt = createdAt,
        };
    }

    /// <summary>The evidence with offsets that point at its quote in <paramref name="text"/>, or null when the quote is not there.</summary>
    public static Evidence? Locate(string text, Evidence evidence)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(evidence);
        var quote = evidence.Quote;
        if (string.IsNullOrWhiteSpace(quote))
        {
            return null;
        }
        if (evidence.Start >= 0 && evidence.End == evidence.Start + quote.Length && evidence.End <= text.Length
            && text.AsSpan(evidence.Start, quote.Length).SequenceEqual(quote))
        {
            return evidence;
        }
        var start = text.IndexOf(quote, StringComparison.Ordinal);
        return start < 0 ? null : new Evidence(quote, start, start + quote.Length);
    }
}
