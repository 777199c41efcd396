using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Summarizer.IntegrationTests;

/// <summary><c>ETag</c>, <c>Cache-Control</c> and <c>If-None-Match</c> on the summary and status routes, over real HTTP.</summary>
public sealed class ConditionalGetTests(PipelineFixture pipeline)
{
    private const string Story =
        "Ferry Timetable Under Review\n\n" +
        "The Northbay transport board said on Monday that the winter ferry timetable will change only if the island councils agree to share the fuel costs. " +
        "Board chair Tomas Reyes told reporters that a decision is expected in March.\n\n" +
        "It is not yet known whether the evening crossing will survive the review.";

    public static TheoryData<string> Routes => new() { "/api/summaries/{0}", "/api/articles/{0}" };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task An_answer_carries_a_strong_etag_of_its_bytes_and_cache_control(string route)
    {
        var id = await SummarizedAsync(NameFor("ferry-tags", route), Story);

        using var response = await GetAsync(string.Format(route, id));
        var body = await response.Content.ReadAsByteArrayAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Equal($"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"", etag.Tag);
        AssertPrivateNoCache(response);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_matching_if_none_match_gets_304_with_the_headers_and_no_body(string route)
    {
        var id = await SummarizedAsync(NameFor("ferry-304", route), Story + "\n\nA second crossing is planned.");
        var path = string.Format(route, id);
        using var first = await GetAsync(path);
        var tag = first.Headers.ETag!.Tag;

        foreach (var field in (string[])[tag, $"W/{tag}", $"\"elsewhere\", {tag}", "*"])
        {
            using var again = await GetAsync(path, field);
            var body = await again.Content.ReadAsByteArrayAsync(Cancel);

            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
            Assert.Equal(tag, again.Headers.ETag?.Tag);
            AssertPrivateNoCache(again);
            Assert.Empty(body);
        }
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Another_tag_gets_the_full_answer(string route)
    {
        var id = await SummarizedAsync(NameFor("ferry-other", route), Story + "\n\nThe board meets again in April.");
        var path = string.Format(route, id);
        using var first = await GetAsync(path);
        var expected = await first.Content.ReadAsByteArrayAsync(Cancel);

        using var other = await GetAsync(path, "\"0123456789abcdef0123456789abcdef\"");

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(expected, await other.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal(first.Headers.ETag, other.Headers.ETag);
    }

    [Fact]
    public async Task A_reuploaded_articles_status_and_summary_get_new_tags_and_the_old_ones_no_longer_match()
    {
        var id = await SummarizedAsync("ferry-changed.txt", Story + "\n\nFirst version.");
        using var oldSummary = await GetAsync($"/api/summaries/{id}");
        using var oldStatus = await GetAsync($"/api/articles/{id}");

        var newHash = await pipeline.PublishAsync("ferry-changed.txt", Story + "\n\nSecond version, with a new paragraph about the fuel costs.");

        using var summary = await GetAsync($"/api/summaries/{id}", oldSummary.Headers.ETag!.Tag);
        using var status = await GetAsync($"/api/articles/{id}", oldStatus.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.NotEqual(oldSummary.Headers.ETag, summary.Headers.ETag);
        Assert.NotEqual(oldStatus.Headers.ETag, status.Headers.ETag);
        var served = await summary.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(newHash, served.GetProperty("source").GetProperty("contentHash").GetString());
    }

    [Fact]
    public async Task Errors_are_not_conditional()
    {
        using var missing = await GetAsync("/api/summaries/no-such-article-here", "*");
        using var notAnId = await GetAsync("/api/articles/NOT%20AN%20ID", "*");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notAnId.StatusCode);
        Assert.Null(missing.Headers.ETag);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Kept by the client only (function keys in Azure), and revalidated before every use.</summary>
    private static void AssertPrivateNoCache(HttpResponseMessage response)
    {
        var cacheControl = response.Headers.CacheControl;
        Assert.NotNull(cacheControl);
        Assert.True(cacheControl.Private, $"Cache-Control: {cacheControl}");
        Assert.True(cacheControl.NoCache, $"Cache-Control: {cacheControl}");
        Assert.False(cacheControl.NoStore);
        Assert.Null(cacheControl.MaxAge);
    }

    /// <summary>An article of its own per route: uploading the same name again would touch its status between two reads.</summary>
    private static string NameFor(string stem, string route) => $"{stem}-{route.Split('/')[2]}.txt";

    private async Task<HttpResponseMessage> GetAsync(string path, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
        return await pipeline.Http.SendAsync(request, Cancel);
    }

    private async Task<string> SummarizedAsync(string name, string text)
    {
        await pipeline.PublishAsync(name, text);
        return Path.GetFileNameWithoutExtension(name);
    }
}
