using System.Text;
using static Summarizer.Core.Tests.CleaningTestSupport;

namespace Summarizer.Core.Tests;

public sealed class CleaningMetadataTests
{
    private static readonly string Story = string.Concat(Enumerable.Repeat(
        "<p>The harbour council voted on Tuesday to repair the old swing bridge, ending two years of argument over whether it should be replaced.</p>", 4));

    [Fact]
    public void Canonical_url_and_language_come_from_the_page()
    {
        var article = Clean("<!doctype html><html lang=\"en_gb\"><head><link rel=\"canonical\" href=\"https://news.example/harbour/bridge-repair\">"
            + "<title>Bridge repair agreed</title></head><body><article>" + Story + "</article></body></html>", "text/html");

        Assert.Equal("https://news.example/harbour/bridge-repair", article.CanonicalUrl);
        Assert.Equal("en-GB", article.Language);
    }

    [Fact]
    public void Json_ld_news_article_gives_headline_author_and_date()
    {
        var article = Clean("<!doctype html><html><head><script type=\"application/ld+json\">"
            + "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"Council backs bridge repair\","
            + "\"datePublished\":\"2031-03-14T09:30:00Z\",\"inLanguage\":\"de-DE\",\"author\":[{\"@type\":\"Person\",\"name\":\"Mara Ellison\"}]}"
            + "</script></head><body><div>" + Story + "</div></body></html>", "text/html");

        Assert.Equal("Council backs bridge repair", article.Title);
        Assert.Equal("Mara Ellison", article.Byline);
        Assert.StartsWith("2031-03-14", article.Dateline, StringComparison.Ordinal);
        Assert.Equal("de-DE", article.Language);
    }

    [Fact]
    public void Plain_text_has_no_canonical_url_or_language()
    {
        var article = Clean(Encoding.UTF8.GetBytes("The harbour council voted on Tuesday to repair the old swing bridge, ending two years of argument.\n\nWork starts in May."), "text/plain");

        Assert.Null(article.CanonicalUrl);
        Assert.Null(article.Language);
    }

    [Fact]
    public void Comment_threads_and_link_lists_around_the_story_are_removed_with_a_reason()
    {
        var html = "<html><body><div class=\"page\"><div class=\"post-content\">" + Story + "</div>"
            + "<div id=\"comments\" class=\"comments-area\">" + string.Concat(Enumerable.Repeat(
                "<div class=\"comment-body\"><p>I have lived by the harbour for thirty years and I think this repair is a waste of everybody's money, frankly.</p></div>", 4))
            + "</div><ul class=\"more-stories\"><li><a href=\"/a\">Ferry fares to rise in spring</a></li><li><a href=\"/b\">New lighthouse keeper named</a></li></ul></div></body></html>";

        var article = Clean(html, "text/html");

        Assert.Contains("old swing bridge", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("thirty years", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ferry fares", article.Text, StringComparison.Ordinal);
        Assert.Contains(article.Removed, r => r.Reason == "comments" && r.Text.Contains("thirty years", StringComparison.Ordinal));
    }
}
