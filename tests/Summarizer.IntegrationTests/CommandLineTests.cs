using System.Text.Json;
using Summarizer.Core.Documents;

namespace Summarizer.IntegrationTests;

/// <summary><c>summarizer upload</c> and <c>summarizer summarize</c> run as processes, as newsroom staff and scripts run them.</summary>
public sealed class CommandLineTests(PipelineFixture pipeline) : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("summarizer-cli-");

    [Fact]
    public async Task Upload_with_a_url_posts_the_file_to_that_pipeline()
    {
        var file = Write("cli-upload-url.txt", Articles.Harbour);

        var run = await CliProcess.RunAsync(["upload", file, "--url", pipeline.Http.BaseAddress!.ToString()], new Dictionary<string, string>());

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("cli-upload-url.txt: accepted", run.Output, StringComparison.Ordinal);
        var status = await pipeline.WaitForOutcomeAsync("cli-upload-url");
        Assert.Equal("summarized", status.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("localhost:7071")]
    [InlineData("/api")]
    [InlineData("ftp://localhost:7071")]
    public async Task Upload_with_a_url_that_is_not_an_absolute_http_address_says_so_and_uploads_nothing(string url)
    {
        var file = Write("cli-upload-bad-url.txt", Articles.Harbour);

        var run = await CliProcess.RunAsync(["upload", file, "--url", url], new Dictionary<string, string>());

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains($"--url: '{url}' is not an absolute http:// or https:// address", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Uri", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summarize_with_several_files_prints_one_compact_summary_per_line()
    {
        var first = Write("first.txt", Articles.Harbour);
        var second = Write("second.txt", Articles.Harbour + "\n\nThe vote was unanimous.");

        var run = await CliProcess.RunAsync(["summarize", first, second], new Dictionary<string, string>());

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["first", "second"], lines.Select(line => JsonSerializer.Deserialize<SummaryDocument>(line, DocumentJson.Options)!.Id));
    }

    [Fact]
    public async Task Summarize_with_one_file_prints_it_pretty_printed()
    {
        var file = Write("single.txt", Articles.Harbour);

        var run = await CliProcess.RunAsync(["summarize", file], new Dictionary<string, string>());

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("{\n  \"id\": \"single\"", run.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal("single", JsonSerializer.Deserialize<SummaryDocument>(run.Output, DocumentJson.Options)!.Id);
    }

    [Fact]
    public async Task Summarize_prints_the_good_files_as_json_lines_names_the_bad_one_on_stderr_and_fails()
    {
        var good = Write("good.txt", Articles.Harbour);
        var empty = Write("empty.txt", "");
        var missing = Path.Combine(_work.FullName, "missing.txt");

        var run = await CliProcess.RunAsync(["summarize", good, empty, missing], new Dictionary<string, string>());

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal("good", JsonSerializer.Deserialize<SummaryDocument>(line, DocumentJson.Options)!.Id);
        Assert.Contains("empty.txt:", run.Error, StringComparison.Ordinal);
        Assert.Contains("missing.txt: no such file.", run.Error, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_work.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => _work.Delete(recursive: true);
}
