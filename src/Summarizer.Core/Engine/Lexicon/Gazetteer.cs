namespace Summarizer.Core.Engine.Lexicon;

/// <summary>What a gazetteer surface form refers to.</summary>
internal enum EntryType
{
    CountryName,
    Demonym,
    Capital,
    /// <summary>A seat of government ("the Kremlin", "the White House"): names the state wherever it stands.</summary>
    Seat,
    Place,
    Organization,
    Person,
}

/// <summary>One surface form of a known entity, e.g. "Moscow" (capital) of "Russia".</summary>
internal sealed record GazetteerEntry(string Surface, string Canonical, EntryType Type, string Kind);

/// <summary>
/// Public facts (countries, capitals, demonyms, places, bodies, well-known people) and cue lists,
/// read once from the embedded data files under Data/ so they stay reviewable as data, not code.
/// </summary>
internal sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Gazetteer Instance => Shared.Value;

    /// <summary>Surface forms keyed by their first word (case-sensitive), longest first, for longest-match scans.</summary>
    public IReadOnlyDictionary<string, GazetteerEntry[]> ByFirstWord { get; }

    public IReadOnlySet<string> Titles { get; }

    /// <summary>Title phrases keyed by their first word (case-insensitive), longest first.</summary>
    public IReadOnlyDictionary<string, string[][]> TitlesByFirstWord { get; }

    /// <summary>Organisation head words and the kind they imply ("organization" or "group").</summary>
    public IReadOnlyDictionary<string, string> OrgWords { get; }

    public IReadOnlySet<string> NonEntities { get; }

    public IReadOnlyList<string> Furniture { get; }

    public IReadOnlyList<Cue> ConditionCues { get; }

    public IReadOnlyList<Cue> QuestionCues { get; }

    public IReadOnlySet<string> VenueCues { get; }

    /// <summary>Lower-case head nouns of bodies ("union", "board") and the kind they imply.</summary>
    public IReadOnlyDictionary<string, string> GroupHeads { get; }

    /// <summary>Words that qualify a country name without forming a new name ("Southern").</summary>
    public IReadOnlySet<string> PlaceModifiers { get; }

    /// <summary>Nouns that make the name before them an event or competition ("the Champions League final").</summary>
    public IReadOnlySet<string> EventNouns { get; }

    /// <summary>News agencies and wire services: cited as sources, they are not parties to the story.</summary>
    public IReadOnlySet<string> NewsAgencies { get; }

    /// <summary>Discourse words that are not part of a name when they open a sentence ("Hey", "So", "Meanwhile").</summary>
    public IReadOnlySet<string> SentenceOpeners { get; }

    /// <summary>Subject pronouns ("I", "We"): they start a clause, and their contractions ("I’m") are never names.</summary>
    public IReadOnlySet<string> Pronouns { get; }

    /// <summary>Verbs that report speech ("said", "told", "warned"): the name next to one is a speaker.</summary>
    public IReadOnlySet<string> SpeechVerbs { get; }

    private Gazetteer(
        Dictionary<string, GazetteerEntry[]> byFirstWord,
        HashSet<string> titles,
        Dictionary<string, string[][]> titlesByFirst,
        Dictionary<string, string> orgWords,
        HashSet<string> nonEntities,
        List<string> furniture,
        List<Cue> conditionCues,
        List<Cue> questionCues,
        HashSet<string> venueCues,
        Dictionary<string, string> groupHeads,
        HashSet<string> placeModifiers,
        HashSet<string> newsAgencies,
        HashSet<string> eventNouns,
        HashSet<string> sentenceOpeners,
        HashSet<string> pronouns,
        HashSet<string> speechVerbs)
    {
        SpeechVerbs = speechVerbs;
        SentenceOpeners = sentenceOpeners;
        Pronouns = pronouns;
        EventNouns = eventNouns;
        GroupHeads = groupHeads;
        PlaceModifiers = placeModifiers;
        NewsAgencies = newsAgencies;
        ByFirstWord = byFirstWord;
        Titles = titles;
        TitlesByFirstWord = titlesByFirst;
        OrgWords = orgWords;
        NonEntities = nonEntities;
        Furniture = furniture;
        ConditionCues = conditionCues;
        QuestionCues = questionCues;
        VenueCues = venueCues;
    }

    /// <summary>A title's head word, or its plural ("former prime ministers X and Y").</summary>
    public bool IsTitleWord(string word) =>
        Titles.Contains(word) || word.Length > 3 && word.EndsWith('s') && char.IsLower(word[0]) && Titles.Contains(word[..^1]);

    /// <summary>
    /// The longest gazetteer entry whose surface starts at <paramref name="tokens"/>[<paramref name="index"/>],
    /// and the index just past its last token. Whitespace runs in the text (line wraps) match one space.
    /// Shouted words ("GENEVA") are looked up in title case.
    /// </summary>
    public GazetteerEntry? MatchAt(string text, IReadOnlyList<Text.Token> tokens, int index, out int end)
    {
        end = index;
        var token = tokens[index];
        if (!token.IsWord)
        {
            return null;
        }
        var shouted = token.Text.Length > 3 && token.IsAllCaps && !token.Text.Contains('.', StringComparison.Ordinal);
        var key = Key(shouted ? char.ToUpperInvariant(token.Text[0]) + token.Text[1..].ToLowerInvariant() : token.Text);
        if (!ByFirstWord.TryGetValue(key, out var candidates))
        {
            return null;
        }
        foreach (var entry in candidates)
        {
            var length = MatchLength(text, token.Start, entry.Surface, ignoreCase: shouted);
            if (length < 0)
            {
                continue;
            }
            var stop = token.Start + length;
            for (var j = index; j < tokens.Count; j++)
            {
                if (tokens[j].End == stop)
                {
                    end = j + 1;
                    return entry;
                }
                if (tokens[j].End > stop)
                {
                    break;
                }
            }
        }
        return null;
    }

    private static int MatchLength(string text, int start, string surface, bool ignoreCase)
    {
        var i = start;
        foreach (var c in surface)
        {
            if (c == ' ')
            {
                if (i >= text.Length || !char.IsWhiteSpace(text[i]))
                {
                    return -1;
                }
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }
                continue;
            }
            if (i >= text.Length)
            {
                return -1;
            }
            var t = text[i];
            if (t != c && Fold(t) != Fold(c) && !(ignoreCase && char.ToUpperInvariant(t) == char.ToUpperInvariant(c)))
            {
                return -1;
            }
            i++;
        }
        // The surface must end on a word boundary ("Oman" is not the start of "Omani").
        return i < text.Length && char.IsLetterOrDigit(text[i]) ? -1 : i - start;
    }

    /// <summary>Curly and straight apostrophes are the same letter for matching.</summary>
    private static char Fold(char c) => c == '\'' ? '’' : c;

    /// <summary>The leading letters and digits of a word: the index key of entries and tokens alike.</summary>
    private static string Key(string word)
    {
        var n = 0;
        while (n < word.Length && char.IsLetterOrDigit(word[n]))
        {
            n++;
        }
        return n == 0 ? word : word[..n];
    }

    private static Gazetteer Load()
    {
        var entries = new List<GazetteerEntry>();
        foreach (var row in Rows("countries.tsv"))
        {
            var name = row[0];
            entries.Add(new(name, name, EntryType.CountryName, "state"));
            foreach (var alias in Split(row, 1))
            {
                entries.Add(new(alias, name, EntryType.CountryName, "state"));
            }
            foreach (var demonym in Split(row, 2))
            {
                entries.Add(new(demonym, name, EntryType.Demonym, "state"));
            }
            foreach (var capital in Split(row, 3))
            {
                entries.Add(new(capital, name, EntryType.Capital, "state"));
            }
            foreach (var seat in Split(row, 4))
            {
                entries.Add(new(seat, name, EntryType.Seat, "state"));
            }
        }
        foreach (var row in Rows("places.tsv"))
        {
            entries.Add(new(row[0], row[0], EntryType.Place, row.Length > 1 ? row[1] : "city"));
            foreach (var alias in Split(row, 2))
            {
                entries.Add(new(alias, row[0], EntryType.Place, row[1]));
            }
        }
        foreach (var row in Rows("organizations.tsv"))
        {
            var kind = row.Length > 1 && row[1].Length > 0 ? row[1] : "organization";
            entries.Add(new(row[0], row[0], EntryType.Organization, kind));
            foreach (var alias in Split(row, 2))
            {
                entries.Add(new(alias, row[0], EntryType.Organization, kind));
            }
        }
        foreach (var row in Rows("people.tsv"))
        {
            entries.Add(new(row[0], row[0], EntryType.Person, "person"));
            foreach (var alias in Split(row, 1))
            {
                entries.Add(new(alias, row[0], EntryType.Person, "person"));
            }
        }

        var byFirst = entries
            .GroupBy(e => Key(e.Surface), StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.OrderByDescending(e => e.Surface.Length).ToArray(),
                StringComparer.Ordinal);

        var titleLines = Lines("titles.txt").ToList();
        // A title word is a one-word title or the head (last word) of a longer one: "Minister", not "of".
        var titles = new HashSet<string>(titleLines.Select(t => t.Split(' ')[^1]), StringComparer.OrdinalIgnoreCase);
        var titlePhrases = titleLines.Select(t => t.Split(' ')).OrderByDescending(p => p.Length).ToList();
        var titlesByFirst = titlePhrases
            .GroupBy(p => p[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);

        var orgWords = KindLines("org-words.txt");
        foreach (var suffix in Lines("legal-suffixes.txt"))
        {
            orgWords.TryAdd(suffix, "organization");
        }

        var roleCues = RoleCues("clause-roles.tsv");
        return new Gazetteer(
            byFirst,
            titles,
            titlesByFirst,
            orgWords,
            new HashSet<string>(Lines("non-entities.txt"), StringComparer.Ordinal),
            Lines("furniture.txt").ToList(),
            Cues("condition-cues.tsv", roleCues.Where(c => IsConditionRole(c.Role))),
            Cues("question-cues.tsv", roleCues.Where(c => !IsConditionRole(c.Role))),
            new HashSet<string>(Lines("venue-cues.txt"), StringComparer.OrdinalIgnoreCase),
            KindLines("group-heads.txt"),
            new HashSet<string>(Lines("place-modifiers.txt"), StringComparer.Ordinal),
            new HashSet<string>(Lines("news-agencies.txt"), StringComparer.OrdinalIgnoreCase),
            new HashSet<string>(Lines("event-nouns.txt"), StringComparer.Ordinal),
            new HashSet<string>(Lines("sentence-openers.txt"), StringComparer.Ordinal),
            new HashSet<string>(Lines("pronouns.txt"), StringComparer.OrdinalIgnoreCase),
            new HashSet<string>(Lines("speech-verbs.txt"), StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>"word" or "word=kind" lines; the kind defaults to organisation.</summary>
    private static Dictionary<string, string> KindLines(string file)
    {
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Lines(file))
        {
            var parts = line.Split('=');
            kinds[parts[0]] = parts.Length > 1 ? parts[1] : "organization";
        }
        return kinds;
    }

    private static IEnumerable<string> Split(string[] row, int column) =>
        row.Length > column
            ? row[column].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];

    private static List<Cue> Cues(string file, IEnumerable<Cue> roleCues) =>
        Rows(file)
            .Select(r => new Cue(r[0], r.Length > 1 && int.TryParse(r[1], System.Globalization.CultureInfo.InvariantCulture, out var w) ? w : 1))
            .Concat(roleCues)
            .OrderByDescending(c => c.Phrase.Length)
            .ToList();

    /// <summary>Clause-role cues: "phrase, role, weight" rows. Roles that set terms feed conditions; the others, open questions.</summary>
    private static List<Cue> RoleCues(string file) =>
        Rows(file)
            .Select(r => new Cue(r[0], r.Length > 2 && int.TryParse(r[2], System.Globalization.CultureInfo.InvariantCulture, out var w) ? w : 1, r.Length > 1 ? r[1] : null))
            .ToList();

    /// <summary>Roles whose clause sets terms for an outcome.</summary>
    public static bool IsConditionRole(string? role) => role is "demand" or "require" or "refuse" or "expect";

    private static IEnumerable<string[]> Rows(string file) =>
        Lines(file).Select(l => l.Split('\t'));

    /// <summary>A one-word-or-phrase-per-line data file as a set: the loader for every plain list under Data/.</summary>
    public static IReadOnlySet<string> Words(string file, bool ignoreCase) =>
        new HashSet<string>(Lines(file), ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    /// <summary>An embedded data file as it is stored.</summary>
    internal static Stream Open(string file)
    {
        var assembly = typeof(Gazetteer).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + file, StringComparison.Ordinal));
        return assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded data file {file} is missing.");
    }

    /// <summary>Non-empty, non-comment lines of an embedded data file.</summary>
    internal static IEnumerable<string> Lines(string file)
    {
        using var stream = Open(file);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            lines.Add(line.TrimEnd('\r'));
        }
        return lines;
    }
}

/// <summary>
/// A cue phrase and how strongly it signals its item. <paramref name="Role"/> names the clause role of a verb cue
/// (demand, require, refuse, expect, hope, doubt, pending, hedge): its clause subject holds the item.
/// A phrase may hold alternatives, "(set|fixed)", and a gap, "…", of up to a few words inside the clause;
/// such a phrase is matched by <see cref="Pattern"/>, a plain one by word-bounded search.
/// </summary>
internal sealed record Cue(string Phrase, int Weight, string? Role = null)
{
    /// <summary>The most words a "…" gap may stand for: enough for an object ("urged the regional authority to").</summary>
    public const int GapWords = 8;

    /// <summary>Words that open another clause, so a gap may not run across them.</summary>
    private const string GapStops = "after|before|but|because|while|when|although|though|since|until|unless|if|and|or|which|who|whom|whose|where|as";

    public System.Text.RegularExpressions.Regex? Pattern { get; } = Compile(Phrase);

    /// <summary>
    /// Literal strings one of which a sentence must contain for <see cref="Pattern"/> to match: a cheap test that
    /// spares most sentences the regular expression.
    /// </summary>
    public IReadOnlyList<string> Anchors { get; } = AnchorsOf(Phrase);

    public bool MayMatch(string lower)
    {
        foreach (var anchor in Anchors)
        {
            if (lower.Contains(anchor, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return Anchors.Count == 0;
    }

    private static List<string> AnchorsOf(string phrase)
    {
        var parts = System.Text.RegularExpressions.Regex.Matches(phrase.TrimStart('^'), @"\([^)]*\)|\S+").Select(m => m.Value).Where(p => p != "…").ToList();
        // The part whose shortest alternative is longest is the rarest in ordinary text: "pressing|pushing" rather than "is|are", "options" rather than "its".
        return parts
            .Select(p => p[0] == '(' ? p[1..^1].Split('|').ToList() : [p])
            .OrderByDescending(a => a.Min(x => x.Length))
            .FirstOrDefault() ?? [];
    }

    /// <summary>How the phrase is shown and logged: the phrase without its start anchor.</summary>
    public string Text => Phrase.TrimStart('^');

    private static System.Text.RegularExpressions.Regex? Compile(string phrase)
    {
        if (!phrase.Contains('(', StringComparison.Ordinal) && !phrase.Contains('…', StringComparison.Ordinal))
        {
            return null;
        }
        var anchored = phrase[0] == '^';
        var parts = System.Text.RegularExpressions.Regex.Matches(phrase.TrimStart('^'), @"\([^)]*\)|\S+").Select(m => m.Value).ToList();
        var pattern = new System.Text.StringBuilder(anchored ? "^" : @"(?<![\w'])");
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            if (part == "…")
            {
                // Any words but no clause break or conjunction: the gap stays inside one clause
                // ("sought to settle after X offered concessions" is not "sought concessions").
                pattern.Append(@"(?:\s+(?!(?:" + GapStops + @")(?![\w']))[^\s,;:.!?—–()]+){0," + GapWords + "}?");
                continue;
            }
            if (i > 0)
            {
                pattern.Append(@"\s+");
            }
            pattern.Append(part[0] == '('
                ? "(?:" + string.Join('|', part[1..^1].Split('|').Select(a => string.Join(@"\s+", a.Split(' ').Select(System.Text.RegularExpressions.Regex.Escape)))) + ")"
                : System.Text.RegularExpressions.Regex.Escape(part));
        }
        pattern.Append(@"(?![\w])");
        return new System.Text.RegularExpressions.Regex(pattern.ToString(), System.Text.RegularExpressions.RegexOptions.CultureInvariant);
    }
}
