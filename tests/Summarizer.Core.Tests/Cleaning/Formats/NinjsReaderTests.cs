using System.Text;
using Summarizer.Core.Cleaning;
using Summarizer.Core.Cleaning.Formats;
using Summarizer.Core.Documents;
using static Summarizer.Core.Tests.Cleaning.Formats.WireFixtures;

namespace Summarizer.Core.Tests.Cleaning.Formats;

/// <summary>IPTC ninjs items (1.x and 2.x) become cleaned articles with their metadata and wire identity.</summary>
public sealed class NinjsReaderTests
{
    [Fact]
    public void A_ninjs_1_item_with_body_text_keeps_its_paragraphs_metadata_and_identity()
    {
        var article = CleaningTestSupport.Clean(Utf8(Ninjs1("body_text", string.Join("\n\n", Paragraphs))), "application/json", "ferry.json");

        Assert.Equal("ninjs", article.Format);
        Assert.Equal(Headline, article.Title);
        Assert.Equal(Byline, article.Byline);
        Assert.Equal(Located, article.Dateline);
        Assert.Equal("en-GB", article.Language);
        Assert.Equal(Paragraphs, article.Paragraphs);
        Assert.Equal(string.Join("\n\n", Paragraphs), article.Text);
        Assert.Equal(new WireInfo(StoryId, 1, WireInfo.Usable, 3), article.Wire);
        Assert.False(article.Wire!.IsKill);
    }

    [Fact]
    public void A_ninjs_1_item_with_body_html_is_cleaned_like_a_page()
    {
        var html = "<script>track('ferry')</script>\n" + Html(Paragraphs) + "<div class=\"advert\"><p>Book your island holiday on Skerry today with our partner.</p></div>";

        var article = CleaningTestSupport.Clean(Utf8(Ninjs1("body_html", html, version: "2")));

        Assert.Equal("ninjs", article.Format);
        Assert.Equal(Headline, article.Title);
        Assert.Equal(Byline, article.Byline);
        Assert.Equal(Located, article.Dateline);
        Assert.Equal(Paragraphs, article.Paragraphs);
        Assert.Contains(article.Removed, r => r.Reason == "advertisement" && r.Text.Contains("island holiday", StringComparison.Ordinal));
        Assert.Equal(new WireInfo(StoryId, 2, WireInfo.Usable, 3), article.Wire);
    }

    [Fact]
    public void A_ninjs_2_item_reads_the_main_headline_and_the_html_body_among_several()
    {
        var article = CleaningTestSupport.Clean(Utf8(Ninjs2(Paragraphs)), null, "ferry.txt");

        Assert.Equal("ninjs", article.Format);
        Assert.Equal(Headline, article.Title);
        Assert.Equal(Byline, article.Byline);
        Assert.Equal(Located, article.Dateline);
        Assert.Equal("en", article.Language);
        // The XHTML rendition marks the paragraphs the one-line text rendition runs together.
        Assert.Equal(Paragraphs, article.Paragraphs);
        Assert.Equal(new WireInfo(StoryId, 4, WireInfo.Usable, 5), article.Wire);
    }

    [Fact]
    public void A_ninjs_3_item_in_camel_case_is_read_the_same_way()
    {
        var item = $$"""
            {"uri": {{Json(StoryId)}}, "version": "7", "pubStatus": "canceled", "urgency": 1, "language": "en",
             "headlines": [{"value": {{Json(Headline)}}}], "by": {{Json(Byline)}},
             "bodies": [{"role": "main", "contentType": "text/plain", "value": {{Json(string.Join("\n\n", Paragraphs))}}}]}
            """;

        var article = CleaningTestSupport.Clean(Utf8(item));

        Assert.Equal(Headline, article.Title);
        Assert.Equal(Paragraphs, article.Paragraphs);
        Assert.Equal(new WireInfo(StoryId, 7, WireInfo.Canceled, 1), article.Wire);
        Assert.True(article.Wire!.IsKill);
    }

    [Theory]
    [InlineData("usable", WireInfo.Usable, false)]
    [InlineData("withheld", WireInfo.Withdrawn, true)]
    [InlineData("canceled", WireInfo.Canceled, true)]
    public void The_publishing_status_says_whether_the_item_kills_the_story(string pubstatus, string expected, bool kill)
    {
        var article = CleaningTestSupport.Clean(Utf8(Ninjs1("body_text", string.Join("\n\n", Paragraphs), pubstatus)));

        Assert.Equal(expected, article.Wire!.PubStatus);
        Assert.Equal(kill, article.Wire.IsKill);
    }

    [Fact]
    public void A_version_that_is_not_a_number_leaves_the_version_unknown()
    {
        var article = CleaningTestSupport.Clean(Utf8(Ninjs1("body_text", string.Join("\n\n", Paragraphs), version: "draft-b")));

        Assert.Null(article.Wire!.Version);
        Assert.Equal(StoryId, article.Wire.Guid);
    }

    [Fact]
    public void An_item_without_a_uri_fails_with_a_reason()
    {
        var item = $$"""{"guid": "harbour-ferry", "headline": {{Json(Headline)}}, "body_text": {{Json(Paragraphs[0])}}}""";

        var rejected = Assert.Throws<ArticleRejectedException>(() => CleaningTestSupport.Clean(Utf8(item)));

        Assert.Contains("no \"uri\"", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_publishing_status_fails_with_a_reason()
    {
        var rejected = Assert.Throws<ArticleRejectedException>(() =>
            CleaningTestSupport.Clean(Utf8(Ninjs1("body_text", Paragraphs[0], pubstatus: "maybe-later"))));

        Assert.Contains("pubstatus \"maybe-later\"", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_item_fails_with_a_reason()
    {
        var whole = Ninjs1("body_text", string.Join("\n\n", Paragraphs));
        var cut = whole[..(whole.Length * 2 / 3)];

        var rejected = Assert.Throws<ArticleRejectedException>(() => CleaningTestSupport.Clean(Utf8(cut), "application/json", "ferry.json"));

        Assert.Contains("not valid JSON", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deeply_nested_item_fails_with_a_reason_and_is_not_parsed()
    {
        var depth = 100_000;
        var item = new StringBuilder($$"""{"uri": {{Json(StoryId)}}, "headline": {{Json(Headline)}}, "extra": """);
        item.Append('[', depth).Append(']', depth).Append(", \"body_text\": ").Append(Json(Paragraphs[0])).Append('}');

        var rejected = Assert.Throws<ArticleRejectedException>(() => CleaningTestSupport.Clean(Utf8(item.ToString())));

        Assert.Contains("nested more than 64 levels", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_item_nested_within_the_limit_is_read()
    {
        var item = $$"""{"uri": {{Json(StoryId)}}, "headline": {{Json(Headline)}}, "extra": {{new string('[', 60)}}{{new string(']', 60)}}, "body_text": {{Json(string.Join("\n\n", Paragraphs))}}}""";

        Assert.Equal(Paragraphs, CleaningTestSupport.Clean(Utf8(item)).Paragraphs);
    }

    [Fact]
    public void An_item_with_no_text_body_fails_with_a_reason()
    {
        var photo = $$"""{"uri": {{Json(StoryId)}}, "type": "picture", "headline": {{Json(Headline)}}, "renditions": {"original": {"href": "https://eldmoor-wire.example/ferry.jpg"} } }""";

        var rejected = Assert.Throws<ArticleRejectedException>(() => CleaningTestSupport.Clean(Utf8(photo)));

        Assert.Contains("no text body", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_written_as_a_number_is_read_too()
    {
        var item = Ninjs1("body_text", string.Join("\n\n", Paragraphs)).Replace("\"version\": \"1\"", "\"version\": 6", StringComparison.Ordinal);

        Assert.Equal(6, CleaningTestSupport.Clean(Utf8(item)).Wire!.Version);
    }

    [Fact]
    public void A_kill_without_a_body_still_says_who_it_kills()
    {
        var kill = $$"""{"uri": {{Json(StoryId)}}, "version": "3", "pubstatus": "canceled", "headline": {{Json(Headline)}}}""";

        var source = NinjsReader.Read(Utf8(kill));

        Assert.Equal(new WireInfo(StoryId, 3, WireInfo.Canceled, null), source.Wire);
        Assert.Equal("", source.PlainText);
    }

    [Fact]
    public void A_kill_without_a_body_is_cleaned_to_an_empty_article_that_carries_the_kill()
    {
        var kill = $$"""{"uri": {{Json(StoryId)}}, "version": "3", "pubstatus": "canceled", "headline": {{Json(Headline)}}}""";

        var article = CleaningTestSupport.Clean(Utf8(kill));

        Assert.True(article.Wire!.IsKill);
        Assert.Equal(Headline, article.Title);
        Assert.Empty(article.Paragraphs);
    }
}
