namespace Summarizer.Core.Tests.Engine.Actors;

/// <summary>What one capitalised run names, before any cross-sentence resolution.</summary>
public sealed class ActorSpansTests
{
    [Fact]
    public void Two_names_joined_by_and_are_two_names()
    {
        var (book, _) = ActorPasses.Read("Rita Gomes and Hugo Brandt signed the lease for the bakery on Tuesday.");

        Assert.Equal(["Rita Gomes", "Hugo Brandt"], book.Unknown.Select(u => u.Text));
    }

    [Fact]
    public void A_state_whose_name_contains_and_is_one_actor()
    {
        var (book, _) = ActorPasses.Read("Trinidad and Tobago will host the regional swimming championships next year.");

        Assert.Equal("Trinidad and Tobago", Assert.Single(ActorPasses.Records(book)).Name);
    }

    [Fact]
    public void A_body_named_after_a_country_is_not_the_country()
    {
        var (book, _) = ActorPasses.Read("Sailing Portugal fined two crews after the regatta in the bay.");

        var body = Assert.Single(ActorPasses.Records(book));
        Assert.Equal("Sailing Portugal", body.Name);
        Assert.Equal("organization", body.Kind);
    }

    [Fact]
    public void A_name_the_gazetteer_does_not_know_waits_as_a_raw_name()
    {
        var (book, _) = ActorPasses.Read("Yesterday Teresa Lobo opened the new library in the old market hall.");

        Assert.Empty(book.Actors);
        var raw = Assert.Single(book.Unknown);
        Assert.Equal("Teresa Lobo", raw.Text);
    }

    [Fact]
    public void A_pronoun_inside_a_capitalised_run_splits_it()
    {
        var (book, _) = ActorPasses.Read("Come Home We Miss You was the slogan of the Harbour Trust campaign.");

        Assert.Contains(book.Unknown, u => u.Text == "Come Home");
        Assert.DoesNotContain(book.Unknown, u => u.Text.Contains("We", StringComparison.Ordinal));
    }

    [Fact]
    public void A_body_head_word_makes_the_run_an_organisation()
    {
        var (book, _) = ActorPasses.Read("The Kessel Valley Water Board raised its prices for farmers.");

        var board = Assert.Single(ActorPasses.Records(book));
        Assert.Equal("Kessel Valley Water Board", board.Name);
        Assert.Equal("organization", board.Kind);
        Assert.Empty(book.Unknown);
    }
}
