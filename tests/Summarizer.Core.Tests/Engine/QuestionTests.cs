using Summarizer.Core.Engine.Extraction;

namespace Summarizer.Core.Tests.Engine;

public sealed class QuestionTests
{
    [Fact]
    public void Remains_unclear_whether_becomes_a_question()
    {
        var summary = TestArticles.Summarize(
            "The ministers agreed to meet again. It remains unclear whether the opposition would join the next round of meetings.");

        var question = Assert.Single(summary.OpenQuestions);
        Assert.Equal("Would the opposition join the next round of meetings?", question.Question);
        Assert.Contains("remains unclear whether the opposition would join", question.Evidence.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_whether_clause_of_a_sentence_is_asked()
    {
        var summary = TestArticles.Summarize(
            "The library board met on Monday. It is unclear whether the branch will reopen in spring, and whether the county will fund the repairs.");

        var question = Assert.Single(summary.OpenQuestions);
        Assert.Equal("Will the branch reopen in spring, and will the county fund the repairs?", question.Question);
    }

    [Fact]
    public void Has_yet_to_is_an_open_question()
    {
        var summary = TestArticles.Summarize(
            "The airline has yet to say how many flights will be cancelled next week. Passengers were told to check the website.");

        var question = Assert.Single(summary.OpenQuestions);
        Assert.EndsWith("?", question.Question, StringComparison.Ordinal);
        Assert.Contains("has yet to say how many flights", question.Evidence.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_the_text_poses_is_kept_but_a_standalone_teaser_is_not()
    {
        var summary = TestArticles.Summarize(
            "Will the mayor resign?\n\nThe council voted on the budget on Monday. But who will pay for the new bridge that the council approved last year?");

        var question = Assert.Single(summary.OpenQuestions);
        Assert.Contains("who will pay for the new bridge", question.Evidence.Quote, StringComparison.Ordinal);
    }
}

public sealed class StatementQuestionTests
{
    [Theory]
    [InlineData("A ferry company spokeswoman said no date has been set for the winter timetable…”", "Has no date been set for the winter timetable?")]
    [InlineData("The harbour board has not settled on an appeal, and its lawyers are studying the ruling.", "What happens next, given that the harbour board has not settled on an appeal, and its lawyers are studying the ruling?")]
    [InlineData("The talks continue but the two sides are not yet close to a deal, one official said in a radio interview.", "What happens next, given that the talks continue but the two sides are not yet close to a deal, one official said in a radio interview?")]
    public void A_statement_picked_without_a_question_cue_is_asked_as_a_question(string statement, string question)
    {
        Assert.Equal(question, QuestionItems.AskAbout(statement));
    }
}
