using Summarizer.Core.Documents;

namespace Summarizer.Core.Tests;

public sealed class ArticleIdTests
{
    [Theory]
    [InlineData("000_3facca137411f480.txt", "000_3facca137411f480")]
    [InlineData("no-extension", "no-extension")]
    [InlineData("report.v2.txt", "report.v2")]
    [InlineData("Budget-Vote.HTML", "budget-vote")]
    [InlineData("北京.txt", "北京")]
    [InlineData("café.txt", "café")]
    [InlineData("नमस्ते.txt", "नमस्ते")]
    public void An_id_is_the_upload_name_without_extension_in_lower_case_in_any_script(string blobName, string expected) =>
        Assert.Equal(expected, ArticleId.FromBlobName(blobName));

    [Theory]
    [InlineData("北京.txt", "上海.txt")]
    [InlineData("café.txt", "cafè.txt")]
    [InlineData("Story 12.html", "story-12.html")]
    [InlineData("2026/11/vote.md", "2026-11-vote.md")]
    [InlineData("a#b.txt", "a?b.txt")]
    [InlineData("📰.txt", "🗞.txt")]
    public void Different_names_get_different_ids(string one, string other) =>
        Assert.NotEqual(ArticleId.FromBlobName(one), ArticleId.FromBlobName(other));

    [Theory]
    [InlineData("story.html", "story.txt")]
    [InlineData("Story.txt", "story.txt")]
    [InlineData("cafe\u0301.txt", "caf\u00e9.txt")]
    public void Names_that_differ_only_in_extension_case_or_normal_form_are_versions_of_one_article(string one, string other) =>
        Assert.Equal(ArticleId.FromBlobName(one), ArticleId.FromBlobName(other));

    [Fact]
    public void A_name_with_replaced_characters_keeps_its_words_and_gains_a_short_hash()
    {
        var id = ArticleId.FromBlobName("Story 12.html");

        Assert.Matches("^story-12-[0-9a-f]{8}$", id);
        Assert.Equal(id, ArticleId.FromBlobName("Story 12.html"));
    }

    [Fact]
    public void Very_long_names_are_cut_to_the_maximum_length_and_stay_apart()
    {
        var one = ArticleId.FromBlobName(new string('a', 500) + "1.txt");
        var other = ArticleId.FromBlobName(new string('a', 500) + "2.txt");

        Assert.Equal(ArticleId.MaxLength, one.Length);
        Assert.NotEqual(one, other);
    }

    [Theory]
    [InlineData("story.txt")]
    [InlineData("Story 12.html")]
    [InlineData("北京.txt")]
    [InlineData("📰 news.txt")]
    [InlineData(".hidden")]
    public void Every_id_made_from_a_name_is_valid(string name) =>
        Assert.True(ArticleId.IsValid(ArticleId.FromBlobName(name)));

    [Theory]
    [InlineData("")]
    [InlineData("drafts\\x")]
    [InlineData("../cleaned/x")]
    [InlineData("a/b")]
    [InlineData("Upper")]
    [InlineData("a b")]
    [InlineData(".hidden")]
    public void Ids_no_name_could_produce_are_not_valid(string id) =>
        Assert.False(ArticleId.IsValid(id));
}

public sealed class ArticleNameTests
{
    [Theory]
    [InlineData("story.txt")]
    [InlineData("Story 12 (final).html")]
    [InlineData("2026/11/vote.md")]
    [InlineData("北京.txt")]
    public void Ordinary_file_names_and_folders_are_accepted(string name) =>
        Assert.Null(ArticleName.Problem(name));

    [Theory]
    [InlineData("", "needs a file name")]
    [InlineData("   ", "needs a file name")]
    [InlineData("nul\u0000b.txt", "control character (U+0000)")]
    [InlineData("bell\u0007.txt", "control character (U+0007)")]
    [InlineData(@"..\cleaned\x.json", @"'\'")]
    [InlineData("../x.txt", "'..' folder")]
    [InlineData("a//b.txt", "empty")]
    [InlineData("/a.txt", "empty")]
    [InlineData("story.txt.", "ends with '.'")]
    public void Bad_names_are_refused_with_a_reason(string name, string reason)
    {
        var problem = ArticleName.Problem(name);

        Assert.NotNull(problem);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_with_a_lone_surrogate_is_refused() =>
        Assert.Contains("U+D800", ArticleName.Problem("lone" + (char)0xD800 + ".txt"), StringComparison.Ordinal);

    [Fact]
    public void Over_long_names_are_refused() =>
        Assert.Contains("the limit is 400", ArticleName.Problem(new string('a', 401)), StringComparison.Ordinal);
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
