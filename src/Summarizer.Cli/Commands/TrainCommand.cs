using System.CommandLine;
using System.Text.Json;
using Summarizer.Core.Cleaning;
using Summarizer.Core.Documents;
using Summarizer.Core.Engine.Roles;

namespace Summarizer.Cli.Commands;

/// <summary><c>summarizer train GOLD_DIR --out FILE</c>: the sentence-role classifiers, reproduced from a marked set.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var goldDirectory = new Argument<DirectoryInfo>("gold-dir") { Description = "A folder of NAME.txt articles with NAME.gold.json beside each." };
        var outFile = new Option<FileInfo>("--out") { Required = true, Description = "Where to write the model (the engine ships it as Data/sentence-roles.tsv)." };
        var command = new Command("train", "Train the local engine's sentence-role classifiers (conditions, open questions) from marked articles.") { goldDirectory, outFile };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var gold = parse.GetValue(goldDirectory)!;
            var output = parse.GetValue(outFile)!;
            if (!gold.Exists)
            {
                await Console.Error.WriteLineAsync($"{gold.FullName}: no such folder.");
                return 1;
            }
            var articles = new List<TrainingArticle>();
            var cleaner = new ArticleCleaner();
            foreach (var marks in gold.GetFiles("*.gold.json").OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                var name = marks.Name[..^".gold.json".Length];
                var text = new FileInfo(Path.Combine(gold.FullName, name + ".txt"));
                if (!text.Exists)
                {
                    await Console.Error.WriteLineAsync($"{marks.Name}: no {text.Name} beside it.");
                    return 1;
                }
                try
                {
                    var cleaned = cleaner.Clean(await File.ReadAllBytesAsync(text.FullName, cancellationToken), ArticleId.FromBlobName(text.Name), UploadCommand.ContentTypeOf(text), text.Name);
                    using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(marks.FullName, cancellationToken));
                    articles.Add(new TrainingArticle(name, cleaned.Text, Spans(json.RootElement, "conditions"), Spans(json.RootElement, "open_questions")));
                }
                catch (ArticleRejectedException ex)
                {
                    await Console.Error.WriteLineAsync($"{text.Name}: {ex.Message}");
                    return 1;
                }
                catch (JsonException ex)
                {
                    await Console.Error.WriteLineAsync($"{marks.Name}: not valid JSON (line {ex.LineNumber + 1}).");
                    return 1;
                }
            }
            if (articles.Count < RoleTrainer.MinArticles)
            {
                await Console.Error.WriteLineAsync($"{gold.FullName}: {articles.Count} marked articles; training needs at least {RoleTrainer.MinArticles}.");
                return 1;
            }
            var report = RoleTrainer.Train(articles);
            await File.WriteAllTextAsync(output.FullName, report.ModelFile, cancellationToken);
            foreach (var line in report.Lines)
            {
                Console.WriteLine(line);
            }
            Console.WriteLine($"Wrote {output.FullName}");
            return 0;
        });
        return command;
    }

    private static List<GoldEvidence> Spans(JsonElement gold, string list) =>
        gold.TryGetProperty(list, out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray()
                .Where(i => i.TryGetProperty("evidence", out var e) && e.ValueKind == JsonValueKind.String)
                .Select(i => new GoldEvidence(i.GetProperty("evidence").GetString()!, !i.TryGetProperty("core", out var core) || core.ValueKind != JsonValueKind.False))
                .ToList()
            : [];
}
