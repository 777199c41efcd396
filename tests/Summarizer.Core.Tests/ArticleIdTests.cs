using Summarizer.Core.Documents;

namespace Summarizer.Core.Tests;

public sealed class ArticleIdTests
{
    [Theory]
    [InlineData("000_3facca137411f480.txt", "000_3facca137411f480")]
    [InlineData("Story 12.html", "story-12")]
    [InlineData("2026/11/budget-vote.md", "2026-11-budget-vote")]
    [InlineData("no-extension", "no-extension")]
    [InlineData("report.v2.txt", "report.v2")]
    public void An_id_is_the_upload_name_without_extension_made_safe_for_urls(string blobName, string expected) =>
        Assert.Equal(expected, ArticleId.FromBlobName(blobName));

    [Fact]
    public void Very_long_names_are_cut_to_the_maximum_length() =>
        Assert.Equal(ArticleId.MaxLength, ArticleId.FromBlobName(new string('a', 500) + ".txt").Length);
}

public sealed class SummarizeMessageTests
{
    [Fact]
    public void A_message_survives_the_queue_round_trip()
    {
        var message = new SummarizeMessage("story", "abc123");

        Assert.Equal(message, SummarizeMessage.Parse(message.ToJson()));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"id\":\"story\"}")]
    public void A_message_that_is_not_a_summarize_message_is_refused_clearly(string json)
    {
        var error = Assert.Throws<FormatException>(() => SummarizeMessage.Parse(json));

        Assert.Contains("queue message", error.Message, StringComparison.Ordinal);
    }
}
