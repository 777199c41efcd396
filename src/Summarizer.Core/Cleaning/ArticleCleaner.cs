using System.Text.RegularExpressions;
using Summarizer.Core.Cleaning.Formats;
using Summarizer.Core.Documents;

namespace Summarizer.Core.Cleaning;

/// <summary>Turns uploaded bytes into a <see cref="CleanedArticle"/>: decode, detect the format, keep the story, drop the page furniture.</summary>
public sealed partial class ArticleCleaner
{
    // Fewer words than this after furniture removal is a notice, a menu or a headline, not an article. A real brief
    // ("Police closed the bridge on Tuesday after a crack was found. Repairs will take a week.") has well over this.
    private const int MinArticleWords = 8;

    /// <summary>Cleans one upload.</summary>
    /// <param name="content">The raw bytes as uploaded.</param>
    /// <param name="id">The article id recorded on the result.</param>
    /// <param name="contentType">The upload's content type, if known (its charset and text/html are used).</param>
    /// <param name="fileName">The upload's file name, if known (".html", ".md" and ".txt" hint at the format).</param>
    /// <exception cref="ArticleRejectedException">The bytes are empty, binary, cannot be decoded, or hold no article text.</exception>
    public CleanedArticle Clean(ReadOnlySpan<byte> content, string id, string? contentType = null, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (content.IsEmpty)
        {
            throw new ArticleRejectedException("The upload is empty: there is no article to clean. Upload the article's text or the web page's HTML.");
        }

        if (FormatDetector.Detect(content, contentType, fileName) is { } structured && SourceReaders.For(structured) is { } read)
        {
            var source = read(content.ToArray());
            // A wire kill needs no story: it is the wire taking one back, and may carry no body at all.
            return Compose(id, SourceReaders.Name(structured), source.Encoding, FromSource(source), decoded: null, kill: source.Wire?.IsKill == true) with { Wire = source.Wire };
        }

        var decoded = TextDecoder.Decode(content, contentType);
        var format = DetectFormat(decoded.Text, contentType, fileName);
        var extraction = format switch
        {
            ArticleFormat.Html => HtmlExtractor.Extract(decoded.Text),
            ArticleFormat.Markdown => FromSource(MarkdownReader.Read(decoded.Text)),
            _ => PlainTextExtractor.Extract(TextNormalizer.NormalizeDocument(decoded.Text)),
        };
        var name = format switch { ArticleFormat.Html => "html", ArticleFormat.Markdown => "markdown", _ => "text" };
        return Compose(id, name, decoded.EncodingName, extraction, decoded);
    }

    /// <summary>A structured format's body cleaned the way its kind of text is, with the metadata the source states first.</summary>
    internal static Extraction FromSource(SourceDocument source)
    {
        var hints = new ExtractionHints(source.Title, source.Byline, source.Dateline);
        var extraction = source switch
        {
            { Paragraphs: { } paragraphs } => PlainTextExtractor.ExtractBlocks(paragraphs, hints with { DocumentBlocks = true }),
            { Html: { } html } => HtmlExtractor.Extract(html),
            { PlainText: { } text } => PlainTextExtractor.Extract(TextNormalizer.NormalizeDocument(text), hints),
            _ => throw new ArgumentException("A source document has paragraphs, HTML or plain text.", nameof(source)),
        };
        return extraction with
        {
            Title = source.Title ?? extraction.Title,
            Byline = source.Byline ?? extraction.Byline,
            Dateline = source.Dateline ?? extraction.Dateline,
            Language = source.Language ?? extraction.Language,
        };
    }

    private static CleanedArticle Compose(string id, string format, string encoding, Extraction extraction, DecodedText? decoded, bool kill = false)
    {
        // What is left after the furniture must be an article, however short: a two-sentence brief passes, a lone
        // "Thanks for reading." or "Page not found." does not (the engine would have nothing to summarise).
        var bodyWords = extraction.Paragraphs.Sum(FurnitureCues.CountWords);
        if (bodyWords < MinArticleWords && !kill)
        {
            var left = extraction.Paragraphs.Count == 0 ? ""
                : $" What is left is only {bodyWords} word{(bodyWords == 1 ? "" : "s")}: \"{Shorten(string.Join(" ", extraction.Paragraphs))}\".";
            throw new ArticleRejectedException(
                "No article text was found in the upload (only menus, links or notices)." + left +
                " Upload the article's text or the full web page.");
        }

        var removed = extraction.Removed;
        if (decoded is { Replacements: > 0 })
        {
            // A few undecodable bytes are tolerated as U+FFFD; an editor auditing the cleaning sees where.
            var at = decoded.Text.IndexOf('\uFFFD', StringComparison.Ordinal);
            var around = TextNormalizer.FoldParagraph(decoded.Text.Substring(Math.Max(0, at - 40), Math.Min(decoded.Text.Length, at + 40) - Math.Max(0, at - 40)));
            removed = [new RemovedBlock(around,
                $"{decoded.Replacements} character{(decoded.Replacements == 1 ? " was" : "s were")} not valid {decoded.EncodingName.ToUpperInvariant()} and {(decoded.Replacements == 1 ? "is" : "are")} shown as \uFFFD"), .. removed];
        }

        return new CleanedArticle
        {
            Id = id,
            Format = format,
            Encoding = encoding,
            Title = extraction.Title,
            Byline = extraction.Byline,
            Dateline = extraction.Dateline,
            CanonicalUrl = extraction.CanonicalUrl,
            Language = extraction.Language,
            Text = string.Join("\n\n", extraction.Paragraphs),
            Paragraphs = extraction.Paragraphs,
            Removed = removed,
        };
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..79] + "…";

    internal enum ArticleFormat { Text, Markdown, Html }

    /// <summary>Which text format decoded text is: its own opening first, then its content type and extension, then its lines.</summary>
    internal static ArticleFormat DetectFormat(string text, string? contentType, string? fileName)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 2048)).TrimStart("\uFEFF \t\r\n");
        // The document's own opening is the strongest evidence: a .txt that starts with <!doctype html> is a page.
        if (HtmlOpening().IsMatch(head))
        {
            return ArticleFormat.Html;
        }
        var type = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        var extension = fileName is null ? null : Path.GetExtension(fileName).ToLowerInvariant();
        var sample = text.Length > 65536 ? text[..65536] : text;
        var tags = CommonTag().Count(sample);
        // Labelled HTML with no tags at all is text saved under the wrong name: its line breaks are its structure.
        if ((type is "text/html" or "application/xhtml+xml" || extension is ".html" or ".htm" or ".xhtml") && tags > 0)
        {
            return ArticleFormat.Html;
        }
        if (type is "text/markdown" or "text/x-markdown" || extension is ".md" or ".markdown")
        {
            return ArticleFormat.Markdown;
        }
        // A document dense with tags is HTML even when it was labelled as plain text or not labelled at all.
        if (tags >= 10 && tags >= sample.Length / 500)
        {
            return ArticleFormat.Html;
        }
        // YAML front matter at the very start is written only by Markdown tools (static sites, CMS exports).
        if (MarkdownReader.StartsWithFrontMatter(head.ToString()))
        {
            return ArticleFormat.Markdown;
        }
        if (type is "text/plain" || extension is ".txt")
        {
            return ArticleFormat.Text;
        }
        return MarkdownHeadingLine().IsMatch(sample) ? ArticleFormat.Markdown : ArticleFormat.Text;
    }

    [GeneratedRegex(@"^(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<!doctype\s+html|<head[\s>]|<body[\s>])", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlOpening();

    [GeneratedRegex(@"</?(?:p|div|br|a|span|h[1-6]|li|ul|article|section|table|td|img|meta|script)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommonTag();

    [GeneratedRegex(@"^#{1,6}\s+\S", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownHeadingLine();
}
