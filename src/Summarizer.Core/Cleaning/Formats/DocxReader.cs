using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Summarizer.Core.Cleaning.Formats;

/// <summary>
/// Reads a Word (.docx) document: the body's paragraphs in order, tracked changes as accepted (insertions and moves
/// kept at their destination, deletions dropped), lists and table rows as text. Comments, headers, footers and
/// footnotes live in other parts of the package and are never read.
/// </summary>
internal static class DocxReader
{
    /// <summary>The most a document may inflate to: a long article with photos is a few MB; a zip bomb is gigabytes.</summary>
    internal const long MaxUncompressedBytes = 64L * 1024 * 1024;

    private const int MaxEntries = 5_000;

    /// <summary>Element nesting Word never comes near (a table in a table in a table is some 15 levels).</summary>
    private const int MaxNesting = 256;

    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private const string Damaged = "The Word document is damaged (not a complete .docx); save it again and upload it.";

    public static SourceDocument Read(byte[] content)
    {
        if (content.AsSpan().StartsWith(OleSignature))
        {
            // Word saves a password-protected .docx inside an OLE container with an "EncryptedPackage" stream.
            throw new ArticleRejectedException(content.AsSpan().IndexOf(Encoding.Unicode.GetBytes("EncryptedPackage")) >= 0
                ? "The Word document is password-protected; remove the password and upload it again."
                : "This is an old Word document (.doc), which cannot be read; save it as .docx and upload it again.");
        }

        try
        {
            using var package = Repack(content);
            using var document = WordprocessingDocument.Open(package, isEditable: false);
            return Read(document);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FormatException or System.Xml.XmlException)
        {
            // The package or one of its XML parts is not what Word writes (DTDs are refused as such too).
            throw new ArticleRejectedException(Damaged);
        }
    }

    private static SourceDocument Read(WordprocessingDocument document)
    {
        var body = document.MainDocumentPart?.Document?.Body ?? throw new ArticleRejectedException(Damaged);
        var styles = StyleNames(document.MainDocumentPart);
        var blocks = new List<Block>();
        ReadBlocks(body, styles, blocks);

        var paragraphs = blocks.Where(b => b.Text.Length > 0).ToList();
        if (paragraphs.Count == 0)
        {
            throw new ArticleRejectedException("The Word document has no text in its body; upload the document with the article's text in it.");
        }

        // The first Title-styled paragraph is the headline; failing that, a Heading 1 among the opening paragraphs.
        var title = paragraphs.FindIndex(b => b.Kind == BlockKind.Title);
        if (title < 0)
        {
            title = paragraphs.FindIndex(b => b.Kind == BlockKind.Heading1);
            if (title > 2) { title = -1; }
        }
        var properties = document.PackageProperties;
        var titleText = title >= 0 ? paragraphs[title].Text : DocumentProperties.Title(properties.Title);
        if (title >= 0)
        {
            paragraphs.RemoveAt(title);
        }
        return new SourceDocument
        {
            Title = titleText,
            Byline = DocumentProperties.Byline(properties.Creator, paragraphs.Select(b => b.Text)),
            Paragraphs = paragraphs.Select(b => b.Text).ToList(),
        };
    }

    /// <summary>
    /// The package copied into memory entry by entry, counting what it inflates to, so a zip bomb is refused after
    /// <see cref="MaxUncompressedBytes"/> whatever sizes its directory claims.
    /// </summary>
    private static MemoryStream Repack(byte[] content)
    {
        var copy = new MemoryStream();
        try
        {
            using var source = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (source.Entries.Count > MaxEntries)
            {
                throw new ArticleRejectedException(TooLarge);
            }
            using var target = new ZipArchive(copy, ZipArchiveMode.Create, leaveOpen: true);
            long total = 0;
            var buffer = new byte[81920];
            foreach (var entry in source.Entries)
            {
                using var input = entry.Open();
                using var output = target.CreateEntry(entry.FullName, CompressionLevel.NoCompression).Open();
                int read;
                while ((read = input.Read(buffer)) > 0)
                {
                    total += read;
                    if (total > MaxUncompressedBytes)
                    {
                        throw new ArticleRejectedException(TooLarge);
                    }
                    output.Write(buffer, 0, read);
                }
            }
        }
        catch (InvalidDataException)
        {
            copy.Dispose();
            throw new ArticleRejectedException(Damaged);
        }
        catch (ArticleRejectedException)
        {
            copy.Dispose();
            throw;
        }
        copy.Position = 0;
        CheckNesting(copy);
        copy.Position = 0;
        return copy;
    }

    /// <summary>
    /// Refuses XML parts nested deeper than Word ever writes before anything builds a tree of them: the SDK and this
    /// reader walk elements recursively, and a part nested a hundred thousand deep would overflow the stack.
    /// </summary>
    private static void CheckNesting(MemoryStream package)
    {
        using var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        var settings = new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null };
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
        {
            using var reader = System.Xml.XmlReader.Create(entry.Open(), settings);
            while (reader.Read())
            {
                if (reader.Depth > MaxNesting)
                {
                    throw new ArticleRejectedException(Damaged);
                }
            }
        }
    }

    private static string TooLarge =>
        $"The Word document unpacks to more than {MaxUncompressedBytes / (1024 * 1024)} MB; remove large images or embedded files, or upload the article's text.";

    private enum BlockKind { Body, Title, Heading1, Heading }

    private sealed record Block(string Text, BlockKind Kind);

    /// <summary>Style id → lower-case style name ("title", "heading 1"), so a renamed id still counts.</summary>
    private static Dictionary<string, string> StyleNames(MainDocumentPart part)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var style in part.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is { } id && style.StyleName?.Val?.Value is { } name)
            {
                names[id] = name.ToLowerInvariant();
            }
        }
        return names;
    }

    private static void ReadBlocks(OpenXmlElement container, Dictionary<string, string> styles, List<Block> blocks)
    {
        // A paragraph whose mark was deleted joins the next one once the deletion is accepted.
        var carried = "";
        foreach (var element in container.ChildElements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    var text = Join(carried, ParagraphText(paragraph));
                    if (paragraph.ParagraphProperties?.ParagraphMarkRunProperties?.GetFirstChild<Deleted>() is not null
                        || paragraph.ParagraphProperties?.ParagraphMarkRunProperties?.GetFirstChild<MoveFrom>() is not null)
                    {
                        carried = text;
                        continue;
                    }
                    carried = "";
                    blocks.Add(new Block(ListMarker(paragraph, text), KindOf(paragraph, styles)));
                    break;
                case Table table:
                    foreach (var row in table.Elements<TableRow>())
                    {
                        if (row.TableRowProperties?.GetFirstChild<Deleted>() is not null)
                        {
                            continue;
                        }
                        var cells = row.Elements<TableCell>().Select(CellText).Where(c => c.Length > 0).ToList();
                        if (cells.Count > 0)
                        {
                            blocks.Add(new Block(string.Join(" | ", cells), BlockKind.Body));
                        }
                    }
                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                    ReadBlocks(content, styles, blocks);
                    break;
                case InsertedRun or MoveToRun or CustomXmlBlock:
                    ReadBlocks(element, styles, blocks);
                    break;
            }
        }
        if (carried.Length > 0)
        {
            blocks.Add(new Block(carried, BlockKind.Body));
        }
    }

    private static string Join(string first, string second) =>
        first.Length == 0 ? second : second.Length == 0 ? first : first + " " + second;

    private static string CellText(TableCell cell)
    {
        var inner = new List<Block>();
        ReadBlocks(cell, [], inner);
        return string.Join(" ", inner.Select(b => b.Text).Where(t => t.Length > 0));
    }

    /// <summary>A list item keeps a marker so the cleaner sees a list rather than a run of short lines.</summary>
    private static string ListMarker(Paragraph paragraph, string text) =>
        text.Length > 0 && paragraph.ParagraphProperties?.NumberingProperties is not null ? "• " + text : text;

    private static BlockKind KindOf(Paragraph paragraph, Dictionary<string, string> styles)
    {
        var id = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        if (id is null)
        {
            return BlockKind.Body;
        }
        var name = styles.GetValueOrDefault(id) ?? id.ToLowerInvariant();
        return name switch
        {
            "title" => BlockKind.Title,
            "heading 1" or "heading1" => BlockKind.Heading1,
            _ when name.StartsWith("heading", StringComparison.Ordinal) => BlockKind.Heading,
            _ => BlockKind.Body,
        };
    }

    /// <summary>The paragraph's text as accepted: runs inside deletions and moved-away text are skipped.</summary>
    private static string ParagraphText(Paragraph paragraph)
    {
        var text = new StringBuilder();
        Append(paragraph, text);
        return TextNormalizer.FoldParagraph(text.ToString());
    }

    private static void Append(OpenXmlElement element, StringBuilder text)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case DeletedRun or MoveFromRun or DeletedMathControl:
                    break;
                // Word writes a drawing twice (the modern choice and a fallback); read only one.
                case AlternateContentFallback:
                    break;
                case Text t:
                    text.Append(t.Text);
                    break;
                // A text box's paragraphs inside this one: keep their words apart from the surrounding text.
                case Paragraph nested:
                    text.Append(' ');
                    Append(nested, text);
                    text.Append(' ');
                    break;
                case TabChar or Break or CarriageReturn:
                    text.Append(' ');
                    break;
                case NoBreakHyphen:
                    text.Append('-');
                    break;
                // Field instructions (PAGE, HYPERLINK "…") are not text; their results are ordinary runs.
                case FieldCode or DeletedFieldCode or DeletedText:
                    break;
                // Footnote and comment references point at parts that are left out.
                case FootnoteReference or EndnoteReference or CommentReference:
                    break;
                default:
                    if (child.HasChildren)
                    {
                        Append(child, text);
                    }
                    break;
            }
        }
    }
}
