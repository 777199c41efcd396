using Summarizer.Core.Engine.Lexicon;
using Summarizer.Core.Engine.Text;

namespace Summarizer.Core.Engine.Extraction;

/// <summary>The subject of a clause: its token span, and the head part before any prepositional complement.</summary>
internal sealed record SubjectSpan(int Start, int End, int HeadEnd, string? Pronoun);

/// <summary>
/// Finds the subject of the clause whose verb starts at a given token, by walking back over auxiliaries and
/// adverbs to the noun phrase before them. Shallow on purpose: news clauses are mostly "subject verb object",
/// and a wrong guess only costs the holder's name, never the item.
/// </summary>
internal static class ClauseSubject
{
    /// <summary>Words between a subject and its verb: "the union has also repeatedly insisted".</summary>
    private static readonly HashSet<string> VerbPrefix = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must",
        "also", "still", "now", "not", "already", "again", "further", "only", "repeatedly", "reportedly", "publicly",
        "strongly", "firmly", "been", "being", "do", "does", "did", "continues", "continue", "continued", "to", "then",
        "previously", "earlier", "long", "always", "never", "no", "longer", "so", "far", "n't", "even",
    };

    /// <summary>Words that end a subject on its left: another clause or a report frame starts there.</summary>
    private static readonly HashSet<string> LeftBounds = new(StringComparer.OrdinalIgnoreCase)
    {
        "that", "but", "while", "whereas", "because", "since", "although", "though", "when", "if", "unless", "as", "and", "or",
        "said", "says", "say", "told", "added", "argued", "stated", "noted", "warned", "believes", "believe", "think", "thinks",
        "where", "after", "before", "so", "yet", "meanwhile", "however", "now", "instead", "what", "whatever", "who", "which",
    };

    /// <summary>Words that make the cue word a noun ("over final demands", "the union's request"), so it has no subject.</summary>
    private static readonly HashSet<string> NounMarkers = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "its", "their", "his", "her", "our", "your", "my", "this", "that", "these", "those", "of", "over",
        "to", "for", "on", "with", "by", "about", "despite", "against", "new", "key", "main", "latest", "fresh", "other",
        "such", "any", "all", "no", "some", "many", "those", "two", "three", "several", "further", "earlier", "first",
    };

    /// <summary>A copula inside the span means it is not a noun phrase ("Compromise is what's needed").</summary>
    private static readonly HashSet<string> Copulas = new(StringComparer.OrdinalIgnoreCase) { "is", "are", "was", "were", "be", "been", "am" };

    /// <summary>Prepositions and relatives that end the head of a subject: "farmers in the valley", "the head of the union".</summary>
    private static readonly HashSet<string> HeadEnds = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "at", "from", "for", "with", "on", "of", "across", "around", "near", "who", "which", "whose", "led", "backed",
        "representing", "including", "like",
    };

    private const int MaxSubjectTokens = 10;

    /// <summary>A determiner, preposition, possessive or adjective-shaped word right before the cue word.</summary>
    private static bool IsNounMarker(Token t) =>
        NounMarkers.Contains(t.Text) || t.IsPossessive || t.Text.EndsWith("'s", StringComparison.Ordinal) || t.Text.EndsWith("’s", StringComparison.Ordinal)
        || t.IsWord && char.IsLower(t.Text[0]) && t.Text.Length > 4
           && (t.Text.EndsWith("al", StringComparison.Ordinal) || t.Text.EndsWith("ive", StringComparison.Ordinal) || t.Text.EndsWith("ous", StringComparison.Ordinal)
               || t.Text.EndsWith("ic", StringComparison.Ordinal) || t.Text.EndsWith("ful", StringComparison.Ordinal) || t.Text.EndsWith("able", StringComparison.Ordinal));

    /// <summary>The index of "and"/"but" right before the verb (past its auxiliaries), when the verb is the second of two.</summary>
    public static int? CoordinatedAt(Sentence sentence, int verbToken)
    {
        var tokens = sentence.Tokens;
        var k = verbToken;
        while (k > 0 && VerbPrefix.Contains(tokens[k - 1].Text))
        {
            k--;
        }
        return k > 1 && tokens[k - 1].Text is "and" or "but" ? k - 1 : null;
    }

    public static SubjectSpan? Find(Sentence sentence, int verbToken)
    {
        var tokens = sentence.Tokens;
        if (verbToken > 0 && IsNounMarker(tokens[verbToken - 1]))
        {
            return null;
        }
        // "demand for", "demand.": a cue word followed by a preposition or a stop is a noun.
        if (verbToken + 1 < tokens.Count && (tokens[verbToken + 1].Text is "for" or "of" or "from" or "is" or "was" or "has" or "will" || !tokens[verbToken + 1].IsWord && tokens[verbToken + 1].Text is "." or "," or ";"))
        {
            return null;
        }
        var end = verbToken;
        var passive = false;
        while (end > 0 && VerbPrefix.Contains(tokens[end - 1].Text))
        {
            passive |= Copulas.Contains(tokens[end - 1].Text);
            end--;
        }
        // "automation was needed", "a deal is required": the grammatical subject is what is required, not who requires it.
        if (passive && (tokens[verbToken].Text.EndsWith("ed", StringComparison.Ordinal) || tokens[verbToken].Text.EndsWith("en", StringComparison.Ordinal)))
        {
            return null;
        }
        // "Teresa Alves, who chairs the association, wants ...": step over an aside closed by a comma.
        if (end > 0 && tokens[end - 1].Text == ",")
        {
            var open = end - 2;
            while (open > 0 && tokens[open].Text != "," && end - open < 16)
            {
                open--;
            }
            if (open <= 0 || tokens[open].Text != ",")
            {
                return null;
            }
            end = open;
        }
        var start = end;
        while (start > 0 && end - start < MaxSubjectTokens)
        {
            var t = tokens[start - 1];
            if (!t.IsWord && !t.IsPossessive && t.Text is not ("-" or "&" or "." or "'"))
            {
                break;
            }
            // "Farmers and fishermen", "Smith & Sons": "and" joins a subject only between two nouns, not two clauses.
            if (LeftBounds.Contains(t.Text) && !(t.Text is "and" or "&" && start - 2 >= 0 && tokens[start - 2].IsCapitalized && tokens[start].IsCapitalized))
            {
                break;
            }
            start--;
        }
        if (start >= end || end - start >= MaxSubjectTokens && start > 0 && tokens[start - 1].IsWord)
        {
            return null;
        }
        for (var k = start; k < end; k++)
        {
            if (Copulas.Contains(tokens[k].Text))
            {
                return null;
            }
        }
        var headEnd = start + 1;
        while (headEnd < end && !(HeadEnds.Contains(tokens[headEnd].Text) && char.IsLower(tokens[headEnd].Text[0])))
        {
            headEnd++;
        }
        var pronoun = end - start == 1 && Gazetteer.Instance.Pronouns.Contains(tokens[start].Text) ? tokens[start].Text.ToLowerInvariant() : null;
        return new SubjectSpan(start, end, headEnd, pronoun);
    }
}
