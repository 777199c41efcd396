using Summarizer.Core.Documents;
using Summarizer.Core.Tests.Engine;

namespace Summarizer.Core.Tests.Versions;

public sealed class SummaryChangesTests
{
    /// <summary>An invented story, first filed: the venue is only offered, the date is an open question.</summary>
    public const string FirstVersion =
        "Negotiators for the Lakeside port workers' union and the Harbour Authority will meet again next week. "
        + "Austria has offered to host the talks at the Hofburg conference centre in Vienna.\n\n"
        + "The union said it would return to the table only if the authority withdrew its notice of dismissals. "
        + "It is not yet clear when the talks will resume.";

    /// <summary>Its write-through: Vienna is confirmed as the venue, a mediator joins, the date is known.</summary>
    public const string SecondVersion =
        "Negotiators for the Lakeside port workers' union and the Harbour Authority will meet in Vienna on Monday, "
        + "officials confirmed. The talks will be held at the Hofburg conference centre in Vienna.\n\n"
        + "The union said it would return to the table only if the authority withdrew its notice of dismissals. "
        + "Mediator Anna Berger of the Federal Labour Office will chair the talks.";

    [Fact]
    public void The_local_engine_sees_the_write_through_confirm_the_venue_answer_the_question_and_add_the_mediator()
    {
        var first = TestArticles.Summarize(FirstVersion);
        var second = TestArticles.Summarize(SecondVersion);

        var changes = SummaryChanges.Between(first, 1, second);

        Assert.Equal(1, changes.PreviousVersion);
        var venue = Assert.Single(changes.VenuesChanged);
        Assert.Equal(("Hofburg conference centre", VenueStatus.Proposed, VenueStatus.Confirmed), (venue.Name, venue.From, venue.To));
        Assert.Equal(SecondVersion[venue.Evidence.Start..venue.Evidence.End], venue.Evidence.Quote);
        Assert.Equal(["When will the talks resume?"], changes.QuestionsAnswered.Select(q => q.Question));
        Assert.Contains("Anna Berger", changes.ActorsAdded.Select(a => a.Name));
        Assert.Contains("Austria", changes.ActorsRemoved.Select(a => a.Name));
        Assert.Empty(changes.ConditionsChanged);
        Assert.Empty(changes.ConditionsAdded);
        Assert.Null(first.Changes);
    }

    [Fact]
    public void A_venue_that_went_from_proposed_to_confirmed_is_a_changed_venue_with_the_new_evidence()
    {
        var previous = Summary(venues: [new Venue("Vienna", VenueStatus.Proposed, Quote("talks could be held in Vienna"))]);
        var current = Summary(venues: [new Venue("vienna", VenueStatus.Confirmed, Quote("talks will be held in Vienna"))]);

        var change = Assert.Single(SummaryChanges.Between(previous, 1, current).VenuesChanged);

        Assert.Equal((VenueStatus.Proposed, VenueStatus.Confirmed), (change.From, change.To));
        Assert.Equal("talks will be held in Vienna", change.Evidence.Quote);
    }

    [Fact]
    public void Actors_are_matched_by_name_or_alias_and_the_rest_are_added_or_removed()
    {
        var previous = Summary(actors: [Person("Maria Lopez", "Lopez"), Person("John Smith")]);
        var current = Summary(actors: [Person("Lopez"), Person("Anna Berger")]);
        var changes = SummaryChanges.Between(previous, 1, current);

        Assert.Equal(["Anna Berger"], changes.ActorsAdded.Select(a => a.Name));
        Assert.Equal(["John Smith"], changes.ActorsRemoved.Select(a => a.Name));
    }

    [Fact]
    public void A_reworded_condition_of_the_same_holder_is_changed_an_unrelated_one_added_and_the_old_one_removed()
    {
        var previous = Summary(conditions:
        [
            new Condition("the union", "return to talks only if the dismissals are withdrawn", Quote("a")),
            new Condition("the authority", "keep the port open during the talks", Quote("b")),
        ]);
        var current = Summary(conditions:
        [
            new Condition("The Union", "return to talks only if all the dismissals are withdrawn first", Quote("c")),
            new Condition("the authority", "pay back wages before any agreement", Quote("d")),
        ]);
        var changes = SummaryChanges.Between(previous, 2, current);

        var changed = Assert.Single(changes.ConditionsChanged);
        Assert.Equal("return to talks only if the dismissals are withdrawn", changed.Before);
        Assert.Equal("c", changed.Evidence.Quote);
        Assert.Equal("pay back wages before any agreement", Assert.Single(changes.ConditionsAdded).Text);
        Assert.Equal("keep the port open during the talks", Assert.Single(changes.ConditionsRemoved).Text);
    }

    [Fact]
    public void An_identical_condition_is_no_change()
    {
        var condition = new Condition("the union", "return to talks only if the dismissals are withdrawn", Quote("a"));

        Assert.True(SummaryChanges.Between(Summary(conditions: [condition]), 1, Summary(conditions: [condition with { Evidence = Quote("b") }])).IsEmpty);
    }

    [Fact]
    public void A_question_no_longer_asked_is_answered_and_a_rephrased_one_is_the_same_question()
    {
        var previous = Summary(questions:
        [
            new OpenQuestion("When will the talks resume?", Quote("not yet clear when the talks will resume")),
            new OpenQuestion("Who will mediate the talks?", Quote("no mediator has been named")),
        ]);
        var current = Summary(questions: [new OpenQuestion("When exactly will the talks resume?", Quote("the date of the talks")), new OpenQuestion("Will the port reopen?", Quote("x"))]);
        var changes = SummaryChanges.Between(previous, 1, current);

        Assert.Equal(["Who will mediate the talks?"], changes.QuestionsAnswered.Select(q => q.Question));
        Assert.Equal("no mediator has been named", changes.QuestionsAnswered[0].Evidence.Quote);
        Assert.Equal(["Will the port reopen?"], changes.QuestionsAdded.Select(q => q.Question));
    }

    private static Evidence Quote(string text) => new(text, 0, text.Length);

    private static Actor Person(string name, params string[] aliases) => new(name, ActorKind.Person, null, aliases, 1, Quote(name));

    private static SummaryDocument Summary(
        IReadOnlyList<Actor>? actors = null, IReadOnlyList<Condition>? conditions = null, IReadOnlyList<Venue>? venues = null, IReadOnlyList<OpenQuestion>? questions = null) => new()
        {
            Id = "story",
            Headline = "A story",
            Abstract = "A story.",
            Actors = actors ?? [],
            Conditions = conditions ?? [],
            Venues = venues ?? [],
            OpenQuestions = questions ?? [],
            Generator = new GeneratorInfo { Engine = "test", Model = "test" },
        };
}
