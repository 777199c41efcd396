using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Cli.Hosting;

namespace Summarizer.IntegrationTests;

/// <summary>A pipeline of its own, so that "what was published since" is only what these tests publish.</summary>
public sealed class ApiPipelineFixture : PipelineFixture;

/// <summary>The API's contract: its document, listings, filters, changes since a cursor, cleaned text, retries and problem types.</summary>
public sealed class ApiTests(ApiPipelineFixture pipeline) : IClassFixture<ApiPipelineFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_openapi_document_passes_a_real_openapi_linter()
    {
        var file = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllBytesAsync(file, await pipeline.Http.GetByteArrayAsync("/api/openapi.json", Cancel), Cancel);
        var root = Azurite.FindRepositoryRoot();
        var cli = Path.Combine(root, "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(cli), $"@redocly/cli is not installed: run `npm ci` in {root}.");

        var (exitCode, output) = await RunAsync("node", cli, "lint", "--format", "stylish", "--config", Path.Combine(root, "redocly.yaml"), file);

        Assert.True(exitCode == 0 && !output.Contains(" warning ", StringComparison.Ordinal), output);
        File.Delete(file);
    }

    [Fact]
    public void The_local_host_serves_exactly_the_documented_routes()
    {
        var routes = pipeline.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api", StringComparison.Ordinal))
            // The newsroom page is a web page served beside the API, not part of its contract.
            .Where(e => !e.RoutePattern.RawText!.StartsWith("/api/newsroom/", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText}"));

        Assert.Equal(ApiContract.Operations.Order(StringComparer.Ordinal), routes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Articles_are_listed_by_status_page_by_page()
    {
        var good = await UploadAsync($"listed-{Guid.NewGuid():N}.txt", Articles.Harbour);
        var bad = await UploadAsync($"listed-{Guid.NewGuid():N}.bin", "\0\u0001\u0002 not text at all \0\0\0");
        await pipeline.WaitForOutcomeAsync(good);
        await pipeline.WaitForOutcomeAsync(bad);

        var failed = await AllPagesAsync("/api/articles?status=failed&pageSize=1");
        var summarized = await AllPagesAsync("/api/articles?status=summarized&pageSize=1");
        var all = await AllPagesAsync("/api/articles?pageSize=2");

        Assert.Contains(bad, Ids(failed));
        Assert.DoesNotContain(good, Ids(failed));
        Assert.Contains(good, Ids(summarized));
        Assert.All(failed, a => Assert.Equal("failed", a.GetProperty("status").GetString()));
        Assert.False(failed.Single(a => a.GetProperty("id").GetString() == bad).GetProperty("retryable").GetBoolean());
        Assert.Equal(Ids(all).Distinct().Count(), Ids(all).Count());
        Assert.Superset(new HashSet<string>([good, bad]), Ids(all).ToHashSet());
    }

    [Fact]
    public async Task Since_a_cursor_lists_exactly_the_summaries_published_after_it()
    {
        var before = await GetJsonAsync("/api/summaries");
        var cursor = before.GetProperty("cursor").GetString()!;

        var published = new[]
        {
            await UploadAsync($"since-{Guid.NewGuid():N}.txt", Articles.Harbour + "\n\nA first later story."),
            await UploadAsync($"since-{Guid.NewGuid():N}.txt", Articles.Harbour + "\n\nA second later story."),
        };
        foreach (var id in published)
        {
            Assert.Equal("summarized", (await pipeline.WaitForOutcomeAsync(id)).GetProperty("status").GetString());
        }
        var changes = await AllPagesAsync($"/api/summaries?since={cursor}&pageSize=1");
        var next = (await GetJsonAsync($"/api/summaries?since={cursor}")).GetProperty("cursor").GetString()!;

        Assert.Equal(published.Order(StringComparer.Ordinal), Ids(changes).Order(StringComparer.Ordinal));
        Assert.Empty((await GetJsonAsync($"/api/summaries?since={next}")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Summaries_can_be_filtered_by_actor_and_venue_ignoring_case_and_accents()
    {
        var seed = await UploadAsync($"filtered-{Guid.NewGuid():N}.txt", Encoding.UTF8.GetString(PipelineFixture.Seed()));
        var harbour = await UploadAsync($"filtered-{Guid.NewGuid():N}.txt", Articles.Harbour + "\n\nFiltered.");
        await pipeline.WaitForOutcomeAsync(seed);
        await pipeline.WaitForOutcomeAsync(harbour);

        var byActor = Ids(await AllPagesAsync("/api/summaries?actor=LAVRÓV"));
        var byVenue = Ids(await AllPagesAsync("/api/summaries?venue=slovakia"));

        Assert.Contains(seed, byActor);
        Assert.DoesNotContain(harbour, byActor);
        Assert.Contains(seed, byVenue);
        Assert.DoesNotContain(harbour, byVenue);
        Assert.Empty(await AllPagesAsync("/api/summaries?actor=nobody-named-this"));
    }

    [Fact]
    public async Task The_cleaned_text_holds_every_quote_at_its_offsets()
    {
        var id = await UploadAsync($"cleaned-{Guid.NewGuid():N}.txt", Encoding.UTF8.GetString(PipelineFixture.Seed()));
        await pipeline.WaitForOutcomeAsync(id);

        var text = (await GetJsonAsync($"/api/articles/{id}/cleaned")).GetProperty("text").GetString()!;
        var summary = await pipeline.GetSummaryAsync(id);

        var evidence = summary.Actors.Select(a => a.Evidence).Concat(summary.Conditions.Select(c => c.Evidence))
            .Concat(summary.Venues.Select(v => v.Evidence)).Concat(summary.OpenQuestions.Select(q => q.Evidence)).ToList();
        Assert.NotEmpty(evidence);
        Assert.All(evidence, e => Assert.Equal(e.Quote, text[e.Start..e.End]));
    }

    [Theory]
    [InlineData("/api/articles?status=lost", "bad-query")]
    [InlineData("/api/articles?pageSize=0", "bad-query")]
    [InlineData("/api/articles?continuationToken=not-ours", "bad-continuation-token")]
    [InlineData("/api/summaries?since=yesterday-ish", "bad-query")]
    [InlineData("/api/summaries?continuationToken=not-ours", "bad-continuation-token")]
    [InlineData("/api/summaries/no-such-story", "not-found")]
    [InlineData("/api/articles/no-such-story/cleaned", "not-found")]
    [InlineData("/api/articles/Not%20An%20Id", "bad-id")]
    public async Task Every_error_is_a_problem_with_a_stable_type(string url, string kind)
    {
        using var response = await pipeline.Http.GetAsync(url, Cancel);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("urn:summarizer:problem:" + kind, problem.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task A_retry_is_refused_with_a_reason_when_it_cannot_help()
    {
        var summarized = await UploadAsync($"retry-{Guid.NewGuid():N}.txt", Articles.Harbour);
        await pipeline.WaitForOutcomeAsync(summarized);

        using var again = await pipeline.Http.PostAsync($"/api/articles/{summarized}/retry", null, Cancel);
        using var unknown = await pipeline.Http.PostAsync("/api/articles/never-uploaded/retry", null, Cancel);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("not waiting for a retry", (await again.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private async Task<string> UploadAsync(string name, string text)
    {
        using var response = await pipeline.Http.PostAsync($"/api/articles?name={Uri.EscapeDataString(name)}", new StringContent(text, Encoding.UTF8, "text/plain"), Cancel);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> GetJsonAsync(string url) =>
        await pipeline.Http.GetFromJsonAsync<JsonElement>(url, Cancel);

    /// <summary>Every item of a listing, following its continuation tokens.</summary>
    private async Task<List<JsonElement>> AllPagesAsync(string url)
    {
        var items = new List<JsonElement>();
        string? token = null;
        do
        {
            var page = await GetJsonAsync(token is null ? url : $"{url}&continuationToken={token}");
            items.AddRange(page.GetProperty("items").EnumerateArray());
            token = page.TryGetProperty("continuationToken", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (token is not null);
        return items;
    }

    private static List<string> Ids(IEnumerable<JsonElement> items) => [.. items.Select(i => i.GetProperty("id").GetString()!)];

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Cancel);
        var error = process.StandardError.ReadToEndAsync(Cancel);
        await process.WaitForExitAsync(Cancel);
        return (process.ExitCode, await output + await error);
    }
}
