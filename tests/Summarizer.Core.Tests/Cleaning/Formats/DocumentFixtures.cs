using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Summarizer.Core.Tests.Cleaning.Formats;

/// <summary>Word documents built with the Open XML SDK and PDFs written with PdfPig's builder, for the format readers' tests.</summary>
internal static class DocumentFixtures
{
    /// <summary>The seed article's blocks, as its blank lines separate them.</summary>
    public static IReadOnlyList<string> SeedParagraphs() =>
        Encoding.UTF8.GetString(CleaningTestSupport.Seed()).Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // ---- Word ----

    /// <summary>A Word document whose body is written by <paramref name="fill"/>; styles Title and Heading 1 exist.</summary>
    public static byte[] Docx(Action<WordprocessingDocument, Body> fill, string? coreTitle = null, string? coreCreator = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body());
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                new Style(new StyleName { Val = "Title" }) { Type = StyleValues.Paragraph, StyleId = "Title" },
                new Style(new StyleName { Val = "heading 1" }) { Type = StyleValues.Paragraph, StyleId = "Heading1" },
                new Style(new StyleName { Val = "heading 2" }) { Type = StyleValues.Paragraph, StyleId = "Heading2" });
            fill(document, main.Document.Body!);
            if (coreTitle is not null) { document.PackageProperties.Title = coreTitle; }
            if (coreCreator is not null) { document.PackageProperties.Creator = coreCreator; }
        }
        return stream.ToArray();
    }

    public static Paragraph Para(string text, string? style = null)
    {
        var paragraph = new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (style is not null)
        {
            paragraph.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }
        return paragraph;
    }

    public static Run RunOf(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    public static Paragraph ListItem(string text) =>
        new(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })), RunOf(text));

    public static Table Table(params string[][] rows) =>
        new(rows.Select(r => new TableRow(r.Select(c => new TableCell(Para(c))))));

    /// <summary>The seed article as a Word document, one paragraph per block.</summary>
    public static byte[] SeedDocx() => Docx((_, body) =>
    {
        foreach (var paragraph in SeedParagraphs())
        {
            body.Append(Para(paragraph));
        }
    });

    /// <summary>What Word writes for a password-protected document: an OLE compound file holding an EncryptedPackage stream.</summary>
    public static byte[] EncryptedWordContainer()
    {
        var bytes = new byte[2048];
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(bytes, 0);
        // Directory entries at sector 1: stream names in UTF-16.
        Encoding.Unicode.GetBytes("EncryptionInfo").CopyTo(bytes, 512 + 128);
        Encoding.Unicode.GetBytes("EncryptedPackage").CopyTo(bytes, 512 + 256);
        return bytes;
    }

    /// <summary>A package with a Word body and an entry of zeros that inflates past the reader's cap.</summary>
    public static byte[] ZipBomb(long inflatedBytes)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open()))
            {
                writer.Write("""<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>""");
            }
            using var padding = zip.CreateEntry("word/media/padding.bin", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (long written = 0; written < inflatedBytes; written += zeros.Length)
            {
                padding.Write(zeros);
            }
        }
        return stream.ToArray();
    }

    // ---- PDF ----

    public const double PageWidth = 595, PageHeight = 842, Margin = 60;

    /// <summary>Lays paragraphs out from <paramref name="top"/> down in a column, wrapped to its width; returns where it stopped.</summary>
    public static double WriteColumn(PdfPageBuilder page, PdfDocumentBuilder.AddedFont font, IEnumerable<string> paragraphs,
        double left, double width, double top, double size = 11)
    {
        var y = top;
        foreach (var paragraph in paragraphs)
        {
            foreach (var line in Wrap(page, font, paragraph, width, size))
            {
                page.AddText(line, size, new PdfPoint(left, y), font);
                y -= size * 1.3;
            }
            y -= size * 1.2;
        }
        return y;
    }

    public static List<string> Wrap(PdfPageBuilder page, PdfDocumentBuilder.AddedFont font, string text, double width, double size)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            var letters = page.MeasureText(candidate, size, new PdfPoint(0, 0), font);
            if (line.Length > 0 && letters[^1].BoundingBox.Right > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = candidate;
            }
        }
        if (line.Length > 0) { lines.Add(line); }
        return lines;
    }

    /// <summary>
    /// The paragraphs over as many A4 pages as they need, each page with a running header at its top and
    /// "Page n of m" at its foot, and (optionally) a headline in large type on page one.
    /// </summary>
    public static byte[] Pdf(IEnumerable<string> paragraphs, string? headline = null, string? header = null, string? infoTitle = null, int paragraphsPerPage = 3, string? author = null)
    {
        var builder = new PdfDocumentBuilder();
        if (infoTitle is not null) { builder.DocumentInformation.Title = infoTitle; }
        if (author is not null) { builder.DocumentInformation.Author = author; }
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        // The standard 14 fonts lack a few characters the seed has (its lone "×" close button): write them as letters.
        var chunks = paragraphs.Select(p => p.Replace('×', 'x')).Chunk(paragraphsPerPage).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            var page = builder.AddPage(PageWidth, PageHeight);
            if (header is not null)
            {
                page.AddText(header, 9, new PdfPoint(Margin, PageHeight - 30), font);
            }
            var top = PageHeight - 90;
            if (i == 0 && headline is not null)
            {
                foreach (var line in Wrap(page, bold, headline, PageWidth - 2 * Margin, 22))
                {
                    page.AddText(line, 22, new PdfPoint(Margin, top), bold);
                    top -= 28;
                }
                top -= 18;
            }
            WriteColumn(page, font, chunks[i], Margin, PageWidth - 2 * Margin, top);
            if (header is not null)
            {
                page.AddText($"Page {i + 1} of {chunks.Count}", 9, new PdfPoint(PageWidth / 2 - 25, 30), font);
            }
        }
        return builder.Build();
    }

    /// <summary>One page with two columns of text: the left column's paragraphs, then the right's.</summary>
    public static byte[] TwoColumnPdf(IReadOnlyList<string> left, IReadOnlyList<string> right)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageWidth, PageHeight);
        var columnWidth = (PageWidth - 2 * Margin - 30) / 2;
        WriteColumn(page, font, left, Margin, columnWidth, PageHeight - 90);
        WriteColumn(page, font, right, Margin + columnWidth + 30, columnWidth, PageHeight - 90);
        return builder.Build();
    }

    /// <summary>
    /// The paragraphs flowed down a left column and on into a right one, as a newspaper page sets them: the column
    /// break falls wherever the left column is full, mid-paragraph or not.
    /// </summary>
    public static byte[] FlowedTwoColumnPdf(IEnumerable<string> paragraphs, double size = 10)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageWidth, PageHeight);
        var columnWidth = (PageWidth - 2 * Margin - 30) / 2;
        var lines = paragraphs.Select(p => p.Replace('×', 'x')).Select(p => Wrap(page, font, p, columnWidth, size)).ToList();
        var total = lines.Sum(l => l.Count * size * 1.3 + size * 1.2);
        var top = PageHeight - 90;
        var bottom = top - total / 2;
        var (x, y) = (Margin, top);
        foreach (var paragraph in lines)
        {
            foreach (var line in paragraph)
            {
                if (y < bottom && x == Margin)
                {
                    (x, y) = (Margin + columnWidth + 30, top);
                }
                page.AddText(line, size, new PdfPoint(x, y), font);
                y -= size * 1.3;
            }
            y -= size * 1.2;
        }
        return builder.Build();
    }

    /// <summary>Paragraphs set as print sets them: no space between them, the first line of each indented.</summary>
    public static byte[] IndentedPdf(IEnumerable<string> paragraphs, double size = 11)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.TimesRoman);
        var page = builder.AddPage(PageWidth, PageHeight);
        var y = PageHeight - 90;
        foreach (var paragraph in paragraphs)
        {
            var first = true;
            foreach (var line in Wrap(page, font, paragraph, PageWidth - 2 * Margin - 2 * size, size))
            {
                page.AddText(line, size, new PdfPoint(first ? Margin + 2 * size : Margin, y), font);
                y -= size * 1.25;
                first = false;
            }
        }
        return builder.Build();
    }

    /// <summary>A PDF whose only page is a picture: what a scanner makes.</summary>
    public static byte[] ImageOnlyPdf()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageWidth, PageHeight);
        page.AddPng(new MemoryStream(GreyPng(64, 64)), new PdfRectangle(Margin, Margin, PageWidth - Margin, PageHeight - Margin));
        return builder.Build();
    }

    /// <summary>A PDF whose trailer names a standard security handler with a password that is not empty.</summary>
    public static byte[] EncryptedPdf(byte[] plain)
    {
        var text = Encoding.Latin1.GetString(plain);
        var at = text.LastIndexOf("trailer", StringComparison.Ordinal);
        var open = text.IndexOf("<<", at, StringComparison.Ordinal);
        var hex32 = Convert.ToHexString(Enumerable.Range(0, 32).Select(i => (byte)(i * 7 + 3)).ToArray());
        var encrypt = $"/Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <{hex32}> /U <{hex32}> >> " +
                      $"/ID [<{hex32[..32]}> <{hex32[..32]}>] ";
        return Encoding.Latin1.GetBytes(text[..(open + 2)] + " " + encrypt + text[(open + 2)..]);
    }

    private static byte[] GreyPng(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        Chunk(png, "IHDR", header);
        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                zlib.WriteByte(0);
                for (var x = 0; x < width; x++)
                {
                    var shade = (byte)((x + y) * 2);
                    zlib.Write([shade, shade, shade]);
                }
            }
        }
        Chunk(png, "IDAT", raw.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
