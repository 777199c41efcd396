using Summarizer.Core.Engine.Lexicon;
using Summarizer.Core.Engine.Text;

namespace Summarizer.Core.Engine.Extraction;

/// <summary>
/// Once the whole text has been read: decides what the names outside the gazetteer are (a surname or acronym of an
/// actor already found, a new person or body, or nothing), then joins the bodies the text names in more than one way.
/// </summary>
internal sealed class ActorAliases(ActorBook book)
{
    /// <summary>Words before a name that make it a thing someone has or launches ("its Galaxy Fold", "a new Model X"), not a party.</summary>
    private static readonly HashSet<string> OwnerWords = new(StringComparer.OrdinalIgnoreCase) { "its", "their", "his", "her", "our", "my", "your", "new", "a", "an" };

    private static readonly IReadOnlySet<string> MemberNouns = Gazetteer.Words("member-nouns.txt", ignoreCase: true);

    private readonly ActorBook _book = book;
    private readonly Gazetteer _gazetteer = Gazetteer.Instance;

    /// <summary>How often each one-word name is used, and how often after "in", "at", "from" or "near"; read once.</summary>
    private Dictionary<string, (int Uses, int Located)>? _placeUses;

    /// <summary>The names used somewhere other than at the start of a sentence; read once.</summary>
    private HashSet<string>? _midSentence;

    /// <summary>Decides what the names outside the gazetteer are, now that every mention has been seen.</summary>
    public void ResolveUnknown()
    {
        // Single words followed by a number ("Route 9", "Group 7") are labels, not surnames.
        var singleCounts = _book.Unknown.Where(u => u.To - u.From == 1 && !FollowedByNumber(u) && u.Sentence.IsProse)
            .GroupBy(u => u.Text, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        var proseCounts = _book.Unknown.Where(u => u.Sentence.IsProse).GroupBy(u => u.Text, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        // Names given a role, or that speak, or whose surname recurs alone, are people.
        foreach (var u in _book.Unknown.Where(u => u.To - u.From >= 2 && u.Acronym is null))
        {
            var tokens = u.Sentence.Tokens;
            // "analysts at Peel Hunt": a name its people work at is a body, however much it looks like a person's.
            if (!NameShapes.IsPersonName(_book.Text, tokens, u.From, u.To) || NameShapes.OrgHeadIndex(tokens, u.From, u.To) >= 0 || NamesABodyByItsPeople(u))
            {
                continue;
            }
            var surname = tokens[u.To - 1].Text;
            // '"...," said Anna Berg' and "according to Anna Berg" introduce a speaker too.
            var quotedBy = NameShapes.PrecededBySpeech(tokens, u.From) && u.To - u.From <= 3
                || u.To + 1 < tokens.Count && tokens[u.To].Text == "," && tokens[u.To + 1].Text == "who" && u.To - u.From <= 3
                || u.From > 1 && tokens[u.From - 1].Text == "to" && tokens[u.From - 2].Text == "according" && u.To - u.From <= 3;
            // A recurring last word alone is weak evidence when the name starts with a place ("Pacific Jet" ... "Jet").
            var placeFirst = _gazetteer.MatchAt(_book.Text, tokens, u.From, out _) is not null;
            if (u.Role is not null || u.Speaks || quotedBy || (!placeFirst && singleCounts.ContainsKey(surname)) || _book.Actors.ContainsKey(u.Text))
            {
                _book.AddPerson(u.Sentence, u.From, u.To, u.Role);
            }
        }

        foreach (var u in _book.Unknown)
        {
            var tokens = u.Sentence.Tokens;
            var count = u.To - u.From;
            if (count >= 2 && _book.Actors.TryGetValue(u.Text, out var person) && person.Kind == "person")
            {
                continue; // already counted above
            }
            if (count == 1)
            {
                var word = u.Text;
                // A lone letter ("T", "S.") is an initial, a grade or a label, never a party by itself.
                if (word.TrimEnd('.').Length <= 1 || word.Any(char.IsDigit) || FollowedByNumber(u) || PrecededByNumber(u) || IsPlaceLike(word) && !NamesABodyByItsPeople(u) || _gazetteer.OrgWords.GetValueOrDefault(word) == "none" || IsCompoundOfKnown(tokens[u.From]))
                {
                    continue;
                }
                // A surname (or, for names without a family name last, the first name) refers back to the full name.
                var personMatch = _book.Actors.Values.FirstOrDefault(a => a.Kind == "person" && a.Name != word && (NameShapes.LastWord(a.Name) == word || a.Name.Split(' ').Length >= 3 && a.Name.StartsWith(word + " ", StringComparison.Ordinal)));
                if (personMatch is not null)
                {
                    personMatch.Speaks |= u.Speaks;
                    _book.Mention(personMatch, u.Sentence, tokens[u.From].Start, tokens[u.From].End, word, 1);
                    continue;
                }
                if (_book.Actors.TryGetValue(word, out var existing))
                {
                    _book.Mention(existing, u.Sentence, tokens[u.From].Start, tokens[u.From].End, word, 1);
                    continue;
                }
                // "the Board" after "Harbour Board": a bare head word refers to the body named before.
                if (_gazetteer.OrgWords.ContainsKey(word)
                    && _book.Actors.Values.FirstOrDefault(a => a.Kind != "person" && a.Kind != "state" && a.Name.EndsWith(" " + word, StringComparison.Ordinal)) is { } body)
                {
                    _book.Mention(body, u.Sentence, tokens[u.From].Start, tokens[u.From].End, word, 1);
                    continue;
                }
                // An undefined acronym that spells a body named in the text ("OHB" after "Oslo Harbour Board").
                if (_book.Actors.Values.FirstOrDefault(a => a.Kind is not ("person" or "state") && IsAcronymOf(word, a.Name)) is { } spelled)
                {
                    _book.Mention(spelled, u.Sentence, tokens[u.From].Start, tokens[u.From].End, word, 1);
                    continue;
                }
                var acronym = tokens[u.From].IsAllCaps && word.Length is >= 2 and <= 6;
                var sentenceStart = tokens[u.From].SentenceStart;
                // A capitalised word seen only at sentence starts or in the headline may be an ordinary word ("Fishermen").
                var recurring = singleCounts.GetValueOrDefault(word) >= 2 && !_book.LowerWords.Contains(word.ToLowerInvariant())
                    && (MidSentenceWords().Contains(word) || UsedAsName(word));
                var namedAsParty = NamesABodyByItsPeople(u) || SpeaksAsBody(u);
                if (u.Role is not null && !acronym && word.All(char.IsLetter))
                {
                    _book.AddPerson(u.Sentence, u.From, u.To, u.Role);
                }
                else if ((acronym && (singleCounts.GetValueOrDefault(word) >= 2 || u.Acronym is not null)) || (recurring && !(sentenceStart && singleCounts[word] < 2))
                    || namedAsParty)
                {
                    var actor = _book.Get(word, "organization");
                    actor.NamedAsParty |= namedAsParty;
                    _book.Mention(actor, u.Sentence, tokens[u.From].Start, tokens[u.From].End, word, 1);
                }
                continue;
            }
            // Two or three name words, with any "of the" between them ("Keepers of the Marsh").
            var nameWords = Enumerable.Range(u.From, count).Count(k => tokens[k].IsCapitalized);
            var namedByPeople = NamesABodyByItsPeople(u);
            if (u.Acronym is null && nameWords is 2 or 3 && (proseCounts.GetValueOrDefault(u.Text) >= 2 || namedByPeople) && !IsOwnedThing(u.Text)
                && Enumerable.Range(u.From, count).All(k => tokens[k].IsWord && !tokens[k].Text.Any(char.IsDigit)))
            {
                // A multiword name the story keeps using, or whose people act for it, that is not a person: a company or body ("Pacific Jet").
                var body = _book.Get(u.Text, "organization");
                body.NamedAsParty |= namedByPeople;
                _book.Mention(body, u.Sentence, tokens[u.From].Start, tokens[u.To - 1].End, u.Text, 1);
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

    /// <summary>"Brightwell representatives", "Brightwell and Corvex executives", "officials from Corvex": a name beside the people of a body names the body.</summary>
    private static bool NamesABodyByItsPeople(RawName u)
    {
        var tokens = u.Sentence.Tokens;
        var k = u.To;
        while (k + 1 < tokens.Count && tokens[k].Text is "and" or "," && tokens[k + 1].IsCapitalized)
        {
            k += 2;
            while (k < tokens.Count && tokens[k].IsCapitalized)
            {
                k++;
            }
        }
        // "representatives from Unison", "officials of Corvex".
        var peopleBefore = u.From >= 2 && tokens[u.From - 1].Text is "from" or "of" or "at" && MemberNouns.Contains(tokens[u.From - 2].Text);
        // "Local officials fear", "Senior executives said": an ordinary word opening the sentence describes the people.
        var describesPeople = tokens[u.From].SentenceStart && u.To - u.From == 1 && WordVectors.Instance.IsCommonWord(u.Text);
        return peopleBefore || k < tokens.Count && MemberNouns.Contains(tokens[k].Text) && !tokens[k].IsCapitalized && !describesPeople;
    }

    /// <summary>"Ryanair said": a single coined word that speaks is a body; "Miners said" is people, an ordinary word.</summary>
    private bool SpeaksAsBody(RawName u) =>
        u.Speaks && !_gazetteer.NonEntities.Contains(u.Text) && !WordVectors.Instance.IsCommonWord(u.Text);

    /// <summary>A word that owns something ("Norvik's board") or speaks ("Norvik reported") is a name even where it only opens sentences.</summary>
    private bool UsedAsName(string word) =>
        _book.Unknown.Any(v => v.Text == word && (v.Speaks || v.To < v.Sentence.Tokens.Count && v.Sentence.Tokens[v.To].IsPossessive));

    private bool IsOwnedThing(string name) =>
        _book.Unknown.Any(v => v.Text == name && v.From > 0 && OwnerWords.Contains(v.Sentence.Tokens[v.From - 1].Text));

    private static bool PrecededByNumber(RawName u) =>
        u.From > 0 && u.Sentence.Tokens[u.From - 1].Text.Any(char.IsDigit);

    /// <summary>A word the text puts after "in", "at" or "from" is a place, not an actor ("power from Ostrava").</summary>
    private bool IsPlaceLike(string word)
    {
        if (word.All(c => !char.IsLetter(c) || char.IsUpper(c)))
        {
            return false;
        }
        _placeUses ??= _book.Unknown.Where(v => v.To - v.From == 1)
            .GroupBy(v => v.Text, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (Uses: g.Count(), Located: g.Count(v => v.From > 0 && v.Sentence.Tokens[v.From - 1].Text is "in" or "at" or "from" or "near")),
                StringComparer.Ordinal);
        var (uses, located) = _placeUses.GetValueOrDefault(word);
        return located * 2 >= uses && located > 0;
    }

    private HashSet<string> MidSentenceWords() =>
        _midSentence ??= _book.Unknown.Where(v => v.Sentence.IsProse && !v.Sentence.Tokens[v.From].SentenceStart).Select(v => v.Text).ToHashSet(StringComparer.Ordinal);

    private static bool FollowedByNumber(RawName u) =>
        u.To < u.Sentence.Tokens.Count && u.Sentence.Tokens[u.To].Text.All(char.IsDigit);

    /// <summary>"Chile-Peru", "US-China": a compound of known states is not a new actor.</summary>
    private bool IsCompoundOfKnown(Token token)
    {
        var parts = token.Text.Split('-');
        return parts.Length > 1 && parts.All(p => _gazetteer.ByFirstWord.TryGetValue(p, out var entries) && entries.Any(e => e.Surface == p));
    }

    /// <summary>"Harbour Board" and "Oslo Harbour Board", "Acme" and "Acme Nordic": one body.</summary>
    public void MergeBodies()
    {
        var bodies = _book.Actors.Values.Distinct().Where(a => a.Kind is not ("person" or "state")).OrderBy(a => a.Name.Length).ToList();
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
            foreach (var key in _book.Actors.Where(kv => ReferenceEquals(kv.Value, small)).Select(kv => kv.Key).ToList())
            {
                _book.Actors[key] = big;
            }
            for (var i = 0; i < _book.Mentions.Count; i++)
            {
                if (ReferenceEquals(_book.Mentions[i].Actor, small))
                {
                    _book.Mentions[i] = _book.Mentions[i] with { Actor = big };
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
}
