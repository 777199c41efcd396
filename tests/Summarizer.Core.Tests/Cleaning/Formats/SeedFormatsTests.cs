using Summarizer.Core.Documents;
using Summarizer.Core.Engine;
using static Summarizer.Core.Tests.Cleaning.Formats.DocumentFixtures;

namespace Summarizer.Core.Tests.Cleaning.Formats;

/// <summary>The seed article summarised from a Word document or a PDF names what the plain-text seed names.</summary>
public sealed class SeedFormatsTests
{
    private sealed record Findings(string[] Actors, string[] Venues, string[] Conditions, string[] OpenQuestions);

    private static Findings Summarise(CleanedArticle article)
    {
        var draft = new LocalSummaryEngine().Summarize(article);
        return new Findings(
            [.. draft.Actors.Select(a => $"{a.Name} ({a.Kind})")],
            [.. draft.Venues.Select(v => $"{v.Name} ({v.Status})")],
            [.. draft.Conditions.Select(c => $"{c.Holder}: {c.Text}")],
            [.. draft.OpenQuestions.Select(q => q.Question)]);
    }

    private static Findings FromSeed() => Summarise(CleaningTestSupport.Clean(CleaningTestSupport.Seed(), "text/plain", "seed.txt"));

    [Fact]
    public void The_seed_as_a_word_document_gives_the_same_findings_as_the_text()
    {
        var expected = FromSeed();
        Assert.NotEmpty(expected.Actors);
        Assert.NotEmpty(expected.Venues);

        var actual = Summarise(CleaningTestSupport.Clean(SeedDocx(), null, "seed.docx"));

        AssertSame(expected, actual);
    }

    [Fact]
    public void The_seed_as_a_pdf_gives_the_same_findings_as_the_text()
    {
        var expected = FromSeed();

        var actual = Summarise(CleaningTestSupport.Clean(Pdf(SeedParagraphs(), header: "WORLD DESK", paragraphsPerPage: 4), null, "seed.pdf"));

        AssertSame(expected, actual);
    }

    [Fact]
    public void The_seed_flowed_over_two_columns_of_a_pdf_gives_the_same_findings_as_the_text()
    {
        var expected = FromSeed();
        var pdf = FlowedTwoColumnPdf(SeedParagraphs());

        var article = CleaningTestSupport.Clean(pdf, "application/pdf", "seed-columns.pdf");

        Assert.Equal(CleaningTestSupport.Clean(CleaningTestSupport.Seed(), "text/plain", "seed.txt").Paragraphs, article.Paragraphs);
        AssertSame(expected, Summarise(article));
    }

    private static void AssertSame(Findings expected, Findings actual)
    {
        Assert.Equal(expected.Actors, actual.Actors);
        Assert.Equal(expected.Venues, actual.Venues);
        Assert.Equal(expected.Conditions, actual.Conditions);
        Assert.Equal(expected.OpenQuestions, actual.OpenQuestions);
    }
}
