using Summarizer.Core.Documents;
using Summarizer.Core.Engine.Lexicon;
using Summarizer.Core.Engine.Text;

namespace Summarizer.Core.Engine.Extraction;

/// <summary>
/// Finds where the story's meetings, talks or hearings happen: known places and named facilities introduced by
/// "in", "at", "to" or an offer to host, scored by how close they are to an event word (talks, summit, hearing...).
/// </summary>
internal static class VenueExtractor
{
    private static readonly HashSet<string> Prepositions = new(StringComparer.OrdinalIgnoreCase) { "in", "at", "to", "for", "inside" };

    private static readonly IReadOnlySet<string> FacilityHeads = Gazetteer.Words("venue-buildings.txt", ignoreCase: true);

    private static readonly IReadOnlySet<string> HostVerbs = Gazetteer.Words("host-verbs.txt", ignoreCase: true);

    private static readonly IReadOnlySet<string> HostOfferWords = Gazetteer.Words("host-offer-words.txt", ignoreCase: true);

    /// <summary>Status cues in the order they are tried: the first status with a cue in the sentence wins.</summary>
    private static readonly IReadOnlyList<(VenueStatus Status, string[] Cues)> StatusCues = Gazetteer.Lines("venue-status.tsv")
        .Select(line => line.Split('\t'))
        .GroupBy(row => Enum.Parse<VenueStatus>(row[0], ignoreCase: true))
        .Select(g => (g.Key, g.Select(row => row[1]).ToArray()))
        .ToList();

    private sealed class Candidate(string name, bool isCountry)
    {
        public string Name { get; } = name;

        public bool IsCountry { get; } = isCountry;

        public bool IsFacility { get; set; }

        public HashSet<int> Sentences { get; } = [];

        public double Score { get; set; }

        public double BestScore { get; set; } = -1;

        public Sentence? Sentence { get; set; }

        public (int Start, int End) Span { get; set; }
    }

    public static IReadOnlyList<Venue> Extract(TextModel model, Block? headline, ActorSet actors)
    {
        var gazetteer = Gazetteer.Instance;
        var candidates = new Dictionary<string, Candidate>(StringComparer.OrdinalIgnoreCase);
        var suppressed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        foreach (var sentence in model.Sentences)
        {
            var inHeadline = headline is not null && sentence.BlockIndex == headline.Index;
            if (!sentence.IsProse && !inHeadline)
            {
                continue;
            }
            var tokens = sentence.Tokens;
            var cuePositions = Enumerable.Range(0, tokens.Count).Where(k => IsVenueCue(tokens[k].Text)).ToList();
            var lastPlaceEnd = -1;
            for (var i = 0; i < tokens.Count; i++)
            {
                var entry = gazetteer.MatchAt(model.Text, tokens, i, out var end);
                string? name = null;
                var isCountry = false;
                var introduced = i > 0 && Prepositions.Contains(tokens[i - 1].Text)
                    || i > 1 && tokens[i - 1].Text == "and" && lastPlaceEnd == i - 1 // "in Lisbon and Porto"
                    || i > 0 && NameShapes.SettlementNouns.Contains(tokens[i - 1].Text)
                    || i > 1 && tokens[i - 1].Text == "of" && NameShapes.SettlementNouns.Contains(tokens[i - 2].Text)
                    || OffersToHost(tokens, end);
                if (i > 0 && (tokens[i - 1].Text is "at" or "in" || tokens[i - 1].Text == "the" && i > 1 && tokens[i - 2].Text is "at" or "in") && !tokens[i].SentenceStart
                    && tokens[i].Text is not ("a" or "an")
                    && Facility(model.Text, sentence, i, actors) is { Name: not null } facility)
                {
                    (name, end) = facility;
                    introduced = true;
                }
                else if (entry is { Type: EntryType.Capital or EntryType.Seat or EntryType.Place } && entry.Kind != "region")
                {
                    name = entry.Type is EntryType.Capital or EntryType.Seat ? entry.Surface : entry.Canonical;
                    if (IsShouted(tokens[i]))
                    {
                        name = entry.Surface;
                        introduced = introduced || i < 3;
                    }
                }
                else if (entry is { Type: EntryType.CountryName } or { Type: EntryType.Place, Kind: "region" })
                {
                    // A region is placed like a country: "a summit in Alaska", but not "fighting in Darfur".
                    name = entry.Canonical;
                    isCountry = true;
                    // A country is a venue only when the event is said to be in it ("talks in Switzerland") or it hosts;
                    // "the war in Ukraine" is not.
                    var hosts = OffersToHost(tokens, end);
                    // "talks in Switzerland", "travel to Oman for talks"; but "talks over the war in Ukraine" does not place them.
                    var placed = i > 0 && tokens[i - 1].Text is "in" or "to" or "at" && cuePositions.Any(c => c > i && c - i <= 6);
                    if (!hosts && !placed && !cuePositions.Any(c => c < i && i - c <= 3))
                    {
                        continue;
                    }
                    // "Geneva, Switzerland": the country only qualifies the city.
                    if (i >= 2 && tokens[i - 1].Text == ",")
                    {
                        suppressed.Add(name);
                    }
                }
                if (name is null && entry is null && i > 0 && tokens[i - 1].Text == "in" && tokens[i].IsCapitalized
                    && !gazetteer.NonEntities.Contains(tokens[i].Text) && cuePositions.Any(c => Math.Abs(c - i) <= 10))
                {
                    // "talks in Vaals": a place the gazetteer does not know, named right by an event word.
                    (name, end) = UnknownPlace(model.Text, tokens, i, actors);
                    introduced = name is not null;
                }
                if (name is null || end <= i)
                {
                    continue;
                }
                if (!introduced && !(i > 0 && tokens[i - 1].Text is "the" && i > 1 && tokens[i - 2].Text is "at" or "in"))
                {
                    continue;
                }
                lastPlaceEnd = end;
                var score = 0.3;
                if (cuePositions.Count > 0)
                {
                    var distance = cuePositions.Min(c => Math.Abs(c - i));
                    score = distance <= 12 ? 2 : 1;
                }
                if (inHeadline)
                {
                    score += 1;
                }
                if (!candidates.TryGetValue(name, out var candidate))
                {
                    candidate = new Candidate(name, isCountry) { IsFacility = entry is null || entry.Type is not (EntryType.Capital or EntryType.Seat or EntryType.Place or EntryType.CountryName) };
                    candidates[name] = candidate;
                }
                candidate.Score += score;
                candidate.Sentences.Add(sentence.Index);
                if (score > candidate.BestScore && sentence.IsProse)
                {
                    candidate.BestScore = score;
                    candidate.Sentence = sentence;
                    candidate.Span = (tokens[i].Start, tokens[end - 1].End);
                }
                i = end - 1;
            }
        }

        // A named facility outranks the city it is in ("the Riverside convention center in Denver").
        foreach (var facility in candidates.Values.Where(c => c.IsFacility && c.Sentence is not null))
        {
            foreach (var city in candidates.Values.Where(c => !c.IsFacility && c.Sentences.Contains(facility.Sentence!.Index)))
            {
                facility.Score = Math.Max(facility.Score, city.Score + 0.1);
            }
        }
        var ranked = candidates.Values
            .Where(c => c.Sentence is not null && c.Score >= 1 && !(c.IsCountry && suppressed.Contains(c.Name)))
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Sentence!.Index)
            .ToList();
        var chosen = new List<Candidate>();
        foreach (var c in ranked)
        {
            if (chosen.Count == 2 || (chosen.Count == 1 && c.Score < chosen[0].Score * 0.4))
            {
                break;
            }
            if (c.IsCountry && chosen.Any(x => !x.IsCountry))
            {
                continue;
            }
            // A named facility and its city in one sentence are one venue; the facility is the more precise name.
            if (chosen.Any(x => x.IsFacility && !c.IsFacility && c.Sentences.Contains(x.Sentence!.Index)
                || x.Sentence == c.Sentence && (x.IsFacility || c.IsFacility)))
            {
                continue;
            }
            chosen.Add(c);
        }
        return chosen.Select(c => ToVenue(model.Text, c)).ToList();
    }

    private static (string? Name, int End) UnknownPlace(string text, IReadOnlyList<Token> tokens, int i, ActorSet actors)
    {
        var end = i;
        while (end < tokens.Count && end - i < 3 && tokens[end].IsCapitalized && !Gazetteer.Instance.NonEntities.Contains(tokens[end].Text))
        {
            end++;
        }
        var start = tokens[i].Start;
        if (actors.Mentions.Any(m => m.Start <= start && m.End > start))
        {
            return (null, i); // a named actor, not a place
        }
        return (Whitespace.Squash(text[start..tokens[end - 1].End]), end);
    }

    /// <summary>"Slovakia offering to host", "Lisbon and Porto had offered to host", "Oslo hosts": the place is the subject of hosting.</summary>
    private static bool OffersToHost(IReadOnlyList<Token> tokens, int end)
    {
        for (var k = end; k < tokens.Count && k - end < 7; k++)
        {
            if (HostVerbs.Contains(tokens[k].Text))
            {
                return true;
            }
            // Only the place's own verb group may come between: "had offered to", "and Porto".
            if (!tokens[k].IsWord || !(tokens[k].IsCapitalized || HostOfferWords.Contains(tokens[k].Text)
                    || tokens[k].Text is "had" or "has" or "have" or "to" or "will" or "would" or "is" or "are" or "also" or "and"))
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>An event word, or its plural ("concerts", "rallies").</summary>
    private static bool IsVenueCue(string word)
    {
        var cues = Gazetteer.Instance.VenueCues;
        return cues.Contains(word)
            || word.Length > 4 && word.EndsWith('s') && (cues.Contains(word[..^1])
                || word.EndsWith("ies", StringComparison.Ordinal) && cues.Contains(word[..^3] + "y")
                || word.EndsWith("es", StringComparison.Ordinal) && cues.Contains(word[..^2]));
    }

    private static bool IsShouted(Token t) => t.IsAllCaps && t.Text.Length > 3;

    /// <summary>"the Riverside convention center", "City Hall", "his office" (made "Berg's office").</summary>
    private static (string? Name, int End) Facility(string text, Sentence sentence, int i, ActorSet actors)
    {
        var tokens = sentence.Tokens;
        var k = i;
        while (k < tokens.Count && k - i < 6 && (tokens[k].IsWord || tokens[k].Text is "(" or ")") && !FacilityHeads.Contains(tokens[k].Text))
        {
            if (tokens[k].IsWord && char.IsLower(tokens[k].Text[0]) && k > i + 2 && !char.IsUpper(tokens[k - 1].Text[0]))
            {
                return (null, i);
            }
            k++;
        }
        if (k >= tokens.Count || !FacilityHeads.Contains(tokens[k].Text))
        {
            return (null, i);
        }
        var end = k + 1;
        // "office of the Chief Justice": keep a capitalised "of" complement.
        if (end + 1 < tokens.Count && tokens[end].Text == "of")
        {
            var e = end + 1;
            while (e < tokens.Count && (tokens[e].IsCapitalized || tokens[e].Text is "the" or "of" or "to"))
            {
                e++;
            }
            if (e > end + 2)
            {
                end = e;
                while (!tokens[end - 1].IsCapitalized)
                {
                    end--;
                }
            }
        }
        var first = tokens[i].Text;
        if (first is "his" or "her" or "their")
        {
            var owner = actors.Mentions.Where(m => m.Sentence == sentence.Index && m.Start < tokens[i].Start && m.Actor.Kind == "person").Select(m => m.Actor).FirstOrDefault();
            if (owner is null)
            {
                return (null, i);
            }
            var surname = owner.Name.Split(' ')[^1];
            return ($"{surname}'s {Whitespace.Squash(text[tokens[i + 1].Start..tokens[end - 1].End])}", end);
        }
        if (!tokens[i].IsCapitalized && k == i)
        {
            return (null, i);
        }
        if (!tokens.Skip(i).Take(end - i).Any(t => t.IsCapitalized))
        {
            return (null, i);
        }
        var from = tokens[i].Text is "the" or "The" ? i + 1 : i;
        return (Whitespace.Squash(text[tokens[from].Start..tokens[end - 1].End]), end);
    }

    private static Venue ToVenue(string text, Candidate c)
    {
        var s = c.Sentence!;
        var (start, end) = s.WordCount <= 50 ? (s.Start, s.End) : c.Span;
        return new Venue(Display(c.Name), Status(s.Text), new Evidence(text[start..end], start, end));
    }

    private static string Display(string name) =>
        name.All(ch => !char.IsLetter(ch) || char.IsUpper(ch))
            ? string.Join(' ', name.Split(' ').Select(w => w.Length > 1 ? w[0] + w[1..].ToLowerInvariant() : w))
            : name;

    /// <summary>Proposed, confirmed, held or disputed, from the wording of the sentence that places the event.</summary>
    internal static VenueStatus Status(string sentence)
    {
        var s = " " + sentence.ToLowerInvariant() + " ";
        foreach (var (status, cues) in StatusCues)
        {
            if (cues.Any(cue => CueExtractor.IndexOfWord(s, cue) >= 0))
            {
                return status;
            }
        }
        return VenueStatus.Held;
    }

}
