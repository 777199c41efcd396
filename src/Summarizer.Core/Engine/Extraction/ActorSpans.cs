using Summarizer.Core.Engine.Lexicon;
using Summarizer.Core.Engine.Text;

namespace Summarizer.Core.Engine.Extraction;

/// <summary>
/// What one capitalised run names: it is trimmed of openers and function words, split at a pronoun, a contraction or
/// an "and" between two names, then read as a titled person, an organisation (by its head word, or a name ending in a
/// country), gazetteer entries (states, capitals, known bodies and people), and what is left as raw names.
/// </summary>
internal sealed class ActorSpans(ActorBook book, TitledPersons titled)
{
    /// <summary>Endings a word takes when it is contracted with a verb ("I’m", "They’ll", "We’ve", "You’d", "It’s").</summary>
    private static readonly string[] ContractionEndings = ["m", "ll", "d", "ve", "re", "s"];

    private readonly ActorBook _book = book;
    private readonly TitledPersons _titled = titled;
    private readonly Gazetteer _gazetteer = Gazetteer.Instance;

    /// <summary>Records what the run [from, to) names: people, bodies, states, or names left for later.</summary>
    public void Analyze(Sentence sentence, int from, int to)
    {
        var tokens = sentence.Tokens;
        // Leading function words and sentence openers are not part of a name, unless a gazetteer entry starts there ("The Hague").
        // "the All India Football Federation": after "the", a capitalised run ending in a body's head is one name, opener and all.
        bool HeadedAfterThe(int k) => k > 0 && tokens[k - 1].Text is "the" or "The" && NameShapes.OrgHeadIndex(tokens, k, to) == to - 1;
        while (from < to && _gazetteer.MatchAt(_book.Text, tokens, from, out _) is null
               && (_gazetteer.NonEntities.Contains(tokens[from].Text) && !HeadedAfterThe(from) || !tokens[from].IsCapitalized || IsShoutedWord(tokens[from])
                   || tokens[from].SentenceStart && _gazetteer.SentenceOpeners.Contains(tokens[from].Text) || IsContraction(tokens[from])))
        {
            from++;
        }
        while (to > from && (NameShapes.Connectors.Contains(tokens[to - 1].Text) || tokens[to - 1].Text == "the"))
        {
            to--;
        }
        if (from >= to)
        {
            return;
        }
        // "In God We Trust": a pronoun or a contraction inside the run starts a clause, so the run is not one name.
        var covered = _gazetteer.MatchAt(_book.Text, tokens, from, out var coveredEnd) is not null ? coveredEnd : from;
        for (var k = Math.Max(from + 1, covered); k < to; k++)
        {
            // "Vice Premier He Lifeng": a known name, or a word right after a title, is a name that happens to look like a pronoun.
            if (IsContraction(tokens[k]) || k < to - 1 && _gazetteer.Pronouns.Contains(tokens[k].Text)
                && !_gazetteer.IsTitleWord(tokens[k - 1].Text) && _gazetteer.MatchAt(_book.Text, tokens, k, out _) is null)
            {
                Analyze(sentence, from, k);
                Analyze(sentence, k + 1, to);
                return;
            }
        }
        // "(HWF)" right after a name only defines the acronym; the name was counted already.
        if (to - from == 1 && from > 1 && tokens[from - 1].Text == "(" && to < tokens.Count && tokens[to].Text == ")" && tokens[from].IsAllCaps && tokens[from - 2].IsCapitalized)
        {
            return;
        }

        // "Ukraine and Russia" is two actors; "Prices and Incomes Board" and "Bosnia and Herzegovina" are one.
        for (var k = from + 1; k < to - 1; k++)
        {
            if (tokens[k].Text is "and" or "&")
            {
                var head = NameShapes.OrgHeadIndex(tokens, from, to);
                var gazetteerCovers = _gazetteer.MatchAt(_book.Text, tokens, from, out var coverEnd) is not null && coverEnd > k;
                // ... but "Blackwater Rovers and Harlow District Council" is two: a name of its own (two words or more,
                // no "of") before the "and", and a headed name of two words or more after it.
                var twoNames = k - from >= 2 && to - (k + 1) >= 2 && Enumerable.Range(from, k - from).All(x => tokens[x].IsCapitalized)
                    && StandsAlone(tokens[k - 1].Text);
                // "Department of Health and Social Care": the "and" joins the head's complement, unless the story
                // also names what follows on its own ("Bank of England and Barclays").
                var joinsComplement = head >= from && head < k && tokens[head + 1].Text == "of"
                    && !NamedApart(Whitespace.Squash(_book.Text[tokens[k + 1].Start..tokens[to - 1].End]));
                // "Velmora Inc. and Quintrell PLC": a company form ends the first name.
                var formEnds = NameShapes.LegalSuffixes.Contains(tokens[k - 1].Text);
                if (!formEnds && (gazetteerCovers || joinsComplement || head == to - 1 && head > k && !twoNames))
                {
                    break;
                }
                Analyze(sentence, from, k);
                Analyze(sentence, k + 1, to);
                return;
            }
        }

        if (_titled.TryAdd(sentence, from, to))
        {
            return;
        }
        // "Hana Lind, Minister of Harbour Services, says": an office, not a body; only known names inside count.
        if (to - from >= 3 && _gazetteer.IsTitleWord(tokens[from].Text) && tokens[from + 1].Text == "of")
        {
            _titled.ScanRolePart(sentence, from + 2, to);
            return;
        }

        // A name whose head word marks an organisation ("Baltic Liberation Front", "Norway Post") is one actor,
        // even if it starts with a country or demonym.
        var headIndex = NameShapes.OrgHeadIndex(tokens, from, to);
        if (headIndex >= 0 && to - from >= 2 && _gazetteer.MatchAt(_book.Text, tokens, from, out var gEnd) is var g && !(g is not null && gEnd == to))
        {
            var kind = _gazetteer.OrgWords[tokens[headIndex].Text];
            if (kind != "none")
            {
                _book.AddOrganization(sentence, from, to, kind);
            }
            return;
        }

        if (EndsInCountry(tokens, from, to))
        {
            _book.AddOrganization(sentence, from, to, "organization");
            return;
        }

        var p = from;
        var runStart = -1;
        while (p < to)
        {
            var entry = _gazetteer.MatchAt(_book.Text, tokens, p, out var end);
            // "Pacific Jet", "Tokyo Electric": a known place that starts a longer name is part of that name.
            if (entry is { Type: EntryType.Place or EntryType.Capital or EntryType.Seat or EntryType.CountryName } && p == from && end < to
                && Enumerable.Range(end, to - end).All(k => tokens[k].IsCapitalized && !_gazetteer.NonEntities.Contains(tokens[k].Text) && _gazetteer.MatchAt(_book.Text, tokens, k, out _) is null))
            {
                _book.AddUnknown(sentence, from, to);
                return;
            }
            if (entry is not null && end <= to)
            {
                if (runStart >= 0)
                {
                    _book.AddUnknown(sentence, runStart, p);
                    runStart = -1;
                }
                _book.AddGazetteerMention(sentence, entry, p, end);
                p = end;
                continue;
            }
            if (runStart < 0 && !_gazetteer.NonEntities.Contains(tokens[p].Text))
            {
                runStart = p;
            }
            p++;
        }
        if (runStart >= 0)
        {
            _book.AddUnknown(sentence, runStart, to);
        }
    }

    /// <summary>
    /// "Athletics Kenya", "Tennis Canada": capitalised words that are not titles, places or qualifiers, then a
    /// country's name, make a body named after the country, not the country.
    /// </summary>
    private bool EndsInCountry(IReadOnlyList<Token> tokens, int from, int to)
    {
        for (var k = from + 1; k < to && k - from <= 3; k++)
        {
            if (_gazetteer.MatchAt(_book.Text, tokens, k, out var end) is not { Type: EntryType.CountryName } || end != to)
            {
                continue;
            }
            for (var m = from; m < k; m++)
            {
                var t = tokens[m];
                if (!t.IsWord || !t.IsCapitalized || t.IsAllCaps || _gazetteer.IsTitleWord(t.Text) || _gazetteer.NonEntities.Contains(t.Text)
                    || _gazetteer.PlaceModifiers.Contains(t.Text) || _gazetteer.MatchAt(_book.Text, tokens, m, out _) is not null
                    || NameShapes.Connectors.Contains(t.Text) || t.Text.Any(char.IsDigit))
                {
                    return false;
                }
            }
            // A sentence opener that the text also uses in lower case is an ordinary word ("Yesterday Kenya ...").
            return !(tokens[from].SentenceStart && _book.LowerWords.Contains(tokens[from].Text.ToLowerInvariant()));
        }
        return false;
    }

    private static bool IsShoutedWord(Token t) => t.IsAllCaps && t.Text.Length > 6;

    /// <summary>"I’m", "We’ll", "That’d": a pronoun or function word with a contracted verb is never part of a name.</summary>
    private bool IsContraction(Token t)
    {
        var apostrophe = t.Text.IndexOfAny(['\'', '’']);
        // "Ain’t", "Don’t", "Won’t": a verb with a contracted negation.
        if (apostrophe > 1 && t.Text[apostrophe - 1] == 'n' && t.Text[(apostrophe + 1)..] == "t")
        {
            return true;
        }
        if (apostrophe <= 0 || !ContractionEndings.Contains(t.Text[(apostrophe + 1)..], StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }
        var stem = t.Text[..apostrophe];
        return _gazetteer.Pronouns.Contains(stem) || _gazetteer.NonEntities.Contains(stem);
    }

    /// <summary>The text also uses the word as a name by itself, not only before "and" ("Rovers, who ...").</summary>
    /// <summary>The text uses the phrase somewhere other than right after "and".</summary>
    private bool NamedApart(string phrase) =>
        System.Text.RegularExpressions.Regex.Matches(_book.Text, $@"(?<!\band\s+)\b{System.Text.RegularExpressions.Regex.Escape(phrase)}\b").Count > 0;

    private bool StandsAlone(string word) =>
        System.Text.RegularExpressions.Regex.Matches(_book.Text, $@"\b{System.Text.RegularExpressions.Regex.Escape(word)}\b(?!\s+and\b)").Count > 0;
}
