using Summarizer.Core.Documents;

namespace Summarizer.Core.Tests.Engine;

public sealed class VenueTests
{
    [Fact]
    public void Talks_held_in_a_city_make_it_the_venue()
    {
        var summary = TestArticles.Summarize(
            "Negotiators from both companies held talks in Geneva on Tuesday. They said progress was slow but talks would continue.");

        var venue = Assert.Single(summary.Venues);
        Assert.Equal("Geneva", venue.Name);
        Assert.Equal(VenueStatus.Held, venue.Status);
    }

    [Fact]
    public void A_country_offering_to_host_is_a_proposed_venue()
    {
        var summary = TestArticles.Summarize(
            "Both governments say they are open to talks in a third country, with Austria offering to host the negotiations.");

        var venue = Assert.Single(summary.Venues);
        Assert.Equal("Austria", venue.Name);
        Assert.Equal(VenueStatus.Proposed, venue.Status);
    }

    [Fact]
    public void A_named_facility_is_preferred_to_its_city()
    {
        var summary = TestArticles.Summarize(
            "The agency will hold its public hearing at the Riverside convention center in Denver on June 5. Residents may speak for three minutes each.");

        var venue = Assert.Single(summary.Venues);
        Assert.Equal("Riverside convention center", venue.Name);
        Assert.Equal(VenueStatus.Confirmed, venue.Status);
    }

    [Fact]
    public void A_country_that_is_only_a_party_is_not_a_venue()
    {
        var summary = TestArticles.Summarize(
            "The war in Ukraine has entered its third year. Leaders discussed the war at a summit in Brussels on Thursday.");

        var venue = Assert.Single(summary.Venues);
        Assert.Equal("Brussels", venue.Name);
    }

    [Fact]
    public void Places_offering_to_host_are_proposed_venues_but_a_place_merely_followed_is_not()
    {
        var summary = TestArticles.Summarize(
            "Organisers hope to follow Paris 2024 and stage the final next year. Lisbon and Seville have offered to host the final if the stadium is not ready.");

        Assert.Equal(["Lisbon", "Seville"], summary.Venues.Select(v => v.Name).Order());
        Assert.All(summary.Venues, v => Assert.Equal(VenueStatus.Proposed, v.Status));
    }

    [Fact]
    public void A_facility_outranks_its_city_even_when_the_city_leads_the_story()
    {
        var summary = TestArticles.Summarize(
            "DENVER, May 2 - The state will hold a hearing on the water permits next month. The hearing will be held at the R. Lowell conference hall in Denver, officials said.");

        Assert.Equal("R. Lowell conference hall", Assert.Single(summary.Venues).Name);
    }

    [Theory]
    [InlineData("The league cancelled the meeting in Porto after the clubs refused to attend.", VenueStatus.Disputed)]
    [InlineData("The ministers could meet in Porto next month if the draft is ready.", VenueStatus.Proposed)]
    [InlineData("The ministers are scheduled to meet in Porto on Friday.", VenueStatus.Confirmed)]
    [InlineData("The ministers will meet again on Friday, possibly in Porto.", VenueStatus.Proposed)]
    [InlineData("The ministers met in Porto on Friday.", VenueStatus.Held)]
    public void The_wording_of_the_sentence_sets_the_venue_status(string sentence, VenueStatus expected) =>
        Assert.Equal(expected, Summarizer.Core.Engine.Extraction.VenueExtractor.Status(sentence));

    [Fact]
    public void A_city_ready_to_host_is_a_proposed_venue()
    {
        var summary = TestArticles.Summarize(
            "The two unions have not agreed where to meet. Vienna is ready to host the talks, the mediator said.");

        var venue = Assert.Single(summary.Venues);
        Assert.Equal("Vienna", venue.Name);
        Assert.Equal(VenueStatus.Proposed, venue.Status);
    }

    [Fact]
    public void A_plural_event_word_places_the_event()
    {
        var summary = TestArticles.Summarize(
            "The band said two of its four concerts in Gothenburg were cancelled by the city. Fans were refunded on Monday.");

        Assert.Equal("Gothenburg", Assert.Single(summary.Venues).Name);
    }

    [Fact]
    public void Both_places_of_a_coordinated_pair_are_venues()
    {
        var summary = TestArticles.Summarize(
            "Trade ministers of both nations held talks in Osaka and Kyoto last week on steel tariffs.");

        Assert.Equal(["Kyoto", "Osaka"], summary.Venues.Select(v => v.Name).Order());
    }

    [Fact]
    public void The_city_where_a_court_delivered_its_ruling_is_the_venue()
    {
        var summary = TestArticles.Summarize(
            "A panel of three judges delivered the ruling in Kano on Friday, dismissing the airline's appeal against the fine.");

        var venue = Assert.Single(summary.Venues);
        Assert.Equal("Kano", venue.Name);
        Assert.Equal(VenueStatus.Held, venue.Status);
    }

    [Fact]
    public void An_unlisted_town_some_words_after_the_meeting_word_is_the_venue()
    {
        var summary = TestArticles.Summarize(
            "The club's chairman met league officials at the league's headquarters in Dunmore on Monday to discuss the replay.");

        Assert.Equal("Dunmore", Assert.Single(summary.Venues).Name);
    }

    [Fact]
    public void A_country_the_delegations_travel_to_for_talks_is_the_venue()
    {
        var summary = TestArticles.Summarize(
            "The first round ended without a deal. Both delegations will now travel to Oman for a second round of negotiations next week.");

        Assert.Equal("Oman", Assert.Single(summary.Venues).Name);
    }

    [Theory]
    [InlineData("The two leaders will hold a summit in Tigray next month, officials said.", "Tigray")]
    [InlineData("Fighting in Tigray has displaced thousands of families this year.", null)]
    public void A_region_is_a_venue_when_the_event_is_placed_in_it(string text, string? venue)
    {
        var summary = TestArticles.Summarize(text);

        Assert.Equal(venue, summary.Venues.SingleOrDefault()?.Name);
    }
}
