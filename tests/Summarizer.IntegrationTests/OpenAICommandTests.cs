using System.Text.Json;
using Summarizer.Core.Documents;
using WireMock.ResponseBuilders;

namespace Summarizer.IntegrationTests;

/// <summary><c>summarizer check-openai</c> and <c>summarizer eval --engine azure-openai</c>, run as processes against the fake server.</summary>
public sealed class OpenAICommandTests : IDisposable
{
    private readonly FakeChatServer _server = new();
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("summarizer-cli-");

    [Fact]
    public async Task Check_openai_sends_the_seed_and_reports_acceptance_tokens_cost_and_the_four_lists()
    {
        _server.Respond(FakeChatServer.Completion(SeedReply, promptTokens: 1691, completionTokens: 412));

        var run = await CliProcess.RunAsync(["check-openai"], CliProcess.Settings(_server));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Sergei Lavrov", Assert.Single(_server.Requests)["messages"]![1]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Schema:     accepted", run.Output, StringComparison.Ordinal);
        Assert.Contains("1,691 prompt + 412 completion; estimated cost USD 0.000501", run.Output, StringComparison.Ordinal);
        Assert.Contains("Actors (1)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Sergei Lavrov (person, Russian Foreign Minister;", run.Output, StringComparison.Ordinal);
        Assert.Contains("Conditions (1)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Slovakia (proposed)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Will Ukraine agree to talks in Slovakia?", run.Output, StringComparison.Ordinal);
        Assert.Contains("Dropped:    0 item(s)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_openai_fails_with_the_services_own_message_when_the_request_is_refused()
    {
        const string refusal = "The API deployment for this resource does not exist.";
        _server.Respond(Response.Create().WithStatusCode(404).WithHeader("Content-Type", "application/json")
            .WithBody(JsonSerializer.Serialize(new { error = new { code = "DeploymentNotFound", message = refusal } })));

        var run = await CliProcess.RunAsync(["check-openai"], CliProcess.Settings(_server));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"Not accepted: Azure OpenAI refused the request (HTTP 404): {refusal}", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Schema:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_openai_without_an_endpoint_names_the_settings_to_set()
    {
        var run = await CliProcess.RunAsync(["check-openai"], new Dictionary<string, string>());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Summarizer:AzureOpenAI:Endpoint", run.Error, StringComparison.Ordinal);
        Assert.Contains("Summarizer:AzureOpenAI:Deployment", run.Error, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Eval_with_the_azure_openai_engine_writes_each_summary_and_prints_total_tokens_and_cost()
    {
        var gold = _work.CreateSubdirectory("gold");
        var output = Path.Combine(_work.FullName, "out");
        await File.WriteAllTextAsync(Path.Combine(gold.FullName, "a.txt"), Articles.Harbour, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(gold.FullName, "b.txt"), Articles.Harbour + "\n\nThe vote was unanimous.", TestContext.Current.CancellationToken);
        _server.Respond(FakeChatServer.Completion(Articles.HarbourReply(), promptTokens: 1000, completionTokens: 250));

        var run = await CliProcess.RunAsync(["eval", gold.FullName, "--out", output, "--engine", "azure-openai"], CliProcess.Settings(_server));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Contains("Model: 2 calls, 2,000 prompt + 500 completion tokens, estimated cost USD 0.0006", run.Output, StringComparison.Ordinal);
        foreach (var name in new[] { "a", "b" })
        {
            var summary = JsonSerializer.Deserialize<SummaryDocument>(await File.ReadAllTextAsync(Path.Combine(output, name + ".json"), TestContext.Current.CancellationToken), DocumentJson.Options)!;
            Assert.Equal("azure-openai", summary.Generator.Engine);
            Assert.Contains(summary.Actors, a => a.Name == "Linda Okafor");
        }
    }

    [Fact]
    public async Task Eval_names_each_article_the_model_could_not_summarise_and_fails()
    {
        var gold = _work.CreateSubdirectory("gold-refused");
        await File.WriteAllTextAsync(Path.Combine(gold.FullName, "a.txt"), Articles.Harbour, TestContext.Current.CancellationToken);
        _server.Respond(FakeChatServer.Status(401));

        var run = await CliProcess.RunAsync(["eval", gold.FullName, "--out", Path.Combine(_work.FullName, "out-refused"), "--engine", "azure-openai"], CliProcess.Settings(_server));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("a.txt: Azure OpenAI refused the request (HTTP 401): fake server error", run.Error, StringComparison.Ordinal);
    }

    /// <summary>A reply a model could give for the seed article, every quote taken from it.</summary>
    private static object SeedReply => new
    {
        headline = "Putin Ready To Negotiate With Only Trump",
        @abstract = "Russia says it is willing to talk if the United States moves first.",
        actors = new[] { Articles.Actor("Sergei Lavrov", "person", "Russian Foreign Minister", ["Lavrov"], "Russian Foreign Minister Sergei Lavrov stated this week that Russia is prepared to negotiate") },
        conditions = new[] { new { holder = "Russia", text = "the United States makes the first move", quote = "but only on the condition that the United States makes the first move" } },
        venues = new[] { new { name = "Slovakia", status = "proposed", quote = "with Slovakia offering to host negotiations" } },
        openQuestions = new[] { new { question = "Will Ukraine agree to talks in Slovakia?", quote = "it remains uncertain whether Ukraine would agree to this location" } },
    };

    public void Dispose()
    {
        _server.Dispose();
        _work.Delete(recursive: true);
    }
}
