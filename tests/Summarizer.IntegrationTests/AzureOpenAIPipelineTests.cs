using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Summarizer.Pipeline.AzureOpenAI;

namespace Summarizer.IntegrationTests;

/// <summary>A pipeline of its own (own Azurite, own host) configured for the azure-openai engine against a fake server.</summary>
public abstract class FakeModelPipelineFixture(FakeChatServer model) : PipelineFixture
{
    public FakeChatServer Model { get; } = model;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        new Dictionary<string, string?>
        {
            ["Summarizer:Engine"] = AzureOpenAISummaryEngine.EngineName,
            ["Summarizer:AzureOpenAI:Endpoint"] = Model.Url,
            ["Summarizer:AzureOpenAI:Deployment"] = FakeChatServer.Deployment,
            ["Summarizer:AzureOpenAI:ApiKey"] = FakeChatServer.ApiKey,
            ["Summarizer:AzureOpenAI:RetryDelay"] = "00:00:00.020",
        };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Model.Dispose();
    }
}

/// <summary>A model that answers every article, except one that is rate limited for a day.</summary>
public sealed class AzureOpenAIPipelineFixture() : FakeModelPipelineFixture(new FakeChatServer()
    .Respond(FakeChatServer.Completion(Articles.HarbourReply()))
    .RespondWhenBodyContains(RateLimitedMarker, FakeChatServer.Status(429, retryAfter: "86400")))
{
    public const string RateLimitedMarker = "Quarry";
}

public sealed class AzureOpenAIPipelineTests(AzureOpenAIPipelineFixture pipeline) : IClassFixture<AzureOpenAIPipelineFixture>
{
    [Fact]
    public async Task Identical_content_calls_the_model_once_whatever_its_name()
    {
        // Other tests of this class share the server (a rate-limited article keeps being retried): count this article's requests.
        int HarbourRequests() => pipeline.Model.Requests.Count(r => r.ToJsonString().Contains("harbour wall", StringComparison.Ordinal));
        var before = HarbourRequests();

        var first = await PostAsync("harbour-one.txt", Articles.Harbour);
        var again = await PostAsync("harbour-one.txt", Articles.Harbour);
        var renamed = await PostAsync("harbour-two.txt", Articles.Harbour);

        Assert.All([first, again, renamed], status => Assert.Equal("summarized", status.GetProperty("status").GetString()));
        Assert.Equal(1, HarbourRequests() - before);
        var summary = await pipeline.GetSummaryAsync("harbour-two");
        Assert.Equal("azure-openai", summary.Generator.Engine);
        Assert.Contains(summary.Actors, a => a.Name == "Linda Okafor");
        Assert.Equal(1200, summary.Generator.PromptTokens);
        Assert.True(summary.Generator.EstimatedCostUsd > 0);
    }

    [Fact]
    public async Task A_draft_cached_under_an_older_prompt_is_not_reused()
    {
        var text = Articles.Harbour + "\n\nThe harbour master welcomed the decision.";
        var hash = Summarizer.Core.Documents.ContentHash.Of(Encoding.UTF8.GetBytes(text));
        // What the previous prompt left for this content: a draft with an actor the current reply does not have.
        var stale = new Summarizer.Core.Engine.SummaryDraft
        {
            Headline = "Old prompt",
            Abstract = "From the old prompt.",
            Actors = [new Summarizer.Core.Documents.Actor("The harbour master", Summarizer.Core.Documents.ActorKind.Person, null, [], 1,
                new Summarizer.Core.Documents.Evidence("The harbour master welcomed the decision.", 0, 0))],
            Model = FakeChatServer.Deployment + "/prompt-1",
        };
        await pipeline.Container(Summarizer.Core.PipelineNames.SummariesContainer)
            .GetBlobClient($"drafts/azure-openai/{Uri.EscapeDataString(stale.Model)}/{hash}")
            .UploadAsync(BinaryData.FromObjectAsJson(stale, Summarizer.Core.Documents.DocumentJson.Options), TestContext.Current.CancellationToken);
        int Requests() => pipeline.Model.Requests.Count(r => r.ToJsonString().Contains("harbour master welcomed", StringComparison.Ordinal));

        var status = await PostAsync("harbour-master.txt", text);

        Assert.Equal("summarized", status.GetProperty("status").GetString());
        Assert.Equal(1, Requests());
        var summary = await pipeline.GetSummaryAsync("harbour-master");
        Assert.DoesNotContain(summary.Actors, a => a.Name == "The harbour master");
        Assert.EndsWith("/" + AzureOpenAISummaryEngine.PromptVersion, summary.Generator.Model, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_limiting_longer_than_the_cap_fails_the_article_with_a_reason_and_keeps_the_upload()
    {
        var text = "Quarry expansion vote delayed\n\nThe county board delayed its vote on the quarry expansion until the spring.";

        var status = await PostAsync("quarry.txt", text);

        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.Equal("summarize", status.GetProperty("stage").GetString());
        Assert.Contains("Rate limited by Azure OpenAI for longer than 30 s", status.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var raw = await pipeline.Container(Summarizer.Core.PipelineNames.ArticlesContainer).GetBlobClient("quarry.txt").DownloadContentAsync(TestContext.Current.CancellationToken);
        Assert.Equal(text, raw.Value.Content.ToString());
    }

    [Fact]
    public async Task An_article_set_aside_after_repeated_model_failures_is_summarized_again_on_retry()
    {
        const string marker = "Switchboard";
        var outage = pipeline.Model.RespondWhenBodyContainsUntilForgotten(marker, FakeChatServer.Status(500));
        var cancel = TestContext.Current.CancellationToken;

        var firstFailure = await PostAsync("outage.txt", Articles.Harbour + $"\n\n{marker} note: the model is down for this one.");
        using var early = await pipeline.Http.PostAsync("/api/articles/outage/retry", null, cancel);
        var setAside = await WaitForStatusAsync("outage", s => s.GetProperty("retryable").GetBoolean(), TimeSpan.FromSeconds(60));
        pipeline.Model.Forget(outage);
        using var retry = await pipeline.Http.PostAsync("/api/articles/outage/retry", null, cancel);
        var summarized = await WaitForStatusAsync("outage", s => s.GetProperty("status").GetString() == "summarized", TimeSpan.FromSeconds(30));

        // While automatic retries remain, a manual one is refused: it would only race them.
        Assert.Equal("failed", firstFailure.GetProperty("status").GetString());
        Assert.False(firstFailure.GetProperty("retryable").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("set aside", setAside.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.False(summarized.TryGetProperty("reason", out _));
        Assert.Equal("azure-openai", (await pipeline.GetSummaryAsync("outage")).Generator.Engine);
    }

    [Fact]
    public async Task The_engine_is_reported_by_the_health_endpoint()
    {
        var health = await pipeline.Http.GetFromJsonAsync<JsonElement>("/api/health", TestContext.Current.CancellationToken);

        Assert.Equal("azure-openai", health.GetProperty("engine").GetString());
    }

    private async Task<JsonElement> WaitForStatusAsync(string id, Func<JsonElement, bool> reached, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        var status = default(JsonElement);
        while (DateTimeOffset.UtcNow < deadline)
        {
            status = await pipeline.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{id}", TestContext.Current.CancellationToken);
            if (reached(status))
            {
                return status;
            }
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"{id} did not reach the state in {timeout}; last status: {status}");
    }

    private async Task<JsonElement> PostAsync(string name, string text)
    {
        using var response = await pipeline.Http.PostAsync($"/api/articles?name={name}", new StringContent(text, Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var hash = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("contentHash").GetString();
        return await pipeline.WaitForOutcomeAsync(Path.GetFileNameWithoutExtension(name), hash);
    }
}
