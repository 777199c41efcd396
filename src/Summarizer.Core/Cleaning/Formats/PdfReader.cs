using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.Exceptions;

namespace Summarizer.Core.Cleaning.Formats;

/// <summary>
/// Reads a PDF's text layer with PdfPig's layout analysis: words from letter positions, text blocks (paragraphs) from
/// Docstrum, blocks in reading order (columns one after the other), and the running headers, footers and page
/// numbers repeated at the page edges left out. A paragraph cut by a column or page break is joined again.
/// </summary>
internal static partial class PdfReader
{
    /// <summary>An article is a few pages; a book-length PDF is not one, and reading it would take minutes.</summary>
    internal const int MaxPages = 300;

    /// <summary>About a hundred pages of dense text; layout analysis beyond that takes too long for one upload.</summary>
    internal const int MaxWords = 100_000;

    private const string Damaged = "The PDF is damaged (not a complete PDF document); save or export it again and upload it.";

    internal const string NoTextLayer =
        "This PDF has no text layer (scanned image); OCR is not supported. Upload a PDF with selectable text, or the article's text.";

    public static SourceDocument Read(byte[] content)
    {
        try
        {
            using var document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            return Read(document);
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new ArticleRejectedException("The PDF is password-protected; remove the password (or print it to a new PDF) and upload it again.");
        }
        catch (Exception e) when (e is not (ArticleRejectedException or OutOfMemoryException or OperationCanceledException))
        {
            // PdfPig reports damage with many exception types (format, index, null reference in a broken object graph);
            // every one means the same to the user: the file is not a readable PDF.
            throw new ArticleRejectedException(Damaged);
        }
    }

    private static SourceDocument Read(PdfDocument document)
    {
        if (document.NumberOfPages > MaxPages)
        {
            throw new ArticleRejectedException(
                $"The PDF has {document.NumberOfPages} pages; articles of up to {MaxPages} pages are read. Upload the article's pages only.");
        }

        var pages = new List<PageText>(document.NumberOfPages);
        var totalWords = 0;
        foreach (var page in document.GetPages())
        {
            // The default extractor (the page's own spaces and letter gaps) reads these pages as well as the
            // nearest-neighbour one, at half the cost.
            var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
            totalWords += words.Count;
            if (totalWords > MaxWords)
            {
                throw new ArticleRejectedException(
                    $"The PDF holds more than {MaxWords:N0} words, far more than an article; upload the article's pages only.");
            }
            var blocks = words.Count == 0 ? [] : DocstrumBoundingBoxes.Instance.GetBlocks(words);
            pages.Add(new PageText(UnsupervisedReadingOrderDetector.Instance.Get(blocks).ToList()));
        }
        if (pages.All(p => p.Blocks.Count == 0))
        {
            throw new ArticleRejectedException(NoTextLayer);
        }

        // Blocks repeated at the same place on the pages (running heads, footers with the title and page number).
        var decorations = pages.Count >= 2
            ? DecorationTextBlockClassifier.Get(pages.Select(p => (IReadOnlyList<TextBlock>)p.Blocks).ToList(), ContentDistance, maxDegreeOfParallelism: 1)
            : [.. pages.Select(_ => (IReadOnlyList<TextBlock>)[])];

        var paragraphs = new List<string>();
        var bodyFontSizes = new List<double>();
        (string Text, double Size)? largest = null;
        for (var p = 0; p < pages.Count; p++)
        {
            var decoration = decorations[p].ToHashSet();
            foreach (var block in pages[p].Blocks)
            {
                if (decoration.Contains(block) || IsPageNumber(block.Text))
                {
                    continue;
                }
                var texts = BlockParagraphs(block);
                if (texts.Count == 0)
                {
                    continue;
                }
                if (p == 0 && paragraphs.Count < 3 && LargestLine(block) is { } line && (largest is null || line.Size > largest.Value.Size))
                {
                    largest = line;
                }
                bodyFontSizes.AddRange(block.TextLines.SelectMany(l => l.Words).Select(FontSize));
                // Text cut by a column or page break goes on in lower case with no sentence end before it.
                if (paragraphs.Count > 0 && ContinuesPrevious(paragraphs[^1], texts[0]))
                {
                    paragraphs[^1] = JoinLines(paragraphs[^1], texts[0]);
                    paragraphs.AddRange(texts.Skip(1));
                }
                else
                {
                    paragraphs.AddRange(texts);
                }
            }
        }

        // Only running heads and page numbers: a scan with its page furniture printed as text.
        if (paragraphs.Count == 0)
        {
            throw new ArticleRejectedException(NoTextLayer);
        }

        var info = document.Information;
        var title = DocumentProperties.Title(info.Title) ?? LargeHeadline(largest, bodyFontSizes);
        return new SourceDocument
        {
            Title = title,
            Byline = DocumentProperties.Byline(info.Author, paragraphs),
            Paragraphs = paragraphs,
        };
    }

    /// <summary>
    /// How unlike two blocks' texts are (0 the same, 1 nothing alike). Running heads and footers are a line or two; an
    /// edit distance between two paragraphs costs their lengths multiplied and can never make them furniture.
    /// </summary>
    private static double ContentDistance(string a, string b) =>
        a.Length > MaxDecorationLength || b.Length > MaxDecorationLength ? 1 : Distances.MinimumEditDistanceNormalised(a, b);

    private const int MaxDecorationLength = 200;

    private sealed record PageText(List<TextBlock> Blocks);

    /// <summary>
    /// A block's lines joined into paragraphs, words hyphenated across a line break joined again. Docstrum separates
    /// paragraphs set with space between them; one set without space starts on an indented line after a sentence end.
    /// </summary>
    private static List<string> BlockParagraphs(TextBlock block)
    {
        var paragraphs = new List<string>();
        var text = "";
        var left = block.TextLines.Min(l => l.BoundingBox.Left);
        foreach (var line in block.TextLines)
        {
            var words = string.Join(" ", line.Words.Select(w => w.Text));
            var indent = line.BoundingBox.Left - left;
            var em = line.Words.Count == 0 ? 0 : FontSize(line.Words[0]);
            if (text.Length > 0 && em > 0 && indent >= em && indent <= 6 * em && FurnitureCues.EndsLikeSentence(text))
            {
                paragraphs.Add(TextNormalizer.FoldParagraph(text));
                text = "";
            }
            text = text.Length == 0 ? words : JoinLines(text, words);
        }
        if (text.Length > 0)
        {
            paragraphs.Add(TextNormalizer.FoldParagraph(text));
        }
        return [.. paragraphs.Where(p => p.Length > 0)];
    }

    private static string JoinLines(string before, string after) =>
        before.EndsWith('-') && before.Length > 1 && char.IsLetter(before[^2]) && after.Length > 0 && char.IsLower(after[0])
            ? before[..^1] + after
            : before + " " + after;

    private static bool ContinuesPrevious(string previous, string next) =>
        !FurnitureCues.EndsLikeSentence(previous) && !previous.EndsWith(':') && next.Length > 0 && char.IsLower(next[0]);

    private static double FontSize(Word word) => word.Letters.Count == 0 ? 0 : word.Letters.Average(l => l.PointSize);

    /// <summary>The line of a block set in the largest type, when the whole line is in that type.</summary>
    private static (string Text, double Size)? LargestLine(TextBlock block)
    {
        var line = block.TextLines.MaxBy(l => l.Words.Min(FontSize));
        return line is null ? null : (string.Join(" ", line.Words.Select(w => w.Text)), line.Words.Min(FontSize));
    }

    /// <summary>The first large line of page one is the headline when its type is clearly larger than the body's.</summary>
    private static string? LargeHeadline((string Text, double Size)? line, List<double> fontSizes)
    {
        if (line is null || fontSizes.Count == 0)
        {
            return null;
        }
        var sorted = fontSizes.Order().ToList();
        var median = sorted[sorted.Count / 2];
        return line.Value.Size >= median * 1.3 ? TextNormalizer.FoldParagraph(line.Value.Text) : null;
    }

    private static bool IsPageNumber(string text) => PageNumber().IsMatch(text.Trim());

    [GeneratedRegex(@"^(?:(?:page|p\.|seite|página|pagina)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/|von|de|di)\s*\d{1,4})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageNumber();
}
