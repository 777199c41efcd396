using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Summarizer.Core.Documents;
using Summarizer.Pipeline.Storage;

namespace Summarizer.Pipeline.Http;

/// <summary>
/// The API's OpenAPI 3.1 document: routes, parameters and answers are written beside the handlers
/// (<c>Http/openapi.json</c>); the documents' schemas are exported from the very types the handlers serialise, so the
/// contract cannot drift from what is served; the problem types are those of <see cref="ApiProblem"/>.
/// </summary>
public static class OpenApiDocument
{
    public const string ResourceName = "openapi.json";

    private static readonly Lazy<byte[]> Document = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The document as served, UTF-8 JSON.</summary>
    public static ReadOnlyMemory<byte> Utf8 => Document.Value;

    private static readonly (string Name, Type Type)[] ExportedSchemas =
    [
        ("ArticleState", typeof(ArticleState)),
        ("ArticleStatus", typeof(ArticleStatus)),
        ("ArticleVersion", typeof(ArticleVersion)),
        ("CleanedArticle", typeof(CleanedArticle)),
        ("SummaryDocument", typeof(SummaryDocument)),
    ];

    private static byte[] Build()
    {
        using var stream = typeof(OpenApiDocument).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        var document = JsonNode.Parse(stream)!.AsObject();
        var schemas = document["components"]!["schemas"]!.AsObject();
        var exporter = new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true };
        foreach (var (name, type) in ExportedSchemas)
        {
            schemas[name] = Rebased(WithNullsOptional(DocumentJson.Options.GetJsonSchemaAsNode(type, exporter)), name);
        }
        var problemTypes = schemas["Problem"]!["properties"]!["type"]!["enum"]!.AsArray();
        foreach (var problem in ApiProblem.All)
        {
            problemTypes.Add(problem.Type);
        }
        return Encoding.UTF8.GetBytes(document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Documents leave out null properties when written, so a property that may be null is not required.</summary>
    private static JsonNode WithNullsOptional(JsonNode schema)
    {
        foreach (var node in Descendants(schema).OfType<JsonObject>())
        {
            if (node["required"] is JsonArray required && node["properties"] is JsonObject properties)
            {
                foreach (var name in required.Select(r => r!.GetValue<string>()).Where(n => MayBeNull(properties[n])).ToList())
                {
                    required.Remove(required.First(r => r!.GetValue<string>() == name));
                }
            }
        }
        return schema;
    }

    /// <summary>
    /// A type used twice in one document (an actor in the summary and in its changes) is exported once and referred to
    /// by a pointer from the schema's root (<c>#/properties/actors/items</c>); under the components, that root is
    /// <c>#/components/schemas/{name}</c>.
    /// </summary>
    private static JsonNode Rebased(JsonNode schema, string name)
    {
        foreach (var node in Descendants(schema).OfType<JsonObject>().ToList())
        {
            if (node["$ref"] is JsonValue reference && reference.GetValue<string>() is { } pointer && pointer.StartsWith('#'))
            {
                node["$ref"] = $"#/components/schemas/{name}{pointer[1..]}";
            }
        }
        return schema;
    }

    private static bool MayBeNull(JsonNode? property) => property?["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null");

    private static IEnumerable<JsonNode> Descendants(JsonNode node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).OfType<JsonNode>().SelectMany(Descendants).Prepend(node),
        JsonArray a => a.OfType<JsonNode>().SelectMany(Descendants).Prepend(node),
        _ => [node],
    };
}
