using System.CommandLine;
using System.Diagnostics;
using System.Security;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Summarizer.Core.Cleaning;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Summarizer.Cli.Commands;

/// <summary>
/// Measures how fast Word documents and PDFs are read and cleaned: the .docx and .pdf files of a folder, or (with no
/// folder) documents written here from the seed article, reported per format as documents/s and PDF pages/s.
/// </summary>
internal static class BenchFormatsCommand
{
    private const string SeedResource = "seed-article.txt";

    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo?>("dir") { Arity = ArgumentArity.ZeroOrOne, Description = "A folder of .docx, .pdf, .md, .eml, .json (ninjs) and .xml (NewsML-G2) files (default: documents generated from the seed article)." };
        var seconds = new Option<double>("--seconds") { DefaultValueFactory = _ => 5, Description = "How long to clean each format, after one untimed pass." };
        var command = new Command("bench-formats", "Clean Word, PDF, Markdown, e-mail, ninjs and NewsML-G2 documents repeatedly; report documents/s, PDF pages/s and peak memory.") { folder, seconds };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var documents = parse.GetValue(folder) is { } dir
                ? await ReadFolder(dir, cancellationToken)
                : Generate(Encoding.UTF8.GetString(Seed()));
            if (documents.Count == 0)
            {
                await Console.Error.WriteLineAsync("No .docx, .pdf, .md, .eml, .json or .xml files to clean.");
                return 1;
            }
            var cleaner = new ArticleCleaner();
            foreach (var group in documents.GroupBy(d => Path.GetExtension(d.Name).ToLowerInvariant()))
            {
                var files = group.ToList();
                var rejected = files.Count(d => Clean(cleaner, d) is null);
                var pages = 0L;
                var passes = 0;
                var slowest = (Name: "", Milliseconds: 0.0);
                var clock = Stopwatch.StartNew();
                while (clock.Elapsed.TotalSeconds < parse.GetValue(seconds))
                {
                    foreach (var document in files)
                    {
                        var started = Stopwatch.GetTimestamp();
                        Clean(cleaner, document);
                        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                        slowest = elapsed > slowest.Milliseconds ? (document.Name, elapsed) : slowest;
                        pages += document.Pages;
                    }
                    passes++;
                }
                clock.Stop();
                var perSecond = files.Count * passes / clock.Elapsed.TotalSeconds;
                var pageRate = pages > 0 ? $", {pages / clock.Elapsed.TotalSeconds:0.0} pages/s" : "";
                Console.WriteLine($"{group.Key}: {files.Count} files ({files.Sum(d => d.Bytes.Length) / 1024} KB{(pages > 0 ? $", {files.Sum(d => d.Pages)} pages" : "")}) × {passes} passes in {clock.Elapsed.TotalSeconds:0.0} s: " +
                    $"{perSecond:0.0} documents/s{pageRate}; slowest {slowest.Milliseconds:0.0} ms ({slowest.Name}); rejected {rejected}");
            }
            using var process = Process.GetCurrentProcess();
            Console.WriteLine($"peak working set {process.PeakWorkingSet64 / (1024 * 1024)} MB");
            return 0;
        });
        return command;
    }

    /// <summary>A document to clean; <paramref name="Pages"/> is counted for PDFs only (a Word file has no fixed pages).</summary>
    private sealed record Document(string Name, byte[] Bytes, int Pages);

    private static string? Clean(ArticleCleaner cleaner, Document document)
    {
        try
        {
            return cleaner.Clean(document.Bytes, document.Name, null, document.Name).Text;
        }
        catch (ArticleRejectedException)
        {
            return null;
        }
    }

    private static async Task<List<Document>> ReadFolder(DirectoryInfo dir, CancellationToken cancellationToken)
    {
        var documents = new List<Document>();
        foreach (var file in dir.GetFiles().Where(f => f.Extension.ToLowerInvariant() is ".docx" or ".pdf" or ".md" or ".eml" or ".json" or ".xml").OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
            documents.Add(new Document(file.Name, bytes, file.Extension.Equals(".pdf", StringComparison.OrdinalIgnoreCase) ? PageCount(bytes) : 0));
        }
        return documents;
    }

    private static int PageCount(byte[] pdf)
    {
        try
        {
            using var document = PdfDocument.Open(pdf);
            return document.NumberOfPages;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A damaged file still counts as a document; it is rejected when cleaned.
            return 0;
        }
    }

    /// <summary>
    /// The seed article once and ten times over: as a Word document, as an A4 PDF with a running header and page
    /// numbers, as Markdown with front matter, as a plain-text e-mail, as an IPTC ninjs item and as a NewsML-G2 item.
    /// </summary>
    private static List<Document> Generate(string seed)
    {
        var paragraphs = seed.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Replace('×', 'x')) // not in the standard PDF fonts
            .ToList();
        var long10 = Enumerable.Repeat(paragraphs, 10).SelectMany(p => p).ToList();
        var pdf1 = Pdf(paragraphs);
        var pdf10 = Pdf(long10);
        return
        [
            new("seed.docx", Docx(paragraphs), 0),
            new("seed-x10.docx", Docx(long10), 0),
            new("seed.pdf", pdf1, PageCount(pdf1)),
            new("seed-x10.pdf", pdf10, PageCount(pdf10)),
            .. new[] { ("seed", paragraphs), ("seed-x10", long10) }.SelectMany(d => (Document[])
            [
                new(d.Item1 + ".md", Markdown(d.Item2), 0),
                new(d.Item1 + ".eml", Email(d.Item2), 0),
                new(d.Item1 + ".json", Ninjs(d.Item2), 0),
                new(d.Item1 + ".xml", NewsMLG2(d.Item2), 0),
            ]),
        ];
    }

    private const string BenchHeadline = "Negotiations stall over the first step";

    private static byte[] Markdown(IEnumerable<string> paragraphs) =>
        Encoding.UTF8.GetBytes($"---\ntitle: {BenchHeadline}\nauthor: World Desk\n---\n\n{string.Join("\n\n", paragraphs)}\n");

    private static byte[] Email(IEnumerable<string> paragraphs) =>
        Encoding.UTF8.GetBytes($"From: World Desk <desk@example.org>\r\nSubject: {BenchHeadline}\r\nDate: Sun, 29 Nov 2026 09:00:00 +0000\r\n" +
            $"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{string.Join("\r\n\r\n", paragraphs)}\r\n");

    private static byte[] Ninjs(IEnumerable<string> paragraphs) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["uri"] = "urn:newsml:example.org:20261129:bench",
            ["version"] = "1",
            ["pubstatus"] = "usable",
            ["headline"] = BenchHeadline,
            ["body_text"] = string.Join("\n\n", paragraphs),
        });

    private static byte[] NewsMLG2(IEnumerable<string> paragraphs) =>
        Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"urn:newsml:example.org:20261129:bench\" version=\"1\" standard=\"NewsML-G2\" standardversion=\"2.33\">" +
            "<itemMeta><itemClass qcode=\"ninat:text\"/><pubStatus qcode=\"stat:usable\"/></itemMeta>" +
            $"<contentMeta><headline>{SecurityElement.Escape(BenchHeadline)}</headline></contentMeta>" +
            "<contentSet><inlineXML contenttype=\"application/xhtml+xml\"><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>" +
            string.Concat(paragraphs.Select(p => $"<p>{SecurityElement.Escape(p)}</p>")) +
            "</body></html></inlineXML></contentSet></newsItem>");

    private static byte[] Docx(IEnumerable<string> paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new DocumentFormat.OpenXml.Wordprocessing.Document(
                new Body(paragraphs.Select(p => new Paragraph(new Run(new Text(p) { Space = SpaceProcessingModeValues.Preserve })))));
        }
        return stream.ToArray();
    }

    private static byte[] Pdf(IReadOnlyList<string> paragraphs)
    {
        const double width = 595, height = 842, margin = 60, size = 11;
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(width, height);
        var y = height - 90;
        var number = 1;
        void Furniture()
        {
            page.AddText("WORLD DESK", 9, new PdfPoint(margin, height - 30), font);
            page.AddText($"Page {number}", 9, new PdfPoint(width / 2 - 15, 30), font);
        }
        Furniture();
        foreach (var paragraph in paragraphs)
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append(null))
            {
                var candidate = word is null ? line : line.Length == 0 ? word : line + " " + word;
                if (word is not null && (line.Length == 0 || page.MeasureText(candidate, size, new PdfPoint(0, 0), font)[^1].BoundingBox.Right <= width - 2 * margin))
                {
                    line = candidate;
                    continue;
                }
                if (y < 70)
                {
                    page = builder.AddPage(width, height);
                    number++;
                    Furniture();
                    y = height - 90;
                }
                page.AddText(line, size, new PdfPoint(margin, y), font);
                y -= size * 1.3;
                line = word ?? "";
            }
            y -= size * 1.2;
        }
        return builder.Build();
    }

    private static byte[] Seed()
    {
        using var stream = typeof(BenchFormatsCommand).Assembly.GetManifestResourceStream(SeedResource)
            ?? throw new InvalidOperationException("The seed article is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
