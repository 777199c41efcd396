using System.Text;
using static Summarizer.Core.Tests.CleaningTestSupport;

namespace Summarizer.Core.Tests;

public sealed class CleaningHtmlTests
{
    [Fact]
    public void A_news_page_keeps_title_byline_date_and_story_paragraphs()
    {
        var article = Clean(Fixture("council-page.html"));

        Assert.Equal("html", article.Format);
        Assert.Equal("utf-8", article.Encoding);
        Assert.Equal("Harbour council agrees bridge repair plan", article.Title);
        Assert.Equal("Mara Ellison", article.Byline);
        Assert.StartsWith("2031-03-14", article.Dateline, StringComparison.Ordinal);
        Assert.Contains("The harbour council voted on Tuesday to repair the old swing bridge, ending two years of argument over whether it should be replaced outright.", article.Paragraphs);
        Assert.Contains("The mayor said the bridge will reopen only if repairs pass an independent inspection in September.", article.Paragraphs);
        Assert.Contains("Some residents said the council had “waited far too long” — others welcomed a repair that keeps the bridge’s original ironwork.", article.Paragraphs);
    }

    [Fact]
    public void Navigation_adverts_captions_share_tools_and_footers_are_removed_and_recorded()
    {
        var article = Clean(Fixture("council-page.html"));

        foreach (var furniture in new[] { "Weather", "Advertisement", "swing bridge seen from the east quay", "Share on Facebook", "Ferry fares to rise", "All rights reserved", "window.analytics" })
        {
            Assert.DoesNotContain(furniture, article.Text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(article.Paragraphs, p => p == "Harbour council agrees bridge repair plan");
        Assert.Contains(article.Removed, r => r.Reason == "navigation" && r.Text.Contains("Weather", StringComparison.Ordinal));
        Assert.Contains(article.Removed, r => r.Reason == "caption" && r.Text.Contains("east quay", StringComparison.Ordinal));
        Assert.Contains(article.Removed, r => r is { Reason: "byline", Text: "By Mara Ellison" });
    }

    [Fact]
    public void Kept_html_paragraphs_are_verbatim_text_of_the_page()
    {
        var page = Encoding.UTF8.GetString(Fixture("council-page.html"));

        var article = Clean(Fixture("council-page.html"));

        Assert.All(article.Paragraphs, p => Assert.Contains(p, page, StringComparison.Ordinal));
    }

    [Fact]
    public void A_small_fragment_that_the_readability_pass_rejects_still_yields_its_paragraphs()
    {
        var article = Clean("<p>The council voted on Tuesday to repair the old bridge.</p><p>Work starts in May.</p>", "text/html");

        Assert.Equal("html", article.Format);
        Assert.Contains("The council voted on Tuesday to repair the old bridge.", article.Paragraphs);
        Assert.Contains("Work starts in May.", article.Paragraphs);
    }

    [Fact]
    public void A_page_with_a_site_name_in_its_title_tag_gets_the_bare_headline()
    {
        var article = Clean("<!doctype html><html><head><title>Bridge to reopen in autumn, mayor says | Riverside Courier</title></head><body><article>"
            + string.Concat(Enumerable.Repeat("<p>The mayor said on Tuesday that the old swing bridge will reopen in the autumn once repairs have passed an independent inspection.</p>", 5))
            + "</article></body></html>");

        Assert.Equal("Bridge to reopen in autumn, mayor says", article.Title);
    }

    [Fact]
    public async Task Pages_cleaned_concurrently_give_the_same_result_as_one_at_a_time()
    {
        var page = Fixture("council-page.html");
        var expected = Clean(page).Text;

        var texts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Clean(page).Text, TestContext.Current.CancellationToken)));

        Assert.All(texts, t => Assert.Equal(expected, t));
    }

    [Theory]
    [InlineData("Bridge to reopen in autumn, mayor says | Riverside Courier", "Riverside Courier", "Bridge to reopen in autumn, mayor says")]
    [InlineData("Riverside Courier - Bridge to reopen in autumn, mayor says", "Riverside Courier", "Bridge to reopen in autumn, mayor says")]
    [InlineData("Opinion | The bridge deserved better than this", null, "The bridge deserved better than this")]
    [InlineData("Bridge repairs: what happens next", null, "Bridge repairs: what happens next")]
    public void Site_names_and_section_labels_are_trimmed_from_titles(string title, string? site, string expected)
    {
        Assert.Equal(expected, Summarizer.Core.Cleaning.HtmlExtractor.TrimSiteName(title, site));
    }
}
