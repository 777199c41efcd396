using Summarizer.Core.Documents;
using Summarizer.Core.Engine.Lexicon;
using Summarizer.Core.Engine.Text;

namespace Summarizer.Core.Engine.Extraction;

/// <summary>A sentence that carries a cue, with the clause quoted as evidence.</summary>
internal sealed record CueHit(Sentence Sentence, int Score, int CueStart, int CueEnd, string Cue, string? Role, int QuoteStart, int QuoteEnd)
{
    /// <summary>The quoted clause, verbatim from the article.</summary>
    public string Quote => Sentence.Text[(QuoteStart - Sentence.Start)..(QuoteEnd - Sentence.Start)];

    public Evidence Evidence => new(Quote, QuoteStart, QuoteEnd);
}

/// <summary>
/// Scores sentences by cue phrases (from the data files), quoting the clause around the strongest cue, never more
/// than a sentence. The role pass reads the scores; <see cref="ConditionItems"/> and <see cref="QuestionItems"/> turn
/// the sentences it picks into items.
/// </summary>
internal static class CueExtractor
{
    private const int MaxQuoteWords = 45;

    private static readonly HashSet<string> ClauseBreaks = new(StringComparer.Ordinal) { ",", ";", ":", "—", "–", "(", ")" };

    /// <summary>
    /// A sentence scored by its cues: the sum of the weights of the cues it holds (each stretch counted once) and,
    /// for open questions, a question mark. The quote is the clause around the strongest cue, or the sentence's
    /// opening clause when it has none.
    /// </summary>
    internal static CueHit Score(Sentence sentence, IReadOnlyList<Cue> cues, bool questions)
    {
        var lower = Fold(sentence.Text).ToLowerInvariant();
        var score = 0;
        Cue? best = null;
        var bestAt = 0;
        var used = new List<(int, int)>();
        var bestLength = 0;
        foreach (var cue in cues)
        {
            var (at, length) = Match(lower, cue);
            if (at < 0 || used.Any(u => at < u.Item2 && at + length > u.Item1))
            {
                continue;
            }
            used.Add((at, at + length));
            score += cue.Weight;
            if (best is null || cue.Weight > best.Weight)
            {
                best = cue;
                bestAt = at;
                bestLength = length;
            }
        }
        if (questions && sentence.Text.TrimEnd('"', '”', '’', ' ').EndsWith('?'))
        {
            score += 4;
            if (best is null)
            {
                best = new Cue("?", 4);
                bestLength = 1;
            }
        }
        var cueStart = sentence.Start + bestAt;
        var (qs, qe) = Clause(sentence, cueStart);
        return new CueHit(sentence, score, cueStart, cueStart + (best is null ? 0 : bestLength), best?.Text ?? "", best?.Role, qs, qe);
    }

    /// <summary>Where a cue first occurs in the folded, lower-cased sentence, and how long the match is; -1 if absent.</summary>
    internal static (int At, int Length) Match(string lower, Cue cue)
    {
        if (cue.Pattern is { } pattern)
        {
            if (!cue.MayMatch(lower))
            {
                return (-1, 0);
            }
            var m = pattern.Match(lower);
            return m.Success ? (m.Index, m.Length) : (-1, 0);
        }
        // "^if": the cue opens the sentence ("If the results change, ...").
        if (cue.Phrase[0] == '^')
        {
            return lower.StartsWith(cue.Phrase[1..] + " ", StringComparison.Ordinal) ? (0, cue.Phrase.Length - 1) : (-1, 0);
        }
        var at = IndexOfWord(lower, cue.Phrase);
        return (at, cue.Phrase.Length);
    }

    /// <summary>The sentence when it is short enough, else the clause around the cue, cut to a focused quote.</summary>
    internal static (int Start, int End) Clause(Sentence sentence, int cueStart)
    {
        var tokens = sentence.Tokens;
        var (start, end) = (0, tokens.Count);
        TrimQuoteEdges(tokens, ref start, ref end);
        if (sentence.WordCount <= MaxQuoteWords + 5)
        {
            return (tokens[start].Start, tokens[end - 1].End);
        }
        var cue = 0;
        while (cue < tokens.Count - 1 && tokens[cue].End <= cueStart)
        {
            cue++;
        }
        // Back to the start of the clause that holds the cue, keeping at least a few words of subject.
        var s = cue;
        while (s > 0 && !(ClauseBreaks.Contains(tokens[s - 1].Text) && cue - s >= 4))
        {
            s--;
        }
        var e = cue;
        var words = 0;
        for (var k = s; k < e; k++)
        {
            words += tokens[k].IsWord ? 1 : 0;
        }
        while (e < tokens.Count && words < MaxQuoteWords && tokens[e].Text != ";")
        {
            words += tokens[e].IsWord ? 1 : 0;
            e++;
        }
        while (e > s + 1 && !tokens[e - 1].IsWord && tokens[e - 1].Text is not ("”" or "\"" or ")" or "?"))
        {
            e--;
        }
        // Too long before the cue: start closer to it.
        while (words > MaxQuoteWords && s < cue)
        {
            words -= tokens[s].IsWord ? 1 : 0;
            s++;
        }
        return (tokens[s].Start, tokens[e - 1].End);
    }

    private static void TrimQuoteEdges(IReadOnlyList<Token> tokens, ref int start, ref int end)
    {
        while (end - start > 1 && tokens[end - 1].Text is "." or "," or ";")
        {
            end--;
        }
    }

    /// <summary>Curly quotes folded so cue lists can be written with straight ones; lengths are preserved.</summary>
    internal static string Fold(string s) => s.Replace('’', '\'').Replace('‘', '\'').Replace('\n', ' ');

    internal static int IndexOfWord(string haystack, string phrase)
    {
        var from = 0;
        while (true)
        {
            var at = haystack.IndexOf(phrase, from, StringComparison.Ordinal);
            if (at < 0)
            {
                return -1;
            }
            var before = at == 0 || !char.IsLetterOrDigit(haystack[at - 1]);
            var end = at + phrase.Length;
            var after = end >= haystack.Length || !char.IsLetterOrDigit(haystack[end]);
            if (before && after)
            {
                return at;
            }
            from = at + 1;
        }
    }
}
