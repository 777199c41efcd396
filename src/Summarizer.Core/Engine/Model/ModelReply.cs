using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Summarizer.Core.Documents;

namespace Summarizer.Core.Engine.Model;

/// <summary>
/// What a language model is asked to return: the summary document's own item types, so the response schema and the
/// published document have one source of truth. Offsets and mention counts in a reply are not trusted; grounding recomputes offsets.
/// </summary>
public sealed record ModelReply(
    string Headline,
    string Abstract,
    IReadOnlyList<Actor> Actors,
    IReadOnlyList<Condition> Conditions,
    IReadOnlyList<Venue> Venues,
    IReadOnlyList<OpenQuestion> OpenQuestions)
{
    /// <summary>Strict reading: every property present, no null where the type has none, enums by name.</summary>
    private static readonly JsonSerializerOptions StrictOptions = new(DocumentJson.Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>
    /// The strict JSON schema of a reply, in the subset structured outputs accept:
    /// every property required, <c>additionalProperties: false</c> on every object, four levels deep.
    /// </summary>
    public static JsonObject Schema()
    {
        var exporter = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = static (_, node) =>
            {
                if (node is JsonObject { } schema && schema["properties"] is JsonObject properties)
                {
                    schema["required"] = new JsonArray([.. properties.Select(p => (JsonNode)p.Key)]);
                    schema["additionalProperties"] = false;
                }
                return node;
            },
        };
        return (JsonObject)DocumentJson.Options.GetJsonSchemaAsNode(typeof(ModelReply), exporter);
    }

    /// <exception cref="JsonException">The text is not JSON of this shape.</exception>
    public static ModelReply Parse(string json) =>
        JsonSerializer.Deserialize<ModelReply>(json, StrictOptions) ?? throw new JsonException("The reply is JSON null.");
}
