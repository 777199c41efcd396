using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using Summarizer.Core.Documents;

namespace Summarizer.Core.Engine.Model;

/// <summary>
/// What a language model is asked to return: only what it has to decide — names, kinds, roles, aliases, texts,
/// statuses, questions and each item's verbatim quote. Offsets and mention counts are computed from the article.
/// </summary>
public sealed record ModelReply(
    string Headline,
    string Abstract,
    IReadOnlyList<ModelActor> Actors,
    IReadOnlyList<ModelCondition> Conditions,
    IReadOnlyList<ModelVenue> Venues,
    IReadOnlyList<ModelQuestion> OpenQuestions)
{
    /// <summary>Strict reading: every property present, no null where the type has none, numbers as numbers, enums by name.</summary>
    private static readonly JsonSerializerOptions StrictOptions = new(DocumentJson.Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>
    /// The JSON schema of a reply in the subset strict structured outputs accept: typed enums, nullable fields as
    /// <c>["string","null"]</c>, every property required and <c>additionalProperties: false</c> on every object.
    /// </summary>
    public static JsonObject Schema()
    {
        var exporter = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = static (_, node) =>
            {
                if (node is not JsonObject schema)
                {
                    return node;
                }
                if (schema["properties"] is JsonObject properties)
                {
                    schema["required"] = new JsonArray([.. properties.Select(p => (JsonNode)p.Key)]);
                    schema["additionalProperties"] = false;
                }
                // Enums are written as camelCase names; the exporter leaves their type out, which strict mode refuses.
                if (schema["enum"] is not null && schema["type"] is null)
                {
                    schema["type"] = "string";
                }
                return node;
            },
        };
        return (JsonObject)StrictOptions.GetJsonSchemaAsNode(typeof(ModelReply), exporter);
    }

    /// <exception cref="JsonException">The text is not JSON of this shape.</exception>
    public static ModelReply Parse(string json) =>
        JsonSerializer.Deserialize<ModelReply>(json, StrictOptions) ?? throw new JsonException("The reply is JSON null.");

    /// <summary>
    /// The reply's items in the summary document's shape. Mentions are counted in <paramref name="articleText"/>;
    /// offsets are left for the grounding check to find.
    /// </summary>
    public SummaryDraft ToDraft(string articleText, string model) => new()
    {
        Headline = Headline,
        Abstract = Abstract,
        Actors = [.. Actors.Select(a => new Actor(a.Name, a.Kind, a.Role, a.Aliases, MentionCounter.Count(articleText, a.Aliases.Prepend(a.Name)), Unlocated(a.Quote)))],
        Conditions = [.. Conditions.Select(c => new Condition(c.Holder, c.Text, Unlocated(c.Quote)))],
        Venues = [.. Venues.Select(v => new Venue(v.Name, v.Status, Unlocated(v.Quote)))],
        OpenQuestions = [.. OpenQuestions.Select(q => new OpenQuestion(q.Question, Unlocated(q.Quote)))],
        Model = model,
    };

    private static Evidence Unlocated(string quote) => new(quote, -1, -1);
}

public sealed record ModelActor(string Name, ActorKind Kind, string? Role, IReadOnlyList<string> Aliases, string Quote);

public sealed record ModelCondition(string Holder, string Text, string Quote);

public sealed record ModelVenue(string Name, VenueStatus Status, string Quote);

public sealed record ModelQuestion(string Question, string Quote);
