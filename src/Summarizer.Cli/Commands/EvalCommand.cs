using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Summarizer.Core.Documents;

namespace Summarizer.Cli.Commands;

internal static class EvalCommand
{
    public static Command Create()
    {
        var goldDirectory = new Argument<DirectoryInfo>("gold-dir") { Description = "A folder of NAME.txt articles (with NAME.gold.json beside them)." };
        var outDirectory = new Option<DirectoryInfo>("--out") { Required = true, Description = "Where to write NAME.json, one summary per article." };
        var command = new Command("eval", "Summarise every NAME.txt of a gold folder into OUT/NAME.json, for eval/score.py.") { goldDirectory, outDirectory };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var gold = parse.GetValue(goldDirectory)!;
            var output = parse.GetValue(outDirectory)!;
            if (!gold.Exists)
            {
                await Console.Error.WriteLineAsync($"{gold.FullName}: no such folder.");
                return 1;
            }
            var articles = gold.GetFiles("*.txt").OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
            output.Create();
            var summarizer = new OfflineSummarizer();
            await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Summarising", maxValue: articles.Count);
                foreach (var article in articles)
                {
                    var summary = await summarizer.SummarizeAsync(article, cancellationToken);
                    var target = Path.Combine(output.FullName, Path.GetFileNameWithoutExtension(article.Name) + ".json");
                    await File.WriteAllTextAsync(target, JsonSerializer.Serialize(summary, DocumentJson.Indented), cancellationToken);
                    task.Increment(1);
                }
            });
            Console.WriteLine($"Wrote {articles.Count} summaries to {output.FullName}");
            return 0;
        });
        return command;
    }
}
