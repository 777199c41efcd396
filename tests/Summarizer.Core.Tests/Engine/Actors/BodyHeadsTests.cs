namespace Summarizer.Core.Tests.Engine.Actors;

/// <summary>Bodies named or referred to by a lower-case head word.</summary>
public sealed class BodyHeadsTests
{
    [Fact]
    public void A_proper_name_and_a_lower_case_head_are_one_body()
    {
        var (book, _) = ActorPasses.Read("The Kessling school board voted to close two primary schools.");

        var board = Assert.Single(ActorPasses.Records(book));
        Assert.Equal("Kessling school board", board.Name);
        Assert.True(board.LowerHead);
    }

    [Fact]
    public void A_bare_head_refers_to_the_one_body_with_that_head()
    {
        var (book, heads) = ActorPasses.Read("The Kessling school board voted to close two primary schools. The board said enrolment had fallen.");
        var board = Assert.Single(ActorPasses.Records(book));
        Assert.Equal(1, board.Mentions);

        heads.Resolve();

        Assert.Equal(2, board.Mentions);
        Assert.Equal(1.5, board.Weight);
        Assert.Contains("board", board.Aliases);
    }

    [Fact]
    public void A_head_used_alone_in_a_story_that_names_no_body_is_an_actor()
    {
        var (book, heads) = ActorPasses.Read("The council refused to fund the swimming pool. Parents said the council had broken its word.");
        Assert.Empty(book.Actors);

        heads.Resolve();

        var council = Assert.Single(ActorPasses.Records(book));
        Assert.Equal("council", council.Name);
        Assert.Equal(2, council.Mentions);
    }

    [Fact]
    public void A_head_used_alone_once_is_not_an_actor()
    {
        var (book, heads) = ActorPasses.Read("The council refused to fund the swimming pool on Monday.");

        heads.Resolve();

        Assert.Empty(book.Actors);
    }

    [Fact]
    public void An_acronym_set_off_after_a_head_is_a_defined_body()
    {
        var (book, heads) = ActorPasses.Read("The nurses' union, SNE, called a strike for Monday. The union wants a pay rise.");

        var union = book.Actors["SNE"];
        Assert.True(union.Defined);
        Assert.Equal("organization", union.Kind);

        heads.Resolve();

        Assert.Equal(2, union.Mentions);
    }
}
