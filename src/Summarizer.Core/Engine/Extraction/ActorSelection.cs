using Summarizer.Core.Engine.Lexicon;

namespace Summarizer.Core.Engine.Extraction;

/// <summary>
/// Keeps the actors the story is about: people named in the text, and states and bodies it keeps coming back to;
/// not outlets only cited as sources, nor names that only ever name an event. The weightiest come first.
/// </summary>
internal static class ActorSelection
{
    /// <summary>
    /// A summary lists a story's parties; past this many (a long report, a page of several stories) the least
    /// weighty are noise. No news article in the eval sets reaches it.
    /// </summary>
    private const int MaxActors = 14;

    /// <summary>Words before and after a name that cite it as a source: "told Reuters", "according to the BBC", "Reuters reported".</summary>
    private static readonly IReadOnlySet<string> SourceBefore = Gazetteer.Words("source-cues-before.txt", ignoreCase: false);

    private static readonly IReadOnlySet<string> SourceAfter = Gazetteer.Words("source-cues-after.txt", ignoreCase: true);

    public static List<ActorRecord> Select(ActorBook book)
    {
        var text = book.Text;
        var mentions = book.Mentions;
        // The lead: the first sentences of the body, where a story names its parties.
        var lead = book.Model.Prose.Select(s => s.Index).DefaultIfEmpty(0).First() + 3;
        var selected = new List<ActorRecord>();
        foreach (var actor in book.Actors.Values.Distinct())
        {
            if (actor.EvidenceSentence is null)
            {
                continue;
            }
            var keep = actor.Kind switch
            {
                "person" => actor.Name.Contains(' ', StringComparison.Ordinal) || actor.Role is not null || actor.Mentions >= 2 || actor.Speaks,
                "state" => actor.Strong >= 2 || actor.Strong >= 1 && (actor.Weight >= 1.5 || actor.FirstSentence <= lead),
                "media" => actor.Mentions >= 2,
                _ => actor.Mentions >= 2 || actor.Defined || actor.NamedAsParty || actor.Headed && (actor.Name.Contains(' ', StringComparison.Ordinal) || actor.Aliases.Any(a => a.Contains(' ', StringComparison.Ordinal))) || (actor.Known && actor.FirstSentence <= lead),
            };
            if (keep && !actor.Known && actor.Kind is "organization" or "group" && mentions.Where(m => ReferenceEquals(m.Actor, actor)).All(m => NamesAnEvent(text, m)))
            {
                // "the Champions League final": a competition or event, not a party.
                keep = false;
            }
            if (keep && IsOutlet(actor) && mentions.Where(m => ReferenceEquals(m.Actor, actor)).All(m => IsSourceFrame(text, m)))
            {
                // An outlet only cited for what it reported is where the story comes from, not a party to it.
                keep = false;
            }
            if (keep)
            {
                selected.Add(actor);
            }
        }
        return selected
            .OrderByDescending(a => a.Weight + (a.Kind == "person" ? 1 : 0))
            .ThenBy(a => a.FirstSentence)
            .Take(MaxActors)
            .ToList();
    }

    private static bool IsOutlet(ActorRecord actor)
    {
        var agencies = Gazetteer.Instance.NewsAgencies;
        return actor.Kind == "media" || agencies.Contains(actor.Name) || actor.Aliases.Any(agencies.Contains);
    }

    /// <summary>"the Champions League final", "the Harbour Festival programme": the name is followed by an event noun.</summary>
    private static bool NamesAnEvent(string text, ActorMention mention)
    {
        var after = text[mention.End..Math.Min(text.Length, mention.End + 20)].TrimStart();
        var next = after.Split(' ', 2)[0].TrimEnd(',', '.', ';', ':');
        return Gazetteer.Instance.EventNouns.Contains(next);
    }

    private static bool IsSourceFrame(string text, ActorMention mention)
    {
        var before = text[Math.Max(0, mention.Start - 24)..mention.Start].TrimEnd().ToLowerInvariant();
        var words = before.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var lastTwo = words.Length >= 2 ? words[^2] + " " + words[^1] : words.LastOrDefault() ?? "";
        var lastThree = words.Length >= 3 ? words[^3] + " " + lastTwo : lastTwo;
        if (SourceBefore.Any(c => lastTwo.EndsWith(c, StringComparison.Ordinal) && (lastTwo == c || lastTwo.EndsWith(" " + c, StringComparison.Ordinal)) || lastThree == c))
        {
            return true;
        }
        var after = text[mention.End..Math.Min(text.Length, mention.End + 24)].TrimStart();
        var next = after.Split(' ', 2)[0].TrimEnd(',', '.', ';', ':');
        return SourceAfter.Contains(next) || after.StartsWith("’s report", StringComparison.Ordinal) || after.StartsWith("'s report", StringComparison.Ordinal);
    }
}
