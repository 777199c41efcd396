using Summarizer.Core.Engine.Extraction;
using Summarizer.Core.Engine.Lexicon;
using Summarizer.Core.Engine.Roles;
using Summarizer.Core.Engine.Text;

namespace Summarizer.Core.Tests.Engine;

/// <summary>Demands stated with ordinary verbs: the verb's role makes the clause a condition, its subject the holder.</summary>
public sealed class ClauseRoleTests
{
    [Fact]
    public void Insists_on_is_a_condition_held_by_the_lower_case_subject()
    {
        var summary = TestArticles.Summarize(
            "Nurses at the two city hospitals stayed off the wards for a third day on Wednesday. The nurses' union insists on a 12 percent pay rise before its members return to work. Hospital managers have offered half of that.");

        var condition = Assert.Single(summary.Conditions, c => c.Evidence.Quote.Contains("insists on a 12 percent pay rise", StringComparison.Ordinal));
        Assert.Contains("union", condition.Holder, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Expects_concessions_is_a_demand_held_by_the_subject()
    {
        var summary = TestArticles.Summarize(
            "Trade negotiators from Indonesia and Australia met for a third day on Tuesday. Indonesia expects tariff concessions on its palm oil exports, officials familiar with the talks said. Both sides described the meeting as constructive.");

        var condition = Assert.Single(summary.Conditions, c => c.Evidence.Quote.Contains("expects tariff concessions", StringComparison.Ordinal));
        Assert.Equal("Indonesia", condition.Holder);
    }

    [Fact]
    public void The_condition_text_is_what_is_asked_without_the_attribution()
    {
        var summary = TestArticles.Summarize(
            "Trade negotiators from Indonesia and Australia met for a third day on Tuesday. Indonesia expects tariff concessions on its palm oil exports, officials familiar with the talks said. " +
            "\"We will not sign anything that cuts pensions,\" union leader Tom Hale told reporters after the meeting.");

        Assert.Contains(summary.Conditions, c => c.Text == "tariff concessions on its palm oil exports");
        Assert.Contains(summary.Conditions, c => c.Text == "will not sign anything that cuts pensions");
    }

    [Fact]
    public void Expecting_an_event_is_not_a_demand_to_the_cue_rules()
    {
        // The rules alone do not take it; whether the sentence is worth listing is left to the sentence-role classifier.
        var sentence = TextModel.Build("The coach of the home side said he expects a tough match against the league leaders on Sunday.").Sentences.Single();

        Assert.True(CueExtractor.Score(sentence, Gazetteer.Instance.ConditionCues, questions: false).Score < RoleCandidates.RuleThreshold);
    }

    [Fact]
    public void A_match_report_without_terms_has_no_conditions()
    {
        var summary = TestArticles.Summarize(
            "The home side beat the league leaders 3-1 on Sunday. Two late goals from the captain settled a game that had been level for an hour. "
            + "The crowd of 40,000 sang until the final whistle. Tickets for the next home game went on sale this morning.");

        Assert.Empty(summary.Conditions);
    }

    [Fact]
    public void A_weather_report_that_names_no_party_has_no_conditions()
    {
        var summary = TestArticles.Summarize(
            "Heavy rain fell across the northern coast on Tuesday as a storm moved inland, flooding several roads. "
            + "The weather service said more than 80 millimetres of rain fell overnight. "
            + "Forecasters expect the rain to ease by Thursday, with sunshine returning at the weekend.");

        Assert.Empty(summary.Conditions);
    }

    [Fact]
    public void Is_pressing_for_is_a_demand_held_by_the_subject()
    {
        var summary = TestArticles.Summarize(
            "The dispute over the river has dragged on for a decade. The valley water board is pressing for a cap on groundwater pumping by the large farms upstream. The farms say the cap would ruin them.");

        var condition = Assert.Single(summary.Conditions, c => c.Evidence.Quote.Contains("pressing for a cap on groundwater pumping", StringComparison.Ordinal));
        Assert.Contains("water board", condition.Holder, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Urged_someone_to_is_a_demand_held_by_the_one_who_urged()
    {
        var summary = TestArticles.Summarize(
            "Hundreds of tractors blocked the ring road on Monday. Farmers urged the regional authority to restore last year's water allocation before the planting season. The authority said it would study the request.");

        var condition = Assert.Single(summary.Conditions, c => c.Evidence.Quote.Contains("urged the regional authority to restore", StringComparison.Ordinal));
        Assert.Equal("Farmers", condition.Holder);
    }

    [Fact]
    public void Will_not_accept_unless_is_a_condition_of_the_named_subject()
    {
        var summary = TestArticles.Summarize(
            "The stadium talks resumed on Thursday. Mayor Clara Ruiz will not accept a new lease unless the club pays for the roof repairs, her office said. The club has played at the ground since 1921.");

        var condition = Assert.Single(summary.Conditions, c => c.Evidence.Quote.Contains("will not accept a new lease unless the club pays", StringComparison.Ordinal));
        Assert.Equal("Clara Ruiz", condition.Holder);
    }

    [Fact]
    public void Seeks_compensation_is_a_demand_held_by_the_subject()
    {
        var summary = TestArticles.Summarize(
            "Flights were cancelled for two days after the runway lights failed. The airline seeks compensation from the airport operator for the lost revenue. The operator blamed a contractor.");

        var condition = Assert.Single(summary.Conditions, c => c.Evidence.Quote.Contains("seeks compensation from the airport operator", StringComparison.Ordinal));
        Assert.Contains("airline", condition.Holder, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_pronoun_subject_holds_through_the_actor_named_before()
    {
        var summary = TestArticles.Summarize(
            "Teresa Alves, who chairs the tenants' association, met the housing company on Friday. She wants a written promise that rents will be frozen for two years.");

        var condition = Assert.Single(summary.Conditions, c => c.Evidence.Quote.Contains("wants a written promise", StringComparison.Ordinal));
        Assert.Equal("Teresa Alves", condition.Holder);
    }

    [Fact]
    public void A_second_verb_shares_the_subject_of_the_first()
    {
        var summary = TestArticles.Summarize(
            "The stadium lease expires next spring. The city wants a 30-year agreement and is pressing for a share of ticket revenue from the club.");

        var condition = Assert.Single(summary.Conditions);
        Assert.Equal("city", condition.Holder);
    }

    [Fact]
    public void A_quoted_condition_is_held_by_its_speaker()
    {
        var summary = TestArticles.Summarize(
            "Talks between ferry operator chief executive Ivar Dahl and the crews broke up on Friday. \"We will not sign anything unless the night rota is scrapped,\" union negotiator Petra Novak told reporters.");

        var condition = Assert.Single(summary.Conditions);
        Assert.Equal("Petra Novak", condition.Holder);
    }

    [Fact]
    public void A_name_set_off_after_a_lower_case_head_holds_for_it()
    {
        var summary = TestArticles.Summarize(
            "The teachers' union, UDT, insists on smaller classes before it signs the new contract. The union also wants more planning time.");

        Assert.All(summary.Conditions, c => Assert.Equal("UDT", c.Holder));
        Assert.Equal(2, summary.Conditions.Count);
    }

    [Fact]
    public void A_noun_demand_later_in_the_sentence_does_not_take_the_holder()
    {
        var summary = TestArticles.Summarize(
            "Port director Jacques Morel met the crane operators on Tuesday. He wants a deal before the Rhone Shipping Company opens its new terminal and draws extra freight demand.");

        var condition = Assert.Single(summary.Conditions);
        Assert.Equal("Jacques Morel", condition.Holder);
    }

    [Fact]
    public void A_passive_requirement_is_held_by_the_speaker_not_its_grammatical_subject()
    {
        var summary = TestArticles.Summarize(
            "Port director Jacques Morel said on Tuesday that automation was needed to keep the terminals competitive against rival ports.");

        var condition = Assert.Single(summary.Conditions);
        Assert.Equal("Jacques Morel", condition.Holder);
    }

    [Fact]
    public void A_body_owned_by_a_pronoun_holds_through_the_person_named_before()
    {
        var summary = TestArticles.Summarize(
            "Coalition talks entered a fourth week on Monday. Party leader Ilse Brandauer said her party would not back the budget unless it included a carbon price.");

        var condition = Assert.Single(summary.Conditions);
        Assert.Equal("Ilse Brandauer", condition.Holder);
    }
}
