using Summarizer.Core.Documents;

namespace Summarizer.Core.Tests.Engine;

public sealed class EntityTests
{
    [Fact]
    public void A_title_before_a_name_becomes_the_role_and_the_surname_an_alias()
    {
        var summary = TestArticles.Summarize(
            "Norwegian Fisheries Minister Ingrid Halvorsen said on Monday that quotas would be cut. Halvorsen added that talks with the fleet would continue.");

        var person = Assert.Single(summary.Actors, a => a.Kind == ActorKind.Person);
        Assert.Equal("Ingrid Halvorsen", person.Name);
        Assert.Equal("Norwegian Fisheries Minister", person.Role);
        Assert.Contains("Halvorsen", person.Aliases);
        Assert.Equal(2, person.Mentions);
    }

    [Fact]
    public void A_lower_case_role_or_an_appositive_marks_a_person()
    {
        var summary = TestArticles.Summarize(
            "The union said its spokesman Tomas Berg would attend. The agreement was signed by Lena Varga, the chief negotiator of the employers, late on Friday.");

        Assert.Contains(summary.Actors, a => a.Name == "Tomas Berg" && a.Kind == ActorKind.Person && a.Role == "spokesman");
        Assert.Contains(summary.Actors, a => a.Name == "Lena Varga" && a.Kind == ActorKind.Person);
    }

    [Fact]
    public void A_seat_of_government_names_its_state_wherever_it_stands()
    {
        var summary = TestArticles.Summarize(
            "Fishing quotas in the North Sea will be reviewed in the spring. A statement from Downing Street on Tuesday welcomed the review of the quotas.");

        var britain = Assert.Single(summary.Actors, a => a.Name == "United Kingdom");
        Assert.Equal(ActorKind.State, britain.Kind);
        Assert.Contains("Downing Street", britain.Aliases);
    }

    [Fact]
    public void A_capital_used_as_a_metonym_and_a_demonym_are_one_state()
    {
        var summary = TestArticles.Summarize(
            "Canada and Norway opened fisheries talks on Monday. Ottawa insists that quotas must fall, while Norwegian officials want a longer transition. Canada has not set a deadline.");

        var canada = Assert.Single(summary.Actors, a => a.Name == "Canada");
        Assert.Equal(ActorKind.State, canada.Kind);
        Assert.Contains("Ottawa", canada.Aliases);
        Assert.Contains(summary.Actors, a => a.Name == "Norway");
    }

    [Fact]
    public void A_capital_that_only_locates_an_event_is_not_the_state()
    {
        var summary = TestArticles.Summarize(
            "Union leaders and the rail operator met in Vienna on Tuesday to discuss pay. The operator said the meeting in Vienna was useful and more talks would follow.");

        Assert.DoesNotContain(summary.Actors, a => a.Name == "Austria");
    }

    [Fact]
    public void An_acronym_defined_in_parentheses_is_an_alias_of_the_body()
    {
        var summary = TestArticles.Summarize(
            "The Harbour Workers Federation (HWF) called a strike on Monday. The HWF said the strike would last until the port authority responds.");

        var body = Assert.Single(summary.Actors, a => a.Name == "Harbour Workers Federation");
        Assert.Contains("HWF", body.Aliases);
        Assert.Equal(2, body.Mentions);
    }

    [Fact]
    public void Bylines_are_not_actors()
    {
        var summary = TestArticles.Summarize(
            "The port authority said the strike would end on Friday after an agreement with the union.\n\n(Reporting by Maria Olsen; Editing by Peter Brandt)");

        Assert.DoesNotContain(summary.Actors, a => a.Name.Contains("Olsen", StringComparison.Ordinal) || a.Name.Contains("Brandt", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_states_joined_by_and_are_two_actors()
    {
        var summary = TestArticles.Summarize("Chile and Peru signed a fisheries accord on Monday. Chile said the accord would take effect next year, and Peru agreed.");

        Assert.Contains(summary.Actors, a => a.Name == "Chile");
        Assert.Contains(summary.Actors, a => a.Name == "Peru");
        Assert.DoesNotContain(summary.Actors, a => a.Name.Contains(" and ", StringComparison.Ordinal));
    }

    [Fact]
    public void Short_and_long_forms_of_a_body_are_merged()
    {
        var summary = TestArticles.Summarize(
            "The Oslo Harbour Board approved the new quay on Monday. The Harbour Board said work would start in May, and the OHB will publish the contracts.");

        var board = Assert.Single(summary.Actors, a => a.Name.EndsWith("Harbour Board", StringComparison.Ordinal));
        Assert.Contains("OHB", board.Aliases);
        Assert.Equal(3, board.Mentions);
    }

    [Fact]
    public void A_person_quoted_with_said_before_the_name_is_an_actor()
    {
        var summary = TestArticles.Summarize(
            "\"The quay will be finished on time,\" said Marit Solberg on Monday, adding that the budget was secure.");

        Assert.Contains(summary.Actors, a => a.Name == "Marit Solberg" && a.Kind == ActorKind.Person);
    }

    [Fact]
    public void A_middle_initial_stays_inside_the_name()
    {
        var summary = TestArticles.Summarize(
            "The inquiry heard from Maria K. Lindholm, a professor of hydrology, on Tuesday. Lindholm said the dam was safe.");

        Assert.Contains(summary.Actors, a => a.Name == "Maria K. Lindholm" && a.Kind == ActorKind.Person && a.Aliases.Contains("Lindholm"));
    }
}
