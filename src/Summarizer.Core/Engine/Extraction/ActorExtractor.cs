using Summarizer.Core.Documents;
using Summarizer.Core.Engine.Text;

namespace Summarizer.Core.Engine.Extraction;

/// <summary>
/// Finds named actors (people, organisations, states, groups) in three passes over one shared
/// <see cref="ActorBook"/>: read every capitalised run of the headline and prose; resolve what could only be decided
/// once every name is known (surnames, acronyms, bare "the union", bodies named two ways); select the parties.
/// </summary>
internal static class ActorExtractor
{
    /// <summary>The story's actors, and every place each is mentioned (the headline counts, at half weight).</summary>
    public static ActorSet Extract(TextModel model, Block? headline)
    {
        var book = new ActorBook(model);
        var heads = new BodyHeads(book);
        new ActorScan(book, heads, new ActorSpans(book, new TitledPersons(book))).Read(headline);

        var aliases = new ActorAliases(book);
        aliases.ResolveUnknown();
        heads.Resolve();
        aliases.MergeBodies();

        return new ActorSet(ActorSelection.Select(book), book.Mentions);
    }

    /// <summary>
    /// The summary's form of an actor. Its evidence is the first prose sentence naming it, or only the name when that
    /// sentence runs past 50 words.
    /// </summary>
    public static Actor ToActor(ActorRecord actor, string text)
    {
        var sentence = actor.EvidenceSentence!;
        var (start, end) = sentence.WordCount <= 50 ? (sentence.Start, sentence.End) : actor.FirstSpan;
        var aliases = actor.Aliases.Where(a => !string.Equals(a, actor.Name, StringComparison.OrdinalIgnoreCase)).OrderBy(a => a, StringComparer.Ordinal).ToList();
        var kind = actor.Kind switch
        {
            "person" => ActorKind.Person,
            "state" => ActorKind.State,
            "group" => ActorKind.Group,
            _ => ActorKind.Organization,
        };
        return new Actor(actor.Name, kind, actor.Role, aliases, actor.Mentions, new Evidence(text[start..end], start, end));
    }
}
