using Summarizer.Core.Engine;
using static Summarizer.Core.Tests.CleaningTestSupport;

namespace Summarizer.Core.Tests;

/// <summary>Titles and headlines stay headline-sized whatever the script: a reader sees one line, not the whole article.</summary>
public sealed class CleaningTitleTests
{
    private const int MaxHeadline = 200;

    // Written for these tests: Chinese (no spaces between words) about a harbour council vote.
    private const string ChineseSentence = "港口市议会周二投票决定修复旧的平旋桥";
    private const string ChineseClause = "这项工程预计将耗资数百万元并持续两年时间，渡轮时刻表也将随之调整";

    private static string ChineseWithoutSentenceEnds() => string.Concat(Enumerable.Repeat(ChineseSentence + "，" + ChineseClause + "，", 31));

    private static string ChineseWithSentenceEnds() => string.Concat(Enumerable.Repeat(ChineseSentence + "，" + ChineseClause + "。", 24));

    // Thai is also written without spaces between words.
    private const string ThaiRun = "สภาเมืองท่าลงมติเมื่อวันอังคารให้ซ่อมสะพานเก่าซึ่งคาดว่าจะใช้เวลาสองปี";

    private static string Headline(Documents.CleanedArticle article) => new LocalSummaryEngine().Summarize(article).Headline;

    [Fact]
    public void A_long_chinese_article_without_sentence_ends_gets_a_headline_of_at_most_200_characters()
    {
        var text = ChineseWithoutSentenceEnds();
        Assert.True(text.Length > 1_500);

        var article = Clean(text);
        var headline = Headline(article);

        Assert.True(headline.Length <= MaxHeadline, $"headline has {headline.Length} characters");
        Assert.StartsWith(ChineseSentence, headline, StringComparison.Ordinal);
        Assert.EndsWith("…", headline, StringComparison.Ordinal);
        Assert.True(article.Title is null || article.Title.Length <= MaxHeadline);
        Assert.Equal(text, article.Text);
    }

    [Fact]
    public void A_long_chinese_article_is_headed_by_its_first_sentence()
    {
        var article = Clean(ChineseWithSentenceEnds());

        Assert.Equal(ChineseSentence + "，" + ChineseClause + "。", Headline(article));
    }

    [Fact]
    public void A_thai_article_gets_a_bounded_headline()
    {
        var text = string.Concat(Enumerable.Repeat(ThaiRun, 20));

        var headline = Headline(Clean(text));

        Assert.True(headline.Length <= MaxHeadline, $"headline has {headline.Length} characters");
        Assert.StartsWith(ThaiRun, headline, StringComparison.Ordinal);
    }

    [Fact]
    public void A_web_page_whose_heading_is_the_whole_chinese_story_keeps_the_story_and_a_bounded_title()
    {
        var story = ChineseWithSentenceEnds();
        var html = $"<!doctype html><html><head><meta charset=\"utf-8\"></head><body><article><h1>{story}</h1><p>{story}</p></article></body></html>";

        var article = Clean(html, "text/html");

        Assert.Equal(ChineseSentence + "，" + ChineseClause + "。", article.Title);
        Assert.Contains(ChineseSentence, article.Text, StringComparison.Ordinal);
        Assert.True(Headline(article).Length <= MaxHeadline);
    }

    [Fact]
    public void An_overlong_english_page_title_is_cut_at_a_word_boundary_with_an_ellipsis()
    {
        var title = string.Join(' ', Enumerable.Repeat("Harbour council weighs bridge repair and ferry timetable changes amid rising fuel costs", 5));
        var html = $"<!doctype html><html><head><meta property=\"og:title\" content=\"{title}\"></head><body><article>"
            + "<p>The harbour council voted on Tuesday to repair the old swing bridge, ending two years of argument over whether it should be replaced.</p>"
            + "<p>Councillors approved a budget of four million crowns, on the condition that the work is finished before the autumn ferry timetable begins.</p>"
            + "</article></body></html>";

        var article = Clean(html, "text/html");

        Assert.NotNull(article.Title);
        Assert.True(article.Title.Length <= MaxHeadline, $"title has {article.Title.Length} characters");
        Assert.EndsWith("…", article.Title, StringComparison.Ordinal);
        Assert.StartsWith(article.Title[..^1], title, StringComparison.Ordinal);
        Assert.Equal(' ', title[article.Title.Length - 1]);
    }

    [Fact]
    public void A_short_title_is_kept_exactly_as_written()
    {
        var article = Clean("Harbour Council Agrees Plan To Repair Old Swing Bridge\n\n"
            + "The harbour council voted on Tuesday to repair the old swing bridge, ending two years of argument.");

        Assert.Equal("Harbour Council Agrees Plan To Repair Old Swing Bridge", article.Title);
    }
}
