using System.Text.Json.Nodes;
using Summarizer.Core.Engine.Model;

namespace Summarizer.IntegrationTests;

/// <summary>The documented strict-mode subset that the fake server enforces: it must refuse what the service refuses.</summary>
public sealed class StructuredOutputsSubsetTests
{
    [Fact]
    public void The_reply_schema_is_inside_the_subset()
    {
        Assert.Null(StructuredOutputsSubset.Refusal("summary", ModelReply.Schema()));
    }

    [Theory]
    [InlineData("""{"type":["string","integer"],"pattern":"^-?(?:0|[1-9]\\d*)$"}""", "'pattern' is not permitted")]
    [InlineData("""{"type":"string","format":"date-time"}""", "'format' is not permitted")]
    [InlineData("""{"type":"integer","minimum":0}""", "'minimum' is not permitted")]
    [InlineData("""{"type":"array","items":{"type":"string"},"maxItems":3}""", "'maxItems' is not permitted")]
    [InlineData("""{"type":["string","integer"]}""", "must have a 'type' key")]
    [InlineData("""{"enum":["proposed","held"]}""", "must have a 'type' key")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string"}},"required":["a"]}""", "'additionalProperties' is required to be supplied and to be false")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"}},"required":["a"],"additionalProperties":false}""", "Missing 'b'")]
    public void A_property_schema_outside_the_subset_is_refused_naming_the_problem(string property, string problem)
    {
        var schema = Root(JsonNode.Parse(property)!);

        var refusal = StructuredOutputsSubset.Refusal("summary", schema);

        Assert.NotNull(refusal);
        Assert.StartsWith("Invalid schema for response_format 'summary': In context=('properties', 'x')", refusal, StringComparison.Ordinal);
        Assert.Contains(problem, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Nullable_unions_typed_enums_and_any_of_are_accepted()
    {
        var schema = Root(JsonNode.Parse("""
            {"anyOf":[{"type":["string","null"]},{"type":"string","enum":["a","b"]},{"type":"array","items":{"type":"number"}}]}
            """)!);

        Assert.Null(StructuredOutputsSubset.Refusal("summary", schema));
    }

    [Fact]
    public void Six_levels_of_objects_are_refused_and_five_accepted()
    {
        JsonObject Nest(int levels) => levels == 1 ? Closed([]) : Closed(new JsonObject { ["x"] = Nest(levels - 1) });

        Assert.Null(StructuredOutputsSubset.Refusal("summary", Nest(5)));
        Assert.Contains("more than 5 levels", StructuredOutputsSubset.Refusal("summary", Nest(6)), StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_100_properties_or_500_enum_values_in_all_are_refused()
    {
        var wide = Closed(new JsonObject(Enumerable.Range(0, 101).Select(i => KeyValuePair.Create($"p{i}", (JsonNode?)new JsonObject { ["type"] = "string" }))));
        var enums = Closed(new JsonObject(Enumerable.Range(0, 3).Select(i => KeyValuePair.Create($"e{i}", (JsonNode?)new JsonObject
        {
            ["type"] = "string",
            ["enum"] = new JsonArray([.. Enumerable.Range(0, 200).Select(v => (JsonNode)$"v{v}")]),
        }))));

        Assert.Contains("more than 100 properties", StructuredOutputsSubset.Refusal("summary", wide), StringComparison.Ordinal);
        Assert.Contains("more than 500 enum values", StructuredOutputsSubset.Refusal("summary", enums), StringComparison.Ordinal);
    }

    [Fact]
    public void A_root_that_is_not_an_object_is_refused()
    {
        Assert.NotNull(StructuredOutputsSubset.Refusal("summary", JsonNode.Parse("""{"anyOf":[{"type":"object","properties":{},"required":[],"additionalProperties":false}]}""")));
    }

    private static JsonObject Root(JsonNode property) => Closed(new JsonObject { ["x"] = property });

    private static JsonObject Closed(JsonObject properties) => new()
    {
        ["type"] = "object",
        ["properties"] = properties,
        ["required"] = new JsonArray([.. properties.Select(p => (JsonNode)p.Key)]),
        ["additionalProperties"] = false,
    };
}
