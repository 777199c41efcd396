using System.Globalization;
using System.Text;
using Summarizer.Core.Documents;

namespace Summarizer.Core.Tests.Engine;

/// <summary>Which spans are actors: lower-case-head bodies, names that end in a country, and the capitalised spans that are not.</summary>
public sealed class ActorScopeTests
{
    [Fact]
    public void A_union_named_by_an_acronym_and_a_lower_case_head_is_an_actor()
    {
        var summary = TestArticles.Summarize(
            "Dock workers represented by the FNV union walked out at dawn on Monday. The union said the strike at the container terminals would last 48 hours.");

        Assert.Contains(summary.Actors, a => Names(a).Any(n => n.Contains("fnv", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_body_whose_name_ends_in_a_country_is_not_the_state()
    {
        var summary = TestArticles.Summarize(
            "Athletics Kenya suspended three coaches on Tuesday over missed doping tests. Athletics Kenya said the coaches would be barred from the national team camp until the inquiry ends.");

        Assert.Contains(summary.Actors, a => a.Name == "Athletics Kenya" && a.Kind == ActorKind.Organization);
        Assert.DoesNotContain(summary.Actors, a => a.Name == "Kenya");
    }

    [Fact]
    public void A_lower_case_government_is_an_actor_when_no_state_is_named()
    {
        var summary = TestArticles.Summarize(
            "The government has refused to reopen the copper mine. Miners said the government had broken its promise, and the government said safety came first.");

        Assert.Contains(summary.Actors, a => Names(a).Contains("government"));
    }

    [Fact]
    public void A_news_outlet_cited_as_a_source_is_not_an_actor()
    {
        var summary = TestArticles.Summarize(
            "The port of Valdemar will close for a week from Monday, Reuters reported. Harbour master Jonas Ek told the Financial Times that repairs were overdue. According to Reuters, the closure will cost shippers millions.");

        Assert.DoesNotContain(summary.Actors, a => a.Name.Contains("Reuters", StringComparison.Ordinal));
        Assert.DoesNotContain(summary.Actors, a => a.Name.Contains("Financial Times", StringComparison.Ordinal));
        Assert.Contains(summary.Actors, a => a.Name == "Jonas Ek");
    }

    [Fact]
    public void Event_and_product_names_are_not_actors()
    {
        var summary = TestArticles.Summarize(
            "The company will show its Galaxy Fold at Climate Week next month, chief executive Anna Dahl said. Climate Week draws thousands of visitors, and the Galaxy Fold sold well last year.");

        Assert.DoesNotContain(summary.Actors, a => a.Name.Contains("Climate Week", StringComparison.Ordinal));
        Assert.DoesNotContain(summary.Actors, a => a.Name.Contains("Galaxy", StringComparison.Ordinal));
    }

    [Fact]
    public void A_competition_named_only_before_an_event_noun_is_not_an_actor()
    {
        var summary = TestArticles.Summarize(
            "Hotels near the stadium are full ahead of the Continental Cup League final on Saturday, the tourism board said. Tickets for the Continental Cup League final sold out in an hour.");

        Assert.DoesNotContain(summary.Actors, a => a.Name.Contains("Continental", StringComparison.Ordinal));
    }

    [Fact]
    public void A_possessive_inside_a_body_name_keeps_the_name_whole()
    {
        var summary = TestArticles.Summarize(
            "The Smallholders' Union called off its tractor protest on Wednesday after the agriculture minister agreed to meet its leaders.");

        Assert.Contains(summary.Actors, a => a.Name == "Smallholders' Union" && a.Kind == ActorKind.Organization);
    }

    [Fact]
    public void Read_also_headlines_and_captions_produce_no_actors()
    {
        var summary = TestArticles.Summarize(
            "Bus drivers in the city began a two-day strike on Monday over pay and rest breaks.\n\nRead also: Harbor Logistics chief quits after Nordvik Freight takeover\n\nPhoto: Kasper Lund/Northern Images\n\nThe drivers' union said more strikes would follow if the operator did not improve its offer.");

        Assert.DoesNotContain(summary.Actors, a => a.Name.Contains("Nordvik", StringComparison.Ordinal) || a.Name.Contains("Harbor Logistics", StringComparison.Ordinal));
        Assert.DoesNotContain(summary.Actors, a => a.Name.Contains("Lund", StringComparison.Ordinal));
    }

    [Fact]
    public void A_club_and_a_council_joined_by_and_are_two_actors()
    {
        var summary = TestArticles.Summarize(
            "Kestrel United and Dunmore County Council agreed a lease on the new ground on Friday. Kestrel United, who have played at Ash Road since 1901, will move in 2027.");

        Assert.Contains(summary.Actors, a => a.Name == "Dunmore County Council");
        Assert.Contains(summary.Actors, a => a.Name == "Kestrel United");
        Assert.DoesNotContain(summary.Actors, a => a.Name.Contains(" and ", StringComparison.Ordinal) || a.Name.Contains("Ash Road", StringComparison.Ordinal));
    }

    [Fact]
    public void A_head_alone_does_not_become_an_actor_when_the_story_names_bodies()
    {
        var summary = TestArticles.Summarize(
            "Kestrel United and Dunmore County Council agreed a lease on Friday. The club will pay for the access road, and the club will share the ground with the county's youth teams.");

        Assert.DoesNotContain(summary.Actors, a => a.Name == "club");
    }

    /// <summary>Name and aliases folded like the scorer does: lower case, no leading "the".</summary>
    private static IEnumerable<string> Names(Actor actor) =>
        actor.Aliases.Prepend(actor.Name).Select(n =>
        {
            var s = n.ToLower(CultureInfo.InvariantCulture).Normalize(NormalizationForm.FormC);
            return s.StartsWith("the ", StringComparison.Ordinal) ? s[4..] : s;
        });
}
