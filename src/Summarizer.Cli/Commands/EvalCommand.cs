using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Summarizer.Core.Cleaning;
using Summarizer.Core.Documents;
using Summarizer.Core.Engine;
using Summarizer.Pipeline.AzureOpenAI;

namespace Summarizer.Cli.Commands;

internal static class EvalCommand
{
    public static Command Create()
    {
        var goldDirectory = new Argument<DirectoryInfo>("gold-dir") { Description = "A folder of NAME.txt articles (with NAME.gold.json beside them)." };
        var outDirectory = new Option<DirectoryInfo>("--out") { Required = true, Description = "Where to write NAME.json, one summary per article." };
        var engineName = new Option<string>("--engine")
        {
            Description = "The engine to evaluate: local, or azure-openai with the endpoint from the usual settings.",
            DefaultValueFactory = _ => LocalSummaryEngine.EngineName,
        };
        engineName.AcceptOnlyFromAmong(LocalSummaryEngine.EngineName, AzureOpenAISummaryEngine.EngineName);
        var command = new Command("eval", "Summarise every NAME.txt of a gold folder into OUT/NAME.json, for eval/score.py.") { goldDirectory, outDirectory, engineName };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var gold = parse.GetValue(goldDirectory)!;
            var output = parse.GetValue(outDirectory)!;
            if (!gold.Exists)
            {
                await Console.Error.WriteLineAsync($"{gold.FullName}: no such folder.");
                return 1;
            }
            if (await CliSettings.EngineAsync([.. parse.UnmatchedTokens], parse.GetValue(engineName)!) is not ({ } services, { } engine))
            {
                return 2;
            }
            await using (services)
            {
                var articles = gold.GetFiles("*.txt").OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
                output.Create();
                var summarizer = new OfflineSummarizer(engine);
                var summaries = new List<SummaryDocument>();
                var failures = new List<string>();
                await AnsiConsole.Progress().StartAsync(async progress =>
                {
                    var task = progress.AddTask($"Summarising ({engine.Name})", maxValue: articles.Count);
                    foreach (var article in articles)
                    {
                        try
                        {
                            var summary = await summarizer.SummarizeAsync(article, cancellationToken);
                            var target = Path.Combine(output.FullName, Path.GetFileNameWithoutExtension(article.Name) + ".json");
                            await File.WriteAllTextAsync(target, JsonSerializer.Serialize(summary, DocumentJson.Indented), cancellationToken);
                            summaries.Add(summary);
                        }
                        catch (Exception ex) when (ex is SummaryEngineException or ArticleRejectedException)
                        {
                            // One article the model refuses or cannot answer does not void the others; it is named below and fails the run.
                            failures.Add($"{article.Name}: {ex.Message}");
                        }
                        task.Increment(1);
                    }
                });
                Console.WriteLine($"Wrote {summaries.Count} summaries to {output.FullName}");
                if (summaries.Any(s => s.Generator.ModelCalls is not null))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"Model: {summaries.Sum(s => s.Generator.ModelCalls ?? 0)} calls, {summaries.Sum(s => s.Generator.PromptTokens ?? 0):N0} prompt + {summaries.Sum(s => s.Generator.CompletionTokens ?? 0):N0} completion tokens, estimated cost USD {summaries.Sum(s => s.Generator.EstimatedCostUsd ?? 0)}"));
                }
                foreach (var failure in failures)
                {
                    await Console.Error.WriteLineAsync(failure);
                }
                return failures.Count == 0 ? 0 : 1;
            }
        });
        return command;
    }
}
