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
