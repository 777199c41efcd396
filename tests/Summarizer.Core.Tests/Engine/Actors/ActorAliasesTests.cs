using Summarizer.Core.Engine.Extraction;

namespace Summarizer.Core.Tests.Engine.Actors;

/// <summary>Unknown names resolved once the whole text is read, and bodies named two ways merged.</summary>
public sealed class ActorAliasesTests
{
    [Fact]
    public void A_speaker_and_a_later_surname_are_one_person()
    {
        var book = ActorPasses.ReadAndResolve("The shipping firm will appeal the fine, said Omar Haddad. Haddad added that the ruling ignored the safety record.");

        var haddad = Assert.Single(ActorPasses.Records(book));
        Assert.Equal("Omar Haddad", haddad.Name);
        Assert.Equal("person", haddad.Kind);
        Assert.Contains("Haddad", haddad.Aliases);
        Assert.Equal(2, haddad.Mentions);
    }

    [Fact]
    public void A_two_word_name_with_no_sign_of_a_person_stays_unresolved()
    {
        var book = ActorPasses.ReadAndResolve("Teresa Lobo opened the new library in the old market hall on Saturday.");

        Assert.Empty(book.Actors);
    }

    [Fact]
    public void An_acronym_that_spells_a_named_body_is_that_body()
    {
        var book = ActorPasses.ReadAndResolve("The Kessel Valley Water Board raised its prices. KVWB blamed the long drought.");

        var board = Assert.Single(ActorPasses.Records(book));
        Assert.Equal("Kessel Valley Water Board", board.Name);
        Assert.Contains("KVWB", board.Aliases);
        Assert.Equal(2, board.Mentions);
    }

    [Fact]
    public void A_word_the_text_puts_after_in_or_from_is_a_place_not_an_actor()
    {
        var book = ActorPasses.ReadAndResolve("Ferries from Valdora were delayed again on Monday. Crews in Valdora waited for the storm to pass.");

        Assert.DoesNotContain(book.Actors.Keys, k => k == "Valdora");
    }

    [Fact]
    public void A_capitalised_word_the_story_keeps_using_mid_sentence_is_a_body()
    {
        var book = ActorPasses.ReadAndResolve("Supporters queued all night for tickets to see Rovers. The manager said Rovers would field a young side.");

        var rovers = Assert.Single(ActorPasses.Records(book));
        Assert.Equal("Rovers", rovers.Name);
        Assert.Equal("organization", rovers.Kind);
    }

    [Fact]
    public void A_body_and_a_longer_name_ending_in_it_are_merged()
    {
        var book = ActorPasses.ReadAndResolve("The Marlow Harbour Board approved the dredging plan. The Harbour Board will pay for it from reserves.");
        Assert.Equal(2, ActorPasses.Records(book).Count);

        new ActorAliases(book).MergeBodies();

        var board = Assert.Single(ActorPasses.Records(book));
        Assert.Equal("Marlow Harbour Board", board.Name);
        Assert.Contains("Harbour Board", board.Aliases);
        Assert.Equal(2, board.Mentions);
        Assert.All(book.Mentions, m => Assert.Same(board, m.Actor));
    }

    [Fact]
    public void Singular_and_plural_spellings_of_a_body_are_merged()
    {
        var book = ActorPasses.ReadAndResolve("The Tarn Public Utility Board cut water pressure. The Tarn Public Utilities Board said repairs would take a week.");

        new ActorAliases(book).MergeBodies();

        Assert.Single(ActorPasses.Records(book));
    }
}
