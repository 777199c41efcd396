using Summarizer.Core.Documents;
using Summarizer.Core.Engine.Lexicon;
using Summarizer.Core.Engine.Text;

namespace Summarizer.Core.Engine.Extraction;

/// <summary>
/// Finds named actors: capitalised spans split into title/role and name, the gazetteer for states (by name,
/// demonym, or capital used as a metonym) and known bodies, acronyms defined in parentheses, and surnames
/// resolved to the full name used earlier.
/// </summary>
internal sealed class ActorExtractor
{
    private static readonly IReadOnlySet<string> BylineCues = Gazetteer.Words("byline-cues.txt", ignoreCase: true);

    private readonly Gazetteer _gazetteer = Gazetteer.Instance;
    private readonly TextModel _model;
    private readonly ActorBook _book;
    private readonly ActorAliases _aliases;
    private readonly BodyHeads _heads;
    private readonly Dictionary<string, ActorRecord> _actors;
    private readonly List<ActorMention> _mentions;
    private readonly List<RawName> _unknown;
    private readonly IReadOnlySet<string> _lowerWords;

    private ActorExtractor(TextModel model)
    {
        _model = model;
        _book = new ActorBook(model);
        _aliases = new ActorAliases(_book);
        _heads = new BodyHeads(_book);
        _actors = _book.Actors;
        _mentions = _book.Mentions;
        _unknown = _book.Unknown;
        _lowerWords = _book.LowerWords;
    }

    public static ActorSet Extract(TextModel model, Block? headline)
    {
        var extractor = new ActorExtractor(model);
        return extractor.Run(headline);
    }

    private ActorSet Run(Block? headline)
    {
        foreach (var sentence in _model.Sentences)
        {
            var isHeadline = headline is not null && sentence.BlockIndex == headline.Index;
            if (!sentence.IsProse && !isHeadline)
            {
                continue;
            }
            if (sentence.Tokens.Take(3).Any(t => BylineCues.Contains(t.Text)) && sentence.Tokens.Any(t => t.Text == "by"))
            {
                continue;
            }
            ScanSentence(sentence);
        }
        _aliases.ResolveUnknown();
        _heads.Resolve();
        _aliases.MergeBodies();
        return new ActorSet(ActorSelection.Select(_book), _mentions);
    }

    private void ScanSentence(Sentence sentence)
    {
        var tokens = sentence.Tokens;
        var i = DatelineLength(tokens);
        while (i < tokens.Count)
        {
            var t = tokens[i];
            if (!t.IsWord || !(t.IsCapitalized || IsGazetteerStart(tokens, i)))
            {
                _heads.NoteBareHead(sentence, i);
                i++;
                continue;
            }
            var j = i + 1;
            while (j < tokens.Count)
            {
                var n = tokens[j];
                if (n.IsWord && n.IsCapitalized && !IsShoutedDateline(tokens, j))
                {
                    j++;
                }
                else if (n.IsWord && NameShapes.Connectors.Contains(n.Text) && j + 1 < tokens.Count && tokens[j + 1].IsCapitalized)
                {
                    j += 2;
                }
                else if (n.Text is "the" && j > i && tokens[j - 1].Text is "of" or "to" && j + 1 < tokens.Count && tokens[j + 1].IsCapitalized)
                {
                    j += 2;
                }
                else if (n.IsPossessive && PossessiveInName(tokens, j))
                {
                    j++;
                }
                else
                {
                    break;
                }
            }
            if (_heads.HeadedByLowerCase(sentence, i, j) is { } headEnd)
            {
                i = headEnd;
                continue;
            }
            if (_heads.NoteAppositive(sentence, i, j))
            {
                i = j;
                continue;
            }
            AnalyzeSpan(sentence, i, j);
            i = j;
        }
    }

    /// <summary>
    /// "People's Party", "Workers' Union": one plain word, a possessive, and a capitalised run ending in a body's head
    /// is one name. "Russia's Gazprom" or "Trump's Republican Party" are not: a known name owns the body there.
    /// </summary>
    private bool PossessiveInName(IReadOnlyList<Token> tokens, int possessive)
    {
        var owner = possessive - 1;
        if (owner < 0 || owner > 0 && tokens[owner - 1].IsCapitalized && !_gazetteer.NonEntities.Contains(tokens[owner - 1].Text)
            || _gazetteer.MatchAt(_model.Text, tokens, owner, out _) is not null || _gazetteer.NonEntities.Contains(tokens[owner].Text))
        {
            return false;
        }
        var end = possessive + 1;
        while (end < tokens.Count && tokens[end].IsCapitalized)
        {
            end++;
        }
        return end > possessive + 1 && _gazetteer.OrgWords.TryGetValue(tokens[end - 1].Text, out var kind) && kind != "none";
    }

    /// <summary>A lower-case word that begins a known name: "the" of a seat of government ("the Kremlin").</summary>
    private bool IsGazetteerStart(IReadOnlyList<Token> tokens, int i) =>
        tokens[i].Text == "the" && _gazetteer.MatchAt(_model.Text, tokens, i, out _) is { Type: EntryType.Seat };

    /// <summary>How many tokens a shouted dateline ("OSLO, March 3", "LIMA:", "VIENNA (Agency) —") takes at the start.</summary>
    internal static int DatelineLength(IReadOnlyList<Token> tokens)
    {
        var k = 0;
        while (k < tokens.Count && k < 4 && tokens[k].IsAllCaps && tokens[k].Text.Length >= 3 && !tokens[k].Text.Contains('.', StringComparison.Ordinal))
        {
            k++;
        }
        if (k == 0 || k >= tokens.Count)
        {
            return 0;
        }
        var next = tokens[k].Text;
        return next is ":" or "—" or "–" or "-" or "(" or "," || Gazetteer.Instance.NonEntities.Contains(next) ? k : 0;
    }

    /// <summary>"OSLO, March 3", "LIMA:": a shouted dateline at the start of a story.</summary>
    private static bool IsShoutedDateline(IReadOnlyList<Token> tokens, int i) =>
        tokens[i].IsAllCaps && tokens[i].Text.Length > 3 && i < 3 && !tokens[i].Text.Contains('.', StringComparison.Ordinal);

    private void AnalyzeSpan(Sentence sentence, int from, int to)
    {
        var tokens = sentence.Tokens;
        // Leading function words and sentence openers are not part of a name, unless a gazetteer entry starts there ("The Hague").
        while (from < to && _gazetteer.MatchAt(_model.Text, tokens, from, out _) is null
               && (_gazetteer.NonEntities.Contains(tokens[from].Text) || !tokens[from].IsCapitalized || IsShoutedWord(tokens[from])
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
        var covered = _gazetteer.MatchAt(_model.Text, tokens, from, out var coveredEnd) is not null ? coveredEnd : from;
        for (var k = Math.Max(from + 1, covered); k < to; k++)
        {
            // "Vice Premier He Lifeng": a known name, or a word right after a title, is a name that happens to look like a pronoun.
            if (IsContraction(tokens[k]) || k < to - 1 && _gazetteer.Pronouns.Contains(tokens[k].Text)
                && !_gazetteer.IsTitleWord(tokens[k - 1].Text) && _gazetteer.MatchAt(_model.Text, tokens, k, out _) is null)
            {
                AnalyzeSpan(sentence, from, k);
                AnalyzeSpan(sentence, k + 1, to);
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
                var gazetteerCovers = _gazetteer.MatchAt(_model.Text, tokens, from, out var coverEnd) is not null && coverEnd > k;
                // ... but "Blackwater Rovers and Harlow District Council" is two: a name of its own (two words or more,
                // no "of") before the "and", and a headed name of two words or more after it.
                var twoNames = k - from >= 2 && to - (k + 1) >= 2 && Enumerable.Range(from, k - from).All(x => tokens[x].IsCapitalized)
                    && StandsAlone(tokens[k - 1].Text);
                if (gazetteerCovers || head == to - 1 && head > k && !twoNames)
                {
                    break;
                }
                AnalyzeSpan(sentence, from, k);
                AnalyzeSpan(sentence, k + 1, to);
                return;
            }
        }

        if (TryTitledPerson(sentence, from, to))
        {
            return;
        }

        // A name whose head word marks an organisation ("Baltic Liberation Front", "Norway Post") is one actor,
        // even if it starts with a country or demonym.
        var headIndex = NameShapes.OrgHeadIndex(tokens, from, to);
        if (headIndex >= 0 && to - from >= 2 && _gazetteer.MatchAt(_model.Text, tokens, from, out var gEnd) is var g && !(g is not null && gEnd == to))
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
            var entry = _gazetteer.MatchAt(_model.Text, tokens, p, out var end);
            // "Pacific Jet", "Tokyo Electric": a known place that starts a longer name is part of that name.
            if (entry is { Type: EntryType.Place or EntryType.Capital or EntryType.Seat or EntryType.CountryName } && p == from && end < to
                && Enumerable.Range(end, to - end).All(k => tokens[k].IsCapitalized && !_gazetteer.NonEntities.Contains(tokens[k].Text) && _gazetteer.MatchAt(_model.Text, tokens, k, out _) is null))
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
            if (_gazetteer.MatchAt(_model.Text, tokens, k, out var end) is not { Type: EntryType.CountryName } || end != to)
            {
                continue;
            }
            for (var m = from; m < k; m++)
            {
                var t = tokens[m];
                if (!t.IsWord || !t.IsCapitalized || t.IsAllCaps || _gazetteer.IsTitleWord(t.Text) || _gazetteer.NonEntities.Contains(t.Text)
                    || _gazetteer.PlaceModifiers.Contains(t.Text) || _gazetteer.MatchAt(_model.Text, tokens, m, out _) is not null
                    || NameShapes.Connectors.Contains(t.Text) || t.Text.Any(char.IsDigit))
                {
                    return false;
                }
            }
            // A sentence opener that the text also uses in lower case is an ordinary word ("Yesterday Kenya ...").
            return !(tokens[from].SentenceStart && _lowerWords.Contains(tokens[from].Text.ToLowerInvariant()));
        }
        return false;
    }

    private static bool IsShoutedWord(Token t) => t.IsAllCaps && t.Text.Length > 6;

    /// <summary>Endings a word takes when it is contracted with a verb ("I’m", "They’ll", "We’ve", "You’d", "It’s").</summary>
    private static readonly string[] ContractionEndings = ["m", "ll", "d", "ve", "re", "s"];

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

    /// <summary>"Russian Foreign Minister Sergei Lavrov", "Minister of Fisheries Ola Berg", "retired General Keith Kellogg".</summary>
    private bool TryTitledPerson(Sentence sentence, int from, int to)
    {
        var tokens = sentence.Tokens;
        var nameStart = -1;
        for (var p = from; p < to; p++)
        {
            var length = TitleLengthAt(tokens, p, to);
            if (length == 0)
            {
                continue;
            }
            var after = p + length;
            // "Minister of Fisheries Ola ...": the "of X" complement belongs to the title.
            if (after + 1 < to && tokens[after].Text is "of" or "for")
            {
                // A complement the gazetteer knows is taken whole: "Mayor of Sioux Falls Ann Lee" names Ann Lee, not "Falls".
                after = _gazetteer.MatchAt(_model.Text, tokens, after + 1, out var known) is not null ? Math.Min(known, to) : after + 2;
            }
            if (NameShapes.IsPersonName(_model.Text, tokens, after, to))
            {
                nameStart = after;
            }
        }
        if (nameStart < 0)
        {
            return PrecededByRole(sentence, from, to);
        }
        var roleStart = ExtendRoleLeft(tokens, from);
        var role = _book.Slice(tokens, roleStart, nameStart);
        _book.AddPerson(sentence, nameStart, to, role);
        if (nameStart > from)
        {
            // The role part may name a state or body ("Russian", "WTO", "U.S."): count those mentions too.
            ScanRolePart(sentence, from, nameStart);
        }
        return true;
    }

    private void ScanRolePart(Sentence sentence, int from, int to)
    {
        var tokens = sentence.Tokens;
        var p = from;
        while (p < to)
        {
            var entry = _gazetteer.MatchAt(_model.Text, tokens, p, out var end);
            if (entry is not null && end <= to)
            {
                _book.AddGazetteerMention(sentence, entry, p, end);
                p = end;
            }
            else if (tokens[p].IsAllCaps && tokens[p].Text.Length is >= 2 and <= 6)
            {
                _book.AddUnknown(sentence, p, p + 1);
                p++;
            }
            else
            {
                p++;
            }
        }
    }

    /// <summary>"HWF leader Ola Berg", "the mayor's aide Anna Lind": a lower-case role just before the name.</summary>
    private bool PrecededByRole(Sentence sentence, int from, int to)
    {
        var tokens = sentence.Tokens;
        if (from == 0 || !NameShapes.IsPersonName(_model.Text, tokens, from, to))
        {
            return false;
        }
        var k = from - 1;
        var comma = tokens[k].Text == ",";
        if (comma && k > 0)
        {
            k--;
        }
        // "Minister of Fisheries, Ola Berg": the title's "of" complement sits between title and name.
        if (comma && k > 1 && tokens[k].IsCapitalized && tokens[k - 1].Text == "of" && _gazetteer.IsTitleWord(tokens[k - 2].Text))
        {
            k -= 2;
        }
        var prev = tokens[k];
        if (!prev.IsWord || !_gazetteer.IsTitleWord(prev.Text) || (!comma && char.IsUpper(prev.Text[0])))
        {
            return false;
        }
        var roleStart = k;
        var words = 0;
        while (roleStart > 0 && words < 4)
        {
            var t = tokens[roleStart - 1];
            if (!t.IsWord && !t.IsPossessive && t.Text != "-")
            {
                break;
            }
            if (t.IsWord && char.IsLower(t.Text[0]) && !_gazetteer.IsTitleWord(t.Text) && t.Text is not ("region" or "campaign" or "district")
                || t.Text.Any(char.IsDigit) || _gazetteer.NonEntities.Contains(t.Text) || t.IsAllCaps && t.Text.Length > 5)
            {
                break;
            }
            roleStart--;
            words++;
        }
        var role = _book.Slice(tokens, roleStart, comma ? from - 1 : from);
        _book.AddPerson(sentence, from, to, role);
        return true;
    }

    private int ExtendRoleLeft(IReadOnlyList<Token> tokens, int from)
    {
        while (from > 0 && tokens[from - 1].IsWord && char.IsLower(tokens[from - 1].Text[0]) && _gazetteer.IsTitleWord(tokens[from - 1].Text))
        {
            from--;
        }
        return from;
    }

    private int TitleLengthAt(IReadOnlyList<Token> tokens, int p, int to)
    {
        if (!_gazetteer.TitlesByFirstWord.TryGetValue(tokens[p].Text, out var phrases))
        {
            return 0;
        }
        foreach (var phrase in phrases)
        {
            if (p + phrase.Length > to)
            {
                continue;
            }
            var ok = true;
            for (var k = 0; k < phrase.Length && ok; k++)
            {
                ok = string.Equals(tokens[p + k].Text, phrase[k], StringComparison.OrdinalIgnoreCase);
            }
            if (ok)
            {
                return phrase.Length;
            }
        }
        return 0;
    }

    /// <summary>The text also uses the word as a name by itself, not only before "and" ("Rovers, who ...").</summary>
    private bool StandsAlone(string word) =>
        System.Text.RegularExpressions.Regex.Matches(_model.Text, $@"\b{System.Text.RegularExpressions.Regex.Escape(word)}\b(?!\s+and\b)").Count > 0;

    public static Actor ToActor(ActorRecord actor, string text)
    {
        var sentence = actor.EvidenceSentence!;
        var (start, end) = sentence.WordCount <= 50 ? (sentence.Start, sentence.End) : actor.FirstSpan;
        var aliases = actor.Aliases.Where(a => !string.Equals(a, actor.Name, StringComparison.OrdinalIgnoreCase)).OrderBy(a => a, StringComparer.Ordinal).ToList();
        var kind = actor.Kind switch
        {
            "person" => ActorKind.Person,
            "state" => ActorKind.State,
            "group" => ActorKind.Group,
            _ => ActorKind.Organization,
        };
        return new Actor(actor.Name, kind, actor.Role, aliases, actor.Mentions, new Evidence(text[start..end], start, end));
    }
}
