using System.Text;
using System.Text.Json;
using Summarizer.Core.Engine;
using static Summarizer.Core.Tests.CleaningTestSupport;

namespace Summarizer.Core.Tests.Cleaning.Formats;

/// <summary>Markdown is read with a Markdown parser: front matter is metadata, markup is not text, links keep their words.</summary>
public sealed class MarkdownTests
{
    private const string Body = "The harbour council voted on Tuesday to repair the old swing bridge before the autumn timetable begins.";

    [Fact]
    public void Front_matter_gives_the_title_author_date_and_language_and_is_not_text()
    {
        var markdown = $"""
            ---
            title: "Harbour council agrees repair plan"
            author: Mara Lind
            date: 2026-11-24
            lang: en-GB
            tags: [harbour, bridge]
            ---

            {Body}

            Repairs will take six weeks, the council's engineer said on Wednesday.
            """;

        var article = Clean(Encoding.UTF8.GetBytes(markdown), fileName: "bridge.md");

        Assert.Equal("markdown", article.Format);
        Assert.Equal("Harbour council agrees repair plan", article.Title);
        Assert.Equal("Mara Lind", article.Byline);
        Assert.Equal("2026-11-24", article.Dateline);
        Assert.Equal("en-GB", article.Language);
        Assert.Equal([Body, "Repairs will take six weeks, the council's engineer said on Wednesday."], article.Paragraphs);
    }

    [Fact]
    public void Authors_listed_in_front_matter_are_the_byline()
    {
        var listed = Clean($"---\ntitle: Bridge repairs\nauthors:\n  - Mara Lind\n  - \"Tomas Berg\"\ndate: 2026-11-24\n---\n\n{Body}\n", "text/markdown");
        var inline = Clean($"---\ntitle: Bridge repairs\nauthor: [Mara Lind, Tomas Berg]\n---\n\n{Body}\n", "text/markdown");

        Assert.Equal("Mara Lind, Tomas Berg", listed.Byline);
        Assert.Equal("2026-11-24", listed.Dateline);
        Assert.Equal("Mara Lind, Tomas Berg", inline.Byline);
    }

    [Fact]
    public void Front_matter_at_the_start_is_evidence_of_markdown_without_a_name_or_type()
    {
        var markdown = $"---\ntitle: Harbour council agrees repair plan\n---\n\n{Body}\n";

        var article = Clean(markdown);

        Assert.Equal("markdown", article.Format);
        Assert.Equal("Harbour council agrees repair plan", article.Title);
        Assert.Equal([Body], article.Paragraphs);

        // A text that opens with a rule and a sentence is not front matter: it stays text, its words kept.
        var ruled = Clean($"---\nThe harbour council met on Monday evening in the town hall.\n---\n\n{Body}\n");
        Assert.Equal("text", ruled.Format);
        Assert.Contains("The harbour council met on Monday evening in the town hall.", ruled.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_front_matter_the_first_level_one_heading_is_the_title()
    {
        var markdown = $"""
            # Harbour council agrees *repair* plan

            {Body}

            ## Residents divided

            Some residents said the council had waited far too long to act on the engineers' report.
            """;

        var article = Clean(markdown, "text/markdown");

        Assert.Equal("Harbour council agrees repair plan", article.Title);
        Assert.Equal(Body, article.Paragraphs[0]);
        Assert.Contains("Residents divided", article.Paragraphs);
        Assert.DoesNotContain(article.Paragraphs, p => p.Contains('#') || p.Contains('*'));
    }

    [Fact]
    public void Without_a_level_one_heading_a_lower_heading_that_opens_the_document_is_the_title()
    {
        var markdown = $"## Bridge repairs\n\n{Body}\n\n### Residents divided\n\nSome residents said the council had waited far too long to act.\n";

        var article = Clean(markdown, "text/markdown");

        Assert.Equal("Bridge repairs", article.Title);
        Assert.Equal([Body, "Residents divided", "Some residents said the council had waited far too long to act."], article.Paragraphs);
    }

    [Fact]
    public void Emphasis_code_and_inline_tags_are_removed_and_links_keep_their_text()
    {
        var markdown = """
            # Bridge repairs

            The **harbour council** voted on _Tuesday_ to repair the [old swing bridge](https://harbour.example/bridge "The bridge"), said `Mara Lind`, the <abbr title="chair">chair</abbr> of the works committee.

            ![A crane beside the bridge](https://harbour.example/crane.jpg)

            Engineers found a crack in the east pier &amp; a worn bearing during the spring inspection.
            """;

        var article = Clean(markdown, "text/markdown");

        Assert.Equal(
        [
            "The harbour council voted on Tuesday to repair the old swing bridge, said Mara Lind, the chair of the works committee.",
            "Engineers found a crack in the east pier & a worn bearing during the spring inspection.",
        ], article.Paragraphs);
        Assert.DoesNotContain("crane", article.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void List_items_and_block_quotes_are_paragraphs()
    {
        var markdown = $"""
            # Bridge repairs

            {Body}

            The council set three conditions for the contractor:

            - the bridge must reopen to pedestrians within four weeks of the start of work;
            - heavy lorries must use the ring road until the repairs are finished;
            - the ferry must run a free shuttle while the bridge is closed.

            > We have waited two years for this decision, and the harbour cannot wait any longer.
            """;

        var article = Clean(markdown, "text/markdown");

        Assert.Contains("The council set three conditions for the contractor:", article.Paragraphs);
        Assert.Contains("• the bridge must reopen to pedestrians within four weeks of the start of work;", article.Paragraphs);
        Assert.Contains("• the ferry must run a free shuttle while the bridge is closed.", article.Paragraphs);
        Assert.Contains("We have waited two years for this decision, and the harbour cannot wait any longer.", article.Paragraphs);
        Assert.DoesNotContain(article.Paragraphs, p => p.StartsWith('-') || p.StartsWith('>'));
        Assert.Contains("2. heavy lorries must use the ring road", Clean(markdown.Replace("\n- ", "\n1. ", StringComparison.Ordinal), "text/markdown").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Furniture_between_the_paragraphs_is_still_removed()
    {
        var markdown = $"""
            # Bridge repairs

            {Body}

            Advertisements

            Repairs will take six weeks, the council's engineer said on Wednesday.

            Share this: [Facebook](https://facebook.example) [X](https://x.example)
            """;

        var article = Clean(markdown, "text/markdown");

        Assert.Equal([Body, "Repairs will take six weeks, the council's engineer said on Wednesday."], article.Paragraphs);
        Assert.Contains(article.Removed, r => r.Text == "Advertisements");
    }

    [Fact]
    public void Lines_of_a_paragraph_are_judged_like_a_captures_lines()
    {
        // A capture saved as Markdown: menu lines and an advertisement marker written against the story's lines.
        var markdown = """
            Home
            News
            Sport

            # Bridge repairs approved

            Advertisement
            The harbour council voted on Tuesday to repair the old swing bridge before the autumn timetable begins.
            Share this article

            Repairs will take six weeks, the council's engineer said, and the
            bridge will stay open to pedestrians throughout.
            """;

        var article = Clean(markdown, "text/markdown");

        Assert.Equal("Bridge repairs approved", article.Title);
        Assert.Equal(
        [
            "The harbour council voted on Tuesday to repair the old swing bridge before the autumn timetable begins.",
            "Repairs will take six weeks, the council's engineer said, and the bridge will stay open to pedestrians throughout.",
        ], article.Paragraphs);
    }

    [Fact]
    public void Quotes_nested_a_few_levels_are_read_and_hostile_nesting_is_rejected_with_a_reason()
    {
        const string Quoted = "The crack was found in March by divers inspecting the piers.";
        var nested = Clean($"# Bridge repairs\n\n{Body}\n\n{new string('>', 20)} {Quoted}\n", "text/markdown");
        Assert.Contains(Quoted, nested.Paragraphs);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var rejected = Assert.Throws<Summarizer.Core.Cleaning.ArticleRejectedException>(() =>
            Clean($"# Bridge repairs\n\n{Body}\n\n{new string('>', 100_000)} {Quoted}\n", "text/markdown"));
        Assert.Contains("too deeply", rejected.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");

        var emphasis = string.Concat(Enumerable.Repeat("*[", 50_000)) + "deep" + string.Concat(Enumerable.Repeat("](x)*", 50_000));
        Assert.Throws<Summarizer.Core.Cleaning.ArticleRejectedException>(() => Clean($"# Bridge repairs\n\n{Body}\n\n{emphasis}\n", "text/markdown"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void The_seed_as_markdown_gives_the_same_actors_venues_conditions_and_open_questions_as_the_plain_text_seed()
    {
        var plain = Clean(Seed(), "text/plain", "seed.txt");
        var markdown = new StringBuilder($"---\ntitle: \"{plain.Title}\"\nauthor: Newsroom Desk\n---\n\n");
        foreach (var paragraph in plain.Paragraphs)
        {
            // Markup a writer would add: emphasis on names, a link on the interview; none of it is the article's text.
            markdown.Append(paragraph
                .Replace("Sergei Lavrov", "**Sergei Lavrov**", StringComparison.Ordinal)
                .Replace("Fox News interview", "[Fox News interview](https://news.example/kellogg)", StringComparison.Ordinal))
                .Append("\n\nAdvertisements\n\n");
        }

        var fromMarkdown = Clean(Encoding.UTF8.GetBytes(markdown.ToString()), "text/markdown", "seed.md");

        Assert.Equal("markdown", fromMarkdown.Format);
        Assert.Equal(plain.Title, fromMarkdown.Title);
        Assert.Equal(plain.Paragraphs, fromMarkdown.Paragraphs);
        var expected = new LocalSummaryEngine().Summarize(plain);
        var actual = new LocalSummaryEngine().Summarize(fromMarkdown);
        Assert.NotEmpty(expected.Actors);
        Assert.NotEmpty(expected.Venues);
        Assert.Equal(Json(expected.Actors), Json(actual.Actors));
        Assert.Equal(Json(expected.Venues), Json(actual.Venues));
        Assert.Equal(Json(expected.Conditions), Json(actual.Conditions));
        Assert.Equal(Json(expected.OpenQuestions), Json(actual.OpenQuestions));
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
