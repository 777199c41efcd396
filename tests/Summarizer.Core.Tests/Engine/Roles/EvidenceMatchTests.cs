using Summarizer.Core.Engine.Roles;

namespace Summarizer.Core.Tests.Engine.Roles;

public sealed class EvidenceMatchTests
{
    private const string Reference = "the ferry operator will resume sailings only if the harbour dredging is finished";

    [Fact]
    public void A_quote_with_half_the_content_words_of_the_reference_matches()
    {
        Assert.True(EvidenceMatch.Matches("sailings resume only if the harbour dredging is finished", Reference));
        Assert.False(EvidenceMatch.Matches("the ferry operator said on Monday", Reference));
    }

    [Fact]
    public void A_paragraph_dump_around_the_reference_does_not_match()
    {
        const string filler = "Council members debated parking fees, school budgets and library opening hours at length. The mayor thanked volunteers "
            + "who cleaned the river banks, praised the new bakery on Elm Street, and announced a concert series for the summer months. "
            + "Residents raised complaints about potholes, noisy delivery trucks, broken streetlights and the price of swimming lessons.";

        Assert.False(EvidenceMatch.Matches($"{filler} {Reference}", Reference));
        Assert.True(EvidenceMatch.Covers($"{filler} {Reference}", Reference));
    }

    [Fact]
    public void Accents_and_curly_apostrophes_are_folded()
    {
        Assert.True(EvidenceMatch.Matches("the operator’s café staff walked out", "the operator's cafe staff walked out"));
    }
}
