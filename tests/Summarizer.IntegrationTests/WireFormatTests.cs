using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Summarizer.Core;

namespace Summarizer.IntegrationTests;

/// <summary>Wire copy (IPTC ninjs, NewsML-G2) through the whole pipeline: its identity reaches the cleaned document; hostile XML fails with a reason.</summary>
public sealed class WireFormatTests(PipelineFixture pipeline)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_ninjs_item_posted_to_the_api_is_summarized_and_its_cleaned_document_carries_its_wire_identity()
    {
        var uri = $"urn:newsml:eldmoor-wire.example:20261126:{Guid.NewGuid():N}";
        var item = $$"""
            {"uri": "{{uri}}", "version": "2", "pubstatus": "usable", "urgency": 3, "language": "en",
             "headline": "Harbour ferry repairs to resume after council vote", "byline": "By Mara Lindqvist", "located": "Port Eldmoor",
             "body_html": {{JsonSerializer.Serialize(Articles.Harbour.Split("\n\n").Skip(1).Aggregate("", (html, p) => html + "<p>" + WebUtility.HtmlEncode(p) + "</p>"))}}}
            """;
        var name = $"wire-{Guid.NewGuid():N}.json";

        await pipeline.PublishAsync(name, new StringContent(item, Encoding.UTF8, "application/json"));

        var id = Path.GetFileNameWithoutExtension(name);
        var cleaned = await pipeline.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{id}/cleaned", Cancel);
        Assert.Equal("ninjs", cleaned.GetProperty("format").GetString());
        Assert.Equal("Harbour ferry repairs to resume after council vote", cleaned.GetProperty("title").GetString());
        Assert.Equal("By Mara Lindqvist", cleaned.GetProperty("byline").GetString());
        var wire = cleaned.GetProperty("wire");
        Assert.Equal(uri, wire.GetProperty("guid").GetString());
        Assert.Equal(2, wire.GetProperty("version").GetInt32());
        Assert.Equal("usable", wire.GetProperty("pubStatus").GetString());
        Assert.Equal(3, wire.GetProperty("urgency").GetInt32());
    }

    [Fact]
    public async Task A_canceled_wire_item_uploaded_under_the_story_name_withdraws_its_summary()
    {
        var uri = $"urn:newsml:eldmoor-wire.example:20261129:{Guid.NewGuid():N}";
        var name = $"wire-kill-{Guid.NewGuid():N}.json";
        var id = Path.GetFileNameWithoutExtension(name);
        var usable = $$"""
            {"uri": "{{uri}}", "version": "1", "pubstatus": "usable", "headline": "Harbour ferry repairs to resume",
             "body_text": {{JsonSerializer.Serialize(string.Join("\n\n", Articles.Harbour.Split("\n\n").Skip(1)))}}}
            """;
        var kill = $$"""{"uri": "{{uri}}", "version": "2", "pubstatus": "canceled", "headline": "Harbour ferry repairs to resume"}""";
        await pipeline.PublishAsync(name, new StringContent(usable, Encoding.UTF8, "application/json"));

        using var killed = await pipeline.Http.PostAsync($"/api/articles?name={name}", new StringContent(kill, Encoding.UTF8, "application/json"), Cancel);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        HttpStatusCode summary;
        do
        {
            await Task.Delay(200, Cancel);
            using var response = await pipeline.Http.GetAsync($"/api/summaries/{id}", Cancel);
            summary = response.StatusCode;
        }
        while (summary != HttpStatusCode.Gone && DateTimeOffset.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.Accepted, killed.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, summary);
        var problem = await pipeline.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{id}", Cancel);
        Assert.Equal("withdrawn", problem.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_newsml_g2_entity_bomb_fails_with_a_reason_and_the_host_keeps_serving()
    {
        var bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE newsItem [<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">");
        for (var i = 1; i < 12; i++)
        {
            bomb.Append($"<!ENTITY a{i} \"{string.Concat(Enumerable.Repeat(i == 1 ? "&a;" : $"&a{i - 1};", 10))}\">");
        }
        bomb.Append("]><newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"urn:bomb\" version=\"1\"><contentMeta><headline>&a11;</headline></contentMeta></newsItem>");
        var name = $"wire-bomb-{Guid.NewGuid():N}.xml";
        await pipeline.Container(PipelineNames.ArticlesContainer).GetBlobClient(name).UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(bomb.ToString())), Cancel);

        var status = await pipeline.WaitForOutcomeAsync(Path.GetFileNameWithoutExtension(name));

        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.Contains("DTD", status.GetProperty("reason").GetString(), StringComparison.Ordinal);
        using var health = await pipeline.Http.GetAsync("/api/health", Cancel);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
