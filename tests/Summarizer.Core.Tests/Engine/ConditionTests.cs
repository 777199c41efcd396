namespace Summarizer.Core.Tests.Engine;

public sealed class ConditionTests
{
    [Fact]
    public void Only_if_is_a_condition_held_by_the_clause_subject()
    {
        var summary = TestArticles.Summarize(
            "The Harbour Workers Federation will end its strike only if the port authority restores the night shift. Talks resume on Monday.");

        var condition = Assert.Single(summary.Conditions);
        Assert.Equal("Harbour Workers Federation", condition.Holder);
        Assert.Contains("only if the port authority restores the night shift", condition.Evidence.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void Demands_and_unless_are_conditions()
    {
        var summary = TestArticles.Summarize(
            "Portugal demands a written guarantee on water flows. Spain will not sign unless the drought clause is removed. The two ministers met for an hour.");

        Assert.Equal(2, summary.Conditions.Count);
        Assert.Contains(summary.Conditions, c => c.Holder == "Portugal" && c.Evidence.Quote.Contains("demands a written guarantee", StringComparison.Ordinal));
        Assert.Contains(summary.Conditions, c => c.Holder == "Spain" && c.Evidence.Quote.Contains("unless the drought clause is removed", StringComparison.Ordinal));
    }

    [Fact]
    public void Speaking_on_condition_of_anonymity_is_not_a_condition()
    {
        var summary = TestArticles.Summarize(
            "The two companies will announce the merger next week, a banker told reporters on condition of anonymity.");

        Assert.Empty(summary.Conditions);
    }

    [Fact]
    public void A_long_sentence_is_cut_to_the_clause_around_the_cue()
    {
        var filler = string.Join(' ', Enumerable.Repeat("the committee reviewed several older reports and heard from many local residents", 4));
        var summary = TestArticles.Summarize($"After a long session in which {filler}, the mayor said the bridge will reopen only if the inspectors approve the repairs and the budget is passed.");

        var condition = Assert.Single(summary.Conditions);
        Assert.True(condition.Evidence.Quote.Split(' ').Length <= 50);
        Assert.Contains("only if the inspectors approve the repairs", condition.Evidence.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void Putting_off_a_decision_until_something_happens_is_a_condition()
    {
        var summary = TestArticles.Summarize(
            "The planning board has postponed its decision on the harbour hotel until the developer submits a new flood study, the board said on Friday.");

        var condition = Assert.Single(summary.Conditions);
        Assert.Contains("until the developer submits a new flood study", condition.Evidence.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_that_states_the_terms_holds_them()
    {
        var summary = TestArticles.Summarize(
            "Voltaris Semiconductor paused its plant expansion on Wednesday. "
            + "The water board said it would only issue a new permit if Voltaris cuts its water use by a third.");

        var condition = Assert.Single(summary.Conditions);
        Assert.Equal("water board", condition.Holder);
    }
}
