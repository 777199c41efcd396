using Summarizer.Core.Engine.Lexicon;
using Summarizer.Core.Engine.Text;

namespace Summarizer.Core.Engine.Extraction;

/// <summary>
/// Bodies named or referred to by a lower-case head word ("union", "ministry", "board"): "the FNV union" is one
/// organisation; "the doctors' union, SIM," names the union; a bare "the union" is noted while the text is read and
/// resolved, once every name is known, to the one body it can mean.
/// </summary>
internal sealed class BodyHeads(ActorBook book)
{
    private readonly ActorBook _book = book;
    private readonly Gazetteer _gazetteer = Gazetteer.Instance;

    /// <summary>"the" + a lower-case body head ("the union", "the government"), resolved once every name is known.</summary>
    private sealed record BareHead(Sentence Sentence, int Token, string Head);

    private readonly List<BareHead> _bareHeads = [];

    /// <summary>"the doctors' union, SIM, ...": a name set off after a lower-case head names the body the head refers to.</summary>
    private readonly Dictionary<string, string> _appositives = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Where a head is used with a lower-case modifier ("the health ministry", "the nurses' union"): an unnamed body.</summary>
    private sealed record ModifiedHead(Sentence Sentence, int From, int Head, string Text)
    {
        public string HeadWord => Sentence.Tokens[Head].Text;
    }

    private readonly List<ModifiedHead> _modifiedMentions = [];

    /// <summary>Notes a name set off by commas right after a head ("the doctors' union, SIM,") as the name of that head's body.</summary>
    /// <returns>True when the name was an acronym so introduced, and is now a defined body.</returns>
    public bool NoteAppositive(Sentence sentence, int from, int to)
    {
        var tokens = sentence.Tokens;
        if (from < 2 || tokens[from - 1].Text != "," || !_gazetteer.GroupHeads.ContainsKey(tokens[from - 2].Text)
            || !(to >= tokens.Count || tokens[to].Text is "," or ")" or "." or "("))
        {
            return false;
        }
        var name = _book.Slice(tokens, from, to);
        _appositives[tokens[from - 2].Text] = name;
        if (to - from != 1 || !tokens[from].IsAllCaps || tokens[from].Text.Length is < 2 or > 8 || _gazetteer.MatchAt(_book.Text, tokens, from, out _) is not null)
        {
            return false;
        }
        // "The teachers' union, UDT, ...": the acronym is defined by the description, like "(UDT)" after a full name.
        var actor = _book.Get(name, _gazetteer.GroupHeads[tokens[from - 2].Text]);
        actor.Defined = true;
        var m = from - 3 >= 0 && tokens[from - 3].IsPossessive ? from - 4 : from - 3;
        if (m >= 0 && tokens[m].IsWord && char.IsLower(tokens[m].Text[0]) && !IsDeterminer(tokens[m].Text))
        {
            actor.Aliases.Add(_book.Slice(tokens, m, from - 1));
        }
        _book.Mention(actor, sentence, tokens[from].Start, tokens[from].End, name, 1);
        return true;
    }

    /// <summary>Notes a head word at token i that is not part of a capitalised name: "the union", "the health ministry".</summary>
    public void NoteBareHead(Sentence sentence, int i)
    {
        var tokens = sentence.Tokens;
        // "the health ministry", "the doctors' union": the head with a lower-case modifier, kept as the body's name.
        var m = i > 1 && tokens[i - 1].IsPossessive ? i - 2 : i - 1;
        if (m >= 0 && _gazetteer.GroupHeads.ContainsKey(tokens[i].Text) && tokens[m] is { IsWord: true } modifier
            && char.IsLower(modifier.Text[0]) && !_gazetteer.NonEntities.Contains(Capitalize(modifier.Text)) && !IsDeterminer(modifier.Text)
            && !IsParticipleOrAdverb(modifier.Text))
        {
            _modifiedMentions.Add(new ModifiedHead(sentence, m, i, _book.Slice(tokens, m, i + 1)));
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
    public int? HeadedByLowerCase(Sentence sentence, int from, int to)
    {
        var tokens = sentence.Tokens;
        var definite = from > 0 && tokens[from - 1].Text == "the" || tokens[from].Text == "The";
        // "a Lagos court": with "a", only a place's body is one particular body ("a Japanese study group" is not).
        var indefinite = from > 0 && tokens[from - 1].Text is "a" or "an" || tokens[from].Text is "A" or "An";
        if (tokens[from].Text is "The" or "A" or "An")
        {
            from++;
        }
        if (!(definite || indefinite) || from >= to || to - from > 3 || to >= tokens.Count)
        {
            return null;
        }
        if (indefinite && !(_gazetteer.MatchAt(_book.Text, tokens, from, out var placeEnd) is { Type: EntryType.Place or EntryType.Capital } && placeEnd == to))
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
                || IsParticipleOrAdverb(modifier.Text)
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
        // "the Kenyan government", "the Chile government" are the state; "the U.N. health agency" is a unit or a
        // description of a known body, not another actor. A known person's body ("the Trump administration") is one.
        if (_gazetteer.MatchAt(_book.Text, tokens, from, out var end) is { } entry && end == to && entry.Type is not (EntryType.Place or EntryType.Person))
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
    public void Resolve()
    {
        foreach (var group in _bareHeads.GroupBy(b => b.Head.ToLowerInvariant(), StringComparer.Ordinal))
        {
            var head = group.Key;
            if (_appositives.TryGetValue(head, out var named) && _book.Actors.TryGetValue(named, out var byApposition))
            {
                MentionAll(byApposition, group);
                continue;
            }
            // The first modified use names the unnamed body ("the health ministry" for "the ministry").
            var modified = _modifiedMentions.FirstOrDefault(h => h.HeadWord.Equals(head, StringComparison.OrdinalIgnoreCase))?.Text;
            var unnamedBody = modified is not null;
            var candidates = _book.Actors.Values.Distinct()
                .Where(a => head == "government" ? a.Kind == "state" && a.Strong >= 1 : a.Kind is not ("person" or "state" or "media")
                    && (a.Name.Split(' ').Any(w => string.Equals(w, head, StringComparison.OrdinalIgnoreCase))
                        // "EPA" is "the agency", "NLC" "the congress": an acronym whose last letter is the head's initial.
                        || !unnamedBody && a.Name.Length is >= 2 and <= 6 && a.Name.All(char.IsUpper) && a.Name[^1] == char.ToUpperInvariant(head[0])))
                .ToList();
            ActorRecord? target = candidates.Count == 1 ? candidates[0] : null;
            // Only a story that names no body at all is about "the government" or "the union" as such; otherwise the
            // head most likely refers to a named party the text spells differently ("the club" for "Rovers").
            var namesBodies = _book.Actors.Values.Any(a => a.Kind is "organization" or "group" && a.Mentions >= 1 && !a.Name.Equals(head, StringComparison.OrdinalIgnoreCase));
            if (target is null && candidates.Count == 0 && group.Count() >= 2 && !namesBodies)
            {
                target = _book.Get(modified ?? head, _gazetteer.GroupHeads.GetValueOrDefault(head, "organization"));
            }
            if (target is null)
            {
                continue;
            }
            MentionAll(target, group);
        }
        ResolveUnnamedBodies();
    }

    /// <summary>
    /// "The hospital trust and the nurses' union agreed": a body the story names only by its modified head is a party
    /// when it is used twice, or named beside a party; unless a named body has that head ("Unison ... the union").
    /// </summary>
    private void ResolveUnnamedBodies()
    {
        foreach (var group in _modifiedMentions.GroupBy(h => h.Text, StringComparer.OrdinalIgnoreCase))
        {
            var first = group.First();
            var head = first.HeadWord;
            if (head.Equals("government", StringComparison.OrdinalIgnoreCase)
                || _book.Actors.Values.Any(a => a.Kind is not ("person" or "state") && a.Name.Split(' ').Any(w => w.Equals(head, StringComparison.OrdinalIgnoreCase))))
            {
                continue;
            }
            var besideParty = group.Any(BesideParty);
            if (group.Count() < 2 && !besideParty)
            {
                continue;
            }
            var body = _book.Get(first.Text, _gazetteer.GroupHeads[head]);
            body.NamedAsParty |= besideParty;
            foreach (var mention in group)
            {
                var tokens = mention.Sentence.Tokens;
                _book.Mention(body, mention.Sentence, tokens[mention.From].Start, tokens[mention.Head].End, mention.Text, 1);
            }
        }
    }

    /// <summary>"X and the nurses' union", "the nurses' union and X": joined to a named party.</summary>
    private bool BesideParty(ModifiedHead mention)
    {
        var tokens = mention.Sentence.Tokens;
        var before = mention.From - 1;
        if (before >= 0 && tokens[before].Text is "the" or "The")
        {
            before--;
        }
        var joinedBefore = before >= 1 && tokens[before].Text == "and" && _book.Mentions.Any(m => m.End == tokens[before - 1].End);
        var joinedAfter = mention.Head + 2 < tokens.Count && tokens[mention.Head + 1].Text == "and" && _book.Mentions.Any(m => m.Start >= tokens[mention.Head + 2].Start && m.Start <= tokens[Math.Min(tokens.Count - 1, mention.Head + 3)].Start);
        return joinedBefore || joinedAfter;
    }

    /// <summary>A bare head counts half a mention: it refers to the body without naming it.</summary>
    private void MentionAll(ActorRecord actor, IEnumerable<BareHead> heads)
    {
        foreach (var bare in heads)
        {
            var token = bare.Sentence.Tokens[bare.Token];
            _book.Mention(actor, bare.Sentence, token.Start, token.End, token.Text, 0.5);
        }
    }

    /// <summary>"the", "a", "its", "either": an article, possessive or quantifier before a head modifies nothing.</summary>
    private static bool IsDeterminer(string word) =>
        word is "the" or "a" or "an" or "its" or "their" or "either" or "neither" or "each" or "both" or "any" or "every" or "other" or "another" or "some" or "no";

    /// <summary>"the elected council", "the only union": a word in -ed or -ly describes the head rather than naming the body.</summary>
    private static bool IsParticipleOrAdverb(string word) =>
        word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("ly", StringComparison.Ordinal);

    private static string Capitalize(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
