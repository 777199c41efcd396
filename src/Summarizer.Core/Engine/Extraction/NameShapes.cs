using Summarizer.Core.Engine.Lexicon;
using Summarizer.Core.Engine.Text;

namespace Summarizer.Core.Engine.Extraction;

/// <summary>
/// What a run of tokens looks like as a name: a person's name, a body's head word, an acronym defined after it,
/// a speech verb after it. Shared by the passes that find actors and the ones that resolve them.
/// </summary>
internal static class NameShapes
{
    /// <summary>Lower-case words that sit inside a name ("Bank of Norway", "Ibn Saud", "Marks & Spencer").</summary>
    public static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "de", "du", "da", "del", "der", "von", "van", "la", "al", "bin", "ibn", "and", "&" };

    /// <summary>Nouns for a city or town ("the capital Moscow", "the city of Porto"): the name beside one is a place.</summary>
    public static readonly IReadOnlySet<string> SettlementNouns = Gazetteer.Words("settlement-nouns.txt", ignoreCase: true);

    /// <summary>Company forms that end a body's name ("Inc.", "PLC", "ASA").</summary>
    public static readonly IReadOnlySet<string> LegalSuffixes = Gazetteer.Words("legal-suffixes.txt", ignoreCase: false);

    /// <summary>One to four capitalised words that are not titles, organisation heads, or gazetteer states/places.</summary>
    public static bool IsPersonName(string text, IReadOnlyList<Token> tokens, int from, int to)
    {
        var gazetteer = Gazetteer.Instance;
        var count = to - from;
        if (count is < 1 or > 4)
        {
            return false;
        }
        for (var k = from; k < to; k++)
        {
            var t = tokens[k];
            // "Mina Park", "Anna Hall": a surname may be a place's head word, though never a body's.
            var placeHeadAsSurname = k == to - 1 && count >= 2 && gazetteer.OrgWords.GetValueOrDefault(t.Text) == "none";
            if (!t.IsWord || !t.IsCapitalized || t.IsAllCaps && t.Text.Length > 1 && !t.Text.Contains('.', StringComparison.Ordinal)
                || gazetteer.IsTitleWord(t.Text) || gazetteer.OrgWords.ContainsKey(t.Text) && !placeHeadAsSurname || t.Text.Any(char.IsDigit))
            {
                if (!(Connectors.Contains(t.Text) && k > from))
                {
                    return false;
                }
            }
            if (gazetteer.NonEntities.Contains(t.Text) && (count == 1 || k == to - 1))
            {
                return false;
            }
        }
        if (gazetteer.MatchAt(text, tokens, from, out var end) is { } e && end == to && e.Type != EntryType.Person)
        {
            return false;
        }
        return true;
    }

    /// <summary>The index of the word that makes the span an organisation ("... Commission", "Bank of ..."), or -1.</summary>
    public static int OrgHeadIndex(IReadOnlyList<Token> tokens, int from, int to)
    {
        for (var k = to - 1; k >= from; k--)
        {
            if (Gazetteer.Instance.OrgWords.ContainsKey(tokens[k].Text))
            {
                // The head is the last word, or is followed only by an "of ..." complement.
                if (k == to - 1 || tokens[k + 1].Text is "of" or "for" or "on")
                {
                    return k;
                }
            }
        }
        return -1;
    }

    /// <summary>"(HWF)" right after a name defines its acronym.</summary>
    public static string? AcronymAfter(IReadOnlyList<Token> tokens, int to) =>
        to + 2 < tokens.Count && tokens[to].Text == "(" && tokens[to + 2].Text == ")" && tokens[to + 1].IsAllCaps && tokens[to + 1].Text.Length is >= 2 and <= 8
            ? tokens[to + 1].Text
            : null;

    /// <summary>"Anna Berg said", "Anna Berg, a local teacher, said": the name is the speaker of what follows.</summary>
    public static bool FollowedBySpeech(IReadOnlyList<Token> tokens, int to)
    {
        // An aside names a role, often with a body in it ("a local GP and Upper Valley Medical Association chairman").
        const int MaxAsideTokens = 16;
        var k = to;
        // "X from Tonga, a small island state, said": skip an origin and one comma-delimited aside.
        if (k + 1 < tokens.Count && tokens[k].Text is "from" or "of" && tokens[k + 1].IsCapitalized)
        {
            k += 2;
            while (k < tokens.Count && tokens[k].IsCapitalized)
            {
                k++;
            }
        }
        if (k < tokens.Count && tokens[k].Text == ",")
        {
            var close = k + 1;
            while (close < tokens.Count && close - k <= MaxAsideTokens && tokens[close].Text != ",")
            {
                close++;
            }
            if (close >= tokens.Count || tokens[close].Text != ",")
            {
                return false;
            }
            k = close + 1;
        }
        if (k < tokens.Count && tokens[k].Text is "has" or "had" or "also" or "later" or "then")
        {
            k++;
        }
        return k < tokens.Count && Gazetteer.Instance.SpeechVerbs.Contains(tokens[k].Text);
    }

    /// <summary>
    /// '"...," said Anna Berg', "said tenant Anna Berg", "said resident, Anna Berg": the name after a reporting verb,
    /// past a lower-case role of up to three words and a comma, is the speaker.
    /// </summary>
    public static bool PrecededBySpeech(IReadOnlyList<Token> tokens, int from)
    {
        var k = from - 1;
        if (k >= 0 && tokens[k].Text == ",")
        {
            k--;
        }
        var roleWords = 0;
        // "said the Valdora Shield final": a determiner makes what follows a thing, not a speaker.
        while (k >= 0 && roleWords < 3 && tokens[k].IsWord && char.IsLower(tokens[k].Text[0]) && !ReportingVerbs.Contains(tokens[k].Text)
               && tokens[k].Text is not ("the" or "a" or "an" or "this" or "that" or "its" or "their" or "his" or "her"))
        {
            k--;
            roleWords++;
        }
        // A comma straight after the verb ("said, Anna Berg") is not the pattern; one after the role is.
        return k >= 0 && ReportingVerbs.Contains(tokens[k].Text) && (roleWords > 0 || from - 1 == k);
    }

    /// <summary>The verbs that put the speaker after them in news copy ("said X", "added X").</summary>
    private static readonly HashSet<string> ReportingVerbs = new(StringComparer.Ordinal) { "said", "says", "added", "wrote" };

    public static string LastWord(string name)
    {
        var parts = name.Split(' ');
        return parts[^1];
    }
}
