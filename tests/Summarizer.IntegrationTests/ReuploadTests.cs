using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Summarizer.IntegrationTests;

/// <summary>Identical content is summarised once; changed content under the same name gets a new summary.</summary>
public sealed class ReuploadTests(PipelineFixture pipeline)
{
    private const string Story =
        "Harbour Works Resume\n\n" +
        "The city council of Eastport said on Tuesday that repairs to the harbour wall will resume only if the state government releases the promised funds. " +
        "Mayor Linda Okafor told reporters that the work could finish by spring.\n\n" +
        "It remains unclear whether the contractor will keep the same crews.";

    [Fact]
    public async Task Uploading_identical_content_again_does_not_summarize_it_again()
    {
        var first = await UploadAsync("harbour-same.txt", Story);
        var summary = await pipeline.GetSummaryAsync("harbour-same");

        var second = await UploadAsync("harbour-same.txt", Story);
        var again = await pipeline.GetSummaryAsync("harbour-same");

        Assert.Equal(first, second);
        Assert.Equal(summary.CreatedAt, again.CreatedAt);
        Assert.Equal(first, again.Source!.ContentHash);
    }

    [Fact]
    public async Task Uploading_changed_content_under_the_same_name_produces_a_new_summary()
    {
        var first = await UploadAsync("harbour-changed.txt", Story);
        var summary = await pipeline.GetSummaryAsync("harbour-changed");

        var second = await UploadAsync("harbour-changed.txt", Story + "\n\nThe council will meet again on Friday.");
        var updated = await pipeline.GetSummaryAsync("harbour-changed");

        Assert.NotEqual(first, second);
        Assert.Equal(second, updated.Source!.ContentHash);
        Assert.True(updated.CreatedAt > summary.CreatedAt);
    }

    [Fact]
    public async Task Summaries_are_listed_newest_first_in_pages()
    {
        await UploadAsync("list-older.txt", Story + "\n\nOlder.");
        await UploadAsync("list-newer.txt", Story + "\n\nNewer.");

        var page = await pipeline.Http.GetFromJsonAsync<JsonElement>("/api/summaries?pageSize=1", TestContext.Current.CancellationToken);
        var items = page.GetProperty("items");
        var token = page.GetProperty("continuationToken").GetString();
        var next = await pipeline.Http.GetFromJsonAsync<JsonElement>($"/api/summaries?pageSize=1&continuationToken={Uri.EscapeDataString(token!)}", TestContext.Current.CancellationToken);

        Assert.Equal(1, items.GetArrayLength());
        Assert.Equal(1, next.GetProperty("items").GetArrayLength());
        var newest = items[0].GetProperty("summarizedAt").GetDateTimeOffset();
        var following = next.GetProperty("items")[0].GetProperty("summarizedAt").GetDateTimeOffset();
        Assert.True(newest >= following);
        using var bad = await pipeline.Http.GetAsync("/api/summaries?pageSize=0", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    /// <summary>Posts the article, waits for its summary, returns its content hash.</summary>
    private async Task<string> UploadAsync(string name, string text)
    {
        using var response = await pipeline.Http.PostAsync($"/api/articles?name={name}", new StringContent(text, Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var hash = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("contentHash").GetString()!;
        var status = await pipeline.WaitForOutcomeAsync(Path.GetFileNameWithoutExtension(name), hash);
        Assert.Equal("summarized", status.GetProperty("status").GetString());
        return hash;
    }
}
