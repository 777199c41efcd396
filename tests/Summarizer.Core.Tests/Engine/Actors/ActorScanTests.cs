using Summarizer.Core.Engine.Extraction;
using Summarizer.Core.Engine.Text;

namespace Summarizer.Core.Tests.Engine.Actors;

/// <summary>The reading pass: which sentences are read and how they are cut into capitalised runs.</summary>
public sealed class ActorScanTests
{
    [Fact]
    public void A_shouted_dateline_is_measured_and_skipped()
    {
        const string Text = "DUNMOR, May 2 — The ferry operator Atlantica Lines cut its winter timetable.";

        Assert.Equal(1, ActorScan.DatelineLength(TextModel.Build(Text).Sentences[0].Tokens));

        var (book, _) = ActorPasses.Read(Text);
        Assert.DoesNotContain(book.Unknown, u => u.Text.Contains("DUNMOR", StringComparison.Ordinal));
        Assert.Contains(book.Unknown, u => u.Text == "Atlantica Lines");
    }

    [Fact]
    public void An_acronym_that_starts_a_sentence_is_not_a_dateline()
    {
        var tokens = TextModel.Build("UEFA fined the club for crowd trouble.").Sentences[0].Tokens;

        Assert.Equal(0, ActorScan.DatelineLength(tokens));
    }

    [Fact]
    public void A_byline_sentence_is_not_read()
    {
        var (book, _) = ActorPasses.Read("The school board met on Monday to discuss the budget for next year. Reporting by Carla Mendes; editing by Tiago Rocha.");

        Assert.Empty(book.Unknown);
        Assert.Empty(book.Actors);
    }

    [Fact]
    public void A_possessive_inside_a_body_name_keeps_the_name_whole()
    {
        var (book, _) = ActorPasses.Read("The Dockers' Union called a strike at the container port on Monday.");

        var union = Assert.Single(ActorPasses.Records(book));
        Assert.Equal("Dockers' Union", union.Name);
        Assert.True(union.Headed);
    }

    [Fact]
    public void A_connector_joins_capitalised_words_into_one_run()
    {
        var (book, _) = ActorPasses.Read("Shares in the Bank of Valdora fell sharply after the results.");

        Assert.Equal("Bank of Valdora", Assert.Single(ActorPasses.Records(book)).Name);
    }
}
