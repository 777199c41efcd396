using System.IO.Compression;
using System.Text;
using Summarizer.Core.Cleaning.Formats;

namespace Summarizer.Core.Tests.Cleaning.Formats;

/// <summary>The bytes decide the format first; a content type or extension only where the bytes say nothing.</summary>
public sealed class FormatDetectorTests
{
    [Fact]
    public void A_pdf_is_a_pdf_whatever_its_name()
    {
        Assert.Equal(SourceFormat.Pdf, FormatDetector.Detect("%PDF-1.7\n%âãÏÓ\n1 0 obj"u8, "text/plain", "story.txt"));
    }

    [Fact]
    public void A_zip_with_a_word_body_is_a_word_document_and_another_zip_is_not()
    {
        Assert.Equal(SourceFormat.Docx, FormatDetector.Detect(Zip("word/document.xml"), null, "story.bin"));
        Assert.Null(FormatDetector.Detect(Zip("photos/harbour.jpg"), null, "photos.zip"));
    }

    [Fact]
    public void A_damaged_zip_is_a_word_document_only_when_labelled_so()
    {
        var cut = Zip("word/document.xml")[..20];

        Assert.Equal(SourceFormat.Docx, FormatDetector.Detect(cut, null, "story.docx"));
        Assert.Equal(SourceFormat.Docx, FormatDetector.Detect(cut, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", null));
        Assert.Null(FormatDetector.Detect(cut, null, "photos.zip"));
    }

    [Fact]
    public void A_json_object_with_an_identity_and_a_headline_is_a_ninjs_item()
    {
        var item = """{"uri":"urn:newsml:example.org:20261129:ferry","version":"2","headline":"Ferry timetable cut","body_text":"The ferry…"}""";

        Assert.Equal(SourceFormat.Ninjs, FormatDetector.Detect(Encoding.UTF8.GetBytes(item), "text/plain", "ferry.txt"));
        Assert.Null(FormatDetector.Detect("""{"name":"not a news item","value":3}"""u8, null, "data.json"));
    }

    [Fact]
    public void An_xml_document_rooted_in_a_newsml_g2_item_is_newsml_g2()
    {
        var item = """<?xml version="1.0" encoding="UTF-8"?><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:example.org:20261129:ferry" version="1" standard="NewsML-G2" standardversion="2.33"/>""";

        Assert.Equal(SourceFormat.NewsMLG2, FormatDetector.Detect(Encoding.UTF8.GetBytes(item), null, "ferry.xml"));
        Assert.Null(FormatDetector.Detect("""<?xml version="1.0"?><rss version="2.0"/>"""u8, null, "feed.xml"));
    }

    [Fact]
    public void Entities_in_an_xml_upload_are_not_expanded_while_it_is_identified()
    {
        var bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (var i = 1; i < 10; i++)
        {
            bomb.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10)).Replace("&lol0;", "&lol;", StringComparison.Ordinal)}\">");
        }
        bomb.Append("]><newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\">&lol9;</newsItem>");

        Assert.Equal(SourceFormat.NewsMLG2, FormatDetector.Detect(Encoding.UTF8.GetBytes(bomb.ToString()), null, null));
    }

    [Fact]
    public void A_message_with_from_and_subject_headers_is_an_email()
    {
        var mail = "From: Press Office <press@harbour.example>\r\nSubject: Harbour repairs to resume\r\nDate: Sun, 29 Nov 2026 09:00:00 +0000\r\n\r\nThe council voted on Thursday.";

        Assert.Equal(SourceFormat.Email, FormatDetector.Detect(Encoding.UTF8.GetBytes(mail), null, "release.txt"));
        Assert.Null(FormatDetector.Detect("Subject: the harbour\n\nThe council voted on Thursday to resume repairs."u8, null, "notes.txt"));
    }

    [Theory]
    [InlineData("application/pdf", null, SourceFormat.Pdf)]
    [InlineData(null, "ruling.PDF", SourceFormat.Pdf)]
    [InlineData(null, "draft.docx", SourceFormat.Docx)]
    [InlineData("message/rfc822", null, SourceFormat.Email)]
    public void Labelled_bytes_that_are_not_what_the_label_says_go_to_that_format_to_be_explained(string? contentType, string? fileName, SourceFormat expected)
    {
        Assert.Equal(expected, FormatDetector.Detect("not really that kind of file"u8, contentType, fileName));
    }

    [Fact]
    public void Plain_text_and_html_are_left_to_the_text_path()
    {
        Assert.Null(FormatDetector.Detect("<!doctype html><html><body><p>The council voted.</p></body></html>"u8, "text/html", "page.html"));
        Assert.Null(FormatDetector.Detect("Harbour repairs resume\n\nThe council voted on Thursday."u8, null, "story.txt"));
    }

    private static byte[] Zip(string entry)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write("<w:document/>");
        }
        return stream.ToArray();
    }
}
