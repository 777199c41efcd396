using System.Diagnostics;
using System.Text;
using Summarizer.Core.Cleaning;
using static Summarizer.Core.Tests.CleaningTestSupport;

namespace Summarizer.Core.Tests;

/// <summary>Hostile or broken pages end in a result or a clear rejection, within the 1 s a page gets.</summary>
public sealed class CleaningHostileHtmlTests
{
    private const string Paragraph = "<p>The harbour council voted on Tuesday to repair the old swing bridge, ending two years of argument over whether it should be replaced.</p>\n";
    // A guard against runaway (quadratic) cost, not the speed target: these pages take tens of milliseconds in Release,
    // seconds in a Debug build on a loaded machine, and minutes if a walk turns quadratic. The 1 s per page target is
    // measured by `summarizer bench-clean` (slowest page) and the cleaner's BenchmarkDotNet benchmarks.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public void A_20_mb_page_is_rejected_quickly_and_says_it_is_too_large()
    {
        var html = new StringBuilder("<!doctype html><html><head><title>Big</title></head><body><article>", 20_100_000);
        while (html.Length < 20_000_000)
        {
            html.Append(Paragraph);
        }
        html.Append("</article></body></html>");
        var bytes = Encoding.UTF8.GetBytes(html.ToString());

        var watch = Stopwatch.StartNew();
        var error = Assert.Throws<ArticleRejectedException>(() => Clean(bytes, "text/html"));

        Assert.True(watch.Elapsed < Bound, $"took {watch.Elapsed}");
        Assert.Contains("too large", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_inflated_by_scripts_and_styles_still_yields_its_story()
    {
        var html = new StringBuilder("<!doctype html><html><head>");
        while (html.Length < 6_000_000)
        {
            html.Append("<script>var s = '<p>not the story</p>'; if (a < b && c > d) { run(); }</script><style>p { color: red }</style><!-- tracking <div> -->");
        }
        html.Append("</head><body><article>").Append(Paragraph).Append(Paragraph.Replace("Tuesday", "Monday", StringComparison.Ordinal))
            .Append(Paragraph.Replace("harbour", "river", StringComparison.Ordinal)).Append("</article></body></html>");

        var watch = Stopwatch.StartNew();
        var article = Clean(html.ToString(), "text/html");

        Assert.True(watch.Elapsed < Bound, $"took {watch.Elapsed}");
        Assert.Contains("old swing bridge", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("not the story", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("color", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ten_thousand_nested_divs_are_cleaned_within_the_bound()
    {
        var html = "<!DOCTYPE html><html><body>" + string.Concat(Enumerable.Repeat("<div class=\"wrap\">", 10_000)) + Paragraph
            + string.Concat(Enumerable.Repeat("</div>", 10_000)) + "</body></html>";

        var watch = Stopwatch.StartNew();
        var article = Clean(html, "text/html");

        Assert.True(watch.Elapsed < Bound, $"took {watch.Elapsed}");
        Assert.Contains("old swing bridge", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ten_thousand_unclosed_formatting_tags_are_cleaned_within_the_bound()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<b><i><font>", 10_000)) + Paragraph;

        var watch = Stopwatch.StartNew();
        var article = Clean(html, "text/html");

        Assert.True(watch.Elapsed < Bound, $"took {watch.Elapsed}");
        Assert.Contains("old swing bridge", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_with_sixty_thousand_sibling_paragraphs_is_cleaned_within_the_bound()
    {
        // Wide rather than deep: sibling lookups must not make the walk quadratic.
        var html = new StringBuilder("<html><body><div>");
        for (var i = 0; i < 60_000; i++)
        {
            html.Append("<p>Line ").Append(i).Append(", a short one.</p>");
        }
        html.Append("</div></body></html>");

        var watch = Stopwatch.StartNew();
        var article = Clean(html.ToString(), "text/html");

        Assert.True(watch.Elapsed < Bound, $"took {watch.Elapsed}");
        Assert.Contains("Line 59999, a short one.", article.Paragraphs);
    }

    [Fact]
    public void Malformed_markup_still_yields_the_story()
    {
        var html = "<html><head><title>Bridge</title><body><div class=\"story\"><b><p>The harbour council voted on Tuesday to repair the old swing bridge, ending two years of argument.<p>"
            + "Work starts in May, the council said, and the bridge will reopen in the autumn.</span></i></div></div></table>"
            + "<p a=\"unterminated>The mayor said repairs must pass an independent inspection first, before traffic returns.<!-- never closed";

        var article = Clean(html, "text/html");

        Assert.Contains("ending two years of argument", article.Text, StringComparison.Ordinal);
        Assert.Contains("Work starts in May", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_that_is_nothing_but_script_and_style_is_rejected_clearly()
    {
        var html = "<html><head><style>body { margin: 0 }</style></head><body>"
            + string.Concat(Enumerable.Repeat("<script>document.write('<p>The council voted to repair the bridge.</p>');</script>", 5_000)) + "</body></html>";

        var error = Assert.Throws<ArticleRejectedException>(() => Clean(html, "text/html"));

        Assert.Contains("No article text", error.Message, StringComparison.Ordinal);
    }
}
