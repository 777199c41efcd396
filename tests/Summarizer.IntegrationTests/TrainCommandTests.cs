using System.Text.Json;

namespace Summarizer.IntegrationTests;

/// <summary><c>summarizer train</c> run as a user runs it, on a marked set written here (invented articles).</summary>
public sealed class TrainCommandTests : IDisposable
{
    private readonly DirectoryInfo _gold = Directory.CreateTempSubdirectory("summarizer-train-");

    private void WriteArticle(string name, string text, string conditionEvidence)
    {
        File.WriteAllText(Path.Combine(_gold.FullName, name + ".txt"), text);
        var marks = new
        {
            actors = Array.Empty<object>(),
            venues = Array.Empty<object>(),
            conditions = new[] { new { holder = "council", text = conditionEvidence, evidence = conditionEvidence, core = true } },
            open_questions = new[] { new { question = "When will the vote be held?", evidence = "no date has been set for the vote", core = false } },
        };
        File.WriteAllText(Path.Combine(_gold.FullName, name + ".gold.json"), JsonSerializer.Serialize(marks));
    }

    private void WriteMarkedSet(int count)
    {
        string[] towns = ["Easton", "Westbury", "Northfield", "Southport", "Highmoor", "Lowdale"];
        for (var i = 0; i < count; i++)
        {
            var term = $"the {towns[i]} council will approve the budget only if the library stays open on Saturdays";
            WriteArticle($"story-{i}",
                $"Budget talks in {towns[i]} ran late on Tuesday.\n\nCouncillors said {term}.\n\nResidents filled the public gallery for the whole evening session.\n\nIt is unclear whether a vote will follow, and no date has been set for the vote.",
                term);
        }
    }

    [Fact]
    public async Task Training_on_a_marked_folder_writes_a_model_and_reports_held_out_scores()
    {
        WriteMarkedSet(6);
        var model = Path.Combine(_gold.FullName, "roles.tsv");

        var run = await CliProcess.RunAsync(["train", _gold.FullName, "--out", model], new Dictionary<string, string>());

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("6 articles", run.Output, StringComparison.Ordinal);
        Assert.Contains("conditions: rules only F1", run.Output, StringComparison.Ordinal);
        var lines = File.ReadAllLines(model);
        Assert.StartsWith("# Sentence-role classifiers", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("condition\t@threshold\t", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("open-question\t@max-items\t", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Too_few_marked_articles_is_a_clear_error()
    {
        WriteMarkedSet(2);

        var run = await CliProcess.RunAsync(["train", _gold.FullName, "--out", Path.Combine(_gold.FullName, "roles.tsv")], new Dictionary<string, string>());

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("2 marked articles; training needs at least 5", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_gold.FullName, "roles.tsv")));
    }

    [Fact]
    public async Task A_damaged_marks_file_is_named_with_its_line()
    {
        WriteMarkedSet(6);
        File.WriteAllText(Path.Combine(_gold.FullName, "story-3.gold.json"), "{\n  \"conditions\": [\n    {\"evidence\": }\n  ]\n}");

        var run = await CliProcess.RunAsync(["train", _gold.FullName, "--out", Path.Combine(_gold.FullName, "roles.tsv")], new Dictionary<string, string>());

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("story-3.gold.json: not valid JSON (line 3).", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _gold.Delete(recursive: true);
}
