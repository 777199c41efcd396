using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Summarizer.Core.Cleaning;
using Summarizer.Core.Cleaning.Formats;
using static Summarizer.Core.Tests.Cleaning.Formats.DocumentFixtures;

namespace Summarizer.Core.Tests.Cleaning.Formats;

/// <summary>A Word document's body as accepted, in order; what sits in other parts of the package stays out.</summary>
public sealed class DocxReaderTests
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static byte[] Newsroom() => Docx((document, body) =>
    {
        var main = document.MainDocumentPart!;

        var header = main.AddNewPart<HeaderPart>();
        header.Header = new Header(Para("HARBOUR GAZETTE RUNNING HEADER"));
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(Para("Confidential draft footer line"));
        var footnotes = main.AddNewPart<FootnotesPart>();
        footnotes.Footnotes = new Footnotes(new Footnote(Para("Footnote: the figure comes from the 2025 survey.")) { Id = 1 });
        var comments = main.AddNewPart<WordprocessingCommentsPart>();
        comments.Comments = new Comments(new Comment(Para("Editor comment: check the vote count")) { Id = "0", Author = "Desk" });

        body.Append(
            Para("Council votes to rebuild the harbour wall", "Title"),
            Para("The council voted on Tuesday to rebuild the harbour wall, which storms breached twice last winter."),
            new Paragraph(
                RunOf("Repairs will cost "),
                new DeletedRun(new Run(new DeletedText("four million"))) { Id = "1", Author = "Desk" },
                new InsertedRun(RunOf("six million pounds")) { Id = "2", Author = "Desk" },
                RunOf(" and start in March."),
                new CommentRangeStart { Id = "0" },
                RunOf(" The mayor backed the plan"),
                new CommentRangeEnd { Id = "0" },
                new Run(new CommentReference { Id = "0" }),
                new Run(new FootnoteReference { Id = 1 }),
                RunOf(".")),
            Para("What the money pays for", "Heading2"),
            ListItem("A new concrete wall along the quay."),
            ListItem("Drainage under the fish market."),
            Table(["Item", "Cost"], ["Wall", "£4.5m"], ["Drainage", "£1.5m"]),
            new Paragraph(
                new MoveFromRun(RunOf("Fishermen welcomed the vote. ")) { Id = "3", Author = "Desk" },
                RunOf("Work is expected to last two years.")),
            new Paragraph(
                new MoveToRun(RunOf("Fishermen welcomed the vote.")) { Id = "4", Author = "Desk" }),
            new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) }));
    });

    [Fact]
    public void The_body_is_read_in_order_with_tracked_changes_accepted()
    {
        var source = DocxReader.Read(Newsroom());

        Assert.Equal("Council votes to rebuild the harbour wall", source.Title);
        Assert.Equal(
            [
                "The council voted on Tuesday to rebuild the harbour wall, which storms breached twice last winter.",
                "Repairs will cost six million pounds and start in March. The mayor backed the plan.",
                "What the money pays for",
                "• A new concrete wall along the quay.",
                "• Drainage under the fish market.",
                "Item | Cost",
                "Wall | £4.5m",
                "Drainage | £1.5m",
                "Work is expected to last two years.",
                "Fishermen welcomed the vote.",
            ],
            source.Paragraphs);
    }

    [Fact]
    public void Comments_headers_footers_footnotes_and_deleted_text_are_left_out()
    {
        var article = CleaningTestSupport.Clean(Newsroom(), DocxType, "harbour.docx");

        Assert.Equal("docx", article.Format);
        Assert.Equal("Council votes to rebuild the harbour wall", article.Title);
        Assert.Contains("six million pounds", article.Text, StringComparison.Ordinal);
        Assert.Contains("Wall | £4.5m", article.Text, StringComparison.Ordinal);
        foreach (var absent in new[] { "four million", "RUNNING HEADER", "footer line", "Footnote", "Editor comment" })
        {
            Assert.DoesNotContain(absent, article.Text, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Single(article.Paragraphs, p => p.Contains("Fishermen welcomed the vote.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_paragraph_whose_mark_was_deleted_joins_the_next()
    {
        var bytes = Docx((_, body) => body.Append(
            new Paragraph(
                new ParagraphProperties(new ParagraphMarkRunProperties(new Deleted { Id = "1", Author = "Desk" })),
                RunOf("The ferry will run every hour")),
            Para("from Monday, the operator said.")));

        Assert.Equal(["The ferry will run every hour from Monday, the operator said."], DocxReader.Read(bytes).Paragraphs);
    }

    [Fact]
    public void Field_instructions_are_not_text_while_links_content_controls_and_field_results_are()
    {
        var bytes = Docx((_, body) => body.Append(
            new Paragraph(
                RunOf("Read the council's "),
                new Hyperlink(RunOf("decision notice")) { Id = "rId99" },
                RunOf(" of "),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                new Run(new FieldCode(" DATE \\@ \"d MMMM yyyy\" ")),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                RunOf("3 March"),
                new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
                RunOf(".")),
            new SdtBlock(new SdtContentBlock(Para("The harbour master will brief fishermen on Friday.")))));

        Assert.Equal(
            ["Read the council's decision notice of 3 March.", "The harbour master will brief fishermen on Friday."],
            DocxReader.Read(bytes).Paragraphs);
    }

    [Fact]
    public void Without_a_title_style_the_core_properties_give_the_title_and_byline()
    {
        var bytes = Docx((_, body) => body.Append(Para("The council voted on Tuesday to rebuild the harbour wall after two storms breached it.")),
            coreTitle: "Harbour wall to be rebuilt", coreCreator: "Jane Reporter");

        var source = DocxReader.Read(bytes);

        Assert.Equal("Harbour wall to be rebuilt", source.Title);
        Assert.Equal("Jane Reporter", source.Byline);
    }

    [Fact]
    public void A_placeholder_author_or_a_byline_in_the_body_keeps_the_author_property_out()
    {
        var placeholder = Docx((_, body) => body.Append(Para("The council voted on Tuesday to rebuild the harbour wall after two storms breached it.")),
            coreTitle: "Microsoft Word - harbour.docx", coreCreator: "Microsoft Office User");
        var credited = Docx((_, body) => body.Append(Para("By Sam Writer"), Para("The council voted on Tuesday to rebuild the harbour wall after two storms breached it.")),
            coreCreator: "Jane Reporter");

        var fromPlaceholder = DocxReader.Read(placeholder);
        Assert.Null(fromPlaceholder.Title);
        Assert.Null(fromPlaceholder.Byline);
        Assert.Null(DocxReader.Read(credited).Byline);
        Assert.Equal("Sam Writer", CleaningTestSupport.Clean(credited, null, "harbour.docx").Byline);
    }

    [Fact]
    public void A_password_protected_word_document_is_refused_with_a_reason()
    {
        var error = Assert.Throws<ArticleRejectedException>(() => CleaningTestSupport.Clean(EncryptedWordContainer(), DocxType, "story.docx"));

        Assert.Equal("The Word document is password-protected; remove the password and upload it again.", error.Message);
    }

    [Fact]
    public void A_truncated_word_document_is_refused_as_damaged()
    {
        var whole = SeedDocx();

        var error = Assert.Throws<ArticleRejectedException>(() => CleaningTestSupport.Clean(whole[..(whole.Length / 2)], null, "story.docx"));

        Assert.Equal("The Word document is damaged (not a complete .docx); save it again and upload it.", error.Message);
    }

    [Fact]
    public void Garbage_named_docx_is_refused_as_damaged()
    {
        var garbage = Enumerable.Range(0, 4096).Select(i => (byte)(i * 31 % 251)).ToArray();

        var error = Assert.Throws<ArticleRejectedException>(() => CleaningTestSupport.Clean(garbage, DocxType, "story.docx"));

        Assert.Contains("Word document is damaged", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_bomb_is_refused_before_it_is_inflated()
    {
        var bomb = ZipBomb(DocxReader.MaxUncompressedBytes + 1024 * 1024);
        Assert.True(bomb.Length < 1024 * 1024, $"the bomb is {bomb.Length} bytes");

        var error = Assert.Throws<ArticleRejectedException>(() => CleaningTestSupport.Clean(bomb, null, "story.docx"));

        Assert.StartsWith("The Word document unpacks to more than 64 MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_document_without_body_text_is_refused()
    {
        var error = Assert.Throws<ArticleRejectedException>(() => CleaningTestSupport.Clean(Docx((_, body) => body.Append(new Paragraph())), DocxType, "empty.docx"));

        Assert.Equal("The Word document has no text in its body; upload the document with the article's text in it.", error.Message);
    }
}
