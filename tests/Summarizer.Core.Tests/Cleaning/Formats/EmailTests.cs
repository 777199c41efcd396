using System.Diagnostics;
using System.Text;
using System.Text.Json;
using MimeKit;
using Summarizer.Core.Cleaning;
using Summarizer.Core.Cleaning.Formats;
using Summarizer.Core.Engine;
using static Summarizer.Core.Tests.CleaningTestSupport;

namespace Summarizer.Core.Tests.Cleaning.Formats;

/// <summary>An e-mail's subject, sender and date are the article's metadata; its body, or the attached article behind a cover note, is the text.</summary>
public sealed class EmailTests
{
    private const string Opening = "The harbour council voted on Tuesday to repair the old swing bridge before the autumn timetable begins, ending two years of argument over its future.";
    private const string Second = "Repairs will take six weeks, the council's engineer, Tomas Berg, told reporters on Wednesday, and the bridge will stay open to pedestrians throughout.";
    private const string Third = "Residents who had campaigned for a new crossing said they would keep pressing the council to fund one once the repairs are finished.";
    private static readonly string Article = string.Join("\n\n", Opening, Second, Third);

    [Fact]
    public void A_plain_text_message_gives_its_subject_sender_date_and_body()
    {
        var message = Message("Fwd: PRESS RELEASE: Harbour council agrees repair plan");
        message.Body = new TextPart("plain") { Text = Article + "\n\n-- \nMara Lind\nHarbour Press Office\n+44 20 7946 0000" };

        var article = Clean(Bytes(message), fileName: "release.eml");

        Assert.Equal("email", article.Format);
        Assert.Equal("Harbour council agrees repair plan", article.Title);
        Assert.Equal("Mara Lind", article.Byline);
        Assert.Equal("Tue, 24 Nov 2026 09:30:00 +0000", article.Dateline);
        Assert.Equal([Opening, Second, Third], article.Paragraphs);
    }

    [Fact]
    public void A_sender_without_a_display_name_is_credited_by_address()
    {
        var message = Message("Harbour council agrees repair plan");
        message.From.Clear();
        message.From.Add(new MailboxAddress("", "desk@harbour.example"));
        message.Body = new TextPart("plain") { Text = Article };

        Assert.Equal("desk@harbour.example", Clean(Bytes(message)).Byline);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("html")]
    public void A_body_that_credits_its_author_is_bylined_by_the_author_not_the_sender(string subtype)
    {
        var message = Message("Fwd: Harbour council agrees repair plan");
        message.Body = new TextPart(subtype)
        {
            Text = subtype == "html"
                ? $"<html><body><h1>Harbour council agrees repair plan</h1><p class=\"byline\">By Tomas Berg</p><p>{Opening}</p><p>{Second}</p><p>{Third}</p></body></html>"
                : $"By Tomas Berg\n\n{Article}",
        };

        var article = Clean(Bytes(message));

        Assert.Equal("Tomas Berg", article.Byline);
        Assert.Equal([Opening, Second, Third], article.Paragraphs);
    }

    [Fact]
    public void A_format_flowed_body_is_joined_back_into_its_paragraphs()
    {
        var message = Message("Harbour council agrees repair plan");
        // RFC 3676: a line ending in a space continues on the next line.
        var flowed = new TextPart("plain") { Text = Opening + "\r\n\r\n" + Second.Replace("engineer, ", "engineer, \r\n", StringComparison.Ordinal) + "\r\n" };
        flowed.ContentType.Parameters.Add("format", "flowed");
        message.Body = flowed;

        Assert.Equal([Opening, Second], Clean(Bytes(message)).Paragraphs);
    }

    [Theory]
    [InlineData("Re: Fwd: Harbour council agrees repair plan", "Harbour council agrees repair plan")]
    [InlineData("MEDIA ADVISORY: Harbour council agrees repair plan", "Harbour council agrees repair plan")]
    [InlineData("[harbour-news] Harbour council agrees repair plan", "Harbour council agrees repair plan")]
    [InlineData("NATO: allies agree harbour plan", "NATO: allies agree harbour plan")]
    [InlineData("Harbour council: repair plan agreed", "Harbour council: repair plan agreed")]
    public void Reply_forward_and_label_prefixes_are_taken_off_the_subject(string subject, string title)
    {
        Assert.Equal(title, EmailReader.CleanSubject(subject));
    }

    [Fact]
    public void The_html_body_is_preferred_to_its_plain_text_alternative_and_cleaned_like_a_page()
    {
        var message = Message("Harbour council agrees repair plan");
        var body = new BodyBuilder
        {
            // What a mail program generates from the HTML: the paragraphs lost and the link spelled out.
            TextBody = $"{Opening} {Second} <https://harbour.example/bridge> {Third}",
            HtmlBody = $"<html><body><p>{Opening}</p><p>{Second.Replace("Tomas Berg", "<a href=\"https://harbour.example/bridge\">Tomas Berg</a>", StringComparison.Ordinal)}</p><p>{Third}</p><img src=\"https://track.example/open.gif\" width=\"1\" height=\"1\"></body></html>",
        };
        message.Body = body.ToMessageBody();

        var article = Clean(Bytes(message));

        Assert.Equal([Opening, Second, Third], article.Paragraphs);
        Assert.Equal("Harbour council agrees repair plan", article.Title);
    }

    [Fact]
    public void An_html_press_release_loses_its_mail_and_press_release_furniture()
    {
        var message = Message("PRESS RELEASE: Harbour council agrees repair plan");
        message.Body = new TextPart("html")
        {
            Text = $"""
                <html><body><table width="600">
                <tr><td><a href="https://harbour.example/view">View this email in your browser</a></td></tr>
                <tr><td><img src="https://harbour.example/logo.png" alt="Harbour Council"></td></tr>
                <tr><td><h1>Harbour council agrees repair plan</h1>
                <p><strong>For immediate release</strong></p>
                <p>{Opening}</p><p>{Second}</p><p>{Third}</p>
                <p>ENDS</p>
                <p>Media contact: Mara Lind, press@harbour.example, +44 20 7946 0000</p></td></tr>
                <tr><td style="font-size:10px">You are receiving this email because you subscribed to council news. <a href="#">Unsubscribe</a> | <a href="#">Update preferences</a></td></tr>
                </table></body></html>
                """,
        };

        var article = Clean(Bytes(message));

        Assert.Equal("Harbour council agrees repair plan", article.Title);
        Assert.Equal([Opening, Second, Third], article.Paragraphs);
        Assert.Contains(article.Removed, r => r is { Text: "ENDS", Reason: "press release marker" });
        Assert.Contains(article.Removed, r => r.Reason == "press contact");
    }

    [Theory]
    [InlineData("story.txt", "text/plain")]
    [InlineData("story.html", "text/html")]
    [InlineData("story.md", "application/octet-stream")]
    public void A_cover_note_with_an_attached_article_is_summarised_from_the_attachment(string fileName, string mimeType)
    {
        var message = Message("Harbour council agrees repair plan");
        var body = new BodyBuilder { TextBody = "Hi desk,\n\nPlease see the attached story for tomorrow's edition.\n\nThanks,\nMara" };
        var attached = fileName.EndsWith(".html", StringComparison.Ordinal)
            ? $"<html><head><title>Bridge</title></head><body><article><h1>Bridge repairs approved</h1><p class=\"byline\">By Tomas Berg</p><p>{Opening}</p><p>{Second}</p><p>{Third}</p></article></body></html>"
            : fileName.EndsWith(".md", StringComparison.Ordinal)
                ? $"---\ntitle: Bridge repairs approved\nauthor: Tomas Berg\n---\n\n{Article}\n"
                : $"Bridge repairs approved\n\nBy Tomas Berg\n\n{Article}\n";
        body.Attachments.Add(fileName, Encoding.UTF8.GetBytes(attached), ContentType.Parse(mimeType));
        message.Body = body.ToMessageBody();

        var article = Clean(Bytes(message));

        Assert.Equal("email", article.Format);
        Assert.Equal([Opening, Second, Third], article.Paragraphs);
        Assert.Equal("Bridge repairs approved", article.Title);
        // The attached article's author, not the colleague who sent it.
        Assert.Equal("Tomas Berg", article.Byline);
        Assert.DoesNotContain("Please see", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cover_note_with_an_attached_word_document_is_summarised_from_the_document()
    {
        var docx = DocumentFixtures.SeedDocx();
        var message = Message("Fwd: story for tomorrow");
        var body = new BodyBuilder { TextBody = "Hi desk,\n\nThe story is in the attached Word file.\n\nThanks,\nMara" };
        body.Attachments.Add("story.docx", docx, ContentType.Parse("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        message.Body = body.ToMessageBody();

        var fromMail = Clean(Bytes(message));
        var fromDocument = Clean(docx, fileName: "story.docx");

        Assert.Equal("email", fromMail.Format);
        Assert.Equal(fromDocument.Paragraphs, fromMail.Paragraphs);
        var expected = new LocalSummaryEngine().Summarize(fromDocument);
        var actual = new LocalSummaryEngine().Summarize(fromMail);
        Assert.NotEmpty(expected.Actors);
        Assert.Equal(JsonSerializer.Serialize(expected.Actors), JsonSerializer.Serialize(actual.Actors));
        Assert.Equal(JsonSerializer.Serialize(expected.Venues), JsonSerializer.Serialize(actual.Venues));
        Assert.Equal(JsonSerializer.Serialize(expected.Conditions), JsonSerializer.Serialize(actual.Conditions));
        Assert.Equal(JsonSerializer.Serialize(expected.OpenQuestions), JsonSerializer.Serialize(actual.OpenQuestions));
    }

    [Fact]
    public void A_body_that_is_the_article_is_kept_and_an_unrelated_attachment_is_not_read()
    {
        var message = Message("Harbour council agrees repair plan");
        var body = new BodyBuilder { TextBody = Article + "\n\nThe timetable is attached." };
        body.Attachments.Add("timetable.txt", Encoding.UTF8.GetBytes("Ferry timetable\n\n06:00 Harbour – Island\n06:30 Island – Harbour\n07:00 Harbour – Island\n"), new ContentType("text", "plain"));
        message.Body = body.ToMessageBody();

        var article = Clean(Bytes(message));

        Assert.Equal([Opening, Second, Third, "The timetable is attached."], article.Paragraphs);
    }

    [Fact]
    public void A_cover_note_whose_attachment_holds_no_text_is_the_article_itself()
    {
        var message = Message("Harbour council agrees repair plan");
        var body = new BodyBuilder { TextBody = Opening + " A photo of the bridge is attached." };
        body.Attachments.Add("bridge.png", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'], new ContentType("image", "png"));
        message.Body = body.ToMessageBody();

        var article = Clean(Bytes(message));

        Assert.Equal([Opening + " A photo of the bridge is attached."], article.Paragraphs);
    }

    [Fact]
    public void A_forwarded_message_attached_to_a_cover_note_is_read_as_the_article()
    {
        var inner = Message("Bridge repairs approved");
        inner.From.Clear();
        inner.From.Add(new MailboxAddress("Tomas Berg", "tomas@harbour.example"));
        inner.Body = new TextPart("plain") { Text = Article };
        var message = Message("Fwd: Bridge repairs approved");
        var mixed = new Multipart("mixed") { new TextPart("plain") { Text = "See below." }, new MessagePart { Message = inner } };
        message.Body = mixed;

        var article = Clean(Bytes(message));

        Assert.Equal([Opening, Second, Third], article.Paragraphs);
        Assert.Equal("Tomas Berg", article.Byline);
    }

    [Fact]
    public void A_message_with_ten_thousand_parts_is_read_quickly()
    {
        var message = Message("Harbour council agrees repair plan");
        var mixed = new Multipart("mixed") { new TextPart("plain") { Text = Article } };
        for (var i = 0; i < 10_000; i++)
        {
            mixed.Add(new MimePart("application", "octet-stream") { Content = new MimeContent(new MemoryStream([1, 2, 3])), FileName = $"part{i}.bin" });
        }
        message.Body = mixed;
        var bytes = Bytes(message);

        var watch = Stopwatch.StartNew();
        var article = Clean(bytes);

        Assert.Equal([Opening, Second, Third], article.Paragraphs);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Deeply_nested_multiparts_do_not_exhaust_the_stack()
    {
        const int Depth = 20_000;
        var raw = new StringBuilder("From: Mara Lind <mara@harbour.example>\r\nSubject: Harbour council agrees repair plan\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n");
        for (var i = 1; i < Depth; i++)
        {
            raw.Append($"--b{i - 1}\r\nContent-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n");
        }
        raw.Append($"--b{Depth - 1}\r\nContent-Type: text/plain\r\n\r\n{Article}\r\n");
        for (var i = Depth - 1; i >= 0; i--)
        {
            raw.Append($"--b{i}--\r\n");
        }

        var watch = Stopwatch.StartNew();
        var rejected = Assert.Throws<ArticleRejectedException>(() => Clean(Encoding.UTF8.GetBytes(raw.ToString())));

        Assert.Contains("nested too deeply", rejected.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");

        // Within the depth read, a nested body is found.
        var shallow = Message("Harbour council agrees repair plan");
        MimeEntity body = new TextPart("plain") { Text = Article };
        for (var i = 0; i < 5; i++) { body = new Multipart("mixed") { body }; }
        shallow.Body = body;
        Assert.Equal([Opening, Second, Third], Clean(Bytes(shallow)).Paragraphs);
    }

    [Fact]
    public void A_file_named_eml_that_is_not_a_message_is_rejected_with_a_reason()
    {
        var rejected = Assert.Throws<ArticleRejectedException>(() => Clean("\u0001\u0002 not a message at all"u8.ToArray(), "message/rfc822", "release.eml"));

        Assert.Contains("e-mail", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_with_no_body_and_no_attached_article_is_rejected_with_a_reason()
    {
        var message = Message("Harbour council agrees repair plan");
        message.Body = new TextPart("plain") { Text = "" };

        var rejected = Assert.Throws<ArticleRejectedException>(() => Clean(Bytes(message)));

        Assert.Contains("no text in its body", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_encrypted_message_is_rejected_with_a_reason()
    {
        var raw = "From: Mara Lind <mara@harbour.example>\r\nSubject: Harbour council agrees repair plan\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=\"enc\"\r\n\r\n"
            + "--enc\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n"
            + "--enc\r\nContent-Type: application/octet-stream; name=\"encrypted.asc\"\r\n\r\n-----BEGIN PGP MESSAGE-----\r\nhQEMA7gK\r\n-----END PGP MESSAGE-----\r\n--enc--\r\n";

        var rejected = Assert.Throws<ArticleRejectedException>(() => Clean(Encoding.ASCII.GetBytes(raw)));

        Assert.Contains("encrypted", rejected.Message, StringComparison.Ordinal);
    }

    private static MimeMessage Message(string subject)
    {
        var message = new MimeMessage { Subject = subject, Date = new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero) };
        message.From.Add(new MailboxAddress("Mara Lind", "mara@harbour.example"));
        message.To.Add(new MailboxAddress("News Desk", "desk@news.example"));
        return message;
    }

    private static byte[] Bytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }
}
