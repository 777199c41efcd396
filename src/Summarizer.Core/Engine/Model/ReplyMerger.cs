using Summarizer.Core.Documents;

namespace Summarizer.Core.Engine.Model;

/// <summary>Merges the replies for the parts of a long article into one: actors by name or alias, other items by their text.</summary>
public static class ReplyMerger
{
    public static ModelReply Merge(IReadOnlyList<ModelReply> parts)
    {
        ArgumentOutOfRangeException.ThrowIfZero(parts.Count);
        if (parts.Count == 1)
        {
            return parts[0];
        }
        return parts[0] with
        {
            Actors = MergeActors(parts.SelectMany(p => p.Actors)),
            Conditions = DistinctBy(parts.SelectMany(p => p.Conditions), c => Key(c.Quote)),
            Venues = DistinctBy(parts.SelectMany(p => p.Venues), v => Key(v.Name)),
            OpenQuestions = DistinctBy(parts.SelectMany(p => p.OpenQuestions), q => Key(q.Quote)),
        };
    }

    private static List<ModelActor> MergeActors(IEnumerable<ModelActor> actors)
    {
        var merged = new List<ModelActor>();
        foreach (var actor in actors)
        {
            var names = actor.Aliases.Prepend(actor.Name).Select(Key).ToHashSet();
            var index = merged.FindIndex(m => m.Aliases.Prepend(m.Name).Any(n => names.Contains(Key(n))));
            if (index < 0)
            {
                merged.Add(actor);
                continue;
            }
            var known = merged[index];
            // The longer name is the fuller one ("Sergei Lavrov" over "Lavrov"); every other form becomes an alias.
            var name = actor.Name.Length > known.Name.Length ? actor.Name : known.Name;
            merged[index] = known with
            {
                Name = name,
                Role = known.Role ?? actor.Role,
                Aliases = [.. known.Aliases.Concat(actor.Aliases).Append(actor.Name).Append(known.Name)
                    .Where(a => !string.Equals(a, name, StringComparison.OrdinalIgnoreCase))
                    .Distinct(StringComparer.OrdinalIgnoreCase)],
                Quote = BetterQuote(known, actor),
            };
        }
        return merged;
    }

    /// <summary>A quote that names the actor beats one that does not; otherwise the earlier one stays.</summary>
    private static string BetterQuote(ModelActor known, ModelActor other)
    {
        static bool Names(ModelActor a) => a.Quote.Contains(a.Name, StringComparison.Ordinal);
        return !Names(known) && Names(other) ? other.Quote : known.Quote;
    }

    private static List<T> DistinctBy<T>(IEnumerable<T> items, Func<T, string> key) =>
        [.. items.DistinctBy(key, StringComparer.Ordinal)];

    internal static string Key(string text) => NameKey.Of(text);
}
