using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Summarizer.Pipeline;
using Summarizer.Pipeline.AzureOpenAI;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Summarizer.IntegrationTests;

/// <summary>A local chat-completions server speaking Azure OpenAI's wire format, and an engine pointed at it through the real client.</summary>
public sealed class FakeChatServer : IDisposable
{
    public const string Deployment = "gpt-test";
    public const string ApiKey = "test-key-not-a-secret";
    private const string AzureChatPath = "/openai/deployments/" + Deployment + "/chat/completions";

    /// <summary>Where an OpenAI-compatible server is asked: the base URL (ending in /v1) plus /chat/completions.</summary>
    public const string CompatibleChatPath = "/v1/chat/completions";

    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly string _chatPath;

    public FakeChatServer(string chatPath = AzureChatPath)
    {
        _chatPath = chatPath;
        // Before any scripted answer: a response schema outside the structured-outputs subset is refused as the service does.
        _server.Given(Request.Create().WithPath(_chatPath).UsingPost().WithBody((string? body) => SchemaRefusal(body) is not null))
            .AtPriority(-100)
            .RespondWith(Response.Create()
                .WithStatusCode(400)
                .WithHeader("Content-Type", "application/json")
                .WithBody(request => JsonSerializer.Serialize(new
                {
                    error = new { message = SchemaRefusal(request.Body), type = "invalid_request_error", param = "response_format", code = (string?)null },
                })));
    }

    public string Url => _server.Url!;

    /// <summary>The JSON bodies of the chat requests received, in order.</summary>
    public IReadOnlyList<JsonNode> Requests =>
        [.. _server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).Select(e => JsonNode.Parse(e.RequestMessage.Body!)!)];

    public IReadOnlyList<IDictionary<string, WireMock.Types.WireMockList<string>>?> RequestHeaders =>
        [.. _server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).Select(e => e.RequestMessage.Headers)];

    /// <summary>Answers requests with these responses in turn; the last one answers every request after it.</summary>
    public FakeChatServer Respond(params IResponseBuilder[] responses)
    {
        if (responses.Length == 1)
        {
            _server.Given(Request.Create().WithPath(_chatPath).UsingPost()).AtPriority(10).RespondWith(responses[0]);
            return this;
        }
        for (var i = 0; i < responses.Length; i++)
        {
            var mapping = _server.Given(Request.Create().WithPath(_chatPath).UsingPost()).InScenario("replies");
            if (i > 0)
            {
                mapping = mapping.WhenStateIs($"after-{i}");
            }
            if (i < responses.Length - 1)
            {
                mapping = mapping.WillSetStateTo($"after-{i + 1}");
            }
            mapping.RespondWith(responses[i]);
        }
        return this;
    }

    /// <summary>Answers requests whose body contains <paramref name="marker"/> with <paramref name="response"/>, before any other mapping.</summary>
    public FakeChatServer RespondWhenBodyContains(string marker, IResponseBuilder response)
    {
        _server.Given(Request.Create().WithPath(_chatPath).UsingPost().WithBody(new WireMock.Matchers.WildcardMatcher($"*{marker}*")))
            .AtPriority(1)
            .RespondWith(response);
        return this;
    }

    /// <summary>Like <see cref="RespondWhenBodyContains"/>, until <see cref="Forget"/> is called with the returned mapping id.</summary>
    public Guid RespondWhenBodyContainsUntilForgotten(string marker, IResponseBuilder response)
    {
        var id = Guid.NewGuid();
        _server.Given(Request.Create().WithPath(_chatPath).UsingPost().WithBody(new WireMock.Matchers.WildcardMatcher($"*{marker}*")))
            .WithGuid(id)
            .AtPriority(1)
            .RespondWith(response);
        return id;
    }

    public void Forget(Guid mapping) => _server.DeleteMapping(mapping);

    /// <summary>The service's refusal of a request's strict response schema, or null when it would accept it.</summary>
    private static string? SchemaRefusal(string? body)
    {
        var format = body is null ? null : JsonNode.Parse(body)?["response_format"];
        return format?["type"]?.GetValue<string>() == "json_schema" && format["json_schema"]?["strict"]?.GetValue<bool>() == true
            ? StructuredOutputsSubset.Refusal(format["json_schema"]!["name"]!.GetValue<string>(), format["json_schema"]!["schema"])
            : null;
    }

    public static IResponseBuilder Completion(object reply, int promptTokens = 1200, int completionTokens = 300) =>
        CompletionText(JsonSerializer.Serialize(reply), promptTokens, completionTokens);

    public static IResponseBuilder CompletionText(string content, int promptTokens = 1200, int completionTokens = 300) =>
        Response.Create()
            .WithStatusCode(200)
            .WithHeader("Content-Type", "application/json")
            .WithBody(JsonSerializer.Serialize(new
            {
                id = "chatcmpl-test",
                @object = "chat.completion",
                created = 1_764_000_000,
                model = "gpt-4o-mini",
                choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
                usage = new { prompt_tokens = promptTokens, completion_tokens = completionTokens, total_tokens = promptTokens + completionTokens },
            }));

    public static IResponseBuilder Status(int status, string? retryAfter = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json")
            .WithBody("""{"error":{"code":"fake","message":"fake server error"}}""");
        return retryAfter is null ? response : response.WithHeader("Retry-After", retryAfter);
    }

    public AzureOpenAISummaryEngine Engine(Action<AzureOpenAIOptions>? configure = null)
    {
        var options = new SummarizerOptions
        {
            Engine = AzureOpenAISummaryEngine.EngineName,
            AzureOpenAI = new AzureOpenAIOptions
            {
                Endpoint = new Uri(Url),
                Deployment = Deployment,
                ApiKey = ApiKey,
                RetryDelay = TimeSpan.FromMilliseconds(20),
                RequestTimeout = TimeSpan.FromSeconds(10),
            },
        };
        configure?.Invoke(options.AzureOpenAI);
        return new ServiceCollection()
            .AddSingleton(Options.Create(options))
            .AddAzureOpenAIEngine()
            .BuildServiceProvider()
            .GetRequiredService<AzureOpenAISummaryEngine>();
    }

    public void Dispose() => _server.Stop();
}
