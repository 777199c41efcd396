using Summarizer.Core.Documents;
using Summarizer.Core.Engine;

namespace Summarizer.Core.Tests;

public sealed class GroundingTests
{
    private static readonly CleanedArticle Article = new()
    {
        Id = "a",
        Format = "text",
        Encoding = "utf-8",
        Text = "The mayor said the bridge will reopen only if repairs pass inspection.",
        Paragraphs = ["The mayor said the bridge will reopen only if repairs pass inspection."],
    };

    [Fact]
    public void Items_whose_quote_is_not_in_the_text_are_dropped_and_counted()
    {
        var draft = new SummaryDraft
        {
            Headline = "h",
            Abstract = "a",
            Model = "m",
            Conditions =
            [
                new Condition("mayor", "repairs pass inspection", new Evidence("only if repairs pass inspection", 0, 0)),
                new Condition("mayor", "invented", new Evidence("only if the moon is full", 0, 0)),
            ],
        };

        var summary = Grounding.Compose(Article, draft, "local", TimeSpan.Zero, DateTimeOffset.UnixEpoch);

        var kept = Assert.Single(summary.Conditions);
        Assert.Equal("only if repairs pass inspection", Article.Text[kept.Evidence.Start..kept.Evidence.End]);
        Assert.Equal(1, summary.Generator.DroppedUngrounded);
    }

    [Fact]
    public void Offsets_from_the_engine_are_recomputed_when_wrong()
    {
        var located = Grounding.Locate(Article.Text, new Evidence("the bridge", 3, 13));

        Assert.NotNull(located);
        Assert.Equal(15, located.Start);
        Assert.Equal("the bridge", Article.Text[located.Start..located.End]);
    }
}
