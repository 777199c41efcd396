namespace Summarizer.Core.Documents;

/// <summary>
/// What a new version of a story changed against the previous version's summary: what an editor reads first in a
/// write-through. Evidence of added and changed items quotes this version's cleaned text; evidence of removed and
/// answered items quotes the previous version's (its offsets point into that version's text).
/// </summary>
public sealed record SummaryChanges
{
    /// <summary>The version the summary is compared with.</summary>
    public required int PreviousVersion { get; init; }
    public IReadOnlyList<Actor> ActorsAdded { get; init; } = [];
    public IReadOnlyList<Actor> ActorsRemoved { get; init; } = [];
    public IReadOnlyList<Condition> ConditionsAdded { get; init; } = [];
    public IReadOnlyList<Condition> ConditionsRemoved { get; init; } = [];
    public IReadOnlyList<ConditionChange> ConditionsChanged { get; init; } = [];
    public IReadOnlyList<Venue> VenuesAdded { get; init; } = [];
    public IReadOnlyList<Venue> VenuesRemoved { get; init; } = [];
    public IReadOnlyList<VenueChange> VenuesChanged { get; init; } = [];
    public IReadOnlyList<OpenQuestion> QuestionsAdded { get; init; } = [];
    /// <summary>Open questions of the previous version that this one no longer asks: answered, or dropped.</summary>
    public IReadOnlyList<OpenQuestion> QuestionsAnswered { get; init; } = [];

    /// <summary>Whether anything at all changed.</summary>
    public bool IsEmpty => ActorsAdded.Count + ActorsRemoved.Count + ConditionsAdded.Count + ConditionsRemoved.Count + ConditionsChanged.Count
        + VenuesAdded.Count + VenuesRemoved.Count + VenuesChanged.Count + QuestionsAdded.Count + QuestionsAnswered.Count == 0;

    /// <summary>
    /// Compares two summaries of one story. Actors and venues are the same item when their names fold to the same
    /// <see cref="NameKey"/> (an actor also by any alias); conditions and questions are matched by the similarity of
    /// their words, since a write-through rephrases them.
    /// </summary>
    public static SummaryChanges Between(SummaryDocument previous, int previousVersion, SummaryDocument current)
    {
        var (conditionsAdded, conditionsRemoved, conditionsChanged) = CompareConditions(previous.Conditions, current.Conditions);
        var previousVenues = previous.Venues.ToLookup(v => NameKey.Of(v.Name));
        var currentVenues = current.Venues.ToLookup(v => NameKey.Of(v.Name));
        return new SummaryChanges
        {
            PreviousVersion = previousVersion,
            ActorsAdded = [.. current.Actors.Where(a => !previous.Actors.Any(p => SameActor(p, a)))],
            ActorsRemoved = [.. previous.Actors.Where(p => !current.Actors.Any(a => SameActor(p, a)))],
            ConditionsAdded = conditionsAdded,
            ConditionsRemoved = conditionsRemoved,
            ConditionsChanged = conditionsChanged,
            VenuesAdded = [.. current.Venues.Where(v => !previousVenues.Contains(NameKey.Of(v.Name)))],
            VenuesRemoved = [.. previous.Venues.Where(v => !currentVenues.Contains(NameKey.Of(v.Name)))],
            VenuesChanged =
            [
                .. current.Venues
                    .Select(v => (Now: v, Before: previousVenues[NameKey.Of(v.Name)].FirstOrDefault()))
                    .Where(p => p.Before is not null && p.Before.Status != p.Now.Status)
                    .Select(p => new VenueChange(p.Now.Name, p.Before!.Status, p.Now.Status, p.Now.Evidence)),
            ],
            QuestionsAdded = [.. current.OpenQuestions.Where(q => !previous.OpenQuestions.Any(p => Similar(p.Question, q.Question, QuestionSimilarity)))],
            QuestionsAnswered = [.. previous.OpenQuestions.Where(p => !current.OpenQuestions.Any(q => Similar(p.Question, q.Question, QuestionSimilarity)))],
        };
    }

    /// <summary>Share of words two questions must have in common to be the same question asked again.</summary>
    private const double QuestionSimilarity = 0.5;

    /// <summary>Share of words a holder's two conditions must have in common to be one condition reworded.</summary>
    private const double ConditionSimilarity = 0.4;

    private static bool SameActor(Actor a, Actor b)
    {
        var keys = a.Aliases.Prepend(a.Name).Select(NameKey.Of).ToHashSet(StringComparer.Ordinal);
        return b.Aliases.Prepend(b.Name).Select(NameKey.Of).Any(keys.Contains);
    }

    /// <summary>
    /// A condition with the same holder and the same words is unchanged; with the same holder and similar words,
    /// changed (the pair with most words in common first); anything left over was added or removed.
    /// </summary>
    private static (List<Condition> Added, List<Condition> Removed, List<ConditionChange> Changed) CompareConditions(
        IReadOnlyList<Condition> previous, IReadOnlyList<Condition> current)
    {
        var before = previous.ToList();
        var now = current.ToList();
        foreach (var condition in current)
        {
            if (before.FirstOrDefault(p => SameHolder(p, condition) && NameKey.Of(p.Text) == NameKey.Of(condition.Text)) is { } same)
            {
                before.Remove(same);
                now.Remove(condition);
            }
        }
        var changed = new List<ConditionChange>();
        var pairs = now
            .SelectMany(c => before.Where(p => SameHolder(p, c)).Select(p => (Now: c, Before: p, Score: Overlap(p.Text, c.Text))))
            .Where(p => p.Score >= ConditionSimilarity)
            .OrderByDescending(p => p.Score);
        foreach (var (condition, earlier, _) in pairs)
        {
            if (now.Contains(condition) && before.Contains(earlier))
            {
                changed.Add(new ConditionChange(condition.Holder, earlier.Text, condition.Text, condition.Evidence));
                now.Remove(condition);
                before.Remove(earlier);
            }
        }
        return (now, before, changed);
    }

    private static bool SameHolder(Condition a, Condition b) => NameKey.Of(a.Holder) == NameKey.Of(b.Holder);

    private static bool Similar(string a, string b, double threshold) => Overlap(a, b) >= threshold;

    /// <summary>Words in common over words in either (Jaccard), on folded words.</summary>
    private static double Overlap(string a, string b)
    {
        var left = Words(a);
        var right = Words(b);
        var union = left.Union(right).Count();
        return union == 0 ? 1 : (double)left.Intersect(right).Count() / union;
    }

    private static HashSet<string> Words(string text) => [.. NameKey.Of(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)];
}

/// <summary>A holder's condition reworded between two versions; the evidence quotes the new wording.</summary>
public sealed record ConditionChange(string Holder, string Before, string After, Evidence Evidence);

/// <summary>A venue whose status moved (proposed → confirmed, say); the evidence quotes the new version.</summary>
public sealed record VenueChange(string Name, VenueStatus From, VenueStatus To, Evidence Evidence);
