using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Summarizer.Core;
using Summarizer.Core.Documents;

namespace Summarizer.IntegrationTests;

/// <summary>The seed article through the whole pipeline, uploaded the two ways the newsroom uploads.</summary>
public sealed class SeedArticleTests(PipelineFixture pipeline)
{
    [Fact]
    public async Task A_seed_uploaded_to_blob_storage_is_summarized_and_served_over_http()
    {
        var blob = pipeline.Container(PipelineNames.ArticlesContainer).GetBlobClient("seed-via-blob.txt");
        await blob.UploadAsync(new BinaryData(PipelineFixture.Seed()), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain" } }, TestContext.Current.CancellationToken);

        var status = await pipeline.WaitForOutcomeAsync("seed-via-blob");

        Assert.Equal("summarized", status.GetProperty("status").GetString());
        await AssertSeedSummaryAsync("seed-via-blob");
    }

    [Fact]
    public async Task A_seed_posted_to_the_api_is_accepted_and_summarized()
    {
        using var content = new ByteArrayContent(PipelineFixture.Seed());
        content.Headers.ContentType = new("text/plain");

        using var response = await pipeline.Http.PostAsync("/api/articles?name=seed-via-api.txt", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.EndsWith("/api/articles/seed-via-api", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var status = await pipeline.WaitForOutcomeAsync("seed-via-api", body.GetProperty("contentHash").GetString());
        Assert.Equal("summarized", status.GetProperty("status").GetString());
        await AssertSeedSummaryAsync("seed-via-api");
    }

    private async Task AssertSeedSummaryAsync(string id)
    {
        var summary = await pipeline.GetSummaryAsync(id);
        var cleaned = await pipeline.GetCleanedAsync(id);

        Assert.Equal(id, summary.Id);
        Assert.Equal("Putin Ready To Negotiate With Only Trump", summary.Headline);
        foreach (var surname in (string[])["Putin", "Trump", "Lavrov", "Kellogg"])
        {
            Assert.Contains(summary.Actors, a => a.Name.EndsWith(surname, StringComparison.Ordinal) && a.Kind == ActorKind.Person);
        }
        Assert.Contains(summary.Actors, a => a.Name == "Vladimir Putin");
        Assert.Contains(summary.Actors, a => a.Name == "Sergei Lavrov");
        Assert.Contains(summary.Actors, a => a.Name == "Keith Kellogg");
        Assert.Contains(summary.Venues, v => v.Name == "Slovakia");
        Assert.Contains(summary.Conditions, c => c.Evidence.Quote.Contains("makes the first move", StringComparison.Ordinal));
        Assert.Contains(summary.OpenQuestions, q => q.Evidence.Quote.Contains("Ukraine would agree to this location", StringComparison.Ordinal));

        var evidence = summary.Actors.Select(a => a.Evidence)
            .Concat(summary.Conditions.Select(c => c.Evidence))
            .Concat(summary.Venues.Select(v => v.Evidence))
            .Concat(summary.OpenQuestions.Select(q => q.Evidence))
            .ToList();
        Assert.NotEmpty(evidence);
        Assert.All(evidence, e => Assert.Equal(e.Quote, cleaned.Text[e.Start..e.End]));
        Assert.DoesNotContain("Advertisements", cleaned.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sorting by", cleaned.Text, StringComparison.Ordinal);
    }
}
