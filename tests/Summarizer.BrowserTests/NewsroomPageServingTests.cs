using System.Net;
using static Microsoft.Playwright.Assertions;

namespace Summarizer.BrowserTests;

/// <summary>How the local host serves the page's files over HTTP: caching, content types, nothing else reachable.</summary>
public sealed class NewsroomPageServingTests(BrowserFixture fixture) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.BaseAddress };

    [Theory]
    [InlineData("", "text/html")]
    [InlineData("newsroom.js", "text/javascript")]
    [InlineData("newsroom.css", "text/css")]
    [InlineData("api/newsroom/", "text/html")]
    [InlineData("api/newsroom/desk.js", "text/javascript")]
    public async Task A_file_is_served_with_a_strong_etag_and_revalidated_every_time(string path, string contentType)
    {
        var cancel = TestContext.Current.CancellationToken;
        using var response = await _http.GetAsync(path, cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag);
        using var revalidated = await _http.SendAsync(again, cancel);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync(cancel));
    }

    [Fact]
    public async Task The_same_file_has_the_same_etag_at_either_address()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var atRoot = await _http.GetAsync("newsroom.js", cancel);
        using var underApi = await _http.GetAsync("api/newsroom/newsroom.js", cancel);

        Assert.Equal(atRoot.Headers.ETag, underApi.Headers.ETag);
        Assert.Equal(await atRoot.Content.ReadAsStringAsync(cancel), await underApi.Content.ReadAsStringAsync(cancel));
    }

    [Fact]
    public async Task The_page_under_the_api_without_its_slash_redirects_to_it_keeping_the_query()
    {
        using var response = await _http.GetAsync("api/newsroom?code=abc", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/api/newsroom/?code=abc", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("api/newsroom/nothing.js")]
    [InlineData("api/newsroom/NEWSROOM.JS")]
    [InlineData("api/newsroom/%2e%2e%2fappsettings.json")]
    [InlineData("api/newsroom/..%2fSummarizer.Pipeline.dll")]
    [InlineData("api/newsroom/Http/Newsroom/index.html")]
    [InlineData("api/newsroom/%2fetc%2fpasswd")]
    public async Task Any_other_name_is_a_404_problem(string path)
    {
        using var response = await _http.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"type\":\"urn:summarizer:problem:no-such-page\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_served_under_the_api_finds_the_api_beside_it()
    {
        var (page, scriptErrors) = await fixture.OpenAsync("api/newsroom");

        Assert.EndsWith("/api/newsroom/", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("#desk-state")).ToContainTextAsync("article");
        await Expect(page.Locator("#desk-error")).ToBeHiddenAsync();
        Assert.Empty(scriptErrors);
    }

    public void Dispose() => _http.Dispose();
}
