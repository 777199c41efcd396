using Summarizer.Core.Engine.Extraction;
using Summarizer.Core.Engine.Lexicon;
using Summarizer.Core.Engine.Text;

namespace Summarizer.Core.Tests.Engine.Actors;

/// <summary>How the shared book records people, bodies, states and unknown names.</summary>
public sealed class ActorBookTests
{
    [Fact]
    public void A_full_name_absorbs_a_surname_recorded_before_it()
    {
        var book = new ActorBook(TextModel.Build("Varga spoke first at the shareholder meeting. Then Lena Varga left the hall."));
        var (first, second) = (book.Model.Sentences[0], book.Model.Sentences[1]);

        var (from, to) = ActorPasses.Span(first, "Varga");
        book.AddPerson(first, from, to, role: null);
        (from, to) = ActorPasses.Span(second, "Lena Varga");
        book.AddPerson(second, from, to, role: null);

        var varga = Assert.Single(ActorPasses.Records(book));
        Assert.Equal("Lena Varga", varga.Name);
        Assert.Contains("Varga", varga.Aliases);
        Assert.Equal(2, varga.Mentions);
    }

    [Fact]
    public void A_surname_after_the_full_name_joins_it()
    {
        var book = new ActorBook(TextModel.Build("Coach Pedro Alves named his squad on Friday. Alves left out two strikers."));
        var (first, second) = (book.Model.Sentences[0], book.Model.Sentences[1]);

        var (from, to) = ActorPasses.Span(first, "Pedro Alves");
        book.AddPerson(first, from, to, role: "Coach");
        (from, to) = ActorPasses.Span(second, "Alves");
        book.AddPerson(second, from, to, role: null);

        var alves = Assert.Single(ActorPasses.Records(book));
        Assert.Equal("Pedro Alves", alves.Name);
        Assert.Equal("Coach", alves.Role);
        Assert.Same(alves, book.Actors["Alves"]);
        Assert.Equal(2, alves.Mentions);
    }

    [Fact]
    public void An_acronym_in_brackets_after_a_body_is_a_second_key_for_it()
    {
        var book = new ActorBook(TextModel.Build("The Marlow Rowing Club (MRC) opened a new boathouse on Saturday."));
        var sentence = book.Model.Sentences[0];

        var (from, to) = ActorPasses.Span(sentence, "Marlow Rowing Club");
        book.AddOrganization(sentence, from, to, "organization");

        var club = book.Actors["Marlow Rowing Club"];
        Assert.Same(club, book.Actors["MRC"]);
        Assert.True(club.Defined);
        Assert.True(club.Headed);
        Assert.Contains("MRC", club.Aliases);
    }

    [Fact]
    public void A_country_after_a_comma_only_qualifies_a_city_and_does_not_count()
    {
        var book = new ActorBook(TextModel.Build("The ferries leave Porto, Portugal twice a day. Portugal wants more routes to the islands."));
        var gazetteer = Gazetteer.Instance;
        foreach (var sentence in book.Model.Sentences)
        {
            var (from, _) = ActorPasses.Span(sentence, "Portugal");
            var entry = gazetteer.MatchAt(book.Text, sentence.Tokens, from, out var end)!;
            book.AddGazetteerMention(sentence, entry, from, end);
        }

        var portugal = Assert.Single(ActorPasses.Records(book));
        Assert.Equal("state", portugal.Kind);
        Assert.Equal(2, portugal.Mentions);
        Assert.Equal(1, portugal.Strong);
        Assert.Equal(1.0, portugal.Weight);
        Assert.Equal(0, portugal.FirstSentence);
    }

    [Fact]
    public void An_unknown_name_keeps_the_title_set_off_after_it_and_whether_it_speaks()
    {
        var book = new ActorBook(TextModel.Build("Nadia Ferreira, a senior negotiator for the dockers, said the offer was too low."));
        var sentence = book.Model.Sentences[0];

        var (from, to) = ActorPasses.Span(sentence, "Nadia Ferreira");
        book.AddUnknown(sentence, from, to);

        var raw = Assert.Single(book.Unknown);
        Assert.Equal("Nadia Ferreira", raw.Text);
        Assert.Equal("senior negotiator for the dockers", raw.Role);
        Assert.True(raw.Speaks);
        Assert.Empty(book.Actors);
    }
}
