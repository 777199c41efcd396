using System.CommandLine;
using System.Text.Json;
using Summarizer.Core.Cleaning;
using Summarizer.Core.Documents;

namespace Summarizer.Cli.Commands;

internal static class SummarizeCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "Article files (text or HTML)." };
        var command = new Command("summarize", "Summarise files offline with the local engine (no storage) and print the summary JSON (JSON Lines for several files).") { files };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var summarizer = new OfflineSummarizer();
            var exitCode = 0;
            var inputs = parse.GetValue(files)!;
            // Several documents back to back are not JSON; one compact document per line (JSON Lines) is, line by line.
            var json = inputs.Length == 1 ? DocumentJson.Indented : DocumentJson.Options;
            foreach (var file in inputs)
            {
                if (!file.Exists)
                {
                    await Console.Error.WriteLineAsync($"{file.FullName}: no such file.");
                    exitCode = 1;
                    continue;
                }
                try
                {
                    var summary = await summarizer.SummarizeAsync(file, cancellationToken);
                    Console.WriteLine(JsonSerializer.Serialize(summary, json));
                }
                catch (ArticleRejectedException ex)
                {
                    await Console.Error.WriteLineAsync($"{file.Name}: {ex.Message}");
                    exitCode = 1;
                }
            }
            return exitCode;
        });
        return command;
    }
}
