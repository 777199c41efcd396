using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Summarizer.IntegrationTests;

/// <summary>An e-mail through the whole pipeline: a cover note's attached article is what gets summarized.</summary>
public sealed class EmailFormatTests(PipelineFixture pipeline)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_email_posted_to_the_api_is_summarized_from_the_article_attached_to_its_cover_note()
    {
        var story = string.Join("\n\n", Articles.Harbour.Split("\n\n").Skip(1));
        var markdown = $"---\ntitle: Eastport council sets terms for harbour repairs\nauthor: Mara Lindqvist\n---\n\n{story}\n";
        var message = "From: Eastport Press Office <press@eastport.example>\r\nTo: desk@news.example\r\n"
            + "Subject: Fwd: PRESS RELEASE: Harbour repairs\r\nDate: Thu, 26 Nov 2026 09:30:00 +0000\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"part\"\r\n\r\n"
            + "--part\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHi desk, the release is attached.\r\n"
            + "--part\r\nContent-Type: text/markdown; charset=utf-8; name=\"release.md\"\r\nContent-Disposition: attachment; filename=\"release.md\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + Convert.ToBase64String(Encoding.UTF8.GetBytes(markdown), Base64FormattingOptions.InsertLineBreaks) + "\r\n--part--\r\n";
        var name = $"mail-{Guid.NewGuid():N}.eml";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(message));
        content.Headers.ContentType = new("message/rfc822");

        await pipeline.PublishAsync(name, content);

        var id = Path.GetFileNameWithoutExtension(name);
        var cleaned = await pipeline.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{id}/cleaned", Cancel);
        Assert.Equal("email", cleaned.GetProperty("format").GetString());
        Assert.Equal("Eastport council sets terms for harbour repairs", cleaned.GetProperty("title").GetString());
        Assert.Equal("Mara Lindqvist", cleaned.GetProperty("byline").GetString());
        Assert.Equal(story, cleaned.GetProperty("text").GetString());
    }
}
