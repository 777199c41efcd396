using System.Text;
using Summarizer.Core.Cleaning;
using Summarizer.Core.Documents;

namespace Summarizer.IntegrationTests;

/// <summary>Articles written for these tests.</summary>
internal static class Articles
{
    public const string Harbour =
        "Eastport council sets terms for harbour repairs\n\n" +
        "The Eastport city council voted on Thursday to resume repairs to the harbour wall, but only if the regional government releases the promised funds.\n\n" +
        "Mayor Linda Okafor said the council would not sign a new contract unless the money arrives before the end of January.\n\n" +
        "It remains unclear whether the contractor will return. Talks are scheduled to be held in Westhaven next week.";

    public static CleanedArticle Clean(string text, string id = "harbour") =>
        new ArticleCleaner().Clean(Encoding.UTF8.GetBytes(text), id);

    /// <summary>A reply that a model could give for <see cref="Harbour"/>, every quote taken from it.</summary>
    public static object HarbourReply(string? extraActorName = null, string? extraActorQuote = null)
    {
        var actors = new List<object>
        {
            Actor("Linda Okafor", "person", "Mayor of Eastport", ["Okafor"], "Mayor Linda Okafor said the council would not sign a new contract"),
            Actor("Eastport city council", "organization", null, [], "The Eastport city council voted on Thursday to resume repairs to the harbour wall"),
        };
        if (extraActorName is not null)
        {
            actors.Add(Actor(extraActorName, "person", null, [], extraActorQuote!));
        }
        return new
        {
            headline = "Harbour repairs",
            @abstract = "Eastport will resume harbour repairs if funds arrive.",
            actors,
            conditions = new[]
            {
                new { holder = "Eastport city council", text = "the regional government releases the promised funds", quote = "but only if the regional government releases the promised funds" },
            },
            venues = new[] { new { name = "Westhaven", status = "proposed", quote = "Talks are scheduled to be held in Westhaven next week" } },
            openQuestions = new[] { new { question = "Will the contractor return?", quote = "It remains unclear whether the contractor will return" } },
        };
    }

    /// <summary>An actor as the reply schema has it: what the model decides and its quote, no offsets or counts.</summary>
    public static object Actor(string name, string kind, string? role, string[] aliases, string quote) =>
        new { name, kind, role, aliases, quote };
}
