using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Summarizer.Core;

namespace Summarizer.IntegrationTests;

/// <summary>
/// Names, ids and requests a hostile or careless user sends: refused with a reason, never stored under a surprising
/// name, never read from another container, never a 500, and the host keeps working.
/// </summary>
public sealed class HostileInputTests(PipelineFixture pipeline)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("nul%00b.txt", "control character")]
    [InlineData("bell%07.txt", "control character")]
    [InlineData("..%5Ccleaned%5Cx.json", "'\\'")]
    [InlineData("..%2Fcleaned%2Fx.json", "'..'")]
    [InlineData("a%2F%2Fb.txt", "empty")]
    public async Task A_name_that_is_not_a_file_name_is_refused_over_http_and_nothing_is_stored(string escapedName, string reason)
    {
        using var response = await pipeline.Http.PostAsync($"/api/articles?name={escapedName}", new StringContent("Harbour talks resume on Monday."), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNotStoredAsync(Uri.UnescapeDataString(escapedName));
        await AssertHealthyAsync();
    }

    [Fact]
    public async Task A_blob_dropped_with_a_control_character_in_its_name_fails_with_a_reason_and_the_host_keeps_working()
    {
        var name = "tab\tstory.txt";
        await pipeline.Container(PipelineNames.ArticlesContainer).GetBlobClient(name).UploadAsync(new BinaryData("Harbour talks resume on Monday, the council said."), overwrite: true, Cancel);
        var id = Core.Documents.ArticleId.FromBlobName(name);

        var status = await pipeline.WaitForOutcomeAsync(id);

        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.Contains("control character", status.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("retried", status.GetProperty("reason").GetString(), StringComparison.Ordinal);
        // Uploads after it are still cleaned and summarised.
        using var after = await pipeline.Http.PostAsync("/api/articles?name=after-control.txt", new StringContent(Articles.Harbour), Cancel);
        Assert.Equal("summarized", (await pipeline.WaitForOutcomeAsync("after-control")).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("/api/summaries/drafts%5Cx")]
    [InlineData("/api/summaries/..%2Fcleaned%2Fx")]
    [InlineData("/api/articles/..%5C..%5Cx")]
    [InlineData("/api/articles/UPPER")]
    [InlineData("/api/summaries/%E2%80%8B")]
    public async Task A_read_with_an_id_no_upload_could_have_is_400_before_any_storage_call(string path)
    {
        using var response = await pipeline.Http.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not an article id", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("北京.txt", "上海.txt")]
    [InlineData("café.txt", "cafè.txt")]
    [InlineData("budget vote.txt", "budget-vote.txt")]
    public async Task Names_that_differ_get_their_own_ids_and_summaries(string one, string other)
    {
        var first = await PostAsync(one, Articles.Harbour);
        var second = await PostAsync(other, Articles.Harbour + "\n\nA second story under a similar name: the ferry timetable changes in May.");

        Assert.NotEqual(first.Id, second.Id);
        foreach (var (upload, name) in new[] { (first, one), (second, other) })
        {
            var status = await pipeline.WaitForOutcomeAsync(upload.Id, upload.ContentHash);
            Assert.Equal("summarized", status.GetProperty("status").GetString());
            var summary = await pipeline.GetSummaryAsync(Uri.EscapeDataString(upload.Id));
            Assert.Equal(name, summary.Source!.BlobName);
            Assert.Equal(upload.ContentHash, summary.Source.ContentHash);
        }
    }

    [Fact]
    public async Task An_upload_one_byte_over_the_limit_says_both_sizes_exactly()
    {
        using var response = await pipeline.Http.PostAsync("/api/articles?name=just-over.txt", new ByteArrayContent(new byte[PipelineFixture.MaxUploadBytes + 1]), Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString();
        Assert.Contains($"{PipelineFixture.MaxUploadBytes + 1:N0} bytes", detail, StringComparison.Ordinal);
        Assert.Contains($"{PipelineFixture.MaxUploadBytes:N0} bytes", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Sizes_in_megabytes_that_would_read_the_same_are_given_in_bytes()
    {
        var message = new Pipeline.Storage.UploadTooLargeException(5 * 1024 * 1024 + 1, 5 * 1024 * 1024).Message;

        Assert.StartsWith("The upload is 5,242,881 bytes; the limit is 5,242,880 bytes", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_streamed_upload_over_the_limit_without_a_length_is_refused_and_the_stored_version_is_kept()
    {
        var stored = await PostAsync("kept-when-too-large.txt", Articles.Harbour);
        using var chunked = new StreamContent(new MemoryStream(new byte[PipelineFixture.MaxUploadBytes + 10]));
        chunked.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles?name=kept-when-too-large.txt") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;

        using var response = await pipeline.Http.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var raw = await pipeline.Container(PipelineNames.ArticlesContainer).GetBlobClient("kept-when-too-large.txt").DownloadContentAsync(Cancel);
        Assert.Equal(Articles.Harbour, raw.Value.Content.ToString());
        Assert.Equal(stored.ContentHash, (await pipeline.WaitForOutcomeAsync(stored.Id)).GetProperty("contentHash").GetString());
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("1!20!c3VtbWFyaWVzLWJ5LXRpbWU- 1!60!MjUxOTk")]
    [InlineData("AAAAAAAAAAAAAAAAAAAA")]
    [InlineData("%25%25%25")]
    public async Task A_continuation_token_this_service_did_not_issue_is_400(string token)
    {
        using var response = await pipeline.Http.GetAsync($"/api/summaries?continuationToken={Uri.EscapeDataString(token)}", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("continuation token", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Continuation_tokens_are_url_safe_and_lead_to_the_next_page_pasted_as_they_are()
    {
        await PostAsync("paged-one.txt", Articles.Harbour + "\n\nPaging story one.");
        await PostAsync("paged-two.txt", Articles.Harbour + "\n\nPaging story two.");
        await pipeline.WaitForOutcomeAsync("paged-one");
        await pipeline.WaitForOutcomeAsync("paged-two");

        var first = await pipeline.Http.GetFromJsonAsync<JsonElement>("/api/summaries?pageSize=1", Cancel);
        var token = first.GetProperty("continuationToken").GetString()!;
        var second = await pipeline.Http.GetFromJsonAsync<JsonElement>($"/api/summaries?pageSize=1&continuationToken={token}", Cancel);

        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        Assert.NotEqual(
            first.GetProperty("items")[0].GetProperty("id").GetString(),
            second.GetProperty("items")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_id_summarised_several_times_is_listed_once()
    {
        for (var version = 1; version <= 3; version++)
        {
            var upload = await PostAsync("listed-once.txt", Articles.Harbour + $"\n\nVersion {version} of the story.");
            await pipeline.WaitForOutcomeAsync(upload.Id, upload.ContentHash);
        }

        var ids = new List<string>();
        string? token = null;
        do
        {
            var page = await pipeline.Http.GetFromJsonAsync<JsonElement>($"/api/summaries?pageSize=100{(token is null ? "" : "&continuationToken=" + token)}", Cancel);
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            token = page.TryGetProperty("continuationToken", out var next) ? next.GetString() : null;
        }
        while (token is not null);

        Assert.Single(ids, id => id == "listed-once");
    }

    private async Task<(string Id, string ContentHash)> PostAsync(string name, string text)
    {
        using var response = await pipeline.Http.PostAsync($"/api/articles?name={Uri.EscapeDataString(name)}", new StringContent(text, Encoding.UTF8, "text/plain"), Cancel);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        return (body.GetProperty("id").GetString()!, body.GetProperty("contentHash").GetString()!);
    }

    /// <summary>Neither the name itself nor what a traversal would reach (cleaned/x.json) is in storage.</summary>
    private async Task AssertNotStoredAsync(string name)
    {
        Assert.False(await pipeline.Container(PipelineNames.CleanedContainer).GetBlobClient("x.json").ExistsAsync(Cancel));
        await foreach (var blob in pipeline.Container(PipelineNames.ArticlesContainer).GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix: name[..1], Cancel))
        {
            Assert.NotEqual(name, blob.Name);
        }
    }

    private async Task AssertHealthyAsync()
    {
        var health = await pipeline.Http.GetFromJsonAsync<JsonElement>("/api/health", Cancel);
        Assert.Equal("healthy", health.GetProperty("status").GetString());
    }
}
