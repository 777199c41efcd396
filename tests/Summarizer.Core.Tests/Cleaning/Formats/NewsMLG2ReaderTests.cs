using System.Text;
using Summarizer.Core.Cleaning;
using Summarizer.Core.Cleaning.Formats;
using Summarizer.Core.Documents;
using static Summarizer.Core.Tests.Cleaning.Formats.WireFixtures;

namespace Summarizer.Core.Tests.Cleaning.Formats;

/// <summary>IPTC NewsML-G2 news items and messages become cleaned articles; hostile XML is refused unread.</summary>
public sealed class NewsMLG2ReaderTests
{
    [Fact]
    public void A_news_item_with_an_xhtml_body_keeps_its_paragraphs_metadata_and_identity()
    {
        var article = CleaningTestSupport.Clean(Utf8(NewsItem()), "application/xml", "ferry.xml");

        Assert.Equal("newsml-g2", article.Format);
        Assert.Equal(Headline, article.Title);
        Assert.Equal(Byline, article.Byline);
        Assert.Equal("PORT ELDMOOR, Nov 26", article.Dateline);
        Assert.Equal("en-GB", article.Language);
        Assert.Equal("utf-8", article.Encoding);
        Assert.Equal(Paragraphs, article.Paragraphs);
        Assert.Equal(string.Join("\n\n", Paragraphs), article.Text);
        Assert.Equal(new WireInfo(StoryId, 2, WireInfo.Usable, 4), article.Wire);
    }

    [Theory]
    [InlineData("stat:withdrawn", WireInfo.Withdrawn)]
    [InlineData("stat:withheld", WireInfo.Withdrawn)]
    [InlineData("stat:canceled", WireInfo.Canceled)]
    public void A_withdrawn_or_canceled_item_is_a_kill(string qcode, string expected)
    {
        string[] notice =
        [
            "Editors: the story on the harbour ferry repairs has been withdrawn and must not be used.",
            "The council has said the vote will be held again next week; a new story will follow.",
        ];

        var article = CleaningTestSupport.Clean(Utf8(NewsItem(qcode, version: 3, paragraphs: notice)));

        Assert.Equal(new WireInfo(StoryId, 3, expected, 4), article.Wire);
        Assert.True(article.Wire!.IsKill);
        Assert.Equal(notice, article.Paragraphs);
    }

    [Fact]
    public void A_status_given_by_its_scheme_uri_is_read_too()
    {
        var item = NewsItem().Replace("<pubStatus qcode=\"stat:usable\"/>", "<pubStatus uri=\"http://cv.iptc.org/newscodes/pubstatusg2/canceled\"/>", StringComparison.Ordinal);

        Assert.Equal(WireInfo.Canceled, CleaningTestSupport.Clean(Utf8(item)).Wire!.PubStatus);
    }

    [Fact]
    public void A_news_message_yields_its_text_item_with_the_nitf_body_and_not_the_repeated_head()
    {
        var article = CleaningTestSupport.Clean(Utf8(NewsMessage()));

        Assert.Equal("newsml-g2", article.Format);
        Assert.Equal(Headline, article.Title);
        Assert.Equal(Byline, article.Byline);
        Assert.Equal("PORT ELDMOOR, Nov 26", article.Dateline);
        Assert.Equal("en", article.Language);
        Assert.Equal(Paragraphs, article.Paragraphs);
        Assert.Equal(new WireInfo(StoryId, 5, WireInfo.Usable, 2), article.Wire);
    }

    [Fact]
    public void An_item_with_a_plain_text_inline_data_body_is_cleaned_like_text()
    {
        var item = NewsItem();
        var start = item.IndexOf("<inlineXML", StringComparison.Ordinal);
        var end = item.IndexOf("</inlineXML>", StringComparison.Ordinal) + "</inlineXML>".Length;
        item = item[..start] + $"<inlineData contenttype=\"text/plain\">{string.Join("\n\n", Paragraphs)}</inlineData>" + item[end..];

        var article = CleaningTestSupport.Clean(Utf8(item));

        Assert.Equal(Paragraphs, article.Paragraphs);
        Assert.Equal(Headline, article.Title);
    }

    [Fact]
    public void An_entity_bomb_fails_with_a_reason_and_is_never_expanded()
    {
        var bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE newsItem [\n<!ENTITY lol \"lol\">\n");
        for (var i = 1; i < 10; i++)
        {
            bomb.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10)).Replace("&lol0;", "&lol;", StringComparison.Ordinal)}\">\n");
        }
        bomb.Append($"]>\n<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"{StoryId}\" version=\"1\"><contentMeta><headline>&lol9;</headline></contentMeta></newsItem>");

        var rejected = Assert.Throws<ArticleRejectedException>(() => CleaningTestSupport.Clean(Utf8(bomb.ToString())));

        Assert.Contains("declares a DTD", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_external_entity_pointing_at_a_local_file_fails_and_the_file_is_never_read()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"wire-secret-{Environment.ProcessId}-{System.Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "TOP-SECRET-CONTENT the harbour council's private notes on the ferry payment dispute.");
        try
        {
            var item = NewsItem().Replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE newsItem [ <!ENTITY notes SYSTEM \"{new Uri(secret).AbsoluteUri}\"> ]>", StringComparison.Ordinal)
                .Replace(Paragraphs[1], "&notes;", StringComparison.Ordinal);

            var rejected = Assert.Throws<ArticleRejectedException>(() => CleaningTestSupport.Clean(Utf8(item)));

            Assert.Contains("declares a DTD", rejected.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("TOP-SECRET", rejected.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void A_truncated_item_fails_with_a_reason()
    {
        var whole = NewsItem();
        var cut = whole[..(whole.Length / 2)];

        var rejected = Assert.Throws<ArticleRejectedException>(() => CleaningTestSupport.Clean(Utf8(cut), null, "ferry.xml"));

        Assert.Contains("not well-formed XML", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deeply_nested_body_fails_with_a_reason()
    {
        var depth = 50_000;
        var nested = string.Concat(Enumerable.Repeat("<div>", depth)) + Paragraphs[0] + string.Concat(Enumerable.Repeat("</div>", depth));
        var item = NewsItem().Replace(Html(Paragraphs), nested, StringComparison.Ordinal);

        var rejected = Assert.Throws<ArticleRejectedException>(() => CleaningTestSupport.Clean(Utf8(item)));

        Assert.Contains("nested more than 64 elements", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_item_without_a_guid_fails_with_a_reason()
    {
        var item = NewsItem().Replace($"guid=\"{StoryId}\"", "", StringComparison.Ordinal);

        var rejected = Assert.Throws<ArticleRejectedException>(() => CleaningTestSupport.Clean(Utf8(item)));

        Assert.Contains("no guid", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_item_whose_body_is_only_remote_content_fails_with_a_reason()
    {
        var item = NewsItem();
        var start = item.IndexOf("<inlineXML", StringComparison.Ordinal);
        var end = item.IndexOf("</inlineXML>", StringComparison.Ordinal) + "</inlineXML>".Length;
        item = item[..start] + "<remoteContent href=\"https://eldmoor-wire.example/ferry.txt\" contenttype=\"text/plain\"/>" + item[end..];

        var rejected = Assert.Throws<ArticleRejectedException>(() => CleaningTestSupport.Clean(Utf8(item)));

        Assert.Contains("remote content is not fetched", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kill_without_a_body_still_says_who_it_kills()
    {
        var item = NewsItem("stat:canceled", version: 4);
        var start = item.IndexOf("<contentSet>", StringComparison.Ordinal);
        var end = item.IndexOf("</contentSet>", StringComparison.Ordinal) + "</contentSet>".Length;

        var source = NewsMLG2Reader.Read(Utf8(item[..start] + item[end..]));

        Assert.Equal(new WireInfo(StoryId, 4, WireInfo.Canceled, 4), source.Wire);
        Assert.Empty(source.Paragraphs!);
    }
}
