using System.Text;
using static Summarizer.Core.Tests.CleaningTestSupport;

namespace Summarizer.Core.Tests;

public sealed class CleaningTextTests
{
    // A page captured as text, furniture included; written for these tests.
    private const string CapturedPage = """
        Home | Local | Sport | Weather

        Search

        Harbour Council Agrees Plan To Repair Old Swing Bridge

        Will the ferries run all summer?

        By Mara Ellison

        March 14, 2031

        PORTVALE, March 14 (Courier) - The harbour council voted on Tuesday to repair the old swing bridge, ending two years of argument over whether it should be replaced outright.

        Advertisement

        Share on Facebook

        Councillors approved a budget of four million crowns, on the condition that the work is finished before the autumn ferry timetable begins.

        Photo: Courier archive

        Read also: Ferry fares to rise in spring

        The vote was close.

        The mayor said the bridge will reopen only if repairs pass an independent inspection in September.

        Subscribe to our newsletter for the latest harbour news

        We use cookies to improve your experience. By continuing to browse you accept our cookie policy.

        Copyright © 2031 The Riverside Courier. All rights reserved.

        Follow us on Facebook and X

        12 comments
        """;

    [Fact]
    public void The_seed_loses_its_furniture_and_keeps_its_title_and_body()
    {
        var article = Clean(Seed(), "text/plain");

        Assert.Equal("text", article.Format);
        Assert.Equal("Putin Ready To Negotiate With Only Trump", article.Title);
        Assert.Equal(6, article.Paragraphs.Count);
        Assert.StartsWith("Russia has expressed a willingness to engage in peace talks", article.Paragraphs[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Sorting by", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("×", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Advertisements", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(article.Paragraphs, p => p.Contains("Putin Ready To Negotiate", StringComparison.Ordinal));
        Assert.Contains(article.Removed, r => r is { Text: "Sorting by" });
        Assert.Contains(article.Removed, r => r is { Text: "×", Reason: "lone symbol" });
        Assert.Equal(2, article.Removed.Count(r => r is { Text: "Advertisements", Reason: "advertisement marker" }));
    }

    [Fact]
    public void The_seeds_teaser_question_is_neither_title_nor_body()
    {
        var article = Clean(Seed());

        Assert.NotEqual("Will Trump end the war?", article.Title);
        Assert.DoesNotContain("Will Trump end the war?", article.Text, StringComparison.Ordinal);
        Assert.Contains(article.Removed, r => r is { Text: "Will Trump end the war?", Reason: "teaser" });
    }

    [Fact]
    public void Every_kept_paragraph_is_a_verbatim_part_of_the_original_after_whitespace_folding()
    {
        foreach (var bytes in new[] { Seed(), Encoding.UTF8.GetBytes(CapturedPage) })
        {
            var original = Fold(Encoding.UTF8.GetString(bytes));

            var article = Clean(bytes);

            Assert.All(article.Paragraphs, p => Assert.Contains(Fold(p), original, StringComparison.Ordinal));
            Assert.Equal(string.Join("\n\n", article.Paragraphs), article.Text);
        }
    }

    [Fact]
    public void Furniture_of_a_captured_page_is_removed_with_a_reason()
    {
        var article = Clean(CapturedPage);

        Assert.Equal("Harbour Council Agrees Plan To Repair Old Swing Bridge", article.Title);
        Assert.Equal("Mara Ellison", article.Byline);
        Assert.Equal("PORTVALE, March 14 (Courier)", article.Dateline);
        Assert.Equal(4, article.Paragraphs.Count);
        var reasons = article.Removed.ToDictionary(r => r.Text, r => r.Reason);
        Assert.Equal("navigation", reasons["Home | Local | Sport | Weather"]);
        Assert.Equal("teaser", reasons["Will the ferries run all summer?"]);
        Assert.Equal("advertisement marker", reasons["Advertisement"]);
        Assert.Equal("share widget", reasons["Share on Facebook"]);
        Assert.Equal("caption", reasons["Photo: Courier archive"]);
        Assert.Equal("read-also link", reasons["Read also: Ferry fares to rise in spring"]);
        Assert.Equal("subscription prompt", reasons["Subscribe to our newsletter for the latest harbour news"]);
        Assert.Equal("cookie notice", reasons["We use cookies to improve your experience. By continuing to browse you accept our cookie policy."]);
        Assert.Equal("copyright", reasons["Copyright © 2031 The Riverside Courier. All rights reserved."]);
        Assert.Equal("comment counter", reasons["12 comments"]);
    }

    [Fact]
    public void Short_real_sentences_ending_with_a_period_stay()
    {
        var article = Clean(CapturedPage);

        Assert.Contains("The vote was close.", article.Paragraphs);
        Assert.Contains("The mayor said the bridge will reopen only if repairs pass an independent inspection in September.", article.Paragraphs);
    }

    [Theory]
    [InlineData("Copyright claims against the port authority rose sharply last year, the court said.")]
    [InlineData("Ad blocker use among readers doubled in two years, according to the survey.")]
    [InlineData("Tags on the shipping containers showed they had left Rotterdam in May.")]
    public void Sentences_that_merely_resemble_furniture_stay(string sentence)
    {
        var article = Clean("The harbour council voted on Tuesday to repair the old swing bridge.\n\n" + sentence);

        Assert.Contains(sentence, article.Paragraphs);
    }

    [Fact]
    public void Parenthesised_notes_after_the_story_are_removed()
    {
        var article = Clean("The harbour council voted on Tuesday to repair the old swing bridge.\n\n(This story was published from a syndicated feed; only the headline was edited.)\n\n(Reporting by Mara Ellison; editing by Tom Hale)");

        Assert.Equal(["The harbour council voted on Tuesday to repair the old swing bridge."], article.Paragraphs);
        Assert.Contains(article.Removed, r => r is { Reason: "editorial note" });
    }

    [Fact]
    public void Text_hard_wrapped_at_a_fixed_width_is_joined_into_paragraphs()
    {
        const string wrapped = """
            The harbour council voted on Tuesday to repair the old swing
            bridge, ending two years of argument over whether the Public
            Works Department should replace it outright with a new span.
            Councillors approved a budget of four million crowns for the
            work, which must be finished before the autumn timetable.
            """;

        var article = Clean(wrapped);

        Assert.Equal(2, article.Paragraphs.Count);
        Assert.StartsWith("The harbour council voted on Tuesday to repair the old swing bridge, ending", article.Paragraphs[0], StringComparison.Ordinal);
        Assert.EndsWith("Public Works Department should replace it outright with a new span.", article.Paragraphs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_markdown_heading_becomes_the_title()
    {
        var article = Clean("# Harbour council agrees repair plan\n\nThe harbour council voted on Tuesday to repair the old swing bridge.\n\n## Residents divided\n\nSome residents said the council had waited far too long.", "text/markdown");

        Assert.Equal("markdown", article.Format);
        Assert.Equal("Harbour council agrees repair plan", article.Title);
        Assert.Equal("The harbour council voted on Tuesday to repair the old swing bridge.", article.Paragraphs[0]);
        Assert.DoesNotContain(article.Paragraphs, p => p.StartsWith('#'));
    }

    [Fact]
    public void Text_labelled_as_html_but_without_tags_keeps_its_paragraphs()
    {
        var article = Clean("The harbour council voted on Tuesday to repair the bridge.\n\nWork starts in May.", "text/html");

        Assert.Equal("text", article.Format);
        Assert.Equal(["The harbour council voted on Tuesday to repair the bridge.", "Work starts in May."], article.Paragraphs);
    }

    [Fact]
    public void An_outlet_and_author_line_is_a_byline_not_a_title()
    {
        var article = Clean("Harbour Courier – Mara Ellison\nThe harbour council voted on Tuesday to repair the old swing bridge after two years of argument.");

        Assert.Null(article.Title);
        Assert.Equal("Harbour Courier – Mara Ellison", article.Byline);
        Assert.Single(article.Paragraphs);
    }

    // Terminal colour codes (ESC [ … m, removed whole), a bell, a backspace, DEL and C1 controls: what a copy from a terminal or an
    // old wire feed leaves in the text. Few enough that the upload is still text, not binary.
    private const string WithControls =
        "Ferry Fares\u001B[1m To Rise\u0007 In Spring After Fuel Costs Soar\n\n" +
        "By Mara Ellison\u0008\n\n" +
        "The harbour\u001B[0m council voted on Tuesday\u0090 to raise ferry fares by a tenth from April.\u007F " +
        "Councillors\u009B said fuel costs had doubled\u0080 since the winter, and the operator warned of cuts.\n\n" +
        "The mayor said\u0001 the rise would be reviewed in September, when the new timetable is agreed.\n\n" +
        "Passenger groups said the rise would hit island residents hardest, since many of them cross to the mainland " +
        "for work every day and have no other way to travel in winter.";

    private static void AssertNoControlCharacters(string? text)
    {
        Assert.DoesNotContain(text ?? "", c => (char.IsControl(c) && c is not ('\n' or '\t')) || char.IsSurrogate(c));
    }

    [Fact]
    public void Control_characters_never_reach_the_cleaned_text_title_byline_or_paragraphs()
    {
        var article = Clean(WithControls);

        AssertNoControlCharacters(article.Text);
        AssertNoControlCharacters(article.Title);
        AssertNoControlCharacters(article.Byline);
        Assert.All(article.Paragraphs, AssertNoControlCharacters);
        Assert.Equal("Ferry Fares To Rise In Spring After Fuel Costs Soar", article.Title);
        Assert.Equal("Mara Ellison", article.Byline);
        Assert.Contains("The harbour council voted on Tuesday to raise", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_in_a_web_page_and_its_metadata_are_removed_too()
    {
        var html = "<!doctype html><html><head><title>Ferry fares\u001B to rise in spring</title><meta name=\"author\" content=\"Mara\u0007 Ellison\"></head>" +
            "<body><article><p>The harbour\u001B council voted on Tuesday to raise ferry fares by a tenth from April, citing fuel costs.</p>" +
            "<p>Councillors\u0008 said fuel costs had doubled since the winter, and the operator&#27;s chief warned of cuts.</p></article></body></html>";

        var article = Clean(html, "text/html");

        AssertNoControlCharacters(article.Text);
        AssertNoControlCharacters(article.Title);
        AssertNoControlCharacters(article.Byline);
        Assert.All(article.Paragraphs, AssertNoControlCharacters);
        Assert.Contains("The harbour council voted", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_prose_without_furniture_is_kept_whole()
    {
        const string story = "The harbour council voted on Tuesday to repair the old swing bridge.\n\nIt remains unclear who will pay for the ferry.";

        var article = Clean(story);

        Assert.Equal(story, article.Text);
        Assert.Null(article.Title);
    }
}
