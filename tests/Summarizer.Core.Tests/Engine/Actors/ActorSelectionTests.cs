using Summarizer.Core.Engine.Extraction;
using Summarizer.Core.Engine.Text;

namespace Summarizer.Core.Tests.Engine.Actors;

/// <summary>Which recorded actors a summary keeps, and in what order.</summary>
public sealed class ActorSelectionTests
{
    [Fact]
    public void At_most_fourteen_actors_are_kept_the_weightiest_first()
    {
        var book = new ActorBook(TextModel.Build("The regional chess league held its annual meeting in the town hall."));
        var sentence = book.Model.Sentences[0];
        for (var n = 1; n <= 20; n++)
        {
            var player = book.Get($"Player Number{n}", "person");
            for (var m = 0; m < n; m++)
            {
                book.Mention(player, sentence, sentence.Start, sentence.End, surface: null, weight: 1);
            }
        }

        var selected = ActorSelection.Select(book);

        Assert.Equal(14, selected.Count);
        Assert.Equal("Player Number20", selected[0].Name);
        Assert.Equal("Player Number7", selected[^1].Name);
    }

    [Fact]
    public void An_outlet_only_cited_as_a_source_is_not_kept()
    {
        var book = ActorPasses.ReadAndResolve("The ferry strike will last a week, Reuters reported. Union leader Marta Sousa told Reuters that talks had failed.");
        Assert.Contains(book.Actors.Keys, k => k == "Reuters");

        var selected = ActorSelection.Select(book);

        Assert.DoesNotContain(selected, a => a.Name == "Reuters");
        Assert.Contains(selected, a => a.Name == "Marta Sousa");
    }

    [Fact]
    public void A_name_only_used_before_an_event_noun_is_not_kept()
    {
        var book = ActorPasses.ReadAndResolve("Thousands watched the Valdora Shield final on Sunday. Police said the Valdora Shield final passed off calmly.");
        Assert.Contains(book.Actors.Keys, k => k == "Valdora Shield");

        var selected = ActorSelection.Select(book);

        Assert.DoesNotContain(selected, a => a.Name == "Valdora Shield");
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(4, false)]
    public void A_state_named_once_is_kept_only_in_the_lead(int sentence, bool kept)
    {
        var sentences = new List<string>
        {
            "The school board met on Monday.", "Parents asked for longer hours.", "Teachers asked for smaller classes.", "The budget was tight.", "Nobody mentioned the new bus routes.",
        };
        sentences[sentence] = sentences[sentence].TrimEnd('.') + " after Peru changed its exchange rules.";
        var book = ActorPasses.ReadAndResolve(string.Join(' ', sentences));
        var peru = book.Actors["Peru"];
        Assert.Equal(1, peru.Strong);
        Assert.Equal(sentence, peru.FirstSentence);

        Assert.Equal(kept, ActorSelection.Select(book).Contains(peru));
    }
}
