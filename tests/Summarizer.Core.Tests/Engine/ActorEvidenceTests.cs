namespace Summarizer.Core.Tests.Engine;

/// <summary>
/// People and bodies named the way news copy names them, with no title or list entry to recognise them by: the
/// evidence is how the sentence uses the name.
/// </summary>
public sealed class ActorEvidenceTests
{
    private static IReadOnlyList<string> Actors(string text) => TestArticles.Summarize(text).Actors.Select(a => a.Name).ToList();

    [Fact]
    public void A_company_named_by_a_bare_word_at_sentence_starts_is_an_actor()
    {
        var actors = Actors(
            "Norvik reported a loss of 12 million in the third quarter. Norvik's board is due to meet next week to review the offer from its largest shareholder.");

        Assert.Contains("Norvik", actors);
    }

    [Fact]
    public void A_person_introduced_by_a_long_appositive_before_speaking_is_an_actor()
    {
        var actors = Actors(
            "The school plan was approved on Monday. Marta Oyelaran, a local GP and the Upper Riverside Parents Association chairwoman, said the plan was rushed.");

        Assert.Contains("Marta Oyelaran", actors);
    }

    [Fact]
    public void A_speaker_named_after_a_common_noun_is_an_actor()
    {
        var actors = Actors(
            "Rents in the estate rose again this spring. \"We cannot pay this,\" said resident, Tomas Brink, on Friday.");

        Assert.Contains("Tomas Brink", actors);
    }

    [Fact]
    public void Bodies_whose_representatives_are_summoned_are_actors()
    {
        var actors = Actors(
            "A parliamentary committee summoned Brightwell and Corvex representatives on Friday, asking them to explain how they store customer data.");

        Assert.Contains("Brightwell", actors);
        Assert.Contains("Corvex", actors);
    }

    [Fact]
    public void A_body_whose_representatives_come_from_it_is_an_actor()
    {
        var actors = Actors("Representatives from Tidewatch walked out of the meeting with the port on Monday.");

        Assert.Contains("Tidewatch", actors);
    }

    [Fact]
    public void A_firm_its_analysts_work_at_is_a_body_not_a_person()
    {
        var actor = Assert.Single(TestArticles.Summarize(
            "Analysts at Marlow Finch said the regulator could demand the sale of up to 30 stores.").Actors);

        Assert.Equal("Marlow Finch", actor.Name);
        Assert.Equal(Summarizer.Core.Documents.ActorKind.Organization, actor.Kind);
    }

    [Fact]
    public void A_company_officer_is_a_person_with_a_role()
    {
        var actor = Assert.Single(TestArticles.Summarize(
            "Commenting on the forecast, Velmora Operating Officer Kenji Sato said: \"Currency moves cost us dearly this year.\"").Actors);

        Assert.Equal("Kenji Sato", actor.Name);
        Assert.Equal("Velmora Operating Officer", actor.Role);
    }

    [Fact]
    public void A_councillor_abbreviated_as_cllr_is_a_person()
    {
        var actors = Actors(
            "The planning committee approved the housing scheme. Cllr Ada Penrose raised concerns over the share of affordable homes.");

        Assert.Contains("Ada Penrose", actors);
    }

    [Fact]
    public void A_body_name_that_opens_with_a_common_word_keeps_it_after_the()
    {
        var actors = Actors(
            "The tournament was moved to March by the All Nations Chess Federation, which cited the cost of the venue.");

        Assert.Contains("All Nations Chess Federation", actors);
    }

    [Fact]
    public void A_body_name_that_opens_with_a_common_word_keeps_it_after_a_sentence_initial_the()
    {
        var actors = Actors("The All Nations Chess Federation moved the tournament to March, citing the cost of the venue.");

        Assert.Contains("All Nations Chess Federation", actors);
    }

    [Fact]
    public void One_word_of_the_and_a_name_is_one_body()
    {
        var actors = Actors(
            "The lawsuit was filed by Keepers of the Marsh in April. A spokeswoman for Keepers of the Marsh said the group would appeal any ruling.");

        Assert.Contains("Keepers of the Marsh", actors);
        Assert.DoesNotContain("Marsh", actors);
    }

    [Fact]
    public void Geographic_features_are_places_not_bodies()
    {
        var actors = Actors(
            "The Osmund Archipelago will be closed to trawlers, the Coastal Fisheries Authority said on Monday. "
            + "Boats already near the Osmund Archipelago have a week to leave, and the Osmund Archipelago will reopen in May.");

        Assert.Equal(["Coastal Fisheries Authority"], actors);
    }

    [Fact]
    public void An_and_inside_a_bodys_of_complement_is_part_of_the_name()
    {
        var actors = Actors(
            "The Department of Fisheries and Coastal Affairs said it would publish the quota on Friday.");

        Assert.Contains("Department of Fisheries and Coastal Affairs", actors);
    }

    [Fact]
    public void Two_bodies_joined_by_and_stay_two_when_the_second_is_named_on_its_own()
    {
        var actors = Actors(
            "The Bank of Tarland and Corvane signed the loan on Monday. Corvane said the terms were fair, and Corvane will repay it by 2030.");

        Assert.Contains("Bank of Tarland", actors);
        Assert.Contains("Corvane", actors);
    }

    [Fact]
    public void A_company_form_is_left_out_of_the_name_and_kept_as_an_alias()
    {
        var actor = Assert.Single(TestArticles.Summarize(
            "Shares in Norsk Tideworks ASA fell on Monday after the fishing quota was cut. Norsk Tideworks said it would appeal.").Actors);

        Assert.Equal("Norsk Tideworks", actor.Name);
        Assert.Contains("Norsk Tideworks ASA", actor.Aliases);
    }

    [Fact]
    public void A_company_form_before_and_ends_the_first_of_two_names()
    {
        var actors = Actors(
            "Velmora Inc. and Quintrell PLC signed the supply agreement on Friday, officials from both firms said.");

        Assert.Contains("Velmora", actors);
        Assert.Contains("Quintrell", actors);
    }

    [Fact]
    public void An_unnamed_body_beside_a_named_party_is_an_actor()
    {
        var actors = Actors("The Northvale Hospital Trust and the nurses' union agreed on Thursday to hire 200 more nurses by spring.");

        Assert.Contains("nurses' union", actors);
    }

    [Fact]
    public void An_unnamed_body_the_story_keeps_naming_is_an_actor()
    {
        var actors = Actors(
            "Parents asked the school board to delay the vote. The Westbrook Parents Group said the school board had not listened to families.");

        Assert.Contains("school board", actors);
    }

    [Fact]
    public void An_unnamed_body_is_not_listed_when_a_named_body_has_its_head()
    {
        var actors = Actors(
            "The Tarn Valley Farmers Union met ministers on Monday. The farmers' union said the farmers' union would not sign the deal.");

        Assert.DoesNotContain("farmers' union", actors);
        Assert.Contains("Tarn Valley Farmers Union", actors);
    }

    [Fact]
    public void Either_party_is_not_a_body()
    {
        var actors = Actors("The agreement lets either party withdraw within a month, and either party may ask the court to rule.");

        Assert.DoesNotContain("either party", actors);
    }

    [Fact]
    public void A_known_persons_administration_is_a_body()
    {
        var actors = Actors("The Trump administration gave the university until Friday to accept the terms, officials said.");

        Assert.Contains("Trump administration", actors);
    }

    [Fact]
    public void A_single_name_that_speaks_is_a_body()
    {
        var actors = Actors("Skyhop said it would close its base at the airport if landing fees rose again next year.");

        Assert.Contains("Skyhop", actors);
    }

    [Fact]
    public void An_ordinary_plural_that_speaks_at_a_sentence_start_is_not_a_body()
    {
        var actors = Actors("The quarry will stay shut until spring. Miners said the closure would cost them a season's pay.");

        Assert.DoesNotContain("Miners", actors);
    }

    [Fact]
    public void A_court_named_by_its_city_is_a_body_even_after_a()
    {
        var actor = Assert.Single(TestArticles.Summarize(
            "A Lagos court ordered the shipping line and the port authority to return to mediation on Monday.").Actors);

        Assert.Equal("Lagos court", actor.Name);
    }

    [Fact]
    public void A_group_described_after_a_is_not_a_particular_body()
    {
        var actors = Actors("The trade minister praised a plan drawn up by a Japanese study group for opening talks on tariffs.");

        Assert.DoesNotContain(actors, a => a.EndsWith("study group", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sports_club_is_a_body_not_a_person()
    {
        var actor = TestArticles.Summarize("Dunmore Rovers beat the league leaders 2-1 on Saturday to climb to fourth in the table.").Actors
            .Single(a => a.Name == "Dunmore Rovers");

        Assert.Equal(Summarizer.Core.Documents.ActorKind.Organization, actor.Kind);
    }

    [Fact]
    public void An_ordinary_word_before_officials_at_a_sentence_start_describes_them()
    {
        var actors = Actors("The plant will close in May. Local officials fear the loss of 1,200 jobs.");

        Assert.DoesNotContain("Local", actors);
    }

    [Fact]
    public void A_surname_that_is_also_a_place_word_is_still_a_surname()
    {
        var actor = TestArticles.Summarize("Voltaris chief executive Mina Park said the company was studying its options.").Actors
            .Single(a => a.Kind == Summarizer.Core.Documents.ActorKind.Person);

        Assert.Equal("Mina Park", actor.Name);
    }

    [Fact]
    public void A_role_with_a_lower_case_of_complement_introduces_a_person()
    {
        var actor = TestArticles.Summarize(
            "The talks include the leader of the opposition Ana Ruiz, people familiar with the process said.").Actors.Single();

        Assert.Equal("Ana Ruiz", actor.Name);
        Assert.Equal("leader of the opposition", actor.Role);
    }

    [Fact]
    public void Two_names_after_a_plural_title_are_both_people()
    {
        var actors = Actors(
            "Voters in the north rejected former ministers Farida Noor Khan and Tariq Aziz Malik in Sunday's election.");

        Assert.Contains("Farida Noor Khan", actors);
        Assert.Contains("Tariq Aziz Malik", actors);
    }

    [Fact]
    public void An_office_after_a_name_is_a_role_not_a_body()
    {
        var actors = Actors("Berths are short in the port, Hana Lind, Minister of Harbour Services, says she will add 300 berths.");

        Assert.Contains("Hana Lind", actors);
        Assert.DoesNotContain(actors, a => a.Contains("Harbour Services", StringComparison.Ordinal));
    }
}
