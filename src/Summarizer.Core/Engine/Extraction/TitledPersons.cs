using Summarizer.Core.Engine.Lexicon;
using Summarizer.Core.Engine.Text;

namespace Summarizer.Core.Engine.Extraction;

/// <summary>
/// People named with their title or role: "Fisheries Minister Ola Berg", "Minister of Fisheries, Ola Berg",
/// "HWF leader Ola Berg". The role is kept with the person; a state or body named inside it counts as a mention too.
/// </summary>
internal sealed class TitledPersons(ActorBook book)
{
    private readonly ActorBook _book = book;
    private readonly Gazetteer _gazetteer = Gazetteer.Instance;

    /// <summary>"Russian Foreign Minister Sergei Lavrov", "Minister of Fisheries Ola Berg", "retired General Keith Kellogg".</summary>
    /// <returns>True when the run held a person's name, now recorded with its role.</returns>
    public bool TryAdd(Sentence sentence, int from, int to)
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
                after = _gazetteer.MatchAt(_book.Text, tokens, after + 1, out var known) is not null ? Math.Min(known, to) : after + 2;
            }
            if (NameShapes.IsPersonName(_book.Text, tokens, after, to))
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

    /// <summary>Records the states, known bodies and acronyms named inside a role or office ("Russian", "WTO", "U.S.").</summary>
    public void ScanRolePart(Sentence sentence, int from, int to)
    {
        var tokens = sentence.Tokens;
        var p = from;
        while (p < to)
        {
            var entry = _gazetteer.MatchAt(_book.Text, tokens, p, out var end);
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
        if (from == 0 || !NameShapes.IsPersonName(_book.Text, tokens, from, to))
        {
            return false;
        }
        var k = from - 1;
        // "former prime ministers Ana Ruiz and Jorge Rodriguez": the second name shares the plural title.
        if (k > 0 && tokens[k].Text == "and" && _book.Mentions.Count > 0 && _book.Mentions[^1] is { Actor: { Kind: "person", Role: { } shared } } last
            && last.Sentence == sentence.Index && last.End == tokens[k - 1].End && !_gazetteer.Titles.Contains(shared.Split(' ')[^1]) && _gazetteer.IsTitleWord(shared.Split(' ')[^1]))
        {
            _book.AddPerson(sentence, from, to, shared);
            return true;
        }
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
        // "the head of congress Jorge Rodriguez", "the leader of the opposition Ana Ruiz": a lower-case "of" complement.
        if (!comma && k > 1 && tokens[k].IsWord && char.IsLower(tokens[k].Text[0]) && !_gazetteer.IsTitleWord(tokens[k].Text))
        {
            var of = tokens[k - 1].Text == "the" ? k - 2 : k - 1;
            if (of > 0 && tokens[of].Text == "of" && _gazetteer.IsTitleWord(tokens[of - 1].Text))
            {
                k = of - 1;
            }
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
}
