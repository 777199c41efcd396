using Summarizer.Core.Documents;
using Summarizer.Core.Engine;

namespace Summarizer.Core.Tests.Engine;

public sealed class LocalEngineTests
{
    private static SummaryDocument SummarizeSeed()
    {
        var article = TestArticles.Seed();
        var draft = new LocalSummaryEngine().Summarize(article);
        return Grounding.Compose(article, draft, LocalSummaryEngine.EngineName, TimeSpan.Zero, DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public void The_seed_article_yields_its_four_people()
    {
        var summary = SummarizeSeed();

        var people = summary.Actors.Where(a => a.Kind == ActorKind.Person).Select(a => a.Name).ToList();
        Assert.Contains("Vladimir Putin", people);
        Assert.Contains("Donald Trump", people);
        Assert.Contains("Sergei Lavrov", people);
        Assert.Contains("Keith Kellogg", people);
    }

    [Fact]
    public void The_seed_article_gives_roles_and_surname_aliases()
    {
        var summary = SummarizeSeed();

        var lavrov = Assert.Single(summary.Actors, a => a.Name == "Sergei Lavrov");
        Assert.Equal("Russian Foreign Minister", lavrov.Role);
        Assert.Contains("Lavrov", lavrov.Aliases);
        Assert.True(lavrov.Mentions >= 2);
    }

    [Fact]
    public void The_seed_article_treats_washington_and_the_us_as_one_state()
    {
        var summary = SummarizeSeed();

        var us = Assert.Single(summary.Actors, a => a.Name == "United States");
        Assert.Equal(ActorKind.State, us.Kind);
        Assert.Contains("Washington", us.Aliases);
        Assert.Contains("U.S.", us.Aliases);
        Assert.Contains(summary.Actors, a => a.Name == "Russia" && a.Aliases.Contains("Kremlin"));
    }

    [Fact]
    public void The_seed_article_proposes_slovakia_as_the_venue()
    {
        var summary = SummarizeSeed();

        var venue = Assert.Single(summary.Venues);
        Assert.Equal("Slovakia", venue.Name);
        Assert.Equal(VenueStatus.Proposed, venue.Status);
    }

    [Fact]
    public void The_seed_article_states_the_first_move_condition()
    {
        var summary = SummarizeSeed();

        var condition = Assert.Single(summary.Conditions, c => c.Evidence.Quote.Contains("the United States makes the first move", StringComparison.Ordinal));
        Assert.Equal("Russia", condition.Holder);
    }

    [Fact]
    public void The_seed_article_asks_whether_ukraine_accepts_the_location()
    {
        var summary = SummarizeSeed();

        var question = Assert.Single(summary.OpenQuestions, q => q.Evidence.Quote.Contains("whether Ukraine would agree to this location", StringComparison.Ordinal));
        Assert.EndsWith("?", question.Question, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_furniture_produces_no_items_and_stays_out_of_the_abstract()
    {
        var summary = SummarizeSeed();

        Assert.DoesNotContain(summary.Actors, a => a.Name.Contains("Advertisement", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(summary.OpenQuestions, q => q.Evidence.Quote.Contains("Will Trump end the war", StringComparison.Ordinal));
        Assert.DoesNotContain("Advertisements", summary.Abstract, StringComparison.Ordinal);
        Assert.StartsWith("Russia has expressed", summary.Abstract, StringComparison.Ordinal);
        Assert.Equal("Putin Ready To Negotiate With Only Trump", summary.Headline);
    }

    [Fact]
    public void Every_quote_is_verbatim_and_short_and_nothing_is_dropped()
    {
        var article = TestArticles.Seed();
        var summary = SummarizeSeed();

        var evidence = summary.Actors.Select(a => a.Evidence)
            .Concat(summary.Conditions.Select(c => c.Evidence))
            .Concat(summary.Venues.Select(v => v.Evidence))
            .Concat(summary.OpenQuestions.Select(q => q.Evidence));
        foreach (var e in evidence)
        {
            Assert.Equal(e.Quote, article.Text[e.Start..e.End]);
            Assert.True(e.Quote.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 55, e.Quote);
        }
        Assert.Equal(0, summary.Generator.DroppedUngrounded);
    }

    [Fact]
    public void The_cleaners_title_is_the_headline()
    {
        var summary = TestArticles.Summarize("The council met on Monday and approved the budget after a long debate.", title: "Council approves budget");

        Assert.Equal("Council approves budget", summary.Headline);
    }

    [Fact]
    public void The_same_article_gives_the_same_summary()
    {
        var article = TestArticles.Seed();
        var engine = new LocalSummaryEngine();

        var first = DocumentJsonOf(engine.Summarize(article));
        var second = DocumentJsonOf(engine.Summarize(article));

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task The_async_entry_point_matches_the_synchronous_one()
    {
        var article = TestArticles.Seed();
        var engine = new LocalSummaryEngine();

        var draft = await engine.SummarizeAsync(article, TestContext.Current.CancellationToken);

        Assert.Equal(DocumentJsonOf(engine.Summarize(article)), DocumentJsonOf(draft));
        Assert.Equal("local", engine.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Advertisements\n\nShare this\n\nSubscribe")]
    [InlineData("?!...")]
    public void Empty_or_furniture_only_text_yields_an_empty_summary(string text)
    {
        var summary = TestArticles.Summarize(text);

        Assert.Empty(summary.Actors);
        Assert.Empty(summary.Conditions);
        Assert.Empty(summary.Venues);
        Assert.Empty(summary.OpenQuestions);
        Assert.NotNull(summary.Headline);
    }

    private static string DocumentJsonOf(SummaryDraft draft) => System.Text.Json.JsonSerializer.Serialize(draft, DocumentJson.Options);
}
