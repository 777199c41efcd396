using System.Text.RegularExpressions;
using MimeKit;
using MimeKit.Cryptography;

namespace Summarizer.Core.Cleaning.Formats;

/// <summary>
/// An e-mail (.eml, RFC 5322/MIME) → its subject as the title, its sender as the byline, its Date header as the
/// dateline, and the article: the body, or an attachment when the body is only a cover note.
/// <para>
/// The HTML body is preferred to the plain-text one when both exist: it keeps the paragraph breaks, and the
/// plain-text alternative is usually generated from it by the mail program (hard-wrapped, links spelled out as bare
/// URLs). The HTML goes through the same cleaner as a web page.
/// </para>
/// <para>
/// A body is a cover note when it has fewer than <see cref="CoverNoteWords"/> words, or fewer than
/// <see cref="MentionedCoverNoteWords"/> and speaks of an attachment ("see attached", "enclosed"). Then the first
/// attachment that holds text (a format with a reader, or text, HTML or Markdown) and more words than the note is the
/// article; an attachment in a format with no reader yet is read as text when it decodes as text, else passed over.
/// </para>
/// </summary>
internal static partial class EmailReader
{
    private const int CoverNoteWords = 40;
    private const int MentionedCoverNoteWords = 150;
    // A real message has a handful of parts nested two or three deep; a hostile one is not walked beyond these.
    private const int MaxParts = 500;
    private const int MaxDepth = 16;
    // A forwarded message attached to a message attached to …: only this many messages deep.
    private const int MaxMessageNesting = 3;

    public static SourceDocument Read(byte[] content) => Read(content, nesting: 0);

    private static SourceDocument Read(byte[] content, int nesting)
    {
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            message = MimeMessage.Load(new ParserOptions { MaxMimeDepth = MaxDepth }, stream);
        }
        catch (FormatException)
        {
            throw Damaged();
        }
        return Read(message, nesting);
    }

    private static SourceDocument Read(MimeMessage message, int nesting)
    {
        if (message.From.Count == 0 && message.Subject is null && !message.Headers.Contains(HeaderId.Date))
        {
            throw Damaged();
        }
        var parts = Walk(message.Body, out var cut);
        var html = parts.FirstOrDefault(p => IsBody(p) && p is TextPart { IsHtml: true }) as TextPart;
        var plain = parts.FirstOrDefault(p => IsBody(p) && p is TextPart { IsPlain: true }) as TextPart;
        var bodyPart = html ?? plain;
        var attachments = parts.Where(p => p != html && p != plain && (p.IsAttachment || p is MessagePart || HasFileName(p))).ToList();

        var bodyText = bodyPart is null ? "" : Text(bodyPart);
        var bodyWritten = bodyPart == html ? StripTags(bodyText) : bodyText;
        var bodyWords = FurnitureCues.CountWords(bodyWritten);
        if (bodyPart is null && parts.Any(p => p is MultipartEncrypted or ApplicationPkcs7Mime))
        {
            throw new ArticleRejectedException("The e-mail is encrypted, so its text cannot be read. Forward a decrypted copy or upload the article itself.");
        }

        var fromMessage = new SourceDocument
        {
            Title = CleanSubject(message.Subject),
            // A body that credits its author ("By Mara Lind") is a story sent on by someone else: the credit is found
            // when the body is cleaned; the sender is the byline only when the body names no one.
            Byline = CreditsAnAuthor(bodyWritten) ? null : Sender(message),
            Dateline = message.Headers[HeaderId.Date] is { } date && TextNormalizer.FoldParagraph(date) is { Length: > 0 } folded ? folded : null,
            Language = message.Headers[HeaderId.ContentLanguage] is { Length: > 0 } language ? language.Split(',')[0].Trim() : null,
        };

        if (IsCoverNote(bodyWritten, bodyWords))
        {
            foreach (var attachment in attachments)
            {
                // An attachment shorter than the note (a timetable, a contact card) is not the story the note covers.
                if (ReadAttachment(attachment, nesting) is { } article && Words(article) > bodyWords)
                {
                    // A document reader's metadata is final: where it states none, the message's stands in. A text or
                    // HTML attachment's headline, byline and dateline are found when it is cleaned; the message's
                    // would take their place, so they are left to the cleaning.
                    return article.Paragraphs is null ? article : article with
                    {
                        Title = article.Title ?? fromMessage.Title,
                        Byline = article.Byline ?? fromMessage.Byline,
                        Dateline = article.Dateline ?? fromMessage.Dateline,
                        Language = article.Language ?? fromMessage.Language,
                    };
                }
            }
        }
        if (bodyWords == 0 && cut)
        {
            throw new ArticleRejectedException(
                $"The e-mail has too many parts or parts nested too deeply to be read (more than {MaxParts} parts or {MaxDepth} levels). Forward the article's text on its own, or upload the attached article itself.");
        }
        if (bodyWords == 0)
        {
            throw new ArticleRejectedException(
                "The e-mail has no text in its body and no attached article that could be read. Forward the article's text, or attach it as a Word, PDF, HTML or text file.");
        }
        var encoding = bodyPart!.ContentType.Charset?.ToLowerInvariant() ?? "utf-8";
        return bodyPart == html
            ? fromMessage with { Html = bodyText, Encoding = encoding }
            : fromMessage with { PlainText = WithoutSignature(bodyText), Encoding = encoding };
    }

    /// <summary>The message's parts in document order, breadth bounded by <see cref="MaxParts"/> and depth by <see cref="MaxDepth"/>.</summary>
    private static List<MimeEntity> Walk(MimeEntity? root, out bool cut)
    {
        cut = false;
        var parts = new List<MimeEntity>();
        var stack = new Stack<(MimeEntity Entity, int Depth)>();
        if (root is not null) { stack.Push((root, 0)); }
        var visited = 0;
        while (stack.Count > 0)
        {
            if (visited++ == MaxParts)
            {
                cut = true;
                break;
            }
            var (entity, depth) = stack.Pop();
            if (entity is Multipart multipart)
            {
                if (multipart is MultipartEncrypted) { parts.Add(multipart); }
                if (depth < MaxDepth)
                {
                    for (var i = multipart.Count - 1; i >= 0; i--) { stack.Push((multipart[i], depth + 1)); }
                }
                else
                {
                    cut = true;
                }
                continue;
            }
            // The parser leaves a multipart nested beyond its depth limit unparsed, as one opaque part.
            cut |= entity.ContentType.IsMimeType("multipart", "*");
            parts.Add(entity);
        }
        return parts;
    }

    /// <summary>The part's text; format=flowed lines (RFC 3676) joined back into paragraphs.</summary>
    private static string Text(TextPart part)
    {
        var text = part.Text ?? "";
        if (part.IsPlain && part.ContentType.Parameters["format"] is { } format && format.Equals("flowed", StringComparison.OrdinalIgnoreCase))
        {
            var deleteSpace = part.ContentType.Parameters["delsp"] is { } delsp && delsp.Equals("yes", StringComparison.OrdinalIgnoreCase);
            text = new MimeKit.Text.FlowedToText { DeleteSpace = deleteSpace }.Convert(text);
        }
        return text;
    }

    private static bool CreditsAnAuthor(string body) =>
        body.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).Take(12).Any(line => NewsPatterns.Byline(line) is not null);

    private static bool IsCoverNote(string body, int words) =>
        words < CoverNoteWords || (words < MentionedCoverNoteWords && MentionsAttachment().IsMatch(body));

    /// <summary>The attachment as an article, or null when it holds no text (a picture, a format that is neither read nor text).</summary>
    private static SourceDocument? ReadAttachment(MimeEntity attachment, int nesting)
    {
        if (attachment is MessagePart { Message: { } forwarded })
        {
            return nesting < MaxMessageNesting ? Read(forwarded, nesting + 1) : null;
        }
        if (attachment is not MimePart { Content: { } content } part)
        {
            return null;
        }
        byte[] bytes;
        using (var decoded = new MemoryStream())
        {
            content.DecodeTo(decoded);
            bytes = decoded.ToArray();
        }
        if (bytes.Length == 0)
        {
            return null;
        }
        var contentType = part.ContentType.MimeType;
        var format = FormatDetector.Detect(bytes, contentType, part.FileName);
        if (format is { } structured && SourceReaders.For(structured) is { } reader)
        {
            // A damaged article attachment is reported: the cover note says the story is in it.
            return structured == SourceFormat.Email ? (nesting < MaxMessageNesting ? Read(bytes, nesting + 1) : null) : reader(bytes);
        }
        DecodedText text;
        try
        {
            text = TextDecoder.Decode(bytes, part.ContentType.Charset is { } charset ? $"{contentType}; charset={charset}" : contentType);
        }
        catch (ArticleRejectedException)
        {
            // Not text (a photo, a spreadsheet, a format not read yet): not the article; the body stands.
            return null;
        }
        return ArticleCleaner.DetectFormat(text.Text, contentType, part.FileName) switch
        {
            ArticleCleaner.ArticleFormat.Html => new SourceDocument { Html = text.Text, Encoding = text.EncodingName },
            ArticleCleaner.ArticleFormat.Markdown => MarkdownReader.Read(text.Text) with { Encoding = text.EncodingName },
            _ => new SourceDocument { PlainText = text.Text, Encoding = text.EncodingName },
        };
    }

    private static int Words(SourceDocument document) =>
        document.Paragraphs?.Sum(FurnitureCues.CountWords)
        ?? FurnitureCues.CountWords(document.Html is { } html ? StripTags(html) : document.PlainText ?? "");

    private static bool IsBody(MimeEntity entity) => !entity.IsAttachment && !HasFileName(entity);

    private static bool HasFileName(MimeEntity entity) => entity is MimePart { FileName.Length: > 0 };

    private static string? Sender(MimeMessage message)
    {
        var from = message.From.Mailboxes.FirstOrDefault() ?? message.Sender;
        return from is null ? null : string.IsNullOrWhiteSpace(from.Name) ? from.Address : from.Name.Trim();
    }

    /// <summary>The subject without reply and forward markers ("Re:", "Fwd:", "AW:") or an all-capitals label of two or more words ("PRESS RELEASE:").</summary>
    internal static string? CleanSubject(string? subject)
    {
        if (string.IsNullOrWhiteSpace(subject))
        {
            return null;
        }
        var cleaned = SubjectPrefix().Replace(TextNormalizer.FoldParagraph(subject), "");
        return cleaned.Length > 0 ? cleaned : TextNormalizer.FoldParagraph(subject);
    }

    /// <summary>The text before the conventional signature separator ("-- " on a line of its own).</summary>
    private static string WithoutSignature(string text) =>
        SignatureSeparator().Match(text) is { Success: true } match ? text[..match.Index] : text;

    /// <summary>The HTML's words, a line per block, entities decoded.</summary>
    private static string StripTags(string html) =>
        System.Net.WebUtility.HtmlDecode(Tag().Replace(BlockEnd().Replace(HiddenElement().Replace(html, " "), "\n"), " "));

    private static ArticleRejectedException Damaged() => new(
        "The e-mail could not be read: its headers are missing or damaged. Save the message again from the mail program (as .eml) and upload it.");

    [GeneratedRegex(@"^(?:(?:(?:re|fwd?|aw|wg|sv|vs|tr|rv|antw)(?:\[\d+\])?\s*:|\[[^\]]{1,40}\]|(?-i:[A-Z][A-Z0-9&'-]*(?:\s+[A-Z][A-Z0-9&'-]*)+)\s*:)\s*)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SubjectPrefix();

    [GeneratedRegex(@"\b(?:attach(?:ed|ment|ments)?|enclosed)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MentionsAttachment();

    [GeneratedRegex(@"^-- ?\r?$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex SignatureSeparator();

    [GeneratedRegex(@"<!--.*?-->|<(script|style|head)\b.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HiddenElement();

    [GeneratedRegex(@"<(?:/(?:p|div|h[1-6]|li|td|tr|table|blockquote)|br\s*/?)\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"</?[A-Za-z][^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
