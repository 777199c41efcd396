using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Summarizer.Core.Documents;

namespace Summarizer.IntegrationTests;

/// <summary>A Word document posted to the API is read, cleaned and summarised like the text it holds.</summary>
public sealed class DocumentUploadTests(PipelineFixture pipeline)
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    [Fact]
    public async Task A_word_document_posted_to_the_api_is_cleaned_and_summarized()
    {
        var status = await PostAsync("seed-as-word.docx", SeedDocx());

        Assert.Equal("summarized", status.GetProperty("status").GetString());
        var cleaned = await pipeline.GetCleanedAsync("seed-as-word");
        Assert.Equal("docx", cleaned.Format);
        Assert.Equal("Putin Ready To Negotiate With Only Trump", cleaned.Title);
        Assert.StartsWith("Russia has expressed a willingness to engage in peace talks", cleaned.Text, StringComparison.Ordinal);
        var summary = await pipeline.GetSummaryAsync("seed-as-word");
        Assert.Contains(summary.Actors, a => a.Name == "Sergei Lavrov" && a.Kind == ActorKind.Person);
        Assert.Contains(summary.Venues, v => v.Name == "Slovakia");
    }

    [Fact]
    public async Task A_password_protected_word_document_fails_with_its_reason()
    {
        byte[] container = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504], .. Encoding.Unicode.GetBytes("EncryptedPackage"), .. new byte[480]];

        var status = await PostAsync("locked-word.docx", container);

        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.Equal("The Word document is password-protected; remove the password and upload it again.", status.GetProperty("reason").GetString());
    }

    private async Task<JsonElement> PostAsync(string name, byte[] bytes)
    {
        var cancel = TestContext.Current.CancellationToken;
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new(DocxType);
        using var response = await pipeline.Http.PostAsync($"/api/articles?name={name}", content, cancel);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var hash = (await response.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("contentHash").GetString();
        return await pipeline.WaitForOutcomeAsync(Path.GetFileNameWithoutExtension(name), hash);
    }

    /// <summary>The seed article's blocks as the paragraphs of a Word document.</summary>
    private static byte[] SeedDocx()
    {
        var paragraphs = Encoding.UTF8.GetString(PipelineFixture.Seed()).Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(
                paragraphs.Select(p => new Paragraph(new Run(new Text(p) { Space = SpaceProcessingModeValues.Preserve })))));
        }
        return stream.ToArray();
    }
}
