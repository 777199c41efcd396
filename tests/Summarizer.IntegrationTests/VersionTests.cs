using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core;
using Summarizer.Core.Documents;
using Summarizer.Pipeline.Stages;
using Summarizer.Pipeline.Storage;

namespace Summarizer.IntegrationTests;

/// <summary>Versions of a story on Azurite end to end: the history, earlier summaries, what changed, and kills.</summary>
public sealed class VersionTests(PipelineFixture pipeline)
{
    /// <summary>An invented story, first filed: the venue is only offered, the date is an open question.</summary>
    public const string FirstVersion =
        "Negotiators for the Lakeside port workers' union and the Harbour Authority will meet again next week. "
        + "Austria has offered to host the talks at the Hofburg conference centre in Vienna.\n\n"
        + "The union said it would return to the table only if the authority withdrew its notice of dismissals. "
        + "It is not yet clear when the talks will resume.";

    /// <summary>Its write-through: the venue is confirmed, a mediator joins, the date is known.</summary>
    public const string SecondVersion =
        "Negotiators for the Lakeside port workers' union and the Harbour Authority will meet in Vienna on Monday, "
        + "officials confirmed. The talks will be held at the Hofburg conference centre in Vienna.\n\n"
        + "The union said it would return to the table only if the authority withdrew its notice of dismissals. "
        + "Mediator Anna Berger of the Federal Labour Office will chair the talks.";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reupload_with_changed_content_is_version_2_with_its_changes_and_version_1_stays_readable()
    {
        var id = $"port-talks-{Guid.NewGuid():N}";
        var first = await pipeline.PublishAsync(id + ".txt", FirstVersion);
        var second = await pipeline.PublishAsync(id + ".txt", SecondVersion);

        var history = await pipeline.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{id}/versions", Cancel);
        var versions = history.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([1, 2], versions.Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal([first, second], versions.Select(v => v.GetProperty("contentHash").GetString()));
        Assert.All(versions, v => Assert.Equal("summarized", v.GetProperty("status").GetString()));
        Assert.EndsWith($"/api/summaries/{id}?version=1", versions[0].GetProperty("summaryUrl").GetString(), StringComparison.Ordinal);

        var older = await pipeline.Http.GetFromJsonAsync<JsonElement>($"/api/summaries/{id}?version=1", Cancel);
        Assert.Equal(first, older.GetProperty("source").GetProperty("contentHash").GetString());
        Assert.Equal(1, older.GetProperty("version").GetInt32());
        Assert.False(older.TryGetProperty("changes", out _));

        var newest = await pipeline.Http.GetFromJsonAsync<JsonElement>($"/api/summaries/{id}", Cancel);
        Assert.Equal(second, newest.GetProperty("source").GetProperty("contentHash").GetString());
        Assert.Equal(2, newest.GetProperty("version").GetInt32());
        var changes = newest.GetProperty("changes");
        Assert.Equal(1, changes.GetProperty("previousVersion").GetInt32());
        var venue = Assert.Single(changes.GetProperty("venuesChanged").EnumerateArray());
        Assert.Equal(("Hofburg conference centre", "proposed", "confirmed"),
            (venue.GetProperty("name").GetString(), venue.GetProperty("from").GetString(), venue.GetProperty("to").GetString()));
        var cleaned = await pipeline.GetCleanedAsync(id);
        var evidence = venue.GetProperty("evidence");
        Assert.Equal(evidence.GetProperty("quote").GetString(), cleaned.Text[evidence.GetProperty("start").GetInt32()..evidence.GetProperty("end").GetInt32()]);
        Assert.Equal(["When will the talks resume?"], changes.GetProperty("questionsAnswered").EnumerateArray().Select(q => q.GetProperty("question").GetString()));
        Assert.Contains("Anna Berger", changes.GetProperty("actorsAdded").EnumerateArray().Select(a => a.GetProperty("name").GetString()));

        using var missing = await pipeline.Http.GetAsync($"/api/summaries/{id}?version=3", Cancel);
        await AssertProblemAsync(missing, HttpStatusCode.NotFound, "no-such-version");
        using var bad = await pipeline.Http.GetAsync($"/api/summaries/{id}?version=two", Cancel);
        await AssertProblemAsync(bad, HttpStatusCode.BadRequest, "bad-query");
    }

    [Fact]
    public async Task The_same_content_uploaded_again_keeps_its_version_number()
    {
        var id = $"port-again-{Guid.NewGuid():N}";
        var hash = await pipeline.PublishAsync(id + ".txt", FirstVersion);
        // Identical bytes under the same name change nothing; a different name is another story.
        using var again = await pipeline.Http.PostAsync($"/api/articles?name={id}.txt", new StringContent(FirstVersion, Encoding.UTF8, "text/plain"), Cancel);
        await pipeline.WaitForOutcomeAsync(id, hash);

        var history = await pipeline.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{id}/versions", Cancel);
        var version = Assert.Single(history.GetProperty("items").EnumerateArray());
        Assert.Equal(1, version.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_withdrawn_story_answers_410_with_its_reason_is_left_out_of_the_list_and_its_upload_stays()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1).ToString("O");
        var id = $"port-killed-{Guid.NewGuid():N}";
        await pipeline.PublishAsync(id + ".txt", FirstVersion);
        Assert.Contains(id, await ListedAsync($"/api/summaries?since={Uri.EscapeDataString(since)}&venue=Hofburg&pageSize=100"));

        using (var noReason = await pipeline.Http.DeleteAsync($"/api/articles/{id}", Cancel))
        {
            await AssertProblemAsync(noReason, HttpStatusCode.BadRequest, "no-reason");
        }
        using (var blank = await SendDeleteAsync(id, """{"reason": "  "}"""))
        {
            await AssertProblemAsync(blank, HttpStatusCode.BadRequest, "no-reason");
        }
        const string reason = "Legal: the union's statement was misattributed.";
        using (var killed = await SendDeleteAsync(id, JsonSerializer.Serialize(new { reason })))
        {
            Assert.Equal(HttpStatusCode.OK, killed.StatusCode);
            var status = await killed.Content.ReadFromJsonAsync<JsonElement>(Cancel);
            Assert.Equal("withdrawn", status.GetProperty("status").GetString());
            Assert.Equal(reason, status.GetProperty("reason").GetString());
        }

        using (var gone = await pipeline.Http.GetAsync($"/api/summaries/{id}", Cancel))
        {
            var problem = await AssertProblemAsync(gone, HttpStatusCode.Gone, "withdrawn");
            Assert.Equal(reason, problem.GetProperty("reason").GetString());
            Assert.InRange(problem.GetProperty("withdrawnAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
            Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        using (var goneVersion = await pipeline.Http.GetAsync($"/api/summaries/{id}?version=1", Cancel))
        {
            await AssertProblemAsync(goneVersion, HttpStatusCode.Gone, "withdrawn");
        }
        // Withdrawing again keeps the first reason.
        using (var again = await pipeline.Http.DeleteAsync($"/api/articles/{id}?reason=again", Cancel))
        {
            Assert.Equal(reason, (await again.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("reason").GetString());
        }

        var list = $"/api/summaries?since={Uri.EscapeDataString(since)}&venue=Hofburg&pageSize=100";
        Assert.DoesNotContain(id, await ListedAsync(list));
        Assert.Contains(id, await ListedAsync(list + "&includeWithdrawn=true"));
        // The upload, the cleaned documents and the summaries kept per version stay for audit; the history is listed.
        Assert.True(await pipeline.Container(PipelineNames.ArticlesContainer).GetBlobClient(id + ".txt").ExistsAsync(Cancel));
        Assert.True(await pipeline.Container(PipelineNames.SummariesContainer).GetBlobClient($"versions/{id}/v1.json").ExistsAsync(Cancel));
        Assert.True(await pipeline.Container(PipelineNames.CleanedContainer).GetBlobClient($"versions/{id}/v1.upload").ExistsAsync(Cancel));
        var history = await pipeline.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{id}/versions", Cancel);
        Assert.Equal("withdrawn", history.GetProperty("status").GetString());
        Assert.Single(history.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_new_upload_of_a_withdrawn_story_makes_it_current_again()
    {
        var id = $"port-revived-{Guid.NewGuid():N}";
        await pipeline.PublishAsync(id + ".txt", FirstVersion);
        using (var killed = await pipeline.Http.DeleteAsync($"/api/articles/{id}?reason=wrong%20draft", Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, killed.StatusCode);
        }
        var second = await pipeline.PublishAsync(id + ".txt", SecondVersion);

        var summary = await pipeline.Http.GetFromJsonAsync<JsonElement>($"/api/summaries/{id}", Cancel);
        Assert.Equal(second, summary.GetProperty("source").GetProperty("contentHash").GetString());
        Assert.Equal(2, summary.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Withdrawing_an_unknown_article_is_404()
    {
        using var response = await pipeline.Http.DeleteAsync($"/api/articles/never-uploaded-{Guid.NewGuid():N}?reason=test", Cancel);
        await AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
        using var versions = await pipeline.Http.GetAsync($"/api/articles/never-uploaded-{Guid.NewGuid():N}/versions", Cancel);
        await AssertProblemAsync(versions, HttpStatusCode.NotFound, "not-found");
    }

    /// <summary>
    /// Wire items are cleaned by the format readers; here the stages after cleaning are driven with cleaned wire items
    /// written as the clean stage writes them, against the same storage the host serves from.
    /// </summary>
    [Fact]
    public async Task A_wire_version_3_arriving_before_version_2_stays_current_and_version_2_is_kept_in_the_history()
    {
        var id = $"wire-order-{Guid.NewGuid():N}";
        var third = await SummarizeWireItemAsync(id, SecondVersion, version: 3);
        var second = await SummarizeWireItemAsync(id, FirstVersion, version: 2);

        var newest = await pipeline.Http.GetFromJsonAsync<JsonElement>($"/api/summaries/{id}", Cancel);
        Assert.Equal(third, newest.GetProperty("source").GetProperty("contentHash").GetString());
        Assert.Equal(3, newest.GetProperty("version").GetInt32());
        var older = await pipeline.Http.GetFromJsonAsync<JsonElement>($"/api/summaries/{id}?version=2", Cancel);
        Assert.Equal(second, older.GetProperty("source").GetProperty("contentHash").GetString());
        var history = await pipeline.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{id}/versions", Cancel);
        Assert.Equal([2, 3], history.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal("summarized", history.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_wire_version_compares_with_the_highest_version_below_it()
    {
        var id = $"wire-changes-{Guid.NewGuid():N}";
        await SummarizeWireItemAsync(id, FirstVersion, version: 4);
        await SummarizeWireItemAsync(id, SecondVersion, version: 7);

        var newest = await pipeline.Http.GetFromJsonAsync<JsonElement>($"/api/summaries/{id}", Cancel);
        Assert.Equal(7, newest.GetProperty("version").GetInt32());
        var changes = newest.GetProperty("changes");
        Assert.Equal(4, changes.GetProperty("previousVersion").GetInt32());
        Assert.Equal("confirmed", Assert.Single(changes.GetProperty("venuesChanged").EnumerateArray()).GetProperty("to").GetString());
    }

    /// <summary>What the clean stage does for a cleaned wire item (status received then cleaned, document, version), then the summarize stage.</summary>
    private async Task<string> SummarizeWireItemAsync(string id, string text, int version)
    {
        var services = pipeline.Services;
        var statuses = services.GetRequiredService<ArticleStatusStore>();
        var repository = services.GetRequiredService<ArticleRepository>();
        var versions = services.GetRequiredService<ArticleVersionStore>();
        var bytes = Encoding.UTF8.GetBytes(text);
        var hash = ContentHash.Of(bytes);
        var blobName = id + ".json";
        var upload = new UploadVersion(blobName, DateTimeOffset.UtcNow, hash);
        var cleaned = new CleanedArticle
        {
            Id = id,
            Format = "ninjs",
            Encoding = "utf-8",
            Text = text,
            Paragraphs = text.Split("\n\n"),
            Wire = new WireInfo("urn:newsml:example.org:20261129:port-talks", version, WireInfo.Usable, 4),
            Source = new SourceInfo(blobName, hash, "application/json", bytes.Length, upload.UploadedAt),
        };
        Assert.Equal(ReceiveOutcome.Received, await statuses.MarkReceivedAsync(id, upload, Cancel));
        Assert.True(await repository.SaveCleanedAsync(cleaned, ct => statuses.IsCurrentAsync(id, hash, ct), Cancel));
        Assert.True(await statuses.MarkCleanedAsync(id, hash, Cancel));
        Assert.Equal(version, await versions.RecordAsync(id, hash, blobName, version, WireInfo.Usable, Cancel));
        await services.GetRequiredService<SummarizeStage>().RunAsync(new SummarizeMessage(id, hash, bytes.Length).ToJson(), 1, Cancel);
        Assert.Equal("summarized", (await pipeline.WaitForOutcomeAsync(id, hash)).GetProperty("status").GetString());
        return hash;
    }

    private Task<HttpResponseMessage> SendDeleteAsync(string id, string json) =>
        pipeline.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/articles/{id}") { Content = new StringContent(json, Encoding.UTF8, "application/json") }, Cancel);

    private async Task<List<string>> ListedAsync(string url)
    {
        var page = await pipeline.Http.GetFromJsonAsync<JsonElement>(url, Cancel);
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string kind)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("urn:summarizer:problem:" + kind, problem.GetProperty("type").GetString());
        return problem;
    }
}
