using System.Text.Json.Nodes;

namespace Summarizer.IntegrationTests;

/// <summary>
/// The JSON Schema subset Azure OpenAI's structured outputs accept with <c>strict: true</c>, as documented: supported
/// types only, no validation keywords, every object closed and fully required, at most 5 levels of nesting,
/// 100 properties and 500 enum values in all. The service refuses any other schema with a 400 before the model runs.
/// </summary>
internal static class StructuredOutputsSubset
{
    public const int MaxNesting = 5;
    public const int MaxProperties = 100;
    public const int MaxEnumValues = 500;

    private static readonly HashSet<string> Types = ["string", "number", "boolean", "integer", "object", "array", "null"];

    private static readonly string[] UnsupportedKeywords =
    [
        "pattern", "format", "minLength", "maxLength",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "minItems", "maxItems", "uniqueItems", "contains",
        "patternProperties", "propertyNames", "minProperties", "maxProperties",
    ];

    /// <summary>Why the service would refuse this response schema, in its own words; null when it is accepted.</summary>
    public static string? Refusal(string formatName, JsonNode? schema)
    {
        var problem = schema is JsonObject { } root && root["type"]?.GetValue<string>() == "object"
            ? new Walk().Check(root, [], depth: 1)
            : "In context=(), the root schema must be an object (\"type\": \"object\"), not anyOf.";
        return problem is null ? null : $"Invalid schema for response_format '{formatName}': {problem}";
    }

    private sealed class Walk
    {
        private int _properties;
        private int _enumValues;

        public string? Check(JsonObject schema, List<string> path, int depth)
        {
            var context = $"In context=({string.Join(", ", path.Select(p => $"'{p}'"))})";
            if (UnsupportedKeywords.FirstOrDefault(schema.ContainsKey) is { } keyword)
            {
                return $"{context}, '{keyword}' is not permitted.";
            }
            if (schema["$ref"] is not null)
            {
                return null;
            }
            if (schema["anyOf"] is JsonArray branches)
            {
                return branches.Select((branch, i) => branch is JsonObject b ? Check(b, [.. path, "anyOf", i.ToString(System.Globalization.CultureInfo.InvariantCulture)], depth) : $"{context}, anyOf must list schemas.")
                    .FirstOrDefault(p => p is not null);
            }
            if (TypeOf(schema["type"]) is not { } type)
            {
                return $"{context}, schema must have a 'type' key naming one of {string.Join(", ", Types)}, or a nullable union of one of them with 'null'.";
            }
            if (schema["enum"] is JsonArray values)
            {
                _enumValues += values.Count;
                if (_enumValues > MaxEnumValues)
                {
                    return $"{context}, the schema has more than {MaxEnumValues} enum values in total.";
                }
            }
            return type switch
            {
                "object" => CheckObject(schema, path, depth, context),
                "array" when schema["items"] is JsonObject items => Check(items, [.. path, "items"], depth),
                "array" => $"{context}, an array schema must have 'items'.",
                _ => null,
            };
        }

        private string? CheckObject(JsonObject schema, List<string> path, int depth, string context)
        {
            if (depth > MaxNesting)
            {
                return $"{context}, the schema nests objects more than {MaxNesting} levels deep.";
            }
            if (schema["additionalProperties"] is not JsonValue closed || closed.GetValueKind() != System.Text.Json.JsonValueKind.False)
            {
                return $"{context}, 'additionalProperties' is required to be supplied and to be false.";
            }
            var properties = schema["properties"] as JsonObject ?? [];
            var required = (schema["required"] as JsonArray)?.Select(r => r?.GetValue<string>()).ToHashSet() ?? [];
            if (properties.Select(p => p.Key).FirstOrDefault(key => !required.Contains(key)) is { } missing)
            {
                return $"{context}, 'required' is required to be supplied and to be an array including every key in properties. Missing '{missing}'.";
            }
            _properties += properties.Count;
            if (_properties > MaxProperties)
            {
                return $"{context}, the schema has more than {MaxProperties} properties in total.";
            }
            foreach (var (name, property) in properties)
            {
                if (property is not JsonObject child)
                {
                    return $"{context}, property '{name}' must be a schema object.";
                }
                if (Check(child, [.. path, "properties", name], depth + 1) is { } problem)
                {
                    return problem;
                }
            }
            return null;
        }

        /// <summary>The one non-null type of a schema: a type name, or a two-element union with "null"; null when neither.</summary>
        private static string? TypeOf(JsonNode? type) => type switch
        {
            JsonValue value when value.TryGetValue<string>(out var name) && Types.Contains(name) => name,
            JsonArray { Count: 2 } union when union.Select(t => t?.GetValue<string>()).ToList() is var names
                && names.Contains("null") && names.Where(n => n != "null").ToList() is [{ } other] && Types.Contains(other) => other,
            _ => null,
        };
    }
}
