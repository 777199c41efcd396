namespace Summarizer.IntegrationTests;

/// <summary><c>summarizer bench-formats</c>: Word and PDF documents generated from the seed are cleaned and timed.</summary>
public sealed class BenchFormatsCommandTests
{
    [Fact]
    public async Task Bench_formats_cleans_the_generated_word_and_pdf_documents_and_reports_their_rates()
    {
        var run = await CliProcess.RunAsync(["bench-formats", "--seconds", "0.2"], new Dictionary<string, string>());

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Matches(@"(?m)^\.docx: 2 files \(\d+ KB\) .* documents/s; slowest .*; rejected 0$", run.Output);
        Assert.Matches(@"(?m)^\.pdf: 2 files \(\d+ KB, \d+ pages\) .* documents/s, [\d.]+ pages/s; slowest .*; rejected 0$", run.Output);
        Assert.Matches(@"(?m)^peak working set \d+ MB$", run.Output);
    }
}
