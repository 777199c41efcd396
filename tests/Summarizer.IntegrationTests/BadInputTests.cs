using System.Net;
using System.Text;
using Summarizer.Core;

namespace Summarizer.IntegrationTests;

/// <summary>Bad uploads fail with a reason a person can act on; the raw upload stays as it was; the host keeps serving.</summary>
public sealed class BadInputTests(PipelineFixture pipeline)
{
    public static TheoryData<string, byte[], string> BadUploads => new()
    {
        { "empty.txt", [], "empty" },
        { "picture.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0], "PNG" },
        { "binary.txt", Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 256)).ToArray(), "binary" },
        { "too-large.txt", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("A sentence of the article. ", (int)(PipelineFixture.MaxUploadBytes / 20)))), "limit" },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task A_bad_upload_fails_with_a_reason_and_the_raw_upload_is_kept(string name, byte[] content, string reasonMentions)
    {
        var blob = pipeline.Container(PipelineNames.ArticlesContainer).GetBlobClient("bad-" + name);
        await blob.UploadAsync(new BinaryData(content), overwrite: true, TestContext.Current.CancellationToken);

        var status = await pipeline.WaitForOutcomeAsync("bad-" + Path.GetFileNameWithoutExtension(name));

        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.Equal("clean", status.GetProperty("stage").GetString());
        Assert.Contains(reasonMentions, status.GetProperty("reason").GetString(), StringComparison.OrdinalIgnoreCase);
        var kept = await blob.DownloadContentAsync(TestContext.Current.CancellationToken);
        Assert.Equal(content, kept.Value.Content.ToArray());
        using var health = await pipeline.Http.GetAsync("/api/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Text_in_no_known_encoding_fails_as_undecodable()
    {
        // Valid UTF-16 code units would decode; lone surrogates do not, in any encoding the cleaner knows.
        var content = new byte[] { 0xFF, 0xFE }.Concat(Enumerable.Repeat(new byte[] { 0x00, 0xD8, 0x41, 0x00 }, 200).SelectMany(b => b)).ToArray();
        var blob = pipeline.Container(PipelineNames.ArticlesContainer).GetBlobClient("bad-undecodable.txt");
        await blob.UploadAsync(new BinaryData(content), overwrite: true, TestContext.Current.CancellationToken);

        var status = await pipeline.WaitForOutcomeAsync("bad-undecodable");

        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(status.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Posting_an_empty_article_is_refused_with_400()
    {
        using var response = await pipeline.Http.PostAsync("/api/articles?name=nothing.txt", new ByteArrayContent([]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("empty", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Posting_an_article_over_the_limit_is_refused_with_413_and_nothing_is_stored()
    {
        using var content = new ByteArrayContent(new byte[PipelineFixture.MaxUploadBytes + 1]);

        using var response = await pipeline.Http.PostAsync("/api/articles?name=huge.txt", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.False(await pipeline.Container(PipelineNames.ArticlesContainer).GetBlobClient("huge.txt").ExistsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Posting_without_a_name_is_refused_with_400()
    {
        using var response = await pipeline.Http.PostAsync("/api/articles", new StringContent("Some text."), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("name", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_unknown_article_is_404_with_an_explanation()
    {
        using var summary = await pipeline.Http.GetAsync("/api/summaries/never-uploaded", TestContext.Current.CancellationToken);
        using var status = await pipeline.Http.GetAsync("/api/articles/never-uploaded", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, summary.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
        Assert.Contains("never-uploaded", await summary.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
