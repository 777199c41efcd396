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
    private readonly Dictionary<string, ActorRecord> _actors;
    private readonly List<ActorMention> _mentions;
    private readonly List<RawName> _unknown;
    private readonly IReadOnlySet<string> _lowerWords;

    private ActorExtractor(TextModel model)
    {
        _model = model;
        _book = new ActorBook(model);
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
        ResolveUnknown();
        ResolveBareHeads();
        MergeBodies();
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
                NoteBareHead(sentence, i);
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
            if (HeadedByLowerCase(sentence, i, j) is { } headEnd)
            {
                i = headEnd;
                continue;
            }
            if (NoteAppositive(sentence, i, j))
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

    /// <summary>"the" + a lower-case body head ("the union", "the government"), resolved once every name is known.</summary>
    private sealed record BareHead(Sentence Sentence, int Token, string Head);

    private readonly List<BareHead> _bareHeads = [];

    /// <summary>"the doctors' union, SIM, ...": a name set off after a lower-case head names the body the head refers to.</summary>
    private readonly Dictionary<string, string> _appositives = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Lower-case heads the text also uses with a lower-case modifier ("the health ministry"): an unnamed body.</summary>
    private readonly Dictionary<string, string> _modifiedHeads = new(StringComparer.OrdinalIgnoreCase);

    /// <returns>True when the name was an acronym so introduced, and is now a defined body.</returns>
    private bool NoteAppositive(Sentence sentence, int from, int to)
    {
        var tokens = sentence.Tokens;
        if (from < 2 || tokens[from - 1].Text != "," || !_gazetteer.GroupHeads.ContainsKey(tokens[from - 2].Text)
            || !(to >= tokens.Count || tokens[to].Text is "," or ")" or "." or "("))
        {
            return false;
        }
        var name = _book.Slice(tokens, from, to);
        _appositives[tokens[from - 2].Text] = name;
        if (to - from != 1 || !tokens[from].IsAllCaps || tokens[from].Text.Length is < 2 or > 8 || _gazetteer.MatchAt(_model.Text, tokens, from, out _) is not null)
        {
            return false;
        }
        // "The teachers' union, UDT, ...": the acronym is defined by the description, like "(UDT)" after a full name.
        var actor = _book.Get(name, _gazetteer.GroupHeads[tokens[from - 2].Text]);
        actor.Defined = true;
        var m = from - 3 >= 0 && tokens[from - 3].IsPossessive ? from - 4 : from - 3;
        if (m >= 0 && tokens[m].IsWord && char.IsLower(tokens[m].Text[0]) && tokens[m].Text is not ("the" or "a" or "an" or "its" or "their"))
        {
            actor.Aliases.Add(_book.Slice(tokens, m, from - 1));
        }
        _book.Mention(actor, sentence, tokens[from].Start, tokens[from].End, name, 1);
        return true;
    }

    private void NoteBareHead(Sentence sentence, int i)
    {
        var tokens = sentence.Tokens;
        // "the health ministry", "the doctors' union": the head with a lower-case modifier, kept as the body's name.
        var m = i > 1 && tokens[i - 1].IsPossessive ? i - 2 : i - 1;
        if (m >= 0 && _gazetteer.GroupHeads.ContainsKey(tokens[i].Text) && tokens[m] is { IsWord: true } modifier
            && char.IsLower(modifier.Text[0]) && !_gazetteer.NonEntities.Contains(Capitalize(modifier.Text)) && modifier.Text is not ("the" or "a" or "an" or "its" or "their")
            && !modifier.Text.EndsWith("ed", StringComparison.Ordinal) && !modifier.Text.EndsWith("ly", StringComparison.Ordinal))
        {
            _modifiedHeads.TryAdd(tokens[i].Text, _book.Slice(tokens, m, i + 1));
        }
        // "the government of Kenya" names Kenya itself; "the union's leaders" still refers to the union.
        if (i > 0 && tokens[i - 1].Text is "the" or "The" && _gazetteer.GroupHeads.ContainsKey(tokens[i].Text)
            && !(i + 1 < tokens.Count && tokens[i + 1].Text is "of" or "in" or "for"))
        {
            _bareHeads.Add(new BareHead(sentence, i, tokens[i].Text));
        }
    }

    /// <summary>
    /// "the FNV union", "the Oakland school board": a proper name or acronym, at most one lower-case modifier and a
    /// lower-case body head, after "the". One organisation, named without the article. Returns the index past the head.
    /// </summary>
    private int? HeadedByLowerCase(Sentence sentence, int from, int to)
    {
        var tokens = sentence.Tokens;
        var definite = from > 0 && tokens[from - 1].Text == "the" || tokens[from].Text == "The";
        if (tokens[from].Text == "The")
        {
            from++;
        }
        if (!definite || from >= to || to - from > 3 || to >= tokens.Count)
        {
            return null;
        }
        var head = to;
        if (!_gazetteer.GroupHeads.ContainsKey(tokens[head].Text))
        {
            // One lower-case modifier: "school board", "teachers' union".
            head = to + 1;
            var modifier = tokens[to];
            var possessive = head < tokens.Count && tokens[head].IsPossessive;
            if (possessive)
            {
                head++;
            }
            if (head >= tokens.Count || !modifier.IsWord || !char.IsLower(modifier.Text[0]) || _gazetteer.GroupHeads.ContainsKey(modifier.Text)
                || modifier.Text.EndsWith("ed", StringComparison.Ordinal) || modifier.Text.EndsWith("ly", StringComparison.Ordinal)
                || NameShapes.Connectors.Contains(modifier.Text) || !_gazetteer.GroupHeads.ContainsKey(tokens[head].Text))
            {
                return null;
            }
        }
        for (var k = from; k < to; k++)
        {
            if (!tokens[k].IsCapitalized || _gazetteer.IsTitleWord(tokens[k].Text) || _gazetteer.NonEntities.Contains(tokens[k].Text))
            {
                return null;
            }
        }
        // "the Kenyan government", "the Chile government" are the state; a known person's "campaign" is left to the person.
        // "the U.N. health agency" is a unit or a description of a known body, not another actor.
        if (_gazetteer.MatchAt(_model.Text, tokens, from, out var end) is { } entry && end == to && entry.Type is not EntryType.Place)
        {
            return null;
        }
        _book.AddOrganization(sentence, from, head + 1, _gazetteer.GroupHeads[tokens[head].Text]);
        return head + 1;
    }

    /// <summary>
    /// "the union" refers to the one body whose name has that head; with none, a head the story keeps using
    /// ("the government" in a story that names no state) is an actor of its own.
    /// </summary>
    private void ResolveBareHeads()
    {
        foreach (var group in _bareHeads.GroupBy(b => b.Head.ToLowerInvariant(), StringComparer.Ordinal))
        {
            var head = group.Key;
            if (_appositives.TryGetValue(head, out var named) && _actors.TryGetValue(named, out var byApposition))
            {
                foreach (var bare in group)
                {
                    var token = bare.Sentence.Tokens[bare.Token];
                    _book.Mention(byApposition, bare.Sentence, token.Start, token.End, token.Text, 0.5);
                }
                continue;
            }
            var unnamedBody = _modifiedHeads.ContainsKey(head);
            var candidates = _actors.Values.Distinct()
                .Where(a => head == "government" ? a.Kind == "state" && a.Strong >= 1 : a.Kind is not ("person" or "state" or "media")
                    && (a.Name.Split(' ').Any(w => string.Equals(w, head, StringComparison.OrdinalIgnoreCase))
                        // "EPA" is "the agency", "NLC" "the congress": an acronym whose last letter is the head's initial.
                        || !unnamedBody && a.Name.Length is >= 2 and <= 6 && a.Name.All(char.IsUpper) && a.Name[^1] == char.ToUpperInvariant(head[0])))
                .ToList();
            ActorRecord? target = candidates.Count == 1 ? candidates[0] : null;
            // Only a story that names no body at all is about "the government" or "the union" as such; otherwise the
            // head most likely refers to a named party the text spells differently ("the club" for "Rovers").
            var namesBodies = _actors.Values.Any(a => a.Kind is "organization" or "group" && a.Mentions >= 1 && !a.Name.Equals(head, StringComparison.OrdinalIgnoreCase));
            if (target is null && candidates.Count == 0 && group.Count() >= 2 && !namesBodies)
            {
                target = _book.Get(_modifiedHeads.GetValueOrDefault(head, head), _gazetteer.GroupHeads.GetValueOrDefault(head, "organization"));
            }
            if (target is null)
            {
                continue;
            }
            foreach (var bare in group)
            {
                var token = bare.Sentence.Tokens[bare.Token];
                _book.Mention(target, bare.Sentence, token.Start, token.End, token.Text, 0.5);
            }
        }
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

    /// <summary>Decides what the names outside the gazetteer are, now that every mention has been seen.</summary>
    private void ResolveUnknown()
    {
        // Single words followed by a number ("Route 9", "Group 7") are labels, not surnames.
        var singleCounts = _unknown.Where(u => u.To - u.From == 1 && !FollowedByNumber(u) && u.Sentence.IsProse)
            .GroupBy(u => u.Text, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        var proseCounts = _unknown.Where(u => u.Sentence.IsProse).GroupBy(u => u.Text, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        // Names given a role, or that speak, or whose surname recurs alone, are people.
        foreach (var u in _unknown.Where(u => u.To - u.From >= 2 && u.Acronym is null))
        {
            var tokens = u.Sentence.Tokens;
            if (!NameShapes.IsPersonName(_model.Text, tokens, u.From, u.To) || NameShapes.OrgHeadIndex(tokens, u.From, u.To) >= 0)
            {
                continue;
            }
            var surname = tokens[u.To - 1].Text;
            // '"...," said Anna Berg' and "according to Anna Berg" introduce a speaker too.
            var quotedBy = u.From > 0 && tokens[u.From - 1].Text is "said" or "says" or "added" or "wrote" && u.To - u.From <= 3
                || u.To + 1 < tokens.Count && tokens[u.To].Text == "," && tokens[u.To + 1].Text == "who" && u.To - u.From <= 3
                || u.From > 1 && tokens[u.From - 1].Text == "to" && tokens[u.From - 2].Text == "according" && u.To - u.From <= 3;
            // A recurring last word alone is weak evidence when the name starts with a place ("Pacific Jet" ... "Jet").
            var placeFirst = _gazetteer.MatchAt(_model.Text, tokens, u.From, out _) is not null;
            if (u.Role is not null || u.Speaks || quotedBy || (!placeFirst && singleCounts.ContainsKey(surname)) || _actors.ContainsKey(u.Text))
            {
                _book.AddPerson(u.Sentence, u.From, u.To, u.Role);
            }
        }

        foreach (var u in _unknown)
        {
            var tokens = u.Sentence.Tokens;
            var count = u.To - u.From;
            if (count >= 2 && _actors.TryGetValue(u.Text, out var person) && person.Kind == "person")
            {
                continue; // already counted above
            }
            if (count == 1)
            {
                var word = u.Text;
                // A lone letter ("T", "S.") is an initial, a grade or a label, never a party by itself.
                if (word.TrimEnd('.').Length <= 1 || word.Any(char.IsDigit) || FollowedByNumber(u) || PrecededByNumber(u) || IsPlaceLike(word) || _gazetteer.OrgWords.GetValueOrDefault(word) == "none" || IsCompoundOfKnown(tokens[u.From]))
                {
                    continue;
                }
                // A surname (or, for names without a family name last, the first name) refers back to the full name.
                var personMatch = _actors.Values.FirstOrDefault(a => a.Kind == "person" && a.Name != word && (NameShapes.LastWord(a.Name) == word || a.Name.Split(' ').Length >= 3 && a.Name.StartsWith(word + " ", StringComparison.Ordinal)));
                if (personMatch is not null)
                {
                    personMatch.Speaks |= u.Speaks;
                    _book.Mention(personMatch, u.Sentence, tokens[u.From].Start, tokens[u.From].End, word, 1);
                    continue;
                }
                if (_actors.TryGetValue(word, out var existing))
                {
                    _book.Mention(existing, u.Sentence, tokens[u.From].Start, tokens[u.From].End, word, 1);
                    continue;
                }
                // "the Board" after "Harbour Board": a bare head word refers to the body named before.
                if (_gazetteer.OrgWords.ContainsKey(word)
                    && _actors.Values.FirstOrDefault(a => a.Kind != "person" && a.Kind != "state" && a.Name.EndsWith(" " + word, StringComparison.Ordinal)) is { } body)
                {
                    _book.Mention(body, u.Sentence, tokens[u.From].Start, tokens[u.From].End, word, 1);
                    continue;
                }
                // An undefined acronym that spells a body named in the text ("OHB" after "Oslo Harbour Board").
                if (_actors.Values.FirstOrDefault(a => a.Kind is not ("person" or "state") && IsAcronymOf(word, a.Name)) is { } spelled)
                {
                    _book.Mention(spelled, u.Sentence, tokens[u.From].Start, tokens[u.From].End, word, 1);
                    continue;
                }
                var acronym = tokens[u.From].IsAllCaps && word.Length is >= 2 and <= 6;
                var sentenceStart = tokens[u.From].SentenceStart;
                // A capitalised word seen only at sentence starts or in the headline may be an ordinary word ("Fishermen").
                var recurring = singleCounts.GetValueOrDefault(word) >= 2 && !_lowerWords.Contains(word.ToLowerInvariant())
                    && MidSentenceWords().Contains(word);
                if (u.Role is not null && !acronym && word.All(char.IsLetter))
                {
                    _book.AddPerson(u.Sentence, u.From, u.To, u.Role);
                }
                else if ((acronym && (singleCounts.GetValueOrDefault(word) >= 2 || u.Acronym is not null)) || (recurring && !(sentenceStart && singleCounts[word] < 2)))
                {
                    var actor = _book.Get(word, "organization");
                    _book.Mention(actor, u.Sentence, tokens[u.From].Start, tokens[u.From].End, word, 1);
                }
                continue;
            }
            if (u.Acronym is null && count is 2 or 3 && proseCounts.GetValueOrDefault(u.Text) >= 2 && !IsOwnedThing(u.Text)
                && Enumerable.Range(u.From, count).All(k => tokens[k].IsWord && !tokens[k].Text.Any(char.IsDigit)))
            {
                // A multiword name the story keeps using, that is not a person: a company or body ("Pacific Jet").
                _book.Mention(_book.Get(u.Text, "organization"), u.Sentence, tokens[u.From].Start, tokens[u.To - 1].End, u.Text, 1);
                continue;
            }
            if (u.Acronym is not null)
            {
                var head = NameShapes.OrgHeadIndex(tokens, u.From, u.To);
                var kind = head >= 0 ? _gazetteer.OrgWords[tokens[head].Text] : "organization";
                if (kind != "none")
                {
                    _book.AddOrganization(u.Sentence, u.From, u.To, kind);
                }
            }
        }
    }

    /// <summary>Words before a name that make it a thing someone has or launches ("its Galaxy Fold", "a new Model X"), not a party.</summary>
    private static readonly HashSet<string> OwnerWords = new(StringComparer.OrdinalIgnoreCase) { "its", "their", "his", "her", "our", "my", "your", "new", "a", "an" };

    private bool IsOwnedThing(string name) =>
        _unknown.Any(v => v.Text == name && v.From > 0 && OwnerWords.Contains(v.Sentence.Tokens[v.From - 1].Text));

    /// <summary>The text also uses the word as a name by itself, not only before "and" ("Rovers, who ...").</summary>
    private bool StandsAlone(string word) =>
        System.Text.RegularExpressions.Regex.Matches(_model.Text, $@"\b{System.Text.RegularExpressions.Regex.Escape(word)}\b(?!\s+and\b)").Count > 0;

    private static string Capitalize(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private static bool PrecededByNumber(RawName u) =>
        u.From > 0 && u.Sentence.Tokens[u.From - 1].Text.Any(char.IsDigit);

    /// <summary>A word the text puts after "in", "at" or "from" is a place, not an actor ("power from Ostrava").</summary>
    private bool IsPlaceLike(string word)
    {
        if (word.All(c => !char.IsLetter(c) || char.IsUpper(c)))
        {
            return false;
        }
        _placeUses ??= _unknown.Where(v => v.To - v.From == 1)
            .GroupBy(v => v.Text, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (Uses: g.Count(), Located: g.Count(v => v.From > 0 && v.Sentence.Tokens[v.From - 1].Text is "in" or "at" or "from" or "near")),
                StringComparer.Ordinal);
        var (uses, located) = _placeUses.GetValueOrDefault(word);
        return located * 2 >= uses && located > 0;
    }

    private Dictionary<string, (int Uses, int Located)>? _placeUses;

    private HashSet<string>? _midSentence;

    private HashSet<string> MidSentenceWords() =>
        _midSentence ??= _unknown.Where(v => v.Sentence.IsProse && !v.Sentence.Tokens[v.From].SentenceStart).Select(v => v.Text).ToHashSet(StringComparer.Ordinal);

    private static bool FollowedByNumber(RawName u) =>
        u.To < u.Sentence.Tokens.Count && u.Sentence.Tokens[u.To].Text.All(char.IsDigit);

    /// <summary>"Chile-Peru", "US-China": a compound of known states is not a new actor.</summary>
    private bool IsCompoundOfKnown(Token token)
    {
        var parts = token.Text.Split('-');
        return parts.Length > 1 && parts.All(p => _gazetteer.ByFirstWord.TryGetValue(p, out var entries) && entries.Any(e => e.Surface == p));
    }

    /// <summary>"Harbour Board" and "Oslo Harbour Board", "Acme" and "Acme Nordic": one body.</summary>
    private void MergeBodies()
    {
        var bodies = _actors.Values.Distinct().Where(a => a.Kind is not ("person" or "state")).OrderBy(a => a.Name.Length).ToList();
        foreach (var small in bodies)
        {
            var big = bodies.FirstOrDefault(b => !ReferenceEquals(b, small) && b.Name.Length > small.Name.Length
                && (b.Name.StartsWith(small.Name + " ", StringComparison.Ordinal) || b.Name.EndsWith(" " + small.Name, StringComparison.Ordinal)
                    || IsAcronymOf(small.Name, b.Name)
                    || b.LowerHead && Singular(b.Name[..b.Name.LastIndexOf(' ')]) == Singular(small.Name))
                || !ReferenceEquals(b, small) && b.Name.Length >= small.Name.Length && b.Name != small.Name && Singular(b.Name) == Singular(small.Name));
            if (big is null)
            {
                continue;
            }
            var name = small.Mentions > big.Mentions ? small.Name : big.Name;
            big.Aliases.Add(small.Name);
            big.Aliases.UnionWith(small.Aliases);
            big.Mentions += small.Mentions;
            big.Weight += small.Weight;
            big.Strong += small.Strong;
            big.Defined |= small.Defined;
            big.Known |= small.Known;
            big.Headed |= small.Headed;
            if (small.FirstSentence < big.FirstSentence)
            {
                big.FirstSentence = small.FirstSentence;
                big.EvidenceSentence = small.EvidenceSentence ?? big.EvidenceSentence;
                big.FirstSpan = small.FirstSpan;
            }
            big.Name = name;
            foreach (var key in _actors.Where(kv => ReferenceEquals(kv.Value, small)).Select(kv => kv.Key).ToList())
            {
                _actors[key] = big;
            }
            for (var i = 0; i < _mentions.Count; i++)
            {
                if (ReferenceEquals(_mentions[i].Actor, small))
                {
                    _mentions[i] = _mentions[i] with { Actor = big };
                }
            }
        }
    }

    /// <summary>"Public Utility Board" and "Public Utilities Board" are one name.</summary>
    private static string Singular(string name) =>
        string.Join(' ', name.Split(' ').Select(w => w.EndsWith("ies", StringComparison.Ordinal) ? w[..^3] + "y" : w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) ? w[..^1] : w));

    /// <summary>"OHB" for "Oslo Harbour Board", "WDOF" for "Western Department of Fisheries".</summary>
    private static bool IsAcronymOf(string acronym, string name)
    {
        if (acronym.Length < 3 || !acronym.All(char.IsUpper) || !name.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var all = string.Concat(words.Select(w => char.ToUpperInvariant(w[0])));
        var capitals = string.Concat(words.Where(w => char.IsUpper(w[0])).Select(w => w[0]));
        return all.EndsWith(acronym, StringComparison.Ordinal) || capitals.EndsWith(acronym, StringComparison.Ordinal);
    }

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
