namespace Summarizer.Core.Tests.Engine;

/// <summary>Uncertainty the text states without a cue word such as "unclear": unset dates, low hopes, hedged outcomes.</summary>
public sealed class UncertaintyTests
{
    [Fact]
    public void No_date_has_been_set_is_an_open_question()
    {
        var summary = TestArticles.Summarize(
            "The regulator and the water companies ended their first meeting on Monday. No date has been set for the next round of talks, a spokesman for the regulator said.");

        var question = Assert.Single(summary.OpenQuestions);
        Assert.Contains("No date has been set for the next round of talks", question.Evidence.Quote, StringComparison.Ordinal);
        Assert.EndsWith("?", question.Question, StringComparison.Ordinal);
    }

    [Fact]
    public void Low_expectations_are_an_open_question()
    {
        var summary = TestArticles.Summarize(
            "Negotiators for the club and the city met for six hours on Friday. Expectations of a deal on the stadium lease are low after the club rejected the latest offer.");

        Assert.Contains(summary.OpenQuestions, q => q.Evidence.Quote.Contains("Expectations of a deal on the stadium lease are low", StringComparison.Ordinal));
    }

    [Fact]
    public void A_whether_clause_frames_the_question_over_low_hopes_beside_it()
    {
        var summary = TestArticles.Summarize(
            "The ferry crews stayed in port for a fourth day on Monday. It is not yet clear whether the operator will accept the mediator's proposal, and hopes for a quick settlement remain low.");

        var question = Assert.Single(summary.OpenQuestions);
        Assert.Equal("Will the operator accept the mediator's proposal?", question.Question);
    }

    [Fact]
    public void An_expected_outcome_is_asked_as_a_question_about_its_subject()
    {
        var summary = TestArticles.Summarize(
            "The port authority met shipping companies on Monday about the new berth fees. The fees are expected to take effect in the spring, though shippers have asked for a delay.");

        Assert.Contains(summary.OpenQuestions, q => q.Question == "Will the fees take effect in the spring?");
    }

    [Fact]
    public void Faded_hopes_are_an_open_question()
    {
        var summary = TestArticles.Summarize(
            "Junior doctors walked out again on Thursday. Hopes of an early settlement faded when the health ministry withdrew its offer.");

        Assert.Contains(summary.OpenQuestions, q => q.Evidence.Quote.Contains("Hopes of an early settlement faded", StringComparison.Ordinal));
    }

    [Fact]
    public void Has_not_said_whether_becomes_an_inverted_question()
    {
        var summary = TestArticles.Summarize(
            "A court on Tuesday struck down the ban on night flights. The transport ministry has not said whether it will appeal the ruling.");

        var question = Assert.Single(summary.OpenQuestions);
        Assert.Equal("Will it appeal the ruling?", question.Question);
    }

    [Fact]
    public void A_hedged_outcome_is_an_open_question()
    {
        var summary = TestArticles.Summarize(
            "The two supermarket chains agreed their merger terms last month. The deal may yet be blocked by the competition authority, which opens its review next week.");

        Assert.Contains(summary.OpenQuestions, q => q.Evidence.Quote.Contains("may yet be blocked by the competition authority", StringComparison.Ordinal));
    }

    [Fact]
    public void Considering_its_options_is_an_open_question()
    {
        var summary = TestArticles.Summarize(
            "The league fined the club for the crowd trouble on Saturday. The club is considering its options, a spokeswoman said.");

        Assert.Contains(summary.OpenQuestions, q => q.Evidence.Quote.Contains("is considering its options", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_weak_signs_of_an_open_matter_make_an_open_question()
    {
        var summary = TestArticles.Summarize(
            "The bus drivers' union met the city transport board on Tuesday. A strike before the holidays has not been ruled out, and a decision on the pay offer is due next week.");

        var question = Assert.Single(summary.OpenQuestions);
        Assert.Contains("has not been ruled out", question.Evidence.Quote, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A strike before the holidays has not been ruled out, and a decision on the pay offer is due next week.", true)]
    [InlineData("The session was adjourned late on Friday, and no agreement was reached with the tenants.", true)]
    [InlineData("The landlord has not ruled out selling the building.", false)]
    public void Weak_signs_count_for_the_rules_only_in_pairs(string text, bool picked)
    {
        var sentence = Summarizer.Core.Engine.Text.TextModel.Build(text).Sentences.Single();

        var score = Summarizer.Core.Engine.Extraction.CueExtractor.Score(sentence, Summarizer.Core.Engine.Lexicon.Gazetteer.Instance.QuestionCues, questions: true).Score;

        Assert.Equal(picked, score >= Summarizer.Core.Engine.Roles.RoleCandidates.RuleThreshold);
    }

    [Fact]
    public void A_settled_fact_is_not_an_open_question()
    {
        var summary = TestArticles.Summarize(
            "The new bridge opened to traffic on Monday after two years of work. The city paid for most of the project, and the state covered the rest.");

        Assert.Empty(summary.OpenQuestions);
    }

    [Theory]
    [InlineData("No date has been set for the next round of talks.", "When will the next round of talks take place?")]
    [InlineData("Expectations of an early compromise remain low.", "Will there be an early compromise?")]
    [InlineData("It is not known when the two sides will meet again.", "When will the two sides meet again?")]
    public void Cue_less_uncertainty_is_phrased_as_a_question(string sentence, string expected)
    {
        var summary = TestArticles.Summarize("The ferry company and the crews' union met for five hours on Tuesday. " + sentence);

        var question = Assert.Single(summary.OpenQuestions);
        Assert.Equal(expected, question.Question);
    }
}
