using System.Diagnostics;
using System.Text;
using Summarizer.Core.Cleaning;
using static Summarizer.Core.Tests.CleaningTestSupport;

namespace Summarizer.Core.Tests;

public sealed class CleaningRejectionTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \n\t  \r\n ")]
    [InlineData("\uFEFF")]
    public void An_empty_or_whitespace_only_upload_is_rejected(string text)
    {
        var error = Assert.Throws<ArticleRejectedException>(() => Clean(Encoding.UTF8.GetBytes(text)));

        Assert.Matches("empty|whitespace", error.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52 }, "PNG image")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00 }, "ZIP archive or an Office document")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46 }, "JPEG image")]
    public void A_known_binary_file_is_rejected_saying_what_it_looks_like(byte[] bytes, string looksLike)
    {
        var error = Assert.Throws<ArticleRejectedException>(() => Clean(bytes));

        Assert.Contains(looksLike, error.Message, StringComparison.Ordinal);
        Assert.Contains("Upload the article's text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_with_nul_characters_are_rejected_as_binary()
    {
        byte[] bytes = [.. "The council voted"u8, 0x00, 0x01, 0x02, 0x00, .. " on Tuesday."u8];

        var error = Assert.Throws<ArticleRejectedException>(() => Clean(bytes));

        Assert.Contains("binary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_full_of_control_characters_is_rejected_as_binary()
    {
        var bytes = Enumerable.Range(0, 400).Select(i => (byte)(i % 3 == 0 ? 0x01 + (i % 20) : 0x41 + (i % 26))).ToArray();

        var error = Assert.Throws<ArticleRejectedException>(() => Clean(bytes));

        Assert.Contains("control characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_valid_in_their_declared_encoding_are_rejected_as_undecodable()
    {
        // A UTF-8 byte-order mark followed by byte sequences that are not UTF-8.
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Enumerable.Repeat<byte[]>([0xC3, 0x28, 0xFF, 0x41, 0xE2, 0x28, 0xA1], 30).SelectMany(b => b)];

        var error = Assert.Throws<ArticleRejectedException>(() => Clean(bytes));

        Assert.Contains("cannot be read as utf-8", error.Message, StringComparison.Ordinal);
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_of_only_furniture_is_rejected_with_a_clear_message()
    {
        var error = Assert.Throws<ArticleRejectedException>(() => Clean("Advertisement\n\nShare this\n\n×\n\nRead more"));

        Assert.Contains("No article text", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Thanks for reading.")]
    [InlineData("Please enable cookies.")]
    [InlineData("Page not found.")]
    [InlineData("Sorry, this page does not exist.")]
    [InlineData("感谢您的阅读。")]
    public void A_page_with_only_a_short_notice_is_rejected_as_having_no_article_text(string notice)
    {
        var asText = Assert.Throws<ArticleRejectedException>(() => Clean(notice));
        var asPage = Assert.Throws<ArticleRejectedException>(() =>
            Clean($"<!doctype html><html><head><title>Harbour Courier</title></head><body><p>{notice}</p></body></html>", "text/html"));

        Assert.Contains("No article text was found in the upload", asText.Message, StringComparison.Ordinal);
        Assert.Contains("No article text was found in the upload", asPage.Message, StringComparison.Ordinal);
        Assert.Contains("Upload the article's text or the full web page", asPage.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_two_sentence_news_brief_is_short_but_still_an_article()
    {
        const string brief = "Police closed the harbour bridge on Tuesday after a crack was found in one of its piers. Repairs will take a week.";

        var asText = Clean(brief);
        var asPage = Clean($"<!doctype html><html><head><title>Harbour bridge closed</title></head><body><p>{brief}</p></body></html>", "text/html");

        Assert.Equal(brief, asText.Text);
        Assert.Equal(brief, asPage.Text);
    }

    [Fact]
    public void A_short_chinese_news_brief_is_still_an_article()
    {
        const string brief = "警方周二在一座桥墩发现裂缝后关闭了港口大桥。维修工作将持续一周。";

        Assert.Equal(brief, Clean(brief).Text);
    }

    [Fact]
    public void Html_nested_ten_thousand_levels_deep_gives_a_result_or_a_clear_rejection()
    {
        var html = "<!DOCTYPE html><html><body>" + string.Concat(Enumerable.Repeat("<div>", 10_000))
            + "<p>The council voted on Tuesday to repair the old swing bridge after two years of argument.</p>"
            + string.Concat(Enumerable.Repeat("</div>", 10_000)) + "</body></html>";

        var outcome = CleanOrRejection(html);

        Assert.True(outcome.Article is null || outcome.Article.Text.Contains("swing bridge", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_with_thousands_of_unclosed_tags_gives_a_result_or_a_clear_rejection()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div><span><b><i><table><tr><td>", 2_000))
            + "<p>The council voted on Tuesday to repair the old swing bridge after two years of argument.";

        var watch = Stopwatch.StartNew();
        var outcome = CleanOrRejection(html);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30));
        Assert.True(outcome.Article is null || outcome.Article.Text.Contains("swing bridge", StringComparison.Ordinal));
    }

    private static (Documents.CleanedArticle? Article, string? Rejection) CleanOrRejection(string html)
    {
        try
        {
            return (Clean(html, "text/html"), null);
        }
        catch (ArticleRejectedException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
            return (null, e.Message);
        }
    }
}
