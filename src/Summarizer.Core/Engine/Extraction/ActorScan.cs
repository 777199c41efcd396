using Summarizer.Core.Engine.Lexicon;
using Summarizer.Core.Engine.Text;

namespace Summarizer.Core.Engine.Extraction;

/// <summary>
/// The first pass: reads the headline and the prose sentence by sentence (skipping bylines and a shouted dateline)
/// and cuts each into capitalised runs. A run followed by a lower-case body head ("the FNV union") or set off after
/// one ("the union, FNV,") goes to <see cref="BodyHeads"/>; any other run to <see cref="ActorSpans"/>, which decides
/// what it names. Lower-case head words met on the way are noted for after the read.
/// </summary>
internal sealed class ActorScan(ActorBook book, BodyHeads heads, ActorSpans spans)
{
    private static readonly IReadOnlySet<string> BylineCues = Gazetteer.Words("byline-cues.txt", ignoreCase: true);

    private readonly ActorBook _book = book;
    private readonly BodyHeads _heads = heads;
    private readonly ActorSpans _spans = spans;
    private readonly Gazetteer _gazetteer = Gazetteer.Instance;

    public void Read(Block? headline)
    {
        foreach (var sentence in _book.Model.Sentences)
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
    }

    /// <summary>Cuts one sentence into capitalised runs (with the connectors, "of the" and possessives names contain).</summary>
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
                else if (n.Text is "of" && j == i + 1 && !tokens[i].SentenceStart && !_gazetteer.IsTitleWord(tokens[i].Text)
                         && j + 2 < tokens.Count && tokens[j + 1].Text == "the" && tokens[j + 2].IsCapitalized)
                {
                    // "Friends of the Earth": one word, "of the", a name; longer runs before "of" are a name and its
                    // complement ("Anna Berg of the University of Tarland").
                    j += 3;
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
            _spans.Analyze(sentence, i, j);
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
            || _gazetteer.MatchAt(_book.Text, tokens, owner, out _) is not null || _gazetteer.NonEntities.Contains(tokens[owner].Text))
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
        tokens[i].Text == "the" && _gazetteer.MatchAt(_book.Text, tokens, i, out _) is { Type: EntryType.Seat };

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
}
