using Summarizer.Core.Engine.Lexicon;
using Summarizer.Core.Engine.Text;

namespace Summarizer.Core.Engine.Extraction;

/// <summary>
/// What the actor passes know about one text: the actors found so far (keyed by every name they go by), every
/// place they are mentioned, and the capitalised names nobody recognised yet. Also how each kind of finding is
/// written down, so the passes that find a person, a body or a state record it the same way.
/// </summary>
internal sealed class ActorBook
{
    private static readonly HashSet<string> Locatives = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "at", "to", "from", "near", "outside", "into", "toward", "towards", "via", "across", "around", "inside",
    };

    /// <summary>Words after a demonym that make it stand for the state itself ("Chilean government").</summary>
    private static readonly IReadOnlySet<string> StateNouns = Gazetteer.Words("state-nouns.txt", ignoreCase: true);

    private readonly Gazetteer _gazetteer = Gazetteer.Instance;

    public ActorBook(TextModel model)
    {
        Model = model;
        LowerWords = new HashSet<string>(
            model.Sentences.SelectMany(s => s.Tokens).Where(t => t.IsWord && char.IsLower(t.Text[0])).Select(t => t.Text),
            StringComparer.Ordinal);
    }

    public TextModel Model { get; }

    public string Text => Model.Text;

    /// <summary>Every name and alias an actor goes by; several keys may share one record.</summary>
    public Dictionary<string, ActorRecord> Actors { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<ActorMention> Mentions { get; } = [];

    /// <summary>Capitalised names outside the gazetteer, decided once the whole text has been read.</summary>
    public List<RawName> Unknown { get; } = [];

    /// <summary>Words the text writes in lower case somewhere: a capitalised one may only be a sentence opener.</summary>
    public IReadOnlySet<string> LowerWords { get; }

    public ActorRecord Get(string name, string kind)
    {
        if (!Actors.TryGetValue(name, out var actor))
        {
            actor = new ActorRecord(name, kind);
            Actors[name] = actor;
        }
        return actor;
    }

    public void Mention(ActorRecord actor, Sentence sentence, int start, int end, string? surface, double weight, bool known = false)
    {
        actor.Known |= known;
        actor.Mentions++;
        if (weight >= 1 && sentence.IsProse)
        {
            actor.Strong++;
        }
        // The headline repeats the story; it counts, but less than the text.
        actor.Weight += sentence.IsProse ? weight : weight / 2;
        if (surface is not null && !string.Equals(surface, actor.Name, StringComparison.OrdinalIgnoreCase))
        {
            actor.Aliases.Add(surface);
        }
        if (sentence.IsProse && actor.EvidenceSentence is null)
        {
            actor.EvidenceSentence = sentence;
            actor.FirstSpan = (start, end);
        }
        actor.FirstSentence = Math.Min(actor.FirstSentence, sentence.Index);
        Mentions.Add(new ActorMention(actor, sentence.Index, start, end));
    }

    public void AddPerson(Sentence sentence, int from, int to, string? role)
    {
        var tokens = sentence.Tokens;
        var name = Slice(tokens, from, to);
        if (_gazetteer.MatchAt(Text, tokens, from, out var end) is { Type: EntryType.Person } known && end == to)
        {
            name = known.Canonical;
        }
        var actor = Person(name);
        if (role is { Length: > 0 } && (actor.Role is null || actor.Role.Length < role.Length))
        {
            actor.Role = role.Trim();
        }
        actor.Speaks |= NameShapes.FollowedBySpeech(tokens, to);
        Mention(actor, sentence, tokens[from].Start, tokens[to - 1].End, Slice(tokens, from, to), 1);
    }

    private ActorRecord Person(string name)
    {
        if (Actors.TryGetValue(name, out var existing))
        {
            return existing;
        }
        var last = NameShapes.LastWord(name);
        // A surname alone joins the full name already seen; a full name absorbs an earlier surname-only record.
        var match = Actors.Values.FirstOrDefault(a => a.Kind == "person" && a.Name != name && NameShapes.LastWord(a.Name) == last);
        if (match is not null)
        {
            if (match.Name.Split(' ').Length < name.Split(' ').Length)
            {
                Actors.Remove(match.Name);
                match.Aliases.Add(match.Name);
                match.Name = name;
                Actors[name] = match;
            }
            else
            {
                match.Aliases.Add(name);
                Actors[name] = match;
            }
            return match;
        }
        var actor = new ActorRecord(name, "person");
        Actors[name] = actor;
        return actor;
    }

    public void AddOrganization(Sentence sentence, int from, int to, string kind)
    {
        var tokens = sentence.Tokens;
        // "the University of X’s College of Y" is a unit of the body just named, not another actor.
        if (from >= 2 && tokens[from - 1].IsPossessive && Mentions.Count > 0 && Mentions[^1] is { } last
            && last.Sentence == sentence.Index && last.End == tokens[from - 2].End && last.Actor.Kind is not ("person" or "state"))
        {
            return;
        }
        var name = Slice(tokens, from, to);
        // "Gold Fields Limited" is "Gold Fields": the company form is left out of the name, kept as an alias.
        var stemEnd = to - 1;
        while (stemEnd > from && tokens[stemEnd - 1].Text == ",")
        {
            stemEnd--;
        }
        var stem = NameShapes.LegalSuffixes.Contains(tokens[to - 1].Text) && stemEnd - from >= 1 ? Slice(tokens, from, stemEnd) : name;
        var actor = Get(stem, kind);
        if (stem != name)
        {
            actor.Aliases.Add(name);
            Actors.TryAdd(name, actor);
        }
        actor.Headed = true;
        actor.LowerHead |= char.IsLower(name[^1]) || char.IsLower(name.Split(' ')[^1][0]);
        var acronym = NameShapes.AcronymAfter(tokens, to);
        if (acronym is not null)
        {
            actor.Defined = true;
            actor.Aliases.Add(acronym);
            if (Actors.TryGetValue(acronym, out var byAcronym) && !ReferenceEquals(byAcronym, actor))
            {
                actor.Weight += byAcronym.Weight;
                actor.Mentions += byAcronym.Mentions;
                Actors.Remove(acronym);
            }
            Actors[acronym] = actor;
        }
        Mention(actor, sentence, tokens[from].Start, tokens[to - 1].End, name, 1);
    }

    public void AddGazetteerMention(Sentence sentence, GazetteerEntry entry, int from, int to)
    {
        var tokens = sentence.Tokens;
        var surface = Slice(tokens, from, to);
        switch (entry.Type)
        {
            case EntryType.CountryName:
                // "in Switzerland" places an event; "Geneva, Switzerland" only qualifies a city.
                var before = from > 0 ? tokens[from - 1].Text : "";
                var after = to < tokens.Count ? tokens[to].Text : "";
                var countryWeight = before == "," || NameShapes.SettlementNouns.Contains(after) ? 0 : Locatives.Contains(before) ? 0.5 : 1;
                Mention(Get(entry.Canonical, "state"), sentence, tokens[from].Start, tokens[to - 1].End, surface, countryWeight, known: true);
                break;
            case EntryType.Capital or EntryType.Seat:
                if (entry.Type == EntryType.Seat || IsMetonym(tokens, from, to))
                {
                    Mention(Get(entry.Canonical, "state"), sentence, tokens[from].Start, tokens[to - 1].End, surface, 1, known: true);
                }
                break;
            case EntryType.Demonym:
                var noun = to < tokens.Count ? tokens[to].Text : "";
                var weight = StateNouns.Contains(noun) ? 1.0 : 0.5;
                Mention(Get(entry.Canonical, "state"), sentence, tokens[from].Start, tokens[to - 1].End, null, weight, known: true);
                break;
            case EntryType.Organization:
                var org = Get(entry.Canonical, entry.Kind);
                var acronym = NameShapes.AcronymAfter(tokens, to);
                if (acronym is not null)
                {
                    org.Aliases.Add(acronym);
                }
                Mention(org, sentence, tokens[from].Start, tokens[to - 1].End, surface, 1, known: true);
                break;
            case EntryType.Person:
                var titled = from > 0 && _gazetteer.IsTitleWord(tokens[from - 1].Text);
                AddPerson(sentence, from, to, titled ? tokens[from - 1].Text : null);
                break;
            default:
                break;
        }
    }

    /// <summary>"Moscow insists", "talks with Damascus", "Beijing's demands" stand for the state; "talks in Moscow", "London 2012" do not.</summary>
    private static bool IsMetonym(IReadOnlyList<Token> tokens, int from, int to)
    {
        var prev = from > 0 ? tokens[from - 1].Text : "";
        if (Locatives.Contains(prev) || NameShapes.SettlementNouns.Contains(prev) || prev is "of" or "the" or "for" or "," || from > 0 && tokens[from - 1].IsCapitalized)
        {
            return false;
        }
        if (to >= tokens.Count)
        {
            return false;
        }
        var next = tokens[to];
        return next.IsPossessive || next.IsWord && char.IsLower(next.Text[0]);
    }

    /// <summary>Keeps a name outside the gazetteer, with what surrounds it, to be decided on once the whole text is read.</summary>
    public void AddUnknown(Sentence sentence, int from, int to)
    {
        var tokens = sentence.Tokens;
        while (from < to && _gazetteer.NonEntities.Contains(tokens[from].Text))
        {
            from++;
        }
        if (from >= to)
        {
            return;
        }
        var text = Slice(tokens, from, to);
        string? role = null;
        // "Ola Berg, President of the HWF": an appositive title after the name.
        if (to + 1 < tokens.Count && tokens[to].Text == ",")
        {
            var k = to + 1;
            if (tokens[k].Text is "the" or "a" or "an" && k + 1 < tokens.Count)
            {
                k++;
            }
            // "X, an associate professor ...": up to two modifiers before the title word.
            var title = k;
            while (title < tokens.Count && title - k < 3 && tokens[title].IsWord && !_gazetteer.IsTitleWord(tokens[title].Text) && char.IsLower(tokens[title].Text[0]))
            {
                title++;
            }
            if (title < tokens.Count && tokens[title].IsWord && _gazetteer.IsTitleWord(tokens[title].Text) && !_gazetteer.NonEntities.Contains(tokens[title].Text))
            {
                var e = k;
                while (e < tokens.Count && e - k < 10 && tokens[e].Text is not ("," or "." or ";" or "—" or "(" or ")"))
                {
                    e++;
                }
                role = Slice(tokens, k, e);
            }
        }
        Unknown.Add(new RawName(sentence, from, to, text, role, NameShapes.FollowedBySpeech(tokens, to), NameShapes.AcronymAfter(tokens, to)));
    }

    /// <summary>The text of tokens [from, to) as written, with runs of whitespace squashed.</summary>
    public string Slice(IReadOnlyList<Token> tokens, int from, int to) =>
        from >= to ? string.Empty : Whitespace.Squash(Text[tokens[from].Start..tokens[to - 1].End]);
}
