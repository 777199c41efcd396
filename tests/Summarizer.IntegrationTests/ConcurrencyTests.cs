using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Summarizer.IntegrationTests;

/// <summary>A model that answers some articles slowly, to hold one version in flight while another arrives.</summary>
public sealed class SlowModelPipelineFixture() : FakeModelPipelineFixture(new FakeChatServer()
    .Respond(FakeChatServer.Completion(Articles.HarbourReply()))
    .RespondWhenBodyContains(SlowMarker, FakeChatServer.Completion(Articles.HarbourReply()).WithDelay(SlowReply))
    .RespondWhenBodyContains(DedupeMarker, FakeChatServer.Completion(Articles.HarbourReply()).WithDelay(TimeSpan.FromMilliseconds(300))))
{
    public const string SlowMarker = "Slowpoke";
    public const string DedupeMarker = "Dedupe";
    public static readonly TimeSpan SlowReply = TimeSpan.FromSeconds(4);
}

/// <summary>Versions and copies of one article arriving at once: the newest content wins, identical content costs one model call.</summary>
public sealed class ConcurrencyTests(SlowModelPipelineFixture pipeline) : IClassFixture<SlowModelPipelineFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_version_uploaded_while_the_previous_one_is_being_summarised_is_the_one_that_stays()
    {
        var first = await PostAsync("race.txt", Articles.Harbour + $"\n\n{SlowModelPipelineFixture.SlowMarker}: the first version takes the model a while.");
        await WaitUntilAsync(async () => (await StatusAsync(first.Id)).GetProperty("status").GetString() == "cleaned");
        // The queue hands the first version to the engine within a few hundred ms; its model call then takes 4 s.
        await Task.Delay(TimeSpan.FromSeconds(1), Cancel);

        var second = await PostAsync("race.txt", Articles.Harbour + "\n\nThe second version: the ferry timetable changes in May.");
        var outcome = await pipeline.WaitForOutcomeAsync(second.Id, second.ContentHash);
        // Let the first version's slow model call finish and try to publish.
        await Task.Delay(SlowModelPipelineFixture.SlowReply + TimeSpan.FromSeconds(1), Cancel);

        Assert.Equal("summarized", outcome.GetProperty("status").GetString());
        var status = await StatusAsync(second.Id);
        Assert.Equal("summarized", status.GetProperty("status").GetString());
        Assert.Equal(second.ContentHash, status.GetProperty("contentHash").GetString());
        Assert.Equal(second.ContentHash, (await pipeline.GetSummaryAsync(second.Id)).Source!.ContentHash);
    }

    [Fact]
    public async Task Identical_content_posted_many_times_at_once_under_different_names_calls_the_model_once()
    {
        var text = Articles.Harbour + $"\n\n{SlowModelPipelineFixture.DedupeMarker} {Guid.NewGuid():N}: the same text from many desks.";
        int Calls() => pipeline.Model.Requests.Count(r => r.ToJsonString().Contains(text[^40..], StringComparison.Ordinal));

        var uploads = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => PostAsync($"copy-{i}.txt", text)));
        var outcomes = await Task.WhenAll(uploads.Select(u => pipeline.WaitForOutcomeAsync(u.Id, u.ContentHash, TimeSpan.FromSeconds(60))));

        Assert.All(outcomes, o => Assert.Equal("summarized", o.GetProperty("status").GetString()));
        Assert.Equal(1, Calls());
    }

    private async Task<(string Id, string ContentHash)> PostAsync(string name, string text)
    {
        using var response = await pipeline.Http.PostAsync($"/api/articles?name={name}", new StringContent(text, Encoding.UTF8, "text/plain"), Cancel);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        return (body.GetProperty("id").GetString()!, body.GetProperty("contentHash").GetString()!);
    }

    private async Task<JsonElement> StatusAsync(string id) =>
        await pipeline.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{id}", Cancel);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the condition was not met within 30 s");
            await Task.Delay(50, Cancel);
        }
    }
}
