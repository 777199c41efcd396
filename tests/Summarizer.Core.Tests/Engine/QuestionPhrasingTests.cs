using Summarizer.Core.Engine.Extraction;

namespace Summarizer.Core.Tests.Engine;

/// <summary>How the evidence of an open question is asked as a question, one phrasing rule per row.</summary>
public sealed class QuestionPhrasingTests
{
    [Theory]
    [InlineData("Will the museum reopen before the summer?", "Will the museum reopen before the summer?")]
    [InlineData("The city council has yet to approve the new bus routes", "When will the city council approve the new bus routes?")]
    [InlineData("The cost of the repairs is still unclear", "What is the cost of the repairs?")]
    [InlineData("The hospital trust has not yet responded to a letter from the nurses", "Will the hospital trust respond to a letter from the nurses?")]
    [InlineData("The two clubs are expected to announce the transfer on Friday", "Will the two clubs announce the transfer on Friday?")]
    [InlineData("No date has been set for the second round of talks", "When will the second round of talks take place?")]
    [InlineData("Hopes for an early settlement are fading, negotiators said", "Will there be an early settlement?")]
    [InlineData("The growers' association said it was considering its options", "What will the growers' association do?")]
    [InlineData("The merger could still be blocked by the regulator", "Will the merger be blocked by the regulator?")]
    [InlineData("The ferry operator said it has yet to receive the crews' proposal", "When will the ferry operator receive the crews' proposal?")]
    [InlineData("It is unclear whether the 9,000 staff will back the agreement", "Will the 9,000 staff back the agreement?")]
    [InlineData("The competition authority has not said when it will rule", "When will the competition authority rule?")]
    [InlineData("It is not known when it will reopen", "When will it reopen?")]
    [InlineData("The ferry operator said it expected to resume sailings by June", "Will the ferry operator resume sailings by June?")]
    [InlineData("It is not known when the ferry will sail again", "When will the ferry sail again?")]
    [InlineData("It remains unclear whether the school will open in May", "Will the school open in May?")]
    [InlineData("The board has yet to decide whether to sell the stadium", "When will the board decide whether to sell the stadium?")]
    [InlineData("It is uncertain whether the bridge will reopen, and whether the state will pay for it", "Will the bridge reopen, and will the state pay for it?")]
    public void Evidence_is_asked_as_a_question(string evidence, string question) =>
        Assert.Equal(question, QuestionItems.Ask(evidence));
}
