using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Summarizer.Pipeline.Http;

namespace Summarizer.IntegrationTests;

/// <summary>
/// The served OpenAPI document as a test oracle: every answer of a documented route must be a documented status with
/// a body valid against its schema. <see cref="CheckingHandler"/> applies it to every request the tests make.
/// </summary>
public static class ApiContract
{
    private const string SchemaRefs = "#/components/schemas/";

    public static JsonObject Document { get; } = JsonNode.Parse(OpenApiDocument.Utf8.Span)!.AsObject();

    private static readonly (Regex Pattern, JsonObject Operations)[] Paths =
    [
        .. Document["paths"]!.AsObject().Select(p => (
            new Regex("^" + Regex.Replace(Regex.Escape(p.Key), @"\\\{[^/]+?}", "[^/]+") + "$"),
            p.Value!.AsObject())),
    ];

    /// <summary>The documented method and route templates, e.g. <c>GET /api/articles/{id}</c>.</summary>
    public static IEnumerable<string> Operations =>
        Document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => $"{o.Key.ToUpperInvariant()} {p.Key}"));

    /// <summary>Null when the answer is what the document promises (or the route is not in it), else what is wrong.</summary>
    public static async Task<string?> ViolationAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var operations = Paths.FirstOrDefault(p => p.Pattern.IsMatch(path)).Operations;
        // A CORS preflight is the browser's protocol, not an operation of the API.
        if (operations is null || request.Method == HttpMethod.Options)
        {
            return null;
        }
        var where = $"{request.Method} {path} → {(int)response.StatusCode}";
        if (operations[request.Method.Method.ToLowerInvariant()] is not JsonObject operation)
        {
            return (int)response.StatusCode == 405 ? null : $"{where}: the method is not documented";
        }
        if (Resolve(operation["responses"]?[((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)]) is not JsonObject answer)
        {
            return $"{where}: the status is not documented";
        }
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (answer["content"] is not JsonObject contents)
        {
            return response.Content.Headers.ContentLength is null or 0 ? null : $"{where}: documented without a body, but has one";
        }
        if (mediaType is null || contents[mediaType]?["schema"] is not JsonNode schema)
        {
            return $"{where}: content type {mediaType ?? "(none)"} is not documented";
        }
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var result = SchemaFor(schema).Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? null
            : $"{where}: the body does not match its schema: " + string.Join("; ", result.Details
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Value}")).Take(5));
    }

    private static JsonNode? Resolve(JsonNode? node) =>
        node?["$ref"]?.GetValue<string>() is { } reference
            ? Document["components"]!["responses"]![reference["#/components/responses/".Length..]]
            : node;

    /// <summary>A schema of the document made self-contained: the component schemas become its <c>$defs</c>.</summary>
    private static JsonSchema SchemaFor(JsonNode schema)
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = Document["components"]!["schemas"]!.DeepClone(),
            ["allOf"] = new JsonArray(schema.DeepClone()),
        };
        return JsonSchema.FromText(root.ToJsonString().Replace(SchemaRefs, "#/$defs/", StringComparison.Ordinal));
    }

    /// <summary>Fails the request when its answer breaks the contract, so every integration test checks it.</summary>
    public sealed class CheckingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (await ViolationAsync(request, response, cancellationToken) is { } violation)
            {
                throw new Xunit.Sdk.XunitException("Contract broken: " + violation);
            }
            return response;
        }
    }
}
