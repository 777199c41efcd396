using Summarizer.Core.Cleaning;
using Summarizer.Core.Cleaning.Formats;
using static Summarizer.Core.Tests.Cleaning.Formats.DocumentFixtures;

namespace Summarizer.Core.Tests.Cleaning.Formats;

/// <summary>A PDF's text layer in reading order, paragraphs rebuilt from line positions, page furniture left out.</summary>
public sealed class PdfReaderTests
{
    private static readonly string[] Story =
    [
        "The council voted on Tuesday to rebuild the harbour wall, which storms breached twice last winter and which fishermen say is no longer safe to moor against.",
        "Repairs will cost six million pounds and start in March, the council's engineer said, adding that the work would be done in stages so that the fish market could stay open throughout.",
        "The mayor backed the plan but warned that the cost could rise if the spring tides delayed the pouring of concrete along the outer quay.",
        "Fishermen welcomed the vote. Their association had asked for the repairs since the first storm in October and said the boats had been moored in the next bay since then.",
        "Work is expected to last two years. The council will publish a timetable for each stage of the work on its website before the end of the month.",
        "Opposition councillors asked whether the government would share the cost, as it did when the northern breakwater was rebuilt a decade ago.",
        "The transport secretary has not said whether money from the coastal fund would be available, and a decision is expected in the spring.",
    ];

    [Fact]
    public void Running_headers_and_page_numbers_are_removed_and_paragraphs_rebuilt_across_pages()
    {
        var pdf = Pdf(Story, headline: "Council votes to rebuild the harbour wall", header: "HARBOUR GAZETTE · Local news", paragraphsPerPage: 3);

        var source = PdfReader.Read(pdf);

        Assert.Equal("Council votes to rebuild the harbour wall", source.Title);
        Assert.Equal(["Council votes to rebuild the harbour wall", .. Story], source.Paragraphs);
    }

    [Fact]
    public void The_cleaned_pdf_keeps_the_story_and_drops_the_furniture()
    {
        var article = CleaningTestSupport.Clean(Pdf(Story, headline: "Council votes to rebuild the harbour wall", header: "HARBOUR GAZETTE · Local news"), "application/pdf", "harbour.pdf");

        Assert.Equal("pdf", article.Format);
        Assert.Equal("Council votes to rebuild the harbour wall", article.Title);
        Assert.Equal(Story, article.Paragraphs);
        Assert.DoesNotContain("HARBOUR GAZETTE", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Page 2 of 3", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_two_column_page_is_read_column_by_column()
    {
        var pdf = TwoColumnPdf(Story[..3], Story[3..6]);

        Assert.Equal(Story[..6], PdfReader.Read(pdf).Paragraphs);
    }

    [Fact]
    public void Paragraphs_set_without_space_between_them_are_told_apart_by_their_indented_first_line()
    {
        Assert.Equal(Story[..4], PdfReader.Read(IndentedPdf(Story[..4])).Paragraphs);
    }

    [Fact]
    public void The_document_information_title_comes_first()
    {
        var pdf = Pdf(Story[..2], infoTitle: "Harbour wall to be rebuilt");

        Assert.Equal("Harbour wall to be rebuilt", PdfReader.Read(pdf).Title);
    }

    [Fact]
    public void A_file_name_as_the_title_property_gives_way_to_the_large_headline_and_the_author_is_the_byline()
    {
        var pdf = Pdf(Story[..2], headline: "Council votes to rebuild the harbour wall", infoTitle: "Microsoft Word - harbour.docx", author: "Jane Reporter");

        var source = PdfReader.Read(pdf);

        Assert.Equal("Council votes to rebuild the harbour wall", source.Title);
        Assert.Equal("Jane Reporter", source.Byline);
    }

    [Fact]
    public void A_pdf_without_a_text_layer_is_refused_because_ocr_is_not_supported()
    {
        var error = Assert.Throws<ArticleRejectedException>(() => CleaningTestSupport.Clean(ImageOnlyPdf(), "application/pdf", "scan.pdf"));

        Assert.Contains("no text layer (scanned image); OCR is not supported", error.Message, StringComparison.Ordinal);
        Assert.Equal("This PDF has no text layer (scanned image); OCR is not supported. Upload a PDF with selectable text, or the article's text.", error.Message);
    }

    [Fact]
    public void A_pdf_whose_only_text_is_its_running_head_and_page_numbers_has_no_text_layer_to_read()
    {
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        var font = builder.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.Helvetica);
        for (var i = 1; i <= 3; i++)
        {
            var page = builder.AddPage(PageWidth, PageHeight);
            page.AddText("HARBOUR GAZETTE · Scanned archive", 9, new UglyToad.PdfPig.Core.PdfPoint(Margin, PageHeight - 30), font);
            page.AddText($"Page {i} of 3", 9, new UglyToad.PdfPig.Core.PdfPoint(PageWidth / 2 - 25, 30), font);
        }

        var error = Assert.Throws<ArticleRejectedException>(() => PdfReader.Read(builder.Build()));

        Assert.Equal(PdfReader.NoTextLayer, error.Message);
    }

    [Fact]
    public void A_password_protected_pdf_is_refused_with_a_reason()
    {
        var error = Assert.Throws<ArticleRejectedException>(() => CleaningTestSupport.Clean(EncryptedPdf(Pdf(Story[..2])), "application/pdf", "locked.pdf"));

        Assert.StartsWith("The PDF is password-protected;", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_pdf_is_refused_as_damaged()
    {
        var whole = Pdf(Story, header: "HARBOUR GAZETTE");

        var error = Assert.Throws<ArticleRejectedException>(() => CleaningTestSupport.Clean(whole[..(whole.Length / 3)], "application/pdf", "cut.pdf"));

        Assert.Equal("The PDF is damaged (not a complete PDF document); save or export it again and upload it.", error.Message);
    }

    [Fact]
    public void A_pdf_of_more_pages_than_an_article_is_refused()
    {
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        for (var i = 0; i <= PdfReader.MaxPages; i++)
        {
            builder.AddPage(PageWidth, PageHeight);
        }

        var error = Assert.Throws<ArticleRejectedException>(() => PdfReader.Read(builder.Build()));

        Assert.Equal($"The PDF has {PdfReader.MaxPages + 1} pages; articles of up to {PdfReader.MaxPages} pages are read. Upload the article's pages only.", error.Message);
    }

    [Fact]
    public void Garbage_after_a_pdf_signature_is_refused_as_damaged()
    {
        var garbage = "%PDF-1.7\n"u8.ToArray().Concat(Enumerable.Range(0, 4096).Select(i => (byte)(i * 31 % 251))).ToArray();

        var error = Assert.Throws<ArticleRejectedException>(() => CleaningTestSupport.Clean(garbage, null, "story.pdf"));

        Assert.Contains("PDF is damaged", error.Message, StringComparison.Ordinal);
    }
}
